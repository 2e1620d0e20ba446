"""Excel's two editing modes in the grid, and the 达成情况 a 定性 row is scored by.

Typing into a cell (Excel “输入” mode): the arrow keys commit and move. F2 or a double-click
(“编辑” mode), or F2 / a click inside a typed cell: the arrows move the caret in the text.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.models.indicator_model import DERIVED_BRUSH
from selfeval_desktop.ui.qt import Qt

from tests.ui.shell_helpers import at, editor_of, type_ime
from tests.ui.ui_fixtures import actuals

K = Qt.Key


@pytest.mark.parametrize("key, moved", [(K.Key_Right, (1, im.COL_WEIGHT)),
                                        (K.Key_Left, (1, im.COL_TARGET)),
                                        (K.Key_Down, (2, im.COL_ACTUAL)),
                                        (K.Key_Up, (0, im.COL_ACTUAL))])
def test_arrows_commit_and_move_after_typing(qtbot, setup, path, key, moved):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(1, im.COL_ACTUAL))
    qtbot.keyClicks(grid, "9")
    qtbot.keyClicks(editor_of(grid), "8%")
    qtbot.keyClick(editor_of(grid), key)
    assert editor_of(grid) is None
    assert actuals(path)[1] == "98%"
    assert at(grid) == moved


def test_arrows_after_an_input_method_phrase_commit_and_move(qtbot, setup, path):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(2, im.COL_ACTUAL))
    type_ime(grid, "明显提升")
    qtbot.keyClick(editor_of(grid), K.Key_Down)
    assert actuals(path)[2] == "明显提升" and at(grid) == (3, im.COL_ACTUAL)


def test_f2_edits_in_place_arrows_move_the_caret(qtbot, setup, path):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(0, im.COL_ACTUAL))      # “4次”
    qtbot.keyClick(grid, K.Key_F2)
    editor = editor_of(grid)
    assert editor is not None and editor.cursorPosition() == 2
    qtbot.keyClick(editor, K.Key_Left)
    qtbot.keyClick(editor, K.Key_Up)
    assert editor_of(grid) is editor and editor.cursorPosition() == 1
    qtbot.keyClicks(editor, "0")                              # 40次
    qtbot.keyClick(editor, K.Key_Return)
    assert actuals(path)[0] == "40次" and at(grid) == (1, im.COL_ACTUAL)


def test_double_click_edits_in_place(qtbot, setup):
    grid, model, _session = setup
    index = model.index(1, im.COL_ACTUAL)
    grid.setCurrentIndex(index)
    rect = grid.visualRect(index)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = editor_of(grid)
    assert editor is not None
    editor.setCursorPosition(len(editor.text()))
    qtbot.keyClick(editor, K.Key_Left)
    assert editor_of(grid) is editor and at(grid) == (1, im.COL_ACTUAL)


def test_f2_in_a_typed_cell_switches_to_caret_moves(qtbot, setup, path):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(1, im.COL_ACTUAL))
    qtbot.keyClicks(grid, "9")
    editor = editor_of(grid)
    qtbot.keyClicks(editor, "6%")
    qtbot.keyClick(editor, K.Key_F2)
    qtbot.keyClick(editor, K.Key_Left)
    assert editor_of(grid) is editor and editor.cursorPosition() == 2
    qtbot.keyClick(editor, K.Key_Escape)
    assert actuals(path)[1] == "95%"                           # Esc: nothing stored


def test_arrow_at_the_last_column_stays_in_the_row(qtbot, setup):
    grid, model, _session = setup
    last = model.columnCount() - 1
    grid.setCurrentIndex(model.index(1, last))
    qtbot.keyClicks(grid, "x")
    qtbot.keyClick(editor_of(grid), K.Key_Right)
    assert at(grid) == (1, last)


# ---------------------------------------------------------------- 达成情况 shown

def test_qualitative_row_shows_the_level_its_score_uses_in_grey(setup):
    grid, model, session = setup
    pid = model.pid
    ind = session.project(pid).indicators[2]                  # 有效提升: 定性
    cell = model.index(2, im.COL_ACHIEVEMENT)
    assert cell.data() in ("", None)                          # nothing reported yet
    session.set_value("indicator", pid, ind.id, "actual", "有效提升")
    assert cell.data() == "达成（按实际完成值）"
    assert cell.data(Qt.ItemDataRole.EditRole) == ""          # shown, not stored: copy gives ""
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == DERIVED_BRUSH
    assert "按实际完成值" in cell.data(Qt.ItemDataRole.ToolTipRole)
    session.set_value("indicator", pid, ind.id, "actual", "未达成")
    assert cell.data() == "未达成（按实际完成值）"
    model.setData(cell, "部分达成")                           # chosen: shown as chosen, not grey
    assert cell.data() == "部分达成"
    assert cell.data(Qt.ItemDataRole.ForegroundRole) != DERIVED_BRUSH
    # a numeric row shows nothing there
    assert model.index(0, im.COL_ACHIEVEMENT).data() in ("", None)


def test_a_key_the_editor_ignores_does_not_bounce_forever(qtbot, setup):
    """Bug: in 编辑 mode a key the line edit ignores (Up, Page Down) went back to the grid,
    which passed it to the editor again, until Python's recursion limit."""
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(0, im.COL_ACTUAL))
    qtbot.keyClick(grid, K.Key_F2)
    editor = editor_of(grid)
    for key in (K.Key_PageDown, K.Key_Up, K.Key_Down):
        qtbot.keyClick(editor, key)
    assert editor_of(grid) is editor
