"""The 支出科目 picker with real keys: no idle save while it is open, Enter takes the highlighted
or the only match, and the code and name come from the catalog together.

Bug: typing 差旅 filtered the list to “30211 差旅费”; 0.7 s later the idle save
stored a red “差旅” row and reset the picker to a one-row popup over the unfiltered list, so ↓
Enter stored 301 工资福利支出; typing 差旅 and Enter at once kept the invalid “差旅”.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.models import budget_line_model as blm
from selfeval_desktop.ui.qt import QApplication

from tests.ui.real_keys import K, idle, key, type_keys
from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window, show_grid
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support (raise|grabbing)")


@pytest.fixture
def grid(qtbot, tmp_path, path):
    return show_grid(qtbot, make_window(qtbot, tmp_path, path), "budget", "line_grid")


def lines(path):
    return [(b.code, b.name) for b in reread(path).projects[0].budget_lines]


def start_typing_name(qtbot, grid, text="差旅"):
    model = grid.model()
    grid.setCurrentIndex(model.index(model.blank_row(), blm.COL_NAME))
    type_keys(qtbot, text)


def popup_rows():
    popup = QApplication.activePopupWidget()
    return None if popup is None or not popup.isVisible() else popup.model().rowCount()


def test_no_idle_save_while_the_picker_is_open_and_the_list_stays_filtered(qtbot, grid, path):
    before = lines(path)
    start_typing_name(qtbot, grid)
    assert popup_rows() == 1
    idle(qtbot)
    assert lines(path) == before                 # nothing stored while picking
    assert popup_rows() == 1                     # still the one match, not the whole catalog
    key(qtbot, K.Key_Down)
    key(qtbot, K.Key_Return)
    assert lines(path) == before + [("30211", "差旅费")]


def test_enter_at_once_takes_the_only_match(qtbot, grid, path):
    before = lines(path)
    start_typing_name(qtbot, grid)
    key(qtbot, K.Key_Return)
    assert lines(path) == before + [("30211", "差旅费")]
    assert grid.state() != grid.State.EditingState          # one Enter: chosen and committed


def test_a_pick_replaces_both_code_and_name_of_a_line(qtbot, grid, path):
    model = grid.model()
    grid.setCurrentIndex(model.index(0, blm.COL_NAME))
    type_keys(qtbot, "维修")
    key(qtbot, K.Key_Return)
    assert lines(path)[0] == ("30213", "维修（护）费")
    grid.setCurrentIndex(model.index(0, blm.COL_CODE))
    type_keys(qtbot, "30211")
    idle(qtbot)
    key(qtbot, K.Key_Tab)
    assert lines(path)[0] == ("30211", "差旅费")


def test_the_picker_lists_are_as_wide_as_their_longest_entry(qtbot, grid):
    """The popup was the 科目编码 column's width: “302 商品和服…”."""
    from selfeval_desktop.ui.models import budget_line_model as blm
    index = grid.model().index(0, blm.COL_CODE)
    grid.setCurrentIndex(index)
    grid.edit(index)
    combo = grid.indexWidget(index)
    need = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.completer().popup().minimumWidth() >= need and combo.view().minimumWidth() >= need
