"""Closing the document (关闭文件, 退出, the window's ×, opening another file) — never losing work
silently.

Every edit is saved as it is made, so closing normally asks nothing. But when the last write did
not reach the file (U盘 pulled out, disk full, the file busy in another program), or the field
still being typed cannot be saved on close, what is on screen is not in the file: the clerk is
asked — 另存为副本… / 仍然关闭 / 取消 — before anything goes. 取消 keeps the window and what is typed
(plug the U盘 back in and leave the field: it is saved). The failure of the closing flush is said
once, inside the question, not in a 保存失败 box of its own (that box said “接回后再修改即可” and then
the window closed anyway). On 仍然关闭 the unsaved texts are put on the clipboard.
"""
from __future__ import annotations

from .qt import QAbstractItemView, QApplication, QLabel, QMessageBox, QWidget

COPY, CLOSE, CANCEL = "copy", "close", "cancel"
TITLE = "有修改没有保存"


def ask_unsaved(parent, text: str) -> str:
    """COPY, CLOSE or CANCEL (a module function, so tests can answer it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, TITLE, text, QMessageBox.StandardButton.NoButton,
                      parent)
    copy = box.addButton("另存为副本…", QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton("仍然关闭", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return COPY if clicked is copy else CLOSE if clicked is close else CANCEL


def unsaved_fields(page) -> list[tuple[str, str]]:
    """(label, text) of the fields showing text that did not reach the file (red, “未保存”)."""
    if page is None:
        return []
    labels = {}
    for label in page.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None:
            labels[buddy] = label.text().replace("&", "").rstrip("：:* ")
    found = []
    for widget in page.findChildren(QWidget):
        if widget.property("unsaved"):
            text = widget.toPlainText() if hasattr(widget, "toPlainText") else \
                widget.text() if hasattr(widget, "text") else ""
            if text:
                found.append((labels.get(widget) or widget.accessibleName() or "输入框", text))
    for view in page.findChildren(QAbstractItemView):    # grid cells kept red (models.base)
        for label, text in getattr(view.model(), "unsaved", {}).values():
            if text and (label, text) not in found:
                found.append((label, text))
    return found


def question(failure: str | None, fields: list[tuple[str, str]]) -> str:
    lines = ["有修改没有保存到文件，关闭后这些修改会丢失。"]
    if failure:
        lines += ["", failure]
    if fields:
        lines += ["", "未保存的内容："] + [f"· {name}：{_short(text)}" for name, text in fields]
    lines += ["",
              "取消：回到文件（U 盘接回、磁盘腾出空间或其他程序关闭后，再离开一次红框中的输入框即可保存）；",
              "另存为副本…：把文件中已保存的内容另存一份再关闭；",
              "仍然关闭：放弃未保存的修改" + ("（未保存的文字会复制到剪贴板）" if fields else "") + "。"]
    return "\n".join(lines)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def may_close(window, ask: bool = True) -> bool:
    """Commit what is being typed; when something is not in the file, ask (unless ``ask`` is
    False). True: go on closing."""
    session, page = window.session, window.page
    failures: list[str] = []
    window.quiet_failures = failures      # the flush's failures go into the question, once
    try:
        page.flush()
        if session.readonly or not ask:
            return True
        fields = unsaved_fields(page)
        failure = session.write_error or (failures[-1] if failures else None)
        if failure is None and not fields:
            return True
        answer = ask_unsaved(window, question(failure, fields))
        if answer == CANCEL:
            return False
        if answer == COPY and not window.file_actions.save_copy():
            return False
        if fields:
            QApplication.clipboard().setText("\n".join(f"{name}：{text}" for name, text in fields))
        return True
    finally:
        window.quiet_failures = None


def close_document(window, ask: bool = True) -> bool:
    """Close the window's document (asking first when work would be lost); False: kept open."""
    if window.session is None:
        return True
    if not may_close(window, ask):
        return False
    session = window.session
    from . import backups
    backups.closing(window, session)   # a last snapshot when it changed since the last one
    try:
        session.writeFailed.disconnect(window._write_failed)   # nothing more to say about it
    except (RuntimeError, TypeError):   # never connected (a session shown another way)
        pass
    session.blockSignals(True)        # a field's focus-out while the page goes writes nothing
    session.readonly = True
    window._save_splitter()
    window.checks.set_session(None)
    window.stack.removeWidget(window.page)
    window.page.deleteLater()
    window.page = None
    window.session = None
    if window.follower is not None:
        window.follower.stop()
        window.follower = None
    session.opened.close()
    session.deleteLater()
    if window.lock is not None:
        window.lock.release()
        window.lock = None
    window.stack.setCurrentWidget(window.welcome)
    window.saved_label.setText("")
    window._show_document_state()
    return True
