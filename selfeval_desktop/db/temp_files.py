"""The temporary databases built beside a target (新建, 从上年文件新建, 导入Excel, 另存为副本), and
the removal of those a killed program left behind.

Review 16b P2-6: killed writes left ``..2022年度….sqlite.tmp-18423.new-18423``,
``.2022年度….sqlite.tmp-18470`` and its ``-journal`` beside the target — 16 files after 12 kills,
never removed, and on Windows a leading dot hides nothing: SQLite files with names close to the
real one, which a clerk may open, copy or email. Now:

- a temporary file is named ``~$<target>.<pid>.tmp``, as Office names its own temporary files,
  and is hidden on Windows while it is built (shown again before it becomes the target, whose
  attributes it would otherwise pass on);
- opening a file for editing or writing one removes, in that folder, the temporary files of ours
  (this name or the old ones) whose program is no longer running: the pid in the name is not a
  live process here, the file has not changed for ``GRACE_SECONDS`` (a program on another
  computer writing into a shared folder, whose pid means nothing here, is still at work), and a
  database part is an SQLite file. Anything else is never touched.

No Qt.
"""
from __future__ import annotations

import os
from pathlib import Path
import re
import stat
import sys
import time

from .file_lock import lock_path_for, pid_alive

PREFIX = "~$"
SUFFIX = ".tmp"
GRACE_SECONDS = 10 * 60
SQLITE_MAGIC = b"SQLite format 3\x00"

# ours: ~$NAME.PID.tmp; before review 16b: .NAME.tmp-PID, .NAME.new-PID, ..NAME.tmp-PID.new-PID;
# each with SQLite's -journal beside it
_OURS = (re.compile(r"^~\$.+\.(?P<pid>\d+)\.tmp(?P<journal>-journal)?$"),
         re.compile(r"^\..+\.(?:tmp|new)-(?P<pid>\d+)(?P<journal>-journal)?$"))


def temp_path(target: str | Path) -> Path:
    """Where the new file for ``target`` is built: same folder (os.replace stays atomic)."""
    target = Path(target)
    return target.with_name(f"{PREFIX}{target.name}.{os.getpid()}{SUFFIX}")


def _owner(name: str) -> tuple[int, bool] | None:
    """(pid, is a journal) when ``name`` is one of our temporary files, else None."""
    for pattern in _OURS:
        match = pattern.match(name)
        if match:
            return int(match["pid"]), bool(match["journal"])
    return None


def _is_database_or_empty(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return head in (b"", SQLITE_MAGIC)


def is_debris(path: Path, now: float | None = None) -> bool:
    """Whether ``path`` is a temporary file of ours whose program is gone (see the module's
    docstring for what must hold)."""
    owner = _owner(path.name)
    if owner is None:
        return False
    pid, journal = owner
    try:
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if (now if now is not None else time.time()) - info.st_mtime < GRACE_SECONDS:
        return False
    if pid == os.getpid() or pid_alive(pid):
        return False
    return journal or _is_database_or_empty(path)


def remove_debris(folder: str | Path, keep: str | Path | None = None) -> list[Path]:
    """Remove the temporary files killed programs of ours left in ``folder``; the ones removed.
    ``keep`` (the file being opened or written) is never removed, nor a file with a ``~$…lock``
    beside it (open in a window) — review 18a: opening an old leftover such as
    ``.X.sqlite.tmp-PID`` for editing deleted the very file opened. A folder that cannot be read
    or written is left as it is (nothing to say to the clerk)."""
    removed = []
    now = time.time()
    kept = _same_file_key(keep) if keep is not None else None
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith((PREFIX, ".")):
            continue
        path = Path(entry.path)
        if not is_debris(path, now) or _same_file_key(path) == kept \
                or lock_path_for(path).exists():
            continue
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def _same_file_key(path: str | Path):
    """What tells two names of one file apart from another file: its resolved path (and, where
    it exists, device and inode — a different spelling of the same file)."""
    path = Path(path)
    try:
        info = path.stat()
        return (info.st_dev, info.st_ino)
    except OSError:
        return str(path.resolve())


_HIDDEN = 0x02              # FILE_ATTRIBUTE_HIDDEN
_INVALID = 0xFFFFFFFF       # INVALID_FILE_ATTRIBUTES
_NORMAL = 0x80              # FILE_ATTRIBUTE_NORMAL: what no attribute at all must be said as


def set_hidden(path: str | Path, hidden: bool) -> None:
    """Hide (or show again) ``path`` in Windows' Explorer, as Office hides its ``~$`` files.
    Nothing elsewhere, and nothing when the system refuses: a visible temporary file is no harm."""
    if sys.platform != "win32":
        return
    try:  # pragma: no cover - Windows only
        import ctypes
        kernel32 = ctypes.windll.kernel32
        attributes = kernel32.GetFileAttributesW(str(path))
        if attributes == _INVALID:
            return
        wanted = attributes | _HIDDEN if hidden else (attributes & ~_HIDDEN & _INVALID) or _NORMAL
        if wanted != attributes:
            kernel32.SetFileAttributesW(str(path), wanted)
    except Exception:  # pragma: no cover - no ctypes, an odd file system
        pass
