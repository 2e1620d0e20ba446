"""Keys and the focus in the window's fields and panes: Enter at the page's ends and while an input
method composes, ↓ on 本地区称, F6 between the panes, the 部门整体 page's tab keys, the project
list's focus look, and the status bar when another file is opened.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.qt import QApplication, QInputMethodEvent, Qt

from tests.ui.real_keys import key, type_keys
from tests.ui.shell_helpers import OFFSCREEN_NOISE, activate, make_window, show_tab
from tests.ui.shell_helpers import focus as shell_focus
from tests.ui.ui_fixtures import make_file, reread, with_department

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
K = Qt.Key
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


@pytest.fixture
def window(qtbot, tmp_path, path):
    return activate(qtbot, make_window(qtbot, tmp_path, path))


def focus(qtbot, widget):
    shell_focus(qtbot, widget, Qt.FocusReason.TabFocusReason)   # as Tab gives it


# ------------------------------------------------------------ Enter in the page's last field

def test_enter_in_the_pages_last_field_commits_and_stays(qtbot, window, path):
    """Enter in 实际支出 (the 预算表's last field) went on to the 问题清单's
    “只看当前项目”, where the next Space turned its filter."""
    spent = show_tab(window, "budget").spent
    focus(qtbot, spent)
    spent.selectAll()
    type_keys(qtbot, "19.5")
    key(qtbot, K.Key_Return)
    assert QApplication.focusWidget() is spent
    assert reread(path).projects[0].funding.spent_total == 19_500_000
    key(qtbot, K.Key_Space)
    assert window.checks.only_current.isChecked()


def test_shift_enter_in_the_pages_first_field_stays(qtbot, window):
    name = show_tab(window, "overview").edits["name"]
    focus(qtbot, name)
    key(qtbot, K.Key_Return, SHIFT)
    assert QApplication.focusWidget() is name


def test_enter_while_an_input_method_composes_goes_to_the_field(qtbot, window):
    """An Enter that confirms the input method's candidate (a pre-edit “zhong” on
    screen) moved on to the next field and the word went there, or nowhere."""
    edits = show_tab(window, "overview").edits
    leader = edits["leader"]
    focus(qtbot, leader)
    leader.clear()
    QApplication.sendEvent(leader, QInputMethodEvent("zhong", []))
    key(qtbot, K.Key_Return)
    assert QApplication.focusWidget() is leader
    done = QInputMethodEvent("", [])            # the input method confirms its candidate
    done.setCommitString("中")
    QApplication.sendEvent(QApplication.focusWidget(), done)
    assert leader.text() == "中"
    key(qtbot, K.Key_Return)                    # nothing composing: Enter goes on again
    assert QApplication.focusWidget() is edits["phone"]


# ------------------------------------------------------------ the status bar

def test_a_status_message_of_the_last_file_goes_when_another_is_opened(qtbot, window, tmp_path):
    """“已新增 2 个项目…” of the file before was still in the status bar after
    another file was opened."""
    window.statusBar().showMessage("已新增 2 个项目（可撤销 Ctrl+Z）")
    (tmp_path / "other").mkdir()
    other = make_file(tmp_path / "other")
    assert window.file_actions.open_path(other)
    assert window.statusBar().currentMessage() == ""
    window.statusBar().showMessage("已新增 2 个项目（可撤销 Ctrl+Z）")
    assert window.close_document()
    assert window.statusBar().currentMessage() == ""


# ------------------------------------------------------------ 本地区称

@pytest.mark.qt_log_ignore("This plugin does not support")     # the popup, offscreen
@pytest.mark.parametrize("k", [K.Key_Down, K.Key_Up, K.Key_PageDown, K.Key_End])
def test_an_arrow_on_the_region_box_opens_its_list_and_changes_nothing(qtbot, window, path, k):
    """↓ on 本地区称 on the way down the 预算表 turned 省级财政
    into 自治区财政, printed on the forms, with nothing said. As the header's 评分规则 box: the
    key opens the list, a choice is made there."""
    box = show_tab(window, "budget").region_box
    focus(qtbot, box)
    qtbot.keyClick(box, k)
    assert box.currentData() == "省级" and reread(path).unit.region_word in ("", None, "省级")
    assert box.view().isVisible()
    box.hidePopup()


# ------------------------------------------------------------ F6

@pytest.mark.qt_log_ignore("This plugin does not support")     # raise(), offscreen
def test_f6_reaches_the_floated_checks_list_and_comes_back_from_it(qtbot, window):
    """With the 问题清单 floated, F6 from a grid left the focus on the grid each
    time (the focus set in a window that is not the active one went nowhere), and F6 inside the
    floated 问题清单 did nothing."""
    from selfeval_desktop.ui.models import indicator_model as im
    checks = window.checks
    checks.setFloating(True)
    qtbot.waitUntil(lambda: checks.isVisible() and checks.isWindow(), timeout=2000)
    grid = show_tab(window, "indicators").grid
    focus(qtbot, grid)
    grid.setCurrentIndex(grid.model().index(1, im.COL_ACTUAL))
    key(qtbot, K.Key_F6)
    qtbot.waitUntil(lambda: checks.list.hasFocus(), timeout=2000)
    key(qtbot, K.Key_F6)                                    # from inside the floated window
    qtbot.waitUntil(lambda: window.page.projects.view.hasFocus(), timeout=2000)
    key(qtbot, K.Key_F6, SHIFT)
    qtbot.waitUntil(lambda: checks.list.hasFocus(), timeout=2000)
    key(qtbot, K.Key_F6, SHIFT)
    qtbot.waitUntil(lambda: grid.hasFocus(), timeout=2000)


def test_f6_back_to_the_page_returns_to_where_she_was(qtbot, window):
    """F6 back to the page put the cursor in its first field and scrolled it to
    the top; she was in 项目负责人, or on row 3 of a grid. The first time: the first field."""
    from selfeval_desktop.ui.models import indicator_model as im
    overview = show_tab(window, "overview")
    focus(qtbot, window.page.projects.view)
    key(qtbot, K.Key_F6)
    assert QApplication.focusWidget() is overview.edits["name"]      # never there before
    leader = overview.edits["leader"]
    focus(qtbot, leader)
    for _ in range(3):                                  # list → 问题清单 → page (F6 goes round)
        key(qtbot, K.Key_F6)
    assert QApplication.focusWidget() is leader
    grid = show_tab(window, "indicators").grid
    focus(qtbot, grid)
    grid.setCurrentIndex(grid.model().index(2, im.COL_ACTUAL))
    key(qtbot, K.Key_F6, SHIFT)
    assert window.page.projects.view.hasFocus()
    key(qtbot, K.Key_F6)
    assert grid.hasFocus() and grid.currentIndex().row() == 2
    assert grid.currentIndex().column() == im.COL_ACTUAL


# ------------------------------------------------------------ the 部门整体 page

@pytest.fixture
def department_window(qtbot, tmp_path):
    (tmp_path / "d").mkdir()
    window = make_window(qtbot, tmp_path, make_file(tmp_path / "d", with_department()))
    window.page.projects.select_pid(window.session.document.department.id)
    activate(qtbot, window)
    return window


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_tab_keys_switch_the_department_pages(qtbot, department_window):
    """Alt+1…3 and Ctrl+PgUp/PgDn did nothing on the 部门整体
    page, though F1 lists them."""
    department = department_window.page.department
    pages = department.pages
    focus(qtbot, department_window.page.projects.view)
    key(qtbot, K.Key_2, ALT)
    assert pages.currentWidget() is department.info
    assert department.info.isAncestorOf(QApplication.focusWidget())     # typing goes on there
    key(qtbot, K.Key_PageDown, CTRL)
    assert pages.currentWidget() is department.conclusion
    assert department.conclusion.isAncestorOf(QApplication.focusWidget())
    key(qtbot, K.Key_PageDown, CTRL)                                    # round to the first
    assert pages.currentWidget() is department.indicators
    key(qtbot, K.Key_4, ALT)                                            # no fourth page
    assert pages.currentWidget() is department.indicators
    key(qtbot, K.Key_3, ALT)
    assert pages.currentWidget() is department.conclusion


# ------------------------------------------------------------ the project list's focus look

def test_the_project_list_shows_whether_it_has_the_keys(qtbot, window):
    """The project list looked the same focused and not, and F6 lands there,
    where Ctrl+V, Delete and F2 act on projects. As the grids: grey unless it has the focus."""
    from selfeval_desktop.ui.qt import QPalette
    grey = "#d9d9d9"                               # the grids' grey (grid.focus)
    view = window.page.projects.view

    def highlights():
        return {view.palette().color(group, QPalette.ColorRole.Highlight).name()
                for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)}

    focus(qtbot, window.page.header.unit)
    assert highlights() == {grey}
    key(qtbot, K.Key_F6)                           # header → the first pane: the list
    assert view.hasFocus() and grey not in highlights()
    key(qtbot, K.Key_F2)                           # renaming: still the list's keys
    assert grey not in highlights()
    key(qtbot, K.Key_Escape)
    key(qtbot, K.Key_F6)
    assert not view.hasFocus() and highlights() == {grey}
