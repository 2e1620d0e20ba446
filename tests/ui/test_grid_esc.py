"""Esc cancels the whole cell edit, also after a pause has saved part of it, and the cursor stays.

Bug: typing in the 新 row, a pause (the row was saved), then Esc: the row went away
but the cursor jumped up onto the last real row, so the next keys overwrote it (测试 Tab made
row 7's 一级指标 “测试”; 9 Enter made 培训费 计划 12 → 9); and Ctrl+Y re-applied what was cancelled.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.models import budget_line_model as blm
from selfeval_desktop.ui.models import indicator_model as im

from tests.ui.real_keys import K, idle, key, type_keys
from tests.ui.shell_helpers import OFFSCREEN_NOISE, show_grid
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_esc_in_the_new_row_after_a_pause_cancels_it_and_the_cursor_stays(qtbot, window, path):
    grid = show_grid(qtbot, window, "indicators")
    model, stack = grid.model(), window.session.undo_stack
    before = [(i.level1, i.name) for i in reread(path).projects[0].indicators]
    blank = model.blank_row()
    grid.setCurrentIndex(model.index(blank, im.COL_NAME))
    type_keys(qtbot, "测试指标")
    idle(qtbot)
    assert len(reread(path).projects[0].indicators) == len(before) + 1   # the pause saved it
    key(qtbot, K.Key_Escape)
    assert grid.currentIndex().row() == model.blank_row() == blank     # still on the 新 row
    assert grid.currentIndex().column() == im.COL_NAME
    assert not stack.canRedo()                                         # nothing to re-apply
    type_keys(qtbot, "ab")
    key(qtbot, K.Key_Tab)
    rows = [(i.level1, i.name) for i in reread(path).projects[0].indicators]
    assert rows[:len(before)] == before                                # the last row untouched
    assert rows[-1][1] == "ab"


def test_esc_in_a_spending_line_after_a_pause_leaves_the_line_above_alone(qtbot, window, path):
    grid = show_grid(qtbot, window, "budget", "line_grid")
    model = grid.model()
    lines_before = [(b.name, b.planned) for b in reread(path).projects[0].budget_lines]
    blank = model.blank_row()
    grid.setCurrentIndex(model.index(blank, blm.COL_PLANNED))
    type_keys(qtbot, "7")
    idle(qtbot)
    key(qtbot, K.Key_Escape)
    assert grid.currentIndex().row() == model.blank_row()
    type_keys(qtbot, "9")
    key(qtbot, K.Key_Return)
    lines = [(b.name, b.planned) for b in reread(path).projects[0].budget_lines]
    assert lines[:len(lines_before)] == lines_before
    assert lines[-1][1] == 9_000_000      # 9 万元 on a new line


def test_esc_on_a_saved_cell_of_a_real_row_takes_it_back_without_a_redo_step(qtbot, window, path):
    grid = show_grid(qtbot, window, "indicators")
    stack = window.session.undo_stack
    grid.setCurrentIndex(grid.model().index(0, im.COL_ACTUAL))
    type_keys(qtbot, "3")
    idle(qtbot)
    assert reread(path).projects[0].indicators[0].actual == "3"
    key(qtbot, K.Key_Escape)
    assert reread(path).projects[0].indicators[0].actual == "4次"
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (0, im.COL_ACTUAL)
    assert not stack.canRedo()
