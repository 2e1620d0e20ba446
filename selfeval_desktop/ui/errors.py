"""Unexpected errors in the window: a Chinese message box and a log file, never silence.

A window action that raises (a bug, a full disk, a file the reports package cannot write) used to
end in a traceback on a console no clerk ever sees: 导出Excel simply did nothing. Now:

- every 文件 menu action runs through :func:`guarded`: an exception shows “导出Excel失败：…”,
  the traceback is appended to ``错误记录.txt`` in the user's data folder (the box says where, so
  it can be emailed), and the document is left as it was (actions write the document only through
  the session, whose failed writes are rolled back);
- :func:`install_excepthook` (at start-up) does the same for any other slot Qt calls: PySide
  hands an exception raised in a slot to ``sys.excepthook``.
"""
from __future__ import annotations

from datetime import datetime
import functools
from pathlib import Path
import sys
import traceback

LOG_NAME = "错误记录.txt"


def log_dir() -> Path:
    from .qt import QStandardPaths
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder or Path.home() / ".selfeval-desktop")


def log_exception(exc_type, exc, tb, context: str = "") -> Path | None:
    """Append the traceback to the log file; its path, or None when it could not be written."""
    path = log_dir() / LOG_NAME
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"==== {datetime.now().isoformat(timespec='seconds')} {context}\n{text}\n")
    except OSError:
        return None
    return path


def message_for(title: str, exc: BaseException, logged: Path | None) -> str:
    reason = str(exc).strip() or type(exc).__name__
    text = f"{title}：{reason}"
    if logged is not None:
        text += f"\n\n文件未被改动。详细信息已记录在：\n{logged}\n（如需求助，请把这个文件发给技术支持）"
    else:
        text += "\n\n文件未被改动。"
    return text


def show_error(parent, title: str, exc: BaseException, context: str = "") -> None:
    """Log ``exc`` and tell the user in a box (``title`` like “导出Excel失败”)."""
    from .qt import QMessageBox
    logged = log_exception(type(exc), exc, exc.__traceback__, context or title)
    QMessageBox.critical(parent, "出错了", message_for(title, exc, logged))


def action_title(text: str) -> str:
    """“打印·导出PDF：项目支出绩效自评表…” → “打印·导出PDF失败” (“新建(&N)…” → “新建失败”)."""
    from .access_keys import plain_text
    name = plain_text(text).replace("…", "").replace("...", "").split("：")[0].strip()
    return f"{name}失败" if name else "操作失败"


def guarded(parent, title: str, slot):
    """``slot`` wrapped so that an exception it raises is logged and shown, not lost."""
    @functools.wraps(slot)
    def run(*args, **kwargs):
        try:
            return slot(*args, **kwargs)
        except Exception as exc:       # noqa: BLE001 - everything unexpected is shown
            show_error(parent() if callable(parent) else parent, title, exc)
            return None
    return run


_previous_hook = None


def handle_uncaught(exc_type, exc, tb) -> None:
    """sys.excepthook: log, print as before, and show the box (when a window can show it)."""
    if _previous_hook is not None:
        _previous_hook(exc_type, exc, tb)
    if issubclass(exc_type, KeyboardInterrupt) or getattr(exc, "told", False):
        return      # (told: a failed save the window has already shown as 保存失败)
    logged = log_exception(exc_type, exc, tb, "uncaught")
    global _pending
    try:
        from .qt import QApplication, QTimer
        if QApplication.instance() is None or _pending:
            return      # one box at a time: an error repeated on every repaint is logged, not
                        # shown again over the first (not a box per paint)
        _pending = True
        # shown once the handler that raised has returned: a modal box run from inside a grid's
        # event filter or a delegate's commit crashed Qt when it closed (a segfault)
        QTimer.singleShot(0, lambda: _show_uncaught(message_for("程序出错", exc, logged)))
    except Exception:   # noqa: BLE001 - the hook itself must never raise
        _pending = False


_pending = False     # a box for an uncaught error is waiting or open


def _show_uncaught(message: str) -> None:
    global _pending
    try:
        from .qt import QApplication, QMessageBox
        QMessageBox.critical(QApplication.activeWindow(), "出错了", message)
    finally:
        _pending = False


def install_excepthook() -> None:
    global _previous_hook
    if sys.excepthook is not handle_uncaught:
        _previous_hook = sys.excepthook
        sys.excepthook = handle_uncaught
