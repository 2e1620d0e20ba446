"""Exporting a document as a workbook (导出Excel) that Excel and WPS open cleanly.

One sheet per project in the Ministry of Finance 项目支出绩效自评表 layout (merged headers,
borders, column widths, A4 fit to width, title rows repeated), preceded by a summary sheet (汇总)
of all projects. Totals are formulas (SUM of 分值 and 得分, 执行率 = 执行数 / 预算数, 等次 from the
total), so they stay right when a user edits a figure. Below each form, outside the print area,
the project's other fields (项目基本情况) are written by label so that the workbook imports back
whole; the workbook carries a custom property marking it as ours (its 得分 are computed, not the
unit's own: those go to the 原表得分 column).
"""
from __future__ import annotations

from decimal import Decimal
import os
from pathlib import Path
import re

from ..domain.evaluation import profile_for
from ..domain.model import (CONCLUSION_SECTIONS, Document, FundKind, Project, ProjectKind,
                            Source, SpendingScheme, source_label)
from ..domain.money import fen_to_wan
from ..domain.profiles import Profile, load_profile
from ..domain.scoring import ProjectScore, score_project

COLS = "ABCDEFGHIJ"
WIDTHS = {"A": 11, "B": 14, "C": 14, "D": 24, "E": 14, "F": 14, "G": 9, "H": 9, "I": 14, "J": 14}
EXTRA_HEADERS = ("达成情况", "调整后得分", "调整理由", "原表得分")
KIND_WORDS = {ProjectKind.PROJECT: "项目支出", ProjectKind.DEPARTMENT: "部门整体"}
SCHEME_WORDS = {SpendingScheme.ECONOMIC: "支出经济分类", SpendingScheme.RD2011: "科研经费11类",
                SpendingScheme.RD2021: "科研经费（2021年起）"}
FUND_ROWS = (("年度资金总额", None), ("其中：当年财政拨款", FundKind.CURRENT),
             ("上年结转资金", FundKind.CARRYOVER), ("其他资金", FundKind.OTHER))


class XlsxExportError(Exception):
    """An export that could not be written; the message is Chinese. OUT is left as it was."""


def _styles():
    from openpyxl.styles import Alignment, Border, Font, Side
    thin = Side(style="thin", color="000000")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "wrap": Alignment(wrap_text=True, vertical="center", horizontal="center"),
        "left": Alignment(wrap_text=True, vertical="center", horizontal="left"),
        "font": Font(name="宋体", size=10),
        "bold": Font(name="宋体", size=10, bold=True),
        "title": Font(name="宋体", size=16, bold=True),
    }


def _wan(fen: int | None) -> Decimal | None:
    return None if fen is None else fen_to_wan(fen)


ENTITY_ALIASES = {"kind": "fund_kind", "by_kind": "fund_kind", "by_source": "source",
                  "funding_source": "source"}


def _unread(project: Project, entity: str, row_key: str, attr: str) -> str | None:
    """Text typed into a money field that could not be read (``Project.unread``), so the
    workbook shows it as typed instead of an empty cell."""
    for key, text in project.unread.items():
        parts = re.split(r"[.:/]", key)
        if len(parts) == 1:
            parts = ["funding", "", parts[0]]
        if len(parts) == 3 and (ENTITY_ALIASES.get(parts[0], parts[0]), parts[1], parts[2]) == (
                entity, row_key, attr):
            return text
    return None


def _money(project: Project, fen: int | None, entity: str, row_key: str, attr: str):
    if fen is not None:
        return fen_to_wan(fen)
    return _unread(project, entity, row_key, attr)


def sheet_names(doc: Document) -> list[str]:
    """A valid, unique sheet name per project (Excel: ≤ 31 characters, no []:*?/\\)."""
    names, used = [], {"汇总"}
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


def _grade_formula(cell: str, profile: Profile) -> str:
    bands = list(profile.grades)
    formula = f'"{bands[-1][0]}"'
    for name, floor in reversed(bands[:-1]):
        formula = f'IF({cell}>={floor},"{name}",{formula})'
    return f"={formula}"


class _Sheet:
    """Writing helpers over one worksheet (merges, borders, styles)."""

    def __init__(self, ws, styles):
        self.ws, self.s = ws, styles

    def put(self, ref: str, value, bold=False, left=False, fmt=None):
        cell = self.ws[ref]
        cell.value = value
        cell.font = self.s["bold"] if bold else self.s["font"]
        cell.alignment = self.s["left"] if left else self.s["wrap"]
        if fmt:
            cell.number_format = fmt
        return cell

    def merge(self, ref: str, value=None, **kw):
        first = ref.split(":")[0]
        self.put(first, value, **kw)
        if ":" in ref and ref.split(":")[0] != ref.split(":")[1]:
            self.ws.merge_cells(ref)

    def borders(self, first_row: int, last_row: int, cols: str = COLS):
        for row in self.ws.iter_rows(min_row=first_row, max_row=last_row,
                                     min_col=1, max_col=len(cols)):
            for cell in row:
                cell.border = self.s["border"]


# ---------------------------------------------------------------- one project

def _project_sheet(ws, doc: Document, project: Project, profile: Profile, score: ProjectScore,
                   styles) -> dict[str, str]:
    """Write the MoF form; return the cells the summary refers to."""
    sh = _Sheet(ws, styles)
    year = f"（{doc.year}年度）" if doc.year else "（    年度）"
    title = "部门整体支出绩效自评表" if project.kind is ProjectKind.DEPARTMENT else "项目支出绩效自评表"
    sh.merge("A1:J1", title)
    ws["A1"].font = styles["title"]
    sh.merge("A2:J2", year)
    sh.put("A3", "项目名称", bold=True)
    sh.merge("B3:J3", project.name, left=True)
    sh.put("A4", "主管部门", bold=True)
    sh.merge("B4:E4", project.supervisor, left=True)
    sh.put("F4", "实施单位", bold=True)
    sh.merge("G4:J4", project.implementer, left=True)
    # 项目资金 (rows 5-9)
    sh.merge("A5:A9", "项目资金（万元）", bold=True)
    for col, label in zip("CDEFGH", ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")):
        sh.put(f"{col}5", label, bold=True)
    sh.merge("H5:J5", "得分", bold=True)
    funding = project.funding
    for i, (label, kind) in enumerate(FUND_ROWS):
        r = 6 + i
        sh.put(f"B{r}", label, bold=(kind is None))
        if kind is None:
            amounts = [_money(project, getattr(funding, attr), "funding", "", attr)
                       for attr in ("initial_budget", "annual_budget", "executed")]
        else:
            k = funding.by_kind[kind]
            amounts = [_money(project, getattr(k, attr), "fund_kind", kind.value, attr)
                       for attr in ("initial", "annual", "executed")]
        for col, value in zip("CDE", amounts):
            sh.put(f"{col}{r}", value)
        sh.put(f"G{r}", f'=IF(N(D{r})=0,"",E{r}/D{r})', fmt="0.00%")
        if kind is None:
            sh.put(f"F{r}", score.execution.weight if score.execution.weight else None)
            sh.merge(f"H{r}:J{r}", score.execution.score, fmt="0.00")
        else:
            sh.put(f"F{r}", "—")
            sh.merge(f"H{r}:J{r}", "—")
    # 年度总体目标 (rows 10-11)
    sh.merge("A10:A11", "年度总体目标", bold=True)
    sh.merge("B10:F10", "预期目标", bold=True)
    sh.merge("G10:J10", "实际完成情况", bold=True)
    sh.merge("B11:F11", project.goal_expected, left=True)
    sh.merge("G11:J11", project.goal_actual, left=True)
    ws.row_dimensions[11].height = max(45, 15 * (1 + max(len(project.goal_expected),
                                                         len(project.goal_actual)) // 40))
    # 绩效指标 (row 12 header, then one row per indicator)
    header = 12
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
        sh.put(f"G{r}", ind.weight)
        sh.put(f"H{r}", s.score, fmt="0.00")
        sh.merge(f"I{r}:J{r}", ind.deviation or None, left=True)
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
    weights = f"+SUM(G{first}:G{last})" if has_rows else ""
    scores = f"+SUM(H{first}:H{last})" if has_rows else ""
    sh.put(f"G{total}", f"=N(F6){weights}")
    sh.put(f"H{total}", f"=ROUND(N(H6){scores},{profile.decimals})", fmt="0.00")
    sh.merge(f"I{total}:J{total}", None)
    grade = total + 1
    sh.merge(f"A{grade}:F{grade}", "自评等次", bold=True)
    sh.merge(f"G{grade}:J{grade}", _grade_formula(f"H{total}", profile))
    sh.borders(3, grade)
    _page_setup(ws, f"A1:J{grade}", "1:2")
    for col, width in WIDTHS.items():
        ws.column_dimensions[col].width = width
    _basic_block(_Sheet(ws, styles), doc, project, grade + 3)
    return {"name": "B3", "budget": "D6", "executed": "E6", "score": f"H{total}",
            "grade": f"G{grade}"}


def _has_extras(project: Project) -> bool:
    return any(ind.achievement or ind.override is not None or ind.override_reason
               or ind.stated_score is not None for ind in project.indicators)


def _merge_groups(sh: _Sheet, project: Project, first: int) -> None:
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
                    sh.ws.merge_cells(f"{col}{first + start}:{col}{first + i - 1}")
                start = i


def _page_setup(ws, area: str, titles: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = titles
    ws.print_area = area
    ws.page_margins.left = ws.page_margins.right = 0.5


def _basic_block(sh: _Sheet, doc: Document, project: Project, r: int) -> None:
    """项目基本情况 below the form (not printed), by label, for a whole re-import."""
    f = project.funding
    sh.merge(f"A{r}:J{r}", "附：项目基本情况（导出时附在表后，不在打印范围内；重新导入时读取）",
             bold=True, left=True)
    fields = [("项目类型", KIND_WORDS[project.kind]), ("项目负责人", project.leader),
              ("联系电话", project.phone), ("地址", project.address), ("邮编", project.postcode),
              ("起始年月", project.start), ("终止年月", project.end),
              ("立项背景", project.background), ("实施情况", project.implementation),
              ("支出分类方式", SCHEME_WORDS[project.spending_scheme]),
              ("计划安排资金合计（万元）", _money(project, f.planned_total, "funding", "",
                                          "planned_total")),
              ("实际到位资金合计（万元）", _money(project, f.arrived_total, "funding", "",
                                          "arrived_total")),
              ("实际支出（万元）", _money(project, f.spent_total, "funding", "", "spent_total")),
              ("项目单位（评价机构）意见", project.unit_opinion),
              ("主管部门审核意见", project.supervisor_opinion)]
    fields += [(title, project.conclusions.get(key, ""))
               for key, title in CONCLUSION_SECTIONS.items()]
    fields += [("原表综合得分", project.stated_total), ("原表自评等次", project.stated_grade),
               ("原表预算执行率得分", project.stated_execution_score)]
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
        sh.merge(f"C{r}:D{r}", _money(project, amount.planned, "source", source.value, "planned"))
        sh.merge(f"E{r}:F{r}", _money(project, amount.arrived, "source", source.value, "arrived"))
    if project.budget_lines:
        r += 2
        for col, label in zip("ABDEFG", ("编码", "名称", "计划支出数（万元）", "实际支出数（万元）",
                                         "其中专项（计划）", "其中专项（实际）")):
            sh.put(f"{col}{r}", label, bold=True)
        for line in project.budget_lines:
            r += 1
            sh.put(f"A{r}", line.code or None)
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


# ---------------------------------------------------------------- the summary

def _summary_sheet(ws, doc: Document, names: list[str], refs: list[dict[str, str]], styles) -> None:
    sh = _Sheet(ws, styles)
    year = f"{doc.year}年度" if doc.year else ""
    sh.merge("A1:G1", f"{year}项目支出绩效自评汇总表")
    ws["A1"].font = styles["title"]
    sh.put("A2", "单位名称", bold=True)
    sh.merge("B2:G2", doc.unit.name or None, left=True)
    header = 3
    for col, label in zip("ABCDEFG", ("序号", "项目名称", "全年预算数（万元）", "全年执行数（万元）",
                                      "执行率", "得分", "等次")):
        sh.put(f"{col}{header}", label, bold=True)
    r = header
    for i, (name, ref) in enumerate(zip(names, refs), 1):
        r += 1
        q = "'" + name.replace("'", "''") + "'!"
        sh.put(f"A{r}", i)
        sh.put(f"B{r}", f"={q}{ref['name']}", left=True)
        sh.put(f"C{r}", f"={q}{ref['budget']}")
        sh.put(f"D{r}", f"={q}{ref['executed']}")
        sh.put(f"E{r}", f'=IF(N(C{r})=0,"",D{r}/C{r})', fmt="0.00%")
        sh.put(f"F{r}", f"={q}{ref['score']}", fmt="0.00")
        sh.put(f"G{r}", f"={q}{ref['grade']}")
    total = r + 1
    sh.merge(f"A{total}:B{total}", "合计", bold=True)
    first = header + 1
    if total > first:
        sh.put(f"C{total}", f"=SUM(C{first}:C{r})")
        sh.put(f"D{total}", f"=SUM(D{first}:D{r})")
    sh.put(f"E{total}", f'=IF(N(C{total})=0,"",D{total}/C{total})', fmt="0.00%")
    sh.put(f"F{total}", None)
    sh.put(f"G{total}", None)
    sh.borders(header, total, "ABCDEFG")
    _page_setup(ws, f"A1:G{total}", f"1:{header}")
    for col, width in zip("ABCDEFG", (6, 36, 14, 14, 10, 9, 8)):
        ws.column_dimensions[col].width = width
    r = total + 3
    profile = load_profile(doc.profile_id)
    department = load_profile(doc.department_profile_id)
    u = doc.unit
    for label, value in (("单位主管部门", u.supervisor), ("单位地址", u.address),
                         ("单位邮编", u.postcode), ("单位电话", u.phone),
                         ("省级财政写作", u.region_word),
                         ("评分规则", f"{profile.name}（{profile.id}）"),
                         ("部门整体评分规则", f"{department.name}（{department.id}）")):
        sh.put(f"A{r}", label, bold=True)
        ws.merge_cells(f"A{r}:B{r}")
        sh.merge(f"C{r}:G{r}", value or None, left=True)
        r += 1


# ---------------------------------------------------------------- the workbook

def build_workbook(doc: Document):
    """The openpyxl Workbook of ``doc`` (summary first, then one sheet per project)."""
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty
    from .xlsx_import import APP_MARKER
    styles = _styles()
    wb = Workbook()
    summary = wb.active
    summary.title = "汇总"
    names = sheet_names(doc)
    refs = []
    for project, name in zip(doc.projects, names):
        profile = profile_for(doc, project)
        score = score_project(project, profile)
        refs.append(_project_sheet(wb.create_sheet(name), doc, project, profile, score, styles))
    _summary_sheet(summary, doc, names, refs, styles)
    wb.custom_doc_props.append(StringProperty(name=APP_MARKER[0], value=APP_MARKER[1]))
    wb.properties.creator = "绩效自评助手"
    wb.properties.title = "项目支出绩效自评表"
    return wb


def export_workbook(doc: Document, out: str | Path) -> None:
    """Write ``doc`` to ``out`` through a temporary file: ``out`` is complete or unchanged."""
    out = Path(out)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    try:
        build_workbook(doc).save(tmp)
        os.replace(tmp, out)
    except PermissionError:
        raise XlsxExportError(f"无法写入“{out.name}”：文件可能正在 Excel 或 WPS 中打开，"
                              f"请关闭后重试") from None
    except OSError as exc:
        raise XlsxExportError(f"无法写入“{out.name}”：{exc.strerror or exc}") from None
    finally:
        if tmp.exists():
            tmp.unlink()
