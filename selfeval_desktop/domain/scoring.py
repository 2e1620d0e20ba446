"""Scoring by a rule profile: 预算执行率, each indicator, the total and the grade.

Every score carries a plain Chinese explanation ("1 / 4 次 × 10 分 = 2.50") so a user, an
auditor or a test can see why. Scores are Decimals rounded to the profile's precision (they are
what is shown and printed); the total is the sum of the shown scores, so the printed column adds up.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .model import Indicator, Project
from .money import fen_to_wan
from .profiles import Profile
from .values import Achievement, Direction, ParsedValue, comparable, parse_value

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class IndicatorScore:
    score: Decimal | None           # the score that counts (override applied when valid)
    rule_score: Decimal | None      # the rule's score, before any override
    explanation: str
    direction: Direction | None
    error: str | None = None        # why no score could be computed, or why an override was refused
    band: tuple[Decimal, Decimal] | None = None  # 定性 band in points (low, high)
    achievement: str | None = None  # the 达成 level used for 定性/时效 rows
    below_full: bool = False        # needs 偏差原因分析
    overshoot: bool = False         # actual above the profile's threshold × target


@dataclass(frozen=True)
class ExecutionScore:
    weight: Decimal
    rate: Decimal | None            # 执行率 as a fraction (0.964)
    score: Decimal | None
    explanation: str
    error: str | None = None


@dataclass(frozen=True)
class ProjectScore:
    execution: ExecutionScore
    indicators: tuple[IndicatorScore, ...]
    total: Decimal
    grade: str
    explanation: str


@lru_cache(maxsize=8192)
def parsed(text: str) -> ParsedValue:
    """parse_value with a cache: the grid rescoring on every keystroke parses the same texts."""
    return parse_value(text)


def num(value: Decimal) -> str:
    """A Decimal as people write it: 4, 2.5, 681.5307 (no exponent, no trailing zeros)."""
    if value == value.to_integral_value():
        return format(value.quantize(ONE), "f")
    return format(value.normalize(), "f")


def pct(rate: Decimal) -> str:
    return format((rate * HUNDRED).quantize(Decimal("0.01")), "f") + "%"


def score_execution(project: Project, profile: Profile) -> ExecutionScore:
    """预算执行率 = 全年执行数 / 全年预算数; score = 分值 × min(rate, 1)."""
    weight = profile.execution_weight
    funding = project.funding
    if weight == 0:
        return ExecutionScore(weight, _rate(funding.executed, funding.annual_budget), None,
                              "本评分规则不单列预算执行率分值")
    if funding.annual_budget is None:
        return ExecutionScore(weight, None, None, "未填写全年预算数，无法计算执行率",
                              "全年预算数未填写")
    if funding.annual_budget == 0:
        return ExecutionScore(weight, None, None, "全年预算数为0，无法计算执行率",
                              "全年预算数为0，无法计算执行率")
    if funding.executed is None:
        return ExecutionScore(weight, None, None, "未填写全年执行数，无法计算执行率",
                              "全年执行数未填写")
    rate = Decimal(funding.executed) / Decimal(funding.annual_budget)
    score = profile.round(weight * min(rate, ONE))
    text = (f"执行率 = 全年执行数 {num(fen_to_wan(funding.executed))} / 全年预算数 "
            f"{num(fen_to_wan(funding.annual_budget))} 万元 = {pct(rate)}；")
    if rate >= ONE:
        text += f"执行率达到100%，得满分 {num(weight)} 分 = {score}"
    else:
        text += f"{pct(rate)} × {num(weight)} 分 = {score}"
    return ExecutionScore(weight, rate, score, text)


def _rate(executed: int | None, budget: int | None) -> Decimal | None:
    if executed is None or not budget:
        return None
    return Decimal(executed) / Decimal(budget)


def score_indicator(ind: Indicator, profile: Profile) -> IndicatorScore:
    """The rule's score of one indicator, then the override if it is within range."""
    rule = _rule_score(ind, profile)
    if ind.override is None or ind.weight is None:
        return rule
    return _apply_override(ind, rule, profile)


def _rule_score(ind: Indicator, profile: Profile) -> IndicatorScore:
    weight = ind.weight
    target, actual = parsed(ind.target), parsed(ind.actual)
    if weight is None:
        return IndicatorScore(None, None, "未填写分值", target.direction, "分值未填写")
    if weight < 0:
        return IndicatorScore(None, None, "分值不能为负数", target.direction, "分值不能为负数")
    if target.empty:
        return IndicatorScore(None, None, "未填写年度指标值", None, "年度指标值未填写")
    if target.error:
        return IndicatorScore(None, None, target.error, None, target.error)
    direction = target.direction
    if direction is Direction.QUALITATIVE or (
            direction is Direction.TIMELY and not _is_date(actual)):
        return _score_qualitative(ind, target, actual, profile)
    if actual.empty:
        return IndicatorScore(None, None, "未填写实际完成值", direction, "实际完成值未填写")
    if actual.error:
        return IndicatorScore(None, None, actual.error, direction, actual.error)
    if direction is Direction.TIMELY:
        return _score_timely(weight, target, actual, profile)
    pair = comparable(target, actual)
    if isinstance(pair, str):
        return IndicatorScore(None, None, pair, direction, pair)
    t, a = pair
    unit = target.unit
    if direction is Direction.POSITIVE and target.bare and "成本" in (ind.level2 or ""):
        direction = Direction.NEGATIVE  # a bare amount under 成本指标 is a ceiling
    if direction is Direction.NEGATIVE:
        return _score_negative(weight, t, a, unit, profile)
    if direction is Direction.EQUAL:
        return _score_equal(weight, t, a, unit, profile)
    return _score_positive(weight, t, a, unit, profile)


def _full(weight: Decimal, profile: Profile, text: str, direction: Direction, **kw) -> IndicatorScore:
    score = profile.round(weight)
    return IndicatorScore(score, score, f"{text}，得满分 {num(weight)} 分 = {score}", direction, **kw)


def _score_positive(weight, t, a, unit, profile) -> IndicatorScore:
    overshoot = t > 0 and a > t * profile.overshoot_threshold
    if a >= t:
        note = f"（超过目标 {pct(profile.overshoot_threshold)}，请说明原因）" if overshoot else ""
        return _full(weight, profile, f"实际 {num(a)}{unit} ≥ 目标 {num(t)}{unit}{note}",
                     Direction.POSITIVE, overshoot=overshoot)
    if a < 0:
        a = ZERO
    score = profile.round(weight * a / t)
    unit_text = f" {unit}" if unit else ""
    return IndicatorScore(score, score, f"{num(a)} / {num(t)}{unit_text} × {num(weight)} 分 = {score}",
                          Direction.POSITIVE, below_full=score < weight)


def _score_negative(weight, t, a, unit, profile) -> IndicatorScore:
    if a <= t:
        return _full(weight, profile, f"实际 {num(a)}{unit} ≤ 目标 {num(t)}{unit}", Direction.NEGATIVE)
    if t <= 0:
        score = profile.round(ZERO)
        return IndicatorScore(score, score, f"目标为 {num(t)}{unit}，实际 {num(a)}{unit} 超出，得 0 分",
                              Direction.NEGATIVE, below_full=True)
    if profile.negative_method == "linear":
        raw = weight * (ONE - (a - t) / t)
        score = profile.round(max(raw, ZERO))
        text = (f"反向指标线性扣分：{num(weight)} 分 × (1 − ({num(a)} − {num(t)}) / {num(t)}) = {score}"
                + ("（超出目标一倍及以上，得 0 分）" if raw <= 0 else ""))
    else:
        score = profile.round(weight * t / a)
        unit_text = f" {unit}" if unit else ""
        text = f"反向指标：{num(t)} / {num(a)}{unit_text} × {num(weight)} 分 = {score}"
    return IndicatorScore(score, score, text, Direction.NEGATIVE, below_full=True)


def _score_equal(weight, t, a, unit, profile) -> IndicatorScore:
    if a == t:
        return _full(weight, profile, f"实际 {num(a)}{unit} = 目标 {num(t)}{unit}", Direction.EQUAL)
    low, high = min(a, t), max(a, t)
    score = profile.round(weight * low / high) if high > 0 else profile.round(ZERO)
    return IndicatorScore(score, score, f"等于型指标偏离目标：{num(low)} / {num(high)}{unit} × "
                          f"{num(weight)} 分 = {score}", Direction.EQUAL, below_full=True)


def _is_date(value: ParsedValue) -> bool:
    return value.deadline is not None


def _day_key(deadline, default_year):
    year, month, day = deadline
    return (year if year is not None else default_year or 0, month, day if day is not None else 31)


def _score_timely(weight, target: ParsedValue, actual: ParsedValue, profile) -> IndicatorScore:
    t = _day_key(target.deadline, None)
    a = _day_key(actual.deadline, t[0])
    if a <= t:
        return _full(weight, profile, f"实际“{actual.text.strip()}”不晚于目标“{target.text.strip()}”",
                     Direction.TIMELY)
    score = profile.round(ZERO)
    return IndicatorScore(score, score, f"实际“{actual.text.strip()}”晚于目标“{target.text.strip()}”，"
                          f"逾期得 0 分", Direction.TIMELY, below_full=True)


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
    """(low, high, suggested) in points for a 定性 level; suggested is the band's top.

    A half-open band [60%, 80%) suggests its highest shown value below the top (7.99 of 10).
    """
    band = profile.band(achievement)
    if band is None:
        return None
    low, high = weight * band.low, weight * band.high
    suggested = profile.round(high)
    if not band.high_inclusive and suggested >= high:
        suggested = max(profile.round(high - profile.quantum), profile.round(low))
    return profile.round(low), profile.round(high), suggested


def _score_qualitative(ind, target, actual, profile) -> IndicatorScore:
    weight = ind.weight
    direction = target.direction
    level = achievement_of(ind)
    if level is None:
        if actual.empty:
            msg = "实际完成值未填写"
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
    text = (f"定性指标{level}：区间 [{low}, {high}{close} 分，取区间上限 {suggested}")
    return IndicatorScore(suggested, suggested, text, direction, band=(low, high),
                          achievement=level, below_full=suggested < weight)


def _apply_override(ind: Indicator, rule: IndicatorScore, profile: Profile) -> IndicatorScore:
    value, weight = ind.override, ind.weight
    shown = profile.round(value)
    if weight is not None and not (0 <= value <= weight):
        return _refuse(rule, f"调整后得分 {num(value)} 超出 [0, {num(weight)}] 的范围，未采用")
    if rule.band is not None and rule.achievement:
        band = profile.band(rule.achievement)
        low, high = rule.band
        inside = low <= value and (value <= high if band.high_inclusive else value < high)
        if not inside:
            return _refuse(rule, f"调整后得分 {num(value)} 不在“{rule.achievement}”的区间内，未采用")
    reason = ind.override_reason.strip() or "（未填写调整理由）"
    text = f"{rule.explanation}；调整为 {shown}，理由：{reason}"
    below = weight is not None and shown < weight
    return IndicatorScore(shown, rule.score, text, rule.direction, rule.error, rule.band,
                          rule.achievement, below or rule.below_full, rule.overshoot)


def _refuse(rule: IndicatorScore, message: str) -> IndicatorScore:
    return IndicatorScore(rule.score, rule.score, f"{rule.explanation}；{message}", rule.direction,
                          message, rule.band, rule.achievement, rule.below_full, rule.overshoot)


def score_project(project: Project, profile: Profile) -> ProjectScore:
    """Execution score + indicator scores; the total is the sum of the shown scores."""
    execution = score_execution(project, profile)
    indicators = tuple(score_indicator(ind, profile) for ind in project.indicators)
    return combine(execution, indicators, profile)


def combine(execution: ExecutionScore, indicators, profile: Profile) -> ProjectScore:
    """Total and grade from already computed parts (used to rescore one changed row cheaply)."""
    parts = [execution.score] if execution.score is not None else []
    parts += [s.score for s in indicators if s.score is not None]
    total = profile.round(sum(parts, ZERO))
    grade = profile.grade(total)
    missing = sum(1 for s in indicators if s.score is None)
    text = f"总分 = 执行率得分 {execution.score if execution.score is not None else '—'} + 指标得分合计 " \
           f"{profile.round(sum((s.score for s in indicators if s.score is not None), ZERO))} = {total}，" \
           f"等次：{grade}"
    if missing:
        text += f"（{missing} 项指标尚无得分，按 0 分计）"
    return ProjectScore(execution, tuple(indicators), total, grade, text)
