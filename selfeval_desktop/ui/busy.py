"""A long operation run in the window's own thread, with the feedback a clerk expects.

导出Excel, 打印 all projects and 汇总 take seconds on a big file (4 s for a 50-project export).
Before, the window froze without a sign: the clicked menu stayed painted open, and
Windows greys out a window that answers nothing for 5 s (“未响应”). Now the cursor turns busy,
the status bar says what is being done and how far (正在导出Excel… 24%), and the window is
repainted as the work goes on. Keys and clicks wait until it is done (they are not lost: Qt
keeps them); the window is not closed halfway: ✕ closes it once the work is done, and a
logout waits for it (ui.end_session).
"""
from __future__ import annotations

import time

PUMP_SECONDS = 0.1     # the window is repainted at least this often while the work goes on


class Working:
    """``with Working(window, "导出Excel") as work: … work.step(i, n) …``"""

    def __init__(self, window, what: str):
        self.window, self.what, self.text = window, what, f"正在{what}…"
        self._last = 0.0

    def __enter__(self):
        from .qt import QApplication, Qt
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.window.busy = self.what
        self._say(self.text)
        self._pump()
        return self

    def step(self, done: int, total: int) -> None:
        """``done`` of ``total`` steps are done: said as a percentage (the steps are not always
        projects: printing makes each form and then lays it out), the window repainted."""
        if time.monotonic() - self._last < PUMP_SECONDS:
            return
        if total:
            self._say(f"{self.text} {min(done, total) * 100 // total}%")
        self._pump()

    def __exit__(self, exc_type, exc, tb) -> None:
        from .qt import QApplication
        self.window.busy = ""
        QApplication.restoreOverrideCursor()
        bar = self.window.statusBar()
        if bar.currentMessage().startswith(self.text):
            bar.clearMessage()
        if getattr(self.window, "close_when_done", False):
            self.window.close_when_done = False
            if exc_type is None:      # ✕ clicked meanwhile: closed now it is done — not when it
                close_when_free(self.window)   # failed: the clerk reads why

    def _say(self, text: str) -> None:
        if getattr(self.window, "close_when_done", False):
            text += "（完成后将关闭窗口）"
        self.window.statusBar().showMessage(text)

    def _pump(self) -> None:
        from .qt import QApplication, QEventLoop
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self._last = time.monotonic()


def close_when_free(window) -> None:
    """Close ``window`` once no box is open over it (a warning the export still shows, such as
    a text cut to fit a cell, is read first)."""
    from .qt import QApplication, QTimer

    def attempt():
        if QApplication.activeModalWidget() is not None or getattr(window, "busy", ""):
            QTimer.singleShot(200, attempt)
        else:
            window.close()
    QTimer.singleShot(0, attempt)
