"""A lock of this computer written before it last started is stale, whatever process now has its
id: after a power cut Windows may give that id to another program, and the clerk was locked out
of the file on their own PC."""
from __future__ import annotations

from datetime import datetime
import os

import pytest

from selfeval_desktop.db import file_lock
from selfeval_desktop.db.file_lock import FileLock, LockInfo, lock_path_for


@pytest.mark.skipif(file_lock.boot_time() is None, reason="boot time cannot be told here")
def test_a_lock_from_before_the_machine_started_is_stale_even_if_its_pid_runs(tmp_path):
    doc = tmp_path / "自评.sqlite"
    doc.write_bytes(b"")
    mine = LockInfo.mine()
    before_boot = LockInfo(os.getpid(), mine.host, mine.user, "2000-01-01T08:00:00")
    assert file_lock.pid_alive(before_boot.pid) and before_boot.is_stale()
    assert not mine.is_stale()                              # written now, by a live process
    lock_path_for(doc).write_text(before_boot.to_json(), encoding="utf-8")
    lock = FileLock(doc)
    assert lock.acquire() is None and lock.held            # taken: the old one was stale
    lock.release()


def test_boot_time_is_in_the_past():
    booted = file_lock.boot_time()
    assert booted is None or booted < datetime.now().timestamp()


def test_taking_over_on_a_full_disk_puts_the_other_lock_back_and_takes_nothing(tmp_path, monkeypatch):
    """With no room for ours, the other computer's lock was deleted and the file
    opened editable with no lock at all."""
    doc = tmp_path / "自评.sqlite"
    doc.write_bytes(b"")
    other = LockInfo(4242, "KJJ-PC01", "wangli", "2026-12-01T17:02:11")
    lock_path_for(doc).write_text(other.to_json(), encoding="utf-8")
    before = lock_path_for(doc).read_bytes()
    lock = FileLock(doc)
    monkeypatch.setattr(FileLock, "acquire", lambda self: setattr(self, "failure", "磁盘已满"))
    assert lock.take_over(other) == other and not lock.held
    assert lock_path_for(doc).read_bytes() == before


def test_taking_over_where_the_lock_cannot_be_removed_takes_nothing(tmp_path, monkeypatch):
    doc = tmp_path / "自评.sqlite"
    doc.write_bytes(b"")
    other = LockInfo(4242, "KJJ-PC01", "wangli", "2026-12-01T17:02:11")
    lock_path_for(doc).write_text(other.to_json(), encoding="utf-8")

    def refused(self):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(FileLock, "_remove", refused)
    lock = FileLock(doc)
    assert lock.take_over(other) == other and not lock.held
