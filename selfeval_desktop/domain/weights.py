"""分值分配: sharing each level-one weight among its indicator rows.

平均分配 (even split): each level-one heading present gets the weight the profile gives it
(``Profile.expected_level1_weights``: a missing 满意度 moves its weight by the profile's rule),
shared evenly by that heading's rows and rounded to the profile's decimals so that the rows
still add up to exactly the heading's weight: the remainder (a few 0.01) goes to the first rows.
50 分 over three rows is 16.67 + 16.67 + 16.66; no point is lost or created.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from .model import Indicator
from .profiles import Profile


def _level1_keys(indicators, profile: Profile) -> list[str | None]:
    keys = []
    for ind in indicators:
        level = profile.level1_for(ind.level1)
        keys.append(level.key if level else None)
    return keys


def even_split(indicators: list[Indicator], profile: Profile) -> list[Decimal | None]:
    """The 平均分配 分值 of each row, in order.

    A row whose 一级指标 is none of the profile's headings gets None (the split cannot know
    its weight; the row keeps whatever the user gives it, and the check list shows it).
    """
    keys = _level1_keys(indicators, profile)
    counts = Counter(k for k in keys if k is not None)
    targets = profile.expected_level1_weights(set(counts))
    quantum = profile.quantum
    shares: dict[str, list[Decimal]] = {}
    for key, n in counts.items():
        total = targets.get(key, Decimal(0))
        units = total / quantum
        if units != units.to_integral_value():
            # a weight finer than the profile's decimals: keep it exact on the first row
            whole = int(units)
            extra = total - whole * quantum
        else:
            whole, extra = int(units), Decimal(0)
        base, remainder = divmod(whole, n)
        values = [(base + (1 if i < remainder else 0)) * quantum for i in range(n)]
        values[0] += extra
        shares[key] = values
    out: list[Decimal | None] = []
    taken: Counter = Counter()
    for key in keys:
        if key is None:
            out.append(None)
            continue
        out.append(shares[key][taken[key]])
        taken[key] += 1
    return out


@dataclass(frozen=True)
class Level1Total:
    """One 一级指标 heading: its rows' 分值 against the profile's, and its rows' 得分 added up
    (seed 001: “过程指标 25 分，自评得分 24 分”). ``unscored``: rows of it with no score yet."""
    label: str
    weight: Decimal
    expected: Decimal
    score: Decimal
    unscored: int


def level1_totals(indicators: list[Indicator], scores: list, profile: Profile) -> list[Level1Total]:
    """Each level-one heading the profile expects, in its order: 分值 written and expected, and
    the 得分 of its rows (``scores``: the IndicatorScore of each row, or None), so the 分值 strip
    does not read like a score and each 一级 subtotal is shown."""
    weights: dict[str, Decimal] = {}
    got: dict[str, Decimal] = {}
    missing: dict[str, int] = {}
    for ind, s in zip(indicators, list(scores) + [None] * (len(indicators) - len(scores))):
        level = profile.level1_for(ind.level1) if ind.level1.strip() else None
        if level is None:
            continue
        weights[level.key] = weights.get(level.key, Decimal(0)) + (ind.weight or Decimal(0))
        value = getattr(s, "score", None)
        got[level.key] = got.get(level.key, Decimal(0)) + (value or Decimal(0))
        missing[level.key] = missing.get(level.key, 0) + (value is None)
    expected = profile.expected_level1_weights(set(weights))
    labels = {lv.key: lv.label for lv in profile.level1}
    return [Level1Total(labels.get(key, key), weights.get(key, Decimal(0)), weight,
                        got.get(key, Decimal(0)), missing.get(key, 0))
            for key, weight in expected.items()]

