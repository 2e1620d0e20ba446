"""Slips a comparison must not score: a side whose missing unit, change word or round figure makes
the result a guess (0.95 against ≥90%, 49800 against ≤5万元, 二十余次 against ≤20次).

``unit_slip`` gives the field and a Chinese question, said at the cell (checks_indicators) and
given by ``values.comparable`` as its reason for not scoring the row.
"""
from __future__ import annotations

from decimal import Decimal

from .score_basics import num
from .values import Direction, ParsedValue, norm_unit, split_magnitude, to_unit

_PER = {"%": Decimal(100), "‰": Decimal(1000)}
# A bare figure against a sum of money this many times off is not in the target's unit.
_IMPLAUSIBLE = Decimal(1000)
_MONEY_UNITS = ("元", "万元", "亿元")


def unit_slip(target: ParsedValue, actual: ParsedValue) -> tuple[str, str] | None:
    """(field, question) when one side's writing makes the comparison a slip, not a result:
    ``("actual" | "target", "…是否应为 95%？")``, else None. Said at the cell, never scored."""
    if target.number is None or actual.number is None:
        return None
    for check in (_fraction_for_percent, _percent_for_fraction, _money_without_unit, _change_alone,
                  _more_than_decides):
        found = check(target, actual)
        if found:
            return found
    return None


def _fraction_for_percent(target: ParsedValue, actual: ParsedValue) -> tuple[str, str] | None:
    """A bare actual ≤ 1 against a percentage target above 1 (0.95 against ≥90%) is a fraction
    typed for a percentage, not 0.95%: said at the cell instead of scored as 0.95 / 90.
    ``100`` against ``100%`` (the unit left out, same scale) is not this slip."""
    per = _PER.get(norm_unit(target.unit))
    if per is None or norm_unit(actual.unit) or actual.number is None or target.number is None:
        return None
    if not (0 < actual.number <= 1 < target.number):  # 0 is 0 on either scale
        return None
    return "actual", (f"实际值 {actual.text.strip()} 没有写单位，目标是 {num(target.number)}"
                      f"{target.unit}：是否应为 {num(actual.number * per)}{target.unit}？")


def _percent_for_fraction(target: ParsedValue, actual: ParsedValue) -> tuple[str, str] | None:
    """The mirror: a bare target ≤ 1 (≥0.95) against a percentage actual above 1 (90%) is the
    fraction typed for the target; read as 0.95 it would make 90% an overshoot."""
    per = _PER.get(norm_unit(actual.unit))
    if per is None or norm_unit(target.unit):
        return None
    if not (0 < target.number <= 1 < actual.number):
        return None
    return "target", (f"目标值 {target.text.strip()} 没有写单位，实际是 {num(actual.number)}"
                      f"{actual.unit}：是否应为 {num(target.number * per)}{actual.unit}？")


def _money_without_unit(target: ParsedValue, actual: ParsedValue) -> tuple[str, str] | None:
    """A bare actual against a sum of money, ≥ 1000 times off in the target's unit (49800 against
    ≤5万元: 元 from the voucher), is asked in the unit that makes it plausible, not scored."""
    if norm_unit(actual.unit) or target.number <= 0 or actual.number <= 0:
        return None
    factor, base = split_magnitude(norm_unit(target.unit))
    if base != "元":
        return None
    ratio = actual.number / target.number
    if 1 / _IMPLAUSIBLE < ratio < _IMPLAUSIBLE:
        return None
    def off(unit):   # how far from the target the actual would be, read in ``unit``
        r = ratio * split_magnitude(unit)[0] / factor
        return max(r, 1 / r)
    unit = min(_MONEY_UNITS, key=off)
    if off(unit) >= _IMPLAUSIBLE:
        return None
    return "actual", (f"实际值 {actual.text.strip()} 没有写单位，目标是 {num(target.number)}"
                      f"{target.unit}：是否应为 {num(actual.number)}{unit}？")


def _change_alone(target: ParsedValue, actual: ParsedValue) -> tuple[str, str] | None:
    """增长10% against 12% (or ≥10% against 增长12%): a change beside a level cannot be told
    apart from a level (12% may be the new rate, not the growth); asked, not guessed."""
    if target.change and not actual.change:
        return "actual", (f"目标“{target.text.strip()}”是变化幅度，实际值请同样写明变化，"
                          f"如“{target.change}{num(actual.number)}{actual.unit}”")
    if actual.change and not target.change:
        return "actual", (f"实际“{actual.text.strip()}”是变化幅度，目标“{target.text.strip()}”"
                          f"不是：请把两格写成同一种（都写变化幅度，或都写数值）")
    return None


def _more_than_decides(target: ParsedValue, actual: ParsedValue) -> tuple[str, str] | None:
    """二十余次 against ≤20次: 余/多 says only “more than 20, fewer than 30”. Where that range
    decides the row (二十余次 against ≥20次, or against ≤30次) it is scored; where the row's
    result or its points depend on the exact figure, it is asked, not read as 20 (read so,
    二十余次 met ≤20次 with full points)."""
    if not actual.more or target.change or target.direction not in (
            Direction.POSITIVE, Direction.NEGATIVE, Direction.EQUAL):
        return None
    low = to_unit(actual.number, actual.unit, target.unit)
    if low is None:
        return None            # other units: said as such by comparable
    exponent = actual.number.normalize().as_tuple().exponent
    high = to_unit(actual.number + Decimal(1).scaleb(exponent), actual.unit, target.unit)
    if target.direction == Direction.POSITIVE and low >= target.number:
        return None            # 6000余人 against 5000人次以上: met whatever the exact figure
    if target.direction == Direction.NEGATIVE and high <= target.number:
        return None            # 二十余次 against ≤30次
    return "actual", (f"实际值“{actual.text.strip()}”是约数（多于 {num(actual.number)}"
                      f"{actual.unit}），与目标“{target.text.strip()}”相比要看确切数字：请填写确切的实际完成值")
