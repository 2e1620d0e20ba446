"""A file dragged from the desktop or the file manager onto the window opens, as in Excel/WPS.

A clerk saves the file received by e-mail to the desktop and drags it onto the window. Before,
nothing happened over most of the window, and over a text box the box took the drag as text: the
file's path was typed into 项目名称 (the file managers of UOS/Kylin offer a file as text too).

Now a drag that carries files is the window's wherever it is let go: one document opens (with
the usual checks: another window has it, a newer format …), an Excel workbook is offered to
导入Excel (``FileActions.open_path`` asks), a Word report or a PDF is refused saying what it is.
A drag the window cannot open — two files, a folder, a file not on this computer (an smb:// link
from UOS's file manager, a web link, which a box would take as typed text) — is refused as it
enters (the no-drop cursor), the reason in the status bar while it is held there; a box under it
never takes it. A drop is taken as a copy (or a link), never a move: a file manager that honours
the action must not remove the clerk's file. A text dragged inside the window
is left to the boxes, as before.

The filter sits on the application (a drag goes to the widget under the pointer first), is
installed after the first paint, and looks at nothing but the three drag event types.
"""
from __future__ import annotations

from pathlib import Path

from .qt import QApplication, QEvent, QObject, Qt, QTimer, QWidget
from .status_line import say

DRAG_TYPES = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
MANY = "一次拖入一个自评文件即可打开；要汇总多个单位的文件，请用 文件 → 汇总多个自评文件…"


NOT_HERE = "“{name}”不在这台电脑上（{where}）：请先把文件保存到电脑上（如桌面），再拖进来"


def dropped_files(mime) -> list[Path]:
    """The local files a drag carries (none for a text, a web link or a mail attachment not yet
    saved)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _remote(url) -> str:
    """Why the file at a non-local ``url`` is not opened (Chinese)."""
    name = url.fileName() or url.toString()
    where = "网络共享" if url.scheme() in ("smb", "nfs", "ftp", "sftp", "dav", "davs") else \
        "网页链接" if url.scheme() in ("http", "https") else f"{url.scheme()} 位置"
    return NOT_HERE.format(name=name, where=where)


def refusal(paths: list[Path]) -> str:
    """Why the dropped ``paths`` are not opened (Chinese), or "" to open ``paths[0]``."""
    if len(paths) > 1:
        return MANY
    path = paths[0]
    if path.is_dir():
        return f"“{path.name}”是文件夹，请拖入其中的自评文件"
    if not path.exists():
        return f"找不到“{path.name}”：请先把它保存到电脑上，再拖进来"
    return ""


class FileDrops(QObject):
    """Takes the drags that carry files over any widget of ``window`` (a FileActions owner)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in DRAG_TYPES or not isinstance(obj, QWidget) or obj.window() is not self.window:
            return False
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return False                      # a text: the box under the pointer takes it
        urls = mime.urls()
        paths = dropped_files(mime)
        remote = [u for u in urls if not u.isLocalFile()]
        why = (MANY if len(urls) > 1 else _remote(remote[0]) if remote else refusal(paths)) \
            if urls else "拖入的内容中没有文件"
        action = self._action(event.possibleActions())
        if why or action is None:
            event.ignore()                    # the no-drop cursor; no box takes it either
            if kind == QEvent.Type.DragEnter:
                say(self.window, why or "这个拖动只允许移动文件：请改为复制（按住 Ctrl 拖动）", 15000)
            return True
        event.setDropAction(action)
        event.accept()
        if kind == QEvent.Type.Drop:
            # after the drop has returned: a question asked inside it would hold the file
            # manager (Windows' Explorer) until answered
            QTimer.singleShot(0, lambda: self.open(paths))
        return True

    @staticmethod
    def _action(possible):
        """Copy, else link: never a move, which a file manager may honour by deleting the file."""
        for action in (Qt.DropAction.CopyAction, Qt.DropAction.LinkAction):
            if possible & action:
                return action
        return None

    def open(self, paths: list[Path]) -> bool:
        why = refusal(paths)
        if why:
            say(self.window, why, 15000)
            return False
        from .errors import guarded
        opened = guarded(self.window, "打开", self.window.file_actions.open_path)(paths[0])
        if opened:
            self.window.activateWindow()      # the file manager had the focus
        return bool(opened)


def accept_file_drops(window) -> FileDrops:
    """Let files dropped anywhere on ``window`` open in it."""
    drops = FileDrops(window)      # (Qt drops the filter when the window takes it with it)
    QApplication.instance().installEventFilter(drops)
    window.setAcceptDrops(True)     # a drop over a part no widget takes (the status bar …)
    return drops
