"""The edit lock for the commands that write a document (``finalize``, ``import-xlsx --force``,
``demo -o``): they refuse a file a window has open for editing.

A lock another computer left (a laptop that logged out or lost power, a U盘 not ejected) refused
them for good, where the window offers 仍然编辑… (``db.file_lock.FileLock.take_over``). Here
``--take-over`` is that confirmation: the other computer's lock is replaced by this command's for
as long as it runs, and removed when the command has changed the file — or written back as it
was when the file is unchanged (the command failed, refused, or had nothing to do). The refusal says who holds the lock, since
when, and that ``--take-over`` exists. A window on this computer is never taken over: it really
has the file open. Reading commands need none of this.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from ..db.file_lock import FileLock, held_by
from .common import CommandError

OPTION = "--take-over"
HELP = ("接管另一台电脑留下的占用标记（那台电脑已关机、断电、注销，或 U 盘没有正常退出时；"
        "请先确认那边已关闭文件）/ take over the lock another computer left on the file")


def add_option(parser) -> None:
    parser.add_argument(OPTION, dest="take_over", action="store_true", help=HELP)


def _note(holder) -> str:
    """“（另一台电脑（wangli@KJJ-PC01）自 2026-12-01 17:02:11 起，3 天前正在编辑）”."""
    return f"（{holder.describe() if holder.pid else '另一个窗口'}正在编辑）"


@contextmanager
def writing(path: str | Path, take_over: bool, refusal: Callable[[str], str]) -> Iterator[bool]:
    """Run the body of a command that writes ``path``, refusing when a window has the file open
    for editing; ``refusal(note)`` is the command's sentence for that (the note says who, since
    when). Yields whether a lock was taken over (the command then holds the file's lock itself).
    """
    holder = held_by(path) if Path(path).exists() else None   # no file: open in no window
    if holder is None:
        yield False
        return
    name = Path(path).name
    if not holder.from_another_computer():
        extra = "；本机窗口正在编辑的文件不能接管" if take_over else ""
        raise CommandError(refusal(_note(holder)) + extra)
    if not take_over:
        raise CommandError(refusal(_note(holder)) +
                           f"；如果那台电脑已经关机、断电、注销，或 U 盘没有正常退出，文件其实已经关闭，"
                           f"只是留下了占用标记：确认后加 {OPTION} 再运行一次，即可接管")
    lock = FileLock(path)
    found = lock.take_over(holder)
    if found == holder:
        raise CommandError(f"未能接管“{name}”的占用标记（{lock.failure or '无法删除或写入占用标记'}），"
                           f"未作修改")
    if found is not None:
        raise CommandError(f"“{name}”的占用标记刚刚改变{_note(found)}，未接管，未作修改")
    before = _content(path)
    try:
        yield True
    except BaseException:
        _finish(lock, path, before)
        raise
    _finish(lock, path, before)


def _finish(lock: FileLock, path: str | Path, before: bytes | None) -> None:
    """The file changed: it is free now (the other computer's lock stays gone). It did not (a
    refusal, a failure, a command with nothing to do): that lock as it was (a ``finalize
    --undo`` of nothing must not take the other computer's lock away)."""
    if _content(path) == before:
        lock.give_back()
    else:
        lock.release()


def _content(path: str | Path) -> bytes | None:
    """A fingerprint of the document and its journal, to tell whether a command changed it."""
    import hashlib
    digest = hashlib.sha256()
    try:
        for part in (Path(path), Path(f"{path}-wal")):
            if part.exists():
                with open(part, "rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""):
                        digest.update(block)
    except OSError:
        return None
    return digest.digest()
