"""资金来源 grid: 计划安排资金 and 实际到位资金 by source, with a live 合计 row."""
from __future__ import annotations

from ...domain.model import Source, source_label
from ...domain.money import format_wan, sum_fen
from ..qt import Qt
from ..session_fields import MONEY
from .base import RIGHT, TOTAL_BRUSH, CellRef, SessionTableModel

COL_LABEL = 0
COL_PLANNED = 1
COL_ARRIVED = 2

HEADERS = ("资金来源", "计划安排资金", "实际到位资金")   # 万元, said by the tab
FIELDS = {COL_PLANNED: "planned", COL_ARRIVED: "arrived"}
TOTAL_FIELDS = {COL_PLANNED: "planned_total", COL_ARRIVED: "arrived_total"}
SOURCES = tuple(Source)   # 中央财政, 省级(自治区)财政, 市县财政, 其他


class SourceModel(SessionTableModel):
    HEADERS = HEADERS
    ENTITIES = ("source", "funding", "unit")
    TOTAL_ROWS = 1

    def load_rows(self):
        return list(SOURCES)

    def ref(self, row, col):
        source = self.row_object(row)
        if source is None or col not in FIELDS:
            return None
        return CellRef("source", source, FIELDS[col], MONEY)

    def changed_rows(self, entity, row_key, attr):
        if entity == "unit":
            return (0, len(self._rows) - 1) if attr == "region_word" else None
        if entity == "funding":
            return (len(self._rows), len(self._rows)) if attr in TOTAL_FIELDS.values() else None
        row = self._where.get(Source(row_key))
        return None if row is None else (row, len(self._rows))

    def computed(self, row, col, role):
        total = self.is_total_row(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            return TOTAL_BRUSH if total or col == COL_LABEL else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_LABEL:
            return RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_LABEL:
            if total:
                return "合计"
            return source_label(self._rows[row], self.session.document.unit.region_word)
        return format_wan(self.total(FIELDS[col]))

    def total(self, attr: str) -> int | None:
        """Sum of the sources; the stored total (imports) when no source is filled."""
        funding = self.session.project(self.pid).funding
        summed = sum_fen(getattr(funding.by_source[s], attr) for s in SOURCES)
        if summed is None:
            return getattr(funding, TOTAL_FIELDS[{v: k for k, v in FIELDS.items()}[attr]])
        return summed
