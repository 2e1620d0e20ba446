"""The 汇总 sheet's 其中专项: what the 预算表's 其中专项（计划）/（实际） add up to, per project and in
the 合计, as numbers in 万元 beside the 全年预算数 and 全年执行数 they are part of.

The 预算表 takes 其中专项 (seed 002's 专项经费) and the printed 基本情况表
shows it, but the 汇总 sheet had no column for it.
"""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.model import BudgetLine, lines_total
from selfeval_desktop.domain.money import fen_to_wan
from selfeval_desktop.reports.xlsx_export import export_workbook
from selfeval_desktop.reports.xlsx_import import import_workbook

from .export_documents import WAN, differences, rich_document, seed002_with_actuals
from .spreadsheet import recalculated, soffice

HEADER_ROW = 3


def headers(ws) -> list[str]:
    return [(ws.cell(HEADER_ROW, c).value or "").replace("\n", "") for c in range(1, ws.max_column + 1)]


def column(ws, label: str) -> int:
    """The column (1-based) whose header starts with ``label``."""
    return next(i for i, h in enumerate(headers(ws), 1) if h.startswith(label))


def wan(fen: int | None):
    return None if fen is None else fen_to_wan(fen)


def test_the_special_columns_follow_the_amounts_they_are_part_of(tmp_path):
    out = tmp_path / "s.xlsx"
    export_workbook(seed002_with_actuals(), out)
    ws = openpyxl.load_workbook(out)["汇总"]
    assert headers(ws)[:9] == ["序号", "项目名称", "全年预算数（万元）", "其中专项计划（万元）",
                               "全年执行数（万元）", "其中专项实际（万元）", "执行率", "得分", "等次"]


def test_each_project_and_the_total_carry_the_special_amounts_as_numbers(tmp_path):
    doc = seed002_with_actuals()
    out = tmp_path / "s.xlsx"
    export_workbook(doc, out)
    formulas = openpyxl.load_workbook(out)["汇总"]
    ws = openpyxl.load_workbook(out, data_only=True)["汇总"]
    planned, actual = column(ws, "其中专项计划"), column(ws, "其中专项实际")
    want = {"planned": Decimal(0), "actual": Decimal(0)}
    for i, p in enumerate(doc.projects):
        r = HEADER_ROW + 1 + i
        assert ws.cell(r, 2).value == p.name
        for col, attr in ((planned, "special_planned"), (actual, "special_actual")):
            fen = lines_total(p.budget_lines, attr)
            value = ws.cell(r, col).value
            if fen is None:
                assert value is None, (p.name, attr)   # blank, not 0
                continue
            assert isinstance(value, (int, float)) and Decimal(str(value)) == fen_to_wan(fen)
            assert formulas.cell(r, col).value.startswith("=")   # follows the project's sheet
            want[attr.split("_")[1]] += fen_to_wan(fen)
    assert want["planned"] == Decimal(52 + 80 + 26) and want["actual"] == Decimal("47.5")
    total = HEADER_ROW + 1 + len(doc.projects)
    assert ws.cell(total, 1).value == "合计"
    assert Decimal(str(ws.cell(total, planned).value)) == want["planned"]
    assert Decimal(str(ws.cell(total, actual).value)) == want["actual"]
    assert "SUM(" in formulas.cell(total, planned).value
    assert ws.cell(total, planned).number_format == ws.cell(total, 3).number_format


def test_a_detail_line_under_a_filled_line_is_not_added_twice(tmp_path):
    """302 商品和服务支出 with 30211 差旅费 under it: the 专项 is the 302's, as the 支出合计 counts it."""
    doc = rich_document()
    p = doc.projects[0]
    p.budget_lines = [BudgetLine("302", "商品和服务支出", 4 * WAN, 3_861_700, WAN, 500_000),
                      BudgetLine("30211", "差旅费", 500_000, 500_000, 300_000, 200_000),
                      BudgetLine("310", "资本性支出", 0, 0, None, 100_000)]
    out = tmp_path / "s.xlsx"
    export_workbook(doc, out)
    ws = openpyxl.load_workbook(out, data_only=True)["汇总"]
    row = HEADER_ROW + 1
    assert Decimal(str(ws.cell(row, column(ws, "其中专项计划")).value)) == 1
    assert Decimal(str(ws.cell(row, column(ws, "其中专项实际")).value)) == Decimal("0.6")
    assert ws.cell(row + 1, column(ws, "其中专项计划")).value is None   # no lines: blank
    assert differences(doc, import_workbook(out).document) == []


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed; CI installs it")
def test_libreoffice_computes_the_same_special_totals(tmp_path):
    doc = seed002_with_actuals()
    doc.projects += rich_document().projects      # a 302 with its 30211 under it
    out = tmp_path / "s.xlsx"
    export_workbook(doc, out)
    saved = openpyxl.load_workbook(out, data_only=True)["汇总"]
    ws = recalculated(out, tmp_path)["汇总"]
    total = HEADER_ROW + 1 + len(doc.projects)
    assert ws.cell(total, 1).value == "合计"
    for label in ("全年预算数", "其中专项计划", "全年执行数", "其中专项实际", "执行率"):
        col = column(ws, label)
        for r in range(HEADER_ROW + 1, total + 1):
            a, b = saved.cell(r, col).value, ws.cell(r, col).value
            if a is None or b is None:
                assert a == b, (label, r, a, b)
            else:
                assert abs(Decimal(str(a)) - Decimal(str(b))) < Decimal("1e-9"), (label, r)
    assert Decimal(str(ws.cell(total, column(ws, "其中专项计划")).value)) == 52 + 80 + 26 + 1


def test_an_unreadable_amount_left_out_of_the_total_is_said(tmp_path):
    """“一点二四” typed as a 全年执行数 showed as text in the 汇总 and its 合计 left it
    out without a word."""
    doc = build_demo("002")
    doc.projects[1].funding.executed = None
    doc.projects[1].unread["funding::executed"] = "一点二四"
    out = tmp_path / "u.xlsx"
    export_workbook(doc, out)
    ws = openpyxl.load_workbook(out, data_only=True)["汇总"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "一点二四" in texts
    assert "注：1 个全年预算数或全年执行数无法识别（照填写内容保留），未计入合计" in texts
    again = import_workbook(out)            # the note is no unit field: the workbook reads back
    assert again.document.unit.name == doc.unit.name
