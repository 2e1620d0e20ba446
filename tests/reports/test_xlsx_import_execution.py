"""The 预算执行率 cells of an imported sheet: nothing the unit typed there is dropped without a
word. The stated 得分 is a field of the document (kept as typed when unreadable, as the rows'
cells are); the 执行率 is computed from 全年执行数 ÷ 全年预算数 and stored nowhere, so
unreadable text there is said in the report with its cell (“约95%”, “见附件”)."""
import openpyxl

from selfeval_desktop.domain.checks import check_project
from selfeval_desktop.reports.xlsx_export import export_workbook
from selfeval_desktop.reports.xlsx_import import import_workbook, write_document
from selfeval_desktop.reports.xlsx_import_review import review, review_lines

from tests.file_helpers import reread

from . import xlsx_builders as build

STATED_KEY = "project::stated_execution_score"


def _cell_of(path, value):
    wb = openpyxl.load_workbook(path)
    return next(c.coordinate for row in wb.active.iter_rows() for c in row if c.value == value)


def test_an_unreadable_stated_rate_is_reported_with_its_cell(tmp_path):
    path = build.standard(tmp_path / "r.xlsx", build.with_spec(rate="约95%"))
    result = import_workbook(path)
    text = result.report.text()
    where = _cell_of(path, "约95%")
    line = next((ln for ln in text.splitlines() if "约95%" in ln), "")
    assert line.startswith("  未读取：") and f"（{where}）" in line, text
    assert "全年执行数" in line and "全年预算数" in line   # what the rate is taken from instead
    # the rate follows from the amounts: the project scores as it did
    assert result.document.projects[0].funding.executed == 190 * 10000 * 100


def test_an_unreadable_stated_execution_score_is_kept_as_typed(tmp_path):
    path = build.standard(tmp_path / "s.xlsx", build.with_spec(exec_score="见附件"))
    result = import_workbook(path)
    where = _cell_of(path, "见附件")
    text = result.report.text()
    assert f"执行率得分（{where}）" in text and "（原文已保留）" in text, text
    assert result.document.projects[0].unread == {STATED_KEY: "见附件"}
    assert any("未复核" in ln and "预算执行率得分" in ln
               for ln in review_lines(result.report, review(result.document, result.report)))
    target = tmp_path / "out.sqlite"
    write_document(result, target)
    doc = reread(target)
    project = doc.projects[0]
    assert project.unread == {STATED_KEY: "见附件"} and project.stated_execution_score is None
    found = [f for f in check_project(doc, project) if f.code == "unread"]
    assert len(found) == 1 and "“见附件”" in found[0].message and "预算执行率得分" in found[0].message


def test_an_execution_row_keeps_its_unreadable_score_and_says_its_rate(tmp_path):
    """湖北's form: 预算执行率 as a row of the indicator table, its 实际完成值 the rate."""
    path = build.hubei(tmp_path / "hb.xlsx", exec_in_table=True)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    row = next(c.row for r in ws.iter_rows() for c in r if c.value == "预算执行率" and c.column > 3)
    for c in ws[row]:
        if c.value == 19:
            c.value = "十九分"
        elif c.value == "95%":
            c.value = "见附件"
        elif c.value == 20:
            c.value = "二十"
    wb.save(path)
    result = import_workbook(path)
    text = result.report.text()
    assert result.document.projects[0].unread == {STATED_KEY: "十九分"}
    assert "预算执行率得分" in text and "“十九分”" in text and "（原文已保留）" in text, text
    rate = next((ln for ln in text.splitlines() if "见附件" in ln), "")
    assert rate.startswith("  未读取：") and f"第{row}行" in rate, text
    # the row's 分值 could not be read: not said to be empty
    assert "分值 未填" not in text and "“二十”" in text


def test_our_export_carries_an_unreadable_stated_execution_score_back(tmp_path):
    result = import_workbook(build.standard(tmp_path / "s.xlsx",
                                            build.with_spec(exec_score="见附件")))
    target = tmp_path / "doc.sqlite"
    write_document(result, target)
    out = tmp_path / "again.xlsx"
    export_workbook(reread(target), out)
    again = import_workbook(out)
    assert again.document.projects[0].unread == {STATED_KEY: "见附件"}
    assert "（原文已保留）" in again.report.text()
