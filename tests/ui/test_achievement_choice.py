"""达成情况 with real keys: the arrows move within the open list, Enter chooses.

Bug (review 4, J): ↓ on the open 达成情况 choice stored the next value at once and closed it.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import QApplication

from tests.ui.real_keys import K, key
from tests.ui.shell_helpers import OFFSCREEN_NOISE, focus, make_window
from tests.ui.ui_fixtures import make_file, reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support (raise|grabbing)")
QUALITATIVE_ROW = 2      # 科技服务水平, 有效提升


@pytest.fixture
def grid(qtbot, tmp_path, path):
    window = make_window(qtbot, tmp_path, path)
    tab = window.page.tab_widgets["indicators"]
    window.page.tabs.setCurrentWidget(tab)
    focus(qtbot, tab.grid)
    return tab.grid


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
