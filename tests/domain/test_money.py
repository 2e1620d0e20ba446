"""Money as clerks type it in a 万元 column, held as integer 分, shown back as typed."""
from decimal import Decimal as D

import pytest

from selfeval_desktop.domain.cells import cell_money
from selfeval_desktop.domain.money import (AmountError, fen_to_wan, fen_to_yuan, format_wan,
                                           parse_wan, printed_wan, sum_fen)


@pytest.mark.parametrize("text, fen", [
    ("681.5307", 681_530_700),      # seed 001: four decimals of 万元 = 元 and 分
    ("15", 15_000_000),
    ("0.4", 400_000),
    ("１,５００", 1_500_000_000),    # full-width digits, thousands separator
    ("１，５００．５", 1_500_500_000),  # full-width comma and point
    ("1,500", 1_500_000_000),
    (" 4 ", 4_000_000),
    ("5元", 500),                   # seed 002: 差旅费 "5 元" among 万元 figures
    ("5 元", 500),
    ("1.5亿元", 15_000_000_000),
    ("1.5亿", 15_000_000_000),
    ("2千元", 200_000),
    ("3万元", 3_000_000),
    ("0.0001", 100),                # 1 元
    ("0.000001", 1),                # 1 分
    ("-3", -3_000_000),             # 调减
])
def test_parse_wan_reads_what_a_clerk_types(text, fen):
    assert parse_wan(text) == fen
    assert type(parse_wan(text)) is int


def test_parse_wan_is_the_reader_the_window_uses():
    """One amount reader: the tests of amounts used a second parser, with
    other rules, that the window did not."""
    for text in ("681.5307", "5元", "1,500", "¥8.4", "1.5亿元"):
        assert parse_wan(text) == cell_money(text, "万元")


def test_a_yuan_column():
    assert cell_money("12.34", "元") == 1234


@pytest.mark.parametrize("text", ["", "   ", "　", None])
def test_empty_is_none(text):
    assert parse_wan(text) is None


@pytest.mark.parametrize("text", ["abc", "十五万", "1e5", "1,2,3", "5美元", "1.2.3", "--5", "5万元多",
                                  "nan", "Infinity"])
def test_garbage_is_refused_in_chinese(text):
    with pytest.raises(AmountError) as err:
        parse_wan(text)
    message = str(err.value)
    assert "无法识别金额" in message and text in message and "万元" in message


@pytest.mark.parametrize("text", ["0.0000001", "681.5307001", "1.001元", "0.005元"])
def test_below_one_fen_is_refused_not_rounded(text):
    with pytest.raises(AmountError) as err:
        parse_wan(text)
    message = str(err.value)
    assert text in message and "更精细" in message
    assert "小于1分" not in message  # 1.001元 is not less than 1 分: it is too precise


@pytest.mark.parametrize("fen, shown", [
    (None, ""), (0, "0"), (1, "0.000001"), (100, "0.0001"), (400_000, "0.4"),
    (4_000_000, "4"), (681_530_700, "681.5307"), (2_008_300, "2.0083"),
    (15_000_000_000, "15000"), (-12_345, "-0.012345"), (10**15, "1000000000"),
])
def test_format_wan(fen, shown):
    assert format_wan(fen) == shown


def test_format_wan_round_trips():
    values = [0, 1, 7, 99, 100, 12_345, 999_999, 1_000_000, 681_530_700, 123_456_789_012,
              -1, -681_530_700, 10**16 - 1]   # the largest amount read (MAX_FEN)
    values += [n * 10**k + r for n in (1, 3, 47) for k in range(0, 14, 3) for r in (0, 1, 9)]
    for fen in values:
        assert parse_wan(format_wan(fen)) == fen, fen
        assert "e" not in format_wan(fen).lower()


@pytest.mark.parametrize("fen, shown", [
    (None, ""), (0, "0.00"), (400_000, "0.40"), (4_400_000, "4.40"), (4_000_000, "4.00"),
    (15_560_000, "15.56"), (8_143_700, "8.1437"), (1, "0.000001"), (500, "0.0005"),
    (12_102_455_792, "12102.455792"), (-4_400_000, "-4.40"), (10**15, "1000000000.00"),
])
def test_printed_wan_has_two_decimals_at_least_and_every_typed_one(fen, shown):
    """On paper every 万元 to two decimals, never a 分 rounded away."""
    assert printed_wan(fen) == shown
    if fen is not None:
        assert parse_wan(printed_wan(fen)) == fen


def test_fen_to_wan_and_yuan_are_exact_decimals():
    assert fen_to_wan(681_530_700) == D("681.5307") and isinstance(fen_to_wan(1), D)
    assert fen_to_yuan(500) == D(5) and str(fen_to_yuan(500)) == "5"
    assert fen_to_yuan(1) == D("0.01")


def test_sum_fen():
    assert sum_fen([None, None]) is None
    assert sum_fen([]) is None
    assert sum_fen([100, None, 5]) == 105
    assert type(sum_fen([100, 5])) is int


def test_no_float_ever():
    # a float passed in is read by its shortest text, never through binary arithmetic
    assert parse_wan(0.1) == 100_000
    assert parse_wan(681.5307) == 681_530_700


def test_an_excel_formula_typed_as_an_amount_is_said_to_be_one():
    """“=14+1” was only “无法识别金额”; an Excel user is told formulas are not computed."""
    with pytest.raises(AmountError) as err:
        parse_wan("=14+1")
    assert "不计算 Excel 公式" in str(err.value)
    with pytest.raises(AmountError) as err:
        parse_wan("十四")
    assert "公式" not in str(err.value)


def test_a_formula_typed_into_a_money_cell_is_said_to_be_one():
    from selfeval_desktop.domain.cells import CellError, cell_money
    with pytest.raises(CellError) as err:
        cell_money("=14+1", "万元")
    assert "不计算 Excel 公式" in str(err.value)


@pytest.mark.parametrize("text", ["12345678901234", "10000000000", "100000000000000元"])
def test_an_amount_too_large_to_be_real_is_refused_not_rounded(text):
    """25-digit numbers broke the arithmetic; far fewer overflow SQLite's integers
    once in 分: 100万亿元 (10¹⁶ 分) and more is refused."""
    with pytest.raises(AmountError, match="过大"):
        parse_wan(text)
