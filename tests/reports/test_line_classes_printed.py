"""The printed and exported 支出合计 count the lines as the domain does (``counted_lines``): codes
1 and 10 are two lines, and a 30211 under a filled 302 is added once — in the
workbook's 基本情况表 too, whose SUM took every line."""
from __future__ import annotations

import openpyxl
import pytest

from selfeval_desktop.domain.model import BudgetLine
from selfeval_desktop.reports.export import export_pdf
from selfeval_desktop.reports.xlsx_export import export_workbook
from tests.reports.pdf_fixtures import raw_text, seed003, squeeze

from .spreadsheet import recalculated, soffice

WAN = 1_000_000


def with_lines(*lines):
    doc = seed003()
    doc.projects[0].budget_lines = list(lines)
    doc.projects[0].funding.spent_total = None        # printed from the lines
    return doc


def test_the_basic_form_adds_codes_that_start_alike(tmp_path):
    doc = with_lines(BudgetLine("1", "会议费", 50 * WAN, 50 * WAN),
                     BudgetLine("10", "培训费", 30 * WAN, 30 * WAN))
    [pdf] = export_pdf(doc, tmp_path / "basic.pdf", form="basic")
    text = squeeze(raw_text(pdf))
    assert "支出合计80.0080.00" in text
    assert "实际支出（万元）80.00" in text


def totals_row(ws):
    return next(r for r in ws.iter_rows(values_only=True) if r[0] == "支出合计")


def test_the_workbook_form_adds_an_item_under_its_filled_class_once(tmp_path):
    doc = with_lines(BudgetLine("302", "商品和服务支出", 4 * WAN, 4 * WAN),
                     BudgetLine("30211", "差旅费", WAN // 2, WAN // 2))
    out = tmp_path / "s.xlsx"
    export_workbook(doc, out)
    ws = openpyxl.load_workbook(out, data_only=True)["基本情况表"]
    assert [v for v in totals_row(ws) if v is not None] == ["支出合计", 4, 4]


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed; CI installs it")
def test_libreoffice_computes_the_same_lines_total(tmp_path):
    doc = with_lines(BudgetLine("302", "商品和服务支出", 4 * WAN, 4 * WAN),
                     BudgetLine("30211", "差旅费", WAN // 2, WAN // 2),
                     BudgetLine("1", "会议费", WAN, None), BudgetLine("10", "培训费", 2 * WAN, 3 * WAN))
    out = tmp_path / "s.xlsx"
    export_workbook(doc, out)
    saved = [v for v in totals_row(openpyxl.load_workbook(out, data_only=True)["基本情况表"])
             if v is not None]
    computed = [v for v in totals_row(recalculated(out, tmp_path)["基本情况表"]) if v is not None]
    assert saved == computed == ["支出合计", 7, 7]
