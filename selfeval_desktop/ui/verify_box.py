"""项目 → 核对定稿校验码…: what ``selfeval-desktop verify`` says, in a box, and 按纸质表核对.

The receiver (主管部门, 财政) holds the stamped paper and the emailed file. The box says for every
finalized project whether the file still holds what was finalized and, when not, what changed
since (``domain.finalized_diff``). Its 按纸质表校验码核对… asks for the 校验码 printed on one paper
form and says whether the file holds what that paper shows: also for a paper printed before a
撤销定稿, whose code the file no longer carries. Nothing here writes to the file.
"""
from __future__ import annotations

from .dialogs import ok_cancel
from .qt import QDialog, QLabel, QLineEdit, QMessageBox, QVBoxLayout

SHOWN_CHANGES = 12     # a project's changes listed in the box (all of them under 详细信息)
WIDE = "QLabel#qt_msgbox_informativelabel { min-width: 34em; }"   # a change on one line, mostly
PAPER_BUTTON = "按纸质表校验码核对…"


def snapshots_of(session) -> dict:
    """The 定稿 contents stored in the session's file; none when they cannot be read (核对 then
    says, for each mismatch, that it cannot tell what changed)."""
    import sqlite3
    from ..db.repo import finalized_snapshots
    try:
        return finalized_snapshots(session.conn)
    except sqlite3.Error:
        return {}


def show_verification(parent, session) -> tuple[bool | None, list[str]]:
    """The 核对 box; (True all match / False a mismatch / None nothing finalized, its lines)."""
    from ..domain.digest import verification
    from ..domain.finalized_diff import CHANGE, cut_changes
    lines, finalized, bad = verification(session.document, snapshots_of(session))
    shown = [line for line in cut_changes(lines, SHOWN_CHANGES)
             if not line.startswith("      ")]   # not the long digests
    icon = QMessageBox.Icon.Warning if bad else QMessageBox.Icon.Information
    box = QMessageBox(icon, "核对定稿校验码", shown[-1], QMessageBox.StandardButton.Ok, parent)
    box.setStyleSheet(WIDE)
    listed = any(line.startswith(CHANGE) for line in shown)
    if finalized:
        box.setInformativeText("\n".join(shown[:-1]) + (
            "\n\n不一致的项目：定稿后内容被改动过，纸质表上的校验码对它已无效。"
            + ("上面列出了与定稿时相比改动的内容。" if listed else
               "文件中没有定稿时内容的记录的，请与盖章的纸质表逐项对照。") if bad else
            "\n\n与纸质表上的校验码逐一对照，一致即说明文件内容与盖章的表相同。"))
        box.setDetailedText("\n".join(lines))
    else:
        box.setInformativeText("手中有这个文件打印的纸质表时，可按其上的校验码核对（撤销定稿或恢复备份之前打印的也可以）。")
    paper = box.addButton(PAPER_BUTTON, QMessageBox.ButtonRole.ActionRole)
    box.exec()
    if box.clickedButton() is paper:
        ask_paper_code(parent, session)
    return (None if not finalized else not bad), lines


class PaperCodeDialog(QDialog):
    """Asks for the 校验码 printed on a paper form; says at once when the text cannot be one."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("按纸质表校验码核对")
        layout = QVBoxLayout(self)
        label = QLabel("输入纸质表上印的校验码（16 位，如 ABCD-1234-EF56-7890；"
                       "大小写、空格和横线都可以）：", self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("ABCD-1234-EF56-7890")
        label.setBuddy(self.edit)
        layout.addWidget(self.edit)
        self.problem = QLabel("", self)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel(self, "核对", self._accept))
        self.code: str | None = None
        self.resize(460, self.sizeHint().height())

    def _accept(self) -> None:
        from ..domain.finalized_diff import normalized_code
        text = self.edit.text()
        self.code = normalized_code(text)
        if self.code is None:    # kept as typed, said where it was typed
            self.problem.setText(f"“{text.strip()}”不是校验码：纸质表上的校验码是 16 位，"
                                 "由数字 0–9 和字母 A–F 组成" if text.strip() else "请输入校验码")
            self.edit.setFocus()
            return
        self.accept()


def ask_paper_code(parent, session) -> tuple[str, list[str]] | None:
    """Ask for a paper's 校验码 and say what the file holds against it; (status, lines) or None."""
    dialog = PaperCodeDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.code is None:
        return None
    return show_paper_check(parent, session, dialog.code)


def restores_of(session) -> list[tuple[str, str]]:
    """The 恢复为此版本 lines of the session's 修改记录 (none when they cannot be read)."""
    import sqlite3
    from ..db.repo import restores
    try:
        return restores(session.conn)
    except sqlite3.Error:
        return []


def show_paper_check(parent, session, code: str) -> tuple[str, list[str]]:
    from ..domain.finalized_diff import MATCH, UNKNOWN, cut_changes, paper_check
    status, lines = paper_check(session.document, code, snapshots_of(session),
                                restores_of(session))
    short = cut_changes(lines, SHOWN_CHANGES)
    icon = QMessageBox.Icon.Information if status == MATCH else QMessageBox.Icon.Warning
    head = {MATCH: "文件与纸质表相同", UNKNOWN: "文件中没有这个校验码"}.get(status, "文件与纸质表不同")
    box = QMessageBox(icon, "按纸质表校验码核对", head, QMessageBox.StandardButton.Ok, parent)
    box.setStyleSheet(WIDE)
    box.setInformativeText("\n".join(short))
    if len(lines) > len(short):
        box.setDetailedText("\n".join(lines))
    box.exec()
    return status, lines
