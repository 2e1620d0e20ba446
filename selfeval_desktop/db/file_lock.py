"""Two windows on one file: a lock file beside the document, as Office does.

Opening ``D:/自评/2021.sqlite`` for editing writes ``D:/自评/~$2021.sqlite.lock`` holding the pid,
host, user and time of the window that has it. A second window (in this process or another) finds
the lock held and is offered 只读打开 or 取消; a lock whose process is gone (a crash, a kill, a power
cut) is stale and taken over. The lock never guards correctness alone: SQLite's own locking keeps
the file whole either way; the lock keeps two people from overwriting each other's typing.

No Qt: the window asks through ``ui.lock_dialog``; the headless commands that write a file
(``finalize``, ``import-xlsx -o``, ``demo -o``) refuse one a window holds (``held_by``), and take
another computer's lock over with ``--take-over`` (``commands.writing_lock``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
import errno
import json
import os
from pathlib import Path
import sys
import time

LOCK_PREFIX = "~$"
LOCK_SUFFIX = ".lock"


def lock_path_for(doc_path: str | Path) -> Path:
    doc_path = Path(doc_path).absolute()
    return doc_path.with_name(f"{LOCK_PREFIX}{doc_path.name}{LOCK_SUFFIX}")


def _host() -> str:
    """This computer's name (what socket.gethostname() says, without importing socket at start)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    name = os.environ.get("COMPUTERNAME")  # Windows
    if name:
        return name
    import socket
    return socket.gethostname()


def _user() -> str:
    """The login name, as getpass.getuser() finds it (environment first, then the system)."""
    for key in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if os.environ.get(key):
            return os.environ[key]
    try:
        import getpass
        return getpass.getuser()
    except Exception:  # no user name on some locked-down PCs
        return ""


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (never signals it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return True


def boot_time() -> float | None:
    """When this machine last started (epoch seconds), or None when it cannot be told."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        try:
            import ctypes
            ticks = ctypes.windll.kernel32.GetTickCount64
            ticks.restype = ctypes.c_ulonglong
            return time.time() - ticks() / 1000
        except Exception:
            return None
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("btime "):
                    return float(line.split()[1])
    except OSError:
        pass
    return None


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    user: str = ""
    time: str = ""

    @classmethod
    def mine(cls) -> "LockInfo":
        return cls(os.getpid(), _host(), _user(), datetime.now().isoformat(timespec="seconds"))

    def to_json(self) -> str:
        return json.dumps({"pid": self.pid, "host": self.host, "user": self.user, "time": self.time},
                          ensure_ascii=False)

    @classmethod
    def read(cls, path: Path) -> "LockInfo | None":
        """The lock's holder, or None when the file is gone or unreadable (half-written)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(int(data["pid"]), str(data.get("host", "")), str(data.get("user", "")),
                       str(data.get("time", "")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def is_stale(self) -> bool:
        """A lock of a process on this machine that no longer runs — or that was written before
        the machine last started (a power cut, then another program given the same process id:
        the clerk was locked out of the file on their own PC). Another host's lock is never
        judged stale: we cannot see its processes."""
        if self.host != _host():
            return False
        return not pid_alive(self.pid) or self._before_boot()

    def _before_boot(self) -> bool:
        booted = boot_time()
        try:
            written = datetime.fromisoformat(self.time).timestamp()
        except ValueError:
            return False
        return booted is not None and written < booted - 60   # a minute's slack for clocks

    def from_another_computer(self) -> bool:
        """A lock written by another computer (a shared folder, a U盘 moved from a laptop).

        One left by a laptop that logged out or lost power cannot be seen to be stale — its
        process cannot be seen from here — and on Windows the ``~$`` file is hidden, so the
        clerk cannot delete it either; it must not block the file for good. Such a lock may be
        taken over once the clerk confirms that computer has closed the file, as Word and Excel
        allow. A lock of this computer never: its process is seen running or not (``is_stale``)."""
        return bool(self.pid) and bool(self.host) and self.host != _host()

    def who(self) -> str:
        return f"{self.user}@{self.host}" if self.user else self.host

    def age(self, now: datetime | None = None) -> str:
        """How long ago the lock was written, “3 天前”, or "" when its time cannot be read or lies
        ahead (the other computer's clock may be wrong)."""
        try:
            then = datetime.fromisoformat(self.time)
        except ValueError:
            return ""
        if then.tzinfo is not None:
            then = then.astimezone().replace(tzinfo=None)
        minutes = int(((now or datetime.now()) - then).total_seconds() // 60)
        if minutes < 0:
            return ""
        if minutes < 1:
            return "刚刚"
        if minutes < 60:
            return f"{minutes} 分钟前"
        if minutes < 48 * 60:
            return f"{minutes // 60} 小时前"
        return f"{minutes // (24 * 60)} 天前"

    def describe(self) -> str:
        """“另一台电脑（wangli@KJJ-PC01）自 2026-12-01 17:02:11 起，3 天前” — how old the lock is
        said too."""
        when = self.time.replace("T", " ")
        same = self.host == _host()
        where = "本机的另一个窗口" if same else f"另一台电脑（{self.who()}）"
        if not when:
            return where
        ago = self.age()
        return f"{where}自 {when} 起" + (f"，{ago}" if ago else "")


def held_by(doc_path: str | Path) -> "LockInfo | None":
    """Who has ``doc_path`` open for editing (a live lock, here or on another computer), or
    None. Reads the lock only: never takes or removes one."""
    holder = LockInfo.read(lock_path_for(doc_path))
    if holder is None or holder.is_stale():
        return None
    return holder


def _put_back(path: Path, text: str) -> bool:
    """Write a lock taken away back as it was, unless a window has the file by now."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except OSError:   # another window has it by now (or the folder went): theirs stays
        return False
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError:   # a full disk: no garbled lock left either
        try:
            path.unlink()
        except OSError:
            pass
        return False
    _hide_file(path)
    return True


def restore_abandoned(doc_path: str | Path, holder: LockInfo) -> None:
    """Undo ``clear_abandoned`` when the open that followed it failed: no file changed by a
    failed operation."""
    _put_back(lock_path_for(doc_path), holder.to_json())


def clear_abandoned(doc_path: str | Path, holder: LockInfo) -> bool:
    """Remove another computer's lock the clerk confirmed abandoned, if it is still exactly
    ``holder``'s (the read-only window's 仍然编辑…). True when none is left."""
    path = lock_path_for(doc_path)
    if not path.exists():
        return True
    if LockInfo.read(path) != holder or not holder.from_another_computer():
        return False
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        return False
    return True


def editing_note(doc_path: str | Path) -> str:
    """“（本机的另一个窗口自 … 起正在编辑）” when a window has ``doc_path`` open for editing,
    else "": what a command that would write the file says when it refuses."""
    holder = held_by(doc_path)
    if holder is None:
        return ""
    return f"（{holder.describe() if holder.pid else '另一个窗口'}正在编辑）"


def why_unwritable(exc: OSError) -> str:
    """Why a file cannot be written into its folder, in the clerk's words."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "磁盘已满"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "文件夹不允许写入：只读的共享文件夹、光盘，或没有写入权限"
    return exc.strerror or str(exc)


def unlockable_notice(doc_path: str | Path, failure: str) -> str:
    """What the window says when it opens a file read-only because no lock could be written;
    what to do fits the cause (not “腾出磁盘空间” for a read-only folder)."""
    todo = ("腾出磁盘空间后点状态栏的“改为可编辑”，或把文件复制到可以写入的文件夹（例如“文档”）后再打开"
            if failure == "磁盘已满" else
            "把文件复制到可以写入的文件夹（例如“文档”）后再打开；做下一年度的文件时，请保存到那里")
    return (f"“{Path(doc_path).name}”所在的文件夹里写不进占用标记（{failure}）。"
            "为免两个窗口同时修改同一文件，这次以只读方式打开，可以查看和打印。\n\n"
            f"要修改：{todo}。")


def _look(path: Path) -> tuple | None:
    """(st_ino, st_mtime_ns, st_size, content) of a lock file, or None when it is gone: what
    tells it from another written in its place. Its content alone does not: a window's lock is
    empty for an instant after it is made, as a crash's garbled one is."""
    try:
        info = path.stat()
        with open(path, "rb") as fh:
            return (info.st_ino, info.st_mtime_ns, info.st_size, fh.read())
    except OSError:
        return None


def _drop(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _restore(aside: Path, path: Path) -> None:
    """Put a lock moved aside back at ``path``, never over a lock written there meanwhile: a
    hard link fails on an existing name (and keeps the file the same, so a window writing into
    it still does); where a folder has no hard links (a FAT U盘), a rename, which on Windows
    fails on an existing name too."""
    try:
        os.link(aside, path)
    except FileExistsError:
        pass
    except OSError:
        try:
            os.rename(aside, path)
            return
        except OSError:
            pass
    _drop(aside)


def _hide_file(path: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only, like Office's ~$ files
        import ctypes
        ctypes.windll.kernel32.SetFileAttributesW(str(path), 0x02)


class FileLock:
    """The edit lock of one document. ``acquire()`` returns None when taken, else the holder."""

    def __init__(self, doc_path: str | Path):
        self.doc_path = Path(doc_path)
        self.path = lock_path_for(doc_path)
        self.held = False
        self._info: LockInfo | None = None
        self.failure = ""   # why no lock could be written (acquire returned None, not held)
        self._replaced: str | None = None   # the other computer's lock ``take_over`` replaced

    def acquire(self) -> LockInfo | None:
        for _ in range(3):
            info = LockInfo.mine()
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                seen = _look(self.path)
                holder = LockInfo.read(self.path)
                if holder is None:
                    if self._young():  # being written right now by another window
                        return LockInfo(0, "", "", "")
                    # an empty or garbled lock left by a crash
                    if not self._remove_seen(seen):
                        return None
                    continue
                if holder.is_stale():
                    if not self._remove_seen(seen):
                        return None
                    continue
                return holder
            except OSError as exc:
                # a folder we cannot write into (read-only share, CD, full disk): no lock
                # possible, and the window opens the file read-only (two windows could edit it)
                self.failure = why_unwritable(exc)
                return None
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(info.to_json())
            except OSError as exc:
                # a full disk (the window must still appear, no empty lock stay behind): no
                # lock, and the window opens the file read-only saying why
                self._remove()
                self.failure = why_unwritable(exc)
                return None
            self.held, self._info = True, info
            self._hide()
            return None
        return LockInfo.read(self.path) or LockInfo(0, "", "", "")

    def _young(self) -> bool:
        try:
            age = datetime.now().timestamp() - self.path.stat().st_mtime
        except OSError:
            return False
        return age < 2

    def _remove(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass

    def _remove_seen(self, seen: tuple | None) -> bool:
        """Remove the lock judged stale (or garbled) if it is still the very file ``seen``; False
        (``failure`` said) when the folder refuses it.

        Two windows started at once after a crash both see the same stale lock; if each removed
        it and wrote its own, the second would remove the first's, and both would edit the
        file. So the lock is renamed aside to a name of this process
        (a rename is atomic: of two, one moves the file, the other finds none) and looked at
        there: the stale one is deleted; a lock another window wrote meanwhile (other content,
        or the same garbled emptiness written just now) goes back to its place, as the same
        file, so that window keeps writing into it; then ``acquire`` looks again."""
        aside = self.path.with_name(f"{self.path.name}.{os.getpid()}.stale")
        try:
            os.replace(self.path, aside)   # over a name of ours a kill left (Windows: rename won't)
        except FileNotFoundError:      # another window removed it first: O_EXCL decides
            return True
        except OSError as exc:
            if getattr(exc, "winerror", None) == 32:   # open in another window: being written
                return True
            self.failure = why_unwritable(exc)         # a read-only folder: no lock here
            return False
        if seen is not None and _look(aside) == seen:
            _drop(aside)
        else:
            _restore(aside, self.path)
        return True

    def _hide(self) -> None:
        _hide_file(self.path)

    def take_over(self, holder: LockInfo) -> LockInfo | None:
        """仍然编辑: replace ``holder``'s lock (another computer's, confirmed closed by the clerk)
        with ours; as ``acquire``, None when taken, else who has it now (the lock changed since
        the clerk was asked: it is not taken). ``give_back`` undoes it when the open fails.
        A lock of this computer is never taken over: only ``acquire``'s own test applies."""
        if not holder.from_another_computer():
            return self.acquire()
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:
            text = None
        if text is not None:
            if LockInfo.read(self.path) != holder:
                return LockInfo.read(self.path) or LockInfo(0, "", "", "")
            try:
                self._remove()
            except OSError:           # a read-only share: nothing taken
                return holder
        found = self.acquire()
        if found is None and self.held:
            self._replaced = text
        elif text is not None and not self.path.exists():
            # ours could not be written (a full disk): the other computer's goes back, and the
            # file is not opened as if it were ours
            _put_back(self.path, text)
            return holder
        return found

    def renew(self) -> LockInfo | None:
        """The file came back at its path (a U盘 plugged in again): the lock written before it
        went is gone with the old mount — write ours again (else a CLI 定稿 goes through
        while the window is open). None when ours is in place; else who
        holds the file now."""
        if self.held and LockInfo.read(self.path) == self._info:
            return None
        self.held = False
        return self.acquire()

    def give_back(self) -> None:
        """The open after ``take_over`` failed or was cancelled: ours goes, and the other
        computer's lock is written back as it was (no file changed by a failed open)."""
        self.release()
        text, self._replaced = self._replaced, None
        if text is not None:
            _put_back(self.path, text)

    def release(self) -> None:
        """Remove the lock if it is still ours (never another window's)."""
        if not self.held:
            return
        self.held = False
        if LockInfo.read(self.path) == self._info:
            self._remove()

    def __del__(self):  # a window closed without release still frees its file
        try:
            self.release()
        except Exception:
            pass


def journal_is_dead(journal: Path) -> bool:
    """A ``…-journal`` SQLite will never replay: empty, or its first byte zero.

    SQLite writes a journal's header with the magic zeroed and fills it in only when it syncs the
    journal, just before the first page of the database is overwritten; a kill before that (a
    long paste) leaves a journal with a zeroed header and the database untouched.
    SQLite's own test for a hot journal (pager.c, hasHotJournal) is a non-zero first byte (a
    valid header starts with the magic d9d505f920a163d7), so a journal starting with zero holds
    nothing to roll back. Any other journal is left to SQLite.
    """
    try:
        with open(journal, "rb") as fh:
            first = fh.read(1)
    except OSError:
        return False
    return first in (b"", b"\x00")


def remove_stale_journal(conn, doc_path: str | Path) -> bool:
    """Remove a ``…-journal`` left beside the document by a kill in the middle of a write that
    SQLite will never replay (``journal_is_dead``: empty, or a zeroed header): harmless to SQLite,
    but it confuses a user who emails the folder (empty ones; a killed paste left a 16 KB one
    with a zeroed header through every later open and close). A hot journal
    (valid header) is never removed: SQLite rolls it back itself. Only under SQLite's own write
    lock (BEGIN IMMEDIATE), so it cannot be the journal a writer has just begun. True when one
    was removed."""
    import sqlite3
    journal = Path(str(doc_path) + "-journal")
    try:
        if not journal.exists() or not journal_is_dead(journal) or conn.in_transaction:
            return False
        conn.execute("BEGIN IMMEDIATE")
    except (OSError, sqlite3.Error):
        return False
    try:
        if journal.exists() and journal_is_dead(journal):
            journal.unlink()
            return True
        return False
    except OSError:
        return False
    finally:
        conn.execute("ROLLBACK")
