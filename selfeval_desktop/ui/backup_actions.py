"""What the 备份与恢复 dialog does with a snapshot: 打开查看（只读）, 另存为…, 恢复为此版本….

- 打开查看（只读）: the snapshot is copied into a temporary folder and that copy is opened
  read-only (the store is never opened by the window, so nothing can be written into it); the
  title says whose backup of when it is, and the status bar offers 恢复为此版本… and 返回原文件.
- 另存为…: the snapshot copied into a new file the clerk names (never over an existing one), which
  is then opened.
- 恢复为此版本…: asked first; the current state is snapshotted as “恢复前” (if that fails the
  clerk is asked again); the snapshot's content then replaces the document's through the
  window's own connection (``db.restore``: the file stays the same file, its lock held,
  a read-only window elsewhere follows it) and the window reads it again. The undo history is
  cleared (its steps were made on the content replaced); the 恢复前 backup takes the restore back.

Each result is said in the status bar. Dialog helpers are module functions so tests answer them.
"""
from __future__ import annotations

import os
from pathlib import Path
import shutil
import tempfile
import time

from ..db import snapshots
from ..db.document import DocumentError, open_document
from ..db.restore import restore as restore_into
from . import backups, dialogs
from .qt import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

RESTORE_TEXT = ("把“{name}”恢复为 {time}（{reason}）的版本？\n\n"
                "文件现在的内容会先自动备份为“恢复前”，如果恢复错了，可以再从“恢复前”的备份恢复回来。"
                "恢复后不能用“撤销”（Ctrl+Z）撤回恢复。")
UNDONE_TEXT = ("\n\n注意：这个备份中没有下面的定稿，恢复后{these}不再是定稿：\n{lines}\n"
               "按{that}定稿打印、盖章的纸质表将与文件不再一致，需要时请重新定稿、重新打印。"
               "定稿的记录会留在文件中：按纸质表上的校验码核对，仍能查到纸质表出自这个文件，以及恢复后改了什么。")
UNDONE_SHOWN = 5       # 定稿 named in the question; more are counted
NO_BACKUP_FIRST = ("无法先备份文件现在的内容：{why}\n\n仍然恢复的话，文件现在的内容将无法找回。")


def ask_restore(window, text: str) -> bool:
    warned = "注意：" in text       # (a 定稿 named: its line kept whole)
    return dialogs.choose(window, "恢复为此版本", text, ["恢复", "取消"], default=1, wide=warned,
                          kind=dialogs.WARNING if warned else dialogs.QUESTION) == 0


def restore_question(doc_path: Path, snapshot: snapshots.Snapshot) -> str:
    """The question before a restore, naming each 定稿 of the file the backup does not hold:
    without a word, the stamped paper of a 定稿 made after the backup would no longer match the
    file."""
    from ..db.restore import undone
    from ..domain.digest import shown_time
    text = RESTORE_TEXT.format(name=_name(doc_path), time=snapshot.shown, reason=snapshot.label)
    try:
        taken = undone(snapshot, doc_path)
    except snapshots.SnapshotError:
        return text          # the restore itself will say what cannot be read
    if not taken:
        return text
    lines = [f"  「{u.name}」：{shown_time(u.at)} 定稿，校验码 {u.code}" for u in taken[:UNDONE_SHOWN]]
    if len(taken) > UNDONE_SHOWN:
        lines.append(f"  等，共 {len(taken)} 个项目")
    head, rest = text.split("\n\n", 1)
    return head + UNDONE_TEXT.format(these="这个项目" if len(taken) == 1 else "这些项目",
                                     that="这次" if len(taken) == 1 else "这些",
                                     lines="\n".join(lines)) + "\n\n" + rest


def ask_restore_unbacked(window, text: str) -> bool:
    return dialogs.choose(window, "无法先备份", text, ["仍然恢复", "取消"], default=1,
                          kind=dialogs.WARNING) == 0


def _name(path: Path) -> str:
    return Path(path).name


# ---------------------------------------------------------------- 恢复为此版本

def can_restore(window, doc_path: Path) -> str | None:
    """Why ``doc_path`` cannot be restored in this window now (Chinese), or None."""
    session = window.session
    if session is None:
        return "请先打开这个文件，再恢复"
    view = getattr(session, "backup_of", None)
    shown = Path(view[0] if view else session.path).absolute()
    if shown != Path(doc_path).absolute():
        return "只能恢复当前打开的文件；请先打开这个文件"
    if view is None and session.readonly:
        return _read_only_why(window, session)
    if view is not None and not Path(doc_path).exists():
        return "找不到原文件；可以用“另存为…”把备份存为新文件"
    return None


def _read_only_why(window, session) -> str:
    """Why the file is read-only here, and so cannot be restored (a file
    read-only itself is not “可能正在另一个窗口中编辑”)."""
    path = Path(session.path)
    if path.exists() and not os.access(path, os.W_OK):
        return "文件本身是只读的（文件属性为只读，或在只读的位置），不能恢复；可以用“另存为…”把备份存为新文件"
    notice = getattr(getattr(session, "opened", None), "notice", "")
    if notice:
        return f"{notice}，不能恢复；可以用“另存为…”把备份存为新文件"
    follower = getattr(window, "follower", None)
    if follower is not None and getattr(follower, "unlocked", False):
        return "文件所在的位置写不进占用标记（如磁盘已满），文件是只读打开的，不能恢复"
    return "文件是只读打开的（可能正在另一个窗口中编辑），不能恢复；请在编辑它的窗口中恢复"


def restore(window, snapshot: snapshots.Snapshot, doc_path: Path) -> bool:
    """恢复为此版本: True when the window now shows the snapshot's content in the file."""
    refusal = can_restore(window, doc_path)
    if refusal is not None:
        QMessageBox.information(window, "恢复为此版本", refusal)
        return False
    if not ask_restore(window, restore_question(doc_path, snapshot)):
        return False
    if getattr(window.session, "backup_of", None) is not None:   # the backup shown: the file
        if not window.file_actions.open_path(doc_path) or window.session.readonly:
            return False
    session = window.session
    keeper = backups.keeper(window)
    if keeper.session is not session:
        keeper.watch(session)
    keeper.settle()           # no 打开时 taken after this of the content restored
    backed_up = True
    try:
        # always a 恢复前 row, also when the content is the latest backup's
        snapshots.take(_flushed(window), backups.store_dir(), session.path, "restore",
                       always=True)
    except snapshots.SnapshotError as exc:
        if not ask_restore_unbacked(window, NO_BACKUP_FIRST.format(why=exc)):
            return False
        backed_up = False
    try:
        restore_into(snapshot, session.conn)
    except snapshots.SnapshotError as exc:
        QMessageBox.warning(window, "恢复失败", f"{exc}\n\n文件未改动。")
        return False
    try:
        session.reload()
    except Exception as exc:  # noqa: BLE001 - the file holds the backup; the screen cannot say
        QMessageBox.warning(window, "恢复后无法读取",
                            f"文件已恢复，但无法重新读取（{exc}）。请关闭后重新打开这个文件。")
        return False
    keeper.dirty = False
    window._saved(time.strftime("已保存 %H:%M:%S"))   # the file was just written
    done = f"已恢复为 {snapshot.shown}（{snapshot.label}）的版本"
    window.statusBar().showMessage(
        f"{done}；恢复前的内容已备份为“恢复前”，可在“文件 → 备份与恢复…”中找回" if backed_up else
        f"{done}；恢复前的内容没有备份（备份未完成）", 20000)
    return True


def _flushed(window):
    """The session's connection, with what is being typed committed first."""
    if window.page is not None:
        window.page.flush()
    return window.session.conn


# ---------------------------------------------------------------- 另存为…

def save_as(window, snapshot: snapshots.Snapshot, doc_path: Path) -> bool:
    """The snapshot as a new file the clerk names, then opened."""
    stem = Path(doc_path).stem
    name = f"{stem}（{snapshot.time:%Y年%m月%d日%H时%M分}备份）.sqlite"
    target = window.file_actions._ask_save_path("备份另存为", name)
    if target is None:
        return False
    try:
        snapshots.save_as(snapshot, target)
    except DocumentError as exc:
        QMessageBox.warning(window, "无法保存", str(exc))
        return False
    if not window.file_actions.open_path(target):
        return False
    window.statusBar().showMessage(
        f"已把 {snapshot.shown} 的备份另存为“{target.name}”，现在打开的是这个文件；"
        f"原文件“{_name(doc_path)}”未改动", 20000)
    return True


# ---------------------------------------------------------------- 打开查看（只读）

def open_view(window, snapshot: snapshots.Snapshot, doc_path: Path) -> bool:
    """The snapshot shown read-only in the window, from a temporary copy (removed on closing)."""
    from .session import DocumentSession
    doc_path = Path(doc_path)
    folder = Path(tempfile.mkdtemp(prefix="selfeval-backup-view-"))
    copy = folder / f"{doc_path.stem}（{snapshot.time:%Y-%m-%d %H%M}备份）.sqlite"
    try:
        shutil.copyfile(snapshot.path, copy)
        opened = open_document(copy, readonly=True)
    except (OSError, DocumentError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        QMessageBox.warning(window, "无法打开备份", f"无法打开这个备份：{exc}")
        return False
    opened.cleanup = folder
    try:
        session = DocumentSession(opened)
    except Exception as exc:  # noqa: BLE001 - a snapshot whose content cannot be read
        opened.close()
        QMessageBox.warning(window, "无法打开备份", f"无法读取这个备份的内容：{exc}")
        return False
    session.backup_of = (doc_path.absolute(), snapshot)
    session.title = f"备份：{doc_path.name}（{snapshot.shown}，{snapshot.label}）（只读）"
    if not window.set_session(session):        # (closes the copy, which removes its folder)
        return False
    if window.follower is not None:            # a copy nobody writes: nothing to follow, and
        window.follower.stop()                 # no 改为可编辑 offered for it
        window.follower = None
    window.saved_label.setText("")            # the bar says it: 正在查看备份 …（只读）
    _view_bar(window, session, snapshot, doc_path)
    return True


def _view_bar(window, session, snapshot, doc_path: Path) -> None:
    """In the status bar while a backup is shown: what it is, 恢复为此版本…, 返回原文件 —
    permanent, so that no message of the status bar hides it."""
    bar = QWidget(window)
    bar.setObjectName("backupViewBar")
    layout = QHBoxLayout(bar)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(f"正在查看备份：{snapshot.shown}（{snapshot.label}），只读", bar)
    label.setToolTip(f"“{doc_path}”在 {snapshot.shown} 的备份；原文件未改动")
    label.setStyleSheet("color: #1f5fa8; font-weight: bold;")
    layout.addWidget(label)
    back = QPushButton("恢复为此版本…", bar)
    back.setObjectName("restoreShown")
    back.clicked.connect(lambda: restore(window, snapshot, doc_path))
    layout.addWidget(back)
    original = QPushButton("返回原文件", bar)
    original.setObjectName("backToOriginal")
    original.clicked.connect(lambda: _back(window, doc_path))
    original.setEnabled(doc_path.exists())
    layout.addWidget(original)
    window.statusBar().addPermanentWidget(bar)
    window.backup_view_bar = (bar, session)    # taken away when it closes (backups.closing)


def _back(window, doc_path: Path) -> bool:
    return window.file_actions.open_path(doc_path)
