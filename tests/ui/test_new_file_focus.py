"""After 文件 → 新建 the keys were in the project list, where nothing shows them,
and the first project's name she typed went nowhere. A new file now starts where she starts
typing, as 新增项目 (Ctrl+Shift+N) does; a file opened again still starts in the project list."""
from __future__ import annotations

from pathlib import Path

import pytest

from selfeval_desktop.ui import file_actions
from selfeval_desktop.ui.qt import QApplication, QFileDialog, Qt

from tests.ui.real_keys import idle, key, type_keys
from tests.ui.shell_helpers import OFFSCREEN_NOISE, activate, make_window
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def new_file(qtbot, window, monkeypatch, tmp_path, scope: str) -> Path:
    """Ctrl+N, the dialog answered (unit, year, rule, scope), the file saved as 新文件.sqlite."""
    monkeypatch.setattr(file_actions, "ask_new_document",
                        lambda parent: ("某县科学技术局", 2021, "mof2020", scope))
    target = tmp_path / "新文件.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    activate(qtbot, window)
    key(qtbot, K.Key_N, CTRL, widget=QApplication.focusWidget() or window)
    assert window.session is not None and Path(window.session.path) == target
    return target


@pytest.mark.parametrize("scope", ["project", "both"])
@pytest.mark.parametrize("opened", [False, True])
def test_a_new_file_starts_in_its_first_projects_name(qtbot, tmp_path, path, monkeypatch, scope,
                                                      opened):
    window = make_window(qtbot, tmp_path, path if opened else None)
    target = new_file(qtbot, window, monkeypatch, tmp_path, scope)
    page = window.page
    overview = page.tab_widgets["overview"]
    assert page.tabs.currentWidget() is overview
    assert QApplication.focusWidget() is overview.edits["name"]
    type_keys(qtbot, "项目一")
    idle(qtbot)
    doc = reread(target)
    assert doc.project_list()[0].name == "项目一"
    assert page.pid == doc.project_list()[0].id


def test_a_new_department_file_starts_in_its_name(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path)
    new_file(qtbot, window, monkeypatch, tmp_path, "department")
    department = window.page.department
    assert window.page.right.currentWidget() is department
    assert QApplication.focusWidget() is department.name


def test_a_file_opened_again_still_starts_in_the_project_list(qtbot, tmp_path, path):
    window = make_window(qtbot, tmp_path)
    assert window.file_actions.open_path(path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    assert QApplication.focusWidget() is window.page.projects.view
