"""Clear, copy and paste of a :class:`~.view.Grid` (mixed into it): Delete clears the selected
cells, Ctrl+C copies them as TSV, Ctrl+V pastes a TSV block from Excel/WPS at the current cell,
growing rows as needed. Each is one undo step (the session's macro)."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..models.base import ErrorRole, KindRole
from ..qt import QGuiApplication, QItemSelection, QItemSelectionModel, Qt
from ..session_tx import SessionError
from ...domain.cells import unit_unclear
from . import tsv

EDIT_ROLE = Qt.ItemDataRole.EditRole


def taken_back(what: str):
    """A grid operation whose write failed (disk full, U盘 out): the session has taken it back
    whole and shown the 保存失败 box; the status bar says so, and nothing escapes the key
    handler (not out of keyPressEvent into Qt's log)."""
    def wrap(fn):
        @functools.wraps(fn)
        def run(self, *args, **kwargs):
            try:
                return fn(self, *args, **kwargs)
            except SessionError as exc:
                if not exc.told:
                    raise
                self._say(f"{what}没有保存，表格和文件都是操作前的样子；腾出空间（或接回 U 盘）后再做一次", 0)
        return run
    return wrap


class ClipboardOps:
    SCATTERED = "所选的格子不相连：不能对多个选定区域使用此命令，请只选一块相连的区域"

    def selection_strayed(self) -> bool:
        """The cursor is outside the selection (a programmatic move, a Ctrl+click elsewhere): as
        in Excel, the cursor's cell is then what Delete, copy, paste and 删除行 act on — never a
        highlighted cell that may be out of view."""
        cur, model = self.currentIndex(), self.selectionModel()
        return model is not None and cur.isValid() and not model.isSelected(cur)

    def selected_cells(self) -> list:
        """The selected cells, or the cursor's cell alone when it strayed from the selection."""
        if self.selection_strayed():
            return [self.currentIndex()]
        return self.selectedIndexes()

    def scattered(self) -> bool:
        """The selection is not one block (Ctrl+click): its cells do not fill the rectangle
        around them. Excel fills only those cells with one value and refuses a block or a fill."""
        if self.selection_strayed():
            return False
        cells = {(i.row(), i.column()) for i in self.selectedIndexes()}
        if len(cells) <= 1:
            return False
        rows = [r for r in range(min(r for r, _ in cells), max(r for r, _ in cells) + 1)
                if not self.isRowHidden(r)]
        cols = [c for c in range(min(c for _, c in cells), max(c for _, c in cells) + 1)
                if not self.isColumnHidden(c)]
        return any((r, c) not in cells for r in rows for c in cols)

    def selected_rect(self):
        """(top, left, bottom, right) of the selection, or of the current cell."""
        ranges = self.selectionModel().selection() if self.selectionModel() else []
        if not ranges or not len(ranges) or self.selection_strayed():
            cur = self.currentIndex()
            if not cur.isValid():
                return None
            return cur.row(), cur.column(), cur.row(), cur.column()
        top = min(r.top() for r in ranges)
        left = min(r.left() for r in ranges)
        bottom = max(r.bottom() for r in ranges)
        right = max(r.right() for r in ranges)
        return top, left, bottom, right

    @taken_back("清除")
    def clear_selection(self, step: str | None = None) -> None:
        """Delete: clear the selected cells (one undo step, named ``step`` when given)."""
        if self._refused():
            return
        model = self.model()
        indexes = [i for i in self.selected_cells() if self._editable(i)] or \
            ([self.currentIndex()] if self._editable(self.currentIndex()) else [])
        indexes = [i for i in indexes if model.data(i, EDIT_ROLE) not in (None, "")]
        if not indexes:
            return
        if len(indexes) == 1:
            title = model.headerData(indexes[0].column(), Qt.Orientation.Horizontal,
                                     Qt.ItemDataRole.ToolTipRole)
            name = f"清除 {title}" if title else "清除"
        else:
            name = f"清除 {len(indexes)} 格"
        with self._macro(f"{step} {name[3:]}".strip() if step else name):
            for index in indexes:
                model.setData(index, "", EDIT_ROLE)

    def copy_selection(self) -> str:
        rect = self.selected_rect()
        if rect is None:
            return ""
        if self.scattered():        # as Excel: cells picked apart are not one block to copy
            self._say(self.SCATTERED)
            return ""
        top, left, bottom, right = rect
        model = self.model()
        rows = []
        blank = getattr(model, "blank_row", lambda: None)()
        for r in range(top, bottom + 1):
            if self.isRowHidden(r) or (r == blank and bottom > top):
                continue    # the 新 row under Ctrl+A: not an extra empty line in Excel
            row = []
            for c in range(left, right + 1):
                if self.isColumnHidden(c):
                    continue
                index = model.index(r, c)
                value = model.data(index, EDIT_ROLE)
                if value is None:
                    value = model.data(index, Qt.ItemDataRole.DisplayRole)
                row.append("" if value is None else str(value))
            rows.append(row)
        text = tsv.to_tsv(rows)
        QGuiApplication.clipboard().setText(text)
        return text

    @taken_back("填充")
    def fill(self, down: bool = True) -> None:
        """Ctrl+D / Ctrl+R as in Excel (向下/向右填充): the selection's first row (column) copied
        into the rest of it; one cell or one row selected takes the row (column) before it.
        One undo step; cells that take no typing are left as they are."""
        rect = self.selected_rect()
        if not rect or self._refused():
            return
        if self.scattered():          # else Ctrl+D fills cells nobody selected
            self._say(self.SCATTERED)
            return
        top, left, bottom, right = rect
        bottom = min(bottom, self._data_rows() - 1)
        model = self.model()
        if down:
            source = top - 1 if bottom == top else top
            pairs = [((source, c), [(r, c) for r in range(source + 1, bottom + 1)])
                     for c in range(left, right + 1) if not self.isColumnHidden(c)]
        else:
            source = left - 1 if right == left else left
            pairs = [((r, source), [(r, c) for c in range(source + 1, right + 1)
                                    if not self.isColumnHidden(c)])
                     for r in range(top, bottom + 1)]
        name = "向下填充" if down else "向右填充"
        if source < 0 or not pairs:
            self._say(f"{name}：上方（左边）没有可复制的内容，请选中两行（列）以上再填充")
            return
        changed = 0
        with self._macro(name):
            for (sr, sc), targets in pairs:
                value = model.data(model.index(sr, sc), EDIT_ROLE)
                text = "" if value is None else str(value)
                for r, c in targets:
                    index = model.index(r, c)
                    if self._editable(index) and str(model.data(index, EDIT_ROLE) or "") != text:
                        model.setData(index, text, EDIT_ROLE)
                        changed += 1
        # said either way: else a fill that changed nothing would leave “已撤销 …” standing
        self._say(f"已{name} {changed} 格" if changed else f"{name}：所选格子已是相同内容", 5000)

    @taken_back("填入")
    def fill_typed(self, text: str) -> None:
        """Ctrl+Enter after typing with several cells selected (Excel/WPS): ``text`` goes into
        each selected cell as if typed there, one undo step; the selection and the cursor stay
        (not only the cursor's cell, with the cursor going down). Written as a
        paste writes: a cell that takes no typing is left and said, unreadable text is kept red
        and said, the 新 row is filled only when nothing above it is selected."""
        if self._refused():
            return
        model = self.model()
        cur = self.currentIndex()
        put = Put()
        if self.scattered():          # cells picked with Ctrl+click: those cells only
            cells = [i for i in self.selectedIndexes()
                     if not self._rows_model() or i.row() < self._data_rows()]
            with self._macro(f"填入 {len(cells)} 格"):
                for index in cells:
                    self._put_cell(put, index, text, None)
        else:
            rect = self._fill_rect(self.selected_rect())
            if rect is None:
                return
            top, left, bottom, right = rect
            columns = [c for c in range(left, right + 1) if not self.isColumnHidden(c)]
            rows = [r for r in range(top, bottom + 1) if not self.isRowHidden(r)]
            if not columns or not rows:
                return
            block = [[text if r in rows else None] * len(columns) for r in range(top, bottom + 1)]
            put = self._put(block, top, columns, None, f"填入 {len(rows)} 行 × {len(columns)} 列")
            # the block stays selected, the cursor where it was (a row made from the 新 row
            # moved both down)
            self.selectionModel().setCurrentIndex(model.index(cur.row(), cur.column()),
                                                  QItemSelectionModel.SelectionFlag.NoUpdate)
            last = min(bottom, self._data_rows() - 1)
            if last >= top:
                self.selectionModel().select(
                    QItemSelection(model.index(top, columns[0]), model.index(last, columns[-1])),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect)
        lost = _by_column(model, put.unwritten, "未填入")
        red = _by_column(model, put.unread, "无法识别，原文已保留并标红")
        said = "；".join(m for m in (_filled(text, put.written), lost, red, _renamed(put.renamed)) if m)
        self._say(said, 0 if lost or red else 5000)

    @taken_back("粘贴")
    def paste(self, text: str | None = None, as_rows: bool = False) -> None:
        """Paste a TSV block at the current cell (or fill the selection with one cell).
        ``as_rows`` (Ctrl+Shift+V): lines are rows, never one paragraph (see _one_paragraph)."""
        if text is None:
            from ..clipboard_source import from_sheet
            clipboard = QGuiApplication.clipboard()
            text = clipboard.text()
            # a column copied from a sheet is rows; a Word paragraph with hard breaks is not
            # (taking every office paste as rows would spill it into the reasons below)
            as_rows = as_rows or from_sheet(clipboard.mimeData())
        block = tsv.read_tsv(text)
        cur = self.currentIndex()
        if not block or not cur.isValid() or self._refused():
            return
        model = self.model()
        one_paragraph = None if as_rows else self._one_paragraph(block, text)
        if one_paragraph is not None:
            block = [[one_paragraph[0]]]
        if self.scattered():
            self._paste_scattered(block)
            return
        rect = self._fill_rect(self.selected_rect())
        if len(block) == 1 and len(block[0]) == 1 and rect and rect[:2] != rect[2:]:
            top, left, bottom, right = rect
            block = [[block[0][0]] * (right - left + 1) for _ in range(bottom - top + 1)]
            start_row, start_col = top, left
        elif rect:
            # at the selection's top-left, as Excel does (not at the cursor, one row down after
            # Shift+↓, overwriting the row below); a selection that
            # holds the block a whole number of times is filled with it, as in Excel
            start_row, start_col = rect[0], rect[1]
            block = _tiled(block, rect[2] - rect[0] + 1, self._visible_width(rect[1], rect[3]))
        else:
            start_row, start_col = cur.row(), cur.column()
        if self._rows_model() and start_row > self._data_rows():
            # onto the 合计 row (no empty row inserted for the 新 row between):
            # the pasted rows go after the last one, as on the 新 row
            start_row = self._data_rows()
        columns = self._paste_columns(start_col, max(len(r) for r in block))
        prepare = getattr(model, "prepare_paste", None)   # a model's reading of a pasted block
        note = ""
        if prepare is not None:
            # (block, columns, note), and for a table of labelled rows the row its labels name
            block, columns, note, *moved = prepare(block, start_row, columns)
            start_row = moved[0] if moved else start_row
            if not block:
                self._say(f"没有粘贴任何内容：{note}" if note else "没有可粘贴的内容", 0)
                return
        currency = self._currency_unit(block, columns)
        if currency is None:
            self._say("已取消粘贴", 5000)
            return
        put = self._put(block, start_row, columns, currency,
                        f"粘贴 {len(block)} 行 × {len(columns)} 列")
        lost = "；".join(m for m in (
            _beyond_right(block, len(columns), self._first_column() in columns[:1]),
            f"表格行数不足，{put.skipped} 行未粘贴" if put.skipped else "",
            _by_column(model, put.unwritten, "未粘贴")) if m)
        red = _by_column(model, put.unread, "无法识别，原文已保留并标红")
        note = "；".join(m for m in (red, note, _renamed(put.renamed)) if m)
        # the cursor first, then what is said: moving it takes back the grid's last message
        last_row = min(start_row + len(block), self._data_rows()) - 1
        if columns and last_row >= start_row:
            # the block pasted is selected, the cursor on its first cell (not where Shift+↓ had
            # left it, outside, where Delete would clear that cell instead)
            self.selectionModel().setCurrentIndex(model.index(start_row, columns[0]),
                                                  QItemSelectionModel.SelectionFlag.NoUpdate)
            sel = QItemSelection(model.index(start_row, columns[0]), model.index(last_row, columns[-1]))
            self.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if lost:
            # what was left out first, and kept until the next message (not last in one long
            # line, cut off at the window's edge, gone after ten seconds)
            self._say("有内容未粘贴：" + lost + (f"。{note}" if note else ""), 0)
        elif red:
            self._say(note, 0)  # red cells to see to: kept until the next message
        elif note:
            self._say(note)     # in the status bar, as the grid's other messages
        elif one_paragraph is not None:
            self._say(f"已作为一段文字粘贴到这一格（合并了从PDF复制带来的 {one_paragraph[1]} 处断行）；"
                      "要一行一格往下粘贴，请按 Ctrl+Z 后用 Ctrl+Shift+V", 15000)
        else:               # said, so an older message (“已撤销 …”) does not stand for this
            self._say(f"已粘贴 {len(block)} 行 × {len(columns)} 列", 5000)

    def _put(self, block, start_row: int, columns: list[int], currency: str | None,
             step: str) -> Put:
        """Write ``block`` from ``start_row`` into ``columns`` as one undo step named ``step``,
        rows added below the data as needed — what a paste and a Ctrl+Enter fill share (see
        ``_put_cell``). What was left out, kept red or stored in another form is returned, for
        the caller to say."""
        model = self.model()
        put = Put()
        with self._macro(step):
            need = start_row + len(block) - self._data_rows()
            if need > 0 and self._rows_model():
                model.insertRows(self._data_rows(), need)
            for dr, cells_ in enumerate(block):
                row = start_row + dr
                if row >= self._data_rows():
                    put.skipped += 1
                    continue
                for value, col in zip(cells_, columns):
                    if value is not None:       # None: a row the block does not name
                        self._put_cell(put, model.index(row, col), value, currency)
        return put

    def _put_cell(self, put: Put, index, value: str, currency: str | None) -> None:
        """One cell of a paste or fill: a cell taking no typing is left (and counted, unless it
        shows ``value`` already); unreadable text is kept as given and turns red (counted).
        ``currency``: the unit of amounts with ¥ (a paste, see ``_currency_unit``); None: written
        as typed, read as typing into the cell is (Ctrl+Enter)."""
        model, row, col = self.model(), index.row(), index.column()
        if not self._editable(index):
            if value.strip() and not _same(model, index, value):
                reason = getattr(model, "readonly_reason", None)
                _count(put.unwritten, col, reason(row, col) if reason else "该列不能输入")
            return
        kind = model.data(index, KindRole) or "text"
        stored = value if currency is None else tsv.cell_for_column(value, kind, currency)
        if not model.setData(index, stored, EDIT_ROLE) and value.strip() and \
                not _same(model, index, value):
            _count(put.unwritten, col, getattr(model, "last_error", None) or "无法识别")
            return
        put.written += 1
        if getattr(model, "last_note", ""):
            put.renamed.append(model.last_note)     # 维修费 → 维修（护）费: said
        error = model.data(index, ErrorRole) if value.strip() else None
        if error:       # kept as given, red: said here too, not only on hover
            _count(put.unread, col, error)

    def _one_paragraph(self, block, text: str):
        """(the paragraph, breaks joined) when ``block`` is one paragraph copied from a PDF,
        pasted onto one cell of a paragraph column (偏差原因…): the cell gets the paragraph. Read
        as a column of cells, its lines went into the rows below and a row was added for each
        line past the last. None for anything else (a column copied from Excel stays rows)."""
        if len(block) < 2 or any(len(row) != 1 for row in block):
            return None
        rect = self.selected_rect()
        if rect and rect[:2] != rect[2:]:
            return None
        delegate = self.itemDelegateForColumn(self.currentIndex().column())
        if not getattr(delegate, "paragraphs", False):
            return None
        from ...domain.text_wrap import join_hard_breaks
        joined, count = join_hard_breaks(text.strip("\r\n"))
        return (joined, count) if count and "\n" not in joined else None

    def _currency_unit(self, block, columns) -> str | None:
        """The unit of the block's amounts written with ¥ and no unit (Excel's ¥ format copies
        “¥12,345.00”): asked once, 元 or 万元 — read as the column's 万元 unasked, 12,345 元
        became 12,345 万元. None: the paste was cancelled. 万元 when there are none."""
        model = self.model()
        money = {col for col in columns if model.rowCount()
                 and model.data(model.index(0, col), KindRole) == "money"}
        signed = [value for row in block for value, col in zip(row, columns)
                  if col in money and value is not None and unit_unclear(value)]
        if not signed:
            return "万元"
        from .. import dialogs
        return dialogs.ask_amount_unit(self, signed, "粘贴")

    def _paste_scattered(self, block) -> None:
        """One value onto cells picked with Ctrl+click fills those cells only; a block cannot
        go onto them (Excel refuses it too); neither writes into cells not selected."""
        if len(block) != 1 or len(block[0]) != 1:
            self._say(self.SCATTERED)
            return
        model = self.model()
        cells = [i for i in self.selectedIndexes() if self._editable(i)
                 and (not self._rows_model() or i.row() < self._data_rows())]
        currency = self._currency_unit(block, sorted({i.column() for i in cells})[:1])
        if currency is None:
            self._say("已取消粘贴", 5000)
            return
        with self._macro(f"粘贴到 {len(cells)} 格"):
            for index in cells:
                kind = model.data(index, KindRole) or "text"
                model.setData(index, tsv.cell_for_column(block[0][0], kind, currency), EDIT_ROLE)
        self._say(f"已粘贴到所选的 {len(cells)} 格", 5000)

    def _fill_rect(self, rect):
        """The selection a paste fills: a selection of data rows that also takes in the 新 row
        (a column header click, Ctrl+A) stops at the last data row — filling it made a nameless
        row with no 分值, and seed 003's 优秀 turned “—”. A block larger than the
        data still grows the table: it is pasted from the top-left, not filled."""
        if rect is None or not self._rows_model():
            return rect
        top, left, bottom, right = rect
        last = self._data_rows() - 1
        if top <= last < bottom:
            return top, left, last, right
        return rect

    def _visible_width(self, left: int, right: int) -> int:
        return sum(1 for c in range(left, right + 1) if not self.isColumnHidden(c))

    def _first_column(self) -> int:
        """The first column shown (a hidden 科目编码 is not where a paste can start)."""
        return next((c for c in range(self.model().columnCount()) if not self.isColumnHidden(c)), 0)

    def _paste_columns(self, start: int, count: int) -> list[int]:
        """The visible columns from ``start`` on that a block of ``count`` columns lands in."""
        cols = [c for c in range(start, self.model().columnCount()) if not self.isColumnHidden(c)]
        return cols[:count]


def _tiled(block: list[list[str]], rows: int, cols: int) -> list[list[str]]:
    """``block`` repeated over a selection of ``rows`` × ``cols`` that holds it a whole number of
    times (more than once); the block itself otherwise."""
    height, width = len(block), max(len(r) for r in block)
    if rows % height or cols % width or (rows, cols) == (height, width) or \
            rows < height or cols < width:
        return block
    padded = [r + [""] * (width - len(r)) for r in block]
    return [padded[r % height] * (cols // width) for r in range(rows)]


def _beyond_right(block: list[list[str]], width: int, from_first: bool = False) -> str:
    """What of a block wider than the columns left of the cursor was not pasted (the last
    columns — 偏差原因 … — must not go without a word when the paste begins one column too far
    right). Blank cells beyond the edge (trailing tabs) are nothing lost. Pasted from the first
    column, the block is wider than the table: starting further left would not help (no advice
    given for a 签字 column the 评价人员 table does not have)."""
    beyond = [i for row in block for i, value in enumerate(row[width:]) if value.strip()]
    if not beyond:
        return ""
    if from_first:
        return f"复制的内容比表格多 {max(beyond) + 1} 列，这 {len(beyond)} 格未粘贴（表格只有 {width} 列）"
    return (f"复制的内容超出表格右边 {max(beyond) + 1} 列，这 {len(beyond)} 格未粘贴；"
            "请选中更靠左的格子再粘贴")


@dataclass
class Put:
    """What a paste or a fill wrote (``ClipboardOps._put``), and what it did not simply write."""
    skipped: int = 0         # rows beyond a table of fixed rows
    written: int = 0         # cells written
    unwritten: dict = field(default_factory=dict)   # column → (cells not written, why): said
    renamed: list = field(default_factory=list)     # cells stored in another form (a 科目's name)
    unread: dict = field(default_factory=dict)      # column → (cells kept but unreadable (red), why)


def _by_column(model, counts: dict, what: str) -> str:
    """“‘列名’列 n 格<what>（why）”, column by column."""
    return "；".join(f"“{_title(model, col)}”列 {n} 格{what}（{why}）"
                    for col, (n, why) in sorted(counts.items()))


def _renamed(renamed: list) -> str:
    if not renamed:
        return ""
    return "；".join(renamed[:3]) + (f" 等 {len(renamed)} 处" if len(renamed) > 3 else "")


def _filled(text: str, count: int) -> str:
    """What a Ctrl+Enter fill did, as the status bar says it."""
    if not text.strip():
        return f"已清空所选的 {count} 格"
    shown = " ".join(text.split())
    shown = shown if len(shown) <= 12 else shown[:12] + "…"
    return f"已在所选的 {count} 格填入“{shown}”"


def _count(unwritten: dict, col: int, why: str) -> None:
    n, first = unwritten.get(col, (0, why))
    unwritten[col] = (n + 1, first)


def _title(model, col: int) -> str:
    return str(model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or col + 1)


def _same(model, index, value: str) -> bool:
    """The cell already shows what was pasted (a computed 得分 copied along with its row)."""
    return str(model.data(index, Qt.ItemDataRole.DisplayRole) or "").strip() == value.strip()
