"""What an undo step changed, in the clerk's words and as a place in the window.

Each undo step of :class:`selfeval_desktop.ui.session.DocumentSession` carries a :class:`Where`
(project, entity, row key, attribute). From it come the step's name (“修改 实际完成值”, shown in the
编辑 menu as “撤销 修改 实际完成值”) and, after an undo or redo, the place to show: the window
selects that project and tab and puts the cursor on the cell (a ``domain.checks_base.Place``, the
same the 问题清单 jumps to). No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from ..domain.labels import FIELD_LABELS, ROW_NAMES
from ..domain.model import CONCLUSION_SECTIONS, FUND_KIND_LABELS, FundKind, Source, source_label

if TYPE_CHECKING:   # the checks' module loads with the 问题清单, after the first paint
    from ..domain.checks_base import Place

TABS = {"funding": "budget", "source": "budget", "fund_kind": "budget", "budget_line": "budget",
        "indicator": "indicators", "evaluator": "conclusion", "conclusion": "conclusion"}
CONCLUSION_FIELDS = ("unit_opinion", "supervisor_opinion", "stated_grade", "stated_total")
TAB_NAMES = {"overview": "项目概况", "budget": "预算表", "indicators": "绩效指标",
             "conclusion": "结论", "document": "文件信息"}


@dataclass(frozen=True)
class Where:
    """What one undo step touched: ``entity`` as in ``set_value`` (or "projects" for the project
    list), ``row_key`` a row id / Source / FundKind / section key, ``attr`` None for whole rows."""
    pid: int | None
    entity: str
    row_key: object = None
    attr: str | None = None
    position: int | None = None   # the row's place then: where to stand once it is gone


def field_label(entity: str, row_key, attr: str) -> str:
    """The Chinese name of a field: 实际完成值, 市县财政 计划安排资金, 存在问题 …"""
    if entity == "conclusion":
        return CONCLUSION_SECTIONS.get(row_key, str(row_key))
    label = FIELD_LABELS.get(entity, {}).get(attr, attr)
    if entity == "source" and isinstance(row_key, (Source, str)):
        try:
            return f"{source_label(Source(row_key))} {label}"
        except ValueError:
            return label
    if entity == "fund_kind":
        try:
            return f"{FUND_KIND_LABELS[FundKind(row_key)]} {label}"
        except (ValueError, KeyError):
            return label
    return label


def edit_name(entity: str, row_key, attr: str) -> str:
    return f"修改 {field_label(entity, row_key, attr)}"


def rows_name(verb: str, entity: str, count: int) -> str:
    """插入 2 行 指标 → “插入 2 行指标”; one row: “删除 1 行”."""
    return f"{verb} {count} 行{ROW_NAMES.get(entity, '')}"


BUDGET_FIELDS = {"spending_scheme"}   # a project field the 预算表 shows


def tab_of(where: Where) -> str:
    if where.entity == "project":
        if where.attr in BUDGET_FIELDS:   # undoing 支出科目按 shows the 预算表, not 项目概况
            return "budget"
        return "conclusion" if where.attr in CONCLUSION_FIELDS else "overview"
    if where.entity in ("unit", "meta", "projects"):
        return "document"
    return TABS.get(where.entity, "overview")


def place_of(document, where: Where) -> Place:
    """Where the window shows the change now (row ids turned into today's row positions)."""
    from ..domain.checks_base import Place
    tab = tab_of(where)
    if where.entity in ("unit", "meta", "projects"):
        return Place(where.pid if where.entity == "projects" else None, tab, None, None,
                     where.attr)
    project = next((p for p in document.projects if p.id == where.pid), None)
    row = None
    if where.entity in ROW_NAMES and project is not None:
        rows = getattr(project, {"indicator": "indicators", "budget_line": "budget_lines",
                                 "evaluator": "evaluators"}[where.entity])
        row = next((i for i, r in enumerate(rows) if r.id == where.row_key), None)
        if row is None and rows:     # an inserted row undone: where it stood
            row = len(rows) - 1 if where.position is None else min(where.position, len(rows) - 1)
    elif where.entity == "source":
        row = _position(tuple(Source), where.row_key)
    elif where.entity == "fund_kind":
        row = _position(tuple(FundKind), where.row_key)
    field = where.attr
    if where.entity == "conclusion":
        field = where.row_key
    table = where.entity if where.entity in (*ROW_NAMES, "source", "fund_kind") else None
    return Place(where.pid, tab, table, row, field)


def _position(members: tuple, key) -> int | None:
    for i, m in enumerate(members):
        if m == key or (isinstance(m, Enum) and m.value == key):
            return i
    return None
