"""The status corner and the 保存失败 box: 已保存 hh:mm:ss, 未保存 while a write failed or a field
is still red, the box saying why, that nothing typed is lost and what to do; a U盘 plugged back in
getting the window's lock again. Mixed into MainWindow (uses saved_label, statusBar, page, lock,
quiet_failures)."""
from __future__ import annotations

from .qt import QTimer
from .session_tx import GROUP_UNDONE

KEPT = ("输入的内容没有丢：输入框里的文字仍在原处（红框）；表格里刚输入的内容仍在格中（红色），"
        "也已复制到剪贴板。")
RETRY = ("腾出磁盘空间、关闭占用此文件的程序后，再离开一次输入框，或选中那一格按 F2 再按 Enter，"
         "即可保存；也可用“文件 → 另存为副本”把已保存的内容另存一份。")
GROUP_RETRY = "腾出磁盘空间（或接回 U 盘）、关闭占用此文件的程序后，再做一次即可"


def failure_advice(message: str) -> str:
    """The 保存失败 box: why, that nothing typed is lost, and what to do (told only why, clerks
    retyped what was still there)."""
    if GROUP_UNDONE in message:       # a paste, fill or clearing taken back whole
        if "重新打开" in message:     # another file in its place: reopen, not retry
            return message
        pasted = "；要粘贴的内容仍在剪贴板中" if "“粘贴" in message else ""
        return f"{message}\n\n{GROUP_RETRY}{pasted}。"
    # the U盘 messages say what to do (接回后 …; 重新打开 for another file in its place)
    retry = "" if "接回后" in message or "重新打开" in message else "\n" + RETRY
    return f"{message}\n\n{KEPT}{retry}"


class SaveStatus:
    def _saved(self, text: str) -> None:
        self.saved_label.setStyleSheet("")
        self.saved_label.setToolTip("")
        self.saved_label.setText(text)
        if self._failed_since:     # once the field just written has dropped its red
            QTimer.singleShot(0, self._still_red)

    def _relock(self) -> None:
        """A U盘 plugged back in: this window's lock on the file written again."""
        holder = self.lock.renew() if self.lock is not None else None
        if holder is not None:
            self.statusBar().showMessage(
                f"文件已重新接上，但它已被{holder.describe()}打开：请勿两处同时修改", 0)

    def _still_red(self) -> None:
        """Another field saved while one is still red and not in the file: 未保存 stays, not
        已保存."""
        from .close_guard import unsaved_fields
        red = unsaved_fields(self.page)
        if not red:
            self._failed_since = False
            return
        self.saved_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.saved_label.setText(f"未保存：{len(red)} 处红框中的内容还没有写入文件")
        self.saved_label.setToolTip("\n".join(f"{name}：{t[:40]}" for name, t in red))

    def _write_failed(self, message: str) -> None:
        """Said in a box, and in red in the status bar until a write succeeds again. While the
        document is being closed the failures are collected for close_guard's question instead;
        a failure already in an open box is not shown again (a field left twice)."""
        self._failed_since = True      # until no field is red: 已保存 is not said (_saved)
        self.saved_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.saved_label.setText("未保存：最近的修改没有写入文件")
        self.saved_label.setToolTip(message)
        if self.quiet_failures is not None:
            self.quiet_failures.append(message)
            return
        if message == self._failure_shown:
            return
        self._failure_shown = message
        from .qt import QMessageBox   # set up by PySide6 when first needed, not at start
        try:
            QMessageBox.warning(self, "保存失败", failure_advice(message))
        finally:
            self._failure_shown = None
