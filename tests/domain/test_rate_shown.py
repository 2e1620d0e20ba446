"""执行率 is rounded only where shown, by the profile's rule, and one way everywhere: the same
project's rate must read the same in the window, the explanation, ``score`` and every form
(under a truncating profile the MoF form printed 99.99% and the report, the grid
and the explanation 100.00%, beside a score of 9.99)."""
from __future__ import annotations

from decimal import Decimal as D

from selfeval_desktop.domain.checks import check_project
from selfeval_desktop.domain.evaluation import evaluate_document
from selfeval_desktop.domain.model import Document, Funding, Indicator, Project, Unit
from selfeval_desktop.domain.profiles import load_profile
from selfeval_desktop.domain.scoring import rate_text, score_execution

MOF, TRUNC = load_profile("mof2020"), load_profile("mof2020_truncate")


def project(budget_fen: int, executed_fen: int) -> Project:
    return Project(name="学术交流活动经费", id=1,
                   funding=Funding(annual_budget=budget_fen, executed=executed_fen),
                   indicators=[Indicator("产出指标", "数量指标", "举办次数", "≥4次", "4次", D(90))])


def test_the_rate_text_rounds_by_the_profile():
    assert rate_text(D("0.99995"), MOF) == "100.00%"
    assert rate_text(D("0.99995"), TRUNC) == "99.99%"
    assert rate_text(D("0.964"), TRUNC) == "96.40%"
    assert rate_text(D("1.01225"), TRUNC) == "101.22%"
    assert rate_text(D("1.01225"), MOF) == "101.23%"


def test_the_explanation_under_truncation_states_the_rate_the_forms_print():
    # 1.9999 of 2 万元: 99.995%, 9.9995 points truncated to 9.99
    ex = score_execution(project(2_000_000, 1_999_900), TRUNC)
    assert ex.score == D("9.99")
    assert ex.explanation == ("执行率 = 全年执行数 1.9999 万元 / 全年预算数 2 万元 = 99.99%；"
                              "99.99% × 10 分 = 9.99")


def test_the_explanation_half_up_is_unchanged():
    ex = score_execution(project(2_000_000, 1_999_900), MOF)
    assert ex.score == D("10.00")
    assert ex.explanation == ("执行率 = 全年执行数 1.9999 万元 / 全年预算数 2 万元 = 100.00%；"
                              "100.00% × 10 分 = 10.00")


def test_score_json_gives_the_shown_rate():
    doc = Document(unit=Unit(name="河池市科协"), year=2020, profile_id="mof2020_truncate",
                   projects=[project(2_000_000, 1_999_900)])
    assert evaluate_document(doc)["projects"][0]["execution"]["rate"] == "0.9999"
    doc.profile_id = "mof2020"
    assert evaluate_document(doc)["projects"][0]["execution"]["rate"] == "1.0000"


def test_the_check_list_states_the_rate_as_the_grid_shows_it():
    # 2.0245 of 2 万元: 101.225%, shown 101.22% where the profile truncates
    doc = Document(unit=Unit(name="河池市科协"), year=2020, profile_id="mof2020_truncate",
                   projects=[project(2_000_000, 2_024_500)])
    [over] = [f for f in check_project(doc, doc.projects[0]) if f.code == "execution_over_100"]
    assert "执行率 101.22%（按 100% 计分）" in over.message
