"""The one dialog of the edit lock (``db.file_lock``): the file is open in another window.

A lock left by another computer (a laptop that logged out or lost power, on a U盘 or a shared
folder) must not lock the clerk out for good — with only 只读打开 and 取消 she would be, as on
Windows the hidden ``~$`` file cannot be found to delete.
As in Word and Excel, the question says how old the
lock is and, for another computer's lock, offers 仍然编辑… after a confirmation. A second window on
this computer still gets only 只读打开: the first one really has the file open.
"""
from __future__ import annotations

from pathlib import Path

from ..db.file_lock import LockInfo

LOCKED_TITLE = "文件已在另一个窗口中打开"
TAKE_OVER = "take_over"     # ask_lock's answer 仍然编辑 (else True: 只读打开, False: 取消)
TAKE_OVER_BUTTON = "仍然编辑…"
CONFIRM_BUTTON = "已关闭，仍然编辑"


def ask_lock(parent, doc_path: Path, holder: LockInfo):
    """Tell the user the file is in use: True for 只读打开, False for 取消, and ``TAKE_OVER`` for
    仍然编辑 once ``confirm_take_over`` has been answered yes (another computer's lock only)."""
    from .qt import QMessageBox
    from .translations import install_qt_translations
    install_qt_translations()      # (it may show before the window has painted)
    other = holder.from_another_computer()
    if other:
        when, ago = holder.time.replace("T", " "), holder.age()
        since = (f"，自 {when} 起" + (f"（{ago}）" if ago else "")) if when else ""
        text = (f"“{Path(doc_path).name}”已在另一台电脑（{holder.who()}）上打开{since}。\n\n"
                "可以只读打开查看和打印，修改请在那台电脑上进行。\n\n"
                "如果那台电脑已经关机、断电、注销，或 U 盘没有正常退出，文件其实已经关闭，"
                f"只是留下了占用标记：可以点“{TAKE_OVER_BUTTON}”。")
    else:
        text = (f"“{Path(doc_path).name}”{LOCKED_TITLE}"
                f"（{holder.describe() if holder.pid else '另一个窗口'}）。\n\n"
                "可以只读打开查看和打印，修改请在已打开的窗口中进行。")
    while True:
        box = QMessageBox(QMessageBox.Icon.Warning, "文件已在另一台电脑上打开" if other else
                          LOCKED_TITLE, text,
                          QMessageBox.StandardButton.NoButton, parent)
        readonly = box.addButton("只读打开", QMessageBox.ButtonRole.AcceptRole)
        take = box.addButton(TAKE_OVER_BUTTON, QMessageBox.ButtonRole.DestructiveRole) \
            if other else None
        cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(readonly)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if take is None or clicked is not take:
            return clicked is readonly
        if confirm_take_over(parent, doc_path, holder):
            return TAKE_OVER
        # 取消 on the confirmation: back to the question (只读打开 is still there)


def confirm_take_over(parent, doc_path: Path, holder: LockInfo) -> bool:
    """The warning before 仍然编辑; True only for 已关闭，仍然编辑 (the default is 取消: an Enter
    pressed by habit takes nothing over)."""
    from . import dialogs
    from .translations import install_qt_translations
    install_qt_translations()
    when = holder.time.replace("T", " ")
    ago = holder.age()
    since = f"占用标记是 {when} 留下的" + (f"（{ago}）" if ago else "") + "。\n\n" if when else ""
    text = (f"请确认那台电脑（{holder.who()}）已经关闭了“{Path(doc_path).name}”，"
            "否则两边的修改会互相覆盖。\n\n" + since +
            "确认后，本机将接管这个文件并以可编辑方式打开；那台电脑上如果还开着，请不要再在那边修改。")
    answer = dialogs.choose(parent, "仍然编辑", text, [CONFIRM_BUTTON, "取消"], default=1,
                            kind=dialogs.WARNING)
    return answer == 0
