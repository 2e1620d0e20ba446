"""Whether a 调整后得分 counts is the scoring's word (``IndicatorScore.override_used``), read by the
grid, the forms and the workbook alike (the grid compared the score with the
override rounded, and a 分值 of 7.125 adjusted to 7.125 — adopted, printed 7.12 — was red
“调整后得分未被采用”)."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from selfeval_desktop.domain.model import Indicator
from selfeval_desktop.domain.profiles import load_profile
from selfeval_desktop.domain.scoring import score_indicator

MOF = load_profile("mof2020")


def scored(override, reason="按会议纪要", weight="7.125", actual="5次"):
    return score_indicator(Indicator("产出指标", "数量指标", "举办次数", "≥10次", actual, D(weight),
                                     override=None if override is None else D(override),
                                     override_reason=reason), MOF)


def test_an_override_at_a_three_decimal_weight_is_used():
    s = scored("7.125")
    assert (s.score, s.error, s.override_used) == (D("7.12"), None, True)
    assert s.explanation.endswith("调整为 7.12，理由：按会议纪要")


def test_an_override_equal_to_the_rule_score_with_a_reason_is_used():
    s = scored("5", weight="10")                     # 5 of 10 次 × 10 分 = 5.00 already
    assert (s.score, s.override_used) == (D("5.00"), True)


@pytest.mark.parametrize("override, reason", [
    (None, ""),              # no override at all
    ("3", ""),               # no reason: not used yet
    ("3", "   "),
    ("7.2", "按会议纪要"),    # above the 分值 7.125
    ("-1", "按会议纪要"),
])
def test_an_override_not_counted_is_not_used(override, reason):
    s = scored(override, reason)
    assert s.override_used is False
    assert s.score == D("3.56")                      # 5 / 10 次 × 7.125 分, the rule's


def test_no_rule_score_means_no_override_used():
    s = scored("3", actual="")
    assert s.score is None and s.override_used is False
