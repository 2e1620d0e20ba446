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

from .cn_words import cn_int as _cn_int, without_all_of as _without_all_of

__all__ = [
    "Direction",
    "Achievement",
    "ParsedValue",
    "parse_value",
    "to_unit",
    "comparable",
    "same_unit_reading",
    "deadline_late",
    "read_against",
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
    change: str = ""   # 增长/减少 …: the number is a rate of change in that sense ("" = a level)
    no_overrun: bool = False   # 未超预算 / 未超支: words meaning an overrun of 0 (no number)
    more: bool = False   # 6000余份, 二十余次, 1万余元: “more than” the number, by less than its last digit

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
                         "控制在", "至多", "最多", "小于", "低于", "少于", "≤", "<",
                         # an actual as seed 004 writes it: 实际未超过 360 天 (read as ≤ 360天)
                         "未超过", "没有超过", "没超过", "未超出", "没有超出", "不超出", "未超",
                         "不超", "未高于", "未多于", "未大于"],
    Direction.EQUAL: ["等于", "="],
}
# Operator words written after the unit.
_SUFFIX_OPS = {
    Direction.POSITIVE: ["及以上", "或以上", "以上"],
    Direction.NEGATIVE: ["及以下", "或以下", "以下", "以内", "之内", "内"],
}
# Words that carry no direction: "实际50余人", "完成95%", "达到100%".
_NOISE = ["实际完成", "实际", "已完成", "完成", "累计", "共计", "合计", "总计", "共", "达到", "达", "约为", "约", "为",
          # what was done, written before the count as the reports write it (seed 000's
          # 高新技术企业净增 3 家以上 / 净增3家 must not be red): the count is what is compared
          "净增", "新增", "新认定", "认定", "备案", "已申报", "申报", "开展", "举办", "编印", "培训",
          "登记", "引进", "培育", "全年", "年度"]

# A target written as a change (增长10%以上, 提高10%, 减少5%): the word and its sense, +1 up,
# -1 down. Such a value compares only with an actual written as a change too (see comparable).
_CHANGE_WORDS = {"增长": 1, "增加": 1, "提高": 1, "提升": 1, "上升": 1, "上涨": 1,
                 "减少": -1, "降低": -1, "下降": -1, "压缩": -1, "缩减": -1, "节约": -1}
_CHANGE_BASES = ["同比", "环比", "较上年", "比上年", "较去年", "比去年"]

_ACHIEVEMENTS = {
    Achievement.MET: ["达成", "已达成", "全部达成", "完全达成", "完成", "已完成", "全部完成",
                      "全面完成", "达标", "已达标", "按时完成", "如期完成", "按期完成", "按时",
                      "如期", "按期", "及时完成", "及时", "达到预期", "已达到预期", "达到目标",
                      "已达到目标", "达到预期目标"],
    Achievement.PARTIAL: ["基本达成", "部分达成", "基本完成", "部分完成", "基本达标", "基本达到",
                          "基本达到预期", "部分达到", "部分达到预期", "未全部完成", "部分未完成",
                          "未完全完成", "未完全达到", "未完全达成", "未全部达到"],
    Achievement.NOT_MET: ["未达成", "没有达成", "未完成", "没有完成", "未达标", "未按时完成",
                          "未如期完成", "未按期完成", "逾期", "逾期完成", "未达到", "没有达到",
                          "未达到预期", "未达预期", "没有达到预期", "未达到目标", "未达到预期目标",
                          # 未能/尚未/没能 before a 达成 word: not achieved, not 达成
                          *(f"{head}{word}" for head in ("未能", "尚未", "没能", "没有能")
                            for word in ("达到", "达到预期", "达到目标", "达成", "完成", "达标",
                                         "按时完成", "如期完成"))],
}
_ACHIEVEMENT_OF = {w: a for a, words in _ACHIEVEMENTS.items() for w in words}

# An actual saying the money stayed within the budget (seed 004: 超预算金额不高于 5 万元，实际
# 未超预算): an overrun of 0, read against a ≤ sum of money (ParsedValue.no_overrun).
_NO_OVERRUN = frozenset(
    f"{head}{word}" for head in ("", "实际", "均", "全部")
    for word in ("未超预算", "没有超预算", "没超预算", "不超预算", "未超出预算", "没有超出预算",
                 "未超过预算", "没有超过预算", "未突破预算", "未超支", "没有超支", "无超支", "不超支",
                 "预算内", "在预算内", "控制在预算内", "在预算范围内", "预算范围内",
                 "控制在预算范围内"))

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
    rf"(?:{_NOISE_RE})*(?:(?:{_alt(_CHANGE_BASES)})?(?P<change>{_alt(_CHANGE_WORDS)}))?"
    rf"(?:{_NOISE_RE})*(?P<op>{_PREFIX_RE})?(?:{_NOISE_RE})*"
    r"(?P<sign>[-+])?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?P<more>余|多)?"
    rf"(?P<unit>%|‰|[a-zA-Z]{{1,3}}[23]?|{_CJK}{{1,4}}?(?:/{_CJK}{{1,4}}?)?)?"
    rf"(?P<suffix>{_SUFFIX_RE})?(?:左右|完成)?"
)
# 12月前完成, 12月前完成拨付, 12月底前资金拨付完毕 (seed 004: 实际在 12 月前完成拨付): what was done
# after the date is only said, the date is what counts
_DATE_TAIL = (r"(?P<before>前|之前|以前)?(?:前?完成)?"
              r"(?:(?:资金)?(?:全部|全额)?(?:拨付|下达|支付|兑付|兑现|发放|验收|结算|上报|报送|出具|"
              r"印发|采购|招标)(?:完毕|完成|到位)?)?")
_DATE_CN = re.compile(
    r"(?:截至|截止|于|在|已于)?(?:"
    r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?(?P<end>底|末)?"
    r"|(?P<ye>\d{4})?年(?:底|末))" + _DATE_TAIL
)
_DATE_SEP = re.compile(
    r"(?:截至|截止|于|在|已于)?(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})"
    r"(?:(?P=sep)(?P<d>\d{1,2}))?" + _DATE_TAIL
)
# 2020年1月至12月, 1-12月, 2021年3月—2021年11月底 (a project's 起止时间 as a 时效 target, seed
# 003): done by the period's last month
@lru_cache(maxsize=None)
def _date_period() -> re.Pattern:
    """Compiled when first needed (a pattern this size costs ~1 ms at every start)."""
    return re.compile(
        r"(?:(?P<y1>\d{4})年)?\d{1,2}月?(?:至|到|-|—|~|－)(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月"
        r"(?P<end>底|末)?" + _DATE_TAIL)


_CN_DIGITS = frozenset("零〇一二两三四五六七八九十")
_COMPARISONS = frozenset("≥≤<>=")   # a class of these: ~0.5 ms to compile, at the first scoring


@lru_cache(maxsize=None)
def _cn_numeral_count() -> re.Pattern:
    """三次, 五个 …: a count in Chinese numerals (compiled when first needed: most files have none)."""
    return re.compile(
        rf"(?P<op>{_PREFIX_RE})?"
        # the whole numeral (一亿二千万元 is 一亿二千万 元, not 一亿二千 万元), or 零
        r"(?P<num>(?=[零〇百千万亿]*[一二两三四五六七八九十])[零〇一二两三四五六七八九十百千万亿]+|[零〇])"
        r"(?P<rest>(?:余|多)?(?:个|次|人次|人|篇|家|场|处|项|份|期|天|户|元|万元|亿元|小时|名|所|台|套|批|条|件|本|部|座|间)"
        rf"(?:{_SUFFIX_RE})?)"
    )


_TRAILING_PUNCT = "。.，,；;！!、 "
MAX_DIGITS = 15     # digits before the point a value may have (a count, an amount in 元 …)



def _has_cjk(text: str) -> bool:
    """Whether ``text`` has a CJK ideograph (what ``re.search(_CJK, text)`` finds; a pattern with
    that range costs ~1 ms to compile, paid by the window's first scoring)."""
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def _leading_cjk(text: str) -> str:
    """The CJK ideographs ``text`` starts with (as _has_cjk, without compiling that range)."""
    count = 0
    for c in text:
        if not "\u4e00" <= c <= "\u9fff":
            break
        count += 1
    return text[:count]


def _hint(text: str) -> str:
    lead = _leading_cjk(text)   # re.match(r"([\u4e00-\u9fff]{1,10})\s*\d", text) read by hand
    if 1 <= len(lead) <= 10 and text[len(lead):].lstrip()[:1].isdecimal():
        # 扶持3家: the word before the number is what is not read
        return (f"无法识别“{text}”：数字前的“{lead}”请去掉（写在三级指标名称中），"
                f"如 ≥4家、≤5万元、100%、2021年12月前 或 达成")
    return f"无法识别“{text}”：请写成 ≥4次、≤5万元、100%、2021年12月前 或 达成 等形式"


def _normalise(text: str) -> str:
    """Fold full-width forms, unify ≥/≤/= spellings and drop all whitespace."""
    s = unicodedata.normalize("NFKC", text)
    for old, new in {**_SYMBOLS, **_ASCII_PAIRS}.items():
        s = s.replace(old, new)
    # "90%（含）以上", "不低于90%（含90%）", "（含本数）": 含 only restates that the bound counts
    s = re.sub(r"\(含[^()]{0,12}\)", "", s)
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
    elif ("至" in s or "到" in s or "月" in s) and (period := _date_period().fullmatch(s)):
        year, month, day = period.group("y") or period.group("y1"), period.group("m"), None
    else:
        m = _DATE_SEP.fullmatch(s)
        # "2021.12" alone is a decimal number, not a date (but see read_against)
        if not m or (m.group("sep") == "." and not m.group("d") and not m.group("before")):
            return None
        year, month, day = m.group("y"), m.group("m"), m.group("d")
    y, mo, d = (int(year) if year else None), int(month), (int(day) if day else None)
    if not 1 <= mo <= 12 or (d is not None and not 1 <= d <= 31):
        return _failed(text, f"日期“{text.strip()}”无效：月份应为1至12，日应为1至31")
    return ParsedValue(text, Direction.TIMELY, None, "", deadline=(y, mo, d))


def read_against(target: ParsedValue, actual: ParsedValue) -> ParsedValue:
    """``actual`` as read beside ``target``: against a 时效 target, 2020.12 — a decimal number by
    itself — is the month 2020年12月, as offices write dates (the row would ask for a 达成情况
    instead of taking the date typed)."""
    if target.direction is not Direction.TIMELY or actual.number is None or actual.unit or \
            actual.direction is not Direction.POSITIVE or not actual.bare:
        return actual
    m = re.fullmatch(r"(\d{4})\.(\d{1,2})", _normalise(actual.text))
    if m is None or not 1990 <= int(m.group(1)) <= 2100 or not 1 <= int(m.group(2)) <= 12:
        return actual
    year, month = m.group(1), m.group(2)
    if month == "1":
        # Excel shows 2020.10 as 2020.1: January or October is not guessed
        return _failed(actual.text, f"“{actual.text.strip()}”是{year}年1月还是{year}年10月（Excel 会把 "
                                    f"{year}.10 显示成 {year}.1）？请写成“{year}年1月”或“{year}年10月”")
    return ParsedValue(actual.text, Direction.TIMELY, None, "", deadline=(int(year), int(month), None))


def _read_words(text: str, s: str) -> ParsedValue | None:
    """定性: text without digits (达成, 良好, 显著提升 ...)."""
    if any(c.isdecimal() for c in s):    # re's \d, without compiling a pattern at start
        return None
    words = s.strip(_TRAILING_PUNCT)
    level = _ACHIEVEMENT_OF.get(words) or _ACHIEVEMENT_OF.get(_without_all_of(words))
    if level is not None:
        return ParsedValue(text, Direction.QUALITATIVE, None, "", achievement=level)
    if words in _NO_OVERRUN:
        return ParsedValue(text, Direction.QUALITATIVE, None, "", no_overrun=True)
    if not _CN_DIGITS.isdisjoint(words):
        counted = _cn_numeral_count().fullmatch(words)
        # 四期, 不少于三次, 十二篇: read as 4期 … (as seed 003's 编印了四期); not 四五次
        # (four or five: two digits side by side say a range)
        if counted and not re.search(r"[一二两三四五六七八九]{2}", counted.group("num")):
            number = _cn_int(counted.group("num"))
            return _read_number(text, f"{counted.group('op') or ''}{number}{counted.group('rest')}")
    if _has_cjk(words) and _COMPARISONS.isdisjoint(words):
        return ParsedValue(text, Direction.QUALITATIVE, None, "")
    return None


def _read_number(text: str, s: str) -> ParsedValue | None:
    """正向/反向/等于: ≥4次, 5万元以内, =100%, 8755, 6000余份 ..."""
    m = _NUMERIC.fullmatch(s)
    if not m:
        return None
    unit = m.group("unit") or ""
    if "以" in unit or "之内" in unit:  # 4次以下以上: operator words inside the unit
        return None
    if re.fullmatch(r"[a-zA-Z]+\d?", unit):
        if unit.lower() not in _LATIN_UNITS:
            return None
        unit = unit.lower()
    more = bool(m.group("more"))
    if unit[:1] in ("千", "万", "亿") and unit[1:2] in ("余", "多"):  # 1万余元 -> 万元
        unit, more = unit[0] + unit[2:], True
    op_dir = _direction_of(m.group("op"), _PREFIX_OPS)
    suffix_dir = _direction_of(m.group("suffix"), _SUFFIX_OPS)
    if op_dir and suffix_dir and op_dir != suffix_dir:
        return _failed(text, f"无法识别“{text.strip()}”：前后的方向词相互矛盾")
    direction = op_dir or suffix_dir
    digits = m.group("num").replace(",", "")
    if len(digits.split(".")[0].lstrip("0")) > MAX_DIGITS:
        # 25 digits would make the scoring's arithmetic raise (and the window crash)
        return _failed(text, f"无法识别“{text.strip()}”：数字超过 {MAX_DIGITS} 位，请检查是否多输或粘贴错了")
    number = Decimal(digits)
    if m.group("sign") == "-":
        number = -number
    return ParsedValue(text, direction or Direction.POSITIVE, number, unit,
                       bare=direction is None and not m.group("change"),
                       change=m.group("change") or "", more=more)


# --- units and comparison -------------------------------------------------

def norm_unit(unit: str) -> str:
    unit = unicodedata.normalize("NFKC", unit or "").strip()
    return unit.lower() if unit.isascii() else unit


def split_magnitude(unit: str) -> tuple[Decimal, str]:
    """'亿元' -> (10^8, '元'), '万人次' -> (10^4, '人次'), '‰' -> (0.1, '%')."""
    if unit == "‰":
        return Decimal("0.1"), "%"
    factor = Decimal(1)
    while unit and unit[0] in _MAGNITUDES:
        factor *= _MAGNITUDES[unit[0]]
        unit = unit[1:]
    return factor, unit


# Units clerks write for the same count (seed 004: 预期 5 个，实际完成 8 项; 5000人次以上 against
# 6000余人; 20场 / 4次 of the same kind of activity): compared as one unit, said in the explanation.
# 次 (times) is not 人次: 4次 of training and 5人次 of attendees are different counts.
_SAME_UNITS = (
    frozenset({"人", "人次", "名", "位"}),
    frozenset({"个", "项", "家", "处"}),
    frozenset({"次", "场", "期"}),
)
# Units that convert by a fixed factor: unit -> (base, how many base units one is).
_FACTORS = {
    "年": ("月", Decimal(12)), "个月": ("月", Decimal(1)), "季度": ("月", Decimal(3)),
    "周": ("天", Decimal(7)), "天": ("天", Decimal(1)), "日": ("天", Decimal(1)),
    "小时": ("分钟", Decimal(60)), "分钟": ("分钟", Decimal(1)),
}


def same_unit_reading(a: str, b: str) -> bool:
    """Whether two different units are read as one (人 and 人次, 个 and 项 …: _SAME_UNITS)."""
    (_, a), (_, b) = split_magnitude(norm_unit(a)), split_magnitude(norm_unit(b))
    return a != b and any(a in group and b in group for group in _SAME_UNITS)


def to_unit(number: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """Express ``number`` (in ``from_unit``) in ``to_unit``; None if not convertible.

    元/千元/万元/亿元 (and 万人次 vs 人次 etc.) convert by magnitude; % and ％
    are the same; 年/个月 and 周/天 by their factor; 人/人次 and 个/项/家/处 are read as one
    (_SAME_UNITS); an empty unit is compatible with anything (number unchanged).
    """
    src, dst = norm_unit(from_unit), norm_unit(to_unit)
    if src == dst:
        return number
    (f_src, base_src), (f_dst, base_dst) = split_magnitude(src), split_magnitude(dst)
    if base_src == base_dst or same_unit_reading(base_src, base_dst):
        return number * (f_src / f_dst)
    if (src and not base_src) or (dst and not base_dst):
        return number * (f_src / f_dst)  # "1.5亿" beside "15084万元": a bare 亿 takes the other's unit
    if not src or not dst:
        return number
    if base_src in _FACTORS and base_dst in _FACTORS:
        (b_src, k_src), (b_dst, k_dst) = _FACTORS[base_src], _FACTORS[base_dst]
        if b_src == b_dst:
            return number * f_src * k_src / (f_dst * k_dst)
    return None


def comparable(target: ParsedValue, actual: ParsedValue) -> tuple[Decimal, Decimal] | str:
    """(目标数值, 实际数值) in the target's unit, or a Chinese reason why not.

    A change (增长10%, 减少5%) compares only with a change: the actual is put in the target's
    sense (增长6% against 减少5% is a reduction of −6%)."""
    for label, value in (("目标值", target), ("实际值", actual)):
        if value.empty:
            return f"{label}为空，无法比较"
        if value.error:
            return f"{label}：{value.error}"
        if value.number is None:
            return f"{label}“{value.text.strip()}”不是数值，无法按数值比较"
    from .value_slips import unit_slip    # (which imports this module)
    slip = unit_slip(target, actual)
    if slip:
        return slip[1]
    converted = to_unit(actual.number, actual.unit, target.unit)
    if converted is None:
        return f"目标单位“{target.unit}”与实际单位“{actual.unit}”不同，无法比较"
    if target.change:
        converted *= _CHANGE_WORDS[actual.change] * _CHANGE_WORDS[target.change]
    return target.number, converted


def deadline_late(target: ParsedValue, actual: ParsedValue,
                  year: int | None) -> tuple[bool, str] | str:
    """Is the actual date after the 时效 target? ``(late, note)``, or a Chinese reason why it
    cannot be told. ``note`` says which year was supplied ("目标按评价年度 2021 年计").

    A side written without a year (12月底前, 年底前, 6月30日前; 12月前完成) is read in ``year``,
    the evaluation's year (Document.year): the 年度指标值 is by definition the target of the year
    evaluated, and an actual is reported for that year. A project's 起止时间 does not change
    this: it spans the whole project (often two or three years, or a 结转项目 begun the year
    before), so it cannot say which of its years a bare month means, while the row is this
    year's target; a deadline in another year is written with its year (and the check
    ``deadline_before_year`` asks about a target of an earlier year).

    With no evaluation year: two yearless sides are the same unwritten year (12月前 against
    11月); an actual without a year is taken in the target's year; but a yearless target against
    an actual with a year (12月底前 against 2022年1月) cannot be judged and is not scored.
    Where one side gives only the month (2021年6月 against 6月30日前), the two compare by month.
    """
    (ty, tm, td), (ay, am, ad) = target.deadline, actual.deadline
    note = []
    if ty is None and year is not None:
        ty = year
        note.append("目标")
    if ay is None and year is not None:
        ay = year
        note.append("实际")
    if ty is None and ay is not None:
        return (f"目标“{target.text.strip()}”没有写年份，评价年度也未填写，无法判断实际"
                f"“{actual.text.strip()}”是否逾期：请填写评价年度，或在目标中写明年份")
    if ay is None:
        ay = ty
    said = f"（{'、'.join(note)}未写年份，按评价年度 {year} 年计）" if note and year is not None else ""
    if ty != ay:
        return ay > ty, said
    if am != tm:
        return am > tm, said
    return td is not None and ad is not None and ad > td, said
