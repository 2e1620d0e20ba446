"""Rows as tall as their wrapped text, up to a few lines (a 偏差原因 paragraph, a long 三级指标
name), so a clerk reads more than the first words without opening the cell. The rest is in the
tooltip and the editor. Heights are fitted in the event loop turn after a change, only for the rows
that changed (all after a reset or a column resize), so typing stays quick.
"""
from __future__ import annotations

from ..qt import QTimer


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
            QTimer.singleShot(0, self.run)

    def run(self) -> None:
        self._pending = False
        grid = self.grid
        model = grid.model()
        rows, self._rows = self._rows, set()
        if model is None:
            return
        count = model.rowCount()
        header = grid.verticalHeader()
        base = header.defaultSectionSize()
        cap = base + grid.fontMetrics().lineSpacing() * (self.max_lines - 1)
        for row in (range(count) if rows is None else sorted(r for r in rows if r < count)):
            height = min(max(grid.sizeHintForRow(row), base), cap)
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)
