"""A file dragged from the desktop or the file manager onto the window opens, as in Excel/WPS.

A clerk saves the file received by e-mail to the desktop and drags it onto the window. Before,
nothing happened over most of the window, and over a text box the box took the drag as text: the
file's path was typed into 项目名称 (the file managers of UOS/Kylin offer a file as text too).

Now a drag that carries files is the window's wherever it is let go: one document opens (with
the usual checks: another window has it, a newer format …), an Excel workbook is offered to
导入Excel (``FileActions.open_path`` asks), and anything else is refused with a word in the status
bar. A text dragged inside the window is left to the boxes, as before.

The filter sits on the application (a drag goes to the widget under the pointer first), is
installed after the first paint, and looks at nothing but the three drag event types.
"""
from __future__ import annotations

from pathlib import Path

from .qt import QApplication, QEvent, QObject, QTimer, QWidget
from .status_line import say

DRAG_TYPES = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
MANY = "一次拖入一个自评文件即可打开；要汇总多个单位的文件，请用 文件 → 汇总多个自评文件…"


def dropped_files(mime) -> list[Path]:
    """The local files a drag carries (none for a text, a web link or a mail attachment not yet
    saved)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


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
        paths = dropped_files(event.mimeData())
        if not paths:
            return False                      # a text: the box under the pointer takes it
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            # after the drop has returned: a question asked inside it would hold the file
            # manager (Windows' Explorer) until answered
            QTimer.singleShot(0, lambda: self.open(paths))
        return True

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
