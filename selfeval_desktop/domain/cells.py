"""The one parser of spreadsheet cell text, shared by Excel import and paste from Excel.

A cell arrives as openpyxl gives it (``str``, ``int``, ``float``, ``Decimal``, ``bool``,
``datetime``, ``None``, optionally with its number format such as ``0.00%``) or as a string
from a TSV paste. From it we read:

- ``cell_text``: the text as the user typed/saw it (``1`` formatted ``0%`` is ``100%``; the
  float ``0.30000000000000004`` is ``0.3``);
- ``cell_decimal``: a number (分值, 得分): ``"１２"``, ``" 1,234.5 "``, ``"85分"``;
- ``cell_rate``: a rate as a fraction (``"96.45%"`` → 0.9645);
- ``cell_money``: integer 分 given the column's unit (``"681.5307万元"``, ``"¥1,234.00"``).

Numbers stored as text, full-width digits, thousands separators and currency signs are all
read; anything else raises :class:`CellError` with a Chinese message and the caller keeps the
text as typed. No Qt, no openpyxl: pure standard library.
"""
from __future__ import annotations

from datetime import date, datetime, time
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
import math
import re
import unicodedata

__all__ = ["CellError", "TooManyDigits", "clean_float", "cell_text", "cell_decimal", "cell_rate", "cell_money",
           "is_percent_format", "normalise_label", "parse_tsv", "fill_levels", "title_matches",
           "indicator_field", "INDICATOR_TITLES", "LINE_TITLES", "line_field", "is_total_label",
           "is_amount", "unit_unclear", "unclear_unit_message",
           "MONEY_UNITS", "title_money_unit", "with_unit"]

FEN_PER_YUAN = 100
MONEY_UNITS = {"元": Decimal(100), "千元": Decimal(100_000), "万元": Decimal(1_000_000),
               "万": Decimal(1_000_000), "亿元": Decimal(10_000_000_000),
               "亿": Decimal(10_000_000_000)}
_SIGNIFICANT = 15  # a double holds 15 significant decimal digits exactly
_EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA")
_CURRENCY = re.compile(r"^(?:人民币|RMB|CNY|¥|\$)\s*", re.IGNORECASE)
_NUMBER = re.compile(r"^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$")
_SCORE_SUFFIX = re.compile(r"(?:分|点)$")


class CellError(ValueError):
    """A cell whose content is not what its column holds; ``str(err)`` is Chinese."""


class TooManyDigits(CellError):
    """A number with more digits than any figure of a form has (a code pasted, a key held)."""


# ---------------------------------------------------------------- numbers

MAX_DIGITS = 15       # digits before the point a number read from a cell may have …
MAX_FEN = 10 ** 16    # … and an amount at most 100万亿元, so that sums stay inside SQLite's
                      # 64-bit integers (a 20-digit code pasted into an amount column could not be
                      # written, and the screen kept a figure the file did not)


def _plain(value: Decimal) -> Decimal:
    """Trailing zeros dropped, never an exponent: 4, 0.3, 681.5307, 1000 (also past Decimal's 28
    digits: quantize raised there, and a pasted 30-digit number ended the program's action)."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _within(number: Decimal | None, value) -> Decimal | None:
    """``number`` read from the cell ``value``, refused when it has more than MAX_DIGITS digits
    before the point (a code or an ID pasted into the wrong column)."""
    if number is not None and number and number.adjusted() >= MAX_DIGITS:
        raise TooManyDigits(f"“{cell_text(value)}”的数字超过 {MAX_DIGITS} 位，请检查是否多输或粘贴错了")
    return number


def clean_float(value: float) -> Decimal:
    """A float from a spreadsheet as the Decimal the user typed.

    Excel stores 0.1+0.2 as 0.30000000000000004 and 681.5307 as itself; ``repr`` gives the
    shortest text that reads back the same float, and rounding to 15 significant digits
    removes the binary artefacts of arithmetic.
    """
    if isinstance(value, bool) or not math.isfinite(value):
        raise CellError(f"单元格中的数值“{value}”无效")
    d = Decimal(repr(float(value)))
    if d == 0:
        return Decimal(0)
    exponent = d.adjusted() - (_SIGNIFICANT - 1)
    if exponent < 0:
        d = d.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_EVEN)
    return _plain(d)


def _as_decimal(value) -> Decimal | None:
    """A non-text cell value as Decimal, or None if it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return _plain(value) if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return clean_float(value)
    return None


def is_percent_format(number_format: str | None) -> bool:
    """True for number formats that show a fraction as a percentage (0%, 0.00%)."""
    if not number_format:
        return False
    fmt = re.sub(r'"[^"]*"|\\.', "", number_format)  # drop quoted literals
    return "%" in fmt


def _fmt(value: Decimal) -> str:
    return format(_plain(value), "f")


# ---------------------------------------------------------------- text

def cell_text(value, number_format: str | None = None) -> str:
    """The cell as text, the way it reads in the spreadsheet (strings are kept as typed,
    only surrounding whitespace is removed)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return f"{value.year}年{value.month}月{value.day}日"
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    number = _as_decimal(value)
    if number is None:
        return str(value).strip()
    if is_percent_format(number_format):
        return _fmt(number * 100) + "%"
    return _fmt(number)


def _normalise_number_text(text: str) -> str:
    s = unicodedata.normalize("NFKC", text)
    s = re.sub(r"\s+", "", s)
    return s.replace("−", "-").replace("－", "-")


def _read_number_text(text: str, what: str) -> Decimal:
    """A number written as text: 1,234.5 / １２３ / +3 / .5 (no unit, no sign words)."""
    match = _NUMBER.match(text)
    if not match or not (match.group(2) or match.group(3)):
        raise CellError(f"“{what}”不是数字")
    sign, whole, frac = match.groups()
    digits = (whole or "0").replace(",", "") + (frac or "")
    try:
        number = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern guarantees digits
        raise CellError(f"“{what}”不是数字") from None
    return -number if sign == "-" else number


def _check_error(text: str) -> None:
    if text.upper() in _EXCEL_ERRORS:
        raise CellError(f"单元格是公式错误“{text}”，请在 Excel 中修正后再导入")


def cell_decimal(value, number_format: str | None = None) -> Decimal | None:
    """A plain number (分值, 得分): empty → None; ``"85分"`` and ``"８５"`` are 85.

    Raises CellError for text that is not a number, or a number of more than MAX_DIGITS digits.
    """
    number = _as_decimal(value)
    if number is not None:
        return _within(number, value)
    text = cell_text(value)
    if not text:
        return None
    _check_error(text)
    s = _SCORE_SUFFIX.sub("", _normalise_number_text(text))
    if s in ("-", "—", "－", "/", "——"):
        return None
    number = _read_number_text(s, text)
    return _within(_plain(number), value)


def cell_rate(value, number_format: str | None = None) -> Decimal | None:
    """A rate as a fraction: ``96.45%`` (text or a %-formatted 0.9645) → 0.9645; see
    :func:`_cell_rate`. Refused (CellError) past MAX_DIGITS digits, as :func:`cell_decimal`."""
    return _within(_cell_rate(value, number_format), value)


def _cell_rate(value, number_format: str | None = None) -> Decimal | None:
    """A rate as a fraction: ``96.45%`` (text or a %-formatted 0.9645) → 0.9645.

    A bare number above 2 is read as a percentage (96.45 → 0.9645); 2 or less as a fraction.
    """
    number = _as_decimal(value)
    if number is not None:
        if is_percent_format(number_format) or number <= 2:
            return number
        return _plain(number / 100)
    text = cell_text(value)
    if not text:
        return None
    _check_error(text)
    s = _normalise_number_text(text)
    if s in ("-", "—", "/", "——"):
        return None
    if s.endswith("%"):
        return _plain(_read_number_text(s[:-1], text) / 100)
    number = _read_number_text(s, text)
    return number if number <= 2 else _plain(number / 100)


def cell_money(value, unit: str = "万元", number_format: str | None = None) -> int | None:
    """Money in 分 from a cell in a column whose unit is ``unit`` (万元 or 元).

    A unit written in the cell wins over the column's (``"5元"`` in a 万元 column is 5 元);
    ``¥``/``人民币`` are currency signs, not units. Raises CellError (amounts finer than 1 分,
    text that is not an amount, 100万亿元 or more).
    """
    factor = MONEY_UNITS[unit]
    number = _as_decimal(value)
    if number is None:
        text = cell_text(value)
        if not text:
            return None
        _check_error(text)
        s = _CURRENCY.sub("", _normalise_number_text(text))
        if s in ("-", "—", "/", "——"):
            return None
        written = None
        for name in sorted(MONEY_UNITS, key=len, reverse=True):
            if s.endswith(name):
                written, s = name, s[: -len(name)]
                break
        try:
            number = _read_number_text(s, text)
        except CellError:
            formula = "（这里不计算 Excel 公式，请填写算好的数）" if text.startswith(("=", "＝")) else ""
            raise CellError(f"无法识别金额“{text}”：请填写数字，单位为{unit}，如 681.5307{formula}") \
                from None
        if written:
            factor, unit = MONEY_UNITS[written], written
    fen = number * factor
    if abs(fen) >= MAX_FEN:
        raise TooManyDigits(f"金额“{cell_text(value)}”过大（超过100万亿元），请检查单位和位数，"
                            "是否把编号或代码粘贴到了金额列")
    if fen != fen.to_integral_value():
        places = len(str(int(factor))) - 1      # 元: 2, 万元: 6, 亿元: 10
        raise CellError(f"金额“{cell_text(value)}”比1分（0.01元）更精细，请检查小数位数"
                        f"（单位为{unit}时最多{places}位小数）")
    return int(fen)


def currency_amount(value) -> bool:
    """A cell written with a currency sign and no unit (``¥12,345.00``, ``人民币 8.4``): what Excel
    copies from a cell in its ¥ format. Its unit is not in it — most often 元, where the forms
    count in 万元 — so a paste asks (``cell_money`` alone reads the column's unit)."""
    s = _normalise_number_text(cell_text(value))
    if not _CURRENCY.match(s):
        return False
    rest = _CURRENCY.sub("", s)
    return bool(_BARE_AMOUNT.match(rest))     # ¥abc is not an amount (said as unreadable)


_GROUPED = re.compile(r"^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
GROUPED_YUAN_FROM = Decimal(100_000)   # 10 亿元 if it were 万元: far more likely 元


def is_amount(value) -> bool:
    """The cell reads as an amount in a 万元 column (``cell_money``: 4, 4.5万元, ¥40,000.00, and a
    blank or “—” as no amount), not as a name."""
    try:
        cell_money(value, "万元")
        return True
    except CellError:
        return False


def unit_unclear(value) -> bool:
    """A pasted amount whose unit a 万元 column cannot take for granted: written with ¥ and no
    unit (``currency_amount``), or a large figure grouped by thousands as a 元 sheet writes it
    (``3,200,000.00`` — not to be taken as 320 亿 unasked)."""
    if currency_amount(value):
        return True
    s = _normalise_number_text(cell_text(value))
    return bool(_GROUPED.match(s)) and abs(Decimal(s.replace(",", ""))) >= GROUPED_YUAN_FROM


def unclear_unit_message(value) -> str:
    """What to write instead of an amount whose unit is unclear (``unit_unclear``): 元 first, with
    what it makes in 万元 — “请写成 40000.00元 或 40000.00万元” would offer 4 亿 as an equal
    choice."""
    text, bare = str(value).strip(), without_currency(value).replace(",", "")
    why = "带货币符号" if currency_amount(value) else "数额很大"
    try:
        said = f"（即 {(Decimal(bare) / 10000).normalize():f} 万元）"   # 4, 320, 1.234567
    except (ArithmeticError, ValueError):
        said = ""
    return (f"“{text}”{why}，没有写单位，本栏以万元为单位：以元计请写“{bare}元”{said}，"
            f"确是万元才写“{bare}万元”")


def without_currency(value) -> str:
    """The amount of ``¥12,345.67`` without its sign (“12,345.67”), to say what to write instead."""
    return _CURRENCY.sub("", _normalise_number_text(cell_text(value)))


# ---------------------------------------------------------------- labels and paste

def normalise_label(value) -> str:
    """A label as compared: full-width folded, no whitespace, no trailing colon or asterisk.

    ``"项 目 名 称："`` → ``"项目名称"``; ``"年初预算数\\n（万元）"`` → ``"年初预算数(万元)"``.
    """
    text = cell_text(value)
    s = unicodedata.normalize("NFKC", text)
    s = re.sub(r"\s+", "", s)
    return s.strip(":*★").lstrip("*")


# the indicator table's column titles as units' sheets write them (导入Excel reads a workbook's
# header by them, a paste its copied header row): field → titles, compared after normalise_label
INDICATOR_TITLES = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "name": ("三级指标", "指标名称", "具体指标", "三级指标名称"),
    "nature": ("指标性质", "指标方向", "计算符号"),
    "target": ("年度指标值", "指标值", "年度目标值", "目标值", "预期指标值", "全年指标值",
               "年度指标值(A)", "预期值", "预期目标值"),
    "unit": ("度量单位", "计量单位", "单位"),
    "actual": ("实际完成值", "全年完成值", "实际值", "完成值", "全年实际完成值", "实际完成值(B)",
               "实际完成情况"),
    "weight": ("分值", "权重", "标准分", "指标分值"),
    "score": ("得分", "自评得分", "评分"),
    "deviation": ("偏差原因分析及改进措施", "偏差原因分析及改进", "偏差原因", "未完成原因分析",
                  "未完成原因", "偏差原因分析", "原因分析及改进措施"),
    # columns this program writes beside the printed form (read back on import)
    "achievement": ("达成情况",),
    "override": ("调整后得分",),
    "override_reason": ("调整理由",),
    "stated": ("原表得分",),
}


# the spending-line table's column titles (支出明细: this program's own export, the seeds' and
# units' sheets): field → titles, compared after normalise_label; read by 导入Excel and a paste
LINE_TITLES = {
    "code": ("编码", "科目编码", "经济分类编码", "科目代码"),
    "name": ("名称", "支出项目", "经济分类", "科目名称", "支出科目", "费用科目", "开支科目",
             "预算科目", "费用名称", "支出内容"),
    "planned": ("计划支出数", "计划支出", "预算数", "预算金额", "计划数", "预算支出数"),
    "actual": ("实际支出数", "实际支出", "实际数", "支出数", "实际支出金额", "决算数"),
    "special_planned": ("其中专项(计划)", "其中专项计划", "其中专项经费", "其中专项", "专项经费",
                        "专项计划"),
    "special_actual": ("其中专项(实际)", "其中专项实际", "专项实际", "专项实际支出", "专项经费实际"),
}
_TOTAL_LABELS = ("合计", "小计", "总计", "合计数")


def line_field(text) -> str | None:
    """The spending-line field a column title names (“预算数（万元）” → planned); None."""
    return match_title(normalise_label(text), LINE_TITLES)


def match_title(label: str, titles: dict) -> str | None:
    """The key of ``titles`` (key → names) that ``label`` names: written out in full first, and
    only then with a trailing bracket dropped — else “其中专项（实际）” would lose its （实际） and
    become 其中专项, the planned column's title, and a pasted block's actual figures would
    overwrite the planned ones."""
    exact = next((key for key, names in titles.items() if label in names), None)
    if exact is not None:
        return exact
    return next((key for key, names in titles.items() if title_matches(label, names)), None)


_BARE_AMOUNT = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def title_money_unit(text) -> str | None:
    """The money unit a column title states in brackets (“计划支出数（元）” → 元); None."""
    found = re.search(r"\(([^)]*)\)$", normalise_label(text))
    unit = found.group(1) if found else None
    return unit if unit in MONEY_UNITS else None


def with_unit(text: str, unit: str | None) -> str:
    """A bare amount pasted under a title stating ``unit`` (元, 千元) as that unit says it:
    “12000” → “12000元”, “¥12,000.00” → “12,000.00元” (the title says what the ¥ does not);
    text with its own unit, or under 万元, is left as it is."""
    bare = _CURRENCY.sub("", text.strip())
    if unit is None or not _BARE_AMOUNT.match(bare):
        return text
    if unit in ("万元", "万"):     # a ¥ under a title saying 万元 is 万元: nothing to ask
        return bare + "万元" if bare != text.strip() else text
    return bare + unit


def is_total_label(text, exact: bool = False) -> bool:
    """合计 / 小计 / 总计 (also “合 计”, “合计（万元）”), and a short label ending in one (支出合计,
    项目支出总计, 资金小计): a sum row of a sheet, not a row of its own. Seed 003's 支出明细 ends
    in “支出合计”; pasted as a spending line, it would double the printed total.
    ``exact``: only 合计/小计/总计 themselves (培训人次合计 may be an indicator)."""
    label = re.sub(r"\([^)]*\)$", "", normalise_label(text))
    if label in _TOTAL_LABELS:
        return True
    return not exact and len(label) <= 10 and label.endswith(("合计", "小计", "总计", "合计数"))


def title_matches(label: str, names) -> bool:
    """A (normalised) label is one of ``names``, exactly or after dropping a trailing unit in
    brackets: '年初预算数(万元)' is 年初预算数, '分值(分)' is 分值."""
    return label in names or re.sub(r"\([^)]*\)$", "", label) in names


def indicator_field(text) -> str | None:
    """The indicator field a column title names (“偏差原因分析及改进措施” → deviation); None."""
    label = normalise_label(text)
    return match_title(label, INDICATOR_TITLES)


def fill_levels(rows, above: tuple[str, str] = ("", "")) -> list[tuple[str, str]]:
    """一级/二级指标 of indicator rows as a sheet with merged cells means them.

    Excel and WPS keep a merged cell's text in its first row and leave the rows below blank, both
    in a workbook and in what they copy. ``rows`` are the (一级, 二级) as given, top-down; ``above``
    is the row before them (what a pasted block continues). A row with a 一级 starts a new group
    with its own 二级 (blank stays blank); a blank 一级 is the group's, with the 二级 given or, when
    blank too, the one above.
    """
    level1, level2 = above
    out = []
    for given1, given2 in rows:
        given1, given2 = (given1 or "").strip(), (given2 or "").strip()
        if given1:
            level1, level2 = given1, given2
        elif given2:
            level2 = given2
        out.append((level1, level2))
    return out


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from Excel's/WPS's clipboard text (tab-separated, CRLF lines, cells with
    line breaks or tabs quoted with ``"`` and inner quotes doubled). A trailing line break
    does not make an empty row, nor do blank lines at the end (WPS and 记事本 copies end with
    one more): pasted, they became an indicator row of their own. A line break inside a cell
    reads as ``\n`` however it was written (Excel writes CRLF)."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_start = True
    while i < n:
        ch = text[i]
        if at_start and ch == '"':
            end, value = _quoted(text, i)
            if end is not None:
                cell.append(value)
                i = end
                at_start = False
                continue
        at_start = False
        if ch == "\t":
            row.append("".join(cell))
            cell, at_start = [], True
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_start = [], [], True
        else:
            cell.append(ch)
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    return rows


def _quoted(text: str, start: int):
    """(index after the closing quote, inner text) for a quoted cell, or (None, "") if the
    quote does not close right before a tab, a line break or the end."""
    out: list[str] = []
    i, n = start + 1, len(text)
    while i < n:
        ch = text[i]
        if ch == '"':
            if i + 1 < n and text[i + 1] == '"':
                out.append('"')
                i += 2
                continue
            if i + 1 == n or text[i + 1] in "\t\r\n":
                return i + 1, "".join(out).replace("\r\n", "\n").replace("\r", "\n")
            return None, ""
        out.append(ch)
        i += 1
    return None, ""
