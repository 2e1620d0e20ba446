"""The removal of the temporary files a killed program of ours left behind.

Killed writes used to leave ``..2022年度….sqlite.tmp-18423.new-18423``,
``.2022年度….sqlite.tmp-18470`` and its ``-journal`` beside the target — 16 files after 12 kills,
never removed, and on Windows a leading dot hides nothing: SQLite files with names close to the
real one, which a clerk may open, copy or email. A killed 导出Excel or 打印 left
``.报表.xlsx.tmp-PID`` (a zip, so never taken for ours), ``….raw`` or ``.STEM.XXXX.part`` for
good. Now:

- every file is written through ``files.replace_atomically``: named ``~$<target>.<pid>.tmp``, as
  Office names its own temporary files, and hidden on Windows while it is written;
- a stale lock is moved aside (``~$NAME.lock.PID.stale``) before it is deleted; a program killed
  between the two left it;
- opening a file for editing, or writing one (a document, a PDF, a workbook), removes, in that
  folder, the temporary files of ours (this name or the old ones) whose program is no longer
  running: the pid in the name is not a live process here (the old ``.part`` name has none),
  the file has not changed for ``GRACE_SECONDS`` (a program on another computer writing into a
  shared folder, whose pid means nothing here, is still at work), and it holds what its name
  says it is being written as: an SQLite database, a PDF (``.pdf``), a workbook (``.xlsx``) or
  a lock (JSON), or nothing yet. Anything else is never touched.

No Qt.
"""
from __future__ import annotations

import os
from pathlib import Path
import re
import stat
import time

from ..files import SQLITE_MAGIC, TEMP_PREFIX, same_file
from .file_lock import lock_path_for, pid_alive

GRACE_SECONDS = 10 * 60

# ours: ~$NAME.PID.tmp; earlier releases' documents: .NAME.tmp-PID, .NAME.new-PID,
# ..NAME.tmp-PID.new-PID, each with SQLite's -journal beside it; earlier releases' workbooks:
# .NAME.tmp-PID and .NAME.tmp-PID.raw, and PDFs: .STEM.XXXXXXXX.part (tempfile's eight letters,
# no pid)
_OURS = (re.compile(r"^~\$(?P<name>.+)\.(?P<pid>\d+)\.tmp(?P<journal>-journal)?$"),
         re.compile(r"^\.(?P<name>.+)\.(?:tmp|new)-(?P<pid>\d+)(?:\.raw)?(?P<journal>-journal)?$"),
         re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.part$"),
         # a stale lock moved aside to be deleted (file_lock: ~$NAME.lock.PID.stale), the
         # program killed between the two
         re.compile(r"^~\$(?P<name>.+\.lock)\.(?P<pid>\d+)\.stale$"))
_PART = _OURS[2]

# what a file being written as NAME starts with: by NAME's ending; a document whatever its name
_MAGIC = {".pdf": b"%PDF", ".xlsx": b"PK\x03\x04", ".raw": b"PK\x03\x04", ".lock": b"{"}


def _owner(name: str) -> tuple[int | None, bool, str] | None:
    """(pid or None when the name has none, is a journal, the file's expected start) when
    ``name`` is one of our temporary files, else None."""
    for pattern in _OURS:
        match = pattern.match(name)
        if match:
            pid = match.groupdict().get("pid")
            journal = bool(match.groupdict().get("journal"))
            if pattern is _PART:
                return None, False, _MAGIC[".pdf"]
            ending = ".raw" if name.endswith(".raw") else Path(match["name"]).suffix.lower()
            return int(pid), journal, _MAGIC.get(ending, SQLITE_MAGIC)
    return None


def _holds(path: Path, magic: bytes) -> bool:
    """Whether ``path`` starts with ``magic``, or is empty (killed as it was made)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(magic))
    except OSError:
        return False
    return head in (b"", magic)


def is_debris(path: Path, now: float | None = None) -> bool:
    """Whether ``path`` is a temporary file of ours whose program is gone (see the module's
    docstring for what must hold)."""
    owner = _owner(path.name)
    if owner is None:
        return False
    pid, journal, magic = owner
    try:
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if (now if now is not None else time.time()) - info.st_mtime < GRACE_SECONDS:
        return False
    if pid is not None and (pid == os.getpid() or pid_alive(pid)):
        return False
    return journal or _holds(path, magic)


def remove_debris(folder: str | Path, keep: str | Path | None = None) -> list[Path]:
    """Remove the temporary files killed programs of ours left in ``folder``; the ones removed.
    ``keep`` (the file being opened or written) is never removed, nor a file with a ``~$…lock``
    beside it (open in a window): opening an old leftover such as ``.X.sqlite.tmp-PID`` for
    editing must not delete the very file opened. A folder that cannot be read
    or written is left as it is (nothing to say to the clerk)."""
    removed = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith((TEMP_PREFIX, ".")):
            continue
        path = Path(entry.path)
        if not is_debris(path, now) or (keep is not None and same_file(path, keep)) \
                or lock_path_for(path).exists():
            continue
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed
