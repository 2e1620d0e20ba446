"""Two windows on one file: the lock beside the document."""
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from selfeval_desktop.db.file_lock import FileLock, LockInfo, lock_path_for

from tests.file_helpers import dead_pid, garbled_old_lock

ROOT = Path(__file__).resolve().parents[2]


def test_lock_file_sits_beside_the_document(tmp_path):
    doc = tmp_path / "2021年自评.sqlite"
    lock = FileLock(doc)
    assert lock.acquire() is None
    assert lock_path_for(doc) == tmp_path / "~$2021年自评.sqlite.lock"
    data = json.loads(lock_path_for(doc).read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid() and data["host"]
    lock.release()
    assert not lock_path_for(doc).exists()


def test_second_lock_in_same_process_is_refused_until_released(tmp_path):
    doc = tmp_path / "a.sqlite"
    first, second = FileLock(doc), FileLock(doc)
    assert first.acquire() is None
    holder = second.acquire()
    assert holder is not None and holder.pid == os.getpid()
    assert "本机的另一个窗口" in holder.describe()
    second.release()  # not held: must not remove the first window's lock
    assert lock_path_for(doc).exists()
    first.release()
    assert second.acquire() is None
    second.release()


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path):
    doc = tmp_path / "a.sqlite"
    stale = LockInfo(dead_pid(), LockInfo.mine().host, "someone", "2021-01-01T08:00:00")
    lock_path_for(doc).write_text(stale.to_json(), encoding="utf-8")
    lock = FileLock(doc)
    assert lock.acquire() is None
    assert LockInfo.read(lock_path_for(doc)).pid == os.getpid()
    lock.release()


def test_lock_from_another_computer_is_respected(tmp_path):
    doc = tmp_path / "a.sqlite"
    other = LockInfo(dead_pid(), "OTHER-PC-不存在", "wang", "2021-01-01T08:00:00")
    lock_path_for(doc).write_text(other.to_json(), encoding="utf-8")
    holder = FileLock(doc).acquire()
    assert holder == other
    assert "另一台电脑" in holder.describe() and "OTHER-PC-不存在" in holder.describe()


def test_garbled_old_lock_is_taken_over(tmp_path):
    doc = tmp_path / "a.sqlite"
    garbled_old_lock(doc)
    lock = FileLock(doc)
    assert lock.acquire() is None
    lock.release()


HOLDER = """
import sys, time
from selfeval_desktop.db.file_lock import FileLock
lock = FileLock(sys.argv[1])
print("held" if lock.acquire() is None else "refused", flush=True)
time.sleep(60)
"""


def test_lock_held_by_another_process_then_taken_over_after_kill(tmp_path):
    doc = tmp_path / "a.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(doc)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        holder = FileLock(doc).acquire()
        assert holder is not None and holder.pid == proc.pid
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    lock = FileLock(doc)
    assert lock.acquire() is None  # the killed process's lock is stale
    lock.release()



# ---------------------------------------------------------------- in the window

import pytest  # noqa: E402

from selfeval_desktop.db import file_lock  # noqa: E402
from selfeval_desktop.ui import lock_dialog  # noqa: E402
from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window  # noqa: E402
from tests.ui.ui_fixtures import make_file, reread  # noqa: E402


def answer(monkeypatch, readonly: bool) -> list:
    asked = []

    def ask(parent, path, holder):
        asked.append(holder)
        return readonly
    monkeypatch.setattr(lock_dialog, "ask_lock", ask)
    return asked


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_second_window_is_told_and_may_cancel(qtbot, tmp_path, monkeypatch):
    path = make_file(tmp_path)
    first = make_window(qtbot, tmp_path, path, show=False)
    asked = answer(monkeypatch, readonly=False)
    second = make_window(qtbot, tmp_path, show=False)
    assert not second.file_actions.open_path(path)
    assert asked and asked[0].pid == os.getpid()
    assert second.session is None
    assert not first.session.readonly


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_second_window_read_only_cannot_change_anything(qtbot, tmp_path, monkeypatch):
    path = make_file(tmp_path)
    first = make_window(qtbot, tmp_path, path, show=False)
    answer(monkeypatch, readonly=True)
    second = make_window(qtbot, tmp_path, show=False)
    assert second.file_actions.open_path(path)
    assert second.session.readonly and "只读" in second.windowTitle()
    page = second.page
    assert page.tab_widgets["overview"].edits["name"].isReadOnly()
    assert not page.projects.add_button.isEnabled()
    assert page.header.readonly_note.isVisibleTo(page.header)
    before = path.read_bytes()
    assert page.projects.add_project() is None
    assert second.session.set_value("project", page.pid, None, "name", "改") is not None
    assert path.read_bytes() == before
    # the first window still edits, and closing the read-only one keeps its lock
    second.close()
    first.session.set_value("project", first.page.pid, None, "leader", "李四")
    assert reread(path).projects[0].leader == "李四"
    assert lock_path_for(path).exists()
    first.close()
    assert not lock_path_for(path).exists()


HOLDING_APP = r"""
import sys
from selfeval_desktop.app import make_application
app = make_application()
from selfeval_desktop.ui.main_window import MainWindow
from selfeval_desktop.ui.qt import QSettings, QTimer
window = MainWindow(QSettings(sys.argv[2], QSettings.Format.IniFormat))
assert window.file_actions.open_path(sys.argv[1])
window.show()
QTimer.singleShot(0, lambda: print("open", flush=True))
app.exec()
"""


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_window_in_another_process_holds_the_file(qtbot, tmp_path, monkeypatch):
    path = make_file(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", HOLDING_APP, str(path), str(tmp_path / "o.ini")],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "open"
        asked = answer(monkeypatch, readonly=True)
        window = make_window(qtbot, tmp_path, show=False)
        assert window.file_actions.open_path(path)
        assert asked[0].pid == proc.pid and window.session.readonly
        window.close()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    asked.clear()
    window = make_window(qtbot, tmp_path, show=False)
    assert window.file_actions.open_path(path)  # the killed process's lock is stale
    assert not asked and not window.session.readonly


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_an_empty_journal_left_by_a_kill_is_removed_on_opening(qtbot, tmp_path):
    """After a kill mid-paste (rolled back) an empty p1.sqlite-journal stayed beside
    the file; harmless to SQLite, confusing for a user emailing the folder."""
    path = make_file(tmp_path)
    journal = Path(f"{path}-journal")
    journal.write_bytes(b"")
    window = make_window(qtbot, tmp_path, path, show=False)
    assert not window.session.readonly and not journal.exists()
    window.session.set_value("project", window.page.pid, None, "leader", "王五")
    assert reread(path).projects[0].leader == "王五"


def test_a_journal_with_content_is_left_to_sqlite(tmp_path):
    from selfeval_desktop.db.document import open_document
    path = make_file(tmp_path)
    opened = open_document(path)
    journal = Path(f"{path}-journal")
    journal.write_bytes(b"x")
    assert not file_lock.remove_stale_journal(opened.conn, path) and journal.exists()
    journal.unlink()
    opened.close()


def test_the_lock_names_this_computer_and_user_as_the_system_does(monkeypatch):
    """Host and user come from os/environment (no socket/getpass import at start): same answers."""
    import getpass
    import socket
    from selfeval_desktop.db import file_lock
    assert file_lock._host() == socket.gethostname()
    monkeypatch.setenv("LOGNAME", "张会计")
    assert file_lock._user() == "张会计" == getpass.getuser()
    for key in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(key, raising=False)
    assert isinstance(file_lock._user(), str)   # from the system's user table, or "" if none


def test_a_full_disk_leaves_no_lock_and_does_not_stop_the_window(tmp_path, monkeypatch):
    """Writing the lock on a full disk raised OSError and the window never
    appeared; an empty ~$ lock stayed beside the file."""
    import errno
    from selfeval_desktop.db import file_lock
    doc = tmp_path / "自评.sqlite"
    doc.write_bytes(b"")
    real = file_lock.os.fdopen

    class Full:
        def __init__(self, fd, *a, **k):
            self.fh = real(fd, *a, **k)

        def __enter__(self):
            return self

        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __exit__(self, *exc):
            self.fh.close()
    monkeypatch.setattr(file_lock.os, "fdopen", Full)
    lock = file_lock.FileLock(doc)
    assert lock.acquire() is None and not lock.held
    assert not file_lock.lock_path_for(doc).exists()


def test_the_read_only_notice_says_what_fits_its_cause():
    """“腾出磁盘空间” was said of a read-only share too."""
    from selfeval_desktop.db.file_lock import unlockable_notice
    full = unlockable_notice("/u/自评.sqlite", "磁盘已满")
    shared = unlockable_notice("/share/自评.sqlite", "文件夹不允许写入：只读的共享文件夹、光盘，或没有写入权限")
    assert "腾出磁盘空间" in full
    assert "腾出磁盘空间" not in shared and "复制到可以写入的文件夹" in shared
