"""A new 部门整体 file opened with 9 错误 (one per template row, every 达成情况 red)
before anything was typed. Indicators none of which is begun are not yet evaluated: said once,
as a project without indicators is (“尚未填写绩效指标，无法评分”), by the same rule in a project and
a 部门整体; still an error, so 定稿 is refused; wrong input in a row is said as before."""
from __future__ import annotations

from decimal import Decimal

from selfeval_desktop.db.finalize import can_finalize
from selfeval_desktop.domain.checks import collapse_rows, run_checks, sort_key
from selfeval_desktop.domain.checks_indicators import not_started
from selfeval_desktop.domain.department import TEMPLATE_ROWS, new_department
from selfeval_desktop.domain.model import Document, Indicator, Unit, new_project


def new_file(scope: str = "department") -> Document:
    """What 文件→新建 makes (ui.file_actions.new_document), ids as a saved file has them."""
    doc = Document(unit=Unit(name="某县科学技术局"), year=2024, profile_id="mof2020")
    if scope in ("department", "both"):
        doc.projects.append(new_department(doc))
    if scope in ("project", "both"):
        doc.projects.append(new_project(doc))
    for number, project in enumerate(doc.projects, start=1):
        project.id = number
        for row, ind in enumerate(project.indicators):
            ind.id = number * 100 + row
    return doc


def errors(doc: Document, project=None) -> list:
    return [f for f in run_checks(doc) if f.severity == "error"
            and (project is None or f.place.project_id == project.id)]


def test_a_new_department_says_once_that_its_indicators_are_not_filled_yet():
    doc = new_file()
    dept = doc.department
    assert not_started(dept)
    found = errors(doc)
    assert [f.code for f in found] == ["indicators_unfilled"]
    f = found[0]
    assert f.message.startswith(f"「{dept.name}」{len(TEMPLATE_ROWS)} 项指标尚未填写")
    assert "选择达成情况" in f.message           # the other way out is said too
    assert (f.place.tab, f.place.table, f.place.row, f.place.field) == \
        ("indicators", "indicator", 0, "achievement")
    # nothing else of the untouched file is more than a 提醒
    assert all(g.severity == "warning" for g in run_checks(doc) if g is not f and g != f)


def test_the_new_file_of_both_is_said_as_a_new_project_is():
    doc = new_file("both")
    dept, project = doc.projects
    assert [f.code for f in errors(doc, dept)] == ["indicators_unfilled"]
    assert sorted(f.code for f in errors(doc, project)) == ["annual_budget_missing",
                                                            "indicators_missing"]


def test_an_untouched_department_is_not_finalized():
    doc = new_file()
    allowed, blocking = can_finalize(doc, doc.department)
    assert not allowed and [f.code for f in blocking] == ["indicators_unfilled"]


def test_once_a_row_is_begun_each_other_row_says_its_gap_again():
    doc = new_file()
    dept = doc.department
    dept.indicators[0].achievement = "达成"
    assert not not_started(dept)
    codes = [f.code for f in errors(doc)]
    assert "indicators_unfilled" not in codes
    assert codes.count("achievement_missing") == len(TEMPLATE_ROWS) - 1
    # listed as one line, as a project's rows without 年度指标值 are
    listed = collapse_rows(doc, sorted(run_checks(doc), key=sort_key))
    merged = [f for f in listed if f.code == "achievement_missing"]
    assert len(merged) == 1 and f"共 {len(TEMPLATE_ROWS) - 1} 行" in merged[0].message
    dept.indicators[0].achievement = ""            # emptied again: not begun
    assert [f.code for f in errors(doc)] == ["indicators_unfilled"]


def test_wrong_input_stays_an_error_at_its_cell():
    doc = new_file()
    dept = doc.department
    dept.indicators[0].target = "≥九十%"            # unreadable: wrong, not merely unfilled
    found = [f for f in errors(doc) if f.place.row == 0]
    assert [f.code for f in found] == ["target_unreadable"]
    dept.indicators[0].target = ""
    dept.indicators[1].override = Decimal("-1")     # an adjusted score is typed: begun, and wrong
    codes = [f.code for f in errors(doc)]
    assert "indicators_unfilled" not in codes and "override_reason_missing" in codes


def test_the_same_rule_holds_in_a_project():
    """A project whose rows have only names and 分值 (typed, or 插入常用指标 without targets) is
    not yet evaluated either: one line, not one per row."""
    doc = new_file("project")
    project = doc.projects[0]
    project.indicators = [Indicator("产出指标", "数量指标", f"指标{i}", weight=Decimal(10), id=10 + i)
                          for i in range(9)]
    found = [f for f in errors(doc) if f.place.table == "indicator"]
    assert [f.code for f in found] == ["indicators_unfilled"]
    assert found[0].place.field == "target"
    project.indicators[0].target = "≥50人"
    codes = [f.code for f in errors(doc)]
    assert codes.count("target_missing") == 8 and "actual_missing" in codes
