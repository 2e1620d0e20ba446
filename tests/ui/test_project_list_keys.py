"""The project list from the keyboard (review 30).

P2-1: F2, a new name and Enter (or Tab) saved the name but left the keys on the 新增 button, with no
focus frame: ↓ then walked the buttons (Space would duplicate or delete). P3-16: → or a Tab left
the current cell on 得分/等次, where F2 did nothing. P3-14: Ctrl+V in the list did nothing and said
nothing.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.domain.model import Project
from selfeval_desktop.ui.project_list import COL_NAME
from selfeval_desktop.ui.qt import QApplication, Qt

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


@pytest.fixture
def window(qtbot, tmp_path, path):
    return make_window(qtbot, tmp_path, path)


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
