"""Keys pressed while a grid cell is being typed into, sent as a keyboard sends them.

A keyboard sends Shift or Ctrl on its own (press, release) before the key they modify; QTest's
keyClicks does not, so these tests press them separately, in the real window, to the widget that
has the focus (the open editor), as a real X server does.
Bug: the editor ignored such a key, the grid got it and sent it back to the editor, which
ignored it again … until the stack overflowed and the app died with the cell's text.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import QApplication, QLineEdit, Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
K = Qt.Key
QTest = pytest.importorskip("PySide6.QtTest").QTest


def grid_on(window, key):
    page = window.page
    tab = page.tab_widgets[key]
    page.tabs.setCurrentWidget(tab)
    return tab.grid if key == "indicators" else tab.fund_grid


def start_typing(qtbot, grid, row, col, text="abc"):
    """Click a cell, type ``text`` as separate key presses to whatever has the focus."""
    grid.activateWindow()
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus, timeout=2000)
    grid.setCurrentIndex(grid.model().index(row, col))
    for ch in text:
        QTest.keyClick(QApplication.focusWidget(), ch)
    editor = grid.indexWidget(grid.currentIndex())
    assert isinstance(editor, QLineEdit) and editor.text() == text
    qtbot.waitUntil(editor.hasFocus, timeout=2000)
    return editor


def press_alone(key):
    QTest.keyPress(QApplication.focusWidget(), key)
    QTest.keyRelease(QApplication.focusWidget(), key)


def actual(path, row):
    return reread(path).projects[0].indicators[row].actual


@pytest.mark.parametrize("key", [K.Key_Shift, K.Key_Control, K.Key_Alt, K.Key_Meta,
                                 K.Key_CapsLock, K.Key_F12, K.Key_Insert, K.Key_Pause])
def test_a_key_the_editor_ignores_keeps_editing(qtbot, window, key):
    grid = grid_on(window, "indicators")
    editor = start_typing(qtbot, grid, 1, im.COL_ACTUAL)
    press_alone(key)
    if key == K.Key_Alt:          # Alt alone: the menu bar may take the focus, as in any app
        return
    assert grid.indexWidget(grid.currentIndex()) is editor and editor.text() == "abc"


def test_shift_ctrl_then_a_capital_letter_types_it(qtbot, window, path):
    grid = grid_on(window, "indicators")
    editor = start_typing(qtbot, grid, 1, im.COL_ACTUAL, "9")
    focus = QApplication.focusWidget()
    QTest.keyPress(focus, K.Key_Control)
    QTest.keyRelease(focus, K.Key_Control)
    QTest.keyPress(focus, K.Key_Shift)
    QTest.keyClick(focus, "%", Qt.KeyboardModifier.ShiftModifier)
    QTest.keyRelease(focus, K.Key_Shift)
    assert editor.text() == "9%"
    press_alone(K.Key_Return)
    assert actual(path, 1) == "9%"


@pytest.mark.parametrize("key, moved", [(K.Key_Down, 2), (K.Key_Up, 0)])
def test_up_down_commit_and_move_as_enter(qtbot, window, path, key, moved):
    grid = grid_on(window, "indicators")
    start_typing(qtbot, grid, 1, im.COL_ACTUAL)
    QTest.keyPress(QApplication.focusWidget(), K.Key_Shift)   # a stray Shift first
    QTest.keyRelease(QApplication.focusWidget(), K.Key_Shift)
    press_alone(key)
    assert grid.indexWidget(grid.model().index(1, im.COL_ACTUAL)) is None
    assert actual(path, 1) == "abc"
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (moved, im.COL_ACTUAL)


@pytest.mark.parametrize("key", [K.Key_PageDown, K.Key_PageUp])
def test_page_keys_commit_and_move(qtbot, window, path, key):
    grid = grid_on(window, "indicators")
    start_typing(qtbot, grid, 1, im.COL_ACTUAL)
    press_alone(key)
    assert grid.state() != grid.State.EditingState
    assert actual(path, 1) == "abc"
    row = grid.currentIndex().row()
    assert (row > 1) if key == K.Key_PageDown else (row == 0)
    assert grid.currentIndex().column() == im.COL_ACTUAL


def test_fund_grid_survives_the_same_keys(qtbot, window):
    grid = grid_on(window, "budget")
    col = next(c for c in range(grid.model().columnCount())
               if grid.model().flags(grid.model().index(0, c)) & Qt.ItemFlag.ItemIsEditable)
    editor = start_typing(qtbot, grid, 0, col, "12")
    for key in (K.Key_Shift, K.Key_Control, K.Key_PageDown, K.Key_PageUp):
        if grid.indexWidget(grid.currentIndex()) is not editor:
            editor = start_typing(qtbot, grid, 0, col, "12")
        press_alone(key)
    press_alone(K.Key_Down)
    assert grid.state() != grid.State.EditingState


def test_keys_sent_to_the_grid_while_its_editor_is_open_never_bounce(qtbot, window):
    """Keys that land on the grid itself while its editor is open (typed before the focus
    moved) go to the editor once; one it ignores stops there."""
    grid = grid_on(window, "indicators")
    editor = start_typing(qtbot, grid, 1, im.COL_ACTUAL)
    for key in (K.Key_Shift, K.Key_Control, K.Key_F12, K.Key_Meta):
        QTest.keyPress(grid, key)
        QTest.keyRelease(grid, key)
    QTest.keyClick(grid, "d")
    assert grid.indexWidget(grid.currentIndex()) is editor and editor.text() == "abcd"
