"""Two windows on one file: the lock beside the document."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from selfeval_desktop.ui.file_lock import FileLock, LockInfo, lock_path_for

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


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path):
    doc = tmp_path / "a.sqlite"
    stale = LockInfo(_dead_pid(), LockInfo.mine().host, "someone", "2021-01-01T08:00:00")
    lock_path_for(doc).write_text(stale.to_json(), encoding="utf-8")
    lock = FileLock(doc)
    assert lock.acquire() is None
    assert LockInfo.read(lock_path_for(doc)).pid == os.getpid()
    lock.release()


def test_lock_from_another_computer_is_respected(tmp_path):
    doc = tmp_path / "a.sqlite"
    other = LockInfo(_dead_pid(), "OTHER-PC-不存在", "wang", "2021-01-01T08:00:00")
    lock_path_for(doc).write_text(other.to_json(), encoding="utf-8")
    holder = FileLock(doc).acquire()
    assert holder == other
    assert "另一台电脑" in holder.describe() and "OTHER-PC-不存在" in holder.describe()


def test_garbled_old_lock_is_taken_over(tmp_path):
    doc = tmp_path / "a.sqlite"
    path = lock_path_for(doc)
    path.write_text("", encoding="utf-8")
    old = time.time() - 3600
    os.utime(path, (old, old))
    lock = FileLock(doc)
    assert lock.acquire() is None
    lock.release()


HOLDER = """
import sys, time
from selfeval_desktop.ui.file_lock import FileLock
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

