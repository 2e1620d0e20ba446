"""What clerks really type in 年度指标值 / 实际完成值 (seed 004 and the
forms of the other seeds) scores as the clerk means it, or is asked about at the cell — never
scored full by a misreading."""
from decimal import Decimal as D

import pytest

from selfeval_desktop.domain.checks import run_checks
from selfeval_desktop.domain.evaluation import evaluate_document
from selfeval_desktop.domain.values import Direction, parse_value

from tests.domain.typed_rows import document, score


# ------------------------------------------------------------- 2. 时效 without a year

@pytest.mark.parametrize("target, actual", [
    ("12月底前", "2022年1月"), ("年底前", "2022年2月"), ("6月30日前", "2022年5月"),
    ("6月30日前", "2021年7月"), ("12月前", "2022年12月"),
])
def test_yearless_deadline_met_a_year_late_is_late(target, actual):
    s = score(target, actual, year=2021)
    assert s.score == D("0.00") and s.below_full
    assert "晚于" in s.explanation and "逾期" in s.explanation
    assert "按评价年度 2021 年计" in s.explanation     # the tooltip says where the year came from


@pytest.mark.parametrize("target, actual", [
    ("12月底前", "2021年11月"), ("年底前", "2021年12月20日"), ("6月30日前", "2021年6月"),
    ("2021年12月前", "12月前完成"),        # seed 004: 预期为 2021 年 12 月前，实际在 12 月前完成
    ("12月前", "11月"),
])
def test_yearless_deadline_met_in_the_evaluation_year_is_on_time(target, actual):
    assert score(target, actual, year=2021).score == D("10.00")


def test_yearless_actual_is_the_evaluation_year_not_the_targets():
    # a target carried over from last year (2021年12月前) in the 2022 evaluation: 11月 is 2022-11
    assert score("2021年12月前", "11月", year=2022).score == D("0.00")


def test_no_year_known_is_said_not_scored_full():
    s = score("12月底前", "2022年1月")
    assert s.score is None
    assert "没有写年份" in s.error and "评价年度" in s.error and "是否逾期" in s.error
    # both sides without a year are the same unwritten year: still judged
    assert score("12月前", "11月").score == D("10.00")
    assert score("6月30日前", "7月").score == D("0.00")
    # the target's year written: an actual without one is read in it
    assert score("2021年12月前", "12月前完成").score == D("10.00")


def test_document_year_reaches_the_score_and_the_check():
    late = evaluate_document(document("12月底前", "2022年1月", 2021))["projects"][0]
    assert late["indicators"][0]["score"] == "0.00"
    assert late["total"] == "90.00"
    unknown = document("12月底前", "2022年1月", None)
    assert evaluate_document(unknown)["projects"][0]["indicators"][0]["score"] is None
    [finding] = [f for f in run_checks(unknown) if f.code == "deadline_year_unknown"]
    assert finding.place.field == "target" and "评价年度" in finding.message


# ------------------------------------------------------------- 3. bare figure against money

@pytest.mark.parametrize("target, actual, asked", [
    ("≤5万元", "49800", "实际值 49800 没有写单位，目标是 5万元：是否应为 49800元？"),
    ("≥100万元", "1000000", "实际值 1000000 没有写单位，目标是 100万元：是否应为 1000000元？"),
    ("≥1.5亿元", "15084", "实际值 15084 没有写单位，目标是 1.5亿元：是否应为 15084万元？"),
    ("≤50000元", "5", "实际值 5 没有写单位，目标是 50000元：是否应为 5万元？"),
])
def test_bare_figure_implausible_in_the_money_unit_is_asked(target, actual, asked):
    s = score(target, actual, year=2021)
    assert s.score is None and s.error == asked


@pytest.mark.parametrize("target, actual, expected", [
    ("≤5万元", "4.98", "10.00"),           # the unit left out, same scale: read in 万元
    ("≥100万元", "80", "8.00"),
    ("不高于5万元", "0", "10.00"),         # seed 004: 超预算金额不高于 5 万元，实际未超预算
    ("≤5万元", "49800元", "10.00"),        # the unit written: converted
])
def test_plausible_bare_figure_against_money_still_scores(target, actual, expected):
    assert score(target, actual).score == D(expected)


def test_money_slip_is_a_check_at_the_actual_cell():
    doc = document("≤5万元", "49800", 2021)
    [f] = [f for f in run_checks(doc) if "是否应为 49800元" in f.message]
    assert f.code == "units_incomparable" and f.place.field == "actual"


# ------------------------------------------------------------- 4. fraction typed as the target

def test_fraction_target_against_percentage_actual_is_asked_at_the_target():
    s = score("≥0.95", "90%")
    assert s.score is None and not s.overshoot
    assert s.error == "目标值 ≥0.95 没有写单位，实际是 90%：是否应为 95%？"
    assert score("1", "100%").error == "目标值 1 没有写单位，实际是 100%：是否应为 100%？"
    [f] = [f for f in run_checks(document("≥0.95", "90%", 2021)) if "是否应为 95%" in f.message]
    assert f.place.field == "target"


def test_fractions_or_percentages_on_both_sides_still_score():
    assert score("≥0.95", "0.9").score == D("9.47")
    assert score("≥90", "95%").score == D("10.00")   # 90 is 90 on the percentage scale
    assert score("≥95%", "90%").score == D("9.47")


# ------------------------------------------------------------- 5. the seeds' own pairs

@pytest.mark.parametrize("target, actual, expected", [
    ("5000人次以上", "6000余人", "10.00"),   # seed 004 §(三)1: 参与人数 5000 人次以上，实际 6000 余人
    ("5个", "8项", "10.00"),                 # seed 004 §(四)1: 预期 5 个，实际完成 8 项
    ("≥2项", "2个", "10.00"),
    ("10家", "8个", "8.00"),
    ("≥100人次", "80人", "8.00"),
    ("≥20场", "23次", "10.00"),              # 举办活动 20 场 / 召开 4 次: one kind of count
])
def test_count_units_clerks_treat_as_one_compare(target, actual, expected):
    s = score(target, actual)
    assert s.score == D(expected), s.explanation
    assert "视同" in s.explanation    # says it read the two units as the same


@pytest.mark.parametrize("target, actual", [("≥4次", "5人次"), ("不少于500人", "700余次"),
                                            ("≥3个", "5人"), ("≤1年", "300天")])
def test_different_counts_are_still_refused(target, actual):
    s = score(target, actual)
    assert s.score is None and "无法比较" in s.error


@pytest.mark.parametrize("target, actual, expected", [
    ("≤1年", "11个月", "10.00"), ("≥1年", "6个月", "5.00"), ("≤6个月", "1年", "5.00"),
    ("≥2周", "7天", "5.00"),
])
def test_years_and_months_convert(target, actual, expected):
    assert score(target, actual).score == D(expected)


def test_converted_months_are_shown_readably():
    s = score("≤1年", "11个月")
    assert "11个月（即 约0.9167年）" in s.explanation


@pytest.mark.parametrize("text", ["不低于90%（含90%）", "90%以上（含本数）", "≥90%（含）"])
def test_inclusive_notes_read_as_at_least(text):
    v = parse_value(text)
    assert (v.direction, v.number, v.unit, v.error) == (Direction.POSITIVE, D(90), "%", None)
    assert score(text, "95%").score == D("10.00") and score(text, "81%").score == D("9.00")


@pytest.mark.parametrize("target, actual, expected", [
    ("增长10%以上", "增长15%", "10.00"),
    ("提高10%", "提高8%", "8.00"),
    ("同比增长10%", "增长5%", "5.00"),
    ("减少5%", "减少6%", "10.00"),
    ("降低5%", "下降4%", "8.00"),
    ("减少5%", "增长6%", "0.00"),             # went the wrong way
])
def test_rate_of_change_compares_change_with_change(target, actual, expected):
    s = score(target, actual)
    assert s.score == D(expected), s.explanation


def test_reduction_under_cost_indicator_stays_a_reduction_to_reach():
    # a bare amount under 成本指标 is a ceiling, but 降低5% is a cut of at least 5%
    assert score("降低5%", "降低6%", level2="成本指标").score == D("10.00")


@pytest.mark.parametrize("target, actual", [("提高10%", "12%"), ("减少5%", "6%"),
                                            ("≥10%", "增长12%")])
def test_change_beside_a_level_is_asked_not_guessed(target, actual):
    s = score(target, actual)
    assert s.score is None and "变化幅度" in s.error


def test_seed_004_new_drug_row_scores_as_the_report_says():
    """Seed 004 §(四)1: 重大新药创制专项预期 5 个，实际完成 8 项……均超额完成 — full marks, with
    the overshoot asked about, where it had no score (目标单位“个”与实际单位“项”不同)."""
    from selfeval_desktop.db.demo import fill_demo
    from selfeval_desktop.db.document import create_in_memory
    from selfeval_desktop.db.repo import load_document
    conn = create_in_memory()
    fill_demo(conn, "004")
    doc = load_document(conn)
    [project] = [p for p in doc.projects if "生物医药产业发展扶持资金" in p.name]
    result = evaluate_document(doc)["projects"][doc.projects.index(project)]
    [row] = [r for r in result["indicators"] if "新药" in r["name"]]
    assert (row["target"], row["actual"]) == ("5个", "8项")
    assert row["score"] == row["weight"] and "视同" in row["explanation"]
    assert "超过目标值" in row["explanation"]
