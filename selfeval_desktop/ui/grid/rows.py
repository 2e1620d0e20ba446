"""Row operations of a :class:`~.view.Grid` (mixed into it): insert above/below, delete, move,
with shortcuts and a context menu; each through the session, one undo step."""
from __future__ import annotations

from ..access_keys import menu_text
from ..qt import (QAbstractItemView, QAction, QApplication, QItemSelection, QItemSelectionModel,
                  QKeySequence, QMenu, Qt)
from ..row_keys import ROW_OPERATIONS, keys_text

# the buttons under the grids: they insert below (where a list grows); the keys say both ways
COLUMNS_FIXED = "列是固定的，不能删除；要删除行请先用 Shift+空格 选中整行"
INSERT_TIP = "在当前行下方插入一行（Ctrl+=）；在上方插入请按 Ctrl+Shift+=，选中几行就插入几行"


class RowOps:

    def _make_row_actions(self) -> dict[str, QAction]:
        slots = {"insert_above": lambda: self.insert_row(0), "insert_below": lambda: self.insert_row(1),
                 "delete": self.delete_rows, "up": lambda: self.move_row(-1),
                 "down": lambda: self.move_row(1)}
        actions = {}
        for name, text, keys in ROW_OPERATIONS:
            slot = slots[name]
            # its letter and keys as 编辑 writes them (access_keys): Alt+↑, not “Alt+上方向”
            action = QAction(menu_text(text, keys_text(keys)), self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            actions[name] = action
        return actions

    def _row_ops_allowed(self) -> bool:
        """Rows can be inserted, deleted, moved here; when not (a table of fixed rows, a locked
        project), say why, rather than the keys doing nothing without a word. When they can, a
        cell being typed is committed and closed first, the focus on the grid (else Ctrl+- in an
        open cell hides its editor with its row, and no widget has the focus)."""
        if not self._rows_model():
            if self.model() is not None and getattr(self.model(), "pid", None) is not None:
                self._say("这张表的行是固定的（资金来源、项目资金），不能插入、删除或移动行")
            return False
        if self.session is None or self._refused():
            return False
        focus = QApplication.focusWidget()
        typing = self.state() == QAbstractItemView.State.EditingState
        self.commit_editor()
        if typing and focus is not None and self.isAncestorOf(focus):
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def insert_row(self, below: int = 1) -> None:
        """As many rows as are selected (Excel: three rows selected, three inserted), above or
        below them; the new rows are selected, the cursor on the first one's cell (so Ctrl+- right
        after takes them all back, and a paste fills them, not only one cell)."""
        if not self._row_ops_allowed():
            return
        cur = self.currentIndex()
        data_rows = self._data_rows()
        selected = [r for r in self.selected_rows() if r < data_rows] if cur.isValid() else []
        count = len(selected) if selected and selected == list(range(selected[0], selected[-1] + 1)) \
            else 1
        # on the blank (or 合计) row below the data, a row goes at the end of the data
        if cur.isValid() and cur.row() < data_rows:
            row = (selected[-1] + 1 if below else selected[0]) if count > 1 else cur.row() + below
        else:
            row = data_rows
        if self.model().insertRows(row, count):
            self._set_current(row, max(cur.column(), 0) if cur.isValid() else 0)
            if count > 1:
                model = self.model()
                block = QItemSelection(model.index(row, 0),
                                       model.index(row + count - 1, model.columnCount() - 1))
                self.selectionModel().select(block, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self._say(f"已插入 {count} 行", 5000)

    def selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.selected_cells()} or (
            {self.currentIndex().row()} if self.currentIndex().isValid() else set())
        return sorted(r for r in rows if r < self._data_rows())

    def delete_rows(self) -> None:
        if not self._row_ops_allowed():
            return
        if self._whole_columns():
            # Ctrl+Space then Ctrl+- (Excel: delete the column) must not delete every row
            self._say(COLUMNS_FIXED, 8000)
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
        self._say(f"已删除 {len(keys)} 行（撤销：Ctrl+Z）", 5000)   # after the move, which clears

    def _whole_columns(self) -> bool:
        """The selection is whole columns (Ctrl+Space), not whole rows (Shift+Space) nor the
        whole grid (Ctrl+A): every selected column from the first row to the last, some columns
        not selected. A grid of one row cannot tell a column from a cell: not whole columns."""
        model = self.model()
        if model is None or model.rowCount() < 2:
            return False
        rows_of: dict[int, set[int]] = {}
        for index in self.selected_cells():
            rows_of.setdefault(index.column(), set()).add(index.row())
        shown = sum(not self.isColumnHidden(c) for c in range(model.columnCount()))
        return bool(rows_of) and len(rows_of) < shown and \
            all(len(rows) == model.rowCount() for rows in rows_of.values())

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
        """Right-click: 剪切/复制/粘贴/清除内容 as in Excel's cell menu, on the fixed grids of the
        预算表 too, then the row operations where rows can be added."""
        menu = QMenu(self)
        editable = self.session is not None and self._project_editable()
        entries = (("剪切", "Ctrl+X", self.cut_selection, True),
                   ("复制", "Ctrl+C", self.copy_selection, False),
                   ("粘贴", "Ctrl+V", self.paste, True),
                   ("清除内容", "Delete", self.clear_selection, True))
        for text, keys, slot, edits in entries:
            action = menu.addAction(menu_text(text, keys), lambda slot=slot: slot())
            action.setEnabled(editable or not edits)
        if self._rows_model():
            menu.addSeparator()
            for name in ("insert_above", "insert_below", "delete", "up", "down"):
                action = self.row_actions[name]
                action.setEnabled(editable)
                menu.addAction(action)
                if name == "delete":
                    menu.addSeparator()
        menu.popup(self.viewport().mapToGlobal(pos))

    def cut_selection(self) -> None:
        """剪切: copied, then cleared as one undo step (cells picked apart: refused, as copy is)."""
        if self.copy_selection():
            self.clear_selection("剪切")
