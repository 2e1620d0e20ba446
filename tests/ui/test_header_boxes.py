"""The header's 评分规则 and 评价年度 boxes: the wheel and the arrow keys
change neither, a new rule is confirmed with what it changes, a year typed is said and is one undo
step; the header keeps its width whatever the project's name."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.qt import QApplication, QMessageBox, QtCore, QtGui, Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE
from tests.ui.ui_fixtures import reread

# offscreen cannot raise or grab (a popup opened): no fault of ours
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support")


def wheel(widget, steps: int = 1) -> None:
    pos = QtCore.QPointF(widget.rect().center())
    event = QtGui.QWheelEvent(pos, QtCore.QPointF(widget.mapToGlobal(pos.toPoint())),
                              QtCore.QPoint(0, 0), QtCore.QPoint(0, 120 * steps),
                              Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                              Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_wheel_over_the_header_boxes_changes_nothing(qtbot, window, path):
    header = window.page.header
    window.page.tab_widgets["overview"].setFocus()
    for _ in range(3):
        wheel(header.profile, -1)
        wheel(header.year, 1)
    header.flush()
    doc = reread(path)
    assert (doc.profile_id, doc.year) == ("mof2020", 2021)
    assert header.profile.currentData() == "mof2020" and header.year.value() == 2021
    assert header.profile.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert header.year.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_arrow_key_on_the_rule_box_opens_its_list_and_changes_nothing(qtbot, window, path,
                                                                      monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: asked.append(1))
    box = window.page.header.profile
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    box.hidePopup()
    assert reread(path).profile_id == "mof2020" and box.currentData() == "mof2020"
    assert asked == []


def choose_profile(header, profile_id):
    index = header.profile.findData(profile_id)
    header.profile.setCurrentIndex(index)
    header.profile.activated.emit(index)


def test_a_new_rule_is_confirmed_with_what_changes(qtbot, window, path, monkeypatch):
    asked = []
    header = window.page.header
    monkeypatch.setattr("selfeval_desktop.ui.header.confirm_profile_change",
                        lambda parent, text: asked.append(text) or False)
    choose_profile(header, "hubei")
    assert reread(path).profile_id == "mof2020"
    assert header.profile.currentData() == "mof2020"     # the box shows the rule in force
    [text] = asked
    assert "全部 1 个项目将按“湖北省" in text and "预算执行率分值 10→20" in text
    assert "产出指标 50→40" in text
    assert "科技创新服务项目" in text           # its score changes: named with before → after
    monkeypatch.setattr("selfeval_desktop.ui.header.confirm_profile_change",
                        lambda parent, text: True)
    choose_profile(header, "hubei")
    assert reread(path).profile_id == "hubei"
    assert window.session.undo_stack.undoText() == "更改评分规则"
    window.undo()
    assert reread(path).profile_id == "mof2020"


def test_year_change_is_an_undo_step_named_for_it(qtbot, window, path):
    header = window.page.header
    header.year.setValue(2022)
    header.commit_year()
    assert reread(path).year == 2022
    assert window.session.undo_stack.undoText() == "更改评价年度"


def test_an_arrow_key_on_the_year_box_changes_nothing_and_says_how_to(qtbot, window, path):
    """Tab to 评价年度, then ↓ (on the way down to the form) made the whole file
    2020, saved at once, with nothing said."""
    header = window.page.header
    header.year.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):   # each alone would step it down
        qtbot.keyClick(header.year, key)
    from selfeval_desktop.ui.qt import QToolTip
    assert "直接输入年份" in QToolTip.text()
    header.flush()
    assert header.year.value() == 2021 and reread(path).year == 2021
    assert window.session.undo_stack.count() == 0


def test_a_typed_year_is_said_in_the_status_bar_and_ctrl_z_in_the_box_undoes_it(qtbot, window,
                                                                                path):
    header = window.page.header
    header.year.setFocus()
    header.year.lineEdit().selectAll()
    qtbot.keyClicks(header.year, "2022")
    qtbot.keyClick(header.year, Qt.Key.Key_Return)
    assert reread(path).year == 2022
    assert "评价年度已改为 2022 年度" in window.statusBar().currentMessage()
    assert header.year.hasFocus()
    qtbot.keyClick(header.year, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reread(path).year == 2021 and header.year.value() == 2021


def test_header_keeps_its_width_whatever_the_project_name(qtbot, window):
    header = window.page.header
    session = window.session
    pid = window.page.pid
    QApplication.processEvents()
    before = header.badge.geometry()
    session.set_value("project", pid, None, "name", "科技" * 40)
    QApplication.processEvents()
    assert header.badge.geometry() == before
    assert header.badge.caption.toolTip() == "科技" * 40
    session.set_value("project", pid, None, "name", "短")
    QApplication.processEvents()
    assert header.badge.geometry() == before
