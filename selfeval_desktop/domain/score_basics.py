"""What every score is made of: the IndicatorScore record, the cached value parser, numbers as
people write them and the profile's rounding (shared by scoring and scoring_choice)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache

from .profiles import Profile
from .values import Direction, ParsedValue, parse_value, read_against

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
    weight: Decimal | None = None   # the row's 分值 as written (for the 分值 total)
    # the 调整后得分 is the score that counts: in range, in its band, with a reason. Said here,
    # once, so no window or form re-derives it (the grid once compared the score with the
    # override rounded and marked an adopted 7.125 of 分值 7.125, shown 7.12, as refused)
    override_used: bool = False


@lru_cache(maxsize=8192)
def parsed(text: str) -> ParsedValue:
    """parse_value with a cache: the grid rescoring on every keystroke parses the same texts."""
    return parse_value(text)


def target_and_actual(ind) -> tuple[ParsedValue, ParsedValue]:
    """A row's 年度指标值 and 实际完成值 as the scoring reads them: the actual beside its target
    (2020.12 against a deadline is a month: ``values.read_against``). Every reader of a row —
    scoring, the checks, the grid's red cells, the import — reads it so, never one side alone."""
    target = parsed(ind.target)
    return target, read_against(target, parsed(ind.actual))


def num(value: Decimal) -> str:
    """A Decimal as people write it: 4, 2.5, 681.5307 (no exponent, no trailing zeros)."""
    if value == value.to_integral_value():
        return format(value.quantize(ONE), "f")
    return format(value.normalize(), "f")


def points(value: Decimal, weight: Decimal, profile: Profile) -> Decimal:
    """A score as shown: rounded by the profile, never above 分值 and never "-0.00"."""
    shown = profile.round(value)
    if shown > weight:  # 分值 with more decimals than shown (7.125 → 7.12, not 7.13)
        shown = weight.quantize(profile.quantum, rounding=ROUND_DOWN)
    if shown == 0:
        shown = abs(shown)
    return shown


def shown_rate(rate: Decimal, profile: Profile) -> Decimal:
    """执行率 (a fraction) as the percentage shown: the profile's decimals, rounded by its rule
    (0.99995 → 100.00 half-up, 99.99 truncated)."""
    return profile.round(rate * HUNDRED)


def rate_text(rate: Decimal, profile: Profile) -> str:
    """执行率 (a fraction) as every screen, form and explanation shows it: a percentage with the
    profile's decimals, rounded by its rule — 0.99995 is 100.00% half-up and 99.99% where the
    province truncates (not 99.99% on the MoF form and 100.00% in the report, the window and
    the explanation for the same project). Percentages are rounded only here, where shown."""
    return f"{shown_rate(rate, profile)}%"


def with_unit(value: Decimal, unit: str) -> str:
    """Number then unit as typed, for both sides of a formula: "4次", "95%", "6万元", "5"."""
    return f"{num(value)}{unit}"


def full(weight: Decimal, profile: Profile, text: str, direction: Direction, **kw) -> IndicatorScore:
    score = points(weight, weight, profile)
    return IndicatorScore(score, score, f"{text}，得满分 {num(weight)} 分 = {score}", direction, **kw)


def zero(weight: Decimal, profile: Profile, text: str, direction: Direction) -> IndicatorScore:
    score = points(ZERO, weight, profile)
    return IndicatorScore(score, score, f"{text}，得 0 分", direction, below_full=weight > 0)
