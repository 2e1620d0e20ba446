"""Exporting a document as a workbook (导出Excel) that Excel and WPS open cleanly.

One sheet per project in the Ministry of Finance 项目支出绩效自评表 layout (merged headers,
borders, column widths, A4 fit to width, title rows repeated), preceded by a summary sheet (汇总)
of all projects and a sheet of every project's 项目单位自评基本情况表 (``xlsx_basic``). 执行率, the 预算执行率得分, totals and 等次 are formulas (by the profile's rounding
and grade names), so they follow when a user edits an amount; each formula is saved with its value
(``xlsx_common``). A provisional total (分值 not adding up to 100, ``domain.scoring``) gets no grade:
its 等次 is a plain “—”, with a line under the form saying why, as on the printed form. Indicator 得分 are values computed by this program (the rules for a 定性 or
时效 row are not spreadsheet arithmetic). Below each form, outside the print area,
the project's other fields (项目基本情况) are written by label so that the workbook imports back
whole; the workbook carries a custom property marking it as ours (its 得分 are computed, not the
unit's own: those go to the 原表得分 column).
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
import re

from ..domain.evaluation import profile_for
from ..domain.model import (CONCLUSION_SECTIONS, Document, FundKind, Project, ProjectKind,
                            Source, SpendingScheme, counted_lines, lines_total, source_label)
from ..domain.money import fen_to_wan
from ..domain.profiles import Profile
from ..domain.scoring import ProjectScore, score_project, shown_grade
from .deviation import deviation_text
from .spending import line_code
from .xlsx_basic import SHEET_NAME as BASIC_SHEET, basic_sheet
from .xlsx_common import (MONEY_FORMAT, WEIGHT_FORMAT, Sheet, cell_ranges, execution_formula,
                          fit_row_heights, grade_formula, money_cell, page_setup, provisional_note,
                          rate_formula, rate_value, styles, total_formula, unread_text,
                          write_workbook_atomically)

COLS = "ABCDEFGHIJ"
# about 100 character widths: A4 portrait at full size (10 pt), not shrunk to fit; 年初预算数 and
# 全年执行数 (C, E) wide enough for 123,456.789012 in MONEY_FORMAT, which shows #### where General
# would round
WIDTHS = {"A": 8, "B": 10, "C": 13, "D": 15, "E": 13, "F": 11, "G": 7, "H": 7, "I": 9, "J": 9,
          "K": 9, "L": 10, "M": 16, "N": 9}
EXTRA_HEADERS = ("达成情况", "调整后得分", "调整理由", "原表得分")
KIND_WORDS = {ProjectKind.PROJECT: "项目支出", ProjectKind.DEPARTMENT: "部门整体"}
SCHEME_WORDS = {SpendingScheme.ECONOMIC: "支出经济分类", SpendingScheme.RD2011: "科研经费11类",
                SpendingScheme.RD2021: "科研经费（2021年起）"}
FUND_ROWS = (("年度资金总额", None), ("其中：当年财政拨款", FundKind.CURRENT),
             ("上年结转资金", FundKind.CARRYOVER), ("其他资金", FundKind.OTHER))


class XlsxExportError(Exception):
    """An export that could not be written; the message is Chinese. OUT is left as it was."""


def _wan(fen: int | None) -> Decimal | None:
    return None if fen is None else fen_to_wan(fen)


def sheet_names(doc: Document) -> list[str]:
    """A valid, unique sheet name per project (Excel: ≤ 31 characters, no []:*?/\\)."""
    names, used = [], {"汇总", BASIC_SHEET}
    for i, project in enumerate(doc.projects, 1):
        base = re.sub(r"[\[\]:*?/\\：]", "", project.name).strip().strip("'")[:28] or f"项目{i}"
        if base.lower() == "history":  # a name Excel reserves
            base = f"{base}_{i}"
        name, n = base, 2
        while name in used:
            name = f"{base[:26]}({n})"
            n += 1
        used.add(name)
        names.append(name)
    return names


# ---------------------------------------------------------------- one project

def _project_sheet(sh: Sheet, doc: Document, project: Project, profile: Profile,
                   score: ProjectScore) -> dict[str, tuple[str, object]]:
    """Write the MoF form (the 部门整体 one for the department evaluation, as its PDF: 部门名称,
    部门预算资金 without 分值 and 得分); return the cells the summary refers to, with their values."""
    ws, style = sh.ws, sh.s
    department = project.kind is ProjectKind.DEPARTMENT
    year = f"（{doc.year}年度）" if doc.year else "（    年度）"
    title = "部门整体支出绩效自评表" if department else "项目支出绩效自评表"
    sh.merge("A1:J1", title)
    ws["A1"].font = style["title"]
    sh.merge("A2:J2", year)
    if department:
        top, amounts = _department_head(sh, doc, project, profile)
    else:
        top, amounts = _project_head(sh, project, profile, score)
    total_row = top + 1  # 年度资金总额
    # 年度总体目标 (two rows under the funds)
    goals = top + 5
    sh.merge(f"A{goals}:A{goals + 1}", "年度总体目标", bold=True)
    sh.merge(f"B{goals}:F{goals}", "预期目标", bold=True)
    sh.merge(f"G{goals}:J{goals}", "实际完成情况", bold=True)
    sh.merge(f"B{goals + 1}:F{goals + 1}", project.goal_expected, left=True)
    sh.merge(f"G{goals + 1}:J{goals + 1}", project.goal_actual, left=True)
    ws.row_dimensions[goals + 1].height = 45
    # 绩效指标 (a header row, then one row per indicator)
    header = goals + 2
    for col, label in zip("BCDEFGH", ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                                      "分值", "得分")):
        sh.put(f"{col}{header}", label, bold=True)
    sh.merge(f"I{header}:J{header}", "偏差原因分析及改进措施", bold=True)
    extras = _has_extras(project)
    if extras:
        for col, label in zip("KLMN", EXTRA_HEADERS):
            sh.put(f"{col}{header}", label, bold=True)
    first = header + 1
    for i, (ind, s) in enumerate(zip(project.indicators, score.indicators)):
        r = first + i
        for col, value in zip("BCDEF", (ind.level1, ind.level2, ind.name, ind.target, ind.actual)):
            sh.put(f"{col}{r}", value or None)
        sh.put(f"G{r}", ind.weight, fmt=WEIGHT_FORMAT)
        sh.put(f"H{r}", s.score, fmt="0.00")
        # as the PDF prints it: an accepted 调整后得分 with its reason (the K-N columns are
        # outside the print area)
        sh.merge(f"I{r}:J{r}", deviation_text(ind, s) or None, left=True)
        if extras:
            for col, value in zip("KLMN", (ind.achievement, ind.override, ind.override_reason or None,
                                           ind.stated_score)):
                sh.put(f"{col}{r}", value)
    last = first + len(project.indicators) - 1
    _merge_groups(sh, project, first)
    end = max(last, header)
    sh.merge(f"A{header}:A{end}", "绩效指标", bold=True)
    total = end + 1
    sh.merge(f"A{total}:F{total}", "总分", bold=True)
    has_rows = last >= first
    weights = [ind.weight for ind in project.indicators if ind.weight is not None]
    weight_sum = (0 if department else profile.execution_weight or 0) + sum(weights, Decimal(0))
    weight_cells = ([] if department else [f"N(F{total_row})"]) \
        + ([f"SUM(G{first}:G{last})"] if has_rows else [])
    sh.put(f"G{total}", "=" + "+".join(weight_cells) if weight_cells else None,
           fmt=WEIGHT_FORMAT, result=weight_sum)
    # no indicator rows: 未评分 as everywhere else, not a 总分 of the 执行率 alone graded 差
    # (seed 001's six projects without indicators were 10 / 差 in the workbook only)
    cells = ([] if department else [f"H{total_row}"]) + [f"H{first}:H{last}"] if has_rows else []
    # the saved results are the domain's; the formulas redo them when edited
    total_result = score.total if score.scored else ""
    sh.put(f"H{total}", total_formula(cells, profile) if cells else None, fmt="0.00",
           result=total_result)
    sh.merge(f"I{total}:J{total}", None)
    grade = total + 1
    sh.merge(f"A{grade}:F{grade}", "自评等次", bold=True)
    form_end = grade
    if score.scored and score.provisional:  # no grade for it, and a formula would give one
        grade_result = shown_grade(score)
        sh.merge(f"G{grade}:J{grade}", grade_result)
        form_end = grade + 1   # why, on a line of its own that prints with the form
        sh.merge(f"A{form_end}:J{form_end}", provisional_note(score.provisional_reason), left=True)
    else:  # a formula: the grade follows when amounts are edited in the workbook
        grade_result = score.grade
        sh.merge(f"G{grade}:J{grade}", grade_formula(f"H{total}", profile), result=grade_result)
    sh.borders(3, grade, len(COLS))
    # the 绩效指标 heading over each page it continues on (else a long project's second page has
    # rows of numbers under no heading); the form's title prints once, on its first page
    page_setup(ws, f"A1:J{form_end}", f"{header}:{header}")
    for col, width in WIDTHS.items():
        ws.column_dimensions[col].width = width
    name_cell, line_rows = _basic_block(sh, doc, project, form_end + 3)
    fit_row_heights(ws, sh.values)
    return {"name": (name_cell, project.name), "budget": (f"D{total_row}", amounts[1]),
            "executed": (f"E{total_row}", amounts[2]), "score": (f"H{total}", total_result),
            "grade": (f"G{grade}", grade_result),
            "special_planned": _special(project, line_rows, "F", "special_planned"),
            "special_actual": _special(project, line_rows, "G", "special_actual"),
            "provisional": score.scored and score.provisional, "profile": profile}


def _special(project: Project, rows: list[int], col: str, attr: str) -> tuple[list[str], object]:
    """(the cells of the 其中专项 that add into the 支出合计 — ``counted_lines``: a 30211 under a
    filled 302 is not added twice — as ranges of ``col`` below the form; their total in 万元,
    "" when none is filled) for the 汇总 sheet."""
    lines = project.budget_lines
    ranges = cell_ranges(col, [rows[i] for i, _ in counted_lines(lines, attr)])
    total = lines_total(lines, attr)
    return ranges, "" if total is None else fen_to_wan(total)


def _project_head(sh: Sheet, project: Project, profile: Profile,
                  score: ProjectScore) -> tuple[int, list]:
    """项目名称, 主管部门, 实施单位 and 项目资金（万元）with 分值, 执行率 and the 预算执行率得分 (a
    formula saved with the domain's score); returns (the funds' header row, the 年度资金总额
    amounts)."""
    sh.put("A3", "项目名称", bold=True)
    sh.merge("B3:J3", project.name, left=True)
    sh.put("A4", "主管部门", bold=True)
    sh.merge("B4:E4", project.supervisor, left=True)
    sh.put("F4", "实施单位", bold=True)
    sh.merge("G4:J4", project.implementer, left=True)
    top = 5
    sh.merge(f"A{top}:A{top + 4}", "项目资金（万元）", bold=True)
    for col, label in zip("CDEFG", ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率")):
        sh.put(f"{col}{top}", label, bold=True)
    sh.merge(f"H{top}:J{top}", "得分", bold=True)
    total_amounts = [None, None, None]
    for i, (label, kind, amounts) in enumerate(_fund_amounts(project)):
        r = top + 1 + i
        sh.put(f"B{r}", label, bold=(kind is None))
        for col, value in zip("CDE", amounts):
            sh.put(f"{col}{r}", value, fmt=MONEY_FORMAT)
        sh.put(f"G{r}", rate_formula(f"D{r}", f"E{r}", profile), fmt="0.00%",
               result=rate_value(amounts[1], amounts[2], profile))
        if kind is None:
            total_amounts = amounts
            weight = profile.execution_weight
            sh.put(f"F{r}", weight if weight else None, fmt=WEIGHT_FORMAT)
            if weight:
                execution = score.execution.score
                sh.merge(f"H{r}:J{r}", execution_formula(f"F{r}", f"D{r}", f"E{r}", profile),
                         fmt="0.00", result="" if execution is None else execution)
            else:
                sh.merge(f"H{r}:J{r}", None)
        else:
            sh.put(f"F{r}", "—")
            sh.merge(f"H{r}:J{r}", "—")
    return top, total_amounts


def _department_head(sh: Sheet, doc: Document, project: Project,
                     profile: Profile) -> tuple[int, list]:
    """部门名称 and 主管部门, and 部门预算资金（万元）with 执行率 only, as ``form_department``
    prints them (the department profile has no separate execution score); returns as
    :func:`_project_head`. 项目名称 and 实施单位 are kept below the form for the import."""
    sh.put("A3", "部门名称", bold=True)
    sh.merge("B3:E3", project.implementer or doc.unit.name, left=True)
    sh.put("F3", "主管部门", bold=True)
    sh.merge("G3:J3", project.supervisor, left=True)
    top = 4
    sh.merge(f"A{top}:A{top + 4}", "部门预算资金（万元）", bold=True)
    for col, label in zip("CDE", ("年初预算数", "全年预算数", "全年执行数")):
        sh.put(f"{col}{top}", label, bold=True)
    sh.merge(f"F{top}:J{top}", "执行率", bold=True)
    total_amounts = [None, None, None]
    for i, (label, kind, amounts) in enumerate(_fund_amounts(project)):
        r = top + 1 + i
        sh.put(f"B{r}", label, bold=(kind is None))
        for col, value in zip("CDE", amounts):
            sh.put(f"{col}{r}", value, fmt=MONEY_FORMAT)
        if kind is None:
            total_amounts = amounts
        sh.merge(f"F{r}:J{r}", rate_formula(f"D{r}", f"E{r}", profile), fmt="0.00%",  # as the PDF
                 result=rate_value(amounts[1], amounts[2], profile))
    return top, total_amounts


def _fund_amounts(project: Project) -> list[tuple[str, FundKind | None, list]]:
    """(label, kind, [年初预算数, 全年预算数, 全年执行数]) of 年度资金总额 and each 其中 row;
    text that could not be read as an amount is shown as typed."""
    funding, out = project.funding, []
    for label, kind in FUND_ROWS:
        if kind is None:
            amounts = [money_cell(project, getattr(funding, attr), "funding", "", attr)
                       for attr in ("initial_budget", "annual_budget", "executed")]
        else:
            k = funding.by_kind[kind]
            amounts = [money_cell(project, getattr(k, attr), "fund_kind", kind.value, attr)
                       for attr in ("initial", "annual", "executed")]
        out.append((label, kind, amounts))
    return out


def _stated(project: Project, attr: str):
    """A score the unit stated (原表…得分), or its text as typed when it could not be read: an
    exported workbook imports back with the text kept, not dropped."""
    value = getattr(project, attr)
    return value if value is not None else unread_text(project, "project", "", attr)


def _has_extras(project: Project) -> bool:
    return any(ind.achievement or ind.override is not None or ind.override_reason
               or ind.stated_score is not None for ind in project.indicators)


def _merge_groups(sh: Sheet, project: Project, first: int) -> None:
    """Merge runs of the same 一级 (column B) and, within them, the same 二级 (column C);
    the value stays in the top cell of each run, as in the printed form."""
    inds = project.indicators
    keys = (("B", lambda i: (inds[i].level1,)),
            ("C", lambda i: (inds[i].level1, inds[i].level2)))
    for col, key in keys:
        start = 0
        for i in range(1, len(inds) + 1):
            if i == len(inds) or key(i) != key(start) or not key(start)[-1]:
                if i - start > 1 and key(start)[-1]:
                    sh.merge_range(f"{col}{first + start}:{col}{first + i - 1}")
                start = i


def _basic_block(sh: Sheet, doc: Document, project: Project, r: int) -> tuple[str, list[int]]:
    """项目基本情况 below the form (not printed), by label, for a whole re-import; returns the
    cell holding the 项目名称 (the form's own, or for a 部门整体 sheet, whose form names the
    部门, the one written here) and the row of each budget line. Its amounts stay in General:
    the 其中专项 sit in the form's narrow 分值/执行率 columns, where a fixed format would show a
    large one as ####."""
    f = project.funding
    sh.merge(f"A{r}:J{r}", "附：项目基本情况（导出时附在表后，不在打印范围内；重新导入时读取）",
             bold=True, left=True)
    name_cell = "B3"
    fields = []
    if project.kind is ProjectKind.DEPARTMENT:
        name_cell = f"C{r + 1}"
        fields += [("项目名称", project.name), ("实施单位", project.implementer)]
    fields += [("项目类型", KIND_WORDS[project.kind]), ("项目负责人", project.leader),
              ("联系电话", project.phone), ("地址", project.address), ("邮编", project.postcode),
              ("起始年月", project.start), ("终止年月", project.end),
              ("立项背景", project.background), ("实施情况", project.implementation),
              ("支出分类方式", SCHEME_WORDS[project.spending_scheme]),
              ("计划安排资金合计（万元）", money_cell(project, f.planned_total, "funding", "",
                                          "planned_total")),
              ("实际到位资金合计（万元）", money_cell(project, f.arrived_total, "funding", "",
                                          "arrived_total")),
              ("实际支出（万元）", money_cell(project, f.spent_total, "funding", "", "spent_total")),
              ("项目单位（评价机构）意见", project.unit_opinion),
              ("主管部门审核意见", project.supervisor_opinion)]
    fields += [(title, project.conclusions.get(key, ""))
               for key, title in CONCLUSION_SECTIONS.items()]
    fields += [("原表综合得分", _stated(project, "stated_total")),
               ("原表自评等次", project.stated_grade),
               ("原表预算执行率得分", _stated(project, "stated_execution_score"))]
    for label, value in fields:
        r += 1
        sh.merge(f"A{r}:B{r}", label, bold=True)
        sh.merge(f"C{r}:J{r}", value if value not in ("",) else None, left=True)
    r += 2
    sh.merge(f"A{r}:B{r}", "资金来源", bold=True)
    sh.merge(f"C{r}:D{r}", "计划安排资金（万元）", bold=True)
    sh.merge(f"E{r}:F{r}", "实际到位资金（万元）", bold=True)
    for source in Source:
        r += 1
        amount = f.by_source[source]
        sh.merge(f"A{r}:B{r}", source_label(source, doc.unit.region_word))
        sh.merge(f"C{r}:D{r}", money_cell(project, amount.planned, "source", source.value, "planned"))
        sh.merge(f"E{r}:F{r}", money_cell(project, amount.arrived, "source", source.value, "arrived"))
    line_rows: list[int] = []
    if project.budget_lines:
        r += 2
        for col, label in zip("ABDEFG", ("编码", "名称", "计划支出数（万元）", "实际支出数（万元）",
                                         "其中专项（计划）", "其中专项（实际）")):
            sh.put(f"{col}{r}", label, bold=True)
        for line in project.budget_lines:
            r += 1
            line_rows.append(r)
            sh.put(f"A{r}", line_code(line) or None)
            sh.put(f"B{r}", line.name or None)
            for col, fen in zip("DEFG", (line.planned, line.actual, line.special_planned,
                                         line.special_actual)):
                sh.put(f"{col}{r}", _wan(fen))
    if project.evaluators:
        r += 2
        for col, label in zip("ABC", ("姓名", "职称/职务", "单位")):
            sh.put(f"{col}{r}", label, bold=True)
        for ev in project.evaluators:
            r += 1
            sh.put(f"A{r}", ev.name or None)
            sh.put(f"B{r}", ev.title or None)
            sh.merge(f"C{r}:F{r}", ev.org or None, left=True)
    return name_cell, line_rows


# ---------------------------------------------------------------- the workbook

def build_workbook(doc: Document, progress=None):
    """(the openpyxl Workbook of ``doc``: summary first, then one sheet per project;
    the value of each of its formulas, by sheet and cell). ``progress(done, total)`` is told
    after each project's sheet (the total counts one more step: the writing)."""
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty
    from .xlsx_import import APP_MARKER
    from .xlsx_summary import summary_sheet
    style = styles()
    wb = Workbook()
    summary = Sheet(wb.active, style)
    summary.ws.title = "汇总"
    names = sheet_names(doc)
    refs, values, scores, cut = [], {}, [], []
    for project, name in zip(doc.projects, names):
        profile = profile_for(doc, project)
        score = score_project(project, profile, doc.year)
        sheet = Sheet(wb.create_sheet(name), style)
        refs.append(_project_sheet(sheet, doc, project, profile, score))
        values[name] = sheet.values
        scores.append(score)
        cut += [f"“{project.name.strip() or name}”（{name}!{ref}）" for ref in sheet.cut]
        if progress is not None:
            progress(len(scores), len(doc.projects) + 1)
    summary_sheet(summary, doc, names, refs)
    values["汇总"] = summary.values
    basic = Sheet(wb.create_sheet(BASIC_SHEET), style)   # last: every project's form to print
    if basic_sheet(basic, doc, names, refs, scores):
        values[BASIC_SHEET] = basic.values
    else:
        wb.remove(basic.ws)
    wb.cut_cells = cut
    wb.custom_doc_props.append(StringProperty(name=APP_MARKER[0], value=APP_MARKER[1]))
    wb.properties.creator = "绩效自评助手"
    wb.properties.title = "项目支出绩效自评表"
    return wb, values


def export_workbook(doc: Document, out: str | Path, progress=None) -> list[str]:
    """Write ``doc`` to ``out`` through a temporary file: ``out`` is complete or unchanged.
    Every formula is saved with its value (see ``xlsx_common``). Returns warnings to show (a
    text too long for a cell, cut)."""
    wb, values = build_workbook(doc, progress)
    write_workbook_atomically(wb, Path(out), values, XlsxExportError)
    return cut_warnings(wb.cut_cells)


def cut_warnings(cells: list[str]) -> list[str]:
    """What the export says of texts too long for an Excel cell (cut, the rest not exported)."""
    if not cells:
        return []
    shown = "、".join(cells[:3]) + (f" 等 {len(cells)} 处" if len(cells) > 3 else "")
    return [f"{shown}的文字超过 Excel 单元格的长度上限（32767 字），已截断，后面的内容没有导出到"
            f"工作簿（自评文件中完整保存，打印的 PDF 也完整）"]
