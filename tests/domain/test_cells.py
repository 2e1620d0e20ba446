"""The shared cell parser: what Excel import and paste from Excel read out of a cell."""
from datetime import datetime
from decimal import Decimal

import pytest

from selfeval_desktop.domain.cells import (CellError, cell_decimal, cell_money, cell_rate,
                                           cell_text, clean_float, normalise_label, parse_tsv)


@pytest.mark.parametrize("value, expected", [
    (0.1 + 0.2, "0.3"),
    (681.5307, "681.5307"),
    (2.0083, "2.0083"),
    (4.0, "4"),
    (1e21, "1000000000000000000000"),
    (0.07 * 100, "7"),
    (39732.0 - 39720.0, "12"),
    (-0.5, "-0.5"),
])
def test_clean_float_gives_the_number_the_user_typed(value, expected):
    assert format(clean_float(value), "f") == expected


def test_clean_float_refuses_nan_and_infinity():
    with pytest.raises(CellError):
        clean_float(float("nan"))
    with pytest.raises(CellError):
        clean_float(float("inf"))


@pytest.mark.parametrize("value, fmt, expected", [
    (None, None, ""),
    ("  ≥4次 ", None, "≥4次"),
    (4, None, "4"),
    (1, "0%", "100%"),
    (0.9645, "0.00%", "96.45%"),
    (87, '0"%"', "87"),  # a quoted "%" is a literal suffix, not a ×100 percentage
    (Decimal("12.50"), None, "12.5"),
    (datetime(2021, 12, 31), "yyyy-mm-dd", "2021年12月31日"),
    (True, None, "是"),
])
def test_cell_text_is_what_the_user_sees(value, fmt, expected):
    assert cell_text(value, fmt) == expected


@pytest.mark.parametrize("value, expected", [
    ("10", Decimal(10)),
    ("１０", Decimal(10)),
    (" 8.5 ", Decimal("8.5")),
    ("9.50分", Decimal("9.5")),
    ("1,234.5", Decimal("1234.5")),
    ("1，234", Decimal(1234)),
    (7, Decimal(7)),
    (0.1 + 0.2, Decimal("0.3")),
    ("", None),
    (None, None),
    ("—", None),
])
def test_cell_decimal_reads_numbers_stored_as_text(value, expected):
    assert cell_decimal(value) == expected


@pytest.mark.parametrize("value", ["十分", "8.5.1", "1,23", "abc", "#DIV/0!"])
def test_cell_decimal_refuses_text_with_a_chinese_message(value):
    with pytest.raises(CellError) as err:
        cell_decimal(value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(err.value))


def test_formula_errors_say_to_fix_them_in_excel():
    with pytest.raises(CellError, match="公式错误"):
        cell_money("#REF!")


@pytest.mark.parametrize("value, fmt, expected", [
    ("96.45%", None, Decimal("0.9645")),
    ("９６.４５％", None, Decimal("0.9645")),
    (0.9645, "0.00%", Decimal("0.9645")),
    (0.9645, None, Decimal("0.9645")),
    (96.45, None, Decimal("0.9645")),
    ("100", None, Decimal(1)),
    ("1.1", None, Decimal("1.1")),
    ("", None, None),
])
def test_cell_rate_is_a_fraction(value, fmt, expected):
    assert cell_rate(value, fmt) == expected


@pytest.mark.parametrize("value, unit, expected", [
    (681.5307, "万元", 681_530_700),
    ("681.5307", "万元", 681_530_700),
    ("681.5307万元", "元", 681_530_700),
    ("¥1,234.00", "元", 123_400),
    ("￥1,234.00", "元", 123_400),
    ("人民币 500 元", "万元", 50_000),
    ("5元", "万元", 500),
    ("４", "万元", 4_000_000),
    (" 1,500 ", "万元", 1_500_000_000),
    (6815307, "元", 681_530_700),
    (0.1 + 0.2, "万元", 300_000),
    ("1.5亿元", "万元", 15_000_000_000),
    ("-", "万元", None),
    (None, "万元", None),
])
def test_cell_money_reads_amounts_in_the_columns_unit(value, unit, expected):
    assert cell_money(value, unit) == expected


def test_cell_money_refuses_fractions_of_a_fen_and_words():
    with pytest.raises(CellError, match="更精细.*单位为元时最多2位小数"):
        cell_money("0.123", "元")
    with pytest.raises(CellError, match="单位为元时最多2位小数"):     # the unit written wins
        cell_money("1.001元", "万元")
    with pytest.raises(CellError, match="无法识别金额"):
        cell_money("约五万元", "万元")


def test_normalise_label_ignores_spacing_colons_and_full_width():
    assert normalise_label("项 目 名 称：") == "项目名称"
    assert normalise_label("年初预算数\n（万元）") == "年初预算数(万元)"
    assert normalise_label("*三级指标") == "三级指标"


def test_parse_tsv_reads_excel_clipboard_text():
    text = '产出指标\t数量指标\t"举办\n讲座"\t≥4次\r\n效益指标\t\t"说""明"\t\r\n'
    assert parse_tsv(text) == [["产出指标", "数量指标", "举办\n讲座", "≥4次"],
                               ["效益指标", "", '说"明', ""]]


def test_blank_lines_at_the_end_of_a_copy_make_no_rows():
    # WPS / 记事本 end a copied block with one more line break; pasted, it was a junk indicator row
    assert parse_tsv("产出指标\t数量指标\t新指标\r\n\r\n") == [["产出指标", "数量指标", "新指标"]]
    assert parse_tsv("a\tb\r\n\t\r\n \r\n") == [["a", "b"]]
    # a blank row between two rows is the clerk's: it stays
    assert parse_tsv("a\r\n\r\nb\r\n") == [["a"], [""], ["b"]]


def test_a_line_break_inside_a_cell_is_one_newline_however_it_was_copied():
    assert parse_tsv('"培训\r\n次数"\t5\r\n"甲\r乙"\r\n') == [["培训\n次数", "5"], ["甲\n乙"]]


def test_parse_tsv_keeps_a_quote_inside_a_cell_as_typed():
    assert parse_tsv('"达成" 良好\t5') == [['"达成" 良好', "5"]]
    assert parse_tsv("a\tb") == [["a", "b"]]
    assert parse_tsv("") == []


def test_fill_levels_reads_merged_level_cells_as_excel_keeps_them():
    from selfeval_desktop.domain.cells import fill_levels
    rows = [("产出指标", "数量指标"), ("", ""), ("", "质量指标"), ("效益指标", ""), ("", "")]
    assert fill_levels(rows) == [("产出指标", "数量指标"), ("产出指标", "数量指标"),
                                 ("产出指标", "质量指标"), ("效益指标", ""), ("效益指标", "")]
    assert fill_levels([("", "")], above=("满意度指标", "服务对象满意度")) == \
        [("满意度指标", "服务对象满意度")]


def test_a_titles_money_unit_and_bare_amounts_under_it():
    from selfeval_desktop.domain.cells import title_money_unit, with_unit
    assert title_money_unit("计划支出数（元）") == "元" and title_money_unit("预算数(万元)") == "万元"
    assert title_money_unit("实际支出数\n（千元）") == "千元" and title_money_unit("支出科目") is None
    assert with_unit("12,000.00", "元") == "12,000.00元" and with_unit("8000元", "元") == "8000元"
    assert with_unit("12000", "万元") == "12000" and with_unit("约1万", "元") == "约1万"
    assert with_unit("12000", None) == "12000"


def test_a_total_row_is_known_by_a_short_label_ending_in_a_total_word():
    """Seed 003's 支出合计 was taken for a spending line."""
    from selfeval_desktop.domain.cells import is_total_label
    for label in ("合计", "合 计", "小计", "总计", "支出合计", "项目支出总计", "资金小计", "合计（万元）",
                  "2021年合计"):
        assert is_total_label(label), label
    for label in ("差旅费", "统计调查费", "科技活动经费支出合计数额度说明", "合计完成率达到", ""):
        assert not is_total_label(label), label


@pytest.mark.parametrize("value", ["99999999999999999999", "10000000000", 1e30, 10**20,
                                   "１２３４５６７８９０１２３４５６７８９０"])
def test_an_amount_of_100_wan_yi_or_more_is_refused_in_chinese(value):
    """An ID or a code pasted into an amount column: it cannot be held in the
    file's 64-bit integers, so it is refused as the cell is read, never at the write."""
    with pytest.raises(CellError, match="过大"):
        cell_money(value, "万元")


def test_the_largest_amount_read_is_just_below_100_wan_yi():
    assert cell_money("9999999999.999999", "万元") == 10**16 - 1
    assert cell_money("99999999999999.99", "元") == 10**16 - 1
    with pytest.raises(CellError):
        cell_money("100000000000000", "元")


@pytest.mark.parametrize("value", ["1" + "0" * 28, 1e30, Decimal("1E+30"), "123456789012345678"])
def test_a_number_past_15_digits_is_refused_not_an_exception(value):
    """29 digits raised decimal.InvalidOperation out of the reader (a 程序出错
    box in the window, a traceback from import-xlsx)."""
    for reader in (cell_decimal, cell_rate):
        with pytest.raises(CellError, match="超过 15 位"):
            reader(value)


def test_fifteen_digits_still_read():
    assert cell_decimal("999999999999999") == Decimal("999999999999999")
    assert cell_text(1e30) == "1000000000000000000000000000000"   # shown as typed, no exponent
