"""A read-only window follows the window that edits the file: it showed the file as
it was when opened for ever, and printed that."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui import file_reports, lock_dialog
from selfeval_desktop.ui.file_watch import REFRESHED

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def windows(qtbot, tmp_path, monkeypatch):
    path = make_file(tmp_path)
    first = make_window(qtbot, tmp_path, path, show=False)
    monkeypatch.setattr(lock_dialog, "ask_lock", lambda *a: True)     # 只读打开
    second = make_window(qtbot, tmp_path, show=False)
    assert second.file_actions.open_path(path) and second.session.readonly
    return first, second


def test_the_read_only_window_shows_what_the_other_window_typed(qtbot, windows):
    first, second = windows
    pid = first.page.pid
    first.session.set_value("project", pid, None, "leader", "李四")
    qtbot.waitUntil(lambda: second.session.project(pid).leader == "李四", timeout=5000)
    assert second.page.pid == pid
    assert second.page.tab_widgets["overview"].edits["leader"].text() == "李四"
    assert second.statusBar().currentMessage() == REFRESHED


def test_printing_from_the_read_only_window_reads_the_file_first(qtbot, windows, monkeypatch):
    first, second = windows
    pid = first.page.pid
    second.follower.stop()                    # as if no change had been signalled yet
    first.session.set_value("project", pid, None, "name", "改过的名称")
    seen = []

    def fake_select(doc, ids):
        seen.append([p.name for p in doc.projects])
        raise file_reports_error()
    from selfeval_desktop.reports import export

    def file_reports_error():
        return export.ExportError("停在这里")
    monkeypatch.setattr(export, "select", fake_select)
    monkeypatch.setattr(file_reports.qt.QMessageBox, "warning", lambda *a, **k: None)
    file_reports.export_pdf(second.file_actions, "basic")
    assert seen == [["改过的名称"]]


def test_the_read_only_window_offers_to_edit_once_the_other_has_closed(qtbot, windows):
    """Window B stayed 只读 after A closed the file, with no way out but reopening."""
    first, second = windows
    pid = second.page.pid
    assert not second.follower.check_editable()          # A still has it: nothing offered
    first.close_document()
    assert second.follower.check_editable()
    offer = second.follower.offer
    assert offer is not None and "改为可编辑" in offer.text()
    offer.click()
    assert second.session is not None and not second.session.readonly
    assert second.page.pid == pid and second.lock is not None and second.lock.held
    assert second.follower is None                       # editing: nothing to follow
