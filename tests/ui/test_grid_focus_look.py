"""A grid without the focus shows a grey selection; what a grid said in the
status bar goes when the focus or the cursor leaves; Ctrl+X cuts (copy, then clear: one step)."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.focus_look import UNFOCUSED_SELECTION
from selfeval_desktop.ui.models import budget_line_model as blm
from selfeval_desktop.ui.models import fund_kind_model as fkm
from selfeval_desktop.ui.qt import QGuiApplication, QPalette, Qt

from tests.ui.real_keys import K, key, type_keys
from tests.ui.shell_helpers import OFFSCREEN_NOISE, focus, make_window
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def tab(qtbot, tmp_path, path):
    window = make_window(qtbot, tmp_path, path)
    tab = window.page.tab_widgets["budget"]
    window.page.tabs.setCurrentWidget(tab)
    return tab


def highlight(grid):
    return grid.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)


def test_only_the_grid_with_the_focus_shows_a_coloured_selection(qtbot, tab):
    grids = (tab.source_grid, tab.fund_grid, tab.line_grid)
    focus(qtbot, tab.line_grid)
    assert highlight(tab.line_grid) != UNFOCUSED_SELECTION
    assert highlight(tab.source_grid) == highlight(tab.fund_grid) == UNFOCUSED_SELECTION
    focus(qtbot, tab.source_grid)
    assert [highlight(g) == UNFOCUSED_SELECTION for g in grids] == [False, True, True]


def test_the_grey_selection_holds_while_the_window_is_not_the_active_one(qtbot, tab):
    """With another window in front (or no window manager) Qt paints with the Inactive
    colours, and all three grids of 预算表 showed a solid blue selection."""
    focus(qtbot, tab.line_grid)
    inactive = [g.palette().color(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight)
                for g in (tab.source_grid, tab.fund_grid, tab.line_grid)]
    assert inactive[0] == inactive[1] == UNFOCUSED_SELECTION != inactive[2]


def test_a_cell_note_goes_when_the_focus_moves_to_another_grid(qtbot, tab):
    bar = tab.window().statusBar()
    focus(qtbot, tab.fund_grid)
    tab.fund_grid.setCurrentIndex(tab.fund_model.index(0, fkm.COL_RATE))   # computed
    type_keys(qtbot, "2")
    assert "不能直接输入" in bar.currentMessage()
    focus(qtbot, tab.line_grid)
    assert bar.currentMessage() == ""


def test_a_cell_note_goes_when_the_cursor_moves_on(qtbot, tab):
    bar = tab.window().statusBar()
    focus(qtbot, tab.fund_grid)
    tab.fund_grid.setCurrentIndex(tab.fund_model.index(0, fkm.COL_RATE))
    type_keys(qtbot, "2")
    assert "不能直接输入" in bar.currentMessage()
    key(qtbot, K.Key_Left)
    assert bar.currentMessage() == ""


def test_typing_on_a_row_label_starts_in_the_rows_first_amount(qtbot, tab, path):
    """On the 年度资金总额 label the first figure was refused and the next ones landed
    one column to the left; now the typing starts in 年初预算数 and Tab goes on as expected."""
    grid = tab.fund_grid
    focus(qtbot, grid)
    grid.setCurrentIndex(tab.fund_model.index(0, 0))
    type_keys(qtbot, "4")
    key(qtbot, K.Key_Tab)
    type_keys(qtbot, "4.5")
    key(qtbot, K.Key_Tab)
    type_keys(qtbot, "4.2")
    key(qtbot, K.Key_Return)
    funding = reread(path).projects[0].funding
    assert (funding.initial_budget, funding.annual_budget, funding.executed) == \
        (4_000_000, 4_500_000, 4_200_000)


def test_tabbing_into_the_funds_grid_lands_on_an_amount_not_a_label(qtbot, tab):
    grid = tab.fund_grid
    grid.setCurrentIndex(tab.fund_model.index(0, 0))
    grid.clearFocus()
    focus(qtbot, tab.source_grid)
    key(qtbot, K.Key_Tab, Qt.KeyboardModifier.ControlModifier)     # Ctrl+Tab: out of the grid …
    qtbot.waitUntil(tab.region_box.hasFocus, timeout=2000)   # … to 本地区称 under it
    from PySide6.QtTest import QTest
    QTest.keyRelease(tab.region_box, Qt.Key.Key_Control)   # the release went to the grid left
    key(qtbot, K.Key_Tab)                                      # and Tab: the next grid
    qtbot.waitUntil(grid.hasFocus, timeout=2000)
    assert grid.currentIndex().column() == fkm.COL_INITIAL


def test_ctrl_x_copies_and_clears_in_one_undo_step(qtbot, tab, path):
    grid = tab.line_grid
    focus(qtbot, grid)
    grid.setCurrentIndex(grid.model().index(0, blm.COL_PLANNED))
    stack = tab.session.undo_stack
    steps = stack.count()
    key(qtbot, K.Key_X, CTRL)
    assert QGuiApplication.clipboard().text().strip() == "5"
    assert reread(path).projects[0].budget_lines[0].planned is None
    assert stack.count() == steps + 1 and stack.undoText().startswith("剪切")
    stack.undo()
    assert reread(path).projects[0].budget_lines[0].planned == 5_000_000
