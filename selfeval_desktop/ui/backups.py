"""备份与恢复 in the window: when snapshots are taken, and what is done with one.

The work is :mod:`selfeval_desktop.db.snapshots` (no Qt, shared with the ``backups`` command);
here is only when and what is said:

- a writable file opened: a snapshot ``OPEN_DELAY_MS`` after the window's first paint, on a
  thread of its own through a read-only connection (start-up is not slowed, typing never waits);
- while it is edited: every ``PERIOD_MS`` when something was saved since the last one;
- before 导入Excel into it, 从其他自评文件加入项目, 定稿/撤销定稿, 删除项目 and restoring
  (``before``): at once, through the window's own connection, so it holds the state just before;
- on closing, when something was saved since the last one (``closing``).

A snapshot that cannot be taken (the store unwritable, the disk full) never blocks nor changes
the document: the status bar says so once, and a small amber “备份未完成” stays there (its tooltip
says why) until one succeeds. The store is ``SELFEVAL_BACKUP_DIR`` when set (an administrator may
put it on another disk; the tests put it in a temporary folder), else the user's local data
folder (QStandardPaths' AppLocalDataLocation) + ``备份``: on Windows %LOCALAPPDATA%, not the roaming
profile an office domain copies to its server at every logoff.
"""
from __future__ import annotations

import os
from pathlib import Path
import threading

from .qt import QLabel, QObject, QTimer, Signal

# as db.snapshots' STORE_ENV and STORE_NAME (not imported here: it loads hashlib and OpenSSL,
# which the window's first moments do without — the snapshot's thread imports it)
ENV, STORE_NAME = "SELFEVAL_BACKUP_DIR", "备份"
OPEN_DELAY_MS = 1000          # after the first paint (nobody has changed anything by then)
PERIOD_MS = 30 * 60 * 1000    # while edited: every half hour, if anything was saved
FAILED_NOTE = "备份未完成"


def store_dir() -> Path:
    """Where the snapshots are kept (the CLI's ``backups`` finds the same folder)."""
    override = os.environ.get(ENV)
    if override:
        return Path(override)
    from .qt import QStandardPaths
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(folder or Path.home() / ".selfeval-desktop") / STORE_NAME


def backed_up(session) -> bool:
    """A session whose file gets snapshots: open for editing, on disk, not a backup shown."""
    return (session is not None and not session.readonly and str(session.path) != ":memory:"
            and getattr(session, "backup_of", None) is None)


class Keeper(QObject):
    """The snapshots of one window's document (``window.backup_keeper``)."""

    done = Signal(object, object)       # (session, Snapshot | None | Chinese failure) from a thread

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = None
        self.dirty = False               # saved since the last snapshot
        self.running = 0                 # snapshots on their thread
        self._threads: list[threading.Thread] = []
        self._open_due = None            # the session whose 打开时 snapshot is still to come
        self.taken = None                # what the last ``now`` wrote (None: the same as the latest)
        self.note: QLabel | None = None  # the amber 备份未完成 in the status bar
        self._told = False               # the failure said once in the status bar per document
        self.timer = QTimer(self)
        self.timer.setInterval(PERIOD_MS)
        self.timer.timeout.connect(self._periodic)
        self.done.connect(self._done)

    # ------------------------------------------------------------ following the window
    def watch(self, session) -> None:
        """The window now shows ``session``: snapshot it soon, then while it is edited. Nothing
        more when it is watched already (a restore from a backup viewed watches the file it
        opened before the window's own call after the paint)."""
        if session is not None and session is self.session:
            return
        self.timer.stop()
        self.session, self.dirty, self._told = None, False, False
        self._open_due = None
        if not backed_up(session):
            return
        self.session = session
        session.saved.connect(self._saved)
        self.timer.start()
        self._open_due = session
        QTimer.singleShot(OPEN_DELAY_MS, self, lambda: self._opened(session))

    def _opened(self, session) -> None:
        if self._open_due is session and self.session is session:
            self._open_due = None
            self.in_background("open")

    def settle(self, wait_s: float = 30.0) -> None:
        """Before a restore: the 打开时 snapshot still to come is not taken (it would hold the
        restored content under that name; the restore's 恢复前 holds the
        content it would have), and those on their thread are waited for."""
        self._open_due = None
        for thread in self._threads:
            thread.join(wait_s)
        self._threads = [t for t in self._threads if t.is_alive()]

    def _saved(self, _text: str = "") -> None:
        self.dirty = True

    def _periodic(self) -> None:
        if self.dirty and backed_up(self.session):
            self.in_background("periodic")

    # ------------------------------------------------------------ taking one
    def in_background(self, reason: str) -> None:
        """A snapshot of the file through a connection of its own, on a thread."""
        session = self.session
        path, store = Path(session.path), store_dir()
        self.dirty = False
        self.running += 1

        def work():
            from ..db import snapshots
            try:
                result = snapshots.take(path, store, path, reason)
            except snapshots.SnapshotError as exc:
                result = str(exc)
            except Exception as exc:  # noqa: BLE001 - never an error box for a backup
                result = f"备份未完成：{exc}"
            try:
                self.done.emit(session, result)
            except RuntimeError:      # the window was closed meanwhile: nobody to tell
                pass
        thread = threading.Thread(target=work, name="selfeval-snapshot", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def now(self, reason: str) -> bool:
        """A snapshot at once, through the window's own connection (what is being typed is
        committed first). True when the file's state is in the store (taken, or the same as
        the latest); False, said in the status bar, when it could not be."""
        session = self.session
        if not backed_up(session):
            return False
        if self.window.page is not None:
            self.window.page.flush()
        from ..db import snapshots
        self.taken = None
        try:
            self.taken = snapshots.take(session.conn, store_dir(), session.path, reason)
        except snapshots.SnapshotError as exc:
            self.dirty = True
            self._failed(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - the document goes on whatever happens here
            self.dirty = True
            self._failed(f"备份未完成：{exc}")
            return False
        self.dirty = False
        self._succeeded()
        return True

    def _done(self, session, result) -> None:
        self.running -= 1
        if session is not self.session:
            return
        if isinstance(result, str):
            self.dirty = True             # tried again at the next half hour or on closing
            self._failed(result)
        else:
            self._succeeded()

    # ------------------------------------------------------------ what is said
    def _failed(self, message: str) -> None:
        text = f"{message}。文件本身不受影响，可以继续编辑"
        if not self._told:
            self._told = True
            self.window.statusBar().showMessage(text, 15000)
        if self.note is None:
            self.note = QLabel(FAILED_NOTE, self.window)
            self.note.setObjectName("backupFailed")
            self.note.setStyleSheet("color: #8a5a00;")
            self.window.statusBar().addPermanentWidget(self.note)
        self.note.setToolTip(text)
        self.note.show()

    def _succeeded(self) -> None:
        if self.note is not None:
            self.note.hide()


def keeper(window) -> Keeper:
    found = getattr(window, "backup_keeper", None)
    if found is None:
        found = window.backup_keeper = Keeper(window)
    return found


def watch(window, session) -> None:
    """Called once the window has painted with ``session`` shown (main_window.set_session)."""
    keeper(window).watch(session)


def before(window, reason: str) -> bool:
    """A snapshot before an operation that changes much (``reason``: a key of
    ``snapshots.REASONS``); False when none was taken — the operation goes on all the same."""
    if not hasattr(window, "statusBar"):       # a panel shown without the window (tests)
        return False
    found = getattr(window, "backup_keeper", None)
    if found is None or found.session is not window.session:
        if not backed_up(window.session):
            return False
        found = keeper(window)
        found.watch(window.session)
    return found.now(reason)


def closing(window, session) -> None:
    """The document is being closed: a last snapshot when it changed since the last one (and a
    backup shown goes with its bar)."""
    view = getattr(window, "backup_view_bar", None)
    if view is not None and view[1] is session:
        window.statusBar().removeWidget(view[0])
        view[0].deleteLater()
        window.backup_view_bar = None
    found = getattr(window, "backup_keeper", None)
    if found is None or found.session is not session:
        return
    found.timer.stop()
    if found.dirty:
        found.now("close")
    found.session = None
