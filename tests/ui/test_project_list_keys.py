"""The project list from the keyboard.

F2, a new name and Enter (or Tab) saved the name but left the keys on the 新增 button, with no
focus frame: ↓ then walked the buttons (Space would duplicate or delete). → or a Tab left the
current cell on 得分/等次, where F2 did nothing. Ctrl+V in the list did nothing and said
nothing; a list of projects copied from Excel is now added there, as on the 部门整体 page.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.domain.model import Project
from selfeval_desktop.ui import dialogs
from selfeval_desktop.ui.project_list import COL_NAME
from selfeval_desktop.ui.qt import QApplication, QGuiApplication, Qt

from tests.ui.real_keys import key, type_keys
from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, reread, sample_document

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def path(tmp_path):
    doc = sample_document()
    doc.projects.append(Project(name="第二个项目", implementer="县科学技术局"))
    return make_file(tmp_path, doc)


def in_list(qtbot, window, row=0):
    view = window.page.projects.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, COL_NAME))
    qtbot.waitUntil(view.hasFocus)
    return view


@pytest.mark.parametrize("leave", [K.Key_Return, K.Key_Tab])
def test_a_renamed_project_keeps_the_keys_on_its_row(qtbot, window, path, leave):
    view = in_list(qtbot, window)
    key(qtbot, K.Key_F2)
    key(qtbot, K.Key_End)
    type_keys(qtbot, "（一期）")
    key(qtbot, leave)
    assert reread(path).projects[0].name == "科技创新服务项目（一期）"
    assert QApplication.focusWidget() is view
    current = view.currentIndex()
    assert (current.row(), current.column()) == (0, COL_NAME)
    key(qtbot, K.Key_Down)                        # on to the next project
    assert QApplication.focusWidget() is view and view.currentIndex().row() == 1
    assert window.page.pid == window.session.document.projects[1].id
    key(qtbot, K.Key_F2)                          # and F2 renames that one
    assert QApplication.focusWidget() is not view and view.isAncestorOf(QApplication.focusWidget())


@pytest.mark.parametrize("move", [K.Key_Right, K.Key_End])
def test_the_current_cell_stays_on_the_name(qtbot, window, move):
    view = in_list(qtbot, window)
    key(qtbot, move)
    assert view.currentIndex().column() == COL_NAME and view.currentIndex().row() == 0
    key(qtbot, K.Key_F2)                          # F2 still renames
    assert view.isAncestorOf(QApplication.focusWidget())
    key(qtbot, K.Key_Escape)
    assert QApplication.focusWidget() is view


SEED_002 = ("项目名称\t实施单位\t全年预算数（万元）\t全年执行数（万元）\r\n"
            "高频开关电源节能技术应用项目\t天成科技\t270\t270\r\n"
            "高性能塑料管材研发\t北塑管业\t100\t95\r\n")


def test_ctrl_v_in_the_list_adds_the_pasted_projects(qtbot, window, path, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "choose",
                        lambda parent, title, text, buttons, *a, **k: asked.append(buttons) or 0)
    view = in_list(qtbot, window, row=1)
    QGuiApplication.clipboard().setText(SEED_002)
    key(qtbot, K.Key_V, CTRL)
    assert asked == [["新增 2 个项目", "取消"]]
    doc = reread(path)
    assert [(p.name, p.implementer, p.funding.annual_budget) for p in doc.projects[2:]] == [
        ("高频开关电源节能技术应用项目", "天成科技", 2_700_000_00),
        ("高性能塑料管材研发", "北塑管业", 1_000_000_00)]
    assert "已新增 2 个项目" in window.statusBar().currentMessage()
    # the first one pasted is selected, the keys still in the list
    assert window.page.pid == doc.projects[2].id and QApplication.focusWidget() is view
    window.undo()                                 # one step
    assert len(reread(path).projects) == 2


def test_ctrl_v_in_the_list_says_what_it_needs(qtbot, window, path):
    in_list(qtbot, window)
    QGuiApplication.clipboard().setText("")
    key(qtbot, K.Key_V, CTRL)
    assert "剪贴板中没有内容" in window.statusBar().currentMessage()
    assert len(reread(path).projects) == 2


def test_indicators_copied_from_the_grid_are_not_pasted_as_projects(qtbot, tmp_path, monkeypatch):
    """Six indicator columns copied from the 绩效指标 grid, then Ctrl+V in the
    list, asked to add the project “产出指标 预算 10 万元” with 新增 as the default button."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.ui.qt import QItemSelection, QItemSelectionModel
    path = make_file(tmp_path, build_demo("003"))
    window = make_window(qtbot, tmp_path, path)
    asked = []
    monkeypatch.setattr(dialogs, "choose",
                        lambda parent, title, text, buttons, *a, **k: asked.append(text) or 0)
    indicators = window.page.tab_widgets["indicators"]
    window.page.tabs.setCurrentWidget(indicators)
    grid = indicators.grid
    grid.setFocus()
    model = grid.model()
    grid.setCurrentIndex(model.index(0, 0))
    grid.selectionModel().select(
        QItemSelection(model.index(0, 0), model.index(model.rowCount() - 2, 5)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect)
    key(qtbot, K.Key_C, CTRL, widget=grid)
    assert QGuiApplication.clipboard().text().startswith("产出指标\t质量指标\t")
    before = len(reread(path).projects)
    in_list(qtbot, window)
    key(qtbot, K.Key_V, CTRL)
    assert asked == []
    assert "这像是绩效指标，请在“绩效指标”表格中粘贴" in window.statusBar().currentMessage()
    assert len(reread(path).projects) == before
    QGuiApplication.clipboard().setText("服务对象满意度")     # one word copied from a cell
    key(qtbot, K.Key_V, CTRL)
    assert asked == [] and "这像是绩效指标" in window.statusBar().currentMessage()


def test_without_a_title_row_enter_cancels_the_paste(qtbot, window, path, monkeypatch):
    """Read by what the columns hold, the projects are a guess: 取消 is the default button (one
    Enter made a junk project); with a title row, 新增 stays the default."""
    defaults = []
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, buttons, default=0, **k:
                        defaults.append(buttons[default]) or 1)
    in_list(qtbot, window)
    QGuiApplication.clipboard().setText("科普宣传活动\t15.56\r\n")
    key(qtbot, K.Key_V, CTRL)
    QGuiApplication.clipboard().setText(SEED_002)
    key(qtbot, K.Key_V, CTRL)
    assert defaults == ["取消", "新增 2 个项目"]
    assert len(reread(path).projects) == 2
