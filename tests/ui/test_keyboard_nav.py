"""Keyboard-only use: out of a grid, between tabs, and Excel's Tab, Tab, Enter.

Bug: Tab/Shift+Tab wrapped inside every grid for ever, Ctrl+Tab and Ctrl+PgDn did nothing in
a grid: once in a grid a clerk without a mouse could not get out of it.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.models import fund_kind_model as fkm
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import QApplication, Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, at, focus, show_tab, type_text
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
K = Qt.Key
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


def at_cell(qtbot, grid, row, col):
    focus(qtbot, grid)
    grid.setCurrentIndex(grid.model().index(row, col))


def press(qtbot, key, mods=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, mods)


def test_tab_past_the_last_cell_leaves_the_grid(qtbot, window):
    grid = show_tab(window, "budget").fund_grid
    model = grid.model()
    at_cell(qtbot, grid, model.rowCount() - 1, model.columnCount() - 1)
    press(qtbot, K.Key_Tab)
    assert not grid.hasFocus() and QApplication.focusWidget() is not None


def test_shift_tab_before_the_first_cell_leaves_the_grid(qtbot, window):
    grid = show_tab(window, "budget").fund_grid
    at_cell(qtbot, grid, 0, 0)
    press(qtbot, K.Key_Backtab, SHIFT)
    assert not grid.hasFocus()


def test_tab_inside_the_grid_still_moves_and_wraps(qtbot, window):
    grid = show_tab(window, "budget").fund_grid
    at_cell(qtbot, grid, 0, fkm.COL_SCORE)
    press(qtbot, K.Key_Tab)
    # onto the next row's first figure, not its label
    assert grid.hasFocus() and at(grid) == (1, fkm.COL_INITIAL)


@pytest.mark.parametrize("typing", [False, True])
def test_ctrl_tab_leaves_a_grid_from_any_cell(qtbot, window, path, typing):
    grid = show_tab(window, "indicators").grid
    at_cell(qtbot, grid, 1, im.COL_ACTUAL)
    if typing:
        qtbot.keyClicks(grid, "97%")
    press(qtbot, K.Key_Tab, CTRL)
    assert not grid.hasFocus() and grid.state() != grid.State.EditingState
    if typing:
        assert reread(path).projects[0].indicators[1].actual == "97%"   # committed on the way
    at_cell(qtbot, grid, 1, im.COL_ACTUAL)
    press(qtbot, K.Key_Backtab, CTRL | SHIFT)
    assert not grid.hasFocus()


def test_from_the_evaluators_grid_tab_reaches_the_opinions(qtbot, window):
    tab = show_tab(window, "conclusion")
    grid = tab.evaluators.grid
    at_cell(qtbot, grid, grid.model().rowCount() - 1, grid.model().columnCount() - 1)
    for _ in range(6):
        if QApplication.focusWidget() is tab.texts["unit_opinion"]:
            break
        press(qtbot, K.Key_Tab)
    assert QApplication.focusWidget() is tab.texts["unit_opinion"]


def test_ctrl_page_keys_switch_tabs_from_a_grid_and_a_field(qtbot, window):
    tabs = window.page.tabs
    grid = show_tab(window, "indicators").grid
    at_cell(qtbot, grid, 0, im.COL_ACTUAL)
    press(qtbot, K.Key_PageDown, CTRL)
    assert tabs.currentWidget() is window.page.tab_widgets["conclusion"]
    assert tabs.currentWidget().isAncestorOf(QApplication.focusWidget())   # typing goes on there
    press(qtbot, K.Key_PageUp, CTRL)
    press(qtbot, K.Key_PageUp, CTRL)
    assert tabs.currentWidget() is window.page.tab_widgets["budget"]
    overview = show_tab(window, "overview")
    focus(qtbot, overview.edits["leader"])
    press(qtbot, K.Key_PageDown, CTRL)
    assert tabs.currentWidget() is window.page.tab_widgets["budget"]


def test_alt_digit_shows_that_tab(qtbot, window):
    grid = show_tab(window, "indicators").grid
    at_cell(qtbot, grid, 0, im.COL_ACTUAL)
    press(qtbot, K.Key_1, ALT)
    assert window.page.tabs.currentWidget() is window.page.tab_widgets["overview"]
    assert QApplication.focusWidget() is window.page.tab_widgets["overview"].edits["name"]
    press(qtbot, K.Key_3, ALT)
    assert window.page.tabs.currentWidget() is window.page.tab_widgets["indicators"]


def test_tab_tab_enter_returns_to_the_starting_column(qtbot, window, path):
    grid = show_tab(window, "indicators").grid
    at_cell(qtbot, grid, 0, im.COL_TARGET)
    for text in ("≥5次", "5次", "20"):
        if text.isascii():
            qtbot.keyClicks(QApplication.focusWidget(), text)
        else:
            qtbot.keyClicks(grid, "x")        # open the editor, then set the text
            QApplication.focusWidget().setText(text)
        press(qtbot, K.Key_Tab if text != "20" else K.Key_Return)
    assert at(grid) == (1, im.COL_TARGET)
    row = reread(path).projects[0].indicators[0]
    assert (row.target, row.actual, str(row.weight)) == ("≥5次", "5次", "20")
    # without editing: Tab, Tab, Enter
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_Return)
    assert at(grid) == (2, im.COL_TARGET)
    # a click (or an arrow) in between: Enter goes straight down
    press(qtbot, K.Key_Tab)
    grid.setCurrentIndex(grid.model().index(2, im.COL_WEIGHT))
    press(qtbot, K.Key_Return)
    assert at(grid) == (3, im.COL_WEIGHT)


def test_tab_leaves_the_project_list(qtbot, window):
    view = window.page.projects.view
    focus(qtbot, view)
    press(qtbot, K.Key_Tab)
    assert not view.hasFocus()


def test_alt_number_and_ctrl_pgdn_work_from_the_checks_panel(qtbot, window):
    """With the focus in the 问题清单 (or its checkbox) the tab keys did nothing."""
    from tests.ui.real_keys import key
    tabs = window.page.tabs
    for widget in (window.checks.list, window.checks.only_current):
        tabs.setCurrentIndex(0)
        focus(qtbot, widget)
        key(qtbot, K.Key_3, ALT)
        assert tabs.currentWidget() is window.page.tab_widgets["indicators"]
        focus(qtbot, widget)
        key(qtbot, K.Key_PageDown, CTRL)
        assert tabs.currentWidget() is window.page.tab_widgets["conclusion"]


def test_f6_goes_round_the_project_list_the_page_and_the_checks_list(qtbot, window, path):
    """From a grid to the 问题清单 took Ctrl+Tab×3 + Tab×7, and back to the list
    Shift+Tab×8. F6 / Shift+F6 go from pane to pane, as in Windows programs; a cell being typed
    is kept."""
    from tests.ui.real_keys import key
    tab = show_tab(window, "indicators")
    grid = tab.grid
    at_cell(qtbot, grid, 0, im.COL_ACTUAL)
    press(qtbot, K.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(qtbot, editor, "7个")        # still being typed
    key(qtbot, K.Key_F6)
    assert window.checks.list.hasFocus()
    assert reread(path).projects[0].indicators[0].actual == "7个"
    key(qtbot, K.Key_F6)
    assert window.page.projects.view.hasFocus()
    key(qtbot, K.Key_F6)
    assert tab.isAncestorOf(QApplication.focusWidget())
    key(qtbot, K.Key_F6, SHIFT)
    assert window.page.projects.view.hasFocus()
    key(qtbot, K.Key_F6, SHIFT)
    assert window.checks.list.hasFocus()


def test_alt_2_shows_the_field_it_puts_the_cursor_in(qtbot, window):
    """The 预算表 left scrolled down, Alt+2 put the cursor in the 资金来源 grid
    with the grid's top at the page's edge and the rest of it out of view."""
    from tests.ui.real_keys import key
    from selfeval_desktop.ui.qt import QScrollArea
    window.resize(1024, 600)
    budget = show_tab(window, "budget")
    area = next(a for a in budget.findChildren(QScrollArea) if a.widget().isAncestorOf(budget.source_grid))
    QApplication.processEvents()
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    show_tab(window, "overview")
    focus(qtbot, window.page.projects.view)
    key(qtbot, K.Key_2, ALT)
    grid = budget.source_grid
    assert grid.hasFocus()
    top = grid.mapTo(area.viewport(), grid.rect().topLeft()).y()
    assert 0 <= top and top + grid.height() <= area.viewport().height()
