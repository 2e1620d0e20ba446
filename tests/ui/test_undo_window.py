"""撤销/重做 from anywhere in the window, named steps, and showing what an undo changed.

Bugs: Ctrl+Z in a text field undid only the field's own typing, then saved the reverted text as a
new (empty, 王五→王五) step and never reached the document's undo; undo changed a project not
shown without a word; undoing 删除项目 did not select the project; the 编辑 menu always said
“撤销 编辑”; ending the app without closing the window raised “QUndoStack already deleted”.
"""
from __future__ import annotations

import copy

import pytest

from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import (QApplication, QGuiApplication, QItemSelection, QMessageBox,
                                    Qt)

from tests.ui.shell_helpers import OFFSCREEN_NOISE, focus, make_window, plain, temp_settings
from tests.ui.ui_fixtures import make_file, reread, sample_document

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
K, CTRL = Qt.Key, Qt.KeyboardModifier.ControlModifier


def two_projects():
    doc = sample_document()
    second = copy.deepcopy(doc.projects[0])
    second.name = "第二个项目"
    doc.projects.append(second)
    return doc


@pytest.fixture
def path(tmp_path):
    return make_file(tmp_path, two_projects())


def first_actual(path, project=0):
    return reread(path).projects[project].indicators[0].actual


def test_ctrl_z_in_a_text_field_undoes_the_document(qtbot, window, path):
    session = window.session
    p1 = session.document.projects[0]
    session.set_value("indicator", p1.id, p1.indicators[0].id, "actual", "3次")
    overview = window.page.tab_widgets["overview"]
    window.page.tabs.setCurrentWidget(overview)
    leader = overview.edits["leader"]
    focus(qtbot, leader)
    qtbot.keyClicks(leader, "Wang")                 # typed, not yet committed (no pause)
    steps = session.undo_stack.count()
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Z, CTRL)
    assert reread(path).projects[0].leader == ""    # the typing was committed, then undone
    assert session.undo_stack.count() == steps + 1  # … as one redoable step, not an empty one
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Z, CTRL)
    assert first_actual(path) == "4次"              # the grid edit before it, undone from a field
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Y, CTRL)
    assert first_actual(path) == "3次"


def test_typing_a_field_back_to_what_it_was_records_no_step(window, path):
    session = window.session
    pid = session.document.projects[0].id
    session.set_value("project", pid, None, "leader", "王五")
    steps = session.undo_stack.count()
    session.set_value("project", pid, None, "leader", "王五x")
    session.set_value("project", pid, None, "leader", "王五", merge=True)
    assert session.undo_stack.count() == steps
    assert plain(window.undo_action.text()) == "撤销 修改 项目负责人"
    window.undo()
    assert reread(path).projects[0].leader == ""


def test_ctrl_z_in_a_cell_being_typed_undoes_that_typing(qtbot, window, path):
    session = window.session
    p1 = session.document.projects[0]
    session.set_value("indicator", p1.id, p1.indicators[1].id, "actual", "96%")
    grid = window.page.tab_widgets["indicators"].grid
    window.page.tabs.setCurrentWidget(window.page.tab_widgets["indicators"])
    focus(qtbot, grid)
    grid.setCurrentIndex(grid.model().index(0, im.COL_ACTUAL))
    qtbot.keyClicks(grid, "7")
    editor = grid.indexWidget(grid.currentIndex())
    qtbot.keyClicks(editor, "x")
    qtbot.keyClick(editor, K.Key_Z, CTRL)
    assert grid.state() != grid.State.EditingState
    assert first_actual(path) == "4次"
    assert reread(path).projects[0].indicators[1].actual == "96%"   # only the typing undone
    window.redo()
    assert first_actual(path) == "7x"


def test_undo_shows_the_project_tab_and_cell_it_changed(qtbot, window, path):
    session, page = window.session, window.page
    p1, p2 = session.document.projects
    session.set_value("indicator", p1.id, p1.indicators[2].id, "actual", "明显提升")
    page.projects.select_pid(p2.id)
    page.tabs.setCurrentWidget(page.tab_widgets["overview"])
    window.undo()
    assert page.pid == p1.id
    assert page.tabs.currentWidget() is page.tab_widgets["indicators"]
    cur = page.tab_widgets["indicators"].grid.currentIndex()
    assert (cur.row(), cur.column()) == (2, im.COL_ACTUAL)
    message = window.statusBar().currentMessage()
    assert "已撤销：修改 实际完成值" in message and p1.name in message
    page.projects.select_pid(p2.id)
    window.redo()
    assert page.pid == p1.id and "已重做：修改 实际完成值" in window.statusBar().currentMessage()


def test_undo_of_a_budget_edit_shows_the_budget_tab(window):
    session, page = window.session, window.page
    p1, p2 = session.document.projects
    session.set_value("funding", p1.id, None, "executed", "18")
    page.projects.select_pid(p2.id)
    window.undo()
    assert page.pid == p1.id and page.tabs.currentWidget() is page.tab_widgets["budget"]


def test_undoing_a_deleted_project_selects_it(window, monkeypatch):
    panel, page = window.page.projects, window.page
    second = window.session.document.projects[1].id
    panel.select_pid(second)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert panel.delete_project()
    assert page.pid != second
    assert plain(window.undo_action.text()) == "撤销 删除项目“第二个项目”"
    window.undo()
    assert page.pid == second and panel.current_pid() == second


def test_steps_are_named_in_the_edit_menu(qtbot, window):
    page = window.page
    tab = page.tab_widgets["indicators"]
    page.tabs.setCurrentWidget(tab)
    grid = tab.grid
    QGuiApplication.clipboard().setText("\n".join("\t".join(["a"] * 5) for _ in range(3)))
    grid.setCurrentIndex(grid.model().index(0, im.COL_LEVEL1))
    grid.paste()
    assert plain(window.undo_action.text()) == "撤销 粘贴 3 行 × 5 列"
    flags = grid.selectionModel().SelectionFlag
    grid.selectionModel().select(QItemSelection(grid.model().index(0, 0), grid.model().index(1, 0)),
                                 flags.ClearAndSelect | flags.Rows)
    grid.delete_rows()
    assert plain(window.undo_action.text()) == "撤销 删除 2 行指标"
    grid.selectionModel().setCurrentIndex(grid.model().index(0, im.COL_TARGET),
                                          flags.ClearAndSelect)
    grid.clear_selection()
    assert plain(window.undo_action.text()) == "撤销 清除 年度指标值"
    window.undo()
    window.undo()
    assert plain(window.redo_action.text()) == "重做 删除 2 行指标"


def test_ending_without_closing_the_window_raises_nothing(qtbot, tmp_path, path):
    from shiboken6 import delete
    from selfeval_desktop.ui.main_window import MainWindow
    window = MainWindow(temp_settings(tmp_path))
    assert window.file_actions.open_path(path)
    window.session.set_value("unit", None, None, "name", "某县科技局")
    delete(window)          # as at interpreter exit: the window and its stack destroyed unclosed


def test_an_undo_message_goes_with_the_next_edit_and_with_the_file(qtbot, window, path, tmp_path):
    """“已撤销：粘贴 …” stood on after a new paste, as if that had been undone, and
    after opening another file it named a project of the first."""
    session = window.session
    p1 = session.document.projects[0]
    session.set_value("indicator", p1.id, p1.indicators[2].id, "actual", "明显提升")
    window.undo()
    assert window.statusBar().currentMessage().startswith("已撤销：")
    session.set_value("indicator", p1.id, p1.indicators[2].id, "actual", "有所提升")
    assert not window.statusBar().currentMessage().startswith("已撤销：")
    window.undo()
    assert window.statusBar().currentMessage().startswith("已撤销：")
    (tmp_path / "other").mkdir()
    other = make_file(tmp_path / "other", two_projects())
    assert window.file_actions.open_path(other)
    assert not window.statusBar().currentMessage().startswith("已撤销：")


def test_undoing_an_inserted_row_leaves_the_cursor_where_it_was(qtbot, window):
    """After undoing an insert the cursor jumped to the last data row."""
    page = window.page
    page.tabs.setCurrentWidget(page.tab_widgets["indicators"])
    grid = page.tab_widgets["indicators"].grid
    model = grid.model()
    grid.setFocus()
    grid.setCurrentIndex(model.index(1, im.COL_NAME))
    grid.insert_row(0)                                  # above row 2: the new row is row 2
    assert grid.currentIndex().row() == 1 and model.data_rows == 5
    window.undo()
    assert model.data_rows == 4 and grid.currentIndex().row() == 1


def test_undoing_the_spending_classification_stays_on_the_budget_tab(qtbot, tmp_path):
    """Ctrl+Z of a 支出科目按 change went to 项目概况, away from what came back."""
    from selfeval_desktop.domain.model import SpendingScheme
    from tests.ui.ui_fixtures import make_file
    window = make_window(qtbot, tmp_path, make_file(tmp_path))
    budget = window.page.tab_widgets["budget"]
    window.page.tabs.setCurrentWidget(budget)
    box = budget.scheme_box
    box.setCurrentIndex(box.findData(SpendingScheme.RD2011.value))
    box.activated.emit(box.currentIndex())
    window.undo_actions.undo()
    assert window.session.project(window.page.pid).spending_scheme is SpendingScheme.ECONOMIC
    assert window.page.tabs.currentWidget() is budget
