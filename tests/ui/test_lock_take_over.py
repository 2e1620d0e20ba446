"""A lock left by another computer (a laptop that logged out or lost power, on a
U盘 or a shared folder) could never be overridden: only 只读打开 / 取消, no 改为可编辑 in the
read-only window, and on Windows the hidden ``~$`` file cannot be found to delete. Now, as in
Word and Excel, the question says how old the lock is and offers 仍然编辑… after a confirmation;
a second window on this computer still gets only 只读打开."""
from datetime import datetime, timedelta
import os

import pytest

from selfeval_desktop.db import file_lock
from selfeval_desktop.db.file_lock import FileLock, LockInfo, lock_path_for
from selfeval_desktop.ui import lock_dialog
from selfeval_desktop.ui.qt import QMessageBox
from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

THREE_DAYS_AGO = (datetime.now() - timedelta(days=3, minutes=5)).isoformat(timespec="seconds")
LEFT = {"pid": 4242, "host": "KJJ-PC01", "user": "wangli", "time": THREE_DAYS_AGO}


def leave_lock(doc, data=None) -> bytes:
    """The ~$ file a laptop that lost power left beside ``doc`` (its exact bytes)."""
    import json
    raw = json.dumps(data or LEFT, ensure_ascii=False).encode("utf-8")
    lock_path_for(doc).write_bytes(raw)
    return raw


def other() -> LockInfo:
    return LockInfo(LEFT["pid"], LEFT["host"], LEFT["user"], LEFT["time"])


# ---------------------------------------------------------------- the lock itself

def test_a_lock_says_how_old_it_is():
    lock = LockInfo(1, "KJJ-PC01", "wangli", "2026-01-01T17:02:11")
    now = datetime(2026, 1, 4, 18, 0, 0)
    assert lock.age(now) == "3 天前"
    assert lock.age(datetime(2026, 1, 1, 17, 2, 50)) == "刚刚"
    assert lock.age(datetime(2026, 1, 1, 17, 30)) == "27 分钟前"
    assert lock.age(datetime(2026, 1, 2, 5, 3)) == "12 小时前"
    assert lock.age(datetime(2025, 12, 31)) == ""           # the other PC's clock is ahead
    assert LockInfo(1, "x", "", "坏").age() == ""
    assert other().describe() == (f"另一台电脑（wangli@KJJ-PC01）自 {THREE_DAYS_AGO.replace('T', ' ')} "
                                  "起，3 天前")


def test_only_another_computers_lock_may_be_taken_over(tmp_path):
    assert other().from_another_computer()
    assert not LockInfo.mine().from_another_computer()
    doc = tmp_path / "h1.sqlite"
    mine = FileLock(doc)
    assert mine.acquire() is None
    # a second window of this computer: the first one is really open
    second = FileLock(doc)
    assert second.take_over(LockInfo.read(lock_path_for(doc))) is not None and not second.held
    assert LockInfo.read(lock_path_for(doc)).pid == os.getpid() and mine.held
    mine.release()


def test_take_over_replaces_the_lock_and_give_back_restores_it_byte_for_byte(tmp_path):
    doc = tmp_path / "h1.sqlite"
    raw = leave_lock(doc)
    lock = FileLock(doc)
    assert lock.acquire() == other()
    assert lock.take_over(other()) is None and lock.held
    assert LockInfo.read(lock_path_for(doc)).host == LockInfo.mine().host
    lock.give_back()
    assert lock_path_for(doc).read_bytes() == raw


def test_a_lock_that_changed_while_the_clerk_was_asked_is_not_taken(tmp_path):
    doc = tmp_path / "h1.sqlite"
    raw = leave_lock(doc, dict(LEFT, time="2026-01-02T08:00:00"))   # that PC opened it again
    lock = FileLock(doc)
    assert lock.take_over(other()) is not None and not lock.held
    assert lock_path_for(doc).read_bytes() == raw
    assert not file_lock.clear_abandoned(doc, other()) and lock_path_for(doc).read_bytes() == raw


# ---------------------------------------------------------------- the question

def answer_box(monkeypatch, clicks: list[str]) -> list[list[str]]:
    """Answer each QMessageBox with the next button of ``clicks``; the buttons each one had."""
    shown = []

    def exec_(box):
        shown.append([b.text() for b in box.buttons()])
        label = clicks.pop(0)
        next(b for b in box.buttons() if b.text() == label).click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def test_another_computers_lock_offers_to_edit_anyway_after_a_confirmation(qapp, tmp_path,
                                                                           monkeypatch):
    asked = []
    monkeypatch.setattr(lock_dialog, "confirm_take_over",
                        lambda parent, path, holder: asked.append(holder) or len(asked) > 1)
    shown = answer_box(monkeypatch, ["仍然编辑…", "仍然编辑…"])
    assert lock_dialog.ask_lock(None, tmp_path / "h1.sqlite", other()) is lock_dialog.TAKE_OVER
    assert asked == [other(), other()]        # 取消 on the first confirmation: asked again
    assert shown[0] == ["只读打开", "仍然编辑…", "取消"] or sorted(shown[0]) == sorted(
        ["只读打开", "仍然编辑…", "取消"])
    shown = answer_box(monkeypatch, ["只读打开"])
    assert lock_dialog.ask_lock(None, tmp_path / "h1.sqlite", other()) is True


def test_a_second_window_on_this_computer_gets_no_edit_anyway(qapp, tmp_path, monkeypatch):
    shown = answer_box(monkeypatch, ["只读打开"])
    assert lock_dialog.ask_lock(None, tmp_path / "h1.sqlite", LockInfo.mine()) is True
    assert sorted(shown[0]) == sorted(["只读打开", "取消"])


def test_the_confirmation_names_the_computer_and_defaults_to_cancel(qapp, tmp_path, monkeypatch):
    from selfeval_desktop.ui import dialogs
    seen = []

    def choose(parent, title, text, buttons, default=0, kind=None):
        seen.append((text, buttons, default))
        return None          # closed with Esc
    monkeypatch.setattr(dialogs, "choose", choose)
    assert not lock_dialog.confirm_take_over(None, tmp_path / "h1.sqlite", other())
    text, buttons, default = seen[0]
    assert "请确认那台电脑（wangli@KJJ-PC01）已经关闭了“h1.sqlite”，否则两边的修改会互相覆盖" in text
    assert THREE_DAYS_AGO.replace("T", " ") in text and "3 天前" in text
    assert buttons[default] == "取消"


# ---------------------------------------------------------------- in the window

def take_over_answers(monkeypatch, confirm=True):
    monkeypatch.setattr(lock_dialog, "confirm_take_over", lambda *a: confirm)
    return answer_box(monkeypatch, ["仍然编辑…"] + ([] if confirm else ["取消"]))


def test_edit_anyway_opens_the_file_for_editing_with_this_computers_lock(qtbot, tmp_path,
                                                                         monkeypatch):
    path = make_file(tmp_path)
    leave_lock(path)
    take_over_answers(monkeypatch)
    window = make_window(qtbot, tmp_path, show=False)
    assert window.file_actions.open_path(path)
    assert not window.session.readonly
    assert LockInfo.read(lock_path_for(path)).pid == os.getpid()
    assert "已接管另一台电脑（wangli@KJJ-PC01）" in window.statusBar().currentMessage()
    window.session.set_value("project", window.page.pid, None, "leader", "李四")
    assert reread(path).projects[0].leader == "李四"
    window.close()
    assert not lock_path_for(path).exists()


def test_cancel_leaves_the_other_computers_lock_as_it_was(qtbot, tmp_path, monkeypatch):
    path = make_file(tmp_path)
    raw = leave_lock(path)
    before = path.read_bytes()
    monkeypatch.setattr(lock_dialog, "confirm_take_over", lambda *a: False)
    answer_box(monkeypatch, ["仍然编辑…", "取消"])
    window = make_window(qtbot, tmp_path, show=False)
    assert not window.file_actions.open_path(path) and window.session is None
    assert lock_path_for(path).read_bytes() == raw and path.read_bytes() == before


def test_a_file_that_fails_to_open_gives_the_lock_back(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "坏.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + bytes(200))     # not a document that opens
    raw = leave_lock(path)
    take_over_answers(monkeypatch)
    monkeypatch.setattr("selfeval_desktop.ui.file_actions.qt.QMessageBox.warning",
                        lambda *a: None)
    window = make_window(qtbot, tmp_path, show=False)
    assert not window.file_actions.open_path(path)
    assert lock_path_for(path).read_bytes() == raw


def test_the_read_only_window_offers_edit_anyway(qtbot, tmp_path, monkeypatch):
    path = make_file(tmp_path)
    raw = leave_lock(path)
    monkeypatch.setattr(lock_dialog, "ask_lock", lambda *a: True)      # 只读打开 first
    window = make_window(qtbot, tmp_path, show=False)
    assert window.file_actions.open_path(path) and window.session.readonly
    follower = window.follower
    assert follower.check_editable()
    assert "仍然编辑" in follower.offer.text() and "wangli@KJJ-PC01" in follower.offer.text()
    monkeypatch.setattr(lock_dialog, "confirm_take_over", lambda *a: False)
    follower.offer.click()
    assert window.session.readonly and lock_path_for(path).read_bytes() == raw
    monkeypatch.setattr(lock_dialog, "confirm_take_over", lambda *a: True)
    follower.offer.click()
    assert not window.session.readonly
    assert LockInfo.read(lock_path_for(path)).pid == os.getpid()


def test_a_read_only_second_window_on_this_computer_is_offered_nothing(qtbot, tmp_path,
                                                                      monkeypatch):
    path = make_file(tmp_path)
    first = make_window(qtbot, tmp_path, path, show=False)
    monkeypatch.setattr(lock_dialog, "ask_lock", lambda *a: True)
    second = make_window(qtbot, tmp_path, show=False)
    assert second.file_actions.open_path(path) and second.session.readonly
    assert not second.follower.check_editable() and second.follower.offer is None
    first.close()
