"""Moving the cursor in a :class:`~.view.Grid` (mixed into it), as in Excel/WPS: Enter and Tab
(Tab wraps past a row's end to the next row's first cell that takes typing; past the grid's last
cell the focus leaves it), and Ctrl+arrows, Ctrl+Home and Ctrl+End.

Qt's own handling moved the cursor with Ctrl held but left the old selection where it was
(Delete then cleared the highlighted cell, scrolled out of view, while typing went to the
cursor's cell), did not extend the selection with Ctrl+Shift, and moved one cell at a time.
Here:

- Ctrl+↓/↑/←/→ jump to the edge of the data: from a filled cell to the last filled one before a
  blank; from a blank (or the last filled) cell to the next filled one; else to the grid's edge.
- Ctrl+Home goes to the first cell, Ctrl+End to the last data row's last column (Excel's last
  used cell; the empty 新 row is not data).
- The cell moved to is the only one selected; with Shift the selection is extended from its
  anchor to it, as Shift+arrows do.
"""
from __future__ import annotations

from ..qt import QItemSelection, QItemSelectionModel, QTableView, Qt

CTRL_KEYS = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Left: (0, -1),
             Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Home: None, Qt.Key.Key_End: None}
SHIFT_STEPS = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Left: (0, -1),
               Qt.Key.Key_Right: (0, 1)}
_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_KEYPAD = Qt.KeyboardModifier.KeypadModifier


class NavigationOps:
    """Enter, Tab and Ctrl+moves; ``self`` is the Grid (its cursor, model and editor)."""

    # ------------------------------------------------------------ Enter / Tab

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
                self._home = wrap        # frozen names: the row's start is seen, as in Excel
                if wrap and 0 <= row < rows:   # past a row label (资金来源): its first figure
                    col = self._first_editable(row, visible, col)
            elif col < 0 or col < visible[0] or (
                    wrap and right < 0 and col == visible[0]
                    and not self._editable(model.index(row, col))):   # back past a row label
                col, row = (visible[-1], row - 1) if wrap else (cur.column(), row)
                if wrap and 0 <= row < rows:
                    col = self._first_editable(row, visible[::-1], col)
            if wrap and not 0 <= row < rows:
                return False
        row = max(0, min(row, rows - 1))
        self._set_current(row, col)
        return True

    def _first_editable(self, row: int, columns: list[int], default: int) -> int:
        """The first of ``columns`` that takes typing in ``row`` (Tab at a row's end must not wrap
        onto the next row's label, where the next figure typed is refused)."""
        model = self.model()
        return next((c for c in columns if self._editable(model.index(row, c))), default)

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

    # ------------------------------------------------------------ Ctrl+arrows, Home, End

    def ctrl_navigation(self, event) -> bool:
        """Handle a Ctrl(+Shift)+arrow/Home/End key; False for any other key."""
        key, mods = event.key(), event.modifiers() & ~_KEYPAD
        if key not in CTRL_KEYS or not mods & _CTRL or mods & ~(_CTRL | _SHIFT):
            return False
        cur, model = self.currentIndex(), self.model()
        if model is None or not cur.isValid() or model.rowCount() == 0:
            return True
        cols = [c for c in range(model.columnCount()) if not self.isColumnHidden(c)]
        rows = [r for r in range(model.rowCount()) if not self.isRowHidden(r)]
        if not cols or not rows:
            return True
        if key == Qt.Key.Key_Home:
            row, col = rows[0], cols[0]
            self._home = True          # frozen names: the other columns scroll back too
        elif key == Qt.Key.Key_End:         # the last row of data, not the empty 新 row
            data = [r for r in rows if r < getattr(model, "data_rows", len(rows) + 1)]
            row, col = (data or rows)[-1], cols[-1]
        else:
            down, right = CTRL_KEYS[key]
            if down:
                row, col = self._data_edge(rows, cur.row(), down, lambda r: (r, cur.column())), \
                    cur.column()
            else:
                row, col = cur.row(), self._data_edge(cols, cur.column(), right,
                                                      lambda c: (cur.row(), c))
        self._move_to(row, col, extend=bool(mods & _SHIFT))
        return True

    def _data_edge(self, line: list[int], at: int, step: int, cell) -> int:
        """Where Ctrl+arrow lands along ``line`` (visible rows or columns) from ``at``."""
        if at not in line:
            return line[0] if step < 0 else line[-1]
        i = line.index(at)
        ahead = line[i + 1:] if step > 0 else list(reversed(line[:i]))
        if not ahead:
            return at
        filled = self._filled(*cell(at))
        if filled and self._filled(*cell(ahead[0])):
            last = at
            for pos in ahead:               # along the block to its last filled cell
                if not self._filled(*cell(pos)):
                    return last
                last = pos
            return last
        for pos in ahead:                   # across the blanks to the next filled cell
            if self._filled(*cell(pos)):
                return pos
        return ahead[-1]

    def _filled(self, row: int, col: int) -> bool:
        value = self.model().index(row, col).data(Qt.ItemDataRole.DisplayRole)
        return value not in (None, "")

    def _move_to(self, row: int, col: int, extend: bool) -> None:
        model, selection = self.model(), self.selectionModel()
        target = model.index(row, col)
        if not extend:
            selection.setCurrentIndex(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            rows_whole, columns_whole = self._whole_lines()
            anchor = self._selection_anchor()
            top, bottom = sorted((anchor.row(), row))
            left, right = sorted((anchor.column(), col))
            if rows_whole:                 # whole rows (Shift+Space) stay whole rows
                left, right = 0, model.columnCount() - 1
            if columns_whole:
                top, bottom = 0, model.rowCount() - 1
            selection.setCurrentIndex(target, QItemSelectionModel.SelectionFlag.NoUpdate)
            selection.select(QItemSelection(model.index(top, left), model.index(bottom, right)),
                             QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(target)

    def extend_lines(self, event) -> bool:
        """Shift+↑/↓ with whole rows selected (after Shift+Space) adds or takes away whole rows;
        Shift+←/→ with whole columns (after Ctrl+Space), whole columns — as Excel/WPS do. Qt's
        own Shift+arrow fell back to a block of cells from the cursor. Across whole
        lines (Shift+→ on whole rows) nothing changes. False for any other key, or when the
        selection is not whole lines."""
        step = SHIFT_STEPS.get(event.key())
        if step is None or event.modifiers() & ~_KEYPAD != _SHIFT or self.model() is None:
            return False
        rows_whole, columns_whole = self._whole_lines()
        down, right = step
        cur = self.currentIndex()
        along = rows_whole if down else columns_whole
        if not cur.isValid() or not along:
            # across whole lines (Shift+→ on whole rows) the lines stay as they are, as in Excel
            return cur.isValid() and (columns_whole if down else rows_whole)
        if down:
            line = [r for r in range(self.model().rowCount()) if not self.isRowHidden(r)]
            at = cur.row()
        else:
            line = [c for c in range(self.model().columnCount()) if not self.isColumnHidden(c)]
            at = cur.column()
        ahead = [p for p in line if (p > at if (down or right) > 0 else p < at)]
        if ahead:
            to = ahead[0] if (down or right) > 0 else ahead[-1]
            self._move_to(to if down else cur.row(), cur.column() if down else to, extend=True)
        return True

    def _whole_lines(self) -> tuple[bool, bool]:
        """Whether the selection is whole rows, whole columns (a grid of one column or one row
        has no such thing: its cells are its lines)."""
        model, rect = self.model(), self.selected_rect()
        if model is None or rect is None:
            return False, False
        top, left, bottom, right = rect
        rows, columns = model.rowCount(), model.columnCount()
        return (columns > 1 and left == 0 and right == columns - 1,
                rows > 1 and top == 0 and bottom == rows - 1)

    def select_lines(self, rows: bool, columns: bool) -> None:
        """Shift+Space: the whole rows of the selection (or of the cursor's cell) selected;
        Ctrl+Space: its whole columns; both: everything — as Excel/WPS do. The cursor stays, so
        Delete clears what is selected and, after Shift+Space, Ctrl+- deletes those rows; after
        Ctrl+Space it says the columns are fixed (rows.py)."""
        model, selection = self.model(), self.selectionModel()
        rect = self.selected_rect() if model is not None else None
        if rect is None or not model.rowCount() or not model.columnCount():
            return
        top, left, bottom, right = rect
        if rows:
            left, right = 0, model.columnCount() - 1
        if columns:
            top, bottom = 0, model.rowCount() - 1
        cur = self.currentIndex()
        selection.select(QItemSelection(model.index(top, left), model.index(bottom, right)),
                         QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if cur.isValid() and not selection.isSelected(cur):      # strayed: into the selection
            selection.setCurrentIndex(model.index(top, left), QItemSelectionModel.SelectionFlag.NoUpdate)

    def _selection_anchor(self):
        """The corner of the selection opposite the current cell (where Shift started)."""
        cur, model = self.currentIndex(), self.model()
        ranges = self.selectionModel().selection()
        for r in ranges:
            if r.contains(cur):
                row = r.top() if cur.row() == r.bottom() else r.bottom()
                col = r.left() if cur.column() == r.right() else r.right()
                return model.index(row, col)
        return cur
