"""Scoring as the rule states it (DESIGN.md, 财预〔2020〕10号): each direction, band, override,
the execution rate, totals, grades and the explanation a user reads in the tooltip."""
from decimal import Decimal as D

import pytest

from selfeval_desktop.domain.model import Funding, Indicator, Project, ProjectKind
from selfeval_desktop.domain.money import parse_wan
from selfeval_desktop.domain.profiles import load_profile, parse_profile
from selfeval_desktop.domain.scoring import (UNSCORED, ExecutionScore, combine, qualitative_band,
                                             score_execution, score_indicator, score_project, shown_grade)
from selfeval_desktop.domain.values import Direction

MOF = load_profile("mof2020")
LINEAR = load_profile("mof2020_linear")
TRUNC = load_profile("mof2020_truncate")
HUBEI = load_profile("hubei")
DEPT = load_profile("department")


def score(target, actual, weight="10", profile=MOF, **kw):
    return score_indicator(Indicator(target=target, actual=actual,
                                     weight=None if weight is None else D(weight), **kw), profile)


def project(budget_wan=None, executed_wan=None, indicators=(), kind=ProjectKind.PROJECT):
    funding = Funding(annual_budget=None if budget_wan is None else parse_wan(budget_wan),
                      executed=None if executed_wan is None else parse_wan(executed_wan))
    return Project(name="科技创新考察学习项目", kind=kind, funding=funding,
                   indicators=list(indicators))


# ------------------------------------------------------------------ 正向

def test_positive_met_gets_full_score_without_deviation_request():
    s = score("≥4次", "5次")
    assert s.score == D("10.00") and s.direction is Direction.POSITIVE
    assert not s.below_full and not s.overshoot and s.error is None
    assert s.explanation == "实际 5次 ≥ 目标 4次，得满分 10 分 = 10.00"


def test_positive_partial_is_proportional_and_explained():
    s = score("≥4次", "1次")
    assert s.score == D("2.50")
    assert s.explanation == "1 / 4 次 × 10 分 = 2.50"
    assert s.below_full  # asks for 偏差原因分析


def test_bare_number_target_is_positive():
    assert score("4次", "1次").score == D("2.50")
    assert score("300家", "381家").score == D("10.00")


def test_positive_overshoot_above_threshold_is_flagged():
    over = score("≥4次", "6次")   # 150% of target
    assert over.score == D("10.00") and over.overshoot and not over.below_full
    assert "130%" in over.explanation and "说明" in over.explanation
    assert not score("≥4次", "5次").overshoot   # 125%
    assert not score("≥10次", "13次").overshoot  # exactly 130% is not above it


def test_positive_percent_ratio():
    assert score("≥95%", "92%").score == D("9.68")  # 10 × 92 / 95 = 9.684…


def test_positive_negative_actual_scores_zero():
    s = score("≥4次", "-1次")
    assert s.score == D("0.00") and s.below_full


@pytest.mark.parametrize("target, actual", [("≥0", "-1"), ("≥-5", "-10")])
def test_positive_non_positive_target_below_gives_zero_not_a_crash(target, actual):
    s = score(target, actual)
    assert s.score == D("0.00")
    assert str(s.score) == "0.00"  # never "-0.00"
    assert s.below_full


# ------------------------------------------------------------------ 反向

def test_negative_within_target_is_full():
    s = score("≤5万元", "4.8万元")
    assert s.score == D("10.00") and s.direction is Direction.NEGATIVE and not s.below_full


def test_negative_ratio_method():
    s = score("≤5万元", "6万元", profile=MOF)
    assert s.score == D("8.33")  # 10 × 5 / 6
    assert s.explanation == "反向指标：5 / 6 万元 × 10 分 = 8.33"
    assert s.below_full
    assert score("≤5万元", "10万元", profile=MOF).score == D("5.00")


@pytest.mark.parametrize("actual, expected", [
    ("6万元", "8.00"), ("7.5万元", "5.00"), ("9万元", "2.00"),
    ("10万元", "0.00"),   # twice the target: 0
    ("12万元", "0.00"),   # beyond twice: still 0, never negative
])
def test_negative_linear_method_reaches_zero_at_twice_the_target(actual, expected):
    s = score("≤5万元", actual, profile=LINEAR)
    assert s.score == D(expected)
    assert s.below_full
    assert "线性" in s.explanation


def test_negative_linear_explanation_says_zero_beyond_twice():
    assert "两倍" in score("≤5万元", "12万元", profile=LINEAR).explanation
    assert "两倍" not in score("≤5万元", "6万元", profile=LINEAR).explanation


def test_negative_words_after_number():
    assert score("5万元以内", "6万元").score == D("8.33")


def test_negative_zero_target_exceeded_scores_zero():
    s = score("≤0起", "1起")
    assert s.score == D("0.00") and s.below_full


def test_bare_amount_under_cost_heading_is_a_ceiling():
    s = score_indicator(Indicator(level2="成本指标", target="5万元", actual="6万元",
                                  weight=D(10)), MOF)
    assert s.direction is Direction.NEGATIVE and s.score == D("8.33")


# ------------------------------------------------------------------ 等于

def test_equal_met_and_missed_both_sides():
    assert score("=100%", "100%").score == D("10.00")
    low = score("=100%", "95%")
    assert low.score == D("9.50") and low.direction is Direction.EQUAL and low.below_full
    assert score("=100%", "105%").score == D("9.52")  # 10 × 100 / 105


# ------------------------------------------------------------------ 时效

def test_timely_on_time_and_same_month():
    for actual in ("2021年11月", "2021年12月", "2021年12月20日"):
        s = score("2021年12月前", actual)
        assert s.score == D("10.00") and s.direction is Direction.TIMELY, actual


def test_timely_late_scores_zero_and_asks_for_reason():
    s = score("2021年12月前", "2022年1月")
    assert s.score == D("0.00") and s.below_full
    assert "晚于" in s.explanation


def test_timely_target_without_year_is_read_in_the_evaluation_year():
    # the actual's year is no guide (12月底前 against 2022年1月 was "on time")
    def timely(target, actual, year):
        return score_indicator(Indicator(target=target, actual=actual, weight=D(10)), MOF, year)
    assert timely("12月底前", "2021年11月", 2021).score == D("10.00")
    assert timely("6月底前", "2021年7月", 2021).score == D("0.00")
    assert score("12月底前", "2021年11月").score is None   # no evaluation year: not judged


def test_timely_month_only_actual_within_target_month_is_on_time():
    # "completed in June" against "by 30 June": same month, not late
    assert score("2021年6月30日前", "2021年6月").score == D("10.00")
    assert score("2021年6月30日前", "2021年7月").score == D("0.00")


def test_timely_office_dates_and_periods_are_scored_as_dates():
    """Seed 003's 完成时间 typed as 2020.12 asked for a 达成情况; a period target
    (2020年1月至12月) was unreadable."""
    from selfeval_desktop.domain.scoring import judged_by_achievement
    assert score("2020年12月底前", "2020.12").score == D("10.00")
    assert score("2020年12月底前", "2021.2").score == D("0.00")
    assert "（按 2020年12月）" in score("2020年12月底前", "2020.12").explanation
    # 2021.1 may be Excel's 2021.10: asked, not read as January
    asked = score("2021年6月底前", "2021.1")
    assert asked.score is None and "2021年1月还是2021年10月" in asked.error
    assert not judged_by_achievement(Indicator(target="2020年12月底前", actual="2020.12", weight=D(10)))
    assert score("2020年1月至12月", "2020年12月").score == D("10.00")


def test_timely_with_qualitative_actual_uses_achievement_band():
    s = score("2021年12月前", "已完成")
    assert s.score == D("10.00") and s.achievement == "达成"
    assert "时效" in s.explanation
    unclear = score("2021年12月前", "按计划推进")
    assert unclear.score is None and "时效" in unclear.error
    stated = score("2021年12月前", "按计划推进", achievement="部分达成")
    assert stated.score == D("7.99")


# ------------------------------------------------------------------ 定性

@pytest.mark.parametrize("level, low, high, suggested", [
    ("达成", "8.00", "10.00", "10.00"),
    ("部分达成", "6.00", "8.00", "7.99"),
    ("未达成", "0.00", "6.00", "5.99"),
])
def test_qualitative_bands_and_suggestion_at_band_top(level, low, high, suggested):
    s = score("良好", "较好", achievement=level)
    assert s.direction is Direction.QUALITATIVE
    assert s.band == (D(low), D(high))
    assert s.score == D(suggested) and s.rule_score == D(suggested)
    assert s.achievement == level
    assert s.below_full == (level != "达成")
    assert level in s.explanation and suggested in s.explanation


def test_qualitative_band_bounds_scale_with_weight():
    assert qualitative_band(D(5), "达成", MOF) == (D("4.00"), D("5.00"), D("5.00"))
    assert qualitative_band(D(5), "部分达成", MOF) == (D("3.00"), D("4.00"), D("3.99"))
    assert qualitative_band(D(5), "未达成", MOF) == (D("0.00"), D("3.00"), D("2.99"))


@pytest.mark.parametrize("weight", ["16.67", "7.125", "0.5"])
def test_scores_never_exceed_the_weight(weight):
    w = D(weight)
    for level in ("达成", "部分达成", "未达成"):
        s = score("良好", "良好", weight=weight, achievement=level)
        assert s.score <= w, (weight, level, s.score)
    assert score("≥4次", "5次", weight=weight).score <= w
    assert score("≥4次", "5次", weight=weight, profile=TRUNC).score <= w


def test_qualitative_partial_band_top_stays_below_the_next_band():
    # 16.67 × 80% = 13.336: the suggestion must stay below it (13.33), not round up into 达成
    s = score("良好", "一般", weight="16.67", achievement="部分达成")
    assert s.score == D("13.33")


def test_qualitative_level_read_from_actual_text():
    assert score("良好", "基本达成").achievement == "部分达成"
    assert score("显著提升", "显著提升").achievement == "达成"  # actual equals target
    s = score("良好", "较好")
    assert s.score is None and "达成情况" in s.error


def test_qualitative_missing_actual():
    s = score("达成", "")
    assert s.score is None and s.error == "实际完成值未填写"


# ------------------------------------------------------------------ overrides (调整后得分)

def test_override_within_band_with_reason_is_accepted_and_printed():
    s = score("达成", "达成", override=D("8.5"), override_reason="部分活动延期")
    assert s.score == D("8.50") and s.rule_score == D("10.00") and s.error is None
    assert "部分活动延期" in s.explanation and "8.50" in s.explanation
    assert s.below_full  # an override below full also asks for 偏差原因分析


def test_override_of_quantitative_row_within_weight_is_accepted():
    s = score("≥4次", "1次", override=D("3"), override_reason="受疫情影响，经主管部门同意")
    assert s.score == D("3.00") and s.rule_score == D("2.50") and s.error is None


def test_override_at_band_edges():
    assert score("达成", "达成", override=D("8"), override_reason="x").score == D("8.00")
    # the top of 达成's closed band, 10.00 of 10, is taken and not refused (the
    # rule's own score is 10.00 too, so only the missing error tells the two apart)
    top = score("达成", "达成", override=D("10"), override_reason="x")
    assert top.score == D("10.00") and top.error is None
    assert score("良好", "一般", achievement="部分达成", override=D("7.99"),
                 override_reason="x").score == D("7.99")


@pytest.mark.parametrize("target, actual, kw, value", [
    ("达成", "达成", {}, "7.5"),                         # below 达成's band
    ("良好", "一般", {"achievement": "部分达成"}, "8"),     # 部分达成's band is open at 80%
    ("良好", "一般", {"achievement": "未达成"}, "6.5"),
    ("达成", "达成", {}, "11"),                          # above 分值
    ("≥4次", "1次", {}, "10.5"),
    ("≥4次", "1次", {}, "-1"),                           # below 0
])
def test_override_out_of_range_is_refused_rule_score_kept(target, actual, kw, value):
    rule = score(target, actual, **kw)
    s = score(target, actual, override=D(value), override_reason="领导要求", **kw)
    assert s.score == rule.score and s.rule_score == rule.score
    assert s.error and "未采用" in s.error
    assert s.error in s.explanation


def test_override_without_reason_is_refused():
    s = score("≥4次", "1次", override=D("3"))
    assert s.score == D("2.50")
    assert s.error and "理由" in s.error
    blank = score("≥4次", "1次", override=D("3"), override_reason="   ")
    assert blank.score == D("2.50") and "理由" in blank.error


def test_override_without_rule_score_is_refused():
    # 定性 row whose 达成 level is unknown: no band, so no override can be checked against it
    s = score("良好", "较好", override=D("9"), override_reason="自评")
    assert s.score is None and s.error


# ------------------------------------------------------------------ weights and errors

def test_missing_or_negative_weight_is_an_error():
    assert score("≥4次", "1次", weight=None).error == "分值未填写"
    assert score("≥4次", "1次", weight="-2").score is None


def test_unreadable_target_is_an_error_not_a_guess():
    s = score("4次以下以上", "1次")
    assert s.score is None and s.error


def test_missing_actual_is_an_error():
    s = score("≥4次", "")
    assert s.score is None and s.error == "实际完成值未填写"


# ------------------------------------------------------------------ units

def test_unit_conversion_yi_and_wan():
    s = score("≥1.5亿元", "15084万元")
    assert s.score == D("10.00") and s.error is None
    assert "15084万元" in s.explanation  # what the user typed is shown
    part = score("≥1.5亿元", "7500万元")
    assert part.score == D("5.00")
    assert score("≤5万元", "60000元").score == D("8.33")


def test_incompatible_units_are_refused_with_message():
    s = score("≥100次", "80人次")
    assert s.score is None
    assert "次" in s.error and "人次" in s.error and "单位" in s.error


# ------------------------------------------------------------------ rounding

def test_half_up_and_truncation_on_a_real_score():
    # 96.85 / 100 × 10 = 9.685 exactly
    assert score("≥100%", "96.85%", profile=MOF).score == D("9.69")
    assert score("≥100%", "96.85%", profile=TRUNC).score == D("9.68")
    assert score("≥100%", "96.85%", profile=MOF).explanation.endswith("= 9.69")


def test_exact_halves_are_rounded_up_even_when_a_quotient_does_not_terminate():
    # 分值 15 × 执行 1 / 预算 3000 = 0.005 exactly; dividing first gives 0.00499… → 0.00
    data = {"id": "t15", "name": "t", "execution_weight": "15",
            "level1": [{"key": "产出", "label": "产出指标", "weight": "85"}],
            "negative_method": "linear", "overshoot_threshold": "1.3",
            "grades": [["优", "90"], ["差", "0"]],
            "qualitative_bands": [{"achievement": "达成", "low": "0.8", "high": "1",
                                   "high_inclusive": True}]}
    profile = parse_profile(data)
    p = project()
    p.funding.annual_budget, p.funding.executed = 3000, 1
    assert score_execution(p, profile).score == D("0.01")
    # 反向 linear: 15 × (1 − (5.999 − 3) / 3) = 0.005
    assert score("≤3", "5.999", weight="15", profile=profile).score == D("0.01")


# ------------------------------------------------------------------ 预算执行率

def test_execution_full_partial_and_capped():
    full = score_execution(project("100", "100"), MOF)
    assert full.rate == 1 and full.score == D("10.00") and full.error is None
    part = score_execution(project("310", "298.84"), MOF)  # 96.4%
    assert part.score == D("9.64")
    assert "96.40%" in part.explanation and "9.64" in part.explanation
    over = score_execution(project("100", "110"), MOF)
    assert over.rate == D("1.1") and over.score == D("10.00")
    assert "110.00%" in over.explanation and "按100%" in over.explanation


def test_the_stated_product_gives_the_stated_score_at_an_exact_half():
    """1.9989 of 2 万元 said “99.95% × 10 分 = 9.99”; 99.95% × 10 is 9.995, 10.00."""
    ex = score_execution(project("2", "1.9989"), MOF)
    assert ex.score == D("9.99")
    assert "= 99.95%；" in ex.explanation                  # the rate as the forms show it
    assert "99.945% × 10 分 = 9.99" in ex.explanation        # the product that gives 9.99
    assert "99.95% × 10" not in ex.explanation
    part = score_execution(project("310", "298.84"), MOF)   # no half: the rate as shown
    assert "96.40% × 10 分 = 9.64" in part.explanation


def test_execution_zero_budget_is_an_error_not_a_division():
    ex = score_execution(project("0", "5"), MOF)
    assert ex.score is None and ex.rate is None and "为0" in ex.error


@pytest.mark.parametrize("budget, executed", [("-100", "50"), ("100", "-5")])
def test_execution_negative_figures_are_an_error_not_a_negative_score(budget, executed):
    ex = score_execution(project(budget, executed), MOF)
    assert ex.score is None and "负数" in ex.error


@pytest.mark.parametrize("budget, executed", [(None, "5"), ("5", None), (None, None)])
def test_execution_missing_figures(budget, executed):
    ex = score_execution(project(budget, executed), MOF)
    assert ex.score is None and ex.error and "未填写" in ex.error


def test_execution_weight_by_profile():
    assert score_execution(project("100", "96.4"), HUBEI).score == D("19.28")
    dept = score_execution(project("100", "96.4"), DEPT)
    assert dept.weight == 0 and dept.score is None and dept.error is None


# ------------------------------------------------------------------ totals and grades

def _ind(level1, target, actual, weight, **kw):
    return Indicator(level1=level1, level2="数量指标", name="认定获奖数量", target=target,
                     actual=actual, weight=D(weight), **kw)


def test_total_is_sum_of_shown_scores_and_grade():
    p = project("310", "310", [
        _ind("产出指标", "≥4次", "1次", "20"),      # 5.00
        _ind("产出指标", "≥4个", "8个", "30"),      # 30.00
        _ind("效益指标", "显著提升", "显著提升", "30"),  # 30.00
        _ind("满意度指标", "≥90%", "95%", "10"),    # 10.00
    ])
    result = score_project(p, MOF)
    assert [s.score for s in result.indicators] == [D("5.00"), D("30.00"), D("30.00"), D("10.00")]
    assert result.total == D("85.00") and result.grade == "良"
    assert "85.00" in result.explanation and "良" in result.explanation


def test_total_adds_the_printed_column():
    # three rows of 10 × 1/3 = 3.333… each print 3.33; the printed column adds to 9.99
    p = project(None, None, [_ind("产出指标", "≥3次", "1次", "10") for _ in range(3)])
    result = score_project(p, MOF)
    assert result.total == D("9.99")


def test_missing_scores_count_zero_and_are_said():
    p = project("100", "100", [_ind("产出指标", "≥4次", "", "50"),
                               _ind("效益指标", "达成", "达成", "40")])
    result = score_project(p, MOF)
    assert result.total == D("50.00")
    assert "1 项指标尚无得分" in result.explanation


@pytest.mark.parametrize("target, actual, profile, formula", [
    ("≥6%", "5%", MOF, "5% / 6% × 2 分"),                 # not "5 / 6% × 2 分"
    ("≥100%", "99.8%", MOF, "99.8% / 100% × 2 分"),
    ("≥100%", "99.8", MOF, "99.8% / 100% × 2 分"),        # unit left out: shown in the target's
    ("≤5万元", "6万元", MOF, "反向指标：5 / 6 万元 × 2 分"),
    ("≤5万元", "6万元", LINEAR, "(1 − (6万元 − 5万元) / 5万元)"),
    ("=10人", "8人", MOF, "等于型指标偏离目标：8 / 10 人 × 2 分"),
    ("≥4", "3", MOF, "3 / 4 × 2 分"),                       # no unit on either side
])
def test_formulas_show_the_unit_on_both_sides(target, actual, profile, formula):
    assert formula in score(target, actual, weight="2", profile=profile).explanation


def test_fraction_against_percentage_target_is_an_error_at_the_actual():
    s = score("≥90%", "0.95")
    assert s.score is None and "是否应为 95%" in s.error
    assert score("≥90%", "95").score == D("10.00") and score("100%", "100").score == D("10.00")


def test_nothing_scorable_is_unscored_not_poor():
    # seed 002: no indicators and no 全年执行数 — not 0 分 / 差
    bare = score_project(project("100", None), MOF)
    assert not bare.scored and bare.grade == UNSCORED == "未评分"
    assert "未评分" in bare.explanation and "全年执行数" in bare.explanation
    # indicators typed but none scorable yet, and no execution rate either
    empty = score_project(project(None, None, [_ind("产出指标", "≥4次", "", "50")]), MOF)
    assert not empty.scored and empty.grade == UNSCORED and "1 项指标均无得分" in empty.explanation
    # a profile without an execution score, with no indicator scored
    dept = score_project(project("100", "90", [_ind("产出指标", "≥4次", "", "30")],
                                 kind=ProjectKind.DEPARTMENT), DEPT)
    assert not dept.scored and dept.grade == UNSCORED


def test_an_unscored_project_says_briefly_what_is_missing():
    """The window's header shows it beside 未评分 (seed 000: no 执行数, no figure against its
    targets), where the whole explanation does not fit."""
    bare = score_project(project("100", None, [_ind("产出指标", "≥4次", "", "50")] * 12), MOF)
    assert bare.unscored_reason == "未填写全年执行数；12 项指标均无得分"
    assert score_project(project("100", "50"), MOF).unscored_reason == "尚未填写绩效指标"
    dept = score_project(project("100", "90", [_ind("产出指标", "≥4次", "", "30")],
                                 kind=ProjectKind.DEPARTMENT), DEPT)
    assert dept.unscored_reason == "1 项指标均无得分"      # no 执行率 of its own to miss
    one_row = score_project(project(None, None, [_ind("产出指标", "≥4次", "4次", "50")]), MOF)
    assert one_row.scored and one_row.unscored_reason == ""


def test_partly_scorable_project_keeps_its_total():
    only_rate = score_project(project("100", "50"), MOF)   # no indicators yet: 未评分, not 5.00
    assert not only_rate.scored and only_rate.grade == UNSCORED
    assert "执行率得分 5.00" in only_rate.explanation and "尚未填写绩效指标" in only_rate.explanation
    one_row = score_project(project(None, None, [_ind("产出指标", "≥4次", "4次", "50"),
                                                 _ind("产出指标", "≥4次", "", "40")]), MOF)
    assert one_row.scored and one_row.total == D("50.00")
    assert "1 项指标尚无得分（按 0 分计）" in one_row.explanation
    # the total is kept, the grade is not given (差 for a form half filled in would mislead)
    assert one_row.provisional and "尚无得分" in one_row.provisional_reason
    assert shown_grade(one_row) == "—" and "等次：—" in one_row.explanation


@pytest.mark.parametrize("total, mof, trunc", [
    ("100", "优", "优"), ("90", "优", "优"), ("89.99", "良", "良"), ("80", "良", "良"),
    ("79.99", "中", "一般"), ("60", "中", "一般"), ("59.99", "差", "差"), ("0", "差", "差"),
])
def test_grade_bands(total, mof, trunc):
    ex = ExecutionScore(D(10), None, None, "")
    parts = (score("≥4次", "4次", weight=total),)  # one row carrying the whole total
    assert combine(ex, parts, MOF).grade == mof
    assert combine(ex, parts, TRUNC).grade == trunc


def test_grade_on_rounded_total_differs_by_rounding_rule():
    # 89.995 shows as 90.00 (half-up) → 优, but 89.99 when truncated → 良
    p = project(None, None, [_ind("产出指标", "≥100%", "99.995%", "90")])
    assert score_project(p, MOF).total == D("90.00") and score_project(p, MOF).grade == "优"
    assert score_project(p, TRUNC).total == D("89.99") and score_project(p, TRUNC).grade == "良"


def test_hubei_execution_twenty_points():
    p = project("100", "100", [_ind("产出指标", "≥4次", "4次", "40"),
                               _ind("效益指标", "达成", "达成", "30"),
                               _ind("满意度指标", "≥90%", "80%", "10")])
    result = score_project(p, HUBEI)
    assert result.execution.score == D("20.00")
    assert result.total == D("20") + D("40") + D("30") + D("8.89")


def test_department_profile_has_no_execution_block():
    p = project("100", "50", [
        _ind("投入指标", "≤5%", "6%", "15"), _ind("过程指标", "达成", "达成", "25"),
        _ind("产出指标", "≥4次", "4次", "30"), _ind("效益指标", "达成", "达成", "20"),
        _ind("满意度指标", "≥90%", "95%", "10")], kind=ProjectKind.DEPARTMENT)
    result = score_project(p, DEPT)
    assert result.execution.score is None and result.execution.weight == 0
    assert result.total == D("12.50") + 25 + 30 + 20 + 10  # 15 × 5/6 = 12.50
    assert result.grade == "优"


def test_single_row_rescore_equals_full_rescore():
    p = project("310", "298.84", [_ind("产出指标", "≥4次", "1次", "25"),
                                   _ind("效益指标", "达成", "达成", "30")])
    full = score_project(p, MOF)
    p.indicators[0].actual = "3次"
    parts = list(full.indicators)
    parts[0] = score_indicator(p.indicators[0], MOF)
    assert combine(full.execution, parts, MOF) == score_project(p, MOF)


# ------------------------------------------------------------------ score --json shape

def test_evaluate_document_numbers_are_decimal_strings_rounded_half_up():
    from selfeval_desktop.domain.evaluation import evaluate_document
    from selfeval_desktop.domain.model import Document, Unit
    p = project(None, None, [_ind("产出指标", "≥4次", "1次", "50")])
    p.funding.annual_budget, p.funding.executed = 100000, 96405  # 96.405%
    dept = project(None, None, [_ind("产出指标", "≥4次", "4次", "30")],
                   kind=ProjectKind.DEPARTMENT)
    doc = Document(unit=Unit(name="某县科学技术局"), year=2021, projects=[p, dept])
    out = evaluate_document(doc)
    assert out["unit"] == "某县科学技术局" and out["year"] == 2021 and out["profile"] == "mof2020"
    first, second = out["projects"]
    assert first["execution"]["rate"] == "0.9641"  # half-up, as the profile rounds
    assert first["execution"]["score"] == "9.64" and first["execution"]["weight"] == "10.00"
    assert first["indicators"][0]["score"] == "12.50" and first["indicators"][0]["weight"] == "50.00"
    assert first["total"] == "22.14" and first["rule_grade"] == "差"
    assert first["provisional"] and first["grade"] == "—"      # as printed (分值 add up to 60)
    assert second["profile"] == "department" and second["execution"]["score"] is None
    assert second["total"] == "30.00"


def test_a_row_judged_by_its_achievement_needs_no_target():
    """部门整体 management rows (预算编制完整性 …) are judged 达成/未达成 by a 评分标准, not a
    target (seed 001): an explicit 达成情况 scores the row; without one a blank target still blocks."""
    judged = score("", "", weight="3", achievement="达成")
    assert judged.score == D("3.00") and "未填写年度指标值，按所选达成情况计分" in judged.explanation
    part = score("", "", weight="10", achievement="部分达成")
    assert D("6") <= part.score < D("8")
    blank = score("", "达成", weight="3")           # the word typed as actual is not a choice
    assert blank.score is None and blank.error.startswith("年度指标值未填写")
    assert "选择达成情况" in blank.error     # the way out is said, not only the missing target


def test_an_execution_rate_of_a_yuan_slip_makes_the_total_provisional():
    """40000 typed in 元 against 4 万元 (1000000%) kept 100.00 / 优 on screen and paper
    beside the error naming the slip."""
    rows = [_ind("产出指标", "≥4次", "4次", "50"), _ind("效益指标", "≥4次", "4次", "30"),
            _ind("满意度指标", "≥90%", "95%", "10")]
    slip = score_project(project("4", "40000", rows), load_profile("mof2020"))
    assert slip.provisional and "疑为把元填成了万元" in slip.provisional_reason
    assert shown_grade(slip) == "—" and slip.total == D("100.00")
    over = score_project(project("4", "4.4", rows), load_profile("mof2020"))   # 110%: final
    assert not over.provisional and over.grade == "优"


def test_a_sum_in_chinese_numerals_scores_as_its_value():
    """一亿二千万元 was read as 100002000 万元 and scored 0 against ≤1.5亿元."""
    s = score("≤1.5亿元", "一亿二千万元")
    assert s.score == D("10.00"), s.explanation


def test_an_ambiguous_dotted_month_is_said_at_the_actual_cell():
    from selfeval_desktop.domain.checks_indicators import error_field
    ind = Indicator(target="2021年6月底前", actual="2021.1", weight=D(10))
    assert error_field(ind, score_indicator(ind, MOF)) == ("actual_unreadable", "actual")


def test_a_total_never_passes_100_when_the_weights_add_up_to_100():
    """分值 with more decimals than shown (33.335 + 33.335 + 23.33 + 10 执行率 = 100), all met: each
    score is kept within its 分值 as printed, so the total is 99.99, never 100.01, and a total
    over 100 needs no reason of its own."""
    p = project("100", "100", [_ind("产出指标", "≥4次", "5次", "33.335"),
                               _ind("效益指标", "≥4次", "5次", "33.335"),
                               _ind("满意度指标", "≥90%", "95%", "23.33")])
    result = score_project(p, MOF)
    assert [s.score for s in result.indicators] == [D("33.33"), D("33.33"), D("23.33")]
    assert result.total == D("99.99") and not result.provisional
