"""Tests for selfeval_desktop.domain.values (指标值解析)."""

import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # repo root, for plain `pytest`

from selfeval_desktop.domain.values import (  # noqa: E402
    Achievement,
    Direction,
    ParsedValue,
    comparable,
    parse_value,
    to_unit,
)

P, N, E = Direction.POSITIVE, Direction.NEGATIVE, Direction.EQUAL

NUMERIC_CASES = [
    # text, direction, number, unit, bare
    ("≥4次", P, "4", "次", False),
    ("≧4次", P, "4", "次", False),
    (">=4", P, "4", "", False),
    ("＞＝4", P, "4", "", False),
    ("不少于800篇", P, "800", "篇", False),
    ("不低于90%", P, "90", "%", False),
    ("4次以上", P, "4", "次", False),
    ("5000人次以上", P, "5000", "人次", False),
    ("90%以上", P, "90", "%", False),
    ("≤5万元", N, "5", "万元", False),
    ("不超过5万元", N, "5", "万元", False),
    ("5万元以内", N, "5", "万元", False),
    ("不高于5万元", N, "5", "万元", False),
    ("小于681.5307万元", N, "681.5307", "万元", False),
    ("=100%", E, "100", "%", False),
    ("═100%", E, "100", "%", False),
    ("﹦100%", E, "100", "%", False),
    ("＝100%", E, "100", "%", False),
    ("100%", P, "100", "%", True),
    ("100 %", P, "100", "%", True),
    ("8755", P, "8755", "", True),
    ("75元", P, "75", "元", True),
    ("1.5亿元", P, "1.5", "亿元", True),
    # full-width digits and signs
    ("９５％", P, "95", "%", True),
    ("≥４次", P, "4", "次", False),
    # thousands separators
    ("1,500", P, "1500", "", True),
    ("1，500人", P, "1500", "人", True),
    ("15,084万元", P, "15084", "万元", True),
    # surrounding spaces, ASCII and full-width
    ("  ≥4次  ", P, "4", "次", False),
    ("\u3000≤5万元\u3000", N, "5", "万元", False),
    # approximate amounts (余)
    ("6000余份", P, "6000", "份", True),
    ("700余次", P, "700", "次", True),
    ("实际50余人", P, "50", "人", True),
]


@pytest.mark.parametrize("text, direction, number, unit, bare", NUMERIC_CASES)
def test_numeric_forms(text, direction, number, unit, bare):
    v = parse_value(text)
    assert v.ok, v.error
    assert (v.direction, v.number, v.unit, v.bare) == (direction, Decimal(number), unit, bare)
    assert v.deadline is None and v.achievement is None


def test_actual_copied_with_operator_keeps_number_and_direction():
    v = parse_value("≥95%")
    assert (v.number, v.unit, v.direction) == (Decimal("95"), "%", P)


@pytest.mark.parametrize("text, deadline", [
    ("2021年12月前", (2021, 12, None)),
    ("2021 年 12 月前", (2021, 12, None)),
    ("12月底前", (None, 12, None)),
    ("2021年底前", (2021, 12, None)),
    ("6月30日前", (None, 6, 30)),
    ("2021年12月31日前完成", (2021, 12, 31)),
    ("2021-12-31", (2021, 12, 31)),
])
def test_timely_forms(text, deadline):
    v = parse_value(text)
    assert v.ok, v.error
    assert (v.direction, v.deadline, v.number) == (Direction.TIMELY, deadline, None)


def test_invalid_date_is_an_error():
    v = parse_value("2021年13月前")
    assert v.error and v.direction is None and v.deadline is None


@pytest.mark.parametrize("text, achievement", [
    ("达成", Achievement.MET),
    ("基本达成", Achievement.PARTIAL),
    ("部分达成", Achievement.PARTIAL),
    ("未达成", Achievement.NOT_MET),
    ("已完成", Achievement.MET),
    ("全部完成", Achievement.MET),
    ("未完成", Achievement.NOT_MET),
    # words a report uses for a row not met were not read, and 达成 chosen against
    # them went without the 不一致 reminder
    ("未达到", Achievement.NOT_MET),
    ("未达到预期", Achievement.NOT_MET),
    ("基本达到预期", Achievement.PARTIAL),
    ("达到预期", Achievement.MET),
    ("未能达到预期", Achievement.NOT_MET),      # 未能 before a 达成 word: not met
    ("尚未完成", Achievement.NOT_MET),
    ("没能达到", Achievement.NOT_MET),
    ("未全部完成", Achievement.PARTIAL),
    ("部分未完成", Achievement.PARTIAL),
    ("良好", None),
    ("有效", None),
    ("显著提升", None),
    ("万家", None),
    ("群众满意度明显提高。", None),
])
def test_qualitative_forms(text, achievement):
    v = parse_value(text)
    assert v.ok, v.error
    assert (v.direction, v.achievement, v.number, v.unit) == (
        Direction.QUALITATIVE, achievement, None, "")


@pytest.mark.parametrize("text", [
    "4次或5次", "abc", "12..5%", "≥", "4abc", "≤5万元以上", "1,5", "4次以下以上",
])
def test_unreadable_text_is_an_error_not_a_guess(text):
    v = parse_value(text)
    assert not v.ok and not v.empty
    assert (v.direction, v.number, v.deadline, v.achievement) == (None, None, None, None)
    assert v.error and "无法识别" in v.error


@pytest.mark.parametrize("text", [None, "", "   ", "\u3000 "])
def test_empty(text):
    v = parse_value(text)
    assert v.empty and not v.ok
    assert (v.direction, v.number, v.error) == (None, None, None)


@pytest.mark.parametrize("text", [c[0] for c in NUMERIC_CASES] + [
    "2021 年 12 月前", " 达成 ", "abc", "\u3000", "９５％"])
def test_text_never_altered(text):
    assert parse_value(text).text == text


def test_parsed_value_is_frozen():
    v = parse_value("≥4次")
    with pytest.raises(AttributeError):
        v.number = Decimal(5)  # type: ignore[misc]


# --- to_unit / comparable ---------------------------------------------------

@pytest.mark.parametrize("number, src, dst, expected", [
    ("1.5", "亿元", "万元", "15000"),
    ("15084", "万元", "亿元", "1.5084"),
    ("5", "万元", "元", "50000"),
    ("3", "千元", "元", "3000"),
    ("95", "%", "％", "95"),
    ("95", "%", "", "95"),
    ("95", "", "%", "95"),
    ("4", "次", "次", "4"),
    ("1.2", "万人次", "人次", "12000"),
])
def test_to_unit_converts(number, src, dst, expected):
    assert to_unit(Decimal(number), src, dst) == Decimal(expected)


# 个/家 compare (tests/domain/test_values_as_clerks_type.py); 年/天 has no exact factor
@pytest.mark.parametrize("src, dst", [("次", "人次"), ("个", "人"), ("万元", "%"), ("元", "人"),
                                      ("人", "次"), ("年", "天"), ("个月", "天")])
def test_to_unit_refuses_different_units(src, dst):
    assert to_unit(Decimal(1), src, dst) is None


def test_comparable_converts_actual_into_target_unit():
    assert comparable(parse_value("≥1.5亿元"), parse_value("15,084万元")) == (
        Decimal("1.5"), Decimal("1.5084"))
    assert comparable(parse_value("≤5万元"), parse_value("48000元")) == (
        Decimal("5"), Decimal("4.8"))


def test_comparable_percent_with_bare_number():
    assert comparable(parse_value("≥95%"), parse_value("96")) == (Decimal(95), Decimal(96))


def test_fraction_typed_for_a_percentage_is_questioned_not_scored():
    # ≥90% against 0.95: scored silently as 0.95 / 90 before; now a question at the cell
    assert comparable(parse_value("≥90%"), parse_value("0.95")) == \
        "实际值 0.95 没有写单位，目标是 90%：是否应为 95%？"
    assert "是否应为 3‰" in comparable(parse_value("≤5‰"), parse_value("0.003"))
    assert "是否应为 100%" in comparable(parse_value("=100%"), parse_value("1"))


@pytest.mark.parametrize("target, actual, expected", [
    ("100%", "100", (Decimal(100), Decimal(100))),      # unit left out, same scale
    ("≥90%", "0", (Decimal(90), Decimal(0))),            # 0 is 0 on either scale
    ("≥0.5%", "0.3", (Decimal("0.5"), Decimal("0.3"))),  # a target ≤ 1 is on the same scale
    ("≥90%", "0.95%", (Decimal(90), Decimal("0.95"))),   # the unit was written: taken as typed
    ("≥0.9", "0.95", (Decimal("0.9"), Decimal("0.95"))),  # no percentage at all
])
def test_bare_actual_against_percentage_still_compares(target, actual, expected):
    assert comparable(parse_value(target), parse_value(actual)) == expected


def test_comparable_refuses_different_units():
    msg = comparable(parse_value("≥4次"), parse_value("5人次"))
    assert msg == "目标单位“次”与实际单位“人次”不同，无法比较"


@pytest.mark.parametrize("target, actual", [
    ("≥4次", ""), ("", "4次"), ("达成", "达成"), ("≥4次", "abc"), ("2021年12月前", "4次"),
])
def test_comparable_explains_why_not(target, actual):
    result = comparable(parse_value(target), parse_value(actual))
    assert isinstance(result, str) and result


def test_parsed_value_constructible_directly():
    v = ParsedValue("x", Direction.QUALITATIVE, None, "")
    assert v.ok and not v.bare and v.deadline is None


# --- forms found when scoring the seeds (reported by the scoring tests) ---

@pytest.mark.parametrize("text", ["按时完成", "如期完成", "按期完成", "及时完成"])
def test_on_time_words_are_met(text):
    assert parse_value(text).achievement is Achievement.MET


@pytest.mark.parametrize("text", ["未按时完成", "逾期完成"])
def test_late_words_are_not_met(text):
    assert parse_value(text).achievement is Achievement.NOT_MET


def test_inclusive_note_is_read():
    v = parse_value("90%（含）以上")
    assert (v.direction, v.number, v.unit, v.error) == (Direction.POSITIVE, Decimal("90"), "%", None)


def test_bare_magnitude_takes_the_other_sides_unit():
    target, actual = parse_value("≥1.5亿"), parse_value("15084万元")
    assert comparable(target, actual) == (Decimal("1.5"), Decimal("1.5084"))
    assert to_unit(Decimal("1.5"), "万", "元") == Decimal("15000")
    assert to_unit(Decimal("2"), "次", "人次") is None


@pytest.mark.parametrize("text", ["ab", "中", "\u9fff", "\u4e00", "\u4dff", "\ua000", "１２", "٣", "满意度≥90"])
def test_the_quick_digit_and_cjk_tests_answer_as_the_patterns_would(text):
    import re
    from selfeval_desktop.domain import values
    assert values._has_cjk(text) == bool(re.search(values._CJK, text))
    assert any(c.isdecimal() for c in text) == bool(re.search(r"\d", text))


def test_a_count_written_after_what_was_done_is_read():
    """Seed 000 writes 高新技术企业净增 3 家以上; 净增3家以上 / 净增3家 / 已申报5个 were
    red, the total 暂计 and the grade “—”."""
    for text, number, unit in (("净增3家以上", 3, "家"), ("净增 50 家", 50, "家"), ("已申报5个", 5, "个"),
                               ("新增2家", 2, "家"), ("举办4场", 4, "场"), ("全年5次", 5, "次")):
        value = parse_value(text)
        assert value.error is None and (value.number, value.unit) == (Decimal(number), unit), text
    assert parse_value("净增3家以上").direction is Direction.POSITIVE


def test_a_word_before_the_number_not_read_is_named_in_the_message():
    assert "数字前的“扶持”请去掉" in parse_value("扶持3家").error
    assert "数字前的“年度预算执行率”请去掉" in parse_value("年度预算执行率100%").error
    # read without a regex now (its CJK range cost the first scoring ~2 ms): as the pattern read it
    assert "数字前的“扶持”请去掉" in parse_value("扶持\u3000 3家").error     # spaces between
    assert "数字前的" not in parse_value("科技型中小企业培育认定3家").error   # more than 10 characters
    assert "数字前的" not in parse_value("扶持x3家").error


def test_an_amount_with_yu_after_its_magnitude_keeps_the_magnitude():
    assert (parse_value("1万余元").number, parse_value("1万余元").unit) == (Decimal(1), "万元")
    assert parse_value("3千余人").unit == "千人" and parse_value("50余人").unit == "人"


@pytest.mark.parametrize("text, direction, number, unit", [
    ("四期", P, "4", "期"), ("两期", P, "2", "期"), ("十二篇", P, "12", "篇"),
    ("不少于三次", P, "3", "次"), ("三次以上", P, "3", "次"), ("≥五十人", P, "50", "人"),
    ("一百零五人次", P, "105", "人次"), ("不超过五万元", N, "50000", "元"),
    ("一亿二千万元", P, "120000000", "元"), ("三亿零五百万元", P, "305000000", "元"),
    ("零次", P, "0", "次"), ("二十余次", P, "20", "次"),
])
def test_counts_in_chinese_numerals_are_read(text, direction, number, unit):
    """Seed 003 writes 编印了四期; “四期” was refused (“请用阿拉伯数字书写”)."""
    v = parse_value(text)
    assert v.ok, v.error
    assert (v.direction, v.number, v.unit, v.text) == (direction, Decimal(number), unit, text)


@pytest.mark.parametrize("text", ["一次性", "十几个", "三亚", "一流水平"])
def test_words_with_a_numeral_inside_stay_words(text):
    assert parse_value(text).direction is Direction.QUALITATIVE


@pytest.mark.parametrize("text, level", [
    ("均达到预期目标", Achievement.MET), ("均已完成", Achievement.MET), ("各项均已达标", Achievement.MET),
    ("均未完成", Achievement.NOT_MET), ("均基本完成", Achievement.PARTIAL),
])
def test_all_of_them_before_an_achievement_word(text, level):
    """Seed 003's 实际 “均达到预期目标” was not 达成 (“达到预期目标” was)."""
    assert parse_value(text).achievement is level


@pytest.mark.parametrize("text, deadline", [
    ("2020年1月至12月", (2020, 12, None)), ("1-12月", (None, 12, None)),
    ("2021年3月—2021年11月底", (2021, 11, None)),
])
def test_a_period_as_a_deadline_is_done_by_its_last_month(text, deadline):
    v = parse_value(text)
    assert (v.direction, v.deadline) == (Direction.TIMELY, deadline)


def test_a_dotted_month_is_a_date_against_a_deadline_and_a_number_elsewhere():
    """“2020.12” typed as the completion date turned 达成情况 red and asked for a
    choice; against a number it stays the number 2020.12."""
    from selfeval_desktop.domain.values import read_against
    dated = read_against(parse_value("2020年12月底前"), parse_value("2020.12"))
    assert (dated.direction, dated.deadline, dated.text) == (Direction.TIMELY, (2020, 12, None), "2020.12")
    assert read_against(parse_value("≥2000"), parse_value("2020.12")).number == Decimal("2020.12")
    assert read_against(parse_value("2020年12月底前"), parse_value("2020.13")).deadline is None


def test_two_numerals_side_by_side_are_a_range_not_a_number():
    """四五次 (four or five times) was read as 5次."""
    assert parse_value("四五次").number is None and parse_value("三四个").number is None
    assert parse_value("四十五次").number == Decimal(45)
