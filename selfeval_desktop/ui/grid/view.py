"""An Excel-like table view: keys move and edit as in Excel/WPS, blocks copy and paste as TSV.

- Enter commits and moves down (Shift+Enter up); Tab moves right and wraps to the next row
  (Shift+Tab back); arrows move; F2 or double-click edits; typing a character, or a Chinese
  phrase committed by an input method, starts editing with it.
- Delete/Backspace clear the selected cells; Ctrl+C copies the selection as TSV; Ctrl+V pastes a
  TSV block at the current cell, growing rows as needed. Each is one undo step (session.macro).
- Rows can be inserted above/below, deleted and moved (context menu and shortcuts).
- Why a red cell is red is said in the window's status bar when the cursor lands on it and right
  after it was typed (the tooltip says it too), so Enter-and-go typing still sees the reason.
Edits go through ``model.setData`` only; the model (a :class:`SessionTableModel`) talks to the session.
"""
from __future__ import annotations

from contextlib import nullcontext

from ..models.base import ErrorRole, KindRole
from ..undo_actions import is_undo_key
from ..qt import (QAbstractItemDelegate, QAbstractItemView, QAction, QApplication, QEvent, QGuiApplication,
                  QHeaderView, QItemSelection, QItemSelectionModel, QKeySequence, QLineEdit, QMainWindow,
                  QMenu, QPersistentModelIndex, QPlainTextEdit, QTableView, QTextCursor, QTextEdit,
                  Qt)
from . import tsv
from .typing import EditorTyping

EDIT_ROLE = Qt.ItemDataRole.EditRole
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
ARROWS = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Left: (0, -1),
          Qt.Key.Key_Right: (0, 1)}
PAGE_KEYS = {Qt.Key.Key_PageUp: QAbstractItemView.CursorAction.MovePageUp,
             Qt.Key.Key_PageDown: QAbstractItemView.CursorAction.MovePageDown}
_USER_TRIGGERS = (QAbstractItemView.EditTrigger.AnyKeyPressed,
                  QAbstractItemView.EditTrigger.DoubleClicked,
                  QAbstractItemView.EditTrigger.EditKeyPressed)


class Grid(QTableView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.message = ""   # the last thing the grid wants to tell the user (Chinese)
        self.row_actions = self._make_row_actions()
        self._edited = QPersistentModelIndex()   # the cell whose editor is open
        self._enter_mode = False                 # that editor was opened by typing (Excel 输入)
        self._forwarding = False                 # a key is being passed on to the editor
        self._told = ""                          # the reason last put in the status bar
        self._told_about = QPersistentModelIndex()   # … and the cell it is about
        self._tab_anchor: int | None = None      # the column a run of Tabs started from
        self._typing = EditorTyping(self)          # saves the open cell after a pause
        self._tabbing = False

    # ------------------------------------------------------------ helpers

    @property
    def session(self):
        return getattr(self.model(), "session", None)

    def _macro(self, text: str):
        session = self.session
        return session.macro(text) if session is not None and self._project_editable() \
            else nullcontext()

    def _project_editable(self) -> bool:
        editable = getattr(self.model(), "project_editable", None)
        return True if editable is None else bool(editable())

    def _refused(self) -> bool:
        """When the shown project cannot be edited (read-only file, 定稿), say why in the status
        bar and return True."""
        model, session = self.model(), self.session
        if session is None or getattr(model, "pid", None) is None or self._project_editable():
            return False
        refusal = getattr(session, "edit_refusal", None)
        message = refusal(model.ROW_ENTITY or "project", model.pid) if refusal else None
        window = self.window()
        if message and isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 10000)
        self.message = message or ""
        return True

    def _editable(self, index) -> bool:
        return bool(index.isValid() and self.model().flags(index) & Qt.ItemFlag.ItemIsEditable)

    def _rows_model(self) -> bool:
        return getattr(self.model(), "ROW_ENTITY", None) is not None

    def _data_rows(self) -> int:
        model = self.model()
        return getattr(model, "data_rows", model.rowCount())

    def _set_current(self, row: int, col: int) -> None:
        index = self.model().index(row, col)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _step(self, down: int = 0, right: int = 0, wrap: bool = True) -> bool:
        """Move the current cell as Enter/Tab do (Tab wraps at the row's end; arrows,
        ``wrap=False``, stop there). False when Tab is past the grid's first or last cell."""
        cur = self.currentIndex()
        model = self.model()
        rows, cols = model.rowCount(), model.columnCount()
        if not cur.isValid() or rows == 0:
            return False
        row, col = cur.row() + down, cur.column()
        if right:
            col += right
            visible = [c for c in range(cols) if not self.isColumnHidden(c)]
            while 0 <= col < cols and self.isColumnHidden(col):
                col += right
            if col >= cols or col > visible[-1]:
                col, row = (visible[0], row + 1) if wrap else (cur.column(), row)
            elif col < 0 or col < visible[0]:
                col, row = (visible[-1], row - 1) if wrap else (cur.column(), row)
            if wrap and not 0 <= row < rows:
                return False
        row = max(0, min(row, rows - 1))
        self._set_current(row, col)
        return True

    def _tab(self, back: bool) -> None:
        """Tab / Shift+Tab: the next cell of the row (then the next row); past the grid's last
        (first) cell the focus leaves the grid. Enter after Tabs goes back to the column the
        Tabs started from, on the next row (Excel)."""
        cur = self.currentIndex()
        anchor = self._tab_anchor if self._tab_anchor is not None else \
            (cur.column() if cur.isValid() else None)
        self._tabbing = True
        try:
            moved = self._step(right=-1 if back else 1)
        finally:
            self._tabbing = False
        if moved:
            self._tab_anchor = anchor
        else:
            self.leave(not back)

    def _enter(self, up: bool) -> None:
        """Enter / Shift+Enter: down (up) a row; after Tabs, to the column they started from."""
        cur, anchor = self.currentIndex(), self._tab_anchor
        self._tab_anchor = None
        if anchor is not None and not up and cur.isValid() and anchor != cur.column():
            self._set_current(min(cur.row() + 1, self.model().rowCount() - 1), anchor)
            return
        self._step(down=-1 if up else 1)

    def leave(self, forward: bool = True) -> None:
        """Move the keyboard focus out of the grid to the next (previous) widget of the window,
        the cell being typed committed first (Ctrl+Tab, Tab past the last cell)."""
        self.commit_editor()
        self._tab_anchor = None
        navigation = self.tabKeyNavigation()
        self.setTabKeyNavigation(False)       # the view's own Tab handling: off for this move
        try:
            QTableView.focusNextPrevChild(self, forward)
        finally:
            self.setTabKeyNavigation(navigation)

    # ------------------------------------------------------------ keys

    def keyPressEvent(self, event):
        key, mods = event.key(), event.modifiers()
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        editor = self.indexWidget(self.currentIndex())
        if self.state() == QAbstractItemView.State.EditingState and editor is not None:
            # keys that reached the grid while its editor is open (typed before the focus moved)
            # go to the editor. A key the editor ignores (Shift or Ctrl alone, F12, …) comes
            # back up here from it: passed on at most once more, then it stops (bouncing it back
            # each time recursed until the app crashed)
            if self._forwarding:
                return
            self._forwarding = True
            try:
                QApplication.sendEvent(editor.focusProxy() or editor, event)
            finally:
                self._forwarding = False
            return
        if key in ENTER_KEYS:
            self._enter(up=bool(mods & Qt.KeyboardModifier.ShiftModifier))
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and mods & Qt.KeyboardModifier.ControlModifier:
            self.leave(not (key == Qt.Key.Key_Backtab or mods & Qt.KeyboardModifier.ShiftModifier))
            return
        if key in CLEAR_KEYS and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self.clear_selection()
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search):  # noqa: N802 - Qt override
        """Typing on a cell that takes no typing (合计, 得分, a label) does not search.

        Qt's default jumps to the next cell starting with the typed text, so the next key typed
        edited that other cell (P1: “20” on 合计 overwrote 市县财政). The status bar says why."""
        index = self.currentIndex()
        if not search or not index.isValid() or self._refused():
            return
        reason = getattr(self.model(), "readonly_reason", None)
        message = reason(index.row(), index.column()) if reason else "这一格不能输入"
        self._say(message)

    def _say(self, message: str, ms: int = 10000) -> None:
        self.message = message
        window = self.window()
        if message and isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, ms)

    def focusNextPrevChild(self, next_):
        """Tab/Shift+Tab inside the grid move between cells (wrapping), not out of the grid."""
        if self.tabKeyNavigation() and self.model() is not None and self.model().rowCount():
            self._tab(back=not next_)
            return True
        return super().focusNextPrevChild(next_)

    # ------------------------------------------------------------ why a cell is red

    def cell_reason(self, index) -> str:
        """“列名：reason” for a red cell, "" for a fine one."""
        error = index.data(ErrorRole) if index.isValid() else None
        if not error:
            return ""
        title = self.model().headerData(index.column(), Qt.Orientation.Horizontal,
                                        Qt.ItemDataRole.ToolTipRole) or \
            self.model().headerData(index.column(), Qt.Orientation.Horizontal)
        return f"{title}：{error}" if title else str(error)

    def _tell(self, index, edited: bool = False) -> None:
        """Say in the status bar why ``index`` is red; a cell just corrected (``edited``) takes
        back what was said about it. Moving on from a red cell leaves its reason shown a while."""
        reason = self.cell_reason(index)
        window = self.window()
        bar = window.statusBar() if isinstance(window, QMainWindow) else None
        if reason:
            self.message = self._told = reason
            self._told_about = QPersistentModelIndex(index)
            if bar is not None:
                bar.showMessage(reason, 15000)
        elif edited and self._told and self._told_about == QPersistentModelIndex(index):
            if bar is not None and bar.currentMessage() == self._told:
                bar.clearMessage()
            self._told = ""

    def currentChanged(self, current, previous):  # noqa: N802 - Qt override
        super().currentChanged(current, previous)
        if not self._tabbing:
            self._tab_anchor = None      # moved by a click or an arrow: Enter goes straight down
        if self.state() != QAbstractItemView.State.EditingState:
            self._tell(current)

    def commitData(self, editor):  # noqa: N802 - Qt override
        if not self.is_editing(editor):
            return   # a late commit (the delegate's queued focus-out) of an editor already closed
        model = self.model()
        merging = self._typing.merging(editor)
        if merging and hasattr(model, "merge_edits"):
            model.merge_edits = True     # this cell's earlier pause-commits and this: one step
        try:
            super().commitData(editor)
        finally:
            if hasattr(model, "merge_edits"):
                model.merge_edits = False
        if self._edited.isValid():
            self._tell(self.model().index(self._edited.row(), self._edited.column()), edited=True)

    def edit(self, index, trigger=None, event=None):
        if trigger is None:          # the edit(index) overload
            return super().edit(index)
        opened = super().edit(index, trigger, event)
        if not opened and trigger in _USER_TRIGGERS and index.isValid():
            self._refused()
        if opened:
            self._edited = QPersistentModelIndex(index)
            self._enter_mode = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
            editor = self.indexWidget(index)
            if editor is not None:
                self._watch(editor)
                if self._enter_mode:
                    self._typing.typed()      # the key that opened it was typed into it
                if isinstance(editor, QPlainTextEdit) and not self._enter_mode:
                    editor.moveCursor(QTextCursor.MoveOperation.End)   # F2: go on writing
        return opened

    def _watch(self, editor) -> None:
        editor.installEventFilter(self)   # after the delegate's filter: we see keys first
        self._typing.watch(editor)

    def is_editing(self, editor) -> bool:
        """``editor`` is the open editor of this grid's edited cell."""
        if self.state() != QAbstractItemView.State.EditingState or not self._edited.isValid():
            return False
        return self.indexWidget(self.model().index(self._edited.row(), self._edited.column())) \
            is editor

    def closeEditor(self, editor, hint):  # noqa: N802 - Qt override
        """Esc on a cell whose text a pause already saved takes that save back (undo)."""
        revert = hint == QAbstractItemDelegate.EndEditHint.RevertModelCache and \
            self._typing.merging(editor)
        self._typing.stop()
        super().closeEditor(editor, hint)
        session = self.session
        if revert and session is not None and session.undo_stack.canUndo():
            session.undo_stack.undo()

    def eventFilter(self, obj, event):
        """Keys in an open editor: Enter commits and moves down, Tab commits and moves right.

        As in Excel, an editor opened by typing is in “输入” (Enter) mode: the arrow keys commit
        and move to the next cell. Opened with F2 or a double-click (“编辑” mode) — or after F2
        or a click inside it — the arrows move the caret in the text.
        """
        if event.type() == QEvent.Type.MouseButtonPress and obj is self.indexWidget(self.currentIndex()):
            self._enter_mode = False
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            event.ignore()       # Ctrl+Z / Ctrl+Y in a cell: the document's undo, not the editor's
            return True
        if event.type() == QEvent.Type.KeyPress and obj is self.indexWidget(self.currentIndex()):
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_F2:
                self._enter_mode = False
                return True
            if key in PAGE_KEYS and self._enter_mode and not mods & ~Qt.KeyboardModifier.KeypadModifier:
                self._commit_and_page(obj, PAGE_KEYS[key])
                return True
            if key in ARROWS and isinstance(obj, QLineEdit) and \
                    not mods & ~Qt.KeyboardModifier.KeypadModifier:
                down, right = ARROWS[key]
                if self._enter_mode:
                    self._commit_and_move(obj, down=down, right=right, wrap=False)
                    return True
                if down:          # 编辑 mode, one line: Up/Down stay in the cell
                    return True
            multiline = isinstance(obj, (QTextEdit, QPlainTextEdit))
            if key in ENTER_KEYS and multiline and mods & Qt.KeyboardModifier.AltModifier:
                obj.insertPlainText("\n")      # Alt+Enter: a new line in the cell (Excel)
                return True
            if key in ENTER_KEYS and not (multiline and mods & Qt.KeyboardModifier.AltModifier):
                self._commit_and_close(obj)
                self._enter(up=bool(mods & Qt.KeyboardModifier.ShiftModifier))
                return True
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                back = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
                self._commit_and_close(obj)
                if mods & Qt.KeyboardModifier.ControlModifier:
                    self.leave(not back)
                else:
                    self._tab(back)
                return True
        return super().eventFilter(obj, event)

    def commit_editor(self) -> None:
        """Commit and close the cell being typed into, if any (undo, closing, switching)."""
        if self.state() != QAbstractItemView.State.EditingState or not self._edited.isValid():
            return
        editor = self.indexWidget(self.model().index(self._edited.row(), self._edited.column()))
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _commit_and_page(self, editor, action) -> None:
        """PgUp/PgDn in a cell opened by typing: commit and move a page up or down (Excel)."""
        self.commitData(editor)
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        target = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if target.isValid():
            self._set_current(target.row(), self.currentIndex().column())

    def _commit_and_close(self, editor) -> None:
        self.commitData(editor)
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _commit_and_move(self, editor, down=0, right=0, wrap=True):
        self._commit_and_close(editor)
        self._step(down=down, right=right, wrap=wrap)

    def inputMethodEvent(self, event):
        """A phrase committed by an input method on a cell not being edited starts editing it."""
        commit = event.commitString()
        if self.state() != QAbstractItemView.State.EditingState and commit and \
                not event.preeditString() and self._editable(self.currentIndex()):
            index = self.currentIndex()
            if super().edit(index, QAbstractItemView.EditTrigger.AnyKeyPressed, None):
                self._edited = QPersistentModelIndex(index)
                self._enter_mode = True
                editor = self.indexWidget(index)
                if editor is not None:
                    self._watch(editor)
                    if isinstance(editor, QLineEdit):
                        editor.setText(commit)
                        self._typing.typed()
                        return
                    if isinstance(editor, QPlainTextEdit):
                        editor.setPlainText(commit)
                        editor.moveCursor(QTextCursor.MoveOperation.End)
                        return
                    line = getattr(editor, "lineEdit", lambda: None)()
                    if line is not None:
                        line.setText(commit)
                        return
        super().inputMethodEvent(event)

    # ------------------------------------------------------------ clear, copy, paste

    def selected_rect(self):
        """(top, left, bottom, right) of the selection, or of the current cell."""
        ranges = self.selectionModel().selection() if self.selectionModel() else []
        if not ranges or not len(ranges):
            cur = self.currentIndex()
            if not cur.isValid():
                return None
            return cur.row(), cur.column(), cur.row(), cur.column()
        top = min(r.top() for r in ranges)
        left = min(r.left() for r in ranges)
        bottom = max(r.bottom() for r in ranges)
        right = max(r.right() for r in ranges)
        return top, left, bottom, right

    def clear_selection(self) -> None:
        if self._refused():
            return
        model = self.model()
        indexes = [i for i in self.selectedIndexes() if self._editable(i)] or \
            ([self.currentIndex()] if self._editable(self.currentIndex()) else [])
        indexes = [i for i in indexes if model.data(i, EDIT_ROLE) not in (None, "")]
        if not indexes:
            return
        with self._macro(f"清除 {len(indexes)} 格" if len(indexes) > 1 else "清除"):
            for index in indexes:
                model.setData(index, "", EDIT_ROLE)

    def copy_selection(self) -> str:
        rect = self.selected_rect()
        if rect is None:
            return ""
        top, left, bottom, right = rect
        model = self.model()
        selected = self.selectionModel().selection()
        rows = []
        for r in range(top, bottom + 1):
            if self.isRowHidden(r):
                continue
            row = []
            for c in range(left, right + 1):
                if self.isColumnHidden(c):
                    continue
                index = model.index(r, c)
                if len(selected) and not selected.contains(index):
                    row.append("")
                    continue
                value = model.data(index, EDIT_ROLE)
                if value is None:
                    value = model.data(index, Qt.ItemDataRole.DisplayRole)
                row.append("" if value is None else str(value))
            rows.append(row)
        text = tsv.to_tsv(rows)
        QGuiApplication.clipboard().setText(text)
        return text

    def paste(self, text: str | None = None) -> None:
        """Paste a TSV block at the current cell (or fill the selection with one cell)."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        block = tsv.read_tsv(text)
        cur = self.currentIndex()
        if not block or not cur.isValid() or self._refused():
            return
        model = self.model()
        rect = self.selected_rect()
        if len(block) == 1 and len(block[0]) == 1 and rect and rect[:2] != rect[2:]:
            top, left, bottom, right = rect
            block = [[block[0][0]] * (right - left + 1) for _ in range(bottom - top + 1)]
            start_row, start_col = top, left
        else:
            start_row, start_col = cur.row(), cur.column()
        columns = self._paste_columns(start_col, max(len(r) for r in block))
        skipped = 0
        with self._macro(f"粘贴 {len(block)} 行 × {len(columns)} 列"):
            need = start_row + len(block) - self._data_rows()
            if need > 0 and self._rows_model():
                model.insertRows(self._data_rows(), need)
            for dr, cells_ in enumerate(block):
                row = start_row + dr
                if row >= self._data_rows():
                    skipped += 1
                    continue
                for value, col in zip(cells_, columns):
                    index = model.index(row, col)
                    if not self._editable(index):
                        continue
                    kind = model.data(index, KindRole) or "text"
                    model.setData(index, tsv.cell_for_column(value, kind), EDIT_ROLE)
        self.message = f"表格行数不足，{skipped} 行未粘贴" if skipped else ""
        last_row = min(start_row + len(block), self._data_rows()) - 1
        if columns and last_row >= start_row:
            sel = QItemSelection(model.index(start_row, columns[0]), model.index(last_row, columns[-1]))
            self.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _paste_columns(self, start: int, count: int) -> list[int]:
        """The visible columns from ``start`` on that a block of ``count`` columns lands in."""
        cols = [c for c in range(start, self.model().columnCount()) if not self.isColumnHidden(c)]
        return cols[:count]

    # ------------------------------------------------------------ rows

    def _make_row_actions(self) -> dict[str, QAction]:
        specs = [("insert_above", "在上方插入行", "Ctrl+Shift+=", lambda: self.insert_row(0)),
                 ("insert_below", "在下方插入行", "Ctrl+=", lambda: self.insert_row(1)),
                 ("delete", "删除所选行", "Ctrl+-", self.delete_rows),
                 ("up", "上移一行", "Alt+Up", lambda: self.move_row(-1)),
                 ("down", "下移一行", "Alt+Down", lambda: self.move_row(1))]
        actions = {}
        for name, text, keys, slot in specs:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            actions[name] = action
        return actions

    def _row_ops_allowed(self) -> bool:
        """Rows can be inserted, deleted, moved here; when the project is locked, say why."""
        return self._rows_model() and self.session is not None and not self._refused()

    def insert_row(self, below: int = 1) -> None:
        if not self._row_ops_allowed():
            return
        cur = self.currentIndex()
        data_rows = self._data_rows()
        # on the blank (or 合计) row below the data, a row goes at the end of the data
        row = cur.row() + below if cur.isValid() and cur.row() < data_rows else data_rows
        if self.model().insertRows(row, 1):
            self._set_current(row, max(cur.column(), 0) if cur.isValid() else 0)

    def selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.selectedIndexes()} or (
            {self.currentIndex().row()} if self.currentIndex().isValid() else set())
        return sorted(r for r in rows if r < self._data_rows())

    def delete_rows(self) -> None:
        if not self._row_ops_allowed():
            return
        rows = self.selected_rows()
        if not rows:
            return
        model, session = self.model(), self.session
        keys = [model.row_object(r).id for r in rows]
        session.remove_rows(model.ROW_ENTITY, model.pid, keys)
        if model.rowCount():
            self._set_current(min(rows[0], self._data_rows() - 1) if self._data_rows() else 0,
                              max(self.currentIndex().column(), 0))

    def move_row(self, delta: int) -> None:
        if not self._row_ops_allowed():
            return
        cur = self.currentIndex()
        if not cur.isValid() or cur.row() >= self._data_rows():
            return
        target = cur.row() + delta
        if not 0 <= target < self._data_rows():
            return
        model = self.model()
        self.session.move_row(model.ROW_ENTITY, model.pid, model.row_object(cur.row()).id, target)
        self._set_current(target, cur.column())

    def _context_menu(self, pos) -> None:
        if not self._rows_model():
            return
        menu = QMenu(self)
        for name in ("insert_above", "insert_below", "delete", "up", "down"):
            action = self.row_actions[name]
            action.setEnabled(self.session is not None and self._project_editable())
            menu.addAction(action)
            if name == "delete":
                menu.addSeparator()
        menu.popup(self.viewport().mapToGlobal(pos))
