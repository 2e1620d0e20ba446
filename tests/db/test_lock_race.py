"""Two windows started at once after a crash, both finding the same stale lock: only
one may take the file. The interleaving is made by hand, step by step, not by timing."""
from __future__ import annotations

import os

import pytest

from selfeval_desktop.db import file_lock
from selfeval_desktop.db.file_lock import FileLock, LockInfo, lock_path_for

from tests.file_helpers import dead_pid, garbled_old_lock


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("~$"))


@pytest.mark.parametrize("hard_links", [True, False], ids=["hard-links", "FAT-U盘"])
def test_a_stale_lock_taken_meanwhile_by_another_window_is_not_taken_again(tmp_path, monkeypatch,
                                                                        hard_links):
    if not hard_links:
        def no_link(*args, **kwargs):
            raise PermissionError(1, "Operation not permitted")
        monkeypatch.setattr(file_lock.os, "link", no_link)
    doc = tmp_path / "自评.sqlite"
    stale = LockInfo(dead_pid(), LockInfo.mine().host, "wangli", "2021-01-01T08:00:00")
    lock_path_for(doc).write_text(stale.to_json(), encoding="utf-8")
    first, second = FileLock(doc), FileLock(doc)
    real_is_stale = LockInfo.is_stale
    interleaved = []

    def is_stale(holder):
        judged = real_is_stale(holder)
        if judged and not interleaved:      # the second window has judged the lock stale ...
            interleaved.append(True)
            assert first.acquire() is None  # ... and the first takes it over just then
        return judged
    monkeypatch.setattr(LockInfo, "is_stale", is_stale)

    assert second.acquire() is not None and not second.held
    assert first.held and LockInfo.read(lock_path_for(doc)) == first._info
    assert _leftovers(tmp_path) == [lock_path_for(doc).name]
    first.release()
    assert _leftovers(tmp_path) == []


def test_a_garbled_lock_replaced_by_one_being_written_is_not_taken(tmp_path, monkeypatch):
    """The first window's lock is empty for an instant after it is made, like the garbled one a
    crash left: the second window must not take it for that one."""
    doc = tmp_path / "自评.sqlite"
    path = garbled_old_lock(doc)
    second = FileLock(doc)
    made = []
    real_young = FileLock._young

    def young(lock):
        judged = real_young(lock)
        if not made:   # the first window removes the garbled lock and makes its own, not yet written
            path.unlink()
            made.append(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        return judged
    monkeypatch.setattr(FileLock, "_young", young)

    assert second.acquire() == LockInfo(0, "", "", "") and not second.held   # being written
    mine = LockInfo.mine()
    with os.fdopen(made[0], "w", encoding="utf-8") as fh:   # the first window writes it now
        fh.write(mine.to_json())
    assert LockInfo.read(path) == mine
    assert _leftovers(tmp_path) == [path.name]


def test_a_stale_lock_in_a_folder_that_refuses_its_removal_opens_read_only(tmp_path, monkeypatch):
    """Before, the PermissionError escaped ``acquire``: no window."""
    doc = tmp_path / "自评.sqlite"
    stale = LockInfo(dead_pid(), LockInfo.mine().host, "wangli", "2021-01-01T08:00:00")
    lock_path_for(doc).write_text(stale.to_json(), encoding="utf-8")

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(file_lock.os, "replace", refused)
    monkeypatch.setattr(file_lock.Path, "unlink", refused)
    lock = FileLock(doc)
    assert lock.acquire() is None and not lock.held and "不允许写入" in lock.failure
    assert LockInfo.read(lock_path_for(doc)) == stale
