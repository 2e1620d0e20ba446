"""The grid's selection as Excel keeps it: F2 adds to a cell, Ctrl+arrows jump and Ctrl+Shift
extends, paste, fill and the row keys act on the cells selected and leave the cursor on them.

Four grid habits where the clerk's keys acted on a cell other than the one under
the cursor, or replaced what F2 was pressed to add to. Each test failed before its fix."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import QGuiApplication, Qt

from tests.ui.shell_helpers import at, editor_of
from tests.ui.ui_fixtures import actuals, reread

K, CTRL, SHIFT = Qt.Key, Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def selected(grid):
    return sorted((i.row(), i.column()) for i in grid.selectedIndexes())


def test_f2_puts_the_caret_at_the_end_so_typing_adds(qtbot, setup, path):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(0, im.COL_ACTUAL))      # “4次”
    qtbot.keyClick(grid, K.Key_F2)
    editor = editor_of(grid)
    assert not editor.hasSelectedText() and editor.cursorPosition() == 2
    qtbot.keyClicks(editor, "0")
    qtbot.keyClick(editor, K.Key_Return)
    assert actuals(path)[0] == "4次0"                          # added to, not replaced by “0”


def test_double_click_opens_without_selecting_everything(qtbot, setup):
    grid, model, _session = setup
    index = model.index(1, im.COL_ACTUAL)                      # “95%”
    rect = grid.visualRect(index)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = editor_of(grid)
    assert editor is not None and not editor.hasSelectedText()


@pytest.mark.parametrize("key", [K.Key_Home, K.Key_End, K.Key_Down])
def test_ctrl_moves_leave_only_the_cell_moved_to_selected(qtbot, setup, path, key):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(1, im.COL_ACTUAL))
    qtbot.keyClick(grid, key, CTRL)
    assert selected(grid) == [at(grid)] and at(grid) != (1, im.COL_ACTUAL)
    before = actuals(path)
    qtbot.keyClick(grid, K.Key_Delete)
    assert actuals(path)[1] == before[1] == "95%"              # the old cell is not cleared


def test_ctrl_arrows_jump_to_the_edge_of_the_data(qtbot, setup):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(0, im.COL_ACTUAL))
    qtbot.keyClick(grid, K.Key_Down, CTRL)
    assert at(grid) == (1, im.COL_ACTUAL)          # 4次, 95%, then row 3 is blank: its end
    qtbot.keyClick(grid, K.Key_Down, CTRL)
    assert at(grid) == (3, im.COL_ACTUAL)          # across the blank to 92%
    qtbot.keyClick(grid, K.Key_Up, CTRL)
    assert at(grid) == (1, im.COL_ACTUAL)
    qtbot.keyClick(grid, K.Key_Home, CTRL)
    first = next(c for c in range(model.columnCount()) if not grid.isColumnHidden(c))
    assert at(grid) == (0, first)


def test_ctrl_shift_extends_the_selection(qtbot, setup):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(0, im.COL_ACTUAL))
    qtbot.keyClick(grid, K.Key_Down, CTRL | SHIFT)
    assert selected(grid) == [(0, im.COL_ACTUAL), (1, im.COL_ACTUAL)]
    qtbot.keyClick(grid, K.Key_C, CTRL)
    assert QGuiApplication.clipboard().text().split("\r\n")[:2] == ["4次", "95%"]


def test_paste_onto_a_shift_selection_starts_at_its_top(qtbot, setup, path):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(0, im.COL_ACTUAL))
    qtbot.keyClick(grid, K.Key_Down, SHIFT)                    # rows 1–2 selected, cursor on 2
    assert at(grid) == (1, im.COL_ACTUAL)
    QGuiApplication.clipboard().setText("5次\r\n96%\r\n")
    qtbot.keyClick(grid, K.Key_V, CTRL)
    assert actuals(path)[:3] == ["5次", "96%", ""]             # row 3 untouched


def test_a_row_inserted_with_its_shortcut_is_the_only_one_selected(qtbot, setup, path):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(1, im.COL_NAME))
    names = [i.name for i in reread(path).projects[0].indicators]
    qtbot.keyClick(grid, K.Key_Equal, CTRL | SHIFT)            # 在上方插入行
    assert at(grid) == (1, im.COL_NAME) and selected(grid) == [(1, im.COL_NAME)]
    qtbot.keyClick(grid, K.Key_Minus, CTRL)                    # oops: 删除所选行
    assert [i.name for i in reread(path).projects[0].indicators] == names


def test_a_block_fills_a_selection_that_holds_it_whole_times(qtbot, setup, path):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(0, im.COL_ACTUAL))
    for _ in range(3):
        qtbot.keyClick(grid, K.Key_Down, SHIFT)                # four rows selected
    QGuiApplication.clipboard().setText("5次\r\n96%\r\n")
    qtbot.keyClick(grid, K.Key_V, CTRL)
    assert actuals(path) == ["5次", "96%", "5次", "96%"]       # as Excel repeats it


def test_achievements_pasted_as_1_2_3_read_as_typed(qtbot, setup, path):
    """Typing 1/2/3 in 达成情况 worked; pasting them was refused."""
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(2, im.COL_ACHIEVEMENT))
    QGuiApplication.clipboard().setText("2\r\n")
    qtbot.keyClick(grid, K.Key_V, CTRL)
    assert reread(path).projects[0].indicators[2].achievement == "部分达成"


def test_select_all_copies_the_rows_not_the_empty_new_row(qtbot, setup):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(0, im.COL_NAME))
    qtbot.keyClick(grid, K.Key_A, CTRL)
    qtbot.keyClick(grid, K.Key_C, CTRL)
    lines = QGuiApplication.clipboard().text().split("\r\n")
    assert len(lines) == model.data_rows + 1 and lines[-1] == ""   # four rows, then the end


def test_a_paste_and_its_undo_rescore_the_window_once(qtbot, setup):
    """A 200-row paste took 3 s — every cell re-drew the header, the 一级指标分值
    line and the list. The scores are said once, when the paste (or its undo) is done."""
    grid, model, session = setup
    said = []
    session.scoreChanged.connect(said.append)
    grid.setCurrentIndex(model.index(model.data_rows, im.COL_LEVEL1))
    grid.paste("".join(f"产出指标\t数量指标\t指标{i}\t≥1次\t1次\r\n" for i in range(20)))
    assert model.data_rows == 24 and said == [model.pid]
    said.clear()
    session.undo_stack.undo()
    assert model.data_rows == 4 and said == [model.pid]


def test_backspace_empties_the_cell_and_starts_typing_there(qtbot, setup, path):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(0, im.COL_ACTUAL))        # “4次”
    qtbot.keyClick(grid, K.Key_Backspace)
    editor = editor_of(grid)
    assert editor is not None and editor.text() == ""
    qtbot.keyClicks(editor, "6")
    qtbot.keyClick(editor, K.Key_Return)
    assert actuals(path)[0] == "6"
    grid.setCurrentIndex(model.index(1, im.COL_ACTUAL))        # “95%”: Esc gives it back
    qtbot.keyClick(grid, K.Key_Backspace)
    qtbot.keyClick(editor_of(grid), K.Key_Escape)
    assert actuals(path)[1] == "95%" and model.index(1, im.COL_ACTUAL).data() == "95%"


def test_filling_a_whole_column_adds_no_row(qtbot, setup, path):
    """A column selected by its header (it takes in the 新 row) and pasted “达成”
    made a nameless 5th row with no 分值: the total turned provisional."""
    grid, model, _session = setup
    rows = model.data_rows
    grid.selectColumn(im.COL_ACHIEVEMENT)
    grid.paste("达成\r\n")
    assert model.data_rows == rows and len(reread(path).projects[0].indicators) == rows
    assert "达成" in {i.achievement for i in reread(path).projects[0].indicators}
    grid.selectColumn(im.COL_ACTUAL)
    grid.paste("1次\r\n2次\r\n")                                   # tiled down the data rows only
    assert actuals(path) == ["1次", "2次", "1次", "2次"] and model.data_rows == rows


@pytest.mark.parametrize("mods", [CTRL | SHIFT, CTRL | Qt.KeyboardModifier.KeypadModifier])
def test_ctrl_plus_as_keyboards_send_it_inserts_a_row(qtbot, setup, path, mods):
    """A real Ctrl+Shift+= arrives as Key_Plus with Ctrl+Shift, Ctrl+数字键盘+ as Key_Plus with
    the keypad flag: two shortcuts on one action made the first ambiguous and nothing happened."""
    grid, model, _session = setup
    rows = model.data_rows
    grid.setCurrentIndex(model.index(1, im.COL_NAME))
    qtbot.keyClick(grid, K.Key_Plus, mods)
    assert model.data_rows == rows + 1 and selected(grid) == [(1, im.COL_NAME)]


def _ctrl_click(qtbot, grid, row, col):
    rect = grid.visualRect(grid.model().index(row, col))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, CTRL, rect.center())


def test_after_a_paste_the_cursor_is_on_the_pasted_block(qtbot, setup, path):
    """After a 2-row paste onto a 3-row selection the cursor stayed on row 3, and
    Delete cleared that unhighlighted cell."""
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(0, im.COL_ACTUAL))
    qtbot.keyClick(grid, K.Key_Down, SHIFT)
    qtbot.keyClick(grid, K.Key_Down, SHIFT)
    grid.paste("A\r\nB\r\n")
    assert at(grid) == (0, im.COL_ACTUAL)
    qtbot.keyClick(grid, K.Key_Delete)
    assert actuals(path)[:3] == ["", "", ""]                  # A, B cleared; row 3 was blank


def test_a_ctrl_click_selection_takes_one_value_in_its_cells_only(qtbot, setup, path):
    grid, model, _session = setup
    targets = [i.target for i in reread(path).projects[0].indicators]
    grid.setCurrentIndex(model.index(0, im.COL_TARGET))
    _ctrl_click(qtbot, grid, 1, im.COL_ACTUAL)
    assert len(grid.selectedIndexes()) == 2 and grid.scattered()
    grid.paste("88%\r\n")
    rows = reread(path).projects[0].indicators
    assert (rows[0].target, rows[1].actual) == ("88%", "88%")
    assert rows[0].actual == "4次" and rows[1].target == targets[1]   # the others untouched
    grid.paste("1\t2\r\n3\t4\r\n")                                     # a block: refused
    assert "不相连" in grid.message and reread(path).projects[0].indicators[0].actual == "4次"
    qtbot.keyClick(grid, K.Key_D, CTRL)                                 # fill: refused too
    assert "不相连" in grid.message


def test_row_keys_insert_as_many_rows_as_selected_and_say_so(qtbot, setup, path):
    """Excel inserts as many rows as are selected; and each row operation and fill says what it
    did (nothing was said, and an old 已撤销 message stood on)."""
    grid, model, _session = setup
    rows = model.data_rows
    grid.setCurrentIndex(model.index(1, im.COL_NAME))
    qtbot.keyClick(grid, K.Key_Down, SHIFT)
    qtbot.keyClick(grid, K.Key_Equal, CTRL)                  # 在下方插入行 × 2
    assert model.data_rows == rows + 2 and grid.message == "已插入 2 行"
    assert at(grid) == (3, im.COL_NAME)
    assert {r for r, _c in selected(grid)} == {3, 4}         # the new rows, as Excel selects them
    qtbot.keyClick(grid, K.Key_Minus, CTRL)                  # so Ctrl+- takes both back
    assert model.data_rows == rows and grid.message.startswith("已删除 2 行")
    qtbot.keyClick(grid, K.Key_Equal, CTRL | SHIFT)          # one row: only its cell
    assert model.data_rows == rows + 1 and selected(grid) == [at(grid)]
    qtbot.keyClick(grid, K.Key_End, CTRL)
    assert at(grid)[0] == model.data_rows - 1                 # the last data row, not 新
    grid.setCurrentIndex(model.index(0, im.COL_ACTUAL))
    qtbot.keyClick(grid, K.Key_Down, SHIFT)
    qtbot.keyClick(grid, K.Key_D, CTRL)
    assert grid.message == "已向下填充 1 格" and actuals(path)[:2] == ["4次", "4次"]
    qtbot.keyClick(grid, K.Key_D, CTRL)
    assert grid.message == "向下填充：所选格子已是相同内容"


def test_what_a_paste_or_a_delete_says_stays_after_the_cursor_moves(qtbot, setup):
    """The paste message (with its count of unreadable cells) and 已删除 were said,
    then taken back at once when the cursor moved onto the block."""
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(0, im.COL_WEIGHT))
    qtbot.keyClick(grid, K.Key_Down, SHIFT)
    qtbot.keyClick(grid, K.Key_Down, SHIFT)
    grid.paste("abc\r\n30\r\n")
    assert grid.message.startswith("“分值”列 1 格无法识别")
    grid.setCurrentIndex(model.index(1, im.COL_NAME))
    grid.delete_rows()
    assert grid.message.startswith("已删除 1 行")


def test_cells_picked_apart_are_not_copied_or_cut(qtbot, setup, path):
    grid, model, _session = setup
    grid.setCurrentIndex(model.index(0, im.COL_TARGET))
    _ctrl_click(qtbot, grid, 1, im.COL_ACTUAL)
    QGuiApplication.clipboard().setText("before")
    qtbot.keyClick(grid, K.Key_X, CTRL)
    assert "不相连" in grid.message and QGuiApplication.clipboard().text() == "before"
    assert actuals(path)[1] == "95%"                                   # not cleared
