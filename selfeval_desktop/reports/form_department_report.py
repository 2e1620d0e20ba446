"""What the 部门整体 evaluation prints after its table: its 基本情况 (部门职责及主要任务,
自评工作开展情况), the department's projects, its 自评结论, the 评价人员 with a 签字 cell each,
and the two opinions with room for the stamp and the date.

Without it the table (``form_department``) would be all that prints, and what the 结论 tab asks
for — the narrative of seed 001's report, the evaluators' signatures, the seals — would have no
paper to go on. Sections are numbered as they come; one with nothing written is left out, except the
evaluators and the opinions, which are filled by pen when empty.
"""
from __future__ import annotations

from ..domain.department import projects_total
from ..domain.evaluation import profile_for
from ..domain.model import CONCLUSION_SECTIONS, PROJECT_ONLY_SECTIONS, Document, Project
from ..domain.money import printed_wan
from ..domain.profiles import ProfileError
from .form_basic import signing
from .form_mof import amounts_rate_text
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from .pdf_common import FRAME_WIDTH, LABEL, SECTION, SUBTITLE, VALUE, VALUE_CENTER, Grid, para
from .pdf_keep import KeepWithTail

TITLE = "部门整体支出绩效自评情况"
OPINION_TITLES = ("部门（评价机构）意见：", "主管部门审核意见：")
NUMBERS = "一二三四五六七"
# 项目名称, 实施单位, 全年预算数, 全年执行数, 执行率
PROJECT_WIDTHS = [w * FRAME_WIDTH for w in (0.34, 0.24, 0.15, 0.15, 0.12)]
LABEL_WIDTH = 32 * FRAME_WIDTH / 180


def department_report(doc: Document, project: Project, room: float,
                      after: list = ()) -> tuple[list, list, KeepWithTail]:
    """What follows the 部门整体支出绩效自评表 table: (its title, the sections written, the block
    to sign and stamp). The block (评价人员, then 五 and 六 together, then ``after``) is to be
    kept with the end of what precedes it (never 六 alone on page 5 of 5)."""
    parts = [_basics(project), _projects(doc), _conclusions(project)]
    parts = [part for part in parts if part]
    title = [Spacer(1, 6 * mm), para(TITLE, SUBTITLE)]
    sections = []
    number = iter(NUMBERS)
    for make in parts:
        sections += make(next(number))
    people = f"{next(number)}、评价人员"
    titles = (f"{next(number)}、{OPINION_TITLES[0]}", f"{next(number)}、{OPINION_TITLES[1]}")
    return title, sections, signing(project, room, list(after), people, titles)


def _projects(doc: Document):
    """部门所属项目 with their funds and a 合计, as the 部门整体 page lists them; None without any."""
    projects = doc.project_list()
    if not projects:
        return None

    def make(number: str) -> list:
        g = Grid(PROJECT_WIDTHS)
        g.add([para(f"{number}、部门所属项目", SECTION)], spans=[(0, 4)])
        g.add([para(h, LABEL) for h in ("项目名称", "实施单位", "全年预算数\n（万元）",
                                         "全年执行数\n（万元）", "执行率")], labels=(0, 1, 2, 3, 4))
        for p in projects:
            f = p.funding
            g.add([para(p.name.strip() or "（未命名项目）"), para(p.implementer),
                   para(printed_wan(f.annual_budget), VALUE_CENTER),
                   para(printed_wan(f.executed), VALUE_CENTER),
                   para(_rate(doc, p, f.executed, f.annual_budget), VALUE_CENTER)])
        total = projects_total(doc)      # its rate only when every project has both figures
        rate = "" if total.rate is None else _rate(doc, projects[0], total.executed, total.budget)
        g.add([para(f"合计（{total.projects} 个项目）", LABEL), "",
               para(printed_wan(total.budget), VALUE_CENTER),
               para(printed_wan(total.executed), VALUE_CENTER), para(rate, VALUE_CENTER)],
              spans=[(0, 1)], labels=(0,))
        return [g.table(repeat_rows=2)]
    return make


def _rate(doc: Document, project: Project, executed, budget) -> str:
    """执行率 as the project's rule rounds it; "" without both figures or a known rule."""
    try:
        profile = profile_for(doc, project)
    except ProfileError:
        return ""
    return amounts_rate_text(executed, budget, profile)


BASICS = (("background", "部门职责及主要任务"), ("implementation", "自评工作开展情况"))


def _basics(project: Project):
    """基本情况: 部门职责及主要任务 and 自评工作开展情况 (its 立项背景 / 实施情况 fields), the ones
    written; None when neither is."""
    return _texts("基本情况", [(title, getattr(project, attr).strip()) for attr, title in BASICS])


def _texts(heading: str, written: list[tuple[str, str]]):
    """A section of titled texts, those written; None when none is."""
    written = [(title, text) for title, text in written if text]
    if not written:
        return None

    def make(number: str) -> list:
        g = Grid([LABEL_WIDTH, FRAME_WIDTH - LABEL_WIDTH])
        g.add([para(f"{number}、{heading}", SECTION)], spans=[(0, 1)])
        for title, text in written:
            g.add([para(title, LABEL), para(text, VALUE)], labels=(0,))
        return [g.table(repeat_rows=1)]
    return make


def _conclusions(project: Project):
    """自评结论: each section written on the 结论 tab, its title beside it; None when none is."""
    return _texts("自评结论", [(title, project.conclusions.get(key, "").strip())
                               for key, title in CONCLUSION_SECTIONS.items()
                               if key not in PROJECT_ONLY_SECTIONS])
