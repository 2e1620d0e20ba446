"""评价人员 grid: 姓名, 职称/职务, 单位 (the 签字 cell is left for a pen on paper)."""
from __future__ import annotations

from ...domain.model import Evaluator
from ..session_fields import TEXT
from .base import CellRef, SessionTableModel

COL_NAME = 0
COL_TITLE = 1
COL_ORG = 2

HEADERS = ("姓名", "职称/职务", "单位")
FIELDS = {COL_NAME: "name", COL_TITLE: "title", COL_ORG: "org"}


class EvaluatorModel(SessionTableModel):
    HEADERS = HEADERS
    ENTITIES = ("evaluator",)
    ROW_ENTITY = "evaluator"

    def ref(self, row, col):
        obj = self.row_object(row)
        if obj is None or col not in FIELDS:
            return None
        return CellRef("evaluator", obj.id, FIELDS[col], TEXT)

    def new_row(self) -> Evaluator:
        return Evaluator()

    def field_of(self, col):
        return (FIELDS[col], TEXT) if col in FIELDS else None
