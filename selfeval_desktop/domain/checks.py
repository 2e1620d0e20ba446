"""Consistency checks (问题清单): what is wrong or worth a look in a document, and where.

``run_checks(doc)`` lists every :class:`Finding` of the document; ``check_project`` those of one
project (the window refreshes one project after an edit). Each finding names its place
(:class:`Place`: project, tab, table, row, field) so the window can jump to the cell, and says in
one Chinese sentence what is wrong. Severity ``error``: a printed form would show wrong or missing
figures, or a score cannot be computed; ``warning`` (提醒): worth a look, may be right.

The checks live by subject: :mod:`checks_funds` (money), :mod:`checks_indicators` (weights,
scores, stated scores); this module holds the document-level ones, required fields and text that
could not be read (``Project.unread``).

``Project.unread`` keys (field key → text as typed) are read as:
``<Funding attribute>`` (``annual_budget``), ``stated_total``, ``source.<Source>.<planned|arrived>``,
``kind.<FundKind>.<initial|annual|executed>``, ``budget_line.<row id>.<attribute>``,
``indicator.<row id>.<attribute>``, ``evaluator.<row id>.<attribute>`` (``:`` or ``/`` may
separate the parts too). An unknown key is still reported, at the project's overview.
"""
from __future__ import annotations

import re

from .checks_base import ERROR, TABS, WARNING, Context, Finding, Place
from .checks_funds import (FUNDING_LABELS, KIND_COLUMNS, KINDS, LINE_LABELS, SOURCE_COLUMNS,
                           SOURCES, check_funds, line_name, source_name)
from .checks_indicators import check_indicators, row_name
from .evaluation import profile_for
from .model import FUND_KIND_LABELS, Document, FundKind, Project, Source
from .profiles import ProfileError
from .scoring import ProjectScore, score_project

__all__ = ["ERROR", "WARNING", "Finding", "Place", "check_project", "run_checks", "sort_key"]

INDICATOR_FIELDS = {"weight": "分值", "override": "调整后得分", "stated_score": "填报得分",
                    "target": "年度指标值", "actual": "实际完成值"}
# codes that say a cell is empty: dropped when the same cell holds unread text (said once)
EMPTY_CODES = {"annual_budget_missing", "executed_missing", "weight_missing", "total_missing"}


def run_checks(doc: Document, scores: dict[int, ProjectScore] | None = None) -> list[Finding]:
    """Every finding of the document: document-level first, then project by project."""
    findings = _document_checks(doc)
    for project in doc.projects:
        score = scores.get(project.id) if scores and project.id is not None else None
        findings.extend(check_project(doc, project, score))
    return findings


def check_project(doc: Document, project: Project, score: ProjectScore | None = None) -> list[Finding]:
    """The findings of one project (or of the 部门整体 evaluation, by its own profile)."""
    try:
        profile = profile_for(doc, project)
    except ProfileError as exc:
        profile = None
        profile_error = str(exc)
    if profile is not None and score is None:
        score = score_project(project, profile)
    ctx = Context(doc, project, profile, score if profile is not None else None)
    if profile is None:
        ctx.error("profile_unknown", f"{ctx.name}无法评分：{profile_error}", "document",
                  field="profile_id")
    _required(ctx)
    _unread(ctx)
    check_funds(ctx)
    check_indicators(ctx)
    return _without_repeats(ctx.findings)


def sort_key(finding: Finding):
    """Errors first, then by tab, table, row (for a list the user reads top-down)."""
    p = finding.place
    return (finding.severity != ERROR, TABS.index(p.tab) if p.tab in TABS else len(TABS),
            p.table or "", -1 if p.row is None else p.row)


def _document_checks(doc: Document) -> list[Finding]:
    out = []
    if not doc.unit.name.strip():
        out.append(Finding(WARNING, "unit_name_missing", "未填写单位名称",
                           Place(None, "document", field="name")))
    if not doc.projects:
        out.append(Finding(WARNING, "projects_missing", "文件中还没有项目",
                           Place(None, "document")))
    return out


def _required(ctx: Context) -> None:
    if not ctx.project.name.strip():
        projects = ctx.doc.projects
        which = (f"第{projects.index(ctx.project) + 1}个项目" if ctx.project in projects else "项目")
        ctx.warning("project_name_missing", f"{which}未填写项目名称", "overview", field="name")


def _without_repeats(findings: list[Finding]) -> list[Finding]:
    unread = {f.place for f in findings if f.code == "unread"}
    return [f for f in findings if not (f.code in EMPTY_CODES and f.place in unread)]


# ---------------------------------------------------------------- text that could not be read

def _unread(ctx: Context) -> None:
    for key, text in ctx.project.unread.items():
        label, place = unread_place(ctx, key)
        ctx.findings.append(Finding(
            ERROR, "unread", f"{ctx.name}{label}中填写的“{text}”无法识别，请改为数字（原文已保留）",
            place))


def _row_by_id(rows, key: str) -> int | None:
    for i, row in enumerate(rows):
        if str(row.id) == key:
            return i
    return None


def unread_place(ctx: Context, key: str) -> tuple[str, Place]:
    """(label, place) of an ``unread`` key; see the module docstring for the key forms."""
    pid = ctx.project.id
    parts = re.split(r"[.:/]", key)
    head = parts[0]
    if len(parts) == 1:
        if head in FUNDING_LABELS:
            return FUNDING_LABELS[head], Place(pid, "budget", field=head)
        if head == "stated_total":
            return "综合得分", Place(pid, "indicators", field=head)
        return f"“{key}”", Place(pid, "overview", field=head)
    col = parts[-1]
    if head in ("source", "by_source", "funding_source") and len(parts) == 3:
        source = _enum(Source, parts[1])
        if source is not None and col in SOURCE_COLUMNS:
            return (f"{source_name(ctx, source)}{SOURCE_COLUMNS[col][1]}",
                    Place(pid, "budget", "source", SOURCES.index(source), col))
    if head in ("kind", "by_kind", "fund_kind") and len(parts) == 3:
        kind = _enum(FundKind, parts[1])
        if kind is not None and col in KIND_COLUMNS:
            return (f"{FUND_KIND_LABELS[kind]}{KIND_COLUMNS[col][1]}",
                    Place(pid, "budget", "fund_kind", KINDS.index(kind), col))
    if head in ("budget_line", "line") and len(parts) == 3:
        row = _row_by_id(ctx.project.budget_lines, parts[1])
        line = ctx.project.budget_lines[row] if row is not None else None
        name = line_name(line, row) if line is not None else "支出明细"
        return (f"{name}{LINE_LABELS.get(col, '')}", Place(pid, "budget", "budget_line", row, col))
    if head == "indicator" and len(parts) == 3:
        row = _row_by_id(ctx.project.indicators, parts[1])
        name = row_name(row, ctx.project.indicators[row]) if row is not None else "指标"
        return (f"{name}{INDICATOR_FIELDS.get(col, '')}",
                Place(pid, "indicators", "indicator", row, col))
    if head == "evaluator" and len(parts) == 3:
        row = _row_by_id(ctx.project.evaluators, parts[1])
        return "评价人员", Place(pid, "conclusion", "evaluator", row, col)
    return f"“{key}”", Place(pid, "overview", field=key)


def _enum(enum, value: str):
    try:
        return enum(value)
    except ValueError:
        return None
