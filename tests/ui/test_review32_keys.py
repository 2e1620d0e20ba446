"""Review 32's keyboard and focus points (P3-1, P3-2, P3-4, P3-8, P3-9) and review 30's still open
↓ on 本地区称 and the 部门整体 page's tab keys.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.qt import QApplication, QInputMethodEvent, Qt

from tests.ui.real_keys import key, type_keys
from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
K = Qt.Key
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


@pytest.fixture
def window(qtbot, tmp_path, path):
    window = make_window(qtbot, tmp_path, path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def show(window, name):
    tab = window.page.tab_widgets[name]
    window.page.tabs.setCurrentWidget(tab)
    return tab


def focus(qtbot, widget):
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


# ------------------------------------------------------------ Enter in the page's last field

def test_enter_in_the_pages_last_field_commits_and_stays(qtbot, window, path):
    """Review 32 P3-4: Enter in 实际支出 (the 预算表's last field) went on to the 问题清单's
    “只看当前项目”, where the next Space turned its filter."""
    spent = show(window, "budget").spent
    focus(qtbot, spent)
    spent.selectAll()
    type_keys(qtbot, "19.5")
    key(qtbot, K.Key_Return)
    assert QApplication.focusWidget() is spent
    assert reread(path).projects[0].funding.spent_total == 19_500_000
    key(qtbot, K.Key_Space)
    assert window.checks.only_current.isChecked()


def test_shift_enter_in_the_pages_first_field_stays(qtbot, window):
    name = show(window, "overview").edits["name"]
    focus(qtbot, name)
    key(qtbot, K.Key_Return, SHIFT)
    assert QApplication.focusWidget() is name


def test_enter_while_an_input_method_composes_goes_to_the_field(qtbot, window):
    """Review 32 P3-9: an Enter that confirms the input method's candidate (a pre-edit “zhong” on
    screen) moved on to the next field and the word went there, or nowhere."""
    edits = show(window, "overview").edits
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
    """Review 32 P3-9: “已新增 2 个项目…” of the file before was still in the status bar after
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
    """Review 30, still open in review 32: ↓ on 本地区称 on the way down the 预算表 turned 省级财政
    into 自治区财政, printed on the forms, with nothing said. As the header's 评分规则 box: the
    key opens the list, a choice is made there."""
    box = show(window, "budget").region_box
    focus(qtbot, box)
    qtbot.keyClick(box, k)
    assert box.currentData() == "省级" and reread(path).unit.region_word in ("", None, "省级")
    assert box.view().isVisible()
    box.hidePopup()
