"""评价人员 grid: 姓名, 职称/职务, 单位 (the 签字 cell is left for a pen on paper)."""
from __future__ import annotations

from ...domain.cells import normalise_label
from ...domain.model import Evaluator
from ..session_fields import TEXT
from .base import CellRef, SessionTableModel

COL_NAME = 0
COL_TITLE = 1
COL_ORG = 2

HEADERS = ("姓名", "职称/职务", "单位")
FIELDS = {COL_NAME: "name", COL_TITLE: "title", COL_ORG: "org"}
# a copied table's title row, as the seeds' forms write it: title → column (None: left out)
TITLES = {"姓名": COL_NAME, "评价人员": COL_NAME, "专家姓名": COL_NAME, "人员": COL_NAME,
          "职称/职务": COL_TITLE, "职称职务": COL_TITLE, "职称": COL_TITLE, "职务": COL_TITLE,
          "职称(职务)": COL_TITLE, "职务/职称": COL_TITLE, "职务(职称)": COL_TITLE,
          "单位": COL_ORG, "工作单位": COL_ORG, "所在单位": COL_ORG, "单位/部门": COL_ORG,
          "签字": None, "签名": None, "本人签字": None, "评价人员签字": None, "序号": None,
          "备注": None, "组内职务": None, "分工": None}


def title_columns(row) -> dict[int, int | None] | None:
    """Cell position → column when ``row`` is the title row of an evaluators' table (two known
    titles at least, every other cell blank or a title left out); None when it is a person."""
    labels = [normalise_label(cell) for cell in row]
    known = {i: TITLES[label] for i, label in enumerate(labels) if label in TITLES}
    if sum(col is not None for col in known.values()) < 2:
        return None
    if any(label and i not in known for i, label in enumerate(labels)):
        return None
    return known


class EvaluatorModel(SessionTableModel):
    HEADERS = HEADERS
    ENTITIES = ("evaluator",)
    ROW_ENTITY = "evaluator"

    def ref(self, row, col):
        obj = self.row_object(row)
        if obj is None or col not in FIELDS:
            return None
        return CellRef("evaluator", obj.id, FIELDS[col], TEXT)

    def prepare_paste(self, block, start_row: int, columns: list[int]):
        """A table copied with its title row (姓名 | 职称/职务 | 单 位 | 签字, seed 003): the row
        names the columns and is not a person (no evaluator “姓名” to sign the form); 签字 and
        序号 columns are left out. (block, columns, note)."""
        where = title_columns(block[0]) if len(block) > 1 else None
        if where is None:
            return block, columns, ""
        keep = [i for i, col in sorted(where.items()) if col is not None]
        rows = [[row[i] if i < len(row) else "" for i in keep] for row in block[1:]]
        dropped = [block[0][i].strip() for i, col in sorted(where.items()) if col is None]
        note = "第一行是列标题，已按标题把各列粘贴到对应的列"
        if dropped:
            note += f"（“{'”“'.join(dropped)}”列不用填，未粘贴）"
        return rows, [where[i] for i in keep], note

    def new_row(self) -> Evaluator:
        return Evaluator()

    def field_of(self, col):
        return (FIELDS[col], TEXT) if col in FIELDS else None
