"""Where each editable field of a document lives, in memory and on disk, and how typed text is read.

Used by :mod:`selfeval_desktop.ui.session` only. A field is addressed as
``(entity, project_id, row_key, attr)`` (see ``DocumentSession.set_value``). No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
import sqlite3

from ..db import repo
from ..domain.model import Document, FundKind, Project, Source, SpendingScheme
from ..domain.unread_keys import unread_key  # noqa: F401  (fields.unread_key: the session's)

TEXT, MONEY, DECIMAL, CHOICE, YEAR, SCHEME = "text", "money", "decimal", "choice", "year", "scheme"

ENTITIES = ("unit", "meta", "project", "funding", "source", "fund_kind", "budget_line",
            "indicator", "evaluator", "conclusion")
ROW_TABLES = {"budget_line": "budget_line", "indicator": "indicator", "evaluator": "evaluator"}
ROW_LISTS = {"budget_line": "budget_lines", "indicator": "indicators", "evaluator": "evaluators"}
LINE_MONEY = ("planned", "actual", "special_planned", "special_actual")
ACHIEVEMENTS = ("达成", "部分达成", "未达成")

_FULLWIDTH = str.maketrans("０１２３４５６７８９．－＋　", "0123456789.-+ ")


class FieldError(KeyError):
    """An (entity, attr) pair that is not an editable field: a programming error."""


@dataclass(frozen=True)
class FieldRef:
    entity: str
    pid: int
    row_key: object
    attr: str

    @property
    def key(self) -> str:
        """The ``Project.unread`` key of this field: ``entity:row_key:attr``."""
        return unread_key(self.entity, self.row_key, self.attr)


def kind_of(entity: str, attr: str) -> str:
    """The kind of value a field holds (text, money in 分, Decimal, …); FieldError if unknown."""
    if entity == "unit" and attr in repo.UNIT_FIELDS:
        return TEXT
    if entity == "meta":
        if attr == "year":
            return YEAR
        if attr in ("profile_id", "department_profile_id", "grade_names"):
            return TEXT
    if entity == "project":
        if attr in repo.PROJECT_TEXT:
            return TEXT
        if attr in ("stated_total", "stated_execution_score"):
            return DECIMAL
        if attr == "spending_scheme":
            return SCHEME
    if entity == "funding" and attr in repo.FUNDING_MONEY:
        return MONEY
    if entity == "source" and attr in ("planned", "arrived"):
        return MONEY
    if entity == "fund_kind" and attr in ("initial", "annual", "executed"):
        return MONEY
    if entity == "budget_line":
        if attr in ("code", "name"):
            return TEXT
        if attr in LINE_MONEY:
            return MONEY
    if entity == "indicator":
        if attr in repo.INDICATOR_TEXT:
            return TEXT
        if attr in repo.INDICATOR_DECIMAL:
            return DECIMAL
        if attr == "achievement":
            return CHOICE
    if entity == "evaluator" and attr in ("name", "title", "org"):
        return TEXT
    if entity == "conclusion" and attr == "text":
        return TEXT
    raise FieldError(f"not an editable field: {entity}.{attr}")


def parse(kind: str, value):
    """Turn what was typed into the stored value. Returns (value, error); error is Chinese."""
    from ..domain import cells   # the cell reader: loaded at the first edit, not to show the window
    if kind == MONEY:   # read as paste and import read a cell: 20万元, 200,000元, １９.２８
        if value is None or isinstance(value, str):
            if cells.unit_unclear(value):
                # ¥ and no unit, or 3,200,000.00 as a 元 sheet writes it: 元 or 万元? Not guessed
                # (a ¥12,345.67 pasted into 实际支出 must not become 12345.67 万元); a paste
                # into a grid asks instead
                return None, cells.unclear_unit_message(value)
            try:
                return cells.cell_money(value, "万元"), None
            except cells.CellError as exc:
                return None, str(exc)
        raise TypeError("money is given as the text typed (万元)")
    if kind == DECIMAL:
        if value is None or isinstance(value, Decimal):
            return value, None
        try:
            return cells.cell_decimal(str(value)), None
        except cells.TooManyDigits as exc:
            return None, str(exc)
        except cells.CellError:
            return None, f"无法识别“{value}”：请填写数字，如 10 或 7.5"
    if kind == YEAR:
        text = "" if value is None else str(value).translate(_FULLWIDTH).strip().rstrip("年")
        if not text:
            return None, None
        if not (text.isdigit() and len(text) == 4):
            return None, f"无法识别年度“{value}”：请填写四位年份，如 2021"
        return int(text), None
    if kind == CHOICE:
        text = (value or "").strip()
        if text and text not in ACHIEVEMENTS:
            return None, f"达成情况只能是 {' / '.join(ACHIEVEMENTS)}"
        return (text or None), None
    if kind == SCHEME:
        try:
            return SpendingScheme(value), None
        except ValueError:
            return None, f"未知的支出分类方式“{value}”"
    return ("" if value is None else str(value)), None


# ---------------------------------------------------------------- in memory

def _row(project: Project, entity: str, row_id):
    for obj in getattr(project, ROW_LISTS[entity]):
        if obj.id == row_id:
            return obj
    raise KeyError(f"no {entity} row {row_id} in project {project.id}")


def _holder(doc: Document, project: Project | None, ref: FieldRef):
    """(object, attribute) holding the field in memory; conclusions are handled apart."""
    e = ref.entity
    if e == "unit":
        return doc.unit, ref.attr
    if e == "meta":
        return doc, ref.attr
    if e == "project":
        return project, ref.attr
    if e == "funding":
        return project.funding, ref.attr
    if e == "source":
        return project.funding.by_source[Source(ref.row_key)], ref.attr
    if e == "fund_kind":
        return project.funding.by_kind[FundKind(ref.row_key)], ref.attr
    if e in ROW_LISTS:
        return _row(project, e, ref.row_key), ref.attr
    raise FieldError(e)


def get(doc: Document, project: Project | None, ref: FieldRef):
    if ref.entity == "conclusion":
        return project.conclusions.get(ref.row_key, "")
    obj, attr = _holder(doc, project, ref)
    return getattr(obj, attr)


def put(doc: Document, project: Project | None, ref: FieldRef, value) -> None:
    if ref.entity == "conclusion":
        project.conclusions[ref.row_key] = value
        return
    obj, attr = _holder(doc, project, ref)
    setattr(obj, attr, value)


# ---------------------------------------------------------------- on disk

def write(conn: sqlite3.Connection, doc: Document, project: Project | None, ref: FieldRef,
          value) -> None:
    """Persist one field's value (the in-memory object is already updated)."""
    e, attr = ref.entity, ref.attr
    if e == "unit":
        repo.update_unit(conn, **{attr: value})
    elif e == "meta":
        repo.set_meta(conn, attr, None if value is None else str(value))
    elif e in ("project", "funding"):
        repo.update_project(conn, ref.pid, **{attr: value})
    elif e == "source":
        amount = project.funding.by_source[Source(ref.row_key)]
        repo.set_source_amount(conn, ref.pid, Source(ref.row_key), amount.planned, amount.arrived)
    elif e == "fund_kind":
        row = project.funding.by_kind[FundKind(ref.row_key)]
        repo.set_fund_kind(conn, ref.pid, FundKind(ref.row_key), row.initial, row.annual,
                           row.executed)
    elif e == "budget_line":
        repo.update_budget_line(conn, ref.row_key, **{attr: value})
    elif e == "indicator":
        repo.update_indicator(conn, ref.row_key, **{attr: value})
    elif e == "evaluator":
        repo.update_evaluator(conn, ref.row_key, **{attr: value})
    elif e == "conclusion":
        repo.set_conclusion(conn, ref.pid, ref.row_key, value)
    else:  # pragma: no cover - kind_of refused it already
        raise FieldError(e)
