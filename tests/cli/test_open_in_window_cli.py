"""The commands that write a document refuse one a window has open for editing.

``import-xlsx --force -o F`` replaced F under the window that edited it (its next edit then
failed with a misleading “文件为只读”); ``demo -o`` and ``finalize`` the same. The window's edit
lock (``~$F.lock``) is what they now look at; a lock left by a crash does not stop them."""

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.db.file_lock import FileLock, LockInfo, held_by, lock_path_for

from tests.file_helpers import sha
from tests.reports import xlsx_builders as build


@pytest.fixture
def edited(tmp_path):
    """A demo document held by a live window (this process takes the lock as a window does)."""
    path = tmp_path / "自评.sqlite"
    write_demo(path, "003")
    lock = FileLock(path)
    assert lock.acquire() is None and lock.held
    yield path
    lock.release()


def refused(capsys, argv, path):
    before = sha(path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "已在窗口中打开" in err and "本机的另一个窗口" in err and len(err.strip().splitlines()) == 1
    assert sha(path) == before


def test_import_with_force_does_not_replace_a_file_open_in_a_window(tmp_path, capsys, edited):
    src = build.standard(tmp_path / "a.xlsx")
    refused(capsys, ["import-xlsx", str(src), "-o", str(edited), "--force"], edited)


def test_demo_does_not_replace_a_demo_open_in_a_window(capsys, edited):
    refused(capsys, ["demo", "-o", str(edited), "--seed", "003"], edited)


def test_finalize_leaves_a_file_open_in_a_window_to_that_window(capsys, edited):
    refused(capsys, ["finalize", str(edited)], edited)


def test_a_lock_left_by_a_crashed_window_does_not_stop_them(tmp_path, capsys):
    path = tmp_path / "自评.sqlite"
    write_demo(path, "003")
    host = LockInfo.mine().host
    lock_path_for(path).write_text(LockInfo(2 ** 22 + 12345, host).to_json(), encoding="utf-8")
    assert held_by(path) is None
    assert main(["finalize", str(path)]) == 0
    assert main(["demo", "-o", str(path), "--seed", "004"]) == 2    # finalized now: refused as before
    assert "已在窗口中打开" not in capsys.readouterr().err
