"""Money: integer 分 (0.01 元) in memory and on disk, shown in 万元.

Amounts are never floats. ``parse_wan`` reads what a clerk types in a 万元 column
(``681.5307``, ``1,500``, ``４``, ``5元``, ``1.5亿元``) into 分; ``format_wan`` shows 分 as
万元 with as many decimals as the amount needs (681.5307, 4, 2.0083), as the window shows what was
typed; ``printed_wan`` gives paper its two decimals at least (4.00, 681.5307).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
import re

FEN_PER_YUAN = 100
FEN_PER_WAN = 1_000_000  # 1 万元 = 10 000 元 = 1 000 000 分

_UNIT_FEN = {"元": Decimal(FEN_PER_YUAN), "万元": Decimal(FEN_PER_WAN), "万": Decimal(FEN_PER_WAN),
             "亿元": Decimal(FEN_PER_WAN) * 10_000, "亿": Decimal(FEN_PER_WAN) * 10_000,
             "千元": Decimal(FEN_PER_YUAN) * 1000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－　", "0123456789.,- ")
# compiled by re at the first amount read (re keeps it), not when the window starts
_AMOUNT = r"^(-?\d+(?:\.\d+)?)\s*(元|万元|万|亿元|亿|千元)?$"


MAX_DIGITS = 13     # digits before the point: well inside Decimal's 28 …
MAX_FEN = 10 ** 16  # … and 100万亿元 at most, so that sums stay inside SQLite's 64-bit integers


class AmountError(ValueError):
    """An amount that cannot be read; ``str(err)`` is the Chinese message for the user."""


@dataclass(frozen=True)
class ParsedAmount:
    fen: int
    unit_written: str | None  # the unit the user typed, if any ("元" among 万元 figures is suspicious)


def parse_amount(text: str, default_unit: str = "万元") -> ParsedAmount | None:
    """Read typed money into 分. Empty → None. Raises AmountError with a Chinese message."""
    if text is None:
        return None
    s = str(text).translate(_FULLWIDTH).strip().replace(",", "").replace(" ", "")
    if not s:
        return None
    m = re.match(_AMOUNT, s)
    if not m:
        formula = "（这里不计算 Excel 公式，请填写算好的数）" if s.startswith(("=", "＝")) else ""
        raise AmountError(f"无法识别金额“{text}”：请填写数字，单位为{default_unit}，如 681.5307{formula}")
    if len(m.group(1).lstrip("-").split(".")[0].lstrip("0")) > MAX_DIGITS:
        raise AmountError(f"金额“{text}”超过 {MAX_DIGITS} 位数字，请检查是否多输或粘贴错了")
    try:
        number = Decimal(m.group(1))
    except InvalidOperation as exc:  # pragma: no cover - regex guarantees a number
        raise AmountError(f"无法识别金额“{text}”") from exc
    unit = m.group(2)
    per_unit = _UNIT_FEN[unit or default_unit]
    fen = number * per_unit
    if fen != fen.to_integral_value():
        places = len(str(per_unit)) - 1  # 元: 2, 万元: 6, 亿元: 10
        raise AmountError(f"金额“{text}”比1分（0.01元）更精细，请检查小数位数"
                          f"（单位为{unit or default_unit}时最多{places}位小数）")
    if abs(fen) >= MAX_FEN:
        raise AmountError(f"金额“{text}”过大（超过100万亿元），请检查单位和位数")
    return ParsedAmount(int(fen), unit)


def parse_wan(text: str) -> int | None:
    """Shortcut: typed 万元 text → 分, or None when empty. Raises AmountError."""
    parsed = parse_amount(text)
    return None if parsed is None else parsed.fen


def fen_to_wan(fen: int) -> Decimal:
    """分 → exact Decimal 万元, trailing zeros stripped (4, 681.5307)."""
    value = Decimal(fen) / FEN_PER_WAN
    return _strip(value)


def fen_to_yuan(fen: int) -> Decimal:
    return _strip(Decimal(fen) / FEN_PER_YUAN)


def format_wan(fen: int | None) -> str:
    """Show 分 as 万元 text: None → "", 400000 → "0.4", 681530700 → "681.5307"."""
    if fen is None:
        return ""
    return _plain(fen_to_wan(fen))


def printed_wan(fen: int | None) -> str:
    """分 as 万元 on a printed form: two decimals at least, more only where the amount has them
    (None → "", 4.4 → "4.40", 0 → "0.00", 15.56, 8.1437 as typed). A 财政局 reader expects every
    万元 cell to two decimals (review 28 P2-2: one column read 8.1437 / 15.56 / 4.4 / 0); a 分 the
    clerk typed is never rounded away (seed 001 itself writes 8.1437 万元)."""
    if fen is None:
        return ""
    value = fen_to_wan(fen)
    if value.as_tuple().exponent > -2:
        value = value.quantize(Decimal("0.01"))
    return _plain(value)


def _strip(value: Decimal) -> Decimal:
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text


def sum_fen(values) -> int | None:
    """Sum of amounts that are present; None when none is present."""
    present = [v for v in values if v is not None]
    return sum(present) if present else None
