"""Rows judged by a 评分标准 (seed 001's 部门整体, no 年度指标值) and actuals
written in words as seed 004 writes them (未超过360天, 未超预算, 12月前完成拨付) are scored — from
the value where it can be read, from the 达成情况 the clerk picks where it cannot — never an error
that only an invented number clears."""
from decimal import Decimal as D

import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.checks import check_project
from selfeval_desktop.domain.evaluation import evaluate_document
from selfeval_desktop.domain.model import Indicator, ProjectKind
from selfeval_desktop.domain.profiles import load_profile
from selfeval_desktop.domain.scoring import judged_by_achievement, score_indicator
from selfeval_desktop.domain.values import Direction, parse_value

MOF = load_profile("mof2020")


def row(target, actual, achievement="", level2="数量指标", name="指标"):
    return Indicator("产出指标", level2, name, target, actual, D(10), achievement=achievement)


def score(target, actual, achievement="", level2="数量指标", year=2021):
    return score_indicator(row(target, actual, achievement, level2), MOF, year)


# ------------------------------------------------------------- seed 004's words

@pytest.mark.parametrize("actual", ["未超过360天", "未超360天", "没有超过360天", "不超过360天",
                                    "实际未超过360天"])
def test_not_more_than_n_days_is_read_as_a_ceiling_and_met(actual):
    """资金下达时间预期不超过 360 天，实际未超过 360 天 (seed 004, 科技金融服务平台运营服务项目)."""
    value = parse_value(actual)
    assert value.error is None and value.direction is Direction.NEGATIVE
    assert (value.number, value.unit) == (D(360), "天")
    s = score("不超过360天", actual)
    assert s.score == D("10.00") and s.error is None and not s.below_full
    assert actual in s.explanation and "不超过 360天" in s.explanation


def test_a_ceiling_above_the_target_is_not_scored_as_if_reached():
    """不超过400天 against ≤360天 says only ≤ 400: no 360/400 ratio, the clerk is asked."""
    s = score("≤360天", "不超过400天")
    assert s.score is None and "选择达成情况" in s.error
    assert judged_by_achievement(row("≤360天", "不超过400天"))
    assert score("≤360天", "不超过400天", achievement="部分达成").score == D("7.99")
    assert not judged_by_achievement(row("≤360天", "未超过360天"))


@pytest.mark.parametrize("actual", ["未超预算", "实际未超预算", "未超支", "没有超预算", "在预算内"])
def test_no_overrun_against_a_money_ceiling_is_full_marks_and_says_why(actual):
    """超预算金额不高于 5 万元，实际未超预算 (seed 004, 信息动态公示平台建设项目): the overrun is 0,
    so the 反向 indicator is met — full marks, as 0万元 typed would score, and the explanation
    says how the words were read."""
    s = score("不高于5万元", actual, level2="成本指标")
    assert s.score == D("10.00") and s.error is None and s.direction is Direction.NEGATIVE
    assert f"“{actual}”" in s.explanation and "超出预算 0" in s.explanation
    assert "反向" in s.explanation and "满分" in s.explanation
    assert score("5万元", actual, level2="成本指标").score == D("10.00")   # bare 成本: a ceiling
    assert not judged_by_achievement(row("不高于5万元", actual))


@pytest.mark.parametrize("actual", ["12月前完成拨付", "在12月前完成拨付", "2021年12月前完成拨付",
                                    "12月底前资金拨付完毕"])
def test_paid_before_december_is_on_time(actual):
    """拨付资金时间预期为 2021 年 12 月前，实际在 12 月前完成拨付 (seed 004)."""
    assert parse_value(actual).deadline is not None
    s = score("2021年12月前", actual)
    assert s.score == D("10.00") and s.direction is Direction.TIMELY
    assert score("2021年11月前", actual).score == D("0.00")     # still judged by its date


def test_words_against_a_number_are_scored_by_the_chosen_achievement():
    """举办活动 ≥20场, 实际 “圆满完成”: no number to compare, so the clerk picks 达成情况 (the
    cell takes a choice) instead of inventing 23场; without a choice it says so."""
    ind = row("≥20场", "圆满完成")
    assert judged_by_achievement(ind)
    s = score("≥20场", "圆满完成")
    assert s.score is None and "不是数值" in s.error and "选择达成情况" in s.error
    met = score("≥20场", "圆满完成", achievement="达成")
    assert met.score == D("10.00") and met.direction is Direction.POSITIVE
    assert "按达成情况“达成”" in met.explanation and "圆满完成" in met.explanation
    part = score("≥20场", "圆满完成", achievement="部分达成")
    assert D("6") <= part.score < D("8") and part.below_full
    # 未超预算 is a number only against money: against a rate it is words like any other
    assert score("≥100%", "未超预算").score is None
    assert score("≥100%", "未超预算", achievement="达成").score == D("10.00")


def test_an_actual_that_is_no_number_may_be_judged_instead():
    """参会人员预期 108 人，实际全国 108 个单位代表参会 (seed 004, 创新型产业集群培训班): the text
    is not 108人, so it is not compared; the error says the choice is the other way out, and the
    chosen 达成情况 scores the row."""
    ind = row("108人", "108个单位代表")
    assert judged_by_achievement(ind)
    s = score("108人", "108个单位代表")
    assert s.score is None and "无法识别" in s.error and "也可选择达成情况" in s.error
    met = score("108人", "108个单位代表", achievement="达成")
    assert met.score == D("10.00") and "108个单位代表" in met.explanation
    # a 时效 date that is wrong is not covered up by a choice: it is said at the cell
    assert not judged_by_achievement(row("2021年12月前", "2021年13月"))


def test_words_against_a_number_in_the_check_list_point_at_the_choice():
    doc = build_demo("004")
    project = doc.projects[0]
    project.indicators[0].actual = "圆满完成"
    project.indicators[0].achievement = ""
    [f] = [f for f in check_project(doc, project) if f.place.row == 0 and f.severity == "error"]
    assert f.code == "achievement_missing" and f.place.field == "achievement"


def test_numbers_still_compare_as_before():
    assert not judged_by_achievement(row("≥20场", "23场"))
    assert not judged_by_achievement(row("≥20场", ""))
    assert score("≥20场", "15场").score == D("7.50")
    assert score("≤5万元", "6万元").score == D("8.33")


# ------------------------------------------------------------- seed 001, no targets

def test_a_row_without_target_takes_a_choice_and_says_so_when_it_has_none():
    ind = Indicator("过程指标", "预算执行", "预算调整率", "", "未达标", D("12.5"))
    assert judged_by_achievement(ind)
    s = score_indicator(ind, load_profile("department"))
    assert s.score is None and s.error.startswith("年度指标值未填写")
    assert "按评分标准选择达成情况" in s.error


def test_seed_001_reaches_the_papers_99_by_choosing_achievements():
    """新乡市科学技术局 scored itself 99: 投入 15, 过程 24 (预算调整率 扣 1 分), 产出 30, 效益 20,
    满意度 10. No 年度指标值 anywhere; choosing 达成 on the rows the report judges met and 11.5
    on 预算调整率 (调整后得分, with the report's reason) gives 99 / 优 with no 错误 — the blank
    targets are 提醒 only."""
    doc = build_demo("001")
    dept = doc.department
    for ind in dept.indicators:
        ind.achievement = "达成"
    [adjust] = [ind for ind in dept.indicators if ind.name == "预算调整率"]
    adjust.override, adjust.override_reason = D("11.5"), "预算调整率未达标，扣 1 分"
    result = next(p for p in evaluate_document(doc)["projects"] if p["kind"] == "department")
    assert result["total"] == "99.00" and result["grade"] == "优" and not result["provisional"]
    findings = check_project(doc, dept)
    assert not [f for f in findings if f.severity == "error" and f.place.tab == "indicators"]
    blank = [f for f in findings if f.code == "target_empty"]
    assert len(blank) == len(dept.indicators) and all(f.severity == "warning" for f in blank)


def test_seed_001_rows_without_a_choice_are_red_at_the_choice_not_the_target():
    doc = build_demo("001")
    dept = doc.department
    assert dept.kind is ProjectKind.DEPARTMENT
    errors = [f for f in check_project(doc, dept) if f.severity == "error"
              and f.place.tab == "indicators" and f.place.row is not None]
    unjudged = [i for i, ind in enumerate(dept.indicators) if not ind.achievement]
    assert sorted(f.place.row for f in errors) == unjudged
    assert all(f.place.field == "achievement" and "选择达成情况" in f.message for f in errors)
