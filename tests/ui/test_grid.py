"""The grid behaves as Excel for a clerk: keys, typing (Chinese too), clear, copy, paste, rows."""
from __future__ import annotations

from selfeval_desktop.ui.delegates import GroupedTextDelegate
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import (QApplication, QEvent, QGuiApplication, QInputMethodEvent,
                                    QKeyEvent, Qt)

from tests.ui.shell_helpers import editor_of, type_ime
from tests.ui.ui_fixtures import indicators, reread


def test_typing_starts_editing_with_the_character_and_enter_moves_down(qtbot, setup, path):
    grid, model, session = setup
    grid.setCurrentIndex(model.index(0, im.COL_ACTUAL))
    qtbot.keyClicks(grid, "3")
    assert editor_of(grid) is not None
    qtbot.keyClicks(editor_of(grid), "x")
    qtbot.keyClick(editor_of(grid), Qt.Key.Key_Backspace)
    qtbot.keyClick(editor_of(grid), Qt.Key.Key_Return)
    assert indicators(path)[0].actual == "3"
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (1, im.COL_ACTUAL)
    assert grid.state() != grid.State.EditingState
    qtbot.keyClick(grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert grid.currentIndex().row() == 0


def test_tab_moves_right_and_wraps_shift_tab_back(qtbot, setup):
    grid, model, _ = setup
    last = model.columnCount() - 1
    grid.setCurrentIndex(model.index(0, last - 1))
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (0, last)
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (1, 0)
    qtbot.keyClick(grid, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (0, last)


def test_tab_in_an_editor_commits_and_moves_right(qtbot, setup, path):
    grid, model, _ = setup
    grid.setCurrentIndex(model.index(1, im.COL_TARGET))
    qtbot.keyClicks(grid, ">=80%")
    qtbot.keyClick(editor_of(grid), Qt.Key.Key_Tab)
    assert indicators(path)[1].target == ">=80%"
    assert grid.currentIndex().column() == im.COL_ACTUAL


def test_chinese_committed_by_an_input_method_starts_editing(qtbot, setup, path):
    grid, model, _ = setup
    grid.setCurrentIndex(model.index(0, im.COL_NAME))
    type_ime(grid, "举办科普讲座")
    editor = editor_of(grid)
    assert editor is not None and editor.text() == "举办科普讲座"
    type_ime(editor, "次数")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert indicators(path)[0].name == "举办科普讲座次数"


def test_chinese_as_key_events_with_text(qtbot, setup, path):
    grid, model, _ = setup
    grid.setCurrentIndex(model.index(2, im.COL_DEVIATION))
    for ch in "宣传不足":
        target = editor_of(grid) or grid
        QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, ch))
    qtbot.keyClick(editor_of(grid), Qt.Key.Key_Enter)
    assert indicators(path)[2].deviation == "宣传不足"


def test_f2_edits_the_existing_text(qtbot, setup, path):
    grid, model, _ = setup
    grid.setCurrentIndex(model.index(0, im.COL_TARGET))
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = editor_of(grid)
    assert editor.text() == "≥4次"
    editor.end(False)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, "5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert indicators(path)[0].target == "≥45"


def test_delete_clears_selection_as_one_undo_step(qtbot, setup, path):
    grid, model, session = setup
    grid.selectionModel().clear()
    grid.setCurrentIndex(model.index(0, im.COL_TARGET))
    grid.selectionModel().select(
        __import__("selfeval_desktop.ui.qt", fromlist=["QItemSelection"]).QItemSelection(
            model.index(0, im.COL_TARGET), model.index(1, im.COL_ACTUAL)),
        grid.selectionModel().SelectionFlag.ClearAndSelect)
    count = session.undo_stack.count()
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    rows = indicators(path)
    assert [(r.target, r.actual) for r in rows[:2]] == [("", ""), ("", "")]
    assert session.undo_stack.count() == count + 1
    session.undo_stack.undo()
    rows = indicators(path)
    assert [(r.target, r.actual) for r in rows[:2]] == [("≥4次", "4次"), ("≥90%", "95%")]
    session.undo_stack.redo()
    assert indicators(path)[1].actual == ""


def test_copy_selection_as_tsv_with_quotes(qtbot, setup):
    grid, model, session = setup
    pid = session.document.projects[0].id
    session.set_value("indicator", pid, session.project(pid).indicators[0].id, "deviation",
                      "第一行\n第二行")
    grid.setCurrentIndex(model.index(0, im.COL_WEIGHT))     # the cursor in the block, as dragged
    from selfeval_desktop.ui.qt import QItemSelection
    grid.selectionModel().select(QItemSelection(model.index(0, im.COL_WEIGHT),
                                                model.index(1, im.COL_DEVIATION)),
                                 grid.selectionModel().SelectionFlag.ClearAndSelect)
    qtbot.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QGuiApplication.clipboard().text()
    lines = text.split("\r\n")
    assert lines[0].split("\t")[:2] == ["25", "25.00"]
    assert lines[0].endswith('"第一行\n第二行"')
    assert lines[-1] == ""


def test_paste_a_3x5_block_growing_rows_one_undo_step(qtbot, setup, path):
    grid, model, session = setup
    block = [["产出指标", "数量指标", "科普活动场次", "≥12场", "13场"],
             ["产出指标", "质量指标", "专利授权数", "不少于5件", "6件"],
             ["效益指标", "社会效益指标", "受益群众人次", "≥1000人次", "1200人次"]]
    QGuiApplication.clipboard().setText("".join("\t".join(r) + "\r\n" for r in block))
    grid.setCurrentIndex(model.index(3, im.COL_LEVEL1))
    count = session.undo_stack.count()
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = indicators(path)
    assert len(rows) == 6
    assert [[r.level1, r.level2, r.name, r.target, r.actual] for r in rows[3:]] == block
    assert session.undo_stack.count() == count + 1
    session.undo_stack.undo()
    rows = indicators(path)
    assert len(rows) == 4 and rows[3].name == "服务对象满意度"
    session.undo_stack.redo()
    assert [r.name for r in indicators(path)[3:]] == [b[2] for b in block]
    assert model.data_rows == 6 and model.rowCount() == 7   # and the blank row


def test_paste_reads_numbers_with_the_shared_cell_parser_and_keeps_bad_text(qtbot, setup, path):
    grid, model, session = setup
    grid.setCurrentIndex(model.index(0, im.COL_WEIGHT))
    grid.paste("２０分\r\nabc\r\n")
    rows = indicators(path)
    assert str(rows[0].weight) == "20"
    idx = model.index(1, im.COL_WEIGHT)
    assert model.data(idx) == "abc"
    assert "无法识别" in model.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert reread(path).projects[0].unread[f"indicator:{rows[1].id}:weight"] == "abc"
    # said at once, not only on hover (“50%” pasted into an amount went red silently)
    assert grid.message.startswith("“分值”列 1 格无法识别，原文已保留并标红"), grid.message


def test_a_good_paste_says_so_and_an_old_undo_message_goes(qtbot, setup):
    grid, model, session = setup
    grid.setCurrentIndex(model.index(0, im.COL_ACTUAL))
    grid.paste("5次\r\n")
    assert grid.message == "已粘贴 1 行 × 1 列"


def test_typed_abc_turns_red_with_a_chinese_tooltip_and_is_kept(qtbot, setup, path):
    grid, model, _ = setup
    grid.setCurrentIndex(model.index(0, im.COL_WEIGHT))
    qtbot.keyClicks(grid, "abc")
    qtbot.keyClick(editor_of(grid), Qt.Key.Key_Return)
    idx = model.index(0, im.COL_WEIGHT)
    assert model.data(idx) == "abc"
    assert model.data(idx, Qt.ItemDataRole.BackgroundRole) is not None
    assert "无法识别" in model.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert reread(path).projects[0].unread[f"indicator:{indicators(path)[0].id}:weight"] == "abc"


def test_row_actions_insert_delete_move(qtbot, setup, path):
    grid, model, session = setup
    names = [r.name for r in indicators(path)]
    grid.setCurrentIndex(model.index(1, im.COL_NAME))
    grid.row_actions["insert_below"].trigger()
    assert len(indicators(path)) == 5 and grid.currentIndex().row() == 2
    grid.row_actions["insert_above"].trigger()
    assert [r.name for r in indicators(path)] == names[:2] + ["", ""] + names[2:]
    grid.row_actions["delete"].trigger()
    assert [r.name for r in indicators(path)] == names[:2] + [""] + names[2:]
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert [r.name for r in indicators(path)] == names
    grid.setCurrentIndex(model.index(0, im.COL_NAME))
    grid.row_actions["down"].trigger()
    assert [r.name for r in indicators(path)][:2] == [names[1], names[0]]
    assert grid.currentIndex().row() == 1


def test_grouped_headings_drawn_once_but_editable(qtbot, setup):
    grid, model, _ = setup
    delegate = GroupedTextDelegate((im.COL_LEVEL1, im.COL_LEVEL2), grid)
    assert not delegate.repeats_above(model.index(0, im.COL_LEVEL1))
    assert delegate.repeats_above(model.index(1, im.COL_LEVEL1))
    assert not delegate.repeats_above(model.index(1, im.COL_LEVEL2))   # 数量 → 质量
    assert model.flags(model.index(1, im.COL_LEVEL1)) & Qt.ItemFlag.ItemIsEditable


def test_input_method_composition_then_commit(qtbot, setup, path):
    """An input method first shows pinyin (preedit) on the view, then commits the characters."""
    grid, model, _ = setup
    grid.setCurrentIndex(model.index(1, im.COL_NAME))
    QApplication.sendEvent(grid, QInputMethodEvent("peixun", []))
    commit = QInputMethodEvent()
    commit.setCommitString("培训")
    QApplication.sendEvent(QApplication.focusWidget() or grid, commit)
    editor = editor_of(grid)
    assert editor is not None and editor.text() == "培训"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert indicators(path)[1].name == "培训"
