"""定性 bands at a 分值 too small for the shown precision (< 0.01): the band was once
inverted ([0.01, 0.00] for 达成 on 0.001) and the score above its 分值 (0.01 of 0.001). A score
never exceeds its 分值: every bound is clamped to [0, 分值] at the shown precision."""
from decimal import Decimal as D

import pytest

from selfeval_desktop.domain.model import Indicator
from selfeval_desktop.domain.profiles import all_profiles, load_profile
from selfeval_desktop.domain.scoring import in_band, qualitative_band, score_indicator

MOF = load_profile("mof2020")
WEIGHTS = ["0.001", "0.004", "0.005", "0.009", "0.01", "0.015", "0.02", "0.03", "0.125", "2.555",
           "10"]


@pytest.mark.parametrize("weight", WEIGHTS)
def test_a_band_is_never_inverted_nor_above_its_weight(weight):
    w = D(weight)
    for profile in all_profiles():
        for band in profile.qualitative_bands:
            low, high, suggested = qualitative_band(w, band.achievement, profile)
            assert D(0) <= low <= high, (profile.id, weight, band.achievement, low, high)
            assert low <= suggested <= w, (profile.id, weight, band.achievement, suggested)
            if low < high or band.high_inclusive:      # a band holding a shown score
                assert in_band(suggested, low, high, band.high_inclusive)
            s = score_indicator(Indicator(target="良好", actual="良好", weight=w,
                                          achievement=band.achievement), profile)
            assert D(0) <= s.score <= w and s.band == (low, high)


def test_full_achievement_on_a_thousandth_of_a_point_scores_zero_shown():
    assert qualitative_band(D("0.001"), "达成", MOF) == (D("0.00"), D("0.00"), D("0.00"))
    s = score_indicator(Indicator(target="良好", actual="良好", weight=D("0.001"),
                                  achievement="达成"), MOF)
    assert s.score == D("0.00") and "[0.00, 0.00]" in s.explanation
