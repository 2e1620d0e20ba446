"""Rows scored by their 达成情况 (达成 / 部分达成 / 未达成): 定性 targets, 时效 rows without a date,
rows without a 年度指标值 (部门整体, judged by a 评分标准), and numeric targets whose actual is words
— and which rows those are, so the window lets the 达成情况 cell take a choice exactly there."""
from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_CEILING, ROUND_DOWN, Decimal

from .model import Indicator
from .profiles import Profile
from .score_basics import IndicatorScore, full, num, parsed, target_and_actual
from .values import Achievement, Direction, ParsedValue, comparable

# a row with neither a 年度指标值 nor a 达成情况: either scores it (部门整体 rows are judged by a
# 评分标准; a message naming only the target made clerks invent targets)
TARGET_OR_CHOICE = "年度指标值未填写：请填写年度指标值，或按评分标准选择达成情况（达成 / 部分达成 / 未达成）"

NUMERIC = (Direction.POSITIVE, Direction.NEGATIVE, Direction.EQUAL)

# said after an actual that cannot be read against a numeric target (108个单位代表): the row may
# be judged by the clerk's 达成情况 instead of a number invented to clear the error
OR_CHOICE = "（也可选择达成情况，按达成情况计分）"


def is_money(value: ParsedValue) -> bool:
    """A sum of money: 5万元, 1.5亿元, 800元."""
    return value.unit.endswith("元")


def is_ceiling(actual: ParsedValue) -> bool:
    """An actual written as a ceiling (未超过360天, 360天以内): it says ≤ N, not N."""
    return actual.direction is Direction.NEGATIVE and not actual.bare


def within_budget(weight, target: ParsedValue, actual: ParsedValue, profile) -> IndicatorScore:
    """未超预算 / 未超支 against a ≤ sum of money (seed 004: 超预算金额不高于 5 万元，实际未超预算):
    the money did not exceed the budget, so the overrun is 0 — within any ceiling ≥ 0. A 反向
    indicator met scores full, as 0万元 typed would."""
    said = f"{num(target.number)}{target.unit}"
    return full(weight, profile, f"反向指标：实际“{actual.text.strip()}”，即超出预算 0 元，"
                f"≤ 目标 {said}，视为达到目标", Direction.NEGATIVE)


def score_by_choice(ind, target, actual, profile, direction, why: str) -> IndicatorScore:
    """A numeric target whose actual gives no number to compare: scored by the 达成情况 chosen
    (or said in the actual, 基本达标), as a 定性 row; without one, said where to choose it."""
    if achievement_of(ind) is None:
        msg = (f"{why}，无法与目标“{target.text.strip()}”按数值比较：请填写实际数值，"
               "或选择达成情况（达成 / 部分达成 / 未达成）")
        return IndicatorScore(None, None, msg, direction, msg)
    judged = score_qualitative(ind, replace(target, direction=Direction.QUALITATIVE), actual,
                               profile, note=f"（{why}，无法按数值比较）", kind="按达成情况")
    return replace(judged, direction=direction)


def judged_by_achievement(ind: Indicator) -> bool:
    """Whether the row is scored by its 达成情况 (so the 达成情况 cell takes a choice): wherever
    no comparison of numbers is possible — no 年度指标值 (a 部门整体 row judged by a 评分标准), a
    定性 target, a 时效 target whose actual is no date, a numeric target whose actual is words
    (圆满完成), unreadable (108个单位代表) or a ceiling above it (不超过400天 against ≤360天). Not where the rule scores the
    row by itself (未超预算 against ≤5万元)."""
    target, actual = target_and_actual(ind)
    if target.empty:
        return True
    if target.error:
        return False
    if target.direction is Direction.QUALITATIVE:
        return True
    if actual.empty:
        return False
    if actual.error:     # 108个单位代表 against ≥108人: the clerk may judge it
        return target.direction in NUMERIC
    if target.direction is Direction.TIMELY:
        return actual.deadline is None
    if actual.number is None:
        return not (actual.no_overrun and is_money(target) and (
            target.direction is Direction.NEGATIVE
            or (target.bare and "成本" in (ind.level2 or ""))))
    if target.direction is Direction.NEGATIVE and is_ceiling(actual):
        pair = comparable(target, actual)
        return not isinstance(pair, str) and pair[1] > pair[0]
    return False


def achievement_of(ind: Indicator) -> str | None:
    """The 达成 level of a 定性 row: stated by the user, else read from the actual text."""
    if ind.achievement:
        return ind.achievement
    actual = parsed(ind.actual)
    if actual.achievement is not None:
        return actual.achievement.value
    text = (ind.actual or "").strip()
    if text and text == (ind.target or "").strip():
        return Achievement.MET.value
    return None


def qualitative_band(weight: Decimal, achievement: str, profile: Profile):
    """(low, high, suggested) in points for a 定性 level, on the profile's shown precision.

    ``low`` is the smallest shown score inside the band; ``high`` the band's top (for a closed
    band, the highest shown score in it; for a half-open one, the first shown score above it).
    The suggestion is the highest shown score inside the band: 10.00 for 达成 on 10 points,
    7.99 for [60%, 80%).

    A score never exceeds its 分值: ``low`` and the suggestion are at most the highest shown
    score within the 分值 (达成 on 0.001 is [0.00, 0.00], not [0.01, 0.00] scored 0.01, and on
    0.015 [0.01, 0.01], not [0.02, 0.01]). A band holding no shown score at all (部分达成
    on 0.01 is [0.006, 0.008)) suggests its ``low``.
    """
    band = profile.band(achievement)
    if band is None:
        return None
    q = profile.quantum
    cap = max(weight, Decimal(0)).quantize(q, rounding=ROUND_DOWN)
    low = min((weight * band.low).quantize(q, rounding=ROUND_CEILING), cap)
    top = weight * band.high
    if band.high_inclusive:
        high = suggested = max(min(top, weight).quantize(q, rounding=ROUND_DOWN), low)
    else:
        high = top.quantize(q, rounding=ROUND_CEILING)
        suggested = high - q
    return low, high, min(max(suggested, low), cap)


def in_band(value: Decimal, low: Decimal, high: Decimal, inclusive: bool) -> bool:
    return low <= value and (value <= high if inclusive else value < high)


def score_qualitative(ind, target, actual, profile, note: str = "",
                      kind: str = "") -> IndicatorScore:
    weight = ind.weight
    direction = target.direction
    kind = kind or ("时效指标" if direction is Direction.TIMELY else "定性指标")
    level = achievement_of(ind)
    if level is None:
        if actual.empty:
            msg = "实际完成值未填写"
        elif direction is Direction.TIMELY:
            msg = "时效指标请填写完成日期（如 2021年11月），或选择达成情况（达成 / 部分达成 / 未达成）"
        else:
            msg = "定性指标请选择达成情况（达成 / 部分达成 / 未达成）"
        return IndicatorScore(None, None, msg, direction, msg)
    bounds = qualitative_band(weight, level, profile)
    if bounds is None:
        msg = f"达成情况“{level}”不是 达成 / 部分达成 / 未达成 之一"
        return IndicatorScore(None, None, msg, direction, msg)
    low, high, suggested = bounds
    band = profile.band(level)
    close = "]" if band.high_inclusive else ")"
    said = f"“{level}”" if kind.endswith("情况") else level
    text = f"{kind}{said}：得分区间 [{low}, {high}{close} 分，取区间内最高分 {suggested}"
    if not band.high_inclusive:       # 7.99 of 10 reads like a typo: say why it is not 8
        text += f"（区间不含 {high} 分，故取 {suggested}）"
    text += note
    return IndicatorScore(suggested, suggested, text, direction, band=(low, high),
                          achievement=level, below_full=suggested < weight)
