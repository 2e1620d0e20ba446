"""The receiving side's summary (``aggregate``) carries 其中专项 as the exported 汇总 sheet does:
其中专项计划 after 全年预算数, 其中专项实际 after 全年执行数, per project in exact 万元 from the
document's lines (as the 支出合计 counts them), in each unit's 小计 and in the 合计 of each year.

The export's 汇总 sheet got these columns but the aggregate had none: a receiving
office summing its units' 专项 had to open every file.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.model import BudgetLine, ProjectKind, lines_total
from selfeval_desktop.domain.money import fen_to_wan
from selfeval_desktop.reports.xlsx_aggregate import Source, write_summary

from .export_documents import seed002_with_actuals
from .spreadsheet import formula_cells, recalculated, same_value, soffice

WAN = 1_000_000
HEADER_ROW = 3
HEADERS = ["序号", "单位", "年度", "项目名称", "全年预算数（万元）", "其中专项计划（万元）",
           "全年执行数（万元）", "其中专项实际（万元）", "执行率", "总分", "等次", "定稿情况", "校验码"]
BUDGET, PLANNED, EXECUTED, ACTUAL, RATE = 5, 6, 7, 8, 9      # 1-based columns E to I


def summary(tmp_path: Path, *docs) -> tuple[Path, object, object]:
    """The aggregate of ``docs`` written to a file: (path, its 汇总 with values, with formulas)."""
    out = tmp_path / "summary.xlsx"
    write_summary([Source(tmp_path / f"unit{i}.sqlite", doc) for i, doc in enumerate(docs)], out)
    return (out, openpyxl.load_workbook(out, data_only=True)["汇总"],
            openpyxl.load_workbook(out)["汇总"])


def row_of(ws, label: str) -> int:
    """The row whose 项目名称 (D) is ``label``, or whose 小计/合计 label (A) starts with it."""
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(r, 4).value == label or str(ws.cell(r, 1).value or "").startswith(label):
            return r
    raise AssertionError(f"no row {label}")


def number(value) -> Decimal:
    assert isinstance(value, (int, float)) and not isinstance(value, bool), value
    return Decimal(str(value))


def seed004_2021():
    """Another unit of 2021 (seed 004), with no 其中专项 anywhere."""
    doc = build_demo("004")
    assert doc.year == 2021 and not any(p.budget_lines for p in doc.projects)
    return doc


def test_the_special_columns_follow_the_amounts_they_are_part_of(tmp_path):
    _, ws, _ = summary(tmp_path, seed002_with_actuals())
    headers = [(ws.cell(HEADER_ROW, c).value or "").replace("\n", "") for c in range(1, 14)]
    assert headers == HEADERS
    assert ws.max_column == len(HEADERS)
    assert "A1:M1" in {str(m) for m in ws.merged_cells.ranges}     # the title spans them all
    # as wide as the amounts they are part of (a bold 12,102.455792 fits); one page wide
    widths = {c: ws.column_dimensions[c].width for c in "EFGH"}
    assert widths["F"] == widths["E"] and widths["H"] == widths["G"]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_area.replace("$", "").endswith(f"!A1:M{ws.max_row}")


def test_each_project_subtotal_and_total_carry_the_special_amounts_exactly(tmp_path):
    """Seed 002 (专项经费 per R&D category, some 实际 typed) and seed 004 (no 专项), both 2021."""
    county, other = seed002_with_actuals(), seed004_2021()
    _, ws, formulas = summary(tmp_path, county, other)
    want = {PLANNED: Decimal(0), ACTUAL: Decimal(0)}
    for doc in (county, other):
        for p in doc.projects:
            r = row_of(ws, p.name)
            assert ws.cell(r, 2).value == doc.unit.name
            for col, attr in ((PLANNED, "special_planned"), (ACTUAL, "special_actual")):
                fen, value = lines_total(p.budget_lines, attr), ws.cell(r, col).value
                if fen is None:
                    assert value is None, (p.name, attr)           # blank, not 0
                    continue
                assert number(value) == fen_to_wan(fen), (p.name, attr)   # exact 万元
                assert not str(formulas.cell(r, col).value).startswith("=")   # a figure
                assert ws.cell(r, col).number_format == ws.cell(r, BUDGET).number_format
                want[col] += fen_to_wan(fen)
    assert want == {PLANNED: Decimal(52 + 80 + 26), ACTUAL: Decimal("47.5")}
    subtotal = row_of(ws, "县科技局 小计（4 个项目）")
    for col in (PLANNED, ACTUAL):
        assert number(ws.cell(subtotal, col).value) == want[col]
        assert "SUM(" in formulas.cell(subtotal, col).value
        assert ws.cell(subtotal, col).font.b
    none = row_of(ws, f"{other.unit.name} 小计（20 个项目）")
    assert ws.cell(none, PLANNED).value is None and ws.cell(none, ACTUAL).value is None
    assert ws.cell(none, BUDGET).value is not None                 # its amounts are there
    total = row_of(ws, "合计（2 个文件，24 个项目")
    for col in (PLANNED, ACTUAL):
        assert number(ws.cell(total, col).value) == want[col]
        letter = "EFGH"[col - BUDGET]
        # the project rows of both units, not their 小计 rows
        assert formulas.cell(total, col).value == (
            f'=IF(COUNT({letter}4:{letter}7,{letter}9:{letter}28)=0,"",'
            f"SUM({letter}4:{letter}7,{letter}9:{letter}28))")
    assert formulas.cell(total, BUDGET).value.count("E4:E7,E9:E28") == 2


def test_a_unit_without_special_funds_shows_blanks_not_zero(tmp_path):
    """Seed 003: its one 302 line has no 其中专项; nothing to add is no 0.00 either."""
    doc = build_demo("003")
    _, ws, formulas = summary(tmp_path, doc)
    r, subtotal = row_of(ws, doc.projects[0].name), row_of(ws, f"{doc.unit.name} 小计")
    for col in (PLANNED, ACTUAL):
        assert ws.cell(r, col).value is None and ws.cell(subtotal, col).value is None
        assert formulas.cell(subtotal, col).value.startswith("=IF(COUNT(")   # blank while none
    assert number(ws.cell(subtotal, BUDGET).value) == 4


def test_a_detail_line_under_a_filled_line_is_not_added_twice(tmp_path):
    """302 商品和服务支出 with 30211 差旅费 under it: the 专项 is the 302's, as the 支出合计 counts
    it; a 310 with only 实际 专项 adds to that column only."""
    doc = build_demo("003")
    doc.projects[0].budget_lines = [
        BudgetLine("302", "商品和服务支出", 4 * WAN, 3_861_700, WAN, 500_000),
        BudgetLine("30211", "差旅费", 500_000, 500_000, 300_000, 200_000),
        BudgetLine("310", "资本性支出", 0, 0, None, 100_000)]
    _, ws, _ = summary(tmp_path, doc)
    r = row_of(ws, doc.projects[0].name)
    assert number(ws.cell(r, PLANNED).value) == 1
    assert number(ws.cell(r, ACTUAL).value) == Decimal("0.6")


def test_the_department_row_shows_its_own_special_outside_the_sums(tmp_path):
    """Seed 001's 部门整体: its 专项 is the department's, the projects' included — shown on its own
    row as its 全年预算数 is, never added into the 小计 or 合计."""
    doc = build_demo("001")
    department = next(p for p in doc.projects if p.kind is ProjectKind.DEPARTMENT)
    department.budget_lines = [BudgetLine("302", "商品和服务支出", 90 * WAN, 80 * WAN,
                                          12_345_678, 6_000_001)]
    _, ws, _ = summary(tmp_path, doc, seed002_with_actuals())
    r = row_of(ws, f"{department.name}（部门整体，不计入小计与合计）")
    assert number(ws.cell(r, PLANNED).value) == Decimal("12.345678")
    assert number(ws.cell(r, ACTUAL).value) == Decimal("6.000001")
    subtotal = row_of(ws, f"{doc.unit.name} 小计")
    assert ws.cell(subtotal, PLANNED).value is None and ws.cell(subtotal, ACTUAL).value is None
    total = row_of(ws, "合计（")
    assert number(ws.cell(total, PLANNED).value) == 158
    assert number(ws.cell(total, ACTUAL).value) == Decimal("47.5")


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed; CI installs it")
def test_libreoffice_computes_the_same_subtotals_and_totals_per_year(tmp_path):
    """What a spreadsheet program shows: every formula's saved value is what LibreOffice computes
    from the formulas alone; each year's 合计 adds its own units' 专项 (2020: 另一单位's 302, not
    its 30211 too; 2021: seed 002's), and a unit without any (河池市科协) shows a blank 小计."""
    detailed = build_demo("003")              # 2020, a 302 with its 30211 under it
    detailed.unit.name = "另一单位"
    detailed.projects[0].budget_lines = [
        BudgetLine("302", "商品和服务支出", 4 * WAN, 3_861_700, WAN, 500_000),
        BudgetLine("30211", "差旅费", 500_000, 500_000, 300_000, 200_000)]
    out, ours, _ = summary(tmp_path, seed002_with_actuals(), build_demo("003"), seed004_2021(),
                           detailed)
    theirs = recalculated(out, tmp_path)["汇总"]
    cells = formula_cells(out)["汇总"]
    assert {f"{c}{row_of(ours, '县科技局 小计')}" for c in "FH"} <= set(cells)
    for ref in cells:
        assert same_value(ours[ref].value, theirs[ref].value), ref
    y2020, y2021 = row_of(ours, "2020年度合计"), row_of(ours, "2021年度合计")
    assert number(theirs.cell(y2020, PLANNED).value) == 1               # 另一单位's 302 only
    assert number(theirs.cell(y2020, ACTUAL).value) == Decimal("0.5")
    assert number(theirs.cell(y2021, PLANNED).value) == 158
    assert number(theirs.cell(y2021, ACTUAL).value) == Decimal("47.5")
    hechi = row_of(ours, "河池市科协 小计")
    assert theirs.cell(hechi, PLANNED).value in (None, "")              # blank, not 0
