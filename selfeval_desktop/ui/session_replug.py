"""A U盘 pulled out and plugged back in while the file is open.

The file comes back at the same path, but as another file to the system (a new mount: another
device or inode); SQLite's connection still points at the old one and refuses every write (“文件
为只读”), whatever the clerk does, and the advice shown (腾出磁盘空间, 再离开一次输入框) does not
help — only closing and reopening did, and nothing said so.

Before each write the session looks whether the file at its path is still the one it opened.
When it is another one holding exactly the document on screen (the same file, plugged back),
the session opens it and goes on: the next write — leaving the red field again — is saved. When
it holds something else (another evaluation copied over it), nothing is written to it and the
clerk is told to reopen the file.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..db import repo
from ..db.document import DocumentError, open_document
from .session_base import SessionBase

REPLACED = ("“{name}”已不是打开时的那个文件（U 盘重新插入后内容不同，或已被另一份文件替换），"
            "为免写错文件，未保存。请关闭后重新打开它，再核对刚才的修改")


def identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``; None when there is none (or it is in memory)."""
    if str(path) == ":memory:":
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


class Replug(SessionBase):
    """Mixed into DocumentSession: follows the file at its path. Uses (and on reconnecting
    replaces) ``opened`` and ``conn``; compares with ``document`` (SessionBase)."""

    _identity: tuple[int, int] | None = None
    replaced_by_another: str | None = None    # REPLACED, said, once the file is not ours

    _data_version: int | None = None

    def _note_identity(self) -> None:
        self._identity = identity(self.path)
        self._data_version = self._version()

    def _version(self) -> int | None:
        """PRAGMA data_version: it changes when anything but this connection has written the
        file — with this window holding the file's lock, only a copy over it (a file manager's
        替换) does."""
        try:
            return self.conn.execute("PRAGMA data_version").fetchone()[0]
        except Exception:
            return None

    def _follow_replugged(self, judge: bool) -> None:
        """Reconnect to the file at the path when it is the same document come back. ``judge``:
        memory holds no edit in progress, so a file that differs is another one (said as such);
        otherwise (an undo step already applied in memory) only an equal one is followed."""
        if self.readonly or self._identity is None:
            return
        now = identity(self.path)
        if now is None:
            return                    # none (pulled out: said as such)
        if now == self._identity and self._handle_alive():
            self._written_over(judge)
            return
        # another file at the path — or the same numbers, but the old handle reads no more (a
        # FAT/exFAT U盘 on Windows keeps them across a re-plug). Compared on a read-only open:
        # nothing is written to a file that may not be ours (an older format would otherwise be
        # backed up and migrated in place, then refused)
        try:
            probe = open_document(self.path, readonly=True)
        except DocumentError:
            return
        try:
            same = repo.load_document(probe.conn) == self.document
        except Exception:             # anything unreadable is not the document on screen
            same = False
        finally:
            probe.close()
        if not same:
            if judge:
                self.replaced_by_another = REPLACED.format(name=Path(self.path).name)
            return
        try:
            fresh = open_document(self.path)
        except DocumentError:
            return
        if fresh.readonly:
            fresh.close()
            return
        old, self.opened, self.conn = self.opened, fresh, fresh.conn
        self._identity, self.replaced_by_another = now, None
        self._data_version = self._version()
        self.reconnected.emit()       # the window writes its lock again
        try:
            old.close()
        except Exception:             # the old handle's file is gone: nothing to close cleanly
            pass

    def _handle_alive(self) -> bool:
        """The connection still reads its file (a read transaction reads its header)."""
        try:
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Exception:
            return False
        return True

    def _written_over(self, judge: bool) -> None:
        """The same file, written by something else since it was opened (another unit's file
        copied over it in place: the window's next edit must not go into that one)."""
        version = self._version()
        if version is None or version == self._data_version or not judge:
            return
        try:
            same = repo.load_document(self.conn) == self.document
        except Exception:
            same = False
        if same:
            self._data_version = version
        else:
            self.replaced_by_another = REPLACED.format(name=Path(self.path).name)
