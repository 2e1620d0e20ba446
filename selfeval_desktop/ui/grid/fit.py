"""Rows as tall as their wrapped text, up to a few lines (a 偏差原因 paragraph, a long 三级指标
name), so a clerk reads more than the first words without opening the cell. The rest is in the
tooltip and the editor. Heights are fitted in the event loop turn after a change, only for the rows
that changed (all after a reset or a column resize), so typing stays quick.
"""
from __future__ import annotations

import time

from ..qt import QTimer

SLICE = 0.012       # seconds of fitting rows out of view per event loop turn
VIEW_MARGIN = 3     # rows below the view fitted with it (they come into view as rows above grow)


def rows_height(view, rows: int) -> int:
    """The height ``view`` (a table view) needs to show its header and ``rows`` rows of the
    default height inside its frame: the one measure of the grids that show all their rows (预算表's
    资金来源 and 资金情况, 支出明细, the 部门整体's 资金情况 and 部门所属项目), taken again in a new
    显示比例 (ui.zoom)."""
    return (view.horizontalHeader().sizeHint().height()
            + rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth())


class RowFitter:
    """Fits the row heights of ``grid`` (a QTableView with word wrap) to at most ``max_lines``."""

    def __init__(self, grid, max_lines: int = 3):
        self.grid = grid
        self.max_lines = max_lines
        self._rows: set[int] | None = set()    # rows to fit; None: all
        self._pending = False
        grid.horizontalHeader().sectionResized.connect(lambda *_: self.fit_all())

    def watch(self, model) -> None:
        model.modelReset.connect(self.fit_all)
        model.layoutChanged.connect(self.fit_all)
        model.rowsInserted.connect(lambda _p, first, last: self.fit(range(first, last + 1)))
        model.rowsRemoved.connect(lambda *_: self.fit_all())
        model.dataChanged.connect(
            lambda top, bottom, *_: self.fit(range(top.row(), bottom.row() + 1)))
        self.fit_all()

    def fit_all(self) -> None:
        self._rows = None
        self._schedule()

    def fit(self, rows) -> None:
        if self._rows is not None:
            self._rows.update(rows)
        self._schedule()

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            # the grid as the timer's owner: a grid deleted meanwhile (its window or document
            # closed during a long project's fitting) cancels it, not a call on a deleted grid
            QTimer.singleShot(0, self.grid, self.run)

    def run(self) -> None:
        """Fit the rows in view at once, the others in slices of ~``SLICE`` seconds, one per
        event loop turn: a 200-row paste or a 230-row project no longer holds the window for the
        0.3–0.5 s of fitting every row; rows out of view are fitted soon after."""
        self._pending = False
        grid = self.grid
        model = grid.model()
        rows, self._rows = self._rows, set()
        if model is None:
            return
        count = model.rowCount()
        todo = range(count) if rows is None else sorted(r for r in rows if r < count)
        if not todo:
            return
        top = max(grid.rowAt(0), 0)
        bottom = grid.rowAt(grid.viewport().height())
        bottom = count - 1 if bottom < 0 else bottom + VIEW_MARGIN
        shown = [r for r in todo if top <= r <= bottom]
        rest = [r for r in todo if not top <= r <= bottom]
        header = grid.verticalHeader()
        base = header.defaultSectionSize()
        cap = base + grid.fontMetrics().lineSpacing() * (self.max_lines - 1)
        deadline = time.monotonic() + SLICE
        for i, row in enumerate(shown + rest):
            if i >= len(shown) + 8 and i % 8 == 0 and time.monotonic() > deadline:   # 8 at least
                left = (shown + rest)[i:]
                if self._rows is not None:
                    self._rows.update(left)
                self._schedule()
                return
            height = min(max(grid.sizeHintForRow(row), base), cap)
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)
