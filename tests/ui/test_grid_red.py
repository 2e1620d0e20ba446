"""Red cells in the 绩效指标 grid agree with 问题清单, and the status bar speaks of the cell the
cursor is on.

Bugs: an emptied 年度指标值 (Delete) was not red although 问题清单 listed it as an error; the
status bar kept the previous red cell's reason 15 s after moving to a fine cell.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.domain.checks import check_project
from selfeval_desktop.domain.model import Indicator
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.models.base import ErrorRole
from selfeval_desktop.ui.qt import QApplication, Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window, show_grid

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
from tests.ui.ui_fixtures import make_file  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path):
    return make_window(qtbot, tmp_path, make_file(tmp_path))


@pytest.fixture
def grid(qtbot, window):
    return show_grid(qtbot, window, "indicators")


def errors_at(window, field):
    project = window.session.project(window.page.pid)
    return [f for f in check_project(window.session.document, project)
            if f.severity == "error" and f.place.field == field and f.place.row == 0]


@pytest.mark.parametrize("col, field", [(im.COL_TARGET, "target"), (im.COL_ACTUAL, "actual"),
                                        (im.COL_WEIGHT, "weight")])
def test_a_required_cell_emptied_turns_red_as_the_checks_say(qtbot, window, grid, col, field):
    index = grid.model().index(0, col)
    assert not index.data(ErrorRole)
    grid.setCurrentIndex(index)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    reason = index.data(ErrorRole)
    found = errors_at(window, field)
    assert reason and any(reason in f.message for f in found)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_an_empty_row_is_not_red(window, grid):
    window.session.insert_rows("indicator", window.page.pid, 0, [Indicator()])
    model = grid.model()
    assert not any(model.index(0, c).data(ErrorRole) for c in im.RULE_COLUMNS)


def test_the_status_bar_forgets_a_red_cell_once_the_cursor_moves_on(qtbot, window, grid):
    model = grid.model()
    grid.setCurrentIndex(model.index(0, im.COL_TARGET))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    grid.setCurrentIndex(model.index(1, im.COL_TARGET))
    grid.setCurrentIndex(model.index(0, im.COL_TARGET))        # back on the red cell
    assert "年度指标值" in window.statusBar().currentMessage()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # a fine cell
    assert window.statusBar().currentMessage() == ""


def test_a_reason_typed_stays_for_the_move_that_ends_the_typing(qtbot, window, grid):
    model = grid.model()
    grid.setCurrentIndex(model.index(0, im.COL_WEIGHT))
    qtbot.keyClicks(grid, "abc")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)    # Enter-and-go
    assert "abc" in window.statusBar().currentMessage()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)      # moving on again
    assert window.statusBar().currentMessage() == ""
