"""项目单位自评基本情况表: the form of seed 003, printed field for field, to be signed and stamped.

Sections as on the paper form: 一、项目基本概况 (负责人, 电话, 地址, 邮编, 起止时间, funds planned and
arrived by source, 实际支出); 二、项目支出明细; 项目绩效目标及实施计划完成情况; 综合得分; 自评等次;
四、评价人员 with an empty 签字 cell; 五、项目单位（评价机构）意见 and 六、主管部门审核意见 with room for
a stamp and the date (side by side when that makes the form fit one page, or when one above the
other they would not fit on the page of the 综合得分 they attest). (The paper form has no
三、 heading; neither has this one.)
The total and grade come from ``domain.scoring``; amounts are shown in 万元 by ``printed_wan``
(two decimals at least, every decimal typed kept).
"""
from __future__ import annotations

import re

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from ..domain.evaluation import profile_for
from ..domain.model import Document, Project, Source, SpendingScheme, lines_total, source_label
from ..domain.money import printed_wan
from ..domain.scoring import score_project, shown_grade
from .pdf_common import (FRAME_HEIGHT, FRAME_WIDTH, HEADLINE, LABEL, PAD, SECTION, TITLE, VALUE,
                         VALUE_CENTER,
                         FormPart, Grid, check_block, check_cell, continued_head, footer_text, para)
from .pdf_keep import Either, KeepWithTail, room_after
from .score_text import total_note
from .spending import line_label

FORM_TITLE = "项目单位自评基本情况表"
# four columns: label, value, label, value (as on the paper form)
WIDTHS = [40 * mm, (FRAME_WIDTH - 80 * mm) / 2, 40 * mm, (FRAME_WIDTH - 80 * mm) / 2]
MIN_EVALUATOR_ROWS = 3      # blank rows left for evaluators added by pen
SIGN_HEIGHT = 13 * mm       # the 签字 cell: tall enough for a pen signature
STAMP_HEIGHT = 42 * mm      # room for a round 公章 (40 mm) and the date
COMPACT_SIGN_HEIGHT = 10 * mm
TIGHT_SIGN_HEIGHT = 8 * mm      # the last resort of a form that almost fits one page
COMPACT_STAMP_HEIGHT = 20 * mm  # side by side: with title and date a ~34 mm box; the 42 mm 公章 may overlap its border, as on paper
STAMP = VALUE.clone("stamp", alignment=TA_RIGHT)
STAMP_TEXT = "（盖章）　　　　\n\n　　　　年　　月　　日　　"
CHECK_WIDTH = 50 * mm       # the QR code and 校验码 beside 五 and 六 (each then 62 mm wide)
OPINION_TITLES = ("五、项目单位（评价机构）意见：", "六、主管部门审核意见：")

_MONTH = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?\s*$")


def period_text(start: str, end: str) -> str:
    """项目起止时间 as the form writes it: 2020-01, 2020-12 → 2020年1月至12月."""
    a, b = _MONTH.match(start or ""), _MONTH.match(end or "")
    if a and b:
        (ya, ma), (yb, mb) = (a.group(1), int(a.group(2))), (b.group(1), int(b.group(2)))
        return f"{ya}年{ma}月至{mb}月" if ya == yb else f"{ya}年{ma}月至{yb}年{mb}月"
    def one(text, m):
        return f"{m.group(1)}年{int(m.group(2))}月" if m else (text or "").strip()
    left, right = one(start, a), one(end, b)
    return f"{left}至{right}" if left and right else left or right


def _section(grid: Grid, text: str) -> None:
    grid.add([para(text, SECTION)], spans=[(0, 3)])


def overview(doc: Document, project: Project) -> list:
    """一、项目基本概况."""
    f = project.funding
    g = Grid(WIDTHS)
    _section(g, "一、项 目 基 本 概 况")
    g.add([para("项目负责人", LABEL), para(project.leader), para("联系电话", LABEL), para(project.phone)],
          labels=(0, 2))
    g.add([para("地　　址", LABEL), para(project.address), para("邮　　编", LABEL),
           para(project.postcode)], labels=(0, 2))
    g.add([para("项目起止时间", LABEL), para(period_text(project.start, project.end))],
          spans=[(1, 3)], labels=(0,))
    # a total not typed is the sum of its parts (the sources; the spending lines for 实际支出)
    planned, arrived = f.effective_planned_total(), f.effective_arrived_total()
    g.add([para("计划安排资金（万元）", LABEL), para(printed_wan(planned), VALUE_CENTER),
           para("实际到位资金（万元）", LABEL), para(printed_wan(arrived), VALUE_CENTER)],
          labels=(0, 2))
    region = doc.unit.region_word or "省级"
    for i, source in enumerate(Source):
        label = "其它" if source is Source.OTHER else source_label(source, region)
        if i == 0:
            label = "其中：" + label
        amount = f.by_source.get(source)
        g.add([para(label, LABEL), para(printed_wan(amount.planned if amount else None), VALUE_CENTER),
               para(label, LABEL), para(printed_wan(amount.arrived if amount else None), VALUE_CENTER)],
              labels=(0, 2))
    g.add([para("实际支出（万元）", LABEL), para(printed_wan(project.effective_spent_total()), VALUE_CENTER)],
          spans=[(1, 3)], labels=(0,))
    return [g.table()]


def _amount(amount: int | None, special: int | None) -> str:
    """万元, with the 其中专项 (seed 002's 专项经费) under it when one was typed: the window takes
    it, so the paper shows it."""
    text = printed_wan(amount)
    return f"{text}\n（其中专项 {printed_wan(special)}）" if special is not None else text


def spending(project: Project) -> list:
    """二、项目支出明细 by economic classification, with 支出合计."""
    g = Grid(WIDTHS)
    _section(g, "二、项目支出明细")
    kind = "经济科目" if project.spending_scheme is SpendingScheme.ECONOMIC else "科研经费科目"
    g.add([para(f"支出内容\n（按{kind}）", LABEL), "",
           para("计划支出数（万元）", LABEL), para("实际支出数（万元）", LABEL)],
          spans=[(0, 1)], labels=(0, 2, 3))
    for line in project.budget_lines:
        name = line_label(line)  # 302商品和服务支出; 设备费 (never the program's key "equipment")
        g.add([para(name), "", para(_amount(line.planned, line.special_planned), VALUE_CENTER),
               para(_amount(line.actual, line.special_actual), VALUE_CENTER)], spans=[(0, 1)])
    lines = project.budget_lines
    planned, actual = lines_total(lines, "planned"), lines_total(lines, "actual")
    g.add([para("支出合计", LABEL), "",
           para(_amount(planned, lines_total(lines, "special_planned")), VALUE_CENTER),
           para(_amount(actual, lines_total(lines, "special_actual")), VALUE_CENTER)],
          spans=[(0, 1)], labels=(0,))
    return [g.table(repeat_rows=2)]


def goals(project: Project) -> list:
    """项目绩效目标及实施计划完成情况: 预期（或调整后） / 实际.

    Its own three columns on the grid's rules: a row split across pages keeps no span.
    """
    g = Grid([WIDTHS[0], WIDTHS[1] + WIDTHS[2], WIDTHS[3]])
    g.add([para("项目绩效目标及实施计划完成情况", LABEL), para("预　期（或调整后）", LABEL),
           para("实　际", LABEL)], labels=(0, 1, 2))
    g.add(["", para(project.goal_expected), para(project.goal_actual)], joins=(0,), labels=(0,))
    return [g.table(repeat_rows=1)]


def result(doc: Document, project: Project) -> list:
    """综合得分 and 自评等次, computed by the document's rule profile."""
    score = score_project(project, profile_for(doc, project), doc.year)
    g = Grid(WIDTHS)
    scored = score.scored  # 未评分: both cells left blank, never 0.00分 / 差
    # a total that still counts rows without a score as 0 — said once: where the grade's reason
    # is those rows, under the grade only (not “（有 5 项未评分，按 0 分计）” over
    # “—（5 项指标尚无得分（按 0 分计），得分暂不可信）”, which the 自评表 does not print either)
    note = total_note(score)
    g.add([para("综合得分", LABEL), para(f"{score.total}分{note}" if scored else "")],
          spans=[(1, 3)], labels=(0,))
    grade = shown_grade(score) + (f"（{score.provisional_reason}）" if score.provisional else "")
    g.add([para("自评等次", LABEL), para(grade if scored else "")], spans=[(1, 3)],
          labels=(0,))
    # one result: never the 得分 on one sheet and its 等次 on the next (seed 000's long 预期目标
    # left 自评等次 alone at the top of page 2 of the stamped form)
    return [KeepTogether([g.table()])]


def evaluators(project: Project, sign_height: float = SIGN_HEIGHT, title: str = "四、评价人员") -> list:
    """四、评价人员: 姓名, 职称/职务, 单位 and an empty 签字 cell for a pen."""
    g = Grid(WIDTHS)
    _section(g, title)
    g.add([para("姓　　名", LABEL), para("职称/职务", LABEL), para("单　　位", LABEL),
           para("签　　字", LABEL)], labels=(0, 1, 2, 3))
    people = list(project.evaluators)
    for person in people:
        g.add([para(person.name, VALUE_CENTER), para(person.title, VALUE_CENTER),
               para(person.org, VALUE_CENTER), _pen_room(sign_height)])
    for _ in range(max(0, MIN_EVALUATOR_ROWS - len(people))):
        g.add(["", "", "", _pen_room(sign_height)])
    # the heading never ends a page alone (or with a row cut open): the block moves whole to
    # the next page when it does not fit; one taller than a page still splits, heading repeated
    return [KeepTogether([g.table(repeat_rows=2)])]


def _pen_room(height: float = SIGN_HEIGHT) -> Spacer:
    """An empty 签字 cell that keeps its row tall enough for a pen signature."""
    return Spacer(1, height - 2 * PAD)


def _stamp(text: str = STAMP_TEXT) -> object:
    """（盖章） and the date with room to write it by pen: 　　　　年　　月　　日."""
    return para(text, STAMP)


def opinion(title: str, text: str) -> list:
    """An opinion box: its title, its text, room for the stamp (盖章) and the date."""
    g = Grid([FRAME_WIDTH])
    g.add([para(title, SECTION)])
    if text.strip():
        g.add([para(text)], joins=(0,))
    room = STAMP_HEIGHT if not text.strip() else STAMP_HEIGHT - 10 * mm
    r = g.add([[Spacer(1, room), _stamp()]], joins=(0,))
    t = g.table()
    t.setStyle([("BOTTOMPADDING", (0, r), (0, r), 5 * mm), ("VALIGN", (0, 0), (0, -1), "TOP")])
    return [KeepTogether([t])]


def opinions_side_by_side(project: Project, beside: list | None = None,
                          titles: tuple[str, str] = OPINION_TITLES) -> list:
    """五 and 六 next to each other, each with room for its stamp and date: the compact layout
    that lets a form which almost fits one page be one page (one sheet to sign and stamp), and
    keeps the two on the page of what they attest when stacked they would not fit there.
    ``beside``: flowables in a third column right of them (the QR code and 校验码 of 定稿)."""
    texts = (project.unit_opinion.strip(), project.supervisor_opinion.strip())
    half = (FRAME_WIDTH - (CHECK_WIDTH if beside else 0)) / 2
    g = Grid([half, half] + ([CHECK_WIDTH] if beside else []))
    extra = [beside] if beside else []
    g.add([para(titles[0], SECTION), para(titles[1], SECTION)] + extra)
    if any(texts):
        g.add([para(texts[0]), para(texts[1])], joins=(0, 1, 2))
    room = COMPACT_STAMP_HEIGHT if not any(texts) else COMPACT_STAMP_HEIGHT - 8 * mm
    stamp = STAMP_TEXT.replace("\n\n", "\n")
    r = g.add([[Spacer(1, room), _stamp(stamp)], [Spacer(1, room), _stamp(stamp)]],
              joins=(0, 1, 2))
    t = g.table()
    t.setStyle([("BOTTOMPADDING", (0, r), (1, r), 3 * mm), ("VALIGN", (0, 0), (-1, -1), "TOP")]
               + ([("SPAN", (2, 0), (2, r))] if beside else []))  # never split: one page
    return [KeepTogether([t])]


def opinions(project: Project, room: float, titles: tuple[str, str] = OPINION_TITLES,
             after: list = ()) -> Either:
    """五 and 六 together, never one page apart: the one above the other with full room for the
    seals where the page has space for both (and for ``after``), else side by side (never 六
    alone on a last page)."""
    # the two boxes' tables in one KeepTogether (one nested in another would measure as endless)
    stacked = [part for box in opinion(titles[0], project.unit_opinion)
               + opinion(titles[1], project.supervisor_opinion) for part in box._content]
    return Either([KeepTogether(stacked)], opinions_side_by_side(project, titles=titles), room=room,
                  after=after)


def signing(project: Project, room: float, after: list = (), title: str = "四、评价人员",
            titles: tuple[str, str] = OPINION_TITLES) -> KeepWithTail:
    """评价人员 to sign, then 五 and 六 to stamp (then ``after``: the check block of 定稿): the
    opinions never begin a page without the end of the signatures above them."""
    people = evaluators(project, title=title)[0]
    return KeepWithTail(people, [opinions(project, room, titles, list(after))], room)


def height(flowables: list) -> float:
    """The height the flowables take in the page frame (for choosing a layout)."""
    total = 0.0
    for f in flowables:
        parts = f._content if isinstance(f, KeepTogether) else [f]
        for part in parts:
            total += part.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1]
            total += part.getSpaceBefore() + part.getSpaceAfter()
    return total


def basic_form(doc: Document, project: Project) -> FormPart:
    """The 项目单位自评基本情况表 of one project: on one page when the compact layout (五 and 六
    side by side, shorter 签字 rows; the QR code and 校验码 of 定稿 under them or beside them)
    makes it fit, else over several in the full layout, each further page headed by the
    项目名称 (the page with the seals is never one that names nothing).

    In the full layout the 评价人员 and the opinions stay on the page of the 综合得分 and 自评等次
    they attest (not 六 alone on page 4 of 4 under “项目名称：…（续）”)."""
    head = [para(FORM_TITLE, TITLE), para(f"项目名称：{project.name}{_whose(doc, project)}", HEADLINE)]
    head += overview(doc, project)
    head += spending(project)
    head += goals(project)
    head += result(doc, project)
    tail = check_block(doc, project)
    continued = continued_head("项目名称", project.name)
    flow = head + evaluators(project) + opinion(OPINION_TITLES[0], project.unit_opinion) \
        + opinion(OPINION_TITLES[1], project.supervisor_opinion) + tail
    if height(flow) > FRAME_HEIGHT:
        room = room_after(continued, FRAME_WIDTH, FRAME_HEIGHT)
        flow = _one_page(doc, project, head, tail) or \
            head[:-1] + [KeepWithTail(head[-1], [signing(project, room, tail)], room)]
    flow.append(Spacer(1, 0))
    return FormPart(flow, footer_text(doc, project), continued)


def _whose(doc: Document, project: Project) -> str:
    """“（实施单位：…）” after a 项目名称 another project of the file has too (seed 001: two
    信息化替代, under two units), so two stamped forms can be told apart; "" otherwise."""
    name = project.name.strip()
    if not name or sum(p.name.strip() == name for p in doc.projects) < 2:
        return ""
    unit = (project.implementer or doc.unit.name).strip()
    return f"（实施单位：{unit}）" if unit else ""


def _one_page(doc: Document, project: Project, head: list, tail: list) -> list | None:
    """The compact layout if it fits one page: with the check block under the opinions, else
    (定稿) in a column beside them; None when neither fits."""
    layouts = []
    # last, 签字 rows a little lower still: one sheet to sign and stamp rather than a second
    # page holding only 五/六 (seed 003 missed one page by a line of its 预期目标)
    for sign in (COMPACT_SIGN_HEIGHT, TIGHT_SIGN_HEIGHT):
        people = evaluators(project, sign)
        layouts.append(head + people + opinions_side_by_side(project) + tail)
        if tail:
            beside = check_cell(doc, project, CHECK_WIDTH)
            layouts.append(head + people + opinions_side_by_side(project, beside))
    for flow in layouts:
        if height(flow) <= FRAME_HEIGHT - 1 * mm:
            return flow
    return None
