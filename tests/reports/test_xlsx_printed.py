"""The exported workbook prints what the PDF prints: a lowered score with its
reason in 偏差原因分析及改进措施, the 部门整体 sheet headed 部门名称 with the department's funds
(执行率, no 分值 or 得分), and “部门整体” on one line in the 汇总 sheet's 序号 column."""
from decimal import Decimal
import re

import openpyxl
import pytest

from selfeval_desktop.reports.export import export_pdf
from selfeval_desktop.reports.xlsx_export import export_workbook, sheet_names
from selfeval_desktop.reports.xlsx_import import import_workbook

from .export_documents import differences
from .pdf_fixtures import pdftotext, raw_text, seed003, seed003_with_department, squeeze
from .spreadsheet import printed, soffice

def adjusted():
    """Seed 003 with two scores lowered by hand: one with no 偏差原因 typed, one with one; a
    third adjustment without a reason is not taken (the rule's score counts)."""
    doc = seed003()
    inds = doc.projects[0].indicators
    inds[0].override, inds[0].override_reason = Decimal(15), "专家分类尚未完成"
    inds[2].override, inds[2].override_reason = Decimal(12), "简报期数达标但质量一般"
    inds[2].deviation = "第4期简报延期印发"
    inds[3].override = Decimal(10)   # no reason: refused
    return doc


def with_department():
    return seed003_with_department()


def _print_columns(ws):
    """(first row, last row) of the sheet's print area (columns A to J)."""
    area = ws.print_area if isinstance(ws.print_area, str) else ws.print_area[0]
    m = re.search(r"\$?A\$?(\d+):\$?J\$?(\d+)", area)
    assert m, area
    return int(m.group(1)), int(m.group(2))


def _row_of(ws, name):
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value == name)


def test_a_lowered_score_prints_its_reason_in_the_deviation_column_as_the_pdf_does(tmp_path):
    doc = adjusted()
    p = doc.projects[0]
    out = tmp_path / "a.xlsx"
    export_workbook(doc, out)
    ws = openpyxl.load_workbook(out)[sheet_names(doc)[0]]
    first, last = _print_columns(ws)
    header = next(r for r in range(1, 40) if ws.cell(r, 9).value == "偏差原因分析及改进措施")
    pdf = squeeze(raw_text(export_pdf(doc, tmp_path / "a.pdf", form="mof")[0]))
    for i, want in ((0, "得分调整理由：专家分类尚未完成"),
                    (2, "第4期简报延期印发\n得分调整理由：简报期数达标但质量一般")):
        r = _row_of(ws, p.indicators[i].name)
        assert first <= header < r <= last
        assert ws.cell(r, 9).value == want            # column I, inside the print area
        assert ws.cell(r, 8).value == p.indicators[i].override
        assert squeeze(want) in pdf                      # the same words as the PDF
    refused = _row_of(ws, p.indicators[3].name)
    assert ws.cell(refused, 9).value is None and ws.cell(refused, 8).value == 15
    assert "调整理由" not in pdf[pdf.index(p.indicators[3].name):pdf.index(p.indicators[4].name)]


def test_a_printed_reason_is_not_read_back_as_typed_text(tmp_path):
    doc = adjusted()
    out = tmp_path / "a.xlsx"
    export_workbook(doc, out)
    back = import_workbook(out).document
    assert differences(doc, back) == []
    assert [i.deviation for i in back.projects[0].indicators[:3]] == ["", "", "第4期简报延期印发"]


def test_the_department_sheet_is_headed_and_funded_as_the_department_form(tmp_path):
    doc, dept = with_department()
    out = tmp_path / "d.xlsx"
    export_workbook(doc, out)
    wb = openpyxl.load_workbook(out, data_only=True)
    ws = wb[sheet_names(doc)[1]]
    first, last = _print_columns(ws)
    printed = [[ws.cell(r, c).value for c in range(1, 11)] for r in range(first, last + 1)]
    texts = [v for row in printed for v in row if isinstance(v, str)]
    assert ws["A1"].value == "部门整体支出绩效自评表"
    assert "项目名称" not in texts and "实施单位" not in texts
    row = next(r for r in printed if "部门名称" in r)
    assert "河池市科协" in row and "主管部门" in row
    funds = next(i for i, r in enumerate(printed) if any("部门预算资金" in str(v) for v in r))
    goals = next(i for i, r in enumerate(printed) if "年度总体目标" in r)
    labels = {v for r in printed[funds:goals] for v in r if isinstance(v, str)}
    assert {"年初预算数", "全年预算数", "全年执行数", "执行率"} <= labels
    assert "分值" not in labels and "得分" not in labels
    total = next(r for r in printed[funds:goals] if "年度资金总额" in r)
    rate = next(v for v in total if isinstance(v, (int, float)) and 1 < v < 1.01)
    assert abs(Decimal(str(rate)) - Decimal("1467.319") / Decimal("1464.083")) < Decimal("1e-9")
    summary = wb["汇总"]
    dept_row = next(r for r in range(1, 20) if summary.cell(r, 1).value == "部门整体")
    assert summary.cell(dept_row, 2).value == f"{dept.name}（不计入合计）"
    assert differences(doc, import_workbook(out).document) == []   # the name comes back whole


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed; CI installs it")
def test_the_printed_workbook_as_libreoffice_prints_it(tmp_path):
    doc, _ = with_department()
    p = doc.projects[0]
    p.indicators[0].override, p.indicators[0].override_reason = Decimal(15), "专家分类尚未完成"
    out = tmp_path / "p.xlsx"
    export_workbook(doc, out)
    pdf = printed(out, tmp_path)
    layout = pdftotext(pdf, layout=True)
    pages = layout.split("\f")
    summary = pages[0]
    assert "汇总表" in summary
    assert re.search(r"^\s*部门整体\s+河池市科协部门整体支出", summary, re.M), summary
    text = squeeze(raw_text(pdf))
    assert "得分调整理由：专家分类尚未完成" in text
    department = text[text.index("部门整体支出绩效自评表"):]
    assert "部门名称河池市科协" in department


def test_a_long_indicator_table_repeats_its_heading_on_each_printed_page(tmp_path):
    """The print titles were the form's title rows, so a project or department sheet
    running over pages printed rows of numbers under no 一级/二级/三级指标…分值/得分 heading."""
    from selfeval_desktop.domain.model import Indicator
    doc, dept = seed003_with_department()
    doc.projects[0].indicators += [Indicator("产出指标", "数量指标", f"培训第{n}期", "≥1期", "1期",
                                             Decimal(1)) for n in range(60)]
    out = tmp_path / "a.xlsx"
    export_workbook(doc, out)
    wb = openpyxl.load_workbook(out)
    for ws in (wb[name] for name in sheet_names(doc)[:2]):   # the project's, the department's
        rows = re.fullmatch(r"\$?(\d+):\$?(\d+)", ws.print_title_rows or "")
        assert rows, ws.title
        heading = [c.value for c in ws[int(rows.group(1))]]
        assert "一级指标" in heading and "三级指标" in heading and "得分" in heading, ws.title
