"""An indicator's 分值/得分 or a spending line's amount that cannot be read is kept as typed by the
import, as the window keeps it: red in the file, listed in 问题清单, “（原文已保留）” in
the report. The rows have no id before they are saved: keyed by their place until then."""
import openpyxl
import pytest

from selfeval_desktop.domain.checks import check_project
from selfeval_desktop.reports.xlsx_import import import_workbook, write_document

from tests.file_helpers import reread

from . import xlsx_builders as build


def _with_weight(tmp_path, weight):
    path = build.indicator_cell_typed(tmp_path / "w.xlsx", 2, build.WEIGHT, weight)
    if not isinstance(weight, str):     # a number Excel holds as such (1E+30), not text
        wb = openpyxl.load_workbook(path)
        for row in wb.active.iter_rows():
            for cell in row:
                if cell.value == weight:
                    cell.value = float(weight)
        wb.save(path)
    return path


@pytest.mark.parametrize("weight, typed", [("十分", "十分"),
                                           (10 ** 30, "1" + "0" * 30)])
def test_an_unreadable_weight_is_kept_red_in_the_imported_file(tmp_path, weight, typed):
    result = import_workbook(_with_weight(tmp_path, weight))
    text = result.report.text()
    assert "“平台验收合格率”分值" in text and "（原文已保留）" in text and "，未读取" not in text
    target = tmp_path / "out.sqlite"
    write_document(result, target)
    project = reread(target).projects[0]
    row = project.indicators[2]
    assert row.weight is None
    assert project.unread == {f"indicator:{row.id}:weight": typed}
    doc = reread(target)
    found = [f for f in check_project(doc, doc.projects[0]) if f.code == "unread"]
    assert len(found) == 1 and f"“{typed}”无法识别" in found[0].message
    assert (found[0].place.table, found[0].place.row, found[0].place.field) == (
        "indicator", 2, "weight")


def test_an_unreadable_stated_score_is_kept_too(tmp_path):
    result = import_workbook(build.indicator_cell_typed(tmp_path / "s.xlsx", 1, build.STATED,
                                                        "两分半"))
    target = tmp_path / "out.sqlite"
    write_document(result, target)
    project = reread(target).projects[0]
    assert project.unread == {f"indicator:{project.indicators[1].id}:stated_score": "两分半"}


def test_an_unreadable_spending_amount_is_kept_red_in_the_imported_file(tmp_path):
    path = build.standard(tmp_path / "lines.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    top = ws.max_row + 2
    rows = [["费用科目", "预算数（万元）", "实际支出（万元）", "其中专项经费", "专项实际"],
            ["设备费", 170, 170, 32, 32], ["材料费", 42, "约四十万", 16, 16]]
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            ws.cell(top + i, 1 + j, value)
    wb.save(path)
    result = import_workbook(path, "wan")
    assert "约四十万" in result.report.text() and "（原文已保留）" in result.report.text()
    target = tmp_path / "out.sqlite"
    write_document(result, target)
    doc = reread(target)
    project = doc.projects[0]
    line = project.budget_lines[1]
    assert line.name == "材料费" and line.actual is None
    assert project.unread[f"budget_line:{line.id}:actual"] == "约四十万"
    found = [f for f in check_project(doc, project) if f.code == "unread" and "约四十万" in f.message]
    assert len(found) == 1 and found[0].place.row == 1 and "材料费" in found[0].message


def test_a_spending_tables_titles_are_not_the_forms_fields(tmp_path):
    """Seed 002's spending table (费用科目 | 预算数 | 实际支出（万元） | 其中专项经费): its 实际支出 is
    a column title. The import read the title on its right, “其中专项经费”, as the project's
    实际支出 field and kept it red as an amount it could not read."""
    path = build.standard(tmp_path / "lines.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    top = ws.max_row + 2
    rows = [["费用科目", "预算数（万元）", "实际支出（万元）", "其中专项经费", "专项实际"],
            ["设备费", 170, 165, 32, 30]]
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            ws.cell(top + i, 1 + j, value)
    wb.save(path)
    result = import_workbook(path, "wan")
    assert "其中专项经费" not in result.report.text()
    project = result.document.projects[0]
    assert project.funding.spent_total is None and "funding::spent_total" not in project.unread
    assert [(line.name, line.actual) for line in project.budget_lines] == [("设备费", 165_000_000)]
