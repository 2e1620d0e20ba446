"""项目资金 grid of the MoF 自评表: 年度资金总额 and its parts × 年初预算数 / 全年预算数 / 全年执行数,
with 分值, 执行率 and 得分 of 预算执行率 on the 年度资金总额 row (computed by domain.scoring)."""
from __future__ import annotations

from ...domain.model import FUND_KIND_LABELS, FundKind
from ...domain.scoring import num, rate_text
from ..qt import Qt
from ..session_fields import MONEY
from .base import READONLY_BRUSH, RIGHT, TOTAL_BRUSH, CellRef, SessionTableModel
from .labelled_paste import label_key, prepare_labelled

COL_LABEL = 0
COL_INITIAL = 1
COL_ANNUAL = 2
COL_EXECUTED = 3
COL_WEIGHT = 4
COL_RATE = 5
COL_SCORE = 6

HEADERS = ("项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")  # 万元
TOTAL = "total"    # row key of 年度资金总额 (Funding's own fields)
ROWS = (TOTAL, *FundKind)
KIND_FIELDS = {COL_INITIAL: "initial", COL_ANNUAL: "annual", COL_EXECUTED: "executed"}
TOTAL_FIELDS = {COL_INITIAL: "initial_budget", COL_ANNUAL: "annual_budget", COL_EXECUTED: "executed"}
LABELS = {TOTAL: "年度资金总额", **{k: f"其中：{v}" if k is FundKind.CURRENT else v
                                   for k, v in FUND_KIND_LABELS.items()}}


class FundKindModel(SessionTableModel):
    HEADERS = HEADERS
    ENTITIES = ("funding", "fund_kind", "meta")

    def load_rows(self):
        return list(ROWS)

    def ref(self, row, col):
        key = self.row_object(row)
        if key is None or col not in KIND_FIELDS:
            return None
        if key == TOTAL:
            return CellRef("funding", None, TOTAL_FIELDS[col], MONEY)
        return CellRef("fund_kind", key, KIND_FIELDS[col], MONEY)

    def changed_rows(self, entity, row_key, attr):
        return 0, len(self._rows) - 1     # four rows: the rate and score follow any amount

    def prepare_paste(self, block, start_row: int, columns: list[int]):
        """The form's block as Excel copies it, with its title row and row labels."""
        rows = {label_key(LABELS[key]): row for row, key in enumerate(self._rows)}
        return prepare_labelled(block, start_row, columns, self.HEADERS, rows,
                                frozenset({COL_WEIGHT, COL_RATE, COL_SCORE}))

    def execution(self):
        return self.session.score(self.pid).execution

    def computed(self, row, col, role):
        key = self.row_object(row)
        if col == COL_LABEL:
            if role == Qt.ItemDataRole.DisplayRole:
                return LABELS[key]
            return TOTAL_BRUSH if role == Qt.ItemDataRole.BackgroundRole else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return READONLY_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if key != TOTAL:    # a 其中 row: its 执行率 as the forms print it, no score
            if col == COL_RATE and role == Qt.ItemDataRole.DisplayRole:
                part = self.session.project(self.pid).funding.by_kind.get(key)
                rate = part.rate() if part is not None else None
                return "" if rate is None else rate_text(rate, self.session.profile(self.pid))
            return None
        ex = self.execution()
        if role == Qt.ItemDataRole.ToolTipRole:
            return ex.explanation
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_WEIGHT:
            return num(ex.weight)
        if col == COL_RATE:
            return "" if ex.rate is None else rate_text(ex.rate, self.session.profile(self.pid))
        if col == COL_SCORE:
            return "" if ex.score is None else str(ex.score)
        return None

    def cell_error(self, row, col, ref):
        error = super().cell_error(row, col, ref)
        if error:
            return error
        if self.row_object(row) == TOTAL and col in (COL_ANNUAL, COL_RATE):
            if self.session.project(self.pid).funding.annual_budget == 0:
                return self.execution().error
        return None
