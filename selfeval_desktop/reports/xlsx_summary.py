"""The 汇总 sheet of an exported workbook: one row per project, read from its sheet by formulas.

A figure left empty on a project's sheet stays empty here (a reference to an empty cell would
show 0). Each amount is followed by what of it is 专项, as a clerk's “其中” column: 全年预算数,
其中专项计划, 全年执行数, 其中专项实际 — the 专项 the sum of the 预算表's 其中专项（计划）/（实际）
as the 支出合计 counts its lines (a 汇总 without a 专项 column hid it). The 合计 row adds the
four amounts; its 执行率 counts only projects with both figures, and a note under it says how
many were left out.
"""
from __future__ import annotations

from decimal import Decimal
import math

from ..domain.model import Document, ProjectKind
from ..domain.evaluation import project_profile
from ..domain.profiles import load_profile, style_of
from .xlsx_common import (MONEY_FORMAT, Sheet, fit_row_heights, is_number, page_setup,
                          provisional_summary_note, rate_formula, rate_value, text_width)

HEADERS = ("序号", "项目名称", "全年预算数\n（万元）", "其中专项计划\n（万元）", "全年执行数\n（万元）",
           "其中专项实际\n（万元）", "执行率", "得分", "等次")
# landscape: nine columns at full size; the 万元 ones wide enough for a 合计 of 123,456.789012
# in MONEY_FORMAT (#### where it would not fit), 项目名称 giving up the room
WIDTHS = (6, 36, 14, 14, 14, 14, 10, 8, 8)
COLS = "ABCDEFGHI"
LAST = COLS[-1]
# the columns of the amounts, 执行率, 得分 and 等次
BUDGET, SPECIAL_PLANNED, EXECUTED, SPECIAL_ACTUAL, RATE, SCORE, GRADE = COLS[2:]
DEPARTMENT = "部门整体"       # in the 序号 column of the department evaluation's row
DEPARTMENT_WIDTH = math.ceil(text_width(DEPARTMENT) + 2.5)   # bold, with the cell's margins
GRADE_STYLE_LABEL = "等次写法"   # 优/良/中/差 or the unit's own words (优秀/良好/一般/较差 …)
REGION_LABEL = "省级财政称谓"   # 省级财政 or 自治区财政, as the unit's region writes it


def _ref(sheet: str, cell: str) -> str:
    return "'" + sheet.replace("'", "''") + "'!" + cell


def _blank_if_empty(ref: str) -> str:
    return f'=IF({ref}="","",{ref})'


def totals_formulas(budget: str | list[str], executed: str | list[str]) -> dict[str, str]:
    """合计 formulas over columns of per-row figures: ``C4:C9`` and ``D4:D9``, or lists of such
    ranges taken together (the project rows of several units, without their 小计 rows).

    执行率 = executed / budget over the rows holding both numbers; ``left_out`` (an expression)
    counts the rows without both (a blank 全年执行数 is not 0% executed: it is unknown)."""
    budgets = [budget] if isinstance(budget, str) else list(budget)
    executeds = [executed] if isinstance(executed, str) else list(executed)
    pairs = list(zip(budgets, executeds))

    def known(column: int) -> str:
        return "+".join(f"SUMPRODUCT(--ISNUMBER({b}),--ISNUMBER({e}),{(b, e)[column]})"
                        for b, e in pairs)

    return {
        "budget": sum_formula(budgets),
        "executed": sum_formula(executeds),
        "rate": f'=IF(({known(0)})=0,"",({known(1)})/({known(0)}))',
        "left_out": "(" + "+".join(f"SUMPRODUCT(1-ISNUMBER({b})*ISNUMBER({e}))"
                                   for b, e in pairs) + ")",
    }


def sum_formula(ranges: list[str]) -> str:
    """SUM, blank when no figure at all was filled in (not a 合计 of 0.00)."""
    args = ",".join(ranges)
    return f'=IF(COUNT({args})=0,"",SUM({args}))'


def totals_values(rows: list[tuple[object, object]]) -> dict[str, object]:
    """The values of :func:`totals_formulas` for (budget, executed) pairs."""
    budgets = [Decimal(b) for b, _ in rows if is_number(b)]
    executeds = [Decimal(e) for _, e in rows if is_number(e)]
    budget = sum(budgets, Decimal(0)) if budgets else ""
    executed = sum(executeds, Decimal(0)) if executeds else ""
    both = [(Decimal(b), Decimal(e)) for b, e in rows if is_number(b) and is_number(e)]
    base = sum((b for b, _ in both), Decimal(0))
    rate = "" if base == 0 else sum((e for _, e in both), Decimal(0)) / base
    return {"budget": budget, "executed": executed, "rate": rate,
            "left_out": len(rows) - len(both)}


def left_out_note(count_formula: str) -> str:
    return (f'=IF({count_formula}=0,"","注：合计执行率不含 "&{count_formula}&'
            f'" 个未填写全年预算数或全年执行数的项目")')


def left_out_text(count: int) -> str:
    return "" if count == 0 else f"注：合计执行率不含 {count} 个未填写全年预算数或全年执行数的项目"


def summary_sheet(sh: Sheet, doc: Document, names: list[str], refs: list[dict]) -> None:
    ws = sh.ws
    year = f"{doc.year}年度" if doc.year else ""
    sh.merge(f"A1:{LAST}1", f"{year}项目支出绩效自评汇总表")
    ws["A1"].font = sh.s["title"]
    sh.merge(f"A2:{LAST}2", f"单位名称：{doc.unit.name}", left=True)
    header = 3
    for col, label in zip(COLS, HEADERS):
        sh.put(f"{col}{header}", label, bold=True)
    r = header
    pairs, specials = [], []
    kinds = [p.kind for p in doc.projects]
    rows = [(name, ref) for name, ref, kind in zip(names, refs, kinds)
            if kind is not ProjectKind.DEPARTMENT]
    departments = [(name, ref) for name, ref, kind in zip(names, refs, kinds)
                   if kind is ProjectKind.DEPARTMENT]
    for i, (name, ref) in enumerate(rows, 1):
        r += 1
        sh.put(f"A{r}", i)
        pairs.append(_row(sh, r, name, ref))
        specials.append((ref["special_planned"][1], ref["special_actual"][1]))
    total = r + 1
    first = header + 1
    sh.merge(f"A{total}:B{total}", "合计", bold=True)
    values = totals_values(pairs)
    last = total
    for name, ref in departments:  # its budget is the whole department's: never in the 合计
        last += 1
        sh.put(f"A{last}", DEPARTMENT, bold=True)
        _row(sh, last, name, ref)
        sh.put(f"B{last}", _blank_if_empty(_ref(name, ref["name"][0])) + '&"（不计入合计）"',
               left=True, result=f"{ref['name'][1] or ''}（不计入合计）")
    note = last + 1
    if pairs:
        formulas = totals_formulas(f"{BUDGET}{first}:{BUDGET}{r}", f"{EXECUTED}{first}:{EXECUTED}{r}")
        sh.put(f"{BUDGET}{total}", formulas["budget"], fmt=MONEY_FORMAT, result=values["budget"])
        sh.put(f"{EXECUTED}{total}", formulas["executed"], fmt=MONEY_FORMAT, result=values["executed"])
        sh.put(f"{RATE}{total}", formulas["rate"], fmt="0.00%", result=values["rate"])
        for col, amounts in zip((SPECIAL_PLANNED, SPECIAL_ACTUAL), zip(*specials)):
            sh.put(f"{col}{total}", sum_formula([f"{col}{first}:{col}{r}"]), fmt=MONEY_FORMAT,
                   result=sum_value(amounts))
        sh.merge(f"A{note}:{LAST}{note}", left_out_note(formulas["left_out"]), left=True,
                 result=left_out_text(values["left_out"]))
    provisional = sum(1 for ref in refs if ref.get("provisional"))
    if provisional:  # their 等次 are “—”: say why once (each sheet says its own reason)
        note += 1 if pairs else 0   # below the 执行率 note (a formula: it may show when edited)
        sh.merge(f"A{note}:{LAST}{note}", provisional_summary_note(provisional, "（原因见各项目表）"),
                 left=True)
    unread = sum(1 for pair in pairs for v in pair if v not in (None, "") and not is_number(v))
    if unread:   # kept as typed, red in the window: the 合计 cannot add them
        note += 1 if pairs or provisional else 0
        sh.merge(f"A{note}:{LAST}{note}", f"注：{unread} 个全年预算数或全年执行数无法识别（照填写内容"
                 "保留），未计入合计", left=True)
    for col in (SCORE, GRADE):
        sh.put(f"{col}{total}", None)
    sh.borders(header, last, len(HEADERS))
    page_setup(ws, f"A1:{LAST}{note}", f"1:{header}", landscape=True)
    widths = list(WIDTHS)
    if departments:  # “部门整体” in the 序号 column on one line; the page stays as wide
        widths[0] = max(widths[0], DEPARTMENT_WIDTH)
        widths[1] -= widths[0] - WIDTHS[0]
    for col, width in zip(COLS, widths):
        ws.column_dimensions[col].width = width
    _unit_block(sh, doc, note + 2)
    fit_row_heights(ws, sh.values)


def sum_value(amounts) -> object:
    """The 合计 of a column of 万元 amounts as :func:`sum_formula` computes it: "" when none is
    filled."""
    numbers = [Decimal(a) for a in amounts if is_number(a)]
    return sum(numbers, Decimal(0)) if numbers else ""


def _row(sh: Sheet, r: int, name: str, ref: dict) -> tuple[object, object]:
    """One project's cells (B to I), read from its sheet; returns (budget, executed)."""
    for col, key in (("B", "name"), (BUDGET, "budget"), (EXECUTED, "executed")):
        cell, value = ref[key]
        sh.put(f"{col}{r}", _blank_if_empty(_ref(name, cell)), left=(col == "B"),
               fmt=None if col == "B" else MONEY_FORMAT, result="" if value is None else value)
    for col, key in ((SPECIAL_PLANNED, "special_planned"), (SPECIAL_ACTUAL, "special_actual")):
        ranges, value = ref[key]     # the lines' 其中专项, below the project's form
        sh.put(f"{col}{r}", sum_formula([_ref(name, cells) for cells in ranges]) if ranges else None,
               fmt=MONEY_FORMAT, result=value if ranges else None)
    budget, executed = ref["budget"][1], ref["executed"][1]
    profile = ref["profile"]     # the project's, as its own sheet rounds the rate
    sh.put(f"{RATE}{r}", rate_formula(f"{BUDGET}{r}", f"{EXECUTED}{r}", profile), fmt="0.00%",
           result=rate_value(budget, executed, profile))
    sh.put(f"{SCORE}{r}", _blank_if_empty(_ref(name, ref["score"][0])), fmt="0.00",
           result=ref["score"][1])
    sh.put(f"{GRADE}{r}", "=" + _ref(name, ref["grade"][0]), result=ref["grade"][1])
    return budget, executed


def _unit_block(sh: Sheet, doc: Document, r: int) -> None:
    """The unit's fields and the rule profiles, by label, so the workbook imports back whole."""
    profile = load_profile(doc.profile_id)
    department = load_profile(doc.department_profile_id)
    named = project_profile(doc)
    u = doc.unit
    for label, value in (("单位主管部门", u.supervisor), ("单位地址", u.address),
                         ("单位邮编", u.postcode), ("单位电话", u.phone),
                         (REGION_LABEL, f"{u.region_word or '省级'}财政"),
                         ("评分规则", profile.name),  # read back by name (profile_id_of)
                         ("部门整体评分规则", department.name),
                         (GRADE_STYLE_LABEL, style_of(named))):
        sh.merge(f"A{r}:B{r}", label, bold=True)
        sh.merge(f"C{r}:{LAST}{r}", value or None, left=True)
        r += 1
