"""The receiving side's summary (汇总) across several units' documents: one workbook, one row per
project per unit, a 小计 per unit and a 合计 of all.

Each row: 单位, 年度, 项目名称, 全年预算数, 其中专项计划, 全年执行数, 其中专项实际, 执行率, 总分,
等次, the 定稿 status (and whether the file still matches its check code) and the 校验码 — each
amount followed by what of it is 专项, as in the exported workbook's 汇总 sheet: the 预算表's
其中专项（计划）/（实际） as the 支出合计 counts its lines (``counted_lines``: a 30211 under a
filled 302 not twice), in 万元 from the stored 分. Scores and grades come from each document by
its own rule profile (``domain.scoring``); 执行率 and the subtotals are formulas saved with their
values (``xlsx_common``). A figure the unit did not fill in stays blank (a unit without 其中专项
shows none, not 0), and a subtotal's 执行率 counts only projects with both figures.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.digest import check_code, shown_time, verify_project
from ..domain.evaluation import profile_for, shown_rule_grade
from ..domain.model import Document, Project, ProjectKind, lines_total
from ..domain.money import fen_to_wan
from ..domain.scoring import score_project
from .xlsx_common import (MONEY_FORMAT, Sheet, fit_row_heights, new_workbook, page_setup,
                          provisional_summary_note, rate_formula, rate_value, styles,
                          write_workbook_atomically)
from .xlsx_summary import (left_out_note, left_out_text, sum_formula, sum_value, totals_formulas,
                           totals_values)

HEADERS = ("序号", "单位", "年度", "项目名称", "全年预算数\n（万元）", "其中专项计划\n（万元）",
           "全年执行数\n（万元）", "其中专项实际\n（万元）", "执行率", "总分", "等次", "定稿情况",
           "校验码")
# In digits of Arial 10 (the workbook's default font, and the numbers'): 7 px each in Excel,
# 5.55 pt in LibreOffice. 169 fill A4 landscape at 86 % (Excel's 7w + 5 px per column, 0.25"
# side margins; LibreOffice the same) — 188 had printed at 57 % in LibreOffice, too small to
# read. A bold 126,418.295792 fits the 万元 columns and 100.00% the 执行率; 单位 and 项目名称
# wrap; 定稿情况 holds “已定稿” over its time and 校验码 its 19 characters, also where 宋体's
# Latin letters are DejaVu Sans (LibreOffice on a Linux without 宋体).
WIDTHS = (5, 12, 5, 24, 15, 15, 15, 15, 9, 7, 7, 18, 22)
COLS = "ABCDEFGHIJKLM"
LAST = COLS[-1]
# the columns after 项目名称
BUDGET, SPECIAL_PLANNED, EXECUTED, SPECIAL_ACTUAL, RATE, SCORE, GRADE, STATE, CODE = COLS[4:]


class AggregateError(Exception):
    """A summary that could not be written; the message is Chinese. OUT is left as it was."""


@dataclass
class Source:
    """One unit's document as read, and the file it came from (for messages)."""
    path: Path
    document: Document


def finalization_text(doc: Document, project: Project) -> tuple[str, str]:
    """(定稿情况, 校验码) of a project: 未定稿; 已定稿 and when; or why it does not match."""
    state = verify_project(doc, project)
    if state is None:
        return "未定稿", ""
    code = check_code(project.digest) if project.digest else ""
    if state:
        return f"已定稿 {shown_time(project.finalized_at)}".strip(), code
    return "已定稿，但内容与校验码不符", code


def _wan(fen: int | None):
    return None if fen is None else fen_to_wan(fen)


def _unit_name(source: Source) -> str:
    return source.document.unit.name.strip() or f"（{source.path.name}）"


def unit_count(sources: list[Source]) -> int:
    """How many units the files are: two files of one unit (same name) count once."""
    names = {s.document.unit.name.strip() or f"\0{s.path}" for s in sources}
    return len(names)


def build_summary(sources: list[Source], progress=None):
    """(openpyxl Workbook, formula values by sheet) of the summary of ``sources``.

    Per unit: its projects, their 小计, then its 部门整体 evaluation on a row of its own (its
    budget is the department's whole budget, the projects' included: never added to them). The
    合计 adds the projects of all units, one 合计 per fiscal year when the files are of several."""
    wb = new_workbook()
    sh = Sheet(wb.active, styles(arial_numbers=True))
    ws = sh.ws
    ws.title = "汇总"
    years = sorted({s.document.year for s in sources}, key=lambda y: (y is None, y or 0))
    year = f"{years[0]}年度" if len(years) == 1 and years[0] is not None else ""
    sh.merge(f"A1:{LAST}1", f"{year}项目支出绩效自评汇总表")
    ws["A1"].font = sh.s["title"]
    header = 3
    for col, label in zip(COLS, HEADERS):
        sh.put(f"{col}{header}", label, bold=True)
    r, n = header, 0
    provisional: list[Project] = []   # totals whose 等次 is “—”
    by_year: dict = {y: ([], []) for y in years}   # year → (row ranges, the rows' amounts)
    for done, source in enumerate(sources, 1):
        doc, first = source.document, r + 1
        projects = doc.project_list()
        amounts = []
        for project in projects:
            r, n = r + 1, n + 1
            amounts.append(_project_row(sh, r, n, source, project, provisional))
        ranges, all_amounts = by_year[doc.year]
        if amounts:
            ranges.append((first, r))
        all_amounts += amounts
        r += 1
        _total_row(sh, r, f"{_unit_name(source)} 小计（{len(amounts)} 个项目）",
                   [(first, r - 1)] if amounts else [], amounts)
        for department in (p for p in doc.projects if p not in projects):
            r, n = r + 1, n + 1
            _project_row(sh, r, n, source, department, provisional)
        if progress is not None:
            progress(done, len(sources))
    count = sum(len(amounts) for _, amounts in by_year.values())
    for y in years:
        ranges, amounts = by_year[y]
        if len(sources) == 1 and len(years) == 1:
            break
        r += 1
        files = sum(1 for s in sources if s.document.year == y)
        label = "合计" if len(years) == 1 else f"{y or '未填年度'}{'年度' if y else ''}合计"
        _total_row(sh, r, f"{label}（{files} 个文件，{len(amounts)} 个项目，不含部门整体）",
                   ranges, amounts)
    units = unit_count(sources)
    files = f"（{len(sources)} 个文件）" if units != len(sources) else ""
    sh.merge(f"A2:{LAST}2", f"共 {units} 个单位{files}、{count} 个项目（按文件顺序；部门整体单列，"
                      f"不计入小计与合计）", left=True)
    sh.borders(header, r, len(COLS))
    note = r + 1
    every_range = [rg for ranges, _ in by_year.values() for rg in ranges]
    every_pair = [row[:2] for _, amounts in by_year.values() for row in amounts]
    if every_range:
        formulas = _formulas(every_range)
        sh.merge(f"A{note}:{LAST}{note}", left_out_note(formulas["left_out"]), left=True,
                 result=left_out_text(totals_values(every_pair)["left_out"]))
    if provisional:
        note += 1 if every_range else 0
        sh.merge(f"A{note}:{LAST}{note}", provisional_summary_note(len(provisional)), left=True)
    styled = [_unit_name(s) for s in sources if s.document.grade_names.strip()]
    if styled:        # say why a unit's 优秀 reads 优 here
        note += 1 if every_range or provisional else 0
        sh.merge(f"A{note}:{LAST}{note}", f"等次按评分规则的写法（优/良/中/差）列出；"
                                     f"{'、'.join(dict.fromkeys(styled))}的自评表另用本地写法（如“优秀”）。",
                 left=True)
    page_setup(ws, f"A1:{LAST}{note}", f"1:{header}", landscape=True, side=0.25)
    for col, width in zip(COLS, WIDTHS):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = f"A{header + 1}"
    fit_row_heights(ws, sh.values)
    wb.properties.creator = "绩效自评助手"
    wb.properties.title = "项目支出绩效自评汇总表"
    return wb, {ws.title: sh.values}


def _project_row(sh: Sheet, r: int, n: int, source: Source, project: Project,
                 provisional: list | None = None):
    """One project's row; returns its (全年预算数, 全年执行数, 其中专项计划, 其中专项实际) in 万元,
    None where not filled in. A provisional total is appended to ``provisional``."""
    doc = source.document
    profile = profile_for(doc, project)
    score = score_project(project, profile, doc.year)
    if score.scored and score.provisional and provisional is not None:
        provisional.append(project)
    budget, executed = _wan(project.funding.annual_budget), _wan(project.funding.executed)
    special_planned = _wan(lines_total(project.budget_lines, "special_planned"))
    special_actual = _wan(lines_total(project.budget_lines, "special_actual"))
    name = project.name.strip() or "（未命名项目）"
    if project.kind is ProjectKind.DEPARTMENT:
        name += "（部门整体，不计入小计与合计）"
    state, code = finalization_text(doc, project)
    scored = getattr(score, "scored", True)
    sh.put(f"A{r}", n)
    sh.put(f"B{r}", _unit_name(source), left=True)
    sh.put(f"C{r}", doc.year)
    sh.put(f"D{r}", name, left=True)
    for col, value in ((BUDGET, budget), (SPECIAL_PLANNED, special_planned),
                       (EXECUTED, executed), (SPECIAL_ACTUAL, special_actual)):
        sh.put(f"{col}{r}", value, fmt=MONEY_FORMAT)
    sh.put(f"{RATE}{r}", rate_formula(f"{BUDGET}{r}", f"{EXECUTED}{r}", profile), fmt="0.00%",
           result=rate_value(budget, executed, profile))
    sh.put(f"{SCORE}{r}", score.total if scored else None, fmt="0.00")
    # “—” for a provisional total, 未评分 for none; in the rule's words (优, not a unit's 优秀),
    # so the receiving side counts the grades of all units in one column
    sh.put(f"{GRADE}{r}", shown_rule_grade(doc, project, score))
    sh.put(f"{STATE}{r}", state)
    sh.put(f"{CODE}{r}", code or None)
    return budget, executed, special_planned, special_actual


def _formulas(ranges: list[tuple[int, int]]) -> dict[str, str]:
    return totals_formulas([f"{BUDGET}{a}:{BUDGET}{b}" for a, b in ranges],
                           [f"{EXECUTED}{a}:{EXECUTED}{b}" for a, b in ranges])


def _total_row(sh: Sheet, r: int, label: str, ranges: list[tuple[int, int]], amounts) -> None:
    """A 小计 or the 合计 over the project rows in ``ranges``, whose amounts (as
    :func:`_project_row` returns them) are ``amounts``."""
    sh.merge(f"A{r}:D{r}", label, bold=True)
    if not ranges:  # a unit without projects
        for col in (BUDGET, SPECIAL_PLANNED, EXECUTED, SPECIAL_ACTUAL, RATE):
            sh.put(f"{col}{r}", None)
    else:
        formulas, values = _formulas(ranges), totals_values([row[:2] for row in amounts])
        sh.put(f"{BUDGET}{r}", formulas["budget"], bold=True, fmt=MONEY_FORMAT,
               result=values["budget"])
        sh.put(f"{EXECUTED}{r}", formulas["executed"], bold=True, fmt=MONEY_FORMAT,
               result=values["executed"])
        for col, i in ((SPECIAL_PLANNED, 2), (SPECIAL_ACTUAL, 3)):   # blank when none is filled
            sh.put(f"{col}{r}", sum_formula([f"{col}{a}:{col}{b}" for a, b in ranges]), bold=True,
                   fmt=MONEY_FORMAT, result=sum_value([row[i] for row in amounts]))
        sh.put(f"{RATE}{r}", formulas["rate"], bold=True, fmt="0.00%", result=values["rate"])
    sh.merge(f"{SCORE}{r}:{LAST}{r}", None)


def write_summary(sources: list[Source], out: str | Path, progress=None) -> None:
    """Write the summary workbook to ``out`` atomically (complete or unchanged);
    ``progress(done, total)`` is told after each file's rows."""
    wb, values = build_summary(sources, progress)
    write_workbook_atomically(wb, Path(out), values, AggregateError)
