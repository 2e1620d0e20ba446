"""Export: the MoF 自评表 per project and a summary, read back by us and by LibreOffice."""
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.evaluation import profile_for
from selfeval_desktop.domain.model import Document, Project, Source
from selfeval_desktop.domain.scoring import score_project, shown_grade
from selfeval_desktop.reports.xlsx_export import export_workbook, sheet_names
from selfeval_desktop.reports.xlsx_import import import_workbook

from .export_documents import WAN, differences, rich_document
from .spreadsheet import recalculated, soffice

@pytest.mark.parametrize("make", [lambda: build_demo("004"), lambda: build_demo("003"),
                                  lambda: build_demo("002"), rich_document],
                         ids=["demo004", "demo003", "demo002", "rich"])
def test_round_trip_gives_the_same_document(tmp_path, make):
    doc = make()
    out = tmp_path / "out.xlsx"
    export_workbook(doc, out)
    result = import_workbook(out)
    assert differences(doc, result.document) == []


def test_the_differences_the_comparison_sees(tmp_path):
    """The comparison above is not blind: a changed field is reported."""
    doc, other = rich_document(), rich_document()
    other.projects[0].indicators[2].override_reason = "另一理由"
    other.projects[0].funding.by_source[Source.LOCAL].planned = None
    assert len(differences(doc, other)) == 2


def test_layout_merges_borders_print_setup_and_formulas(tmp_path):
    doc = rich_document()
    out = tmp_path / "out.xlsx"
    export_workbook(doc, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["汇总", *sheet_names(doc), "基本情况表"]
    assert wb.sheetnames[2] == "科普示范基地 建设"  # Excel refuses []/: in sheet names
    ws = wb[wb.sheetnames[1]]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:J1", "A5:A9", "B3:J3", "B13:B14", "C13:C14"} <= merged  # 产出指标 / 数量指标 runs
    assert ws["A1"].value == "项目支出绩效自评表" and ws["A2"].value == "（2020年度）"
    assert ws["B13"].value == "产出指标" and ws["B14"].value is None
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$12:$12"     # the 绩效指标 heading
    assert ws["B12"].value == "一级指标"
    assert ws["D13"].border.left.style == "thin"
    assert ws.column_dimensions["D"].width > ws.column_dimensions["G"].width
    total = next(r for r in range(1, 40) if ws.cell(r, 1).value == "总分")
    # the document's profile truncates (mof2020_truncate): ROUNDDOWN, not ROUND
    assert "ROUNDDOWN(" in ws.cell(total, 8).value and "H13:H16" in ws.cell(total, 8).value
    assert ws["G6"].value.startswith("=") and "E6/D6" in ws["G6"].value
    assert ws["H6"].value.startswith("=") and "MIN(E6/D6,1)" in ws["H6"].value
    assert ws["C6"].value == "约4万"  # unreadable text is shown as typed, not dropped
    summary = wb["汇总"]
    assert "SUM(C4:C5)" in summary["C6"].value


def _soffice():
    return soffice()


def _recalculated(path: Path, tmp_path: Path) -> openpyxl.Workbook:
    """The workbook as LibreOffice computes it from its formulas."""
    return recalculated(path, tmp_path)


@pytest.mark.skipif(not _soffice(), reason="LibreOffice (soffice) is not installed; CI installs it")
def test_libreoffice_shows_the_right_totals_scores_and_grades(tmp_path):
    doc = build_demo("004")
    doc.projects = doc.projects[:6] + [rich_document().projects[0]]
    out = tmp_path / "demo.xlsx"
    export_workbook(doc, out)
    wb = _recalculated(out, tmp_path)
    summary = wb["汇总"]
    names = sheet_names(doc)
    budget = executed = Decimal(0)
    for i, (project, name) in enumerate(zip(doc.projects, names)):
        profile = profile_for(doc, project)
        score = score_project(project, profile)
        ws = wb[name]
        total = next(r for r in range(1, 200) if ws.cell(r, 1).value == "总分")
        assert Decimal(str(ws.cell(total, 8).value)).quantize(Decimal("0.01")) == score.total, name
        assert ws.cell(total + 1, 7).value == shown_grade(score)  # “—” when provisional
        if score.execution.rate is not None:
            assert abs(Decimal(str(ws["G6"].value)) - score.execution.rate) < Decimal("1e-9")
        row = 4 + i
        assert summary.cell(row, 2).value == project.name
        assert Decimal(str(summary.cell(row, 8).value)).quantize(Decimal("0.01")) == score.total
        assert summary.cell(row, 9).value == shown_grade(score)
        budget += Decimal(project.funding.annual_budget or 0) / WAN
        executed += Decimal(project.funding.executed or 0) / WAN
    total_row = 4 + len(doc.projects)
    assert summary.cell(total_row, 1).value == "合计"
    assert Decimal(str(summary.cell(total_row, 3).value)).quantize(Decimal("0.0001")) == budget
    assert Decimal(str(summary.cell(total_row, 5).value)).quantize(Decimal("0.0001")) == executed
    rate = Decimal(str(summary.cell(total_row, 7).value))
    assert abs(rate - executed / budget) < Decimal("1e-9")


def test_sheet_names_are_valid_and_unique_for_excel():
    doc = Document(projects=[Project(name="History"), Project(name="  "),
                             Project(name="很长的项目名称" * 6), Project(name="很长的项目名称" * 6),
                             Project(name="'引号'")])
    names = sheet_names(doc)
    assert len(set(names)) == len(names) and "汇总" not in names
    assert all(0 < len(n) <= 31 and n.lower() != "history" for n in names)
    assert names[1] == "项目2" and not names[4].startswith("'")


def test_the_workbooks_own_summary_sheet_is_skipped_not_counted_as_unread(tmp_path):
    """Re-importing the app's own workbook said “1 处未读入” for its 汇总 sheet, sending the clerk
    to look for something missing; the 汇总 holds nothing of a single project."""
    from selfeval_desktop.ui.import_report_dialog import summary_line
    out = tmp_path / "out.xlsx"
    export_workbook(build_demo("003"), out)
    report = import_workbook(out).report
    assert any(s.sheet == "汇总" for s in report.sheets)
    assert report.missed == 0
    assert summary_line(report, []) == "1 个项目读入，0 处未读入，0 条复核意见"
    assert "【汇总】已跳过：这是汇总表" in report.text() and "未导入" not in report.text()


def test_a_text_too_long_for_a_cell_is_cut_within_excels_limit_and_said(tmp_path):
    """Openpyxl cut a 100,003-character text to 32,767 characters without a word
    — and with 𠮷 or emoji (two UTF-16 units each) that is still over Excel's limit."""
    from selfeval_desktop.reports.xlsx_common import CELL_LIMIT, CUT_MARK
    doc = build_demo("003")
    doc.projects[0].goal_actual = "完成情况𠮷😀" * 20_000
    out = tmp_path / "long.xlsx"
    warnings = export_workbook(doc, out)
    assert len(warnings) == 1 and "学术交流活动经费" in warnings[0] and "32767" in warnings[0]
    wb = openpyxl.load_workbook(out)
    long = [c.value for ws in wb for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.endswith(CUT_MARK)]
    assert long and all(len(v.encode("utf-16-le")) // 2 <= CELL_LIMIT for v in long)
    assert all(v.startswith("完成情况𠮷😀完成情况") for v in long)       # whole characters kept
    assert export_workbook(build_demo("003"), tmp_path / "short.xlsx") == []


def test_the_quick_merges_and_styles_write_what_openpyxl_s_own_calls_write(tmp_path):
    """Sheet.merge_range / Sheet.style skip openpyxl's per-call scans (a 50-project export took
    4 s): the cells, merges, borders and fonts must come out as openpyxl's own
    merge_cells and style assignments make them, in either order (borders first or last) and
    for an overlapping merge."""
    from openpyxl import Workbook
    from selfeval_desktop.reports.xlsx_common import Sheet, styles

    def build(quick: bool):
        wb = Workbook()
        sheet = Sheet(wb.active, styles())
        ws = sheet.ws
        for i, ref in enumerate(("A1:C1", "A3:A5", "B3:D4", "A2:A3")):   # the last overlaps
            ws[ref.split(":")[0]] = f"第{i}格"
            if quick:
                sheet.style(ws[ref.split(":")[0]], "font", sheet.s["bold"])
                sheet.merge_range(ref)
            else:
                ws[ref.split(":")[0]].font = sheet.s["bold"]
                ws.merge_cells(ref)
            if i == 1:                       # borders between merges: carried to the edges
                for row in ws.iter_rows(min_row=1, max_row=6, max_col=5):
                    for cell in row:
                        if quick:
                            sheet.style(cell, "border", sheet.s["border"])
                        else:
                            cell.border = sheet.s["border"]
        path = tmp_path / f"{quick}.xlsx"
        wb.save(path)
        return path

    import zipfile
    quick, plain = (zipfile.ZipFile(build(q)) for q in (True, False))
    for name in ("xl/worksheets/sheet1.xml", "xl/styles.xml"):
        assert quick.read(name) == plain.read(name), name
