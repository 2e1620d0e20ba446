"""Round figures written with 余/多 (二十余次, 6000余份, 1万多元): “more than the number, by less
than its last digit”. Read as the bare number, 二十余次 met ≤20次 with full points; now it is scored
only where the range decides the row, and asked at the cell where the exact figure matters."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from selfeval_desktop.domain.checks import run_checks
from selfeval_desktop.domain.values import parse_value

from tests.domain.typed_rows import document, score


@pytest.mark.parametrize("text, number, unit", [
    ("6000余份", "6000", "份"), ("二十余次", "20", "次"), ("20多次", "20", "次"),
    ("1万余元", "1", "万元"), ("1万多元", "1", "万元"), ("实际50余人", "50", "人")])
def test_a_round_figure_is_read_as_more_than_its_number(text, number, unit):
    v = parse_value(text)
    assert (v.number, v.unit, v.more, v.error) == (D(number), unit, True, None)


def test_an_exact_figure_is_not_a_round_one():
    assert not parse_value("20次").more and not parse_value("≥20次").more


@pytest.mark.parametrize("target, actual", [
    ("≤20次", "二十余次"),        # 21–29 times: over the limit, by how much is not said
    ("≤25次", "20余次"),          # 21–29 against 25: either side of it
    ("≥25次", "20余次"),
    ("≥50次", "20余次"),          # short of it for sure, but the points depend on the figure
    ("=20次", "20余次"),
    ("≤1.5万元", "1万余元"),
])
def test_where_the_exact_figure_matters_it_is_asked_at_the_actual_cell(target, actual):
    s = score(target, actual)
    assert s.score is None
    assert "约数" in s.error and "请填写确切的实际完成值" in s.error
    [f] = [f for f in run_checks(document(target, actual, 2021)) if "约数" in f.message]
    assert f.place.field == "actual"


@pytest.mark.parametrize("target, actual", [
    ("≥20次", "二十余次"), ("5000人次以上", "6000余人"), ("≤30次", "20余次"),
    ("不少于500人", "700余人"), ("≤2万元", "1万余元")])
def test_where_the_range_decides_the_row_it_is_scored_in_full(target, actual):
    assert score(target, actual).score == D("10.00")
