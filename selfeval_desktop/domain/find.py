"""查找 (Ctrl+F): every place of a document whose text holds a word, in the order the window shows.

A clerk with 20–50 projects looks a project or an indicator up by a word, as Excel's Ctrl+F does.
What is searched is what she typed and sees: each project's name and 项目概况
fields, the 预算表's spending lines (科目编码 and 支出科目), every indicator cell she can type into
(分值 as the grid shows it), the 结论 texts, the 评价人员 and the two opinions; for the 部门整体 its
name, 部门指标, 资金与目标 and 结论 pages. Computed cells (得分, 执行率) and the fixed labels are not
searched. A match is one field or cell (as Excel counts cells), its place a
:class:`~.checks_base.Place` the window jumps to as it does for a 问题清单 finding.

Order: the project list's (the 部门整体 first), then the tabs left to right, then row by row,
column by column. Case-insensitive, and full-width letters, digits and signs match their
half-width forms (ＰＣ, １２, （ ） as PC, 12, ( )). No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import unicodedata

from .checks_base import Place
from .evaluation import profile_for, weight_text
from .labels import FIELD_LABELS
from .model import (CONCLUSION_SECTIONS, PROJECT_ONLY_SECTIONS, Document, Indicator, Project,
                    ProjectKind, SpendingScheme, told_apart)
from .profiles import ProfileError
from .scoring import num
from .unread_keys import unread_key

TAB_NAMES = {"overview": "项目概况", "budget": "预算表", "indicators": "绩效指标", "conclusion": "结论"}
DEPARTMENT_TAB_NAMES = {"overview": "资金与目标", "indicators": "部门指标", "conclusion": "结论"}

OVERVIEW_FIELDS = ("name", "supervisor", "implementer", "leader", "phone", "address", "postcode",
                   "background", "implementation", "goal_expected", "goal_actual")
# the 部门整体's 资金与目标 page, top to bottom, as it labels its fields (ui.tabs.department_info)
DEPARTMENT_FIELDS = (("implementer", "部门名称"), ("supervisor", "主管部门"),
                     ("goal_expected", "年度总体目标（预期）"), ("goal_actual", "实际完成情况"),
                     ("background", "部门职责及主要任务"), ("implementation", "自评工作开展情况"))
INDICATOR_FIELDS = ("level1", "level2", "name", "target", "actual", "weight", "achievement",
                    "override", "override_reason", "deviation")   # the grid's columns, in order
INDICATOR_LABELS = {**FIELD_LABELS["indicator"], "deviation": "偏差原因分析及改进措施"}
EVALUATOR_FIELDS = (("name", "姓名"), ("title", "职称/职务"), ("org", "单位"))
OPINIONS = {"unit_opinion": "项目单位（评价机构）意见", "supervisor_opinion": "主管部门审核意见"}
DEPARTMENT_OPINIONS = {**OPINIONS, "unit_opinion": "部门（评价机构）意见"}


@dataclass(frozen=True)
class Found:
    """One field or cell holding the word."""
    place: Place
    where: str      # “科技创新项目 · 绩效指标 · 第3行 三级指标” (项目名 · 标签页 · 栏目)
    text: str       # the field's whole text, as searched
    order: tuple    # its position in the window's order; compares across searches


@lru_cache(maxsize=1 << 15)
def fold(text: str) -> str:
    """``text`` as the search compares it: full-width forms as half-width (NFKC), case folded."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


def span(text: str, word: str) -> tuple[int, int] | None:
    """(start, end) in ``text`` of the first place holding ``word`` as :func:`find` compares,
    for selecting it in the field; None when it is not there."""
    needle = fold(word)
    if not needle:
        return None
    folded, starts = [], []
    for i, ch in enumerate(text):
        part = fold(ch)
        folded.append(part)
        starts.extend([i] * len(part))
    at = "".join(folded).find(needle)
    if at < 0:
        return None
    return starts[at], starts[at + len(needle) - 1] + 1


def shown_projects(doc: Document) -> list[Project]:
    """The projects in the project list's order: the 部门整体 first, then the projects."""
    dept = doc.department
    return ([dept] if dept is not None else []) + doc.project_list()


def find(doc: Document, word: str) -> list[Found]:
    """Every field or cell of ``doc`` whose text holds ``word``, in the window's order; [] for an
    empty word (or one of spaces only)."""
    needle = fold(word)
    if not needle.strip():
        return []
    out: list[Found] = []
    for position, project in enumerate(shown_projects(doc)):
        cells = _department_cells(doc, project) if project.kind is ProjectKind.DEPARTMENT \
            else _project_cells(doc, project)
        for order, text, make_place, label in cells:
            if text and needle in fold(text):
                place = make_place()
                out.append(Found(place, _where(doc, project, place, label), text,
                                 (position, *order)))
    return out


def _where(doc: Document, project: Project, place: Place, label: str) -> str:
    """项目名 · 标签页 · 栏目; the 部门整体's name stands above its pages: 项目名 · 栏目."""
    dept = project.kind is ProjectKind.DEPARTMENT
    name = told_apart(doc, project, project.name.strip() or ("部门整体" if dept else "未命名项目"))
    if dept and place.tab == "overview" and place.field == "name":
        return f"{name} · {label}"
    tab = (DEPARTMENT_TAB_NAMES if dept else TAB_NAMES)[place.tab]
    return f"{name} · {tab} · {label}"


def _field(pid, tab, attr, label, table=None, row=None):
    """(place maker, label): the Place is made only for a match."""
    return (lambda: Place(pid, tab, table, row, attr)), label


def _project_cells(doc: Document, p: Project):
    """(order, text, place maker, label) of every searched field of a project, in order."""
    labels = FIELD_LABELS["project"]
    for i, attr in enumerate(OVERVIEW_FIELDS):
        yield ((0, 0, i), getattr(p, attr), *_field(p.id, "overview", attr, labels[attr]))
    codes = p.spending_scheme is SpendingScheme.ECONOMIC   # R&D categories show no code column
    for row, line in enumerate(p.budget_lines):
        for col, attr in enumerate(("code", "name")):
            if attr == "code" and not codes:
                continue
            label = f"支出明细第{row + 1}行 {FIELD_LABELS['budget_line'][attr]}"
            yield ((1, row, col), getattr(line, attr),
                   *_field(p.id, "budget", attr, label, "budget_line", row))
    yield from _indicator_cells(doc, p, 2)
    yield from _conclusion_cells(p, 3, OPINIONS)


def _department_cells(doc: Document, p: Project):
    """The 部门整体's: its name above the pages, then 部门指标, 资金与目标 and 结论."""
    yield ((0, 0, 0), p.name, *_field(p.id, "overview", "name", "部门整体评价名称"))
    yield from _indicator_cells(doc, p, 1)
    for i, (attr, label) in enumerate(DEPARTMENT_FIELDS):
        yield ((2, 0, i), getattr(p, attr), *_field(p.id, "overview", attr, label))
    yield from _conclusion_cells(p, 3, DEPARTMENT_OPINIONS)


def _indicator_cells(doc: Document, p: Project, section: int):
    try:
        profile = profile_for(doc, p)
    except ProfileError:      # a profile this program lacks: 分值 as typed
        profile = None
    above: Indicator | None = None
    for row, ind in enumerate(p.indicators):
        for col, attr in enumerate(INDICATOR_FIELDS):
            text = _indicator_text(p, ind, attr, profile, above)
            if text:
                label = f"第{row + 1}行 {INDICATOR_LABELS[attr]}"
                yield ((section, row, col), text,
                       *_field(p.id, "indicators", attr, label, "indicator", row))
        above = ind


def _indicator_text(p: Project, ind: Indicator, attr: str, profile, above) -> str:
    """A cell's text as the grid shows it: 一级/二级 repeating the row above are drawn once (as
    merged cells, ui.delegates.GroupedTextDelegate), a number as shown, unread text as typed."""
    if attr in ("level1", "level2") and above is not None:
        same1 = ind.level1 and ind.level1 == above.level1
        if same1 and (attr == "level1" or ind.level2 and ind.level2 == above.level2):
            return ""
    value = getattr(ind, attr)
    if attr in ("weight", "override"):
        typed = p.unread.get(unread_key("indicator", ind.id, attr))
        if value is None:
            return typed or ""
        if attr == "weight" and profile is not None:
            return weight_text(value, profile) or ""
        return num(value)
    return value or ""


def _conclusion_cells(p: Project, section: int, opinions: dict):
    dept = p.kind is ProjectKind.DEPARTMENT
    i = 0
    for key, label in CONCLUSION_SECTIONS.items():
        if dept and key in PROJECT_ONLY_SECTIONS:
            continue
        yield ((section, 0, i), p.conclusions.get(key, ""),
               *_field(p.id, "conclusion", key, label))
        i += 1
    for row, person in enumerate(p.evaluators):
        for col, (attr, label) in enumerate(EVALUATOR_FIELDS):
            yield ((section, 1 + row, col), getattr(person, attr),
                   *_field(p.id, "conclusion", attr, f"评价人员第{row + 1}行 {label}",
                           "evaluator", row))
    for col, (attr, label) in enumerate(opinions.items()):
        yield ((section, 1 + len(p.evaluators), col), getattr(p, attr),
               *_field(p.id, "conclusion", attr, label))
