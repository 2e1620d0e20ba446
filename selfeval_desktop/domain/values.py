"""Reading indicator values (年度指标值 / 实际完成值) as typed by people.

``parse_value`` turns text such as ``≥4次``, ``5万元以内``, ``100%``,
``2021年12月前`` or ``基本达成`` into a :class:`ParsedValue` holding the
direction (正向/反向/等于/时效/定性), the number and its unit, while keeping the
original text untouched.  Text that cannot be read with confidence is never
guessed at: it gets ``error`` set and no direction or number.

Pure standard library; numbers are ``decimal.Decimal`` only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import lru_cache

__all__ = [
    "Direction",
    "Achievement",
    "ParsedValue",
    "parse_value",
    "to_unit",
    "comparable",
]


class Direction(str, Enum):
    """指标方向."""

    POSITIVE = "正向"  # ≥, 不少于, 以上, or a bare number
    NEGATIVE = "反向"  # ≤, 不超过, 以内, 以下, 低于 ...
    EQUAL = "等于"  # =, 等于
    TIMELY = "时效"  # 2021年12月前, 12月底前 ...
    QUALITATIVE = "定性"  # 达成, 良好, 显著提升, free words


class Achievement(str, Enum):
    """定性完成情况."""

    MET = "达成"
    PARTIAL = "部分达成"
    NOT_MET = "未达成"


@dataclass(frozen=True)
class ParsedValue:
    """One parsed 指标值; ``text`` is exactly what was typed."""

    text: str
    direction: Direction | None
    number: Decimal | None
    unit: str
    bare: bool = False
    deadline: tuple[int | None, int, int | None] | None = None
    achievement: Achievement | None = None
    error: str | None = None

    @property
    def empty(self) -> bool:
        """True when nothing (or only whitespace) was typed."""
        return not self.text.strip()

    @property
    def ok(self) -> bool:
        """True when something was typed and it could be read."""
        return not self.empty and self.error is None


# --- vocabulary -----------------------------------------------------------

# Symbol spellings NFKC leaves alone (＝ ﹦ ＞ ％ and full-width digits it folds).
_SYMBOLS = {"≧": "≥", "⩾": "≥", "≮": "≥", "≦": "≤", "⩽": "≤", "≯": "≤", "═": "="}
_ASCII_PAIRS = {">=": "≥", "<=": "≤", "==": "="}

# Operator words written before the number, longest first within each group.
_PREFIX_OPS = {
    Direction.POSITIVE: ["大于等于", "大于或等于", "不少于", "不低于", "不小于", "不下于",
                         "至少", "大于", "高于", "多于", "超过", "≥", ">"],
    Direction.NEGATIVE: ["小于等于", "小于或等于", "不超过", "不高于", "不大于", "不多于",
                         "控制在", "至多", "最多", "小于", "低于", "少于", "≤", "<"],
    Direction.EQUAL: ["等于", "="],
}
# Operator words written after the unit.
_SUFFIX_OPS = {
    Direction.POSITIVE: ["及以上", "或以上", "以上"],
    Direction.NEGATIVE: ["及以下", "或以下", "以下", "以内", "之内", "内"],
}
# Words that carry no direction: "实际50余人", "完成95%", "达到100%".
_NOISE = ["实际完成", "实际", "已完成", "完成", "累计", "共计", "合计", "总计", "共", "达到", "达", "约为", "约", "为"]

_ACHIEVEMENTS = {
    Achievement.MET: ["达成", "已达成", "全部达成", "完全达成", "完成", "已完成", "全部完成",
                      "全面完成", "达标", "已达标", "按时完成", "如期完成", "按期完成", "按时",
                      "如期", "按期", "及时完成", "及时"],
    Achievement.PARTIAL: ["基本达成", "部分达成", "基本完成", "部分完成", "基本达标"],
    Achievement.NOT_MET: ["未达成", "没有达成", "未完成", "没有完成", "未达标", "未按时完成",
                          "未如期完成", "未按期完成", "逾期", "逾期完成"],
}
_ACHIEVEMENT_OF = {w: a for a, words in _ACHIEVEMENTS.items() for w in words}

_LATIN_UNITS = {"km", "m", "cm", "mm", "kg", "g", "t", "l", "ml", "kw", "kwh", "mw", "mwh",
                "m2", "m3", "km2", "mb", "gb", "tb"}
_MAGNITUDES = {"千": Decimal(10) ** 3, "万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_CJK = r"[\u4e00-\u9fff]"
_PREFIX_RE = _alt(w for ws in _PREFIX_OPS.values() for w in ws)
_SUFFIX_RE = _alt(w for ws in _SUFFIX_OPS.values() for w in ws)
_NOISE_RE = _alt(_NOISE)

_NUMERIC = re.compile(
    rf"(?:{_NOISE_RE})*(?P<op>{_PREFIX_RE})?(?:{_NOISE_RE})*"
    r"(?P<sign>[-+])?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:余|多)?"
    rf"(?P<unit>%|‰|[a-zA-Z]{{1,3}}[23]?|{_CJK}{{1,4}}?(?:/{_CJK}{{1,4}}?)?)?"
    rf"(?P<suffix>{_SUFFIX_RE})?(?:左右|完成)?"
)
_DATE_TAIL = r"(?P<before>前|之前|以前)?(?:完成|前完成)?"
_DATE_CN = re.compile(
    r"(?:截至|截止|于|在|已于)?(?:"
    r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?(?P<end>底|末)?"
    r"|(?P<ye>\d{4})?年(?:底|末))" + _DATE_TAIL
)
_DATE_SEP = re.compile(
    r"(?:截至|截止|于|在|已于)?(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})"
    r"(?:(?P=sep)(?P<d>\d{1,2}))?" + _DATE_TAIL
)
_CN_DIGITS = frozenset("一二两三四五六七八九十")


@lru_cache(maxsize=None)
def _cn_numeral_count() -> re.Pattern:
    """三次, 五个 …: a count in Chinese numerals (compiled when first needed: most files have none)."""
    return re.compile(
        rf"(?:{_PREFIX_RE})?(?=[零〇百千万亿]*[一二两三四五六七八九十])[零〇一二两三四五六七八九十百千万亿]+"
        r"(?:个|次|人次|人|篇|家|场|处|项|份|期|天|户|元|万元|亿元|小时|名|所|台|套|批|条|件|本|部|座|间)"
        rf"(?:{_SUFFIX_RE})?"
    )


_TRAILING_PUNCT = "。.，,；;！!、 "


def _has_cjk(text: str) -> bool:
    """Whether ``text`` has a CJK ideograph (what ``re.search(_CJK, text)`` finds; a pattern with
    that range costs ~1 ms to compile, paid by the window's first scoring)."""
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def _hint(text: str) -> str:
    return f"无法识别“{text}”：请写成 ≥4次、≤5万元、100%、2021年12月前 或 达成 等形式"


def _normalise(text: str) -> str:
    """Fold full-width forms, unify ≥/≤/= spellings and drop all whitespace."""
    s = unicodedata.normalize("NFKC", text)
    for old, new in {**_SYMBOLS, **_ASCII_PAIRS}.items():
        s = s.replace(old, new)
    s = s.replace("(含)", "")  # "90%（含）以上": 含 only restates that the bound counts
    return re.sub(r"\s+", "", s)


def _direction_of(word: str | None, table) -> Direction | None:
    for direction, words in table.items():
        if word in words:
            return direction
    return None


# --- parsing --------------------------------------------------------------

def parse_value(text: str | None) -> ParsedValue:
    """Parse a typed 指标值/实际值; never raises, never alters ``text``."""
    text = "" if text is None else text
    shown = text.strip()
    if not shown:
        return ParsedValue(text, None, None, "")
    s = _normalise(text)
    for reader in (_read_date, _read_words, _read_number):
        value = reader(text, s)
        if value is not None:
            return value
    return _failed(text, _hint(shown))


def _failed(text: str, message: str) -> ParsedValue:
    return ParsedValue(text, None, None, "", error=message)


def _read_date(text: str, s: str) -> ParsedValue | None:
    """时效: 2021年12月前, 12月底前, 2021年底前, 6月30日前, 2021-12-31."""
    m = _DATE_CN.fullmatch(s)
    if m and m.group("m") is None:  # 2021年底前 / 年底前
        year, month, day = m.group("ye"), "12", None
    elif m:
        if m.group("d") and m.group("end"):
            return None
        year, month, day = m.group("y"), m.group("m"), m.group("d")
    else:
        m = _DATE_SEP.fullmatch(s)
        # "2021.12" alone is a decimal number, not a date.
        if not m or (m.group("sep") == "." and not m.group("d") and not m.group("before")):
            return None
        year, month, day = m.group("y"), m.group("m"), m.group("d")
    y, mo, d = (int(year) if year else None), int(month), (int(day) if day else None)
    if not 1 <= mo <= 12 or (d is not None and not 1 <= d <= 31):
        return _failed(text, f"日期“{text.strip()}”无效：月份应为1至12，日应为1至31")
    return ParsedValue(text, Direction.TIMELY, None, "", deadline=(y, mo, d))


def _read_words(text: str, s: str) -> ParsedValue | None:
    """定性: text without digits (达成, 良好, 显著提升 ...)."""
    if any(c.isdecimal() for c in s):    # re's \d, without compiling a pattern at start
        return None
    words = s.strip(_TRAILING_PUNCT)
    if words in _ACHIEVEMENT_OF:
        return ParsedValue(text, Direction.QUALITATIVE, None, "",
                           achievement=_ACHIEVEMENT_OF[words])
    if not _CN_DIGITS.isdisjoint(words) and _cn_numeral_count().fullmatch(words):
        return _failed(text, f"无法识别“{text.strip()}”：数量请用阿拉伯数字书写，如 ≥3次、5万元")
    if _has_cjk(words) and not re.search(r"[≥≤<>=]", words):
        return ParsedValue(text, Direction.QUALITATIVE, None, "")
    return None


def _read_number(text: str, s: str) -> ParsedValue | None:
    """正向/反向/等于: ≥4次, 5万元以内, =100%, 8755, 6000余份 ..."""
    m = _NUMERIC.fullmatch(s)
    if not m:
        return None
    unit = m.group("unit") or ""
    if re.search(r"以|之内", unit):  # 4次以下以上: operator words inside the unit
        return None
    if re.fullmatch(r"[a-zA-Z]+\d?", unit):
        if unit.lower() not in _LATIN_UNITS:
            return None
        unit = unit.lower()
    unit = re.sub(r"^([千万亿])余", r"\1", unit)  # 1万余元 -> 万元
    op_dir = _direction_of(m.group("op"), _PREFIX_OPS)
    suffix_dir = _direction_of(m.group("suffix"), _SUFFIX_OPS)
    if op_dir and suffix_dir and op_dir != suffix_dir:
        return _failed(text, f"无法识别“{text.strip()}”：前后的方向词相互矛盾")
    direction = op_dir or suffix_dir
    number = Decimal(m.group("num").replace(",", ""))
    if m.group("sign") == "-":
        number = -number
    return ParsedValue(text, direction or Direction.POSITIVE, number, unit,
                       bare=direction is None)


# --- units and comparison -------------------------------------------------

def _norm_unit(unit: str) -> str:
    unit = unicodedata.normalize("NFKC", unit or "").strip()
    return unit.lower() if unit.isascii() else unit


def _split_magnitude(unit: str) -> tuple[Decimal, str]:
    """'亿元' -> (10^8, '元'), '万人次' -> (10^4, '人次'), '‰' -> (0.1, '%')."""
    if unit == "‰":
        return Decimal("0.1"), "%"
    factor = Decimal(1)
    while unit and unit[0] in _MAGNITUDES:
        factor *= _MAGNITUDES[unit[0]]
        unit = unit[1:]
    return factor, unit


def to_unit(number: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """Express ``number`` (in ``from_unit``) in ``to_unit``; None if not convertible.

    元/千元/万元/亿元 (and 万人次 vs 人次 etc.) convert by magnitude; % and ％
    are the same; an empty unit is compatible with anything (number unchanged).
    """
    src, dst = _norm_unit(from_unit), _norm_unit(to_unit)
    if src == dst:
        return number
    (f_src, base_src), (f_dst, base_dst) = _split_magnitude(src), _split_magnitude(dst)
    if base_src == base_dst:
        return number * (f_src / f_dst)
    if (src and not base_src) or (dst and not base_dst):
        return number * (f_src / f_dst)  # "1.5亿" beside "15084万元": a bare 亿 takes the other's unit
    if not src or not dst:
        return number
    return None


def comparable(target: ParsedValue, actual: ParsedValue) -> tuple[Decimal, Decimal] | str:
    """(目标数值, 实际数值) in the target's unit, or a Chinese reason why not."""
    for label, value in (("目标值", target), ("实际值", actual)):
        if value.empty:
            return f"{label}为空，无法比较"
        if value.error:
            return f"{label}：{value.error}"
        if value.number is None:
            return f"{label}“{value.text.strip()}”不是数值，无法按数值比较"
    slip = _fraction_for_percent(target, actual)
    if slip:
        return slip
    converted = to_unit(actual.number, actual.unit, target.unit)
    if converted is None:
        return f"目标单位“{target.unit}”与实际单位“{actual.unit}”不同，无法比较"
    return target.number, converted


_PER = {"%": Decimal(100), "‰": Decimal(1000)}


def _plain(number: Decimal) -> str:
    if number == number.to_integral_value():
        return format(number.quantize(Decimal(1)), "f")
    return format(number.normalize(), "f")


def _fraction_for_percent(target: ParsedValue, actual: ParsedValue) -> str | None:
    """A bare actual ≤ 1 against a percentage target above 1 (0.95 against ≥90%) is a fraction
    typed for a percentage, not 0.95%: said at the cell instead of scored as 0.95 / 90.
    ``100`` against ``100%`` (the unit left out, same scale) is not this slip."""
    per = _PER.get(_norm_unit(target.unit))
    if per is None or _norm_unit(actual.unit) or actual.number is None or target.number is None:
        return None
    if not (0 < actual.number <= 1 < target.number):  # 0 is 0 on either scale
        return None
    return (f"实际值 {actual.text.strip()} 没有写单位，目标是 {_plain(target.number)}{target.unit}："
            f"是否应为 {_plain(actual.number * per)}{target.unit}？")
