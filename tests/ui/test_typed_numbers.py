"""Money and numbers typed in the window are read as paste and import read them (domain.cells),
and a red cell never feeds the score: what is shown is what is scored.

Bug: ``￥20`` turned red and showed ``￥20`` while 执行率 still used the previous hidden amount.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from selfeval_desktop.domain.model import FundKind
from selfeval_desktop.ui.models import fund_kind_model as fkm
from selfeval_desktop.ui.models.fund_kind_model import FundKindModel

from tests.ui.ui_fixtures import reread


@pytest.mark.parametrize("typed, fen", [("¥20万元", 20_000_000), ("￥200,000元", 20_000_000),
                                        ("20万元", 20_000_000), ("200,000元", 20_000_000),
                                        ("１９.２８", 19_280_000), ("人民币 18万元", 18_000_000)])
def test_money_as_people_type_it_is_read(session, path, typed, fen):
    pid = session.document.projects[0].id
    assert session.set_value("funding", pid, None, "executed", typed) is None
    assert reread(path).projects[0].funding.executed == fen
    assert session.unread("funding", pid, None, "executed") is None


def test_an_unreadable_amount_is_kept_red_and_counts_as_empty(session, path):
    pid = session.document.projects[0].id
    error = session.set_value("funding", pid, None, "executed", "十九万")
    assert error and "无法识别" in error
    disk = reread(path).projects[0]
    assert disk.funding.executed is None                  # not the previous 19.28 万元
    assert disk.unread["funding::executed"] == "十九万"
    model = FundKindModel(session)
    model.set_project(pid)
    assert model.index(0, fkm.COL_EXECUTED).data() == "十九万"
    assert model.index(0, fkm.COL_RATE).data() in ("", None)   # no rate from a hidden amount
    assert session.score(pid).execution.rate is None
    session.undo_stack.undo()                             # the amount comes back with undo
    assert reread(path).projects[0].funding.executed == 19_280_000
    assert session.unread("funding", pid, None, "executed") is None


def test_an_unreadable_part_is_left_out(session, path):
    pid = session.document.projects[0].id
    session.set_value("fund_kind", pid, FundKind.CURRENT, "initial", "abc")
    assert reread(path).projects[0].funding.by_kind[FundKind.CURRENT].initial is None


@pytest.mark.parametrize("typed, value", [("10", Decimal(10)), ("7.5分", Decimal("7.5")),
                                          ("１２", Decimal(12))])
def test_weights_typed_are_read(session, path, typed, value):
    project = session.document.projects[0]
    ind = project.indicators[0]
    assert session.set_value("indicator", project.id, ind.id, "weight", typed) is None
    assert reread(path).projects[0].indicators[0].weight == value


def test_an_unreadable_weight_counts_as_empty(session, path):
    project = session.document.projects[0]
    ind = project.indicators[0]
    assert session.set_value("indicator", project.id, ind.id, "weight", "二十五")
    disk = reread(path).projects[0]
    assert disk.indicators[0].weight is None
    assert disk.unread[f"indicator:{ind.id}:weight"] == "二十五"
    assert session.indicator_score(project.id, ind.id).score is None


@pytest.mark.parametrize("typed", ["¥12,345.67", "￥20", "人民币 18"])
def test_an_amount_with_a_yuan_sign_and_no_unit_is_kept_red_not_guessed(session, path, typed):
    """¥12,345.67 pasted into 实际支出（万元） became 12345.67 万元 — Excel's ¥ format
    is most often 元; the grids ask, a single box keeps it red and says how to write it."""
    pid = session.document.projects[0].id
    error = session.set_value("funding", pid, None, "spent_total", typed)
    assert error and "带货币符号，没有写单位" in error and "以元计请写“" in error
    disk = reread(path).projects[0]
    assert disk.funding.spent_total is None and disk.unread["funding::spent_total"] == typed



def test_a_large_amount_grouped_by_thousands_in_a_single_box_is_kept_red(session, path):
    """The grids asked about 3,200,000.00, a single box took it as 万元 silently."""
    pid = session.document.projects[0].id
    error = session.set_value("funding", pid, None, "spent_total", "3,200,000.00")
    assert error and "数额很大" in error and "以元计请写“3200000.00元”（即 320 万元）" in error
    assert "确是万元才写“3200000.00万元”" in error          # 320 亿 is not offered as an equal choice
    assert session.set_value("funding", pid, None, "spent_total", "3200000元") is None
    assert reread(path).projects[0].funding.spent_total == 320_000_000


def test_a_sign_before_words_is_not_an_amount_and_a_wan_title_answers_the_sign():
    """“¥abc” was told to be written “abc元”; a ¥ under a 万元 title still asked."""
    from selfeval_desktop.domain.cells import currency_amount, with_unit
    assert currency_amount("¥12,345.67") and not currency_amount("¥abc")
    assert with_unit("¥8.40", "万元") == "8.40万元" and with_unit("8.4", "万元") == "8.4"


def test_the_checks_list_says_how_to_write_an_amount_with_a_yuan_sign(session):
    """The status bar said how, the 问题清单 only “无法识别，请改为数字”."""
    from selfeval_desktop.domain.checks import check_project
    pid = session.document.projects[0].id
    session.set_value("funding", pid, None, "spent_total", "¥40,000.00")
    said = [f.message for f in check_project(session.document, session.project(pid))
            if f.code == "unread"]
    assert any("以元计请写“40000.00元”（即 4 万元）" in m for m in said), said
