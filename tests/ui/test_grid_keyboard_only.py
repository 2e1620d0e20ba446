"""A keyboard-only clerk's Excel/WPS habits in the grids, in the real window, keys sent
as a keyboard sends them to the widget with the focus. Each test of a fix failed before it.

- Ctrl+- pressed while a cell was open left no widget with the focus (Alt+↓ left the cell open
  on the moved row); Ctrl+= and Ctrl+Shift+= there are checked too (they kept it already).
- Shift+Space opened the cell with its text replaced by a space; now it selects the row(s),
  Ctrl+Space the column(s), and Delete clears them.
- Ctrl+Enter after typing with several cells selected puts the value in all of them, and stays.
- Backspace on a block clears only the cursor's cell (and starts typing there), as in Excel.
- Alt+Enter in a one-line cell neither commits nor moves: the cell has no second line.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.models import budget_line_model as blm
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.models.base import ErrorRole
from selfeval_desktop.ui.qt import QApplication, QLineEdit, Qt

from tests.ui.real_keys import idle, key, type_keys
from tests.ui.shell_helpers import OFFSCREEN_NOISE, at, editor_of, plain, show_grid, type_ime
from tests.ui.ui_fixtures import actuals, indicators, reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support (raise|grabbing)")
K = Qt.Key
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)
NAMES = ["举办培训次数", "培训合格率", "科技服务水平", "服务对象满意度"]
ACTUALS = ["4次", "95%", "", "92%"]


@pytest.fixture
def grid(qtbot, window):
    page = window.page
    tab = page.tab_widgets["indicators"]
    page.tabs.setCurrentWidget(tab)
    grid = tab.grid
    grid.activateWindow()
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus, timeout=2000)
    return grid


def go(grid, row, col):
    grid.setCurrentIndex(grid.model().index(row, col))


def names(path):
    return [i.name for i in indicators(path)]


def selected(grid):
    return {(i.row(), i.column()) for i in grid.selectedIndexes()}


def visible_columns(grid):
    return [c for c in range(grid.model().columnCount()) if not grid.isColumnHidden(c)]


def status(window):
    return window.statusBar().currentMessage()


def open_cell(qtbot, grid, how):
    """Open the cursor's cell as the clerk did: F2, or typing into it."""
    if how == "f2":
        key(qtbot, K.Key_F2)
    else:
        key(qtbot, K.Key_X)
    editor = editor_of(grid)
    assert editor is not None
    qtbot.waitUntil(editor.hasFocus, timeout=2000)
    return editor


# ------------------------------------------------------------ row keys in an open cell

@pytest.mark.parametrize("how", ["f2", "typing"])
def test_deleting_a_row_from_an_open_cell_leaves_the_cursor_in_the_grid(qtbot, grid, path, how):
    go(grid, 1, im.COL_ACTUAL)
    open_cell(qtbot, grid, how)
    key(qtbot, K.Key_Minus, CTRL)
    assert names(path) == [NAMES[0], NAMES[2], NAMES[3]]
    assert QApplication.focusWidget() is grid                  # before: None, keys went nowhere
    assert at(grid) == (1, im.COL_ACTUAL) and editor_of(grid) is None   # the row that took its place
    key(qtbot, K.Key_Down)
    assert at(grid) == (2, im.COL_ACTUAL)
    key(qtbot, K.Key_7)                                        # and typing lands in the grid
    key(qtbot, K.Key_Return)
    assert actuals(path) == ["4次", "", "7"]


@pytest.mark.parametrize("mods, new_row, typed_row", [(CTRL, 2, 1), (CTRL | SHIFT, 1, 2)])
def test_inserting_a_row_from_an_open_cell_keeps_what_was_typed_and_the_focus(
        qtbot, grid, path, mods, new_row, typed_row):
    go(grid, 1, im.COL_ACTUAL)
    open_cell(qtbot, grid, "typing")                           # “x” typed into 95%
    key(qtbot, K.Key_Equal, mods)
    found = actuals(path)
    assert len(found) == 5 and found[new_row] == "" and found[typed_row] == "x"
    assert QApplication.focusWidget() is grid and editor_of(grid) is None
    assert at(grid) == (new_row, im.COL_ACTUAL)
    key(qtbot, K.Key_8)
    key(qtbot, K.Key_Return)
    assert actuals(path)[new_row] == "8"


def test_moving_a_row_from_an_open_cell_keeps_the_focus(qtbot, grid, path):
    go(grid, 1, im.COL_ACTUAL)
    open_cell(qtbot, grid, "f2")
    key(qtbot, K.Key_Down, ALT)
    assert names(path)[2] == NAMES[1]
    assert QApplication.focusWidget() is grid and at(grid) == (2, im.COL_ACTUAL)


# ------------------------------------------------------------ Shift+Space, Ctrl+Space

def test_shift_space_selects_the_row_and_never_edits(qtbot, grid, path):
    go(grid, 1, im.COL_NAME)
    key(qtbot, K.Key_Space, SHIFT)
    assert editor_of(grid) is None                             # before: opened with “ ”
    assert selected(grid) == {(1, c) for c in visible_columns(grid)}
    assert at(grid) == (1, im.COL_NAME)
    key(qtbot, K.Key_Down)                                     # before: committed the blank name
    assert names(path) == NAMES


def test_shift_space_then_delete_clears_the_rows_in_one_undo_step(qtbot, window, grid, path):
    go(grid, 1, im.COL_NAME)
    key(qtbot, K.Key_Down, SHIFT)                              # rows 1–2 (2 cells) selected
    key(qtbot, K.Key_Space, SHIFT)
    assert {r for r, _ in selected(grid)} == {1, 2}
    assert {c for _, c in selected(grid)} == set(visible_columns(grid))
    key(qtbot, K.Key_Delete)
    rows = indicators(path)
    assert [r.name for r in rows] == [NAMES[0], "", "", NAMES[3]]
    assert rows[1].actual == rows[1].target == "" and rows[1].weight is None
    assert rows[0].actual == "4次" and rows[3].actual == "92%"
    key(qtbot, K.Key_Z, CTRL)
    assert names(path) == NAMES and actuals(path) == ACTUALS


def test_ctrl_space_selects_the_column_and_delete_clears_it(qtbot, grid, path):
    go(grid, 1, im.COL_ACTUAL)
    key(qtbot, K.Key_Space, CTRL)
    assert editor_of(grid) is None
    rows = grid.model().rowCount()
    assert selected(grid) == {(r, im.COL_ACTUAL) for r in range(rows)}
    assert at(grid) == (1, im.COL_ACTUAL)
    key(qtbot, K.Key_Delete)
    assert actuals(path) == ["", "", "", ""] and names(path) == NAMES
    key(qtbot, K.Key_Z, CTRL)
    assert actuals(path) == ACTUALS


def test_a_plain_space_still_starts_typing(qtbot, grid):
    go(grid, 1, im.COL_ACTUAL)
    key(qtbot, K.Key_Space)
    editor = editor_of(grid)
    assert isinstance(editor, QLineEdit) and editor.text() == " "
    key(qtbot, K.Key_Escape)


def test_a_space_committed_by_an_input_method_still_starts_typing(qtbot, grid):
    go(grid, 1, im.COL_ACTUAL)
    type_ime(grid, " ")
    editor = editor_of(grid)
    assert isinstance(editor, QLineEdit) and editor.text() == " "


def test_shift_space_in_an_open_cell_types_a_space(qtbot, grid):
    go(grid, 1, im.COL_ACTUAL)
    editor = open_cell(qtbot, grid, "f2")
    key(qtbot, K.Key_Space, SHIFT)
    assert editor_of(grid) is editor and editor.text() == "95% "


# ------------------------------------------------------------ Ctrl+Enter fills the selection

def test_ctrl_enter_puts_the_typed_value_in_every_selected_cell(qtbot, window, grid, path):
    go(grid, 0, im.COL_ACTUAL)
    key(qtbot, K.Key_Down, SHIFT)
    key(qtbot, K.Key_Down, SHIFT)                              # 3 cells, cursor on the last
    cursor = at(grid)
    key(qtbot, K.Key_9)
    key(qtbot, K.Key_Return, CTRL)
    assert actuals(path) == ["9", "9", "9", "92%"]             # before: only the cursor's cell
    assert at(grid) == cursor and editor_of(grid) is None      # … and the cursor went down
    assert selected(grid) == {(r, im.COL_ACTUAL) for r in range(3)}
    assert "3 格" in status(window)
    assert QApplication.focusWidget() is grid
    key(qtbot, K.Key_Z, CTRL)                                  # one undo step
    assert actuals(path) == ACTUALS


def test_ctrl_enter_after_a_pause_is_still_one_undo_step(qtbot, grid, path):
    go(grid, 0, im.COL_ACTUAL)
    key(qtbot, K.Key_Down, SHIFT)
    key(qtbot, K.Key_8)
    idle(qtbot)                                                # the pause saved “8” in row 1
    assert actuals(path)[1] == "8"
    key(qtbot, K.Key_Return, CTRL)
    assert actuals(path)[:2] == ["8", "8"]
    key(qtbot, K.Key_Z, CTRL)
    assert actuals(path) == ACTUALS


def test_ctrl_enter_keeps_bad_input_red_and_skips_what_takes_no_typing(qtbot, window, grid, path):
    model = grid.model()
    go(grid, 4, im.COL_SCORE)                                  # from the 新 row's 得分 (computed) …
    key(qtbot, K.Key_Left, SHIFT)
    key(qtbot, K.Key_Up, SHIFT)
    key(qtbot, K.Key_Up, SHIFT)                                # … to 分值 of row 2: rows 2–4
    assert at(grid) == (2, im.COL_WEIGHT)
    for ch in (K.Key_A, K.Key_B):
        key(qtbot, ch)
    key(qtbot, K.Key_Return, CTRL)
    assert model.data_rows == 4 and len(indicators(path)) == 4   # no row made from the 新 row
    for row in (2, 3):
        index = model.index(row, im.COL_WEIGHT)
        assert index.data(Qt.ItemDataRole.EditRole) == "ab"     # kept as typed …
        assert index.data(ErrorRole)                            # … and red
    said = status(window)
    assert said.startswith("已在所选的 2 格填入“ab”")
    assert "“得分”列 2 格未填入" in said and "“分值”列 2 格无法识别" in said
    assert at(grid) == (2, im.COL_WEIGHT)


def test_ctrl_enter_on_one_cell_commits_and_stays(qtbot, grid, path):
    go(grid, 1, im.COL_ACTUAL)
    key(qtbot, K.Key_7)
    key(qtbot, K.Key_Return, CTRL)
    assert actuals(path)[1] == "7" and at(grid) == (1, im.COL_ACTUAL)
    assert editor_of(grid) is None and QApplication.focusWidget() is grid


def test_ctrl_enter_fills_a_paragraph_with_its_line_breaks(qtbot, grid, path):
    go(grid, 0, im.COL_DEVIATION)
    key(qtbot, K.Key_Down, SHIFT)
    for k in (K.Key_A, K.Key_Return, K.Key_B):
        key(qtbot, k, ALT if k == K.Key_Return else Qt.KeyboardModifier.NoModifier)
    key(qtbot, K.Key_Return, CTRL)
    assert [i.deviation for i in indicators(path)][:3] == ["a\nb", "a\nb", ""]


def test_ctrl_enter_on_the_new_row_alone_makes_one_row(qtbot, grid, path):
    go(grid, 4, im.COL_TARGET)
    key(qtbot, K.Key_Right, SHIFT)                             # 指标值 and 实际完成值 of 新
    key(qtbot, K.Key_5)
    key(qtbot, K.Key_Return, CTRL)
    rows = indicators(path)
    assert len(rows) == 5 and rows[4].target == rows[4].actual == "5"
    assert selected(grid) == {(4, im.COL_TARGET), (4, im.COL_ACTUAL)} and at(grid) == (4, im.COL_ACTUAL)


def test_ctrl_enter_in_the_catalog_picker_fills_the_chosen_line(qtbot, window, path):
    grid = show_grid(qtbot, window, "budget", "line_grid")
    go(grid, 0, blm.COL_NAME)
    key(qtbot, K.Key_Down, SHIFT)
    type_keys(qtbot, "印刷")                                   # the picker's only match: 印刷费
    key(qtbot, K.Key_Return, CTRL)
    lines = reread(path).projects[0].budget_lines
    assert [(b.code, b.name) for b in lines] == [("30202", "印刷费")] * 2
    assert lines[1].planned == 15_000_000                       # the amounts kept
    key(qtbot, K.Key_Z, CTRL)                                   # one undo step
    assert [b.name for b in reread(path).projects[0].budget_lines] == ["差旅费", "维修（护）费"]


def test_ctrl_enter_after_a_pause_on_the_new_row_fills_that_row_not_the_one_above(qtbot, grid, path):
    """The pause had made a row of the 新 row; taking it back into the fill moved the selection
    up a row, and the fill overwrote the last real row."""
    go(grid, 4, im.COL_TARGET)
    key(qtbot, K.Key_Right, SHIFT)
    key(qtbot, K.Key_5)
    idle(qtbot)
    key(qtbot, K.Key_Return, CTRL)
    rows = indicators(path)
    assert [(r.target, r.actual) for r in rows[3:]] == [("≥90%", "92%"), ("5", "5")]
    assert at(grid) == (4, im.COL_ACTUAL)
    key(qtbot, K.Key_Z, CTRL)
    assert len(indicators(path)) == 4


# ------------------------------------------------------------ Backspace on a block

def test_backspace_on_a_block_clears_only_the_cursor_cell_and_types_there(qtbot, grid, path):
    go(grid, 0, im.COL_ACTUAL)
    key(qtbot, K.Key_Down, SHIFT)                              # 4次 and 95%, cursor on 95%
    key(qtbot, K.Key_Backspace)
    editor = editor_of(grid)
    assert isinstance(editor, QLineEdit) and editor.text() == ""
    assert actuals(path)[0] == "4次"                           # before: cleared too
    key(qtbot, K.Key_Escape)
    assert actuals(path) == ACTUALS


def test_backspace_on_a_cell_taking_no_typing_clears_nothing_and_says_why(qtbot, window, grid, path):
    go(grid, 0, im.COL_WEIGHT)
    key(qtbot, K.Key_Right, SHIFT)                             # 分值 25 and 得分, cursor on 得分
    key(qtbot, K.Key_Backspace)
    assert editor_of(grid) is None
    assert indicators(path)[0].weight == 25                    # before: cleared with the block
    assert status(window)


# ------------------------------------------------------------ Alt+Enter in a one-line cell

def test_alt_enter_in_a_one_line_cell_neither_commits_nor_moves(qtbot, window, grid, path):
    go(grid, 1, im.COL_NAME)
    editor = open_cell(qtbot, grid, "f2")
    key(qtbot, K.Key_Return, ALT)
    assert editor_of(grid) is editor and at(grid) == (1, im.COL_NAME)
    assert editor.text() == NAMES[1]
    assert "换行" in status(window)
    key(qtbot, K.Key_Return)
    assert at(grid) == (2, im.COL_NAME) and names(path) == NAMES



# ------------------------------------------------------------ the right-click menu

def context_menu(grid, monkeypatch, row, col):
    """The menu a right-click on (row, col) pops up, and its entries' texts (before the tab)."""
    from selfeval_desktop.ui.qt import QMenu
    shown = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, pos, *a: shown.append(menu))
    go(grid, row, col)
    grid.customContextMenuRequested.emit(grid.visualRect(grid.currentIndex()).center())
    [menu] = shown
    return menu, {plain(a.text()): a for a in menu.actions() if not a.isSeparator()}


def test_the_right_click_menu_has_excels_cell_entries_then_the_row_ones(qtbot, window, grid,
                                                                        path, monkeypatch):
    """The grid's menu had only the row operations: no 剪切/复制/粘贴/清除内容."""
    menu, entries = context_menu(grid, monkeypatch, 1, im.COL_ACTUAL)
    assert list(entries)[:4] == ["剪切", "复制", "粘贴", "清除内容"]
    assert "在下方插入行" in entries and all(a.isEnabled() for a in entries.values())
    entries["复制"].trigger()
    assert QApplication.clipboard().text().strip() == ACTUALS[1]
    entries["清除内容"].trigger()
    assert actuals(path)[1] == ""
    go(grid, 0, im.COL_ACTUAL)
    menu, entries = context_menu(grid, monkeypatch, 0, im.COL_ACTUAL)
    entries["粘贴"].trigger()
    assert actuals(path)[0] == ACTUALS[1]
    menu, entries = context_menu(grid, monkeypatch, 3, im.COL_ACTUAL)
    entries["剪切"].trigger()
    assert actuals(path)[3] == "" and QApplication.clipboard().text().strip() == ACTUALS[3]
    assert window.session.undo_stack.undoText().startswith("剪切")


def test_the_budget_pages_fixed_grids_have_the_cell_menu_too(qtbot, window, monkeypatch):
    page = window.page
    tab = page.tab_widgets["budget"]
    page.tabs.setCurrentWidget(tab)
    for fixed in (tab.source_grid, tab.fund_grid):
        menu, entries = context_menu(fixed, monkeypatch, 0, 1)
        assert list(entries) == ["剪切", "复制", "粘贴", "清除内容"]
        monkeypatch.undo()


# ------------------------------------------------------------ Ctrl+Space, Ctrl+-

def test_ctrl_space_then_ctrl_minus_deletes_no_rows_and_says_how(qtbot, window, grid, path):
    """Excel's keys for “delete this column”: they deleted every row of the grid (已删除 4 行)."""
    go(grid, 1, im.COL_ACTUAL)
    key(qtbot, K.Key_Space, CTRL)
    key(qtbot, K.Key_Minus, CTRL)
    assert names(path) == NAMES
    assert window.statusBar().currentMessage() == \
        "列是固定的，不能删除；要删除行请先用 Shift+空格 选中整行"
    key(qtbot, K.Key_Space, SHIFT)              # the rows: Shift+Space, then Ctrl+- deletes them
    key(qtbot, K.Key_Minus, CTRL)
    assert names(path) == []
    key(qtbot, K.Key_Z, CTRL)
    assert names(path) == NAMES
    go(grid, 1, im.COL_ACTUAL)                  # a block down one column is not whole columns
    key(qtbot, K.Key_Down, SHIFT)
    key(qtbot, K.Key_Minus, CTRL)
    assert names(path) == [NAMES[0], NAMES[3]]


def test_the_guide_never_suggests_ctrl_minus_after_ctrl_space():
    from selfeval_desktop.ui.help_dialog import KEYS
    line = dict(KEYS)["Shift+空格 / Ctrl+空格"]
    assert "Shift+空格 选中整行后 Ctrl+-" in line
    assert "整列（再按" not in line and line.count("Ctrl+-") == 1


def test_grid_of_finds_the_grid_from_its_cell_editor_and_nothing_outside(qtbot, window, grid):
    """One walk up the parents (it was written three times: F6, the 编辑 menu, the tests)."""
    from selfeval_desktop.ui.grid import grid_of
    from selfeval_desktop.ui.menus import row_action
    go(grid, 1, im.COL_ACTUAL)
    editor = open_cell(qtbot, grid, "f2")
    assert grid_of(editor) is grid and grid_of(grid.viewport()) is grid and grid_of(grid) is grid
    assert grid_of(window.page.projects.view) is None and grid_of(None) is None
    assert row_action(editor, "insert_below")     # the 编辑 menu's 插入行 from an open cell
    assert grid.model().row_object(2).name == ""


def test_shift_arrows_after_shift_space_extend_by_whole_rows(qtbot, window, grid, path):
    """Shift+↓ after Shift+Space fell back to a block of cells from the cursor; in Excel/WPS it
    adds the next whole row, and Shift+↑ takes it away again. Shift+→ leaves whole rows whole."""
    go(grid, 1, im.COL_NAME)
    key(qtbot, K.Key_Space, SHIFT)
    key(qtbot, K.Key_Down, SHIFT)
    whole = set(visible_columns(grid))
    assert selected(grid) == {(r, c) for r in (1, 2) for c in whole}
    assert at(grid) == (2, im.COL_NAME)
    key(qtbot, K.Key_Right, SHIFT)
    assert selected(grid) == {(r, c) for r in (1, 2) for c in whole}
    key(qtbot, K.Key_Down, CTRL | SHIFT)                      # to the data's edge, still rows
    assert {r for r, _ in selected(grid)} == {1, 2, 3} and {c for _, c in selected(grid)} == whole
    key(qtbot, K.Key_Up, SHIFT)
    key(qtbot, K.Key_Up, SHIFT)
    assert selected(grid) == {(1, c) for c in whole}
    key(qtbot, K.Key_Up, SHIFT)                               # above the anchor: rows 0–1
    assert selected(grid) == {(r, c) for r in (0, 1) for c in whole}
    key(qtbot, K.Key_Delete)                                  # and Delete clears those rows
    assert names(path) == ["", "", NAMES[2], NAMES[3]]


def test_shift_arrows_after_ctrl_space_extend_by_whole_columns(qtbot, grid):
    go(grid, 1, im.COL_TARGET)
    key(qtbot, K.Key_Space, CTRL)
    key(qtbot, K.Key_Right, SHIFT)
    rows = range(grid.model().rowCount())
    columns = {c for _, c in selected(grid)}
    assert len(columns) == 2 and im.COL_TARGET in columns
    assert selected(grid) == {(r, c) for r in rows for c in columns}
    key(qtbot, K.Key_Down, SHIFT)                             # across: the columns stay whole
    assert selected(grid) == {(r, c) for r in rows for c in columns}


def test_shift_arrows_on_cells_still_extend_by_cells(qtbot, grid):
    go(grid, 1, im.COL_TARGET)
    key(qtbot, K.Key_Down, SHIFT)
    assert selected(grid) == {(1, im.COL_TARGET), (2, im.COL_TARGET)}
