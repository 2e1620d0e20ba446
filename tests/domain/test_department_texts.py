"""What the 部门整体 evaluation's score and checks say: no execution score (the department
profile has none), so no “执行率得分 —” in its total and no “按 100% 计分” about its rate."""
from selfeval_desktop.domain.checks import run_checks
from selfeval_desktop.domain.department import new_department
from selfeval_desktop.domain.evaluation import profile_for
from selfeval_desktop.domain.model import Document, Unit
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
