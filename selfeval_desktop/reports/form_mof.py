"""项目支出绩效自评表 in the Ministry of Finance layout (财预〔2020〕10号 附件).

项目名称, 主管部门, 实施单位; 项目资金（万元）with 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分
for 年度资金总额 and 其中 当年财政拨款 / 上年结转资金 / 其他资金; 年度总体目标 (预期目标 / 实际完成情况);
the indicator table (一级, 二级, 三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施)
with its header repeated on every page; 总分 and the grade. Every score comes from ``domain.scoring``.
"""
from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm

from ..domain.evaluation import profile_for, weight_text
from ..domain.model import FUND_KIND_LABELS, Document, FundKind, Project, execution_ratio
from ..domain.money import printed_wan
from ..domain.scoring import ProjectScore, rate_text, score_project, shown_grade
from .deviation import deviation_text
from .pdf_common import (FRAME_WIDTH, LABEL_FILL, SMALL, SMALL_CENTER, SMALL_LABEL, SUBTITLE, TITLE, FormPart,
                         Grid, Hidden, check_block, continued_head, footer_text, para)
from .score_text import grade_note

FORM_TITLE = "项目支出绩效自评表"
# 绩效指标 | 一级 | 二级 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
# (年度指标值/实际完成值 wide enough for ≤681.5307万元 to keep its number and unit on one line,
# 分值 for 100.01 at full size; 三级指标 the widest after 偏差原因: at 26 mm a 15-character name
# took three lines beside a “达成”)
_FIXED = [10 * mm, 15 * mm, 17 * mm, 31 * mm, 22 * mm, 22 * mm, 12 * mm, 15 * mm]
WIDTHS = _FIXED + [FRAME_WIDTH - sum(_FIXED)]
DASH = "—"


def _pct(rate: Decimal | None, profile) -> str:
    return "" if rate is None else rate_text(rate, profile)


def amounts_rate_text(executed: int | None, budget: int | None, profile) -> str:
    """执行率 of a 其中 row (全年执行数 / 全年预算数), blank when either is missing. The MoF
    template dashes only 分值 and 得分 in those rows; the exported workbook computes the rate
    too (so the PDF does not print — where Excel shows 100%)."""
    return _pct(execution_ratio(executed, budget), profile)


def header(doc: Document, project: Project) -> list:
    """项目名称, 主管部门, 实施单位."""
    g = Grid(WIDTHS)
    g.add([para("项目名称", SMALL_LABEL), "", para(project.name)], spans=[(0, 1), (2, 8)], labels=(0,))
    g.add([para("主管部门", SMALL_LABEL), "", para(project.supervisor or doc.unit.supervisor, SMALL),
           "", "", para("实施单位", SMALL_LABEL), "",
           para(project.implementer or doc.unit.name, SMALL)],
          spans=[(0, 1), (2, 4), (5, 6), (7, 8)], labels=(0, 5))
    return [g.table()]


def funds(project: Project, score: ProjectScore, profile) -> list:
    """项目资金（万元）: totals with 分值, 执行率, 得分, then 其中 by kind."""
    f, ex = project.funding, score.execution
    g = Grid(WIDTHS)
    heads = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    # （万元） beside the label, not under it: the narrow label column would cut it （万/元）
    g.add([para("项目\n资金", SMALL_LABEL), para("（万元）", SMALL_LABEL), ""]
          + [para(h, SMALL_LABEL) for h in heads],
          spans=[(1, 2)], labels=(0, 1, 3, 4, 5, 6, 7, 8))
    g.add(["", para("年度资金总额", SMALL_LABEL), "",
           para(printed_wan(f.initial_budget), SMALL_CENTER), para(printed_wan(f.annual_budget), SMALL_CENTER),
           para(printed_wan(f.executed), SMALL_CENTER), para(weight_text(ex.weight, profile), SMALL_CENTER),
           para(_pct(ex.rate, profile), SMALL_CENTER),
           para("" if ex.score is None else str(ex.score), SMALL_CENTER)],
          spans=[(1, 2)], joins=(0,), labels=(0,))
    for i, kind in enumerate(FundKind):
        part = f.by_kind.get(kind)
        text = ("其中：" if i == 0 else "") + FUND_KIND_LABELS[kind]
        g.add(["", para(text, SMALL_LABEL), "",
               para(printed_wan(part.initial if part else None), SMALL_CENTER),
               para(printed_wan(part.annual if part else None), SMALL_CENTER),
               para(printed_wan(part.executed if part else None), SMALL_CENTER),
               para(DASH, SMALL_CENTER),
               para(amounts_rate_text(part.executed, part.annual, profile) if part else "",
                    SMALL_CENTER),
               para(DASH, SMALL_CENTER)],
              spans=[(1, 2)], joins=(0,), labels=(0,))
    t = g.table()  # five short rows that never split: the label may span them
    t.setStyle([("SPAN", (0, 0), (0, len(g.rows) - 1)), ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL)])
    return [t]


def goals(project: Project) -> list:
    """年度总体目标: 预期目标 / 实际完成情况 (header repeated if the texts run over a page).

    Its own three columns, on the same rules as the grid: a row split across pages keeps no span.
    """
    g = Grid([WIDTHS[0], sum(WIDTHS[1:5]), sum(WIDTHS[5:])])
    g.add([para("年度总体目标", SMALL_LABEL), para("预期目标", SMALL_LABEL),
           para("实际完成情况", SMALL_LABEL)], labels=(0, 1, 2))
    g.add(["", para(project.goal_expected, SMALL), para(project.goal_actual, SMALL)],
          joins=(0,), labels=(0,))
    return [g.table(repeat_rows=1)]


def indicators(project: Project, score: ProjectScore, profile) -> list:
    """The indicator table: one row per 三级指标, headings printed once per group, 总分 last."""
    g = Grid(WIDTHS)
    label = "绩效指标"
    heads = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
             "偏差原因分析\n及改进措施"]
    g.add([para(label, SMALL_LABEL)] + [para(h, SMALL_LABEL) for h in heads], labels=tuple(range(9)))
    prev1 = prev2 = None
    for ind, s in zip(project.indicators, score.indicators):
        same1 = prev1 is not None and ind.level1 == prev1
        same2 = same1 and ind.level2 == prev2
        prev1, prev2 = ind.level1, ind.level2
        l1 = Hidden(ind.level1, SMALL_CENTER) if same1 else para(ind.level1, SMALL_CENTER)
        l2 = Hidden(ind.level2, SMALL_CENTER) if same2 else para(ind.level2, SMALL_CENTER)
        joins = (0,) + ((1,) if same1 else ()) + ((2,) if same2 else ())
        g.add(["", l1, l2, para(ind.name, SMALL), para(ind.target, SMALL_CENTER),
               # judged by a 评分标准 with no value typed: the 达成情况 chosen, so the signer
               # sees why the row scored (not 投入指标 rows with 3.00 beside blanks)
               para(ind.actual or (f"（{s.achievement}）" if s.achievement and s.score is not None
                                   else ""), SMALL_CENTER),
               # 分值 to the 得分's decimals beside it, as the report and the window show it
               # (15.00, not 16.67 / 15 / 12.5 over 15.00); more decimals typed are kept
               para(weight_text(ind.weight, profile) or "", SMALL_CENTER),
               para("" if s.score is None else str(s.score), SMALL_CENTER),
               para(deviation_text(ind, s), SMALL)], joins=joins, labels=(0,),
              headings={1: (ind.level1, SMALL_CENTER), 2: (ind.level2, SMALL_CENTER)})
    weights = [ind.weight for ind in project.indicators if ind.weight is not None]
    total_weight = score.execution.weight + sum(weights, Decimal(0))
    grade = f"自评等次：{shown_grade(score) if score.scored else ''}"
    note = grade_note(score)   # rows without a score counted as 0; why no grade is printed
    g.add([para("总分", SMALL_LABEL), "", "", "", "", "", para(weight_text(total_weight, profile), SMALL_CENTER),
           para(str(score.total) if score.scored else "", SMALL_CENTER),  # 未评分: blank
           para(grade + (f"\n{note}" if note else ""), SMALL)],
          spans=[(0, 5)], labels=(0,))
    t = g.table(repeat_rows=1)
    t.setStyle([("VALIGN", (0, 1), (2, -2), "TOP")])  # headings at the top of their group
    return [t]


def mof_form(doc: Document, project: Project) -> FormPart:
    """The 项目支出绩效自评表 of one project; a page after its first is headed 项目名称：…（续）, so
    a page of a long indicator table never stands alone once the papers are stamped and filed."""
    profile = profile_for(doc, project)
    score = score_project(project, profile, doc.year)
    year = f"（{doc.year}年度）" if doc.year else "（　　年度）"
    flow = [para(FORM_TITLE, TITLE), para(year, SUBTITLE)]
    flow += header(doc, project)
    flow += funds(project, score, profile)
    flow += goals(project)
    flow += indicators(project, score, profile)
    flow += check_block(doc, project)
    return FormPart(flow, footer_text(doc, project), continued_head("项目名称", project.name))
