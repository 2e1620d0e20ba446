"""项目支出绩效自评报告: a project's narrative, as the seed reports are written (000, 003: 项目概况,
绩效目标, 实施, 自评情况, 问题与建议), from what the window holds — so the report need not be
retyped in Word (none of the narrative sections prints on either form).

Sections are numbered as they come; one with nothing written is left out. Figures come from the
same scoring as the forms (``domain.scoring``); amounts in 万元 to two decimals at least (``printed_wan``). The report ends with
its 落款 (unit, （盖章）, date), kept on the page of its last lines.
"""
from __future__ import annotations

from datetime import datetime

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Spacer, Table

from ..domain.evaluation import profile_for, weight_text
from ..domain.model import CONCLUSION_SECTIONS, Document, Project
from ..domain.money import printed_wan
from ..domain.scoring import rate_text, score_project, shown_grade
from ..domain.text_wrap import ITEM
from .fonts import SONG
from .pdf_common import (FRAME_HEIGHT, FRAME_WIDTH, PAD, SECTION, SMALL, SMALL_CENTER, SMALL_LABEL,
                         SUBTITLE, TITLE, VALUE, FormPart, Grid, check_block, continued_head,
                         digest_of, footer_text, para, stale_check_code)
from .pdf_keep import MOVE, KeepWithTail, measure_all, room_after
from .score_text import grade_note, unscored_note

FORM_TITLE = "项目支出绩效自评报告"
# two characters in; prose: its lines are filled, not evened out as a heading's (pdf_wrap)
BODY = VALUE.clone("report_body", spaceAfter=1.5 * mm, firstLineIndent=21, prose=True)
NUMBERS = "一二三四五六七八九十"
# 三级指标, 年度指标值, 实际完成值, 分值, 得分
TABLE_WIDTHS = [w * FRAME_WIDTH for w in (0.34, 0.2, 0.2, 0.12, 0.14)]


def report_form(doc: Document, project: Project) -> FormPart:
    """The 自评报告 of one project."""
    profile = profile_for(doc, project)
    score = score_project(project, profile, doc.year)
    flow = [para(f"{project.name.strip() or '（未命名项目）'}绩效自评报告", TITLE)]
    unit = project.implementer.strip() or doc.unit.name.strip()
    flow.append(para("　".join(t for t in (unit, f"{doc.year}年度" if doc.year else "") if t), SUBTITLE))
    sections = [("项目基本情况", _basics(project, score, profile)),
                ("项目绩效评价工作情况", _texts(project, ("work",), titled=False)),
                ("绩效目标及完成情况", _goals(project, score, profile)),
                ("自评结论", _result(project, score)),
                ("存在问题及改进措施", _texts(project, ("problems", "measures", "suggestions"))),
                ("经验做法", _texts(project, ("experience",))),
                ("自评结果应用", _texts(project, ("application",))),
                ("评价人员", _people(project))]
    number = iter(NUMBERS)
    last = []
    for title, body in sections:
        if body:
            last = [Spacer(1, 3 * mm), para(f"{next(number)}、{title}", SECTION), Spacer(1, 1 * mm)]
            last += body
            flow += last
    continued = continued_head("项目名称", project.name)
    room = room_after(continued, FRAME_WIDTH, FRAME_HEIGHT)
    closing = sign_off(doc, project) + check_block(doc, project)
    if measure_all(last[3:], FRAME_WIDTH) <= MOVE:
        # a short last section goes over with its heading, never leaving the heading behind
        flow[len(flow) - len(last):] = [KeepWithTail(KeepTogether(last), closing, room)]
    else:
        flow[-1] = KeepWithTail(flow[-1], closing, room)
    return FormPart(flow, footer_text(doc, project), continued)


SIGN_OFF = VALUE.clone("report_sign_off", alignment=TA_CENTER, leading=24)
SIGN_OFF_MARGIN = 4 * 10.5      # 右空四字, as 成文日期 is set (GB/T 9704)
SIGN_OFF_RIGHT = SIGN_OFF.clone("report_sign_off_right", alignment=TA_RIGHT)
BLANK_DATE = "年　　月　　日"
BLANK_YEAR = "　　　　"


def sign_off(doc: Document, project: Project) -> list:
    """The 落款 the seed reports end with (seed 004: “高新区科技局 / 2021年4月29日”): the unit's
    name, （盖章） and the date, right-aligned with room for the seal over them; the 定稿 date of
    a finalized report, else blank for the pen (a report sent up without 落款 and 盖章 is
    returned)."""
    name = doc.unit.name.strip() or project.implementer.strip()
    lines = [line for line in (name, "（盖章）", report_date(doc, project)) if line]
    # the lines centred on one another; a blank date as wide as “　　　　年　　月　　日”, set to
    # the right of that width: room for the year by pen (a paragraph drops leading spaces)
    shown = [BLANK_YEAR + line if line == BLANK_DATE else line for line in lines]
    width = max(stringWidth(line.replace("　", "国"), SIGN_OFF.fontName, SIGN_OFF.fontSize)
                for line in shown) + 2 * PAD
    width = min(width, FRAME_WIDTH - SIGN_OFF_MARGIN)
    t = Table([[para(line, SIGN_OFF_RIGHT if line == BLANK_DATE else SIGN_OFF), ""] for line in lines],
              colWidths=[width, SIGN_OFF_MARGIN], hAlign="RIGHT")
    t.setStyle([("FONT", (0, 0), (-1, -1), SONG, 10.5), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    t.spaceBefore = 12 * mm     # room above the names for the seal's upper half
    t.spaceAfter = 6 * mm
    return [KeepTogether([t])]


def report_date(doc: Document, project: Project) -> str:
    """The date of the report: the day it was finalized (定稿), while its check code is valid;
    else “年　　月　　日” to be written by hand."""
    if digest_of(project) and not stale_check_code(doc, project):
        try:
            day = datetime.fromisoformat(project.finalized_at.strip())
        except ValueError:
            return BLANK_DATE
        return f"{day.year}年{day.month}月{day.day}日"
    return BLANK_DATE


def _paragraphs(pairs) -> list:
    """“立项背景：…” paragraphs, those written: each paragraph the clerk wrote is one, indented as
    the seed reports indent theirs (the second and later ones too, not flush left)."""
    flow = []
    for title, text in pairs:
        parts = [line.strip() for line in (text or "").splitlines() if line.strip()]
        if parts and ITEM.match(parts[0]):
            # “（一）投入……” opens its own line, not run on after the title
            flow.append(para(f"{title}：", BODY))
            flow += [para(part, BODY) for part in parts]
        elif parts:
            flow.append(para(f"{title}：{parts[0]}", BODY))
            flow += [para(part, BODY) for part in parts[1:]]
    return flow


def _wan_text(label: str, fen) -> str:
    return f"{label} {printed_wan(fen)} 万元" if fen is not None else f"{label}未填写"


def _basics(project: Project, score, profile) -> list:
    f = project.funding
    body = _paragraphs((("立项背景", project.background), ("实施情况", project.implementation)))
    if f.annual_budget is not None or f.executed is not None:
        rate = score.execution.rate
        money = f"{_wan_text('全年预算数', f.annual_budget)}，{_wan_text('全年执行数', f.executed)}" + \
            (f"，预算执行率 {rate_text(rate, profile)}" if rate is not None else "")
        body.append(para(f"资金情况：{money}。", BODY))
    return body


def _goals(project: Project, score, profile) -> list:
    body = _paragraphs((("年度总体目标（预期）", project.goal_expected),
                        ("实际完成情况", project.goal_actual)))
    if project.indicators:
        g = Grid(TABLE_WIDTHS)
        g.add([para(h, SMALL_LABEL) for h in ("三级指标", "年度指标值", "实际完成值", "分值", "得分")],
              labels=(0, 1, 2, 3, 4))
        ex = score.execution
        if ex.weight:      # the 执行率's own 分值 and 得分, so the rows add up to the total
            g.add([para("预算执行率", SMALL), para("", SMALL_CENTER),
                   para("" if ex.rate is None else rate_text(ex.rate, profile), SMALL_CENTER),
                   para(weight_text(ex.weight, profile), SMALL_CENTER),
                   para("" if ex.score is None else str(ex.score), SMALL_CENTER)])
        for ind, s in zip(project.indicators, score.indicators):
            g.add([para(ind.name, SMALL), para(ind.target, SMALL_CENTER),
                   para(ind.actual, SMALL_CENTER),
                   para(weight_text(ind.weight, profile) or "", SMALL_CENTER),
                   para("" if s.score is None else str(s.score), SMALL_CENTER)])
        weights = [ind.weight for ind in project.indicators if ind.weight is not None]
        total_weight = sum(weights, ex.weight or 0)
        g.add([para("合计", SMALL_LABEL), "", "",
               para(weight_text(total_weight, profile), SMALL_CENTER),
               para(str(score.total) if score.scored else "", SMALL_CENTER)],
              spans=[(0, 2)], labels=(0,))
        body += [Spacer(1, 1 * mm), g.table(repeat_rows=1)]
        # why a point was lost, as the 自评表 prints it (a reader of the report alone would see
        # 7.99 with no reason); clear of the table's bottom rule (a “「…」偏差原因” touching it)
        # and quoted “” as mainland official text quotes
        reasons = _paragraphs((f"“{ind.name.strip() or '未命名指标'}”偏差原因", ind.deviation)
                              for ind in project.indicators)
        body += ([Spacer(1, 2 * mm)] + reasons) if reasons else []
    return body


def _result(project: Project, score) -> list:
    if score.scored:
        # why the total is not final, once (not “（有 2 项未评分，按 0 分计）…—（2 项指标
        # 尚无得分（按 0 分计），得分暂不可信）”): as the 自评表 says it under its 等次
        if score.provisional:
            text = f"综合得分 {score.total} 分，自评等次：{shown_grade(score)}{grade_note(score)}。"
        else:
            text = f"综合得分 {score.total} 分{unscored_note(score)}，自评等次：{shown_grade(score)}。"
        body = [para(text, BODY)]
    else:
        body = [para("尚未评分。", BODY)]
    achieved = project.conclusions.get("achievement", "")
    return body + _paragraphs((("绩效目标实现情况", achieved),))


def _texts(project: Project, keys, titled: bool = True) -> list:
    """The sections written, each “title：…” (``titled``) or as paragraphs under the heading."""
    if not titled:
        return [para(line.strip(), BODY) for key in keys
                for line in project.conclusions.get(key, "").splitlines() if line.strip()]
    return _paragraphs((CONCLUSION_SECTIONS[key], project.conclusions.get(key, "")) for key in keys)


def _people(project: Project) -> list:
    people = [p for p in project.evaluators if p.name.strip()]
    if not people:
        return []
    text = "；".join(p.name.strip() + (f"（{'，'.join(t for t in (p.title.strip(), p.org.strip()) if t)}）"
                                       if p.title.strip() or p.org.strip() else "") for p in people)
    return [para(text, BODY)]
