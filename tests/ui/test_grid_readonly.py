"""Typing on a cell that takes no typing (合计, 得分, 达成情况 of a numeric row) edits nothing.

Bug: Qt's item views search as you type: “2” on the read-only 合计 cell jumped to the cell of
that column starting with “2” (市县财政 20.00), and “0” then opened it: 市县财政 became 0
(the same on the spending lines' 合计).
Now nothing moves, nothing changes, and the status bar says the cell is computed.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.models import budget_line_model as blm
from selfeval_desktop.ui.qt import QApplication, Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, at, show_tab, type_ime
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
K = Qt.Key


def focus_cell(qtbot, grid, row, col):
    grid.activateWindow()
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus, timeout=2000)
    grid.setCurrentIndex(grid.model().index(row, col))


def test_typing_on_the_total_row_never_edits_a_line(qtbot, window, path):
    """The case as first seen, on the spending lines: 差旅费 计划 5.00, 合计 20.00; “5” “0” Enter."""
    grid = show_tab(window, "budget").line_grid
    model = grid.model()
    total_row = model.rowCount() - 1
    if model.flags(model.index(total_row, blm.COL_PLANNED)) & Qt.ItemFlag.ItemIsEditable:
        pytest.skip("合计 takes typing here: typing there is an edit of the total")
    focus_cell(qtbot, grid, total_row, blm.COL_PLANNED)
    for key in ("5", "0", K.Key_Return):
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert [line.planned for line in reread(path).projects[0].budget_lines] == \
        [5_000_000, 15_000_000]
    assert grid.state() != grid.State.EditingState
    assert "合计" in window.statusBar().currentMessage()


def test_typing_on_a_score_says_it_is_computed_and_stays(qtbot, window):
    grid = show_tab(window, "indicators").grid
    focus_cell(qtbot, grid, 1, im.COL_SCORE)
    qtbot.keyClick(QApplication.focusWidget(), "2")                      # 25.00 is in row 0
    assert at(grid) == (1, im.COL_SCORE)
    assert grid.state() != grid.State.EditingState
    assert "自动计算" in window.statusBar().currentMessage()


def test_a_phrase_typed_on_a_numeric_rows_achievement_edits_no_other_row(qtbot, window, path):
    session, pid = window.session, window.page.pid
    qualitative = session.project(pid).indicators[2]                      # 有效提升: 定性
    session.set_value("indicator", pid, qualitative.id, "achievement", "部分达成")
    grid = show_tab(window, "indicators").grid
    focus_cell(qtbot, grid, 0, im.COL_ACHIEVEMENT)                        # ≥4次: numeric
    type_ime(QApplication.focusWidget(), "部")
    type_ime(QApplication.focusWidget(), "未")
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Return)
    assert reread(path).projects[0].indicators[2].achievement == "部分达成"
    assert grid.currentIndex().row() in (0, 1)                           # never jumped to row 2
    assert "定性" in window.statusBar().currentMessage() or grid.currentIndex().row() == 1
