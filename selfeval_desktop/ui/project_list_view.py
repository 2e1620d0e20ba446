"""The project list's table view: its keys as a clerk uses them.

- The current cell stays on the name: the list is one row per project (the whole row shows as
  selected), so →, End or a Tab out of the rename editor used to leave it on 得分 or 等次, where
  F2 then did nothing and nothing showed where the cursor was.
- Enter or Tab in the rename editor commits the name and stays on the project's row, as in
  Excel, so ↓ goes on to the next project (Tab used to move the cursor to 得分).
- Its selection is grey while the focus is elsewhere and the normal highlight while the keys are
  here, as the grids show theirs (it looked the same either way, and F6 is the advertised way
  in).
- Ctrl+V (or 编辑 → 粘贴) adds the projects of a list copied from Excel, as on the 部门整体's
  部门所属项目 (``tabs.department_paste``): in a file of projects only there was no other place to
  paste them, and the key did nothing and said nothing.
"""
from __future__ import annotations

from .focus_look import focus_look
from .qt import QKeySequence, QTableView


class ProjectListView(QTableView):
    """A QTableView whose current cell is always a row's name column (``name_column``)."""

    name_column = 0

    def __init__(self, paste, parent=None):
        super().__init__(parent)
        self._paste = paste
        focus_look(self, False)

    def focusInEvent(self, event):  # noqa: N802 - Qt override
        super().focusInEvent(event)
        focus_look(self, True)

    def focusOutEvent(self, event):  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        from .qt import QApplication, Qt
        now = QApplication.focusWidget()
        if now is not None and self.isAncestorOf(now) or QApplication.activePopupWidget() is not None \
                or event.reason() == Qt.FocusReason.PopupFocusReason:
            return                       # into its rename editor, or a menu over it: still here
        focus_look(self, False)

    def paste(self) -> list[int]:
        """Ctrl+V here (and 编辑 → 粘贴, which calls a focused widget's ``paste``)."""
        return self._paste()

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt override
        index = super().moveCursor(action, modifiers)
        if index.isValid() and index.column() != self.name_column:
            index = index.siblingAtColumn(self.name_column)
        return index

    def closeEditor(self, editor, hint):  # noqa: N802 - Qt override
        from .qt import QAbstractItemDelegate
        if hint in (QAbstractItemDelegate.EndEditHint.EditNextItem,
                    QAbstractItemDelegate.EndEditHint.EditPreviousItem):
            hint = QAbstractItemDelegate.EndEditHint.SubmitModelCache   # stay on the row
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            event.accept()
            return
        super().keyPressEvent(event)
