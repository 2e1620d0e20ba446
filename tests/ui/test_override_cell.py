"""The 调整后得分 cell is red only when the scoring did not adopt the override: the grid reads
``IndicatorScore.override_used`` and judges nothing itself (an adopted 7.125 of
分值 7.125, shown 7.12, was red “调整后得分未被采用”)."""
from __future__ import annotations

from selfeval_desktop.ui.models import ErrorRole
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.models.indicator_model import IndicatorModel


def test_an_adopted_override_at_a_three_decimal_weight_is_not_red(session, pid):
    m = IndicatorModel(session)
    m.set_project(pid)
    for col, typed in ((im.COL_WEIGHT, "7.125"), (im.COL_ACTUAL, "2次"), (im.COL_OVERRIDE, "7.125"),
                       (im.COL_REASON, "按会议纪要")):
        assert m.setData(m.index(0, col), typed)
    assert m.index(0, im.COL_SCORE).data() == "7.12"
    assert m.index(0, im.COL_OVERRIDE).data(ErrorRole) is None
    assert m.index(0, im.COL_REASON).data(ErrorRole) is None


def test_an_override_without_a_reason_is_red_even_at_the_rule_score(session, pid):
    m = IndicatorModel(session)
    m.set_project(pid)
    assert m.setData(m.index(0, im.COL_ACTUAL), "2次")       # 2 / 4 次 × 25 分 = 12.50
    assert m.setData(m.index(0, im.COL_OVERRIDE), "12.5")
    assert m.index(0, im.COL_SCORE).data() == "12.50"
    assert "理由" in m.index(0, im.COL_OVERRIDE).data(ErrorRole)
