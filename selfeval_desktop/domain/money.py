"""Money: integer 分 (0.01 元) in memory and on disk, shown in 万元.

Amounts are never floats. What a clerk types or pastes is read by the one amount reader,
:func:`~.cells.cell_money` (``681.5307``, ``1,500``, ``４``, ``5元``, ``1.5亿元``);
``parse_wan`` is that reader for a 万元 column. ``format_wan`` shows 分 as 万元 with as many
decimals as the amount needs (681.5307, 4, 2.0083), as the window shows what was typed;
``printed_wan`` gives paper its two decimals at least (4.00, 681.5307).
"""
from __future__ import annotations

from decimal import Decimal

__all__ = ["FEN_PER_WAN", "FEN_PER_YUAN", "fen_to_wan", "fen_to_yuan", "format_wan",
           "parse_wan", "printed_wan", "sum_fen"]

FEN_PER_YUAN = 100
FEN_PER_WAN = 1_000_000  # 1 万元 = 10 000 元 = 1 000 000 分


def parse_wan(text) -> int | None:
    """Typed 万元 text → 分, or None when empty; raises AmountError (a ``cells.CellError``) with
    the Chinese message the window shows. The same reader as typing, paste and import: there
    used to be a second one here, with other rules, that only the tests and the demo used."""
    from .cells import cell_money     # the reader and its patterns: not needed to start
    return cell_money(text, "万元")


def __getattr__(name: str):
    if name == "AmountError":         # the reader's error, loaded with it
        from .cells import CellError
        return CellError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    万元 cell to two decimals (not one column reading 8.1437 / 15.56 / 4.4 / 0); a 分 the
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
