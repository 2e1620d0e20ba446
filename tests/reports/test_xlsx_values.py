"""Exported workbooks show their numbers without a recalculation: every formula carries its
value, and that value is what a spreadsheet computes from the formula."""
from decimal import Decimal
import re
import zipfile

import openpyxl
import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.evaluation import profile_for
from selfeval_desktop.domain.model import Document, Indicator, Project, Unit
from selfeval_desktop.domain.profiles import load_profile, parse_profile
from selfeval_desktop.domain.scoring import score_project, shown_grade
from selfeval_desktop.reports.xlsx_common import grade_formula, text_width
from selfeval_desktop.reports.xlsx_export import export_workbook, sheet_names

from .export_documents import rich_document
from .spreadsheet import formula_cells, recalculated, same_value, soffice

WAN = 1_000_000


def _truncating_document() -> Document:
    """2 of 3 万元 executed: 6.666… points, 6.66 truncated where half-up gives 6.67."""
    p = Project(name="截尾项目")
    p.funding.annual_budget, p.funding.executed = 3 * WAN, 2 * WAN
    p.indicators = [Indicator("产出指标", "数量指标", "培训人数", "≥100人", "100人", Decimal(90))]
    unscored = Project(name="")  # no name, no figures, no indicators: 未评分
    return Document(unit=Unit(name="某单位"), year=2021, profile_id="mof2020_truncate",
                    projects=[p, unscored])


def _values(path):
    return openpyxl.load_workbook(path, data_only=True)


def test_every_formula_is_saved_with_its_value_and_recalculated_on_open(tmp_path):
    out = tmp_path / "demo.xlsx"
    export_workbook(build_demo("004"), out)
    with zipfile.ZipFile(out) as zf:
        book = zf.read("xl/workbook.xml").decode()
        sheets = [zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets/")]
    assert 'fullCalcOnLoad="1"' in book
    formulas = sum(len(re.findall(r"<f>", xml)) for xml in sheets)
    assert formulas > 100
    assert not any(re.search(r"</f><v\s*/>", xml) for xml in sheets)  # no formula without <v>
    summary = _values(out)["汇总"]
    doc = build_demo("004")
    for i, project in enumerate(doc.projects):
        score = score_project(project, profile_for(doc, project))
        assert summary.cell(4 + i, 2).value == project.name  # a formula, read without Excel
        assert Decimal(str(summary.cell(4 + i, 8).value)) == score.total
        assert summary.cell(4 + i, 9).value == shown_grade(score)  # “—” when provisional


def test_a_missing_executed_amount_is_blank_and_left_out_of_the_total_rate(tmp_path):
    doc = build_demo("004")
    out = tmp_path / "demo.xlsx"
    export_workbook(doc, out)
    summary = _values(out)["汇总"]
    missing = [i for i, p in enumerate(doc.projects) if p.funding.executed is None]
    assert missing  # seed 004 has projects whose 全年执行数 was not stated
    for i in missing:
        assert summary.cell(4 + i, 5).value is None  # not 0
        assert summary.cell(4 + i, 7).value is None  # not 0.00%
    both = [p.funding for p in doc.projects if p.funding.executed is not None]
    rate = Decimal(sum(f.executed for f in both)) / Decimal(sum(f.annual_budget for f in both))
    total_row = 4 + len(doc.projects)
    assert summary.cell(total_row, 1).value == "合计"
    assert abs(Decimal(str(summary.cell(total_row, 7).value)) - rate) < Decimal("1e-12")
    assert f"不含 {len(missing)} 个" in summary.cell(total_row + 1, 1).value


def test_a_truncating_profile_and_an_unscored_project(tmp_path):
    doc = _truncating_document()
    out = tmp_path / "t.xlsx"
    export_workbook(doc, out)
    wb = _values(out)
    ws = wb[sheet_names(doc)[0]]
    assert ws["H6"].value == pytest.approx(6.66)  # the execution 得分 is a formula, truncated
    total = next(r for r in range(1, 40) if ws.cell(r, 1).value == "总分")
    assert ws.cell(total, 8).value == pytest.approx(96.66)
    blank = wb[sheet_names(doc)[1]]
    total = next(r for r in range(1, 40) if blank.cell(r, 1).value == "总分")
    assert blank.cell(total, 8).value is None and blank.cell(total + 1, 7).value == "未评分"
    summary = wb["汇总"]
    assert summary["B5"].value is None  # an empty project name is not shown as 0
    assert summary["H5"].value is None and summary["I5"].value == "未评分"


def test_grade_formula_uses_the_profile_band_names():
    data = {"id": "x", "name": "x", "execution_weight": "10", "overshoot_threshold": "1.3",
            "level1": [{"key": "产出", "label": "产出指标", "weight": "90"}],
            "grades": [["优秀", "90"], ["良好", "80"], ["一般", "60"], ["较差", "0"]],
            "qualitative_bands": []}
    formula = grade_formula("H20", parse_profile(data))
    assert all(f'"{name}"' in formula for name in ("优秀", "良好", "一般", "较差", "未评分"))
    assert '"中"' not in formula and '"差"' not in formula


def _boundary_projects() -> list[Project]:
    """Totals of exactly 90.00, 80.00 and 60.00 (a workbook grading with ``>`` in
    place of ``>=`` passed): 执行率 10 of 10, one row met in full, one row at 0."""
    projects = []
    for total, met in (("90", 80), ("80", 70), ("60", 50)):
        p = Project(name=f"边界{total}分")
        p.funding.annual_budget = p.funding.executed = 2 * WAN
        p.indicators = [Indicator("产出指标", "数量指标", "培训人数", "≥100人", "100人", Decimal(met)),
                        Indicator("产出指标", "数量指标", "覆盖乡镇", "≥10个", "0个", Decimal(90 - met))]
        projects.append(p)
    return projects


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed; CI installs it")
def test_saved_values_are_what_libreoffice_computes_from_the_formulas(tmp_path):
    doc = build_demo("004")
    doc.projects = (doc.projects[9:16] + rich_document().projects + _truncating_document().projects
                    + _boundary_projects())
    doc.profile_id = "mof2020_truncate"
    out = tmp_path / "mixed.xlsx"
    export_workbook(doc, out)
    ours, theirs = _values(out), recalculated(out, tmp_path)
    checked = 0
    for sheet, cells in formula_cells(out).items():
        for ref in cells:
            a, b = ours[sheet][ref].value, theirs[sheet][ref].value
            assert same_value(a, b), f"{sheet}!{ref}: saved {a!r}, LibreOffice {b!r}"
            checked += 1
    assert checked > 80
    # a total exactly on a band's floor takes that band, as LibreOffice computes it on open
    summary = theirs["汇总"]
    rows = {summary.cell(r, 2).value: r for r in range(4, 4 + len(doc.projects))}
    for name, total, grade in (("边界90分", 90, "优"), ("边界80分", 80, "良"), ("边界60分", 60, "一般")):
        assert summary.cell(rows[name], 8).value == pytest.approx(total)
        assert summary.cell(rows[name], 9).value == grade


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed; CI installs it")
def test_editing_the_executed_amount_in_a_spreadsheet_updates_score_total_and_grade(tmp_path):
    doc = _truncating_document()
    out = tmp_path / "t.xlsx"
    export_workbook(doc, out)
    wb = openpyxl.load_workbook(out)
    ws = wb[sheet_names(doc)[0]]
    ws["E6"] = 1  # 1 of 3 万元: 3.333… → 3.33 truncated
    wb.save(out)
    ws = recalculated(out, tmp_path)[sheet_names(doc)[0]]
    total = next(r for r in range(1, 40) if ws.cell(r, 1).value == "总分")
    assert ws["H6"].value == pytest.approx(3.33)
    assert ws.cell(total, 8).value == pytest.approx(93.33)
    assert ws.cell(total + 1, 7).value == load_profile("mof2020_truncate").grade(Decimal("93.33"))


def test_rows_are_tall_enough_for_their_wrapped_text_and_the_form_prints_near_full_size(tmp_path):
    doc = rich_document()
    long = "疫情影响线下活动取消，改为线上举办，参会人数少于预期；下一年度提前谋划，增加场次。" * 2
    doc.projects[0].indicators[0].deviation = long
    out = tmp_path / "r.xlsx"
    export_workbook(doc, out)
    ws = openpyxl.load_workbook(out)[sheet_names(doc)[0]]
    widths = {c: ws.column_dimensions[c].width for c in "ABCDEFGHIJ"}
    # the deviation cell is I:J merged; the row must hold every line of it
    lines = -(-text_width(long) // (widths["I"] + widths["J"] - 1.5))
    assert ws.row_dimensions[13].height >= lines * 13
    # A4 portrait, 0.4" margins: 7.47 in at 96 dpi; a column of width w is about 7w + 5 px
    pixels = sum(7 * w + 5 for w in widths.values())
    assert 7.47 * 96 / pixels >= 0.9  # printed at 90% or more (not shrunk to ~6 pt)
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0


def test_rd_cost_categories_show_no_program_keys(tmp_path):
    doc = build_demo("002")
    out = tmp_path / "rd.xlsx"
    export_workbook(doc, out)
    wb = openpyxl.load_workbook(out)
    texts = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None]
    assert any("设备费" in t for t in texts)
    assert not [t for t in texts if re.search(r"equipment|travel|materials", t)]


def test_summary_labels_are_plain_and_the_unit_name_is_not_squeezed(tmp_path):
    doc = build_demo("003")
    out = tmp_path / "s.xlsx"
    export_workbook(doc, out)
    ws = openpyxl.load_workbook(out)["汇总"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "省级财政写作" not in texts and "自治区财政" in texts
    assert ws["A2"].value == f"单位名称：{doc.unit.name}"
    assert "A2:I2" in {str(r) for r in ws.merged_cells.ranges}
