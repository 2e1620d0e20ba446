"""A window that has the file read-only follows the window that edits it.

The second window on a file gets it read-only (file_lock); before, it kept showing the file as it
was when opened, and printed that stale state. Now the read-only window watches the file
(QFileSystemWatcher, debounced, and a slow poll for network folders where no change is signalled)
and, when another connection has committed (SQLite's ``PRAGMA data_version``), reads the document
again (``session.reload``: same project and tab, a note in the status bar). 打印 and 导出 call
:meth:`ReadOnlyFollower.check_now` first, so they never print a stale state.
"""
from __future__ import annotations

import os
import shutil
import sqlite3

from .qt import QFileSystemWatcher, QObject, QTimer, QPushButton

DEBOUNCE_MS = 300
POLL_MS = 3000
REFRESHED = "文件已被另一窗口修改，已刷新为最新内容"


ROOM_BYTES = 1 << 20   # free space enough to write the lock and a few edits again


def has_room(path) -> bool:
    try:
        return shutil.disk_usage(os.path.dirname(os.path.abspath(path))).free >= ROOM_BYTES
    except OSError:
        return False


class ReadOnlyFollower(QObject):
    """Reloads ``session`` (read-only) when the file changes; ``window`` shows the note."""

    def __init__(self, window, session):
        super().__init__(session)
        self.window, self.session = window, session
        self._version = self._data_version()
        self._watcher = QFileSystemWatcher([str(session.path)], self)
        self._watcher.fileChanged.connect(self._changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.check_now)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.check_now)
        self._poll.timeout.connect(self.check_editable)
        self._poll.start()
        self.offer = None   # the status bar's 改为可编辑, once the other window has let go
        self.unlocked = False   # read-only because no lock could be written (full disk)

    def stop(self) -> None:
        if self.offer is not None:
            self.window.statusBar().removeWidget(self.offer)
            self.offer.deleteLater()
            self.offer = None
        self._poll.stop()
        self._debounce.stop()
        self._watcher.removePaths(self._watcher.files())

    def _data_version(self) -> int | None:
        try:
            return self.session.conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return None

    def _changed(self, path: str) -> None:
        if path not in self._watcher.files():     # replaced by a rename: watch the new file
            self._watcher.addPath(path)
        self._debounce.start()

    def check_now(self) -> bool:
        """Reload if another window committed since the last look; True when it did."""
        version = self._data_version()
        if version is None or version == self._version:
            return False
        self._version = version
        window = self.window
        page = getattr(window, "page", None)
        if page is not None:
            page.flush()
        try:
            self.session.reload()
        except Exception:   # noqa: BLE001 - a file caught mid-write: the next look tries again
            self._version = None
            return False
        window.statusBar().showMessage(REFRESHED, 10000)
        return True

    def check_editable(self) -> bool:
        """The window that had the file has closed it (this one must not stay 只读 for good):
        offer 改为可编辑 in the status bar. Not for a file that is read-only itself."""
        path = self.session.path
        if self.offer is not None or not os.access(path, os.W_OK) or \
                not os.access(os.path.dirname(os.path.abspath(path)), os.W_OK):
            return False
        from .file_actions import in_use
        if in_use(path):
            return self._offer_take_over(path)
        text = "另一个窗口已关闭此文件 —— 改为可编辑"
        if self.unlocked:   # no other window: the disk was full; offered once there is room
            if not has_room(path):
                return False
            text = "磁盘已有空间 —— 改为可编辑"
        self.offer = QPushButton(text, self.window)
        self.offer.setObjectName("offerEditable")
        self.offer.clicked.connect(self.window.reopen_editable)
        self.window.statusBar().addWidget(self.offer)
        return True

    def _offer_take_over(self, path) -> bool:
        """Another computer's lock: it may never go (the laptop that left it logged out or lost
        power), so 仍然编辑… is offered here too, asked as on opening."""
        from ..db import file_lock
        holder = file_lock.held_by(path)
        if holder is None or not holder.from_another_computer():
            return False
        self.offer = QPushButton(f"另一台电脑（{holder.who()}）占用此文件 —— 仍然编辑…", self.window)
        self.offer.setObjectName("offerTakeOver")
        self.offer.clicked.connect(lambda: self.take_over(holder))
        self.window.statusBar().addWidget(self.offer)
        return True

    def take_over(self, holder) -> bool:
        """仍然编辑… in the status bar: confirmed, the other computer's lock goes and the file is
        opened again for editing on the same project (as 改为可编辑). Nothing is removed when the
        clerk says 取消, or when the lock is no longer that one."""
        from ..db import file_lock
        from . import lock_dialog
        path = self.session.path
        if not lock_dialog.confirm_take_over(self.window, path, holder):
            return False
        if not file_lock.clear_abandoned(path, holder):
            self.window.statusBar().showMessage(
                "占用标记刚刚有了变化，没有接管：那台电脑可能又打开了这个文件", 10000)
            return False
        if self.window.reopen_editable():
            return True
        file_lock.restore_abandoned(path, holder)
        return False
