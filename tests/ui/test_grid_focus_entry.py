"""A grid that gets the keyboard focus without a current cell puts the cursor on its first cell
that takes typing, so a clerk can type at once.

Bug: 新增 then Alt+3: the 绩效指标 grid had the focus but no current cell; typing
产出指标 did nothing and Tab left the grid, the text lost. Alt+2: the cursor was on the read-only
资金来源 label column and “10” typed there was refused.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.domain.model import Source
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.models import source_model as sm
from selfeval_desktop.ui.qt import QApplication, Qt

from tests.ui.real_keys import K, key, type_keys
from tests.ui.shell_helpers import OFFSCREEN_NOISE
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
ALT = Qt.KeyboardModifier.AltModifier


def new_project(qtbot, window):
    pid = window.page.projects.add_project()
    qtbot.wait(20)
    return pid


def disk_project(path, pid):
    return next(p for p in reread(path).projects if p.id == pid)


def test_alt3_on_a_new_project_then_typing_fills_the_new_row(qtbot, window, path):
    pid = new_project(qtbot, window)
    key(qtbot, K.Key_3, ALT)
    grid = window.page.tab_widgets["indicators"].grid
    assert QApplication.focusWidget() is grid
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == \
        (grid.model().blank_row(), im.COL_LEVEL1)
    type_keys(qtbot, "产出指标")
    key(qtbot, K.Key_Tab)
    assert [i.level1 for i in disk_project(path, pid).indicators] == ["产出指标"]


def test_alt2_then_typing_fills_the_first_amount_not_the_label(qtbot, window, path):
    pid = new_project(qtbot, window)
    key(qtbot, K.Key_2, ALT)
    grid = window.page.tab_widgets["budget"].source_grid
    assert QApplication.focusWidget() is grid
    assert grid.currentIndex().column() == sm.COL_PLANNED
    type_keys(qtbot, "10")
    key(qtbot, K.Key_Return)
    amount = disk_project(path, pid).funding.by_source.get(Source.CENTRAL)
    assert amount is not None and amount.planned == 10_000_000
