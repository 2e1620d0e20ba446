"""达成情况 with real keys: the arrows move within the open list, Enter chooses.

Bug: ↓ on the open 达成情况 choice stored the next value at once and closed it.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import QApplication, Qt

from tests.ui.real_keys import K, key
from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window, show_grid
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support (raise|grabbing)")
QUALITATIVE_ROW = 2      # 科技服务水平, 有效提升


@pytest.fixture
def grid(qtbot, tmp_path, path):
    return show_grid(qtbot, make_window(qtbot, tmp_path, path), "indicators")


def achievement(path):
    return reread(path).projects[0].indicators[QUALITATIVE_ROW].achievement


def test_arrows_move_in_the_list_and_enter_chooses(qtbot, grid, path):
    before = achievement(path)
    grid.setCurrentIndex(grid.model().index(QUALITATIVE_ROW, im.COL_ACHIEVEMENT))
    key(qtbot, K.Key_F2)
    assert grid.state() == grid.State.EditingState
    key(qtbot, K.Key_Down)                       # opens the list, nothing chosen yet
    assert QApplication.activePopupWidget() is not None
    key(qtbot, K.Key_Down)
    key(qtbot, K.Key_Down)
    assert achievement(path) == before           # moving is not choosing
    assert grid.state() == grid.State.EditingState
    key(qtbot, K.Key_Return)
    assert achievement(path) == "部分达成"
    assert grid.state() != grid.State.EditingState


@pytest.mark.parametrize("typed, chosen", [("达成", "达成"), ("部分", "部分达成"), ("未达成", "未达成"),
                                           ("基本完成", "部分达成")])
def test_a_choice_typed_by_an_input_method_is_taken(qtbot, grid, path, typed, chosen):
    """Typing 达成 in the 达成情况 cell (with 搜狗/微软拼音) did nothing; only ↓ ↓ Enter."""
    from tests.ui.shell_helpers import type_ime
    grid.setCurrentIndex(grid.model().index(QUALITATIVE_ROW, im.COL_ACHIEVEMENT))
    type_ime(grid, typed)
    qtbot.waitUntil(lambda: achievement(path) == chosen, timeout=2000)
    assert grid.state() != grid.State.EditingState           # chosen: the cell is closed


@pytest.mark.parametrize("k, chosen", [(K.Key_1, "达成"), (K.Key_2, "部分达成"), (K.Key_3, "未达成")])
def test_one_two_three_choose_without_an_input_method(qtbot, grid, path, k, chosen):
    grid.setCurrentIndex(grid.model().index(QUALITATIVE_ROW, im.COL_ACHIEVEMENT))
    key(qtbot, k)
    qtbot.waitUntil(lambda: achievement(path) == chosen, timeout=2000)


def test_text_that_is_no_choice_changes_nothing(qtbot, grid, path):
    from tests.ui.shell_helpers import type_ime
    before = achievement(path)
    grid.setCurrentIndex(grid.model().index(QUALITATIVE_ROW, im.COL_ACHIEVEMENT))
    type_ime(grid, "很好")
    qtbot.wait(50)
    assert achievement(path) == before


def test_alt_down_in_the_open_choice_opens_the_list_and_moves_no_row(qtbot, grid, path):
    """Alt+↓ (Excel's and Windows' “open the list”) in an open 达成情况 swapped the
    indicator rows (the grid's 下移一行) instead."""
    names = [i.name for i in reread(path).projects[0].indicators]
    grid.setCurrentIndex(grid.model().index(QUALITATIVE_ROW, im.COL_ACHIEVEMENT))
    key(qtbot, K.Key_F2)
    assert grid.state() == grid.State.EditingState
    key(qtbot, K.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert QApplication.activePopupWidget() is not None
    assert [i.name for i in reread(path).projects[0].indicators] == names
