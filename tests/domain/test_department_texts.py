"""The 部门整体 evaluation as new_department makes it (five headings weighted by the profile),
and what its score and checks say: no execution score (the department profile has none), so no
“执行率得分 —” in its total and no “按 100% 计分” about its rate."""
from decimal import Decimal

from selfeval_desktop.domain.checks import run_checks
from selfeval_desktop.domain.department import TEMPLATE_ROWS, new_department
from selfeval_desktop.domain.evaluation import profile_for
from selfeval_desktop.domain.model import Document, ProjectKind, Unit
from selfeval_desktop.domain.money import parse_wan
from selfeval_desktop.domain.scoring import score_project


def _department():
    doc = Document(unit=Unit(name="河池市科协"), year=2020)
    dept = new_department(doc)
    for ind in dept.indicators:
        ind.target, ind.actual = "≥90%", "96%"
    dept.funding.annual_budget = parse_wan("1464.083")
    dept.funding.executed = parse_wan("1467.319")
    dept.id = 1
    doc.projects.append(dept)
    return doc, dept


def test_the_department_total_is_the_indicator_sum_without_an_execution_term():
    doc, dept = _department()
    score = score_project(dept, profile_for(doc, dept))
    assert "执行率得分" not in score.explanation
    assert score.explanation.startswith(f"总分 = 指标得分合计 {score.total} = {score.total}")


def test_an_overspent_department_is_not_told_its_rate_is_scored_as_100():
    doc, dept = _department()
    over = [f for f in run_checks(doc) if f.code == "execution_over_100"]
    assert over and "100.22%" in over[0].message
    assert "计分" not in over[0].message


def test_new_department_has_the_five_headings_weighted_by_the_profile():
    doc = Document(unit=Unit(name="新乡市科学技术局"), year=2021)
    dept = new_department(doc)
    assert dept.kind is ProjectKind.DEPARTMENT and dept.name == "新乡市科学技术局部门整体支出"
    assert [i.level1 for i in dept.indicators] == [a for a, _, _ in TEMPLATE_ROWS]
    assert {i.level2 for i in dept.indicators} >= {"预算编制", "预算执行", "预算管理", "资产管理",
                                                   "职责履行", "履职效益", "服务对象满意度"}
    profile = profile_for(doc, dept)
    for level in profile.level1:     # each heading's rows add up to the profile's weight
        rows = [i.weight for i in dept.indicators if profile.level1_for(i.level1) is level]
        assert rows and sum(rows) == level.weight
    assert sum(i.weight for i in dept.indicators) == Decimal(100) - profile.execution_weight
    assert all(not i.target and not i.actual for i in dept.indicators)   # to be filled
