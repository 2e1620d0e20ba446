"""Frozen leading columns for a :class:`~.view.Grid` (mixed into it), as Excel's 冻结窗格: the
绩效指标 grid keeps its 一级/二级/三级指标 names in sight while the clerk scrolls right to
实际完成值, 得分 and 偏差原因 (at 1366×768 they lost which row they were filling).

Qt's “Frozen Column” way: a second table view (:class:`FrozenView`) over the grid's left edge,
showing the frozen columns of the same model with the same selection model, so there is one
current cell and one selection. It never takes the focus: a click on it makes the cell current in
the grid, which keeps the keys — typing, Enter, Tab, Delete, Ctrl+C/V work as on any cell — and
a double-click opens the cell in the grid. Its rows follow the grid's (heights, vertical scroll);
its column widths are the grid's, both ways.

The grid itself:

- scrolls sideways by pixels and never brings a cell under the frozen columns: ``scrollTo`` of a
  frozen cell scrolls up or down only, of any other cell leaves it right of them (→ from 三级指标,
  a finding's “jump to cell”);
- reports a frozen cell where it is seen (``visualRect``, ``indexAt``), so an editor opened on
  one is placed over it — and the frozen view lets it through (a hole in its mask);
- freezes only while it scrolls sideways and the frozen columns take at most about half of its
  width: a wide window shows the grid alone, exactly as before; a narrow one keeps room for the
  columns being filled.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..qt import QAbstractItemView, QTableView

if TYPE_CHECKING:
    from .frozen_view import FrozenView


class FrozenOps:
    """The grid's side: ``freeze_columns(n)`` and the overrides that keep cells clear of them."""

    _freeze: "FrozenView | None" = None
    _freeze_count = 0
    _home = False          # the cursor is going Home: the columns scroll back to the start, as in Excel

    def freeze_columns(self, count: int) -> None:
        """Keep the first ``count`` columns in sight while the rest scroll sideways. The view
        over them is made the first time the grid, shown, has to scroll sideways (a window
        wide enough never pays for it, and the window's start does not)."""
        self._freeze_count = count
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        if self._freeze is not None:
            self._freeze.count = count
            self._freeze.attach(grid_connected=True)

    def _make_freeze(self) -> None:
        if (self._freeze is None and self._freeze_count and self.isVisible()
                and self.model() is not None and self.horizontalScrollBar().maximum() > 0):
            from .frozen_view import FrozenView   # its Qt classes (QStyle…) only when needed
            self._freeze = FrozenView(self)         # (~10 ms off the window's start)
            self._freeze.count = self._freeze_count
            self._freeze.attach(grid_connected=True)

    def frozen_view(self) -> "FrozenView | None":
        """The view drawn over the frozen columns while they are frozen, else None."""
        freeze = self._freeze
        return freeze if freeze is not None and freeze.active else None

    def frozen_width(self) -> int:
        """How wide the frozen columns are (0 while nothing is frozen)."""
        freeze = self.frozen_view()
        return freeze.width() if freeze is not None else 0

    # ------------------------------------------------------------ Qt overrides

    def setModel(self, model):  # noqa: N802 - Qt override
        super().setModel(model)
        if self._freeze is not None:
            self._freeze.attach()

    def updateGeometries(self):  # noqa: N802 - Qt override
        super().updateGeometries()
        if self._freeze is not None:
            self._freeze.place()
        else:
            self._make_freeze()

    def scrollContentsBy(self, dx, dy):  # noqa: N802 - Qt override
        super().scrollContentsBy(dx, dy)
        freeze = self.frozen_view()
        if freeze is not None:
            if dx and self.state() == QAbstractItemView.State.EditingState:
                self.updateEditorGeometries()   # an open frozen cell stays with its column
            freeze.viewport().update()          # the edge line comes and goes with the offset

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible):  # noqa: N802
        home, self._home = self._home, False
        width = self.frozen_width()
        if not width or not index.isValid():
            super().scrollTo(index, hint)
            return
        bar = self.horizontalScrollBar()
        if index.column() < self._freeze.count:     # always in sight: up or down only
            kept = 0 if home else bar.value()   # Home, Ctrl+Home, Tab to the next row: the start
            super().scrollTo(index, hint)
            bar.setValue(kept)
            return
        super().scrollTo(index, hint)
        left = self.columnViewportPosition(index.column())
        if left < width:                          # under the frozen columns: out from under
            bar.setValue(bar.value() - (width - left))

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt override
        self._home = action == QAbstractItemView.CursorAction.MoveHome
        return super().moveCursor(action, modifiers)

    def visualRect(self, index):  # noqa: N802 - Qt override
        rect = super().visualRect(index)
        if rect.isValid() and index.column() < self._frozen_count() and self.frozen_width():
            rect.translate(self.horizontalOffset(), 0)   # where the frozen view shows it
        return rect

    def indexAt(self, pos):  # noqa: N802 - Qt override
        freeze = self.frozen_view()
        if freeze is not None and 0 <= pos.x() < freeze.width():
            return QTableView.indexAt(freeze, pos)
        return super().indexAt(pos)

    def edit(self, index, trigger=None, event=None):
        if trigger is None:
            return super().edit(index)
        opened = super().edit(index, trigger, event)
        if opened and self._freeze is not None and index.column() < self._freeze.count:
            self._freeze.watch(self.indexWidget(index))
        return opened

    def _frozen_count(self) -> int:
        return self._freeze.count if self._freeze is not None else 0
