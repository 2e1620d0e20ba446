"""The exported workbook's 万元 and 分值 cells: a number format showing what the printed forms
show — 万元 to two decimals at least, to the 分 where typed so; 分值 as the 得分 beside them — with
the exact value kept in the cell (the 汇总 read 12102.455792 beside 4.4, in
General), and columns wide enough that no amount shows as ####.
"""
from __future__ import annotations

import openpyxl
import pytest

from selfeval_desktop.domain.model import FundKind, Project
from selfeval_desktop.domain.money import parse_wan
from selfeval_desktop.reports.xlsx_export import export_workbook, sheet_names

from .pdf_fixtures import pdftotext, seed003, squeeze
from .spreadsheet import printed, soffice

MONEY = "#,##0.00####"
WEIGHT = "0.00####"


def workbook(tmp_path):
    """Seed 003 and two projects beside it: 4.4 万元, and 123,456.789012 万元 (the widest a unit
    could type, to the 分)."""
    doc = seed003()
    small = Project(name="信息化替代", id=2)
    small.funding.initial_budget = small.funding.annual_budget = parse_wan("4.4")
    small.funding.executed = parse_wan("0")
    big = Project(name="大额项目", id=3)
    big.funding.initial_budget = big.funding.annual_budget = parse_wan("123456.789012")
    big.funding.executed = parse_wan("99999.999999")
    big.funding.by_kind[FundKind.CURRENT].annual = parse_wan("123456.789012")
    doc.projects += [small, big]
    out = tmp_path / "w.xlsx"
    export_workbook(doc, out)
    return doc, out


def test_the_workbooks_money_cells_show_two_decimals_and_keep_the_exact_value(tmp_path):
    doc, out = workbook(tmp_path)
    wb = openpyxl.load_workbook(out)
    names = sheet_names(doc)
    ws = wb[names[2]]
    funds = next(r for r in range(1, 20) if ws.cell(r, 2).value == "年度资金总额")
    for col, value in (("C", 123456.789012), ("D", 123456.789012), ("E", 99999.999999)):
        cell = ws[f"{col}{funds}"]
        assert (cell.value, cell.number_format) == (value, MONEY), col
    assert ws[f"D{funds + 1}"].number_format == MONEY            # 其中：当年财政拨款
    assert (ws[f"F{funds}"].value, ws[f"F{funds}"].number_format) == (10, WEIGHT)   # 分值
    ws = wb[names[0]]
    header = next(r for r in range(1, 40) if ws.cell(r, 7).value == "分值")
    weights = [ws.cell(r, 7) for r in range(header + 1, header + 8)]   # 6 rows and the 总分
    assert [c.number_format for c in weights] == [WEIGHT] * 7
    assert weights[0].value == 17 and weights[-1].value.startswith("=")
    summary = wb["汇总"]
    assert [summary.cell(r, 1).value for r in range(4, 8)] == [1, 2, 3, "合计"]
    for r in range(4, 8):
        for col in "CDEF":
            assert summary[f"{col}{r}"].number_format == MONEY, f"{col}{r}"
    basic = wb["基本情况表"]
    planned = [c for row in basic.iter_rows() for c in row if c.value == "计划安排资金（万元）"][0]
    amount = basic.cell(planned.row, planned.column + 1)
    assert (amount.value, amount.number_format) == (4, MONEY)


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed; CI installs it")
def test_libreoffice_shows_the_amounts_to_two_decimals_and_no_column_too_narrow(tmp_path):
    _, out = workbook(tmp_path)
    layout = pdftotext(printed(out, tmp_path), layout=True)
    assert "###" not in layout                  # a fixed format shows #### where it does not fit
    summary = squeeze(layout.split("\f")[0])
    assert "1学术交流活动经费4.004.00100.00%100.00优" in summary
    assert "2信息化替代4.400.000.00%" in summary                  # 4.4 and 0 were 4.4 and 0
    assert "3大额项目123,456.78901299,999.999999" in summary
    assert "合计123,465.189012100,003.999999" in summary          # to the 分
    assert "年度资金总额123,456.789012123,456.78901299,999.99999910.00" in squeeze(layout)
