"""The workbook's 基本情况表 sheet: every project's 项目单位自评基本情况表, as the PDF prints it, one
per page — for an office that wants the form in Excel, or with its own wording."""
from __future__ import annotations

import openpyxl
import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.model import Document, ProjectKind
from selfeval_desktop.reports.xlsx_export import export_workbook
from selfeval_desktop.reports.xlsx_import import import_workbook

from .spreadsheet import recalculated, soffice


def rows_of(ws) -> list[list]:
    return [[c for c in row if c is not None] for row in ws.iter_rows(values_only=True)]


def saved(path):
    """The values the workbook carries (its formulas' results, as a mail preview shows them)."""
    return openpyxl.load_workbook(path, data_only=True)


def test_the_form_holds_what_the_printed_form_shows(tmp_path):
    out = tmp_path / "s003.xlsx"
    export_workbook(build_demo("003"), out)           # seed 003: the form of this layout
    wb = saved(out)
    assert wb.sheetnames[-1] == "基本情况表"
    rows = rows_of(wb["基本情况表"])
    assert rows[0] == ["项目单位自评基本情况表"] and rows[1] == ["项目名称：学术交流活动经费"]
    assert ["项目负责人", "杨哲", "联系电话", "2116276"] in rows
    assert ["项目起止时间", "2020年1月至12月"] in rows
    assert ["计划安排资金（万元）", 4, "实际到位资金（万元）", 4] in rows
    assert ["自治区财政", "自治区财政"] in rows and ["市县财政", 4, "市县财政", 4] in rows
    assert ["302商品和服务支出", 4, 4] in rows and ["支出合计", 4, 4] in rows
    assert ["综合得分", "100.00分"] in rows and ["自评等次", "优秀"] in rows   # 等次写法 of 003
    assert ["张丹妮", "副主席", "市科协"] in rows
    assert ["五、项目单位（评价机构）意见：", "六、主管部门审核意见："] in rows
    ws = openpyxl.load_workbook(out)["基本情况表"]
    assert ws.print_area == f"'基本情况表'!$A$1:$D${ws.max_row}"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_each_project_on_its_own_page_and_the_department_evaluation_left_out(tmp_path):
    """Seed 001: the 部门整体 evaluation prints its own form, not this one."""
    doc = build_demo("001")
    projects = [p for p in doc.projects if p.kind is ProjectKind.PROJECT]
    out = tmp_path / "s001.xlsx"
    export_workbook(doc, out)
    ws = openpyxl.load_workbook(out)["基本情况表"]
    titles = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "项目单位自评基本情况表"]
    names = [ws.cell(r + 1, 1).value for r in titles]
    assert names == [f"项目名称：{p.name}" for p in projects]
    assert [b.id for b in ws.row_breaks.brk] == [r - 1 for r in titles[1:]]
    only = Document(unit=doc.unit, year=doc.year, projects=[doc.projects[0]])
    export_workbook(only, tmp_path / "dept.xlsx")
    assert "基本情况表" not in openpyxl.load_workbook(tmp_path / "dept.xlsx").sheetnames


def test_reimporting_skips_it_on_purpose_and_reads_every_project_once(tmp_path):
    doc = build_demo("004")
    out = tmp_path / "s004.xlsx"
    export_workbook(doc, out)
    result = import_workbook(out)
    sheet = next(s for s in result.report.sheets if s.sheet == "基本情况表")
    assert sheet.deliberate and "打印用" in sheet.skipped and result.report.missed == 0
    assert [p.name for p in result.document.projects] == [p.name for p in doc.projects]


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed; CI installs it")
def test_the_score_on_it_follows_an_amount_edited_on_the_projects_sheet(tmp_path):
    doc = build_demo("003")
    out = tmp_path / "s003.xlsx"
    export_workbook(doc, out)
    wb = openpyxl.load_workbook(out)
    ws = wb[wb.sheetnames[1]]
    assert ws["B6"].value == "年度资金总额"
    ws["E6"] = 2                                   # 全年执行数 4 → 2 万元: 执行率 50%
    wb.save(out)
    rows = rows_of(recalculated(out, tmp_path)["基本情况表"])
    score = next(r[1] for r in rows if r and r[0] == "综合得分")
    assert score == "95.00分"                      # 10 × 50% = 5 of the 执行率's 10


def test_a_spending_amount_that_could_not_be_read_shows_as_typed(tmp_path):
    """Such a line came out empty on the 基本情况表 (the PDF and the 自评表 show it)."""
    doc = build_demo("003")
    project = doc.projects[0]
    line = project.budget_lines[0]
    line.id = 7
    line.actual = None
    project.unread["budget_line:7:actual"] = "约4万"
    out = tmp_path / "unread.xlsx"
    export_workbook(doc, out)
    rows = rows_of(saved(out)["基本情况表"])
    assert ["302商品和服务支出", 4, "约4万"] in rows
