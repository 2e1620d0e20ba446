"""部门整体支出绩效自评表: the whole-department (部门整体) evaluation, printed as its own form.

As the 项目支出绩效自评表 (``form_mof``), with what a department evaluation has instead: 部门名称
and 主管部门; 部门预算资金（万元）with 年初预算数, 全年预算数, 全年执行数 and 执行率 but no 分值 or
得分 (the department profile scores the budget through its 投入/过程 indicators, not a separate
execution score); 年度总体目标; the indicator tree (投入/过程/产出/效益/满意度 …); 总分 and 等次.
"""
from __future__ import annotations

from ..domain.evaluation import profile_for
from ..domain.model import FUND_KIND_LABELS, Document, FundKind, Project
from ..domain.money import printed_wan
from ..domain.scoring import score_project
from .form_department_report import department_report
from .form_mof import WIDTHS, amounts_rate_text, goals, indicators
from .pdf_common import (FRAME_HEIGHT, FRAME_WIDTH, LABEL_FILL, SMALL, SMALL_CENTER, SMALL_LABEL, SUBTITLE,
                         TITLE, FormPart, Grid, check_block, continued_head, footer_text, para)
from .pdf_keep import KeepWithTail, room_after

FORM_TITLE = "部门整体支出绩效自评表"


def header(doc: Document, project: Project) -> list:
    """部门名称 and 主管部门."""
    g = Grid(WIDTHS)
    g.add([para("部门名称", SMALL_LABEL), "", para(project.implementer or doc.unit.name, SMALL),
           "", "", para("主管部门", SMALL_LABEL), "",
           para(project.supervisor or doc.unit.supervisor, SMALL)],
          spans=[(0, 1), (2, 4), (5, 6), (7, 8)], labels=(0, 5))
    return [g.table()]


def funds(project: Project, profile) -> list:
    """部门预算资金（万元）: 年初预算数, 全年预算数, 全年执行数, 执行率; no 分值 or 得分."""
    f = project.funding
    g = Grid(WIDTHS)
    heads = ["年初预算数", "全年预算数", "全年执行数", "执行率"]
    g.add([para("部门\n预算\n资金", SMALL_LABEL), para("（万元）", SMALL_LABEL), ""]
          + [para(h, SMALL_LABEL) for h in heads],
          spans=[(1, 2), (6, 8)], labels=(0, 1, 3, 4, 5, 6))
    rows = [("年度资金总额", f.initial_budget, f.annual_budget, f.executed)]
    for i, kind in enumerate(FundKind):
        part = f.by_kind.get(kind)
        label = ("其中：" if i == 0 else "") + FUND_KIND_LABELS[kind]
        rows.append((label, part.initial if part else None, part.annual if part else None,
                     part.executed if part else None))
    for i, (label, initial, annual, executed) in enumerate(rows):
        g.add(["", para(label, SMALL_LABEL), "", para(printed_wan(initial), SMALL_CENTER),
               para(printed_wan(annual), SMALL_CENTER), para(printed_wan(executed), SMALL_CENTER),
               para(amounts_rate_text(executed, annual, profile), SMALL_CENTER)],
              spans=[(1, 2), (6, 8)], joins=(0,), labels=(0,))
    t = g.table()  # five short rows that never split: the label may span them
    t.setStyle([("SPAN", (0, 0), (0, len(g.rows) - 1)), ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL)])
    return [t]


def department_form(doc: Document, project: Project) -> FormPart:
    """The 部门整体支出绩效自评表 of the department evaluation ``project``."""
    profile = profile_for(doc, project)
    score = score_project(project, profile, doc.year)
    year = f"（{doc.year}年度）" if doc.year else "（　　年度）"
    flow = [para(FORM_TITLE, TITLE), para(year, SUBTITLE)]
    flow += header(doc, project)
    flow += funds(project, profile)
    flow += goals(project)
    flow += indicators(project, score, profile)
    name = project.implementer or doc.unit.name      # as the form's 部门名称 cell has it
    continued = continued_head("部门名称", name)
    room = room_after(continued, FRAME_WIDTH, FRAME_HEIGHT)
    # the 结论 tab: narrative, then signatures and seals, never on a page of their own: with the
    # end of the last section written, else of the indicator table (and the report's title)
    title, sections, signing = department_report(doc, project, room, check_block(doc, project))
    if sections:
        flow += title + sections
        title = []
    flow[-1] = KeepWithTail(flow[-1], title + [signing], room)
    return FormPart(flow, footer_text(doc, project), continued)

