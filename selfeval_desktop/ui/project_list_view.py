"""The project list's table view: its keys as a clerk uses them (review 30).

- The current cell stays on the name: the list is one row per project (the whole row shows as
  selected), so →, End or a Tab out of the rename editor used to leave it on 得分 or 等次, where
  F2 then did nothing and nothing showed where the cursor was.
- Enter or Tab in the rename editor commits the name and stays on the project's row, as in
  Excel, so ↓ goes on to the next project (Tab used to move the cursor to 得分).
"""
from __future__ import annotations

from .qt import QTableView


class ProjectListView(QTableView):
    """A QTableView whose current cell is always a row's name column (``name_column``)."""

    name_column = 0

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
