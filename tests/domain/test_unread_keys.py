"""The ``Project.unread`` key format: one builder, one parser, every form ever written read."""
import pytest

from selfeval_desktop.domain.model import FundKind, Indicator, Project, Source
from selfeval_desktop.domain.unread_keys import (parse_unread_key, position_key, resolve_positions,
                                                 unread_key)


@pytest.mark.parametrize("entity, row_key, attr", [
    ("funding", None, "annual_budget"), ("project", None, "stated_execution_score"),
    ("source", Source.CENTRAL, "planned"), ("fund_kind", FundKind.CURRENT, "annual"),
    ("budget_line", 7, "actual"), ("indicator", 24, "weight"), ("evaluator", 3, "name")])
def test_a_key_reads_back_as_written(entity, row_key, attr):
    expected = "" if row_key is None else str(getattr(row_key, "value", row_key))
    assert parse_unread_key(unread_key(entity, row_key, attr)) == (entity, expected, attr)


@pytest.mark.parametrize("key, parsed", [
    ("spent_total", ("funding", "", "spent_total")),          # schema 1.1 files (fixture)
    ("stated_total", ("project", "", "stated_total")),
    ("funding:planned_total", ("funding", "", "planned_total")),
    ("funding:None:executed", ("funding", "", "executed")),
    ("kind.current.annual", ("fund_kind", "current", "annual")),
    ("by_kind/carryover/initial", ("fund_kind", "carryover", "initial")),
    ("by_source:central:arrived", ("source", "central", "arrived")),
    ("funding_source.local.planned", ("source", "local", "planned")),
    ("line.3.actual", ("budget_line", "3", "actual"))])
def test_legacy_keys_are_read(key, parsed):
    assert parse_unread_key(key) == parsed


def test_a_row_keyed_by_position_takes_its_id_once_it_has_one():
    project = Project(indicators=[Indicator(name="甲"), Indicator(name="乙")])
    project.unread = {unread_key("indicator", position_key(1), "weight"): "十分",
                      "funding::executed": "约十万"}
    resolve_positions(project)                  # not saved: nothing to key it by yet
    assert "indicator:#1:weight" in project.unread
    project.indicators[0].id, project.indicators[1].id = 41, 42
    resolve_positions(project)
    assert project.unread == {"indicator:42:weight": "十分", "funding::executed": "约十万"}
