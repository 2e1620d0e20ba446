"""资金来源 grid: 计划安排资金 and 实际到位资金 by source, with a 合计 row.

The 合计 cells take typing (the form's 计划安排资金/实际到位资金): a typed total is shown as typed;
with none typed the cell shows the sources' sum in grey (``Funding.effective_*_total``: what the
checks and the forms count), with a tooltip saying so.
"""
from __future__ import annotations

from ...domain.model import Source, source_label
from ...domain.money import format_wan
from ..qt import QBrush, QColor, Qt
from ..session_fields import MONEY
from .base import RIGHT, TOTAL_BRUSH, CellRef, SessionTableModel
from .labelled_paste import label_key, prepare_labelled

COL_LABEL = 0
COL_PLANNED = 1
COL_ARRIVED = 2

HEADERS = ("资金来源", "计划安排资金", "实际到位资金")   # 万元, said by the tab
FIELDS = {COL_PLANNED: "planned", COL_ARRIVED: "arrived"}
TOTAL_FIELDS = {COL_PLANNED: "planned_total", COL_ARRIVED: "arrived_total"}
SOURCES = tuple(Source)   # 中央财政, 省级(自治区)财政, 市县财政, 其他
SUM_TIP = "各来源之和（未单独填写合计）"
SUM_BRUSH = QBrush(QColor("#808080"))


class SourceModel(SessionTableModel):
    HEADERS = HEADERS
    ENTITIES = ("source", "funding", "unit")
    TOTAL_ROWS = 1

    def load_rows(self):
        return list(SOURCES)

    def ref(self, row, col):
        if col not in FIELDS:
            return None
        if self.is_total_row(row):
            return CellRef("funding", None, TOTAL_FIELDS[col], MONEY)
        source = self.row_object(row)
        if source is None:
            return None
        return CellRef("source", source, FIELDS[col], MONEY)

    def changed_rows(self, entity, row_key, attr):
        if entity == "unit":
            return (0, len(self._rows) - 1) if attr == "region_word" else None
        if entity == "funding":
            return (len(self._rows), len(self._rows)) if attr in TOTAL_FIELDS.values() else None
        row = self._where.get(Source(row_key))
        return None if row is None else (row, len(self._rows))

    def prepare_paste(self, block, start_row: int, columns: list[int]):
        """The form's block as Excel copies it, with its title row and row labels:
        中央财政 …, 省级财政 or 自治区财政 whichever the unit writes, 其它 or 其他 (a 合计 row is the
        table's own sum, not pasted)."""
        regions = {"省级", "自治区", self.session.document.unit.region_word or "省级"}
        rows = {label_key(source_label(source, region)): row
                for row, source in enumerate(self._rows) for region in regions}
        return prepare_labelled(block, start_row, columns, self.HEADERS, rows)

    def computed(self, row, col, role):
        total = self.is_total_row(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            return TOTAL_BRUSH if total or col == COL_LABEL else None
        if role != Qt.ItemDataRole.DisplayRole or col != COL_LABEL:
            return None
        if total:
            return "合计"
        return source_label(self._rows[row], self.session.document.unit.region_word)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() in FIELDS and self.is_total_row(index.row()):
            return self._total_data(index, role)
        return super().data(index, role)

    def _total_data(self, index, role):
        """A 合计 cell: the typed total, else the sources' sum in grey."""
        col = index.column()
        ref = self.ref(index.row(), col)
        typed = self.session.unread(ref.entity, self.pid, None, ref.attr) is not None or \
            self.stored_value(ref) is not None
        if typed or self.cell_error(index.row(), col, ref):
            value = super().data(index, role)
            if role == Qt.ItemDataRole.BackgroundRole and value is None:
                return TOTAL_BRUSH
            if role == Qt.ItemDataRole.ToolTipRole and value is None:
                summed = self.sources_sum(col)
                return None if summed is None else \
                    f"已填写合计；各来源之和为 {format_wan(summed)}"
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            return format_wan(self.sources_sum(col))
        if role == Qt.ItemDataRole.EditRole:
            return ""
        if role == Qt.ItemDataRole.ForegroundRole:
            return SUM_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            return SUM_TIP
        if role == Qt.ItemDataRole.BackgroundRole:
            return TOTAL_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        return super().data(index, role)

    def sources_sum(self, col: int) -> int | None:
        return self.session.project(self.pid).funding.sources_sum(FIELDS[col])

    def total(self, attr: str) -> int | None:
        """计划安排资金/实际到位资金 as counted: typed, else the sources' sum (``planned``/``arrived``)."""
        funding = self.session.project(self.pid).funding
        return funding.effective_planned_total() if attr == "planned" else \
            funding.effective_arrived_total()
