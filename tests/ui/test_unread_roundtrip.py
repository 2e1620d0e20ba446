"""Text typed into a number cell that cannot be read (“四万”, “abc”), end to end: kept as typed and
red with its reason, on disk, in the 问题清单 with a click that goes back to the cell, and in
``selfeval-desktop check``. The session writes ``Project.unread`` keys; domain.checks reads them."""
from __future__ import annotations

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db import repo
from selfeval_desktop.domain.checks import check_project
from selfeval_desktop.domain.model import FundKind, Source
from selfeval_desktop.ui.models import ErrorRole
from selfeval_desktop.ui.models import fund_kind_model as fkm
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.models.base import ERROR_BRUSH
from selfeval_desktop.ui.qt import QGuiApplication, Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window, type_ime
from tests.ui.ui_fixtures import open_session, reread


# every number field the window lets a clerk type into: (entity, row key, attr) -> where the
# 问题清单 must send her (tab, table, row, field)
def number_fields(project):
    line, ind = project.budget_lines[1], project.indicators[2]
    out = [(("funding", None, a), ("budget", None, None, a)) for a in repo.FUNDING_MONEY]
    out += [(("source", s, a), ("budget", "source", list(Source).index(s), a))
            for s in Source for a in ("planned", "arrived")]
    out += [(("fund_kind", k, a), ("budget", "fund_kind", list(FundKind).index(k), a))
            for k in FundKind for a in ("initial", "annual", "executed")]
    out += [(("budget_line", line.id, a), ("budget", "budget_line", 1, a))
            for a in ("planned", "actual", "special_planned", "special_actual")]
    out += [(("indicator", ind.id, a), ("indicators", "indicator", 2, a))
            for a in ("weight", "override", "stated_score")]
    out += [(("project", None, "stated_total"), ("indicators", None, None, "stated_total")),
            (("project", None, "stated_execution_score"),
             ("budget", None, None, "stated_execution_score"))]
    return out


def test_every_number_field_the_session_keeps_is_found_by_the_checks_at_its_place(qapp, path):
    session = open_session(path)
    try:
        project = session.document.projects[0]
        fields = number_fields(project)
        for (entity, key, attr), _where in fields:
            assert session.set_value(entity, project.id, key, attr, "四万"), (entity, attr)
        found = {(f.place.tab, f.place.table, f.place.row, f.place.field): f.message
                 for f in check_project(session.document, project) if f.code == "unread"}
        assert len(found) == len(fields)
        for (entity, _key, attr), where in fields:
            assert where in found, (entity, attr)
            assert "“四万”无法识别" in found[where]
            assert f"{entity}:" not in found[where]      # said in words, not as the raw key
    finally:
        session.conn.close()


def test_checks_panel_uses_the_public_document_checks():
    from selfeval_desktop.domain import checks
    assert checks._document_checks is checks.document_checks   # the old name still works


def type_cell_once_focused(qtbot, grid, row, col, text):
    """shell_helpers.type_cell for a grid of the shown window: waits until the grid has the focus
    before typing, and presses Enter on whatever has the focus then (the cell's editor)."""
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(row, col))
    qtbot.waitUntil(grid.hasFocus, timeout=2000)
    if text.isascii():
        qtbot.keyClicks(grid, text)
    else:
        type_ime(grid, text)
    qtbot.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Return)


def red_with_reason(grid, row, col, typed):
    index = grid.model().index(row, col)
    return (index.data() == typed and index.data(Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
            and "无法识别" in index.data(Qt.ItemDataRole.ToolTipRole)
            and "无法识别" in index.data(ErrorRole))


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_unreadable_money_and_weight_typed_in_the_window_end_to_end(qtbot, tmp_path, path, capsys):
    window = make_window(qtbot, tmp_path, path)
    page = window.page
    budget, indicators = page.tab_widgets["budget"], page.tab_widgets["indicators"]

    page.tabs.setCurrentWidget(budget)
    type_cell_once_focused(qtbot, budget.fund_grid, 0, fkm.COL_EXECUTED, "四万")      # 全年执行数
    assert red_with_reason(budget.fund_grid, 0, fkm.COL_EXECUTED, "四万")
    assert "全年执行数：无法识别金额“四万”" in window.statusBar().currentMessage()
    page.tabs.setCurrentWidget(indicators)
    type_cell_once_focused(qtbot, indicators.grid, 1, im.COL_WEIGHT, "abc")            # 分值
    assert red_with_reason(indicators.grid, 1, im.COL_WEIGHT, "abc")
    assert "分值：无法识别“abc”" in window.statusBar().currentMessage()

    # on disk, as typed
    project = reread(path).projects[0]
    assert project.unread["funding::executed"] == "四万"
    assert project.unread[f"indicator:{project.indicators[1].id}:weight"] == "abc"

    # the 问题清单 lists both; a click goes back to the cell
    window.checks.refresh()
    items = {window.checks.list.item(i).text(): window.checks.list.item(i)
             for i in range(window.checks.list.count())}
    money = next(item for text, item in items.items() if "“四万”" in text)
    weight = next(item for text, item in items.items() if "“abc”" in text)
    assert money.text().startswith("错误") and "全年执行数" in money.text()
    window.checks.list.itemClicked.emit(money)
    assert page.tabs.currentWidget() is budget
    cur = budget.fund_grid.currentIndex()
    assert (cur.row(), cur.column()) == (0, fkm.COL_EXECUTED)
    window.checks.list.itemClicked.emit(weight)
    assert page.tabs.currentWidget() is indicators
    cur = indicators.grid.currentIndex()
    assert (cur.row(), cur.column()) == (1, im.COL_WEIGHT)
    window.close()

    # the CLI sees what the window saw
    capsys.readouterr()
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "全年执行数中填写的“四万”无法识别" in out
    assert "分值中填写的“abc”无法识别" in out

    # reopened: still as typed, still red
    again = make_window(qtbot, tmp_path, path)
    budget = again.page.tab_widgets["budget"]
    assert red_with_reason(budget.fund_grid, 0, fkm.COL_EXECUTED, "四万")
    assert red_with_reason(again.page.tab_widgets["indicators"].grid, 1, im.COL_WEIGHT, "abc")


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_correcting_a_red_cell_takes_its_reason_off_the_status_bar(qtbot, tmp_path, path):
    window = make_window(qtbot, tmp_path, path)
    indicators = window.page.tab_widgets["indicators"]
    window.page.tabs.setCurrentWidget(indicators)
    type_cell_once_focused(qtbot, indicators.grid, 1, im.COL_WEIGHT, "abc")
    assert "abc" in window.statusBar().currentMessage()
    type_cell_once_focused(qtbot, indicators.grid, 1, im.COL_WEIGHT, "25")
    assert window.statusBar().currentMessage() == ""
    assert not indicators.grid.model().index(1, im.COL_WEIGHT).data(ErrorRole)
