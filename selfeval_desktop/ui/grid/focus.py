"""The keyboard focus arriving at and leaving a :class:`~.view.Grid` (mixed into it).

- Arriving without a current cell (Tab, Alt+1…4, a tab built around the grid), the cursor goes
  to the first cell that takes typing, so the keys typed next land in the grid.
- A grid without the focus shows its selection in grey, as Excel does: the 预算表's three grids
  each showed a blue selection at once, and which one would take the typing was not clear.
- What the grid said in the status bar (why a cell is red, why a cell takes no typing) is taken
  back when the focus leaves the grid; it stayed, about a cell no longer in view.
"""
from __future__ import annotations

from ..focus_look import focus_look
from ..qt import QApplication, QMainWindow, Qt


class FocusOps:

    def focusInEvent(self, event):  # noqa: N802 - Qt override
        had_current = self.currentIndex().isValid()
        super().focusInEvent(event)       # Qt makes the very first cell current: maybe a row label
        self._focus_look(True)
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            return
        if not had_current:
            self._cursor_to_first(force=True)
        else:
            self.to_editable_in_row()

    def to_editable_in_row(self) -> bool:
        """From a cell that takes no typing (a row label), to the first one in its row that does
        (else Ctrl+Tab into 项目资金 lands on 年度资金总额's label; the first figure typed is
        refused and the next ones land one column to the left of where they belong)."""
        cur, model = self.currentIndex(), self.model()
        if model is None or not cur.isValid() or self._editable(cur):
            return False
        if cur.column() != 0 or getattr(model, "ROW_ENTITY", None) is not None:
            return False      # only a fixed row's label: a computed 得分 or 合计 says why instead
        visible = [c for c in range(model.columnCount()) if not self.isColumnHidden(c)]
        col = self._first_editable(cur.row(), visible, None)
        if col is None:
            return False
        self._set_current(cur.row(), col)
        return True

    def focusOutEvent(self, event):  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        now = QApplication.focusWidget()
        if now is not None and (now is self or self.isAncestorOf(now)):
            return                       # into the grid's own editor: still this grid
        popup = QApplication.activePopupWidget()
        if popup is not None or event.reason() == Qt.FocusReason.PopupFocusReason:
            return                       # a menu or a picker's list over the grid
        self._focus_look(False)
        self.forget_said()

    def _focus_look(self, focused: bool) -> None:
        focus_look(self, focused)

    def forget_said(self) -> None:
        """Take back from the status bar what this grid last said there."""
        window = self.window()
        if not isinstance(window, QMainWindow):
            return
        bar = window.statusBar()
        if bar.currentMessage() and bar.currentMessage() in (self._told, self.message):
            bar.clearMessage()
        self._told = ""
        self.message = ""

    def _cursor_to_first(self, *_args, force: bool = False) -> None:
        """With the focus here and no current cell (a tab built around a grid that took the
        focus before its project was loaded, a model reset), the first cell taking typing."""
        if self.model() is None or not self.hasFocus() or \
                (self.currentIndex().isValid() and not force):
            return
        first = self.first_editable()
        if first is not None:
            self._set_current(*first)

    def first_editable(self) -> tuple[int, int] | None:
        """(row, column) of the first cell that takes typing, row by row; None when none does."""
        model = self.model()
        for row in range(model.rowCount()):
            if self.isRowHidden(row):
                continue
            for col in range(model.columnCount()):
                if not self.isColumnHidden(col) and self._editable(model.index(row, col)):
                    return row, col
        return None
