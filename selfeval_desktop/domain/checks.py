"""Consistency checks (问题清单): what is wrong or worth a look in a document, and where.

``run_checks(doc)`` lists every :class:`Finding` of the document; ``check_project`` those of one
project (the window refreshes one project after an edit). Each finding names its place
(:class:`Place`: project, tab, table, row, field) so the window can jump to the cell, and says in
one Chinese sentence what is wrong. Severity ``error``: a printed form would show wrong or missing
figures, or a score cannot be computed; ``warning`` (提醒): worth a look, may be right.

The checks live by subject: :mod:`checks_funds` (money), :mod:`checks_indicators` (weights,
scores, stated scores); this module holds the document-level ones, required fields and text that
could not be read (``Project.unread``).

``Project.unread`` keys (field key → text as typed) are read by
:func:`.unread_keys.parse_unread_key`, which documents their forms. An unknown key is still
reported, at the project's overview.
"""
from __future__ import annotations

from .cells import unclear_unit_message, unit_unclear
from .checks_base import ERROR, WARNING, Context, Finding, Place
from .checks_funds import (FUNDING_LABELS, KIND_COLUMNS, KINDS, LINE_LABELS, SOURCE_COLUMNS,
                           SOURCES, check_funds, line_name, source_name)
from .checks_indicators import check_indicators, row_name
from .checks_list import CARRIED_OVER, collapse_rows, sort_key
from .checks_years import check_years
from .evaluation import profile_for
from .model import FUND_KIND_LABELS, Document, FundKind, Project, ProjectKind, Source, project_key
from .postcode import postcode_problem
from .profiles import ProfileError, grade_style_problem, load_profile
from .scoring import ProjectScore, score_project
from .unread_keys import parse_unread_key, row_index

__all__ = ["CARRIED_OVER", "ERROR", "WARNING", "Finding", "Place", "check_project", "collapse_rows",
           "document_checks", "run_checks", "sort_key"]

INDICATOR_FIELDS = {"weight": "分值", "override": "调整后得分", "stated_score": "填报得分",
                    "target": "年度指标值", "actual": "实际完成值"}
# codes that say a cell is empty: dropped when the same cell holds unread text (said once)
EMPTY_CODES = {"annual_budget_missing", "executed_missing", "weight_missing", "total_missing",
               "printed_total_missing"}


def run_checks(doc: Document, scores: dict[int, ProjectScore] | None = None) -> list[Finding]:
    """Every finding of the document: document-level first, then project by project."""
    findings = document_checks(doc)
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
        score = score_project(project, profile, doc.year)
    ctx = Context(doc, project, profile, score if profile is not None else None)
    if profile is None:
        which = ("department_profile_id" if project.kind is ProjectKind.DEPARTMENT
                 else "profile_id")
        ctx.error("profile_unknown", f"{ctx.name}无法评分：{profile_error}", "document",
                  field=which)
    _finalized(ctx)
    _required(ctx)
    _same_name(ctx)
    _unread(ctx)
    check_years(ctx)
    check_funds(ctx)
    check_indicators(ctx)
    return _without_repeats(ctx.findings)


def open_reminders(doc: Document, project: Project,
                   score: ProjectScore | None = None) -> list[Finding]:
    """The 提醒 said before 定稿 locks ``project``: its own, then the file's (单位名称, 等次写法 …,
    which 定稿 locks too, not only the project's), in the 问题清单's order."""
    return sorted((f for f in check_project(doc, project, score) if f.severity == WARNING),
                  key=sort_key) + [f for f in document_checks(doc) if f.severity == WARNING]


def document_checks(doc: Document) -> list[Finding]:
    """The findings about the document as a whole (unit name, no project), listed first."""
    out = []
    if not doc.unit.name.strip():
        out.append(Finding(WARNING, "unit_name_missing", "未填写单位名称",
                           Place(None, "document", field="name")))
    if not doc.projects:
        out.append(Finding(WARNING, "projects_missing", "文件中还没有项目",
                           Place(None, "document")))
    out += _grade_style(doc)
    return out


def _grade_style(doc: Document) -> list[Finding]:
    """A stored 等次写法 that does not fit a rule's grades (a file edited by hand, or from a
    later version) is said, not applied silently or dropped."""
    problems = []
    for pid in dict.fromkeys((doc.profile_id, doc.department_profile_id)):
        try:
            problem = grade_style_problem(doc.grade_names, load_profile(pid))
        except ProfileError:         # an unknown profile is said by the projects' checks
            continue
        if problem and problem not in problems:
            problems.append(problem)
    return [Finding(WARNING, "grade_names_unusable", p, Place(None, "document", field="grade_names"))
            for p in problems]


_document_checks = document_checks   # the earlier private name


def _finalized(ctx: Context) -> None:
    """A 定稿 project whose content no longer matches its check code (a file changed outside the
    program after the paper was stamped must not show as 已定稿, 没有发现问题)."""
    if not (ctx.project.digest or ctx.project.finalized_at):
        return
    from .digest import changed_since_finalized     # only for finalized projects
    why = changed_since_finalized(ctx.doc, ctx.project)
    if why:
        ctx.error("finalized_changed", f"{ctx.name}{why}，纸质表上的校验码对它已无效；"
                  "改了哪里见“项目 → 核对定稿校验码”（定稿时记录了内容的，逐项列出改动；更早定稿的，"
                  "请与盖章的纸质表逐项对照）；核实后撤销定稿、"
                  "重新定稿并重新打印", "overview")


def _ordinal(doc, project) -> str:
    """“第2个项目” counted among the projects (the 部门整体 above them is not counted: a file's
    only project is not called the second); “部门整体评价” for the department."""
    if project.kind is ProjectKind.DEPARTMENT:
        return "部门整体评价"
    at = next((i for i, p in enumerate(doc.project_list()) if p is project), None)
    return "项目" if at is None else f"第{at + 1}个项目"


def _same_name(ctx: Context) -> None:
    """A project named as one before it, of the same 实施单位: the same workbook or file added
    twice (the totals would double, with nothing said). Said on the later one, usually the
    copy. Two units' projects of one name (seed 001: 信息化替代 of the 科技局 and of its 服务中心)
    are not the same project."""
    project = ctx.project
    key = project_key(project)
    projects = ctx.doc.projects
    index = next((i for i, p in enumerate(projects) if p is project), None)   # not ==: twins
    if not key[0] or index is None:
        return
    first = next((p for p in projects[:index] if project_key(p) == key), None)
    if first is not None:
        ctx.warning("same_name", f"{ctx.name}与{_ordinal(ctx.doc, first)}同名、实施单位相同：是否把同一个项目"
                    "加入了两次？重复的请删除，不同的项目请改名", "overview", field="name")


def _required(ctx: Context) -> None:
    if not ctx.project.name.strip():
        ctx.warning("project_name_missing", f"{_ordinal(ctx.doc, ctx.project)}未填写"
                    + ("名称" if ctx.project.kind is ProjectKind.DEPARTMENT else "项目名称"),
                    "overview", field="name")
    if (ctx.project.kind is ProjectKind.PROJECT and not ctx.project.supervisor.strip()
            and not ctx.doc.unit.supervisor.strip()):
        ctx.warning("supervisor_missing", f"{ctx.name}未填写主管部门（项目支出绩效自评表会打印）",
                    "overview", field="supervisor")
    postcode = ctx.project.postcode.strip()
    if postcode and postcode_problem(postcode):
        ctx.warning("postcode_invalid", f"{ctx.name}邮编“{postcode}”{postcode_problem(postcode)}",
                    "overview", field="postcode")


def _without_repeats(findings: list[Finding]) -> list[Finding]:
    unread = {f.place for f in findings if f.code == "unread"}
    return [f for f in findings if not (f.code in EMPTY_CODES and f.place in unread)]


# ---------------------------------------------------------------- text that could not be read

# scores the unit stated (read by 导入Excel for 复核): never printed nor scored, and no cell of
# the window takes them, so an unreadable one is a 提醒 that it was not reviewed, not an error
# that would keep the project from 定稿 for good
STATED_FIELDS = ("stated_score", "stated_total", "stated_execution_score")


def _unread(ctx: Context) -> None:
    for key, text in ctx.project.unread.items():
        label, place = unread_place(ctx, key)
        if parse_unread_key(key)[2] in STATED_FIELDS:
            label = label if "填报" in label else f"填报的{label}"
            said = f"{ctx.name}{label}“{text}”无法识别，未复核（原文已保留）"
            ctx.findings.append(Finding(WARNING, "unread", said, place))
            continue
        said = (f"{ctx.name}{label}：{unclear_unit_message(text)}（原文已保留）" if unit_unclear(text)
                else f"{ctx.name}{label}中填写的“{text}”无法识别，请改为数字（原文已保留）")
        ctx.findings.append(Finding(ERROR, "unread", said, place))


def unread_place(ctx: Context, key: str) -> tuple[str, Place]:
    """(label, place) of an ``unread`` key (any form :func:`parse_unread_key` reads)."""
    pid = ctx.project.id
    entity, row_key, col = parse_unread_key(key)
    if entity == "funding" and col in FUNDING_LABELS:
        return FUNDING_LABELS[col], Place(pid, "budget", field=col)
    if entity == "project" and col == "stated_total":
        return "综合得分", Place(pid, "indicators", field=col)
    if entity == "project" and col == "stated_execution_score":
        return "预算执行率得分", Place(pid, "budget", field=col)
    if entity == "source" and col in SOURCE_COLUMNS and _enum(Source, row_key) is not None:
        source = Source(row_key)
        return (f"{source_name(ctx, source)}{SOURCE_COLUMNS[col][1]}",
                Place(pid, "budget", "source", SOURCES.index(source), col))
    if entity == "fund_kind" and col in KIND_COLUMNS and _enum(FundKind, row_key) is not None:
        kind = FundKind(row_key)
        return (f"{FUND_KIND_LABELS[kind]}{KIND_COLUMNS[col][1]}",
                Place(pid, "budget", "fund_kind", KINDS.index(kind), col))
    if entity == "budget_line":
        row = row_index(ctx.project.budget_lines, row_key)
        name = line_name(ctx.project.budget_lines[row], row) if row is not None else "支出明细"
        return f"{name}{LINE_LABELS.get(col, '')}", Place(pid, "budget", "budget_line", row, col)
    if entity == "indicator":
        row = row_index(ctx.project.indicators, row_key)
        name = row_name(row, ctx.project.indicators[row]) if row is not None else "指标"
        return (f"{name}{INDICATOR_FIELDS.get(col, '')}",
                Place(pid, "indicators", "indicator", row, col))
    if entity == "evaluator":
        row = row_index(ctx.project.evaluators, row_key)
        return "评价人员", Place(pid, "conclusion", "evaluator", row, col)
    return f"“{key}”", Place(pid, "overview", field=col)


def _enum(enum, value: str):
    try:
        return enum(value)
    except ValueError:
        return None
