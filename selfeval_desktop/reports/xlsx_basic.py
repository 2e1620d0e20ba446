"""The 基本情况表 sheet of an exported workbook: every project's 项目单位自评基本情况表, one under the
other with a page break between, laid out as the printed form (``form_basic``) — so a clerk whose
office wants the form in Excel, or with its own wording, prints or edits it there.

Four columns, label and value twice, as on paper. Amounts are in 万元, shown to two decimals at
least as on the printed form (``MONEY_FORMAT``; text that could not be read is shown as typed);
支出合计 adds the lines by formula; 综合得分 and 自评等次 are read from the project's own sheet by
formula, so they follow an amount edited there. The 部门整体 evaluation has no such form (it
prints the 部门整体支出绩效自评表) and is left out. Not read back by 导入Excel: everything on it is
also on the project's sheet.
"""
from __future__ import annotations

from decimal import Decimal

from ..domain.model import (Document, Project, ProjectKind, Source, SpendingScheme, counted_lines,
                            lines_total, source_label)
from ..domain.money import fen_to_wan, printed_wan
from ..domain.scoring import ProjectScore, shown_grade
from .form_basic import FORM_TITLE, MIN_EVALUATOR_ROWS, OPINION_TITLES, period_text
from .score_text import unscored_note
from .spending import line_label
from .xlsx_common import (MONEY_FORMAT, Sheet, cell_ranges, fit_row_heights, is_number, money_cell,
                          page_setup, unread_text)

SHEET_NAME = "基本情况表"
WIDTHS = {"A": 22, "B": 28, "C": 22, "D": 28}
ROW_HEIGHT = 20         # points: a row of the printed form
SIGN_HEIGHT = 30        # points: room for a pen signature
OPINION_HEIGHT = 90     # points: the opinion and room for a round 公章
STAMP = "（盖章）\n年　　月　　日"


def _ref(sheet: str, cell: str) -> str:
    return "'" + sheet.replace("'", "''") + "'!" + cell


def _with_special(amount: int | None, special: int | None):
    """An amount with the 其中专项 under it, as the printed form shows it (text then)."""
    if special is None:
        return None if amount is None else fen_to_wan(amount)
    return f"{printed_wan(amount)}\n（其中专项 {printed_wan(special)}）"


def basic_sheet(sh: Sheet, doc: Document, names: list[str], refs: list[dict],
                scores: list[ProjectScore]) -> bool:
    """Write the forms of ``doc``'s projects (``names``/``refs``: their sheets and the cells of
    总分 and 等次 there); False when there is none to write (only a 部门整体 evaluation)."""
    from openpyxl.worksheet.pagebreak import Break
    r, wrote = 1, False
    for project, name, ref, score in zip(doc.projects, names, refs, scores):
        if project.kind is ProjectKind.DEPARTMENT:
            continue
        if wrote:
            sh.ws.row_breaks.append(Break(id=r - 1))
        r = _form(sh, doc, project, name, ref, score, r) + 2
        wrote = True
    if not wrote:
        return False
    for col, width in WIDTHS.items():
        sh.ws.column_dimensions[col].width = width
    page_setup(sh.ws, f"A1:D{r - 2}", None)
    fit_row_heights(sh.ws, sh.values)
    return True


def _form(sh: Sheet, doc: Document, project: Project, name: str, ref: dict,
          score: ProjectScore, r: int) -> int:
    """One project's form from row ``r``; returns its last row."""
    ws = sh.ws
    sh.merge(f"A{r}:D{r}", FORM_TITLE)
    ws[f"A{r}"].font = sh.s["title"]
    ws.row_dimensions[r].height = 30
    r += 1
    sh.merge(f"A{r}:D{r}", f"项目名称：{project.name}", left=True)
    top = r + 1
    r = _overview(sh, doc, project, top)
    r = _spending(sh, project, r + 1)
    r = _goals_and_result(sh, project, name, ref, score, r + 1)
    sh.borders(top, r, 4)
    last = _people_and_opinions(sh, project, r + 1)
    for row in range(top, last + 1):       # the paper form's rows, not a spreadsheet's
        if not ws.row_dimensions[row].height:
            ws.row_dimensions[row].height = ROW_HEIGHT
    return last


def _section(sh: Sheet, r: int, text: str) -> None:
    sh.merge(f"A{r}:D{r}", text, bold=True, left=True)


def _pair(sh: Sheet, r: int, left: tuple[str, object], right: tuple[str, object] | None,
          fmt: str | None = None) -> None:
    """label | value | label | value, or label | value over three columns; ``fmt``: the values'
    number format (``MONEY_FORMAT`` for 万元)."""
    sh.put(f"A{r}", left[0], bold=True)
    if right is None:
        sh.merge(f"B{r}:D{r}", left[1], left=not is_number(left[1]), fmt=fmt)
        return
    sh.put(f"B{r}", left[1], left=not is_number(left[1]), fmt=fmt)
    sh.put(f"C{r}", right[0], bold=True)
    sh.put(f"D{r}", right[1], left=not is_number(right[1]), fmt=fmt)


def _overview(sh: Sheet, doc: Document, project: Project, r: int) -> int:
    """一、项目基本概况; returns its last row."""
    f = project.funding
    _section(sh, r, "一、项目基本概况")
    _pair(sh, r + 1, ("项目负责人", project.leader), ("联系电话", project.phone))
    _pair(sh, r + 2, ("地　　址", project.address), ("邮　　编", project.postcode))
    _pair(sh, r + 3, ("项目起止时间", period_text(project.start, project.end)), None)
    planned = money_cell(project, f.effective_planned_total(), "funding", "", "planned_total")
    arrived = money_cell(project, f.effective_arrived_total(), "funding", "", "arrived_total")
    _pair(sh, r + 4, ("计划安排资金（万元）", planned), ("实际到位资金（万元）", arrived), MONEY_FORMAT)
    r += 4
    region = doc.unit.region_word or "省级"
    for i, source in enumerate(Source):
        label = "其它" if source is Source.OTHER else source_label(source, region)
        label = ("其中：" if i == 0 else "") + label
        amount = f.by_source.get(source)
        r += 1
        _pair(sh, r, (label, money_cell(project, amount.planned if amount else None, "source",
                                     source.value, "planned")),
              (label, money_cell(project, amount.arrived if amount else None, "source",
                              source.value, "arrived")), MONEY_FORMAT)
    r += 1
    _pair(sh, r, ("实际支出（万元）", money_cell(project, project.effective_spent_total(), "funding", "",
                                        "spent_total")), None, MONEY_FORMAT)
    return r


def _spending(sh: Sheet, project: Project, r: int) -> int:
    """二、项目支出明细 with 支出合计 (a SUM of the lines when no 其中专项 is written beside them)."""
    _section(sh, r, "二、项目支出明细")
    r += 1
    kind = "经济科目" if project.spending_scheme is SpendingScheme.ECONOMIC else "科研经费科目"
    sh.merge(f"A{r}:B{r}", f"支出内容\n（按{kind}）", bold=True)
    sh.put(f"C{r}", "计划支出数（万元）", bold=True)
    sh.put(f"D{r}", "实际支出数（万元）", bold=True)
    first = r + 1
    lines = project.budget_lines
    for line in lines:
        r += 1
        sh.merge(f"A{r}:B{r}", line_label(line), left=True)
        for col, attr in (("C", "planned"), ("D", "actual")):
            amount = getattr(line, attr)
            typed = None if amount is not None else \
                unread_text(project, "budget_line", str(line.id), attr)   # kept as typed
            sh.put(f"{col}{r}", typed if typed is not None
                   else _with_special(amount, getattr(line, f"special_{attr}")), fmt=MONEY_FORMAT)
    r += 1
    sh.merge(f"A{r}:B{r}", "支出合计", bold=True)
    special = any(line.special_planned is not None or line.special_actual is not None
                  for line in lines)
    for col, attr in (("C", "planned"), ("D", "actual")):
        total = lines_total(lines, attr)
        if special or not lines:
            sh.put(f"{col}{r}", _with_special(total, lines_total(lines, f"special_{attr}")),
                   fmt=MONEY_FORMAT)
            continue
        filled = sum(1 for line in lines if getattr(line, attr) is not None)
        counted = counted_lines(lines, attr)
        # every line's cell, so an amount typed later in Excel adds in; only the counted ones
        # when an item (30211) sits under its filled class (302), as the PDF's 支出合计
        args = f"{col}{first}:{col}{r - 1}" if len(counted) == filled else \
            ",".join(cell_ranges(col, [first + i for i, _ in counted]))
        sh.put(f"{col}{r}", f'=IF(COUNT({args})=0,"",SUM({args}))', fmt=MONEY_FORMAT,
               result="" if total is None else fen_to_wan(total))
    return r


def _goals_and_result(sh: Sheet, project: Project, name: str, ref: dict, score: ProjectScore,
                      r: int) -> int:
    """项目绩效目标及实施计划完成情况, 综合得分 and 自评等次; returns the last row."""
    sh.merge(f"A{r}:A{r + 1}", "项目绩效目标及实施计划完成情况", bold=True)
    sh.merge(f"B{r}:C{r}", "预　期（或调整后）", bold=True)
    sh.put(f"D{r}", "实　际", bold=True)
    sh.merge(f"B{r + 1}:C{r + 1}", project.goal_expected or None, left=True)
    sh.put(f"D{r + 1}", project.goal_actual or None, left=True)
    r += 2
    total_cell, total_value = ref["score"]
    note = unscored_note(score)
    source = _ref(name, total_cell)
    shown = f"{Decimal(total_value):.2f}分{note}" if score.scored and is_number(total_value) else ""
    sh.put(f"A{r}", "综合得分", bold=True)
    sh.merge(f"B{r}:D{r}", f'=IF(ISNUMBER({source}),TEXT({source},"0.00")&"分{note}","")',
             left=True, result=shown)
    r += 1
    grade_cell, grade_value = ref["grade"]
    reason = f"（{score.provisional_reason}）" if score.scored and score.provisional else ""
    grade_source = _ref(name, grade_cell)
    sh.put(f"A{r}", "自评等次", bold=True)
    if score.scored:
        sh.merge(f"B{r}:D{r}", f'={grade_source}&"{reason}"', left=True,
                 result=f"{shown_grade(score) if reason else grade_value}{reason}")
    else:
        sh.merge(f"B{r}:D{r}", None)
    return r


def _people_and_opinions(sh: Sheet, project: Project, r: int) -> int:
    """四、评价人员 with an empty 签字 cell each, then 五 and 六 side by side with room for the
    stamp and the date; returns the last row."""
    top = r
    _section(sh, r, "四、评价人员")
    r += 1
    for col, label in zip("ABCD", ("姓　　名", "职称/职务", "单　　位", "签　　字")):
        sh.put(f"{col}{r}", label, bold=True)
    people = [(p.name, p.title, p.org) for p in project.evaluators]
    people += [("", "", "")] * max(0, MIN_EVALUATOR_ROWS - len(people))
    for person in people:
        r += 1
        for col, value in zip("ABC", person):
            sh.put(f"{col}{r}", value or None)
        sh.put(f"D{r}", None)
        sh.ws.row_dimensions[r].height = SIGN_HEIGHT
    r += 1
    sh.merge(f"A{r}:B{r}", OPINION_TITLES[0], bold=True, left=True)
    sh.merge(f"C{r}:D{r}", OPINION_TITLES[1], bold=True, left=True)
    r += 1
    sh.merge(f"A{r}:B{r}", project.unit_opinion.strip() or None, left=True)
    sh.merge(f"C{r}:D{r}", project.supervisor_opinion.strip() or None, left=True)
    sh.ws.row_dimensions[r].height = OPINION_HEIGHT
    r += 1
    for ref in (f"A{r}:B{r}", f"C{r}:D{r}"):
        sh.merge(ref, STAMP)
        sh.ws[ref.split(":")[0]].alignment = sh.s["right"]
    sh.ws.row_dimensions[r].height = 30
    sh.borders(top, r, 4)
    _open_between(sh, r - 1)      # an opinion and its stamp: one box each, as on paper
    return r


def _open_between(sh: Sheet, r: int) -> None:
    """No rule between row ``r`` and the row under it."""
    from copy import copy
    for col in "ABCD":
        for cell, side in ((sh.ws[f"{col}{r}"], "bottom"), (sh.ws[f"{col}{r + 1}"], "top")):
            border = copy(cell.border)
            setattr(border, side, None)
            cell.border = border
