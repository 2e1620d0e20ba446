"""The commands that write a document and another computer's lock (the CLI refused a
file whose lock another PC left, with no way to take it over; the window has 仍然编辑…).

The refusal says who holds the lock, since when, and that ``--take-over`` exists; with it the
command takes the lock over as the window does (``FileLock.take_over``), does its work and leaves
the file free; a take-over that fails, or a command that then refuses, changes nothing — the file
and the other computer's lock stay byte for byte. A window on this computer is never taken over,
and the reading commands need no option at all."""
from __future__ import annotations

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.db.file_lock import FileLock, LockInfo, lock_path_for

from tests.file_helpers import sha
from tests.reports import xlsx_builders as build

OTHER = LockInfo(4242, "KJJ-PC01", "wangli", "2026-12-01T17:02:11")


def left_by_another_computer(tmp_path, seed="003"):
    path = tmp_path / "自评.sqlite"
    write_demo(path, seed)
    lock_path_for(path).write_text(OTHER.to_json(), encoding="utf-8")
    return path


def unchanged(path, before):
    return sha(path) == before and LockInfo.read(lock_path_for(path)) == OTHER


@pytest.mark.parametrize("argv", [["finalize", "{f}"], ["demo", "-o", "{f}", "--seed", "003"],
                                  ["import-xlsx", "{src}", "-o", "{f}", "--force"]])
def test_the_refusal_says_who_since_when_and_the_option(tmp_path, capsys, argv):
    path = left_by_another_computer(tmp_path)
    src = build.standard(tmp_path / "a.xlsx")
    before = sha(path)
    assert main([a.format(f=path, src=src) for a in argv]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "wangli@KJJ-PC01" in err and "2026-12-01 17:02:11" in err and "--take-over" in err
    assert unchanged(path, before)


def test_finalize_takes_the_lock_over_and_leaves_the_file_free(tmp_path, capsys):
    path = left_by_another_computer(tmp_path)
    assert main(["finalize", str(path), "--take-over"]) == 0
    assert "已定稿" in capsys.readouterr().out
    assert not lock_path_for(path).exists()
    lock = FileLock(path)                       # a window opens it for editing now
    assert lock.acquire() is None and lock.held
    lock.release()


def test_a_finalize_refused_after_the_take_over_gives_the_lock_back(tmp_path, capsys):
    path = left_by_another_computer(tmp_path, "001")        # its 部门整体 has errors
    before = sha(path)
    assert main(["finalize", str(path), "--take-over"]) == 1
    assert "个错误" in capsys.readouterr().err
    assert unchanged(path, before)


def test_a_command_with_nothing_to_do_gives_the_lock_back(tmp_path, capsys):
    """``finalize --undo`` of a project not 定稿 (exit 0, nothing changed) took the
    other computer's lock away."""
    path = left_by_another_computer(tmp_path)
    before = sha(path)
    assert main(["finalize", str(path), "--undo", "--take-over"]) == 0
    assert unchanged(path, before)


def test_a_take_over_that_fails_changes_nothing(tmp_path, capsys, monkeypatch):
    """A read-only share: the other computer's lock cannot be removed (as in the window)."""
    path = left_by_another_computer(tmp_path)
    before = sha(path)

    def refused(self):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(FileLock, "_remove", refused)
    assert main(["finalize", str(path), "--take-over"]) == 2
    err = capsys.readouterr().err
    assert "未能接管" in err and "未作修改" in err
    assert unchanged(path, before)


def test_a_lock_that_changed_meanwhile_is_not_taken(tmp_path, capsys, monkeypatch):
    path = left_by_another_computer(tmp_path)
    before = sha(path)
    newer = LockInfo(77, "KJJ-PC02", "zhaomin", "2026-12-05T09:00:00")
    real = FileLock.take_over

    def meanwhile(self, holder):       # another computer opened it after the lock was read
        lock_path_for(path).write_text(newer.to_json(), encoding="utf-8")
        return real(self, holder)
    monkeypatch.setattr(FileLock, "take_over", meanwhile)
    assert main(["finalize", str(path), "--take-over"]) == 2
    assert "zhaomin@KJJ-PC02" in capsys.readouterr().err
    assert sha(path) == before and LockInfo.read(lock_path_for(path)) == newer


def test_demo_and_import_take_the_lock_over_too(tmp_path, capsys):
    path = left_by_another_computer(tmp_path)
    assert main(["demo", "-o", str(path), "--seed", "004", "--take-over"]) == 0
    assert not lock_path_for(path).exists()
    lock_path_for(path).write_text(OTHER.to_json(), encoding="utf-8")
    src = build.standard(tmp_path / "a.xlsx")
    assert main(["import-xlsx", str(src), "-o", str(path), "--force", "--take-over"]) == 0
    assert "已写入" in capsys.readouterr().out
    assert not lock_path_for(path).exists()


def test_a_window_on_this_computer_is_never_taken_over(tmp_path, capsys):
    path = tmp_path / "自评.sqlite"
    write_demo(path, "003")
    window = FileLock(path)
    assert window.acquire() is None
    before = sha(path)
    try:
        assert main(["finalize", str(path), "--take-over"]) == 2
        err = capsys.readouterr().err
        assert "本机的另一个窗口" in err and "不能接管" in err
        assert sha(path) == before and LockInfo.read(lock_path_for(path)) == window._info
    finally:
        window.release()


@pytest.mark.parametrize("argv", [["check", "{f}"], ["score", "{f}"], ["verify", "{f}"],
                                  ["export-xlsx", "{f}", "-o", "{out}.xlsx"],
                                  ["print", "{f}", "-o", "{out}.pdf"]])
def test_reading_commands_need_no_option(tmp_path, capsys, argv):
    path = left_by_another_computer(tmp_path)
    before = sha(path)
    code = main([a.format(f=path, out=tmp_path / "out") for a in argv])
    err = capsys.readouterr().err
    assert code != 2 and "--take-over" not in err, err     # 1/3: findings, nothing finalized
    assert unchanged(path, before)
