"""On the 部门整体 page the header's 评分规则 names the department's rule (it still
showed the projects' rule, which does not score the department)."""
from __future__ import annotations

import pytest

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, with_department

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_department_page_shows_the_department_rule(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, make_file(tmp_path, with_department()))
    header, session = window.page.header, window.session
    dept = session.document.department
    project = session.document.project_list()[0]
    window.page.projects.select_pid(dept.id)
    assert header.department_profile.isVisible() and not header.profile.isVisible()
    assert header.department_profile.text() == session.profile(dept.id).name
    assert header.department_profile.text() != header.profile.currentText()
    window.page.projects.select_pid(project.id)
    assert header.profile.isVisible() and not header.department_profile.isVisible()
    assert header.profile.currentText() == session.profile(project.id).name


def test_a_read_only_windows_unit_and_year_look_locked(qtbot, tmp_path, monkeypatch):
    """In a read-only window 单位 and 年度 looked editable (white, spin arrows)."""
    from selfeval_desktop.ui import lock_dialog
    from tests.ui.shell_helpers import make_window
    from tests.ui.ui_fixtures import make_file
    path = make_file(tmp_path)
    first = make_window(qtbot, tmp_path, path, show=False)
    monkeypatch.setattr(lock_dialog, "ask_lock", lambda *a: True)
    second = make_window(qtbot, tmp_path, show=False)
    assert second.file_actions.open_path(path) and second.session.readonly
    header = second.page.header
    assert header.year.buttonSymbols() == header.year.ButtonSymbols.NoButtons
    assert "palette(window)" in header.unit.styleSheet()
    assert first.page.header.year.buttonSymbols() == header.year.ButtonSymbols.UpDownArrows
