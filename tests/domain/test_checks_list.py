"""The 问题清单 of a file made 从上年文件新建, as the clerk reads it (it was 213 findings, the two
that needed a decision last in their projects)."""
from __future__ import annotations

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.checks import check_project, collapse_rows, run_checks, sort_key
from selfeval_desktop.domain.checks_list import CARRIED_OVER
from selfeval_desktop.domain.rollover import next_year


def next_years_file():
    doc = next_year(build_demo("004"))
    for number, project in enumerate(doc.projects, start=1):   # ids as a saved file has them
        project.id = number
    return doc


def test_last_years_content_to_look_at_comes_first_in_its_project():
    doc = next_years_file()
    carried = [p for p in doc.projects
               if any(f.code in CARRIED_OVER for f in check_project(doc, p))]
    assert carried                      # seed 004 carries “2021年…” and 2021 deadlines
    for project in carried:
        found = sorted(check_project(doc, project), key=sort_key)
        assert found[0].code in CARRIED_OVER, [f.code for f in found[:3]]
        assert any(f.severity == "error" for f in found)    # ahead of errors, not instead


def test_rows_with_the_same_gap_are_said_once_where_the_first_stood():
    doc = next_years_file()
    project = max(doc.projects, key=lambda p: len(p.indicators))
    found = sorted(check_project(doc, project), key=sort_key)
    gaps = [f for f in found if f.code == "actual_missing"]
    assert len(gaps) >= 3
    listed = collapse_rows(doc, found)
    merged = [f for f in listed if f.code == "actual_missing"]
    assert len(merged) == 1 and len(listed) == len(found) - len(gaps) + 1
    rows = sorted(f.place.row for f in gaps)
    assert merged[0].place == gaps[0].place and merged[0].place.row == rows[0]  # the jump: row 1
    assert merged[0].message.startswith(f"「{project.name}」第{rows[0] + 1}")
    assert merged[0].message.endswith(f"指标：实际完成值未填写（共 {len(rows)} 行）")
    assert [f for f in listed if f.code != "actual_missing"] == \
        [f for f in found if f.code != "actual_missing"]      # the rest as they were, in order


def test_a_gap_of_one_row_keeps_its_sentence_and_projects_stay_apart():
    doc = next_years_file()
    first, second = doc.projects[:2]
    for project in (first, second):
        for ind in project.indicators[1:]:
            ind.actual = "1个"
    found = run_checks(doc)
    listed = collapse_rows(doc, found)
    one = [f for f in listed if f.code == "actual_missing" and f.place.project_id in (first.id, second.id)]
    assert len(one) == 2 and all("（共" not in f.message for f in one)
    assert {f.place.project_id for f in one} == {first.id, second.id}


def test_the_weights_sum_goes_to_the_first_row_without_a_weight_and_tells_unread_from_empty():
    """“另有 1 项指标未填写分值” for a 分值 typed as “abc”, and the jump went to row 1."""
    from decimal import Decimal
    doc = build_demo("003")
    project = doc.projects[0]
    for number, ind in enumerate(project.indicators, start=1):
        ind.id = number
    project.indicators[2].weight = None
    project.unread[f"indicator:{project.indicators[2].id}:weight"] = "abc"
    project.indicators[4].weight = None
    project.indicators[0].weight = Decimal(1)
    [found] = [f for f in check_project(doc, project) if f.code == "weights_sum"]
    assert found.place.row == 2 and found.place.field == "weight"
    assert found.message.endswith("（另有 1 项指标未填写分值、1 项分值无法识别）")


def test_a_rate_indicator_that_is_not_the_budgets_rate_is_reminded():
    """An indicator 预算执行率 and the 预算表's own 执行率 were never compared."""
    doc = build_demo("001")
    for number, project in enumerate(doc.projects, start=1):
        project.id = number
    dept = doc.department
    row = next(r for r, ind in enumerate(dept.indicators) if ind.name == "预算执行率")

    def said():
        return [f for f in check_project(doc, dept) if f.code == "rate_indicator_differs"]
    assert not said()                  # 100% for 100.22%: over 100% is written as 100%
    dept.indicators[row].actual = "95%"
    [found] = said()
    assert found.place.row == row and found.place.field == "actual"
    assert "“95%”" in found.message and "100.22%" in found.message
    dept.funding.executed = dept.funding.annual_budget * 95 // 100 + 1000
    assert not said()                  # the budget's figures say 95% too


def test_a_rate_indicator_is_questioned_from_half_a_point_off():
    """19.28 of 20 万元 is 96.40%; “96%” (0.40 off) or “95.9%” (0.50 off) is the
    rate written with fewer decimals, “95.8%” (0.60 off) and “95%” are not (RATE_GAP = 5 passed)."""
    from selfeval_desktop.domain.money import parse_wan
    doc = build_demo("001")
    for number, project in enumerate(doc.projects, start=1):
        project.id = number
    dept = doc.department
    dept.funding.annual_budget, dept.funding.executed = parse_wan("20"), parse_wan("19.28")
    row = next(r for r, ind in enumerate(dept.indicators) if ind.name == "预算执行率")

    def said(actual):
        dept.indicators[row].actual = actual
        return [f for f in check_project(doc, dept) if f.code == "rate_indicator_differs"]
    assert said("96%") == [] and said("95.9%") == [] and said("96.9%") == []
    [found] = said("95%")
    # the rate as the 预算表 shows it, by the profile's rounding
    assert "“95%”与预算表算出的执行率 96.40%（全年执行数 19.28 万元／全年预算数 20 万元）" in found.message
    assert len(said("95.8%")) == 1 and len(said("97%")) == 1
