"""The one dialog of the edit lock (``db.file_lock``): the file is open in another window."""
from __future__ import annotations

from pathlib import Path

from ..db.file_lock import LockInfo

LOCKED_TITLE = "文件已在另一个窗口中打开"


def ask_lock(parent, doc_path: Path, holder: LockInfo) -> bool:
    """Tell the user the file is in use; True when they choose 只读打开, False for 取消."""
    from .qt import QMessageBox
    from .translations import install_qt_translations
    install_qt_translations()      # (it may show before the window has painted)
    box = QMessageBox(QMessageBox.Icon.Warning, LOCKED_TITLE,
                      f"“{Path(doc_path).name}”{LOCKED_TITLE}（{holder.describe() if holder.pid else '另一个窗口'}）。\n\n"
                      "可以只读打开查看和打印，修改请在已打开的窗口中进行。",
                      QMessageBox.StandardButton.NoButton, parent)
    readonly = box.addButton("只读打开", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(readonly)
    box.exec()
    return box.clickedButton() is readonly
