"""文件 → 从其他自评文件加入项目…: projects of another 自评文件 copied into the open one.

A 处室 that filled its projects in this program emails its file; the unit's clerk picks the
projects to take into the year's file, rather than retyping them. Copies get new
ids and are not 定稿 (a check code vouches for one file's paper); one Ctrl+Z takes them all out.
The other file is only read.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..db.document import DocumentError, open_document
from ..files import same_file
from ..db.repo import load_document
from ..domain.model import Document, ProjectKind
from . import import_into
from .qt import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                 QMessageBox, QPushButton, Qt, QVBoxLayout)

TITLE = "从其他自评文件加入项目"


class PickProjects(QDialog):
    """The other file's projects, each with a check box (all ticked but what cannot join)."""

    def __init__(self, parent, current: Document, other: Document, source: Path):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.other = other
        layout = QVBoxLayout(self)
        unit = other.unit.name or "未填单位"
        head = QLabel(f"“{source.name}”（{unit}，{other.year or '未填'}年度）中的项目，"
                      f"勾选要加入当前文件的：", self)
        head.setWordWrap(True)
        layout.addWidget(head)
        notes = import_into.mismatches(current, other, "该文件")   # a 自评文件, not a 工作簿
        if any(p.finalized_at or p.digest for p in other.projects):
            notes.append("已定稿的项目加入后不再是定稿状态（校验码只对应原文件打印的表）。")
        if notes:
            note = QLabel("\n".join(notes), self)
            note.setWordWrap(True)
            note.setStyleSheet("color: #8a5a00;")
            layout.addWidget(note)
        self.list = QListWidget(self)
        twice = 0
        for project in other.projects:
            there = import_into.already_there(current, project)
            twice += there
            item = QListWidgetItem(_caption(project) + ("（当前文件已有）" if there else ""),
                                   self.list)
            blocked = project.kind == ProjectKind.DEPARTMENT and current.department is not None
            if blocked:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip("当前文件已有部门整体评价，一个文件只能有一个")
            elif there:     # the same file added twice would double the totals
                item.setToolTip("当前文件中已有同名、同实施单位的项目；确需再加入一份时再勾选")
            item.setCheckState(Qt.CheckState.Unchecked if blocked or there
                               else Qt.CheckState.Checked)
        if twice:
            again = QLabel(f"{twice} 个项目当前文件中已有，未勾选（是否已经加入过这个文件？）", self)
            again.setStyleSheet("color: #8a5a00;")
            layout.addWidget(again)
        layout.addWidget(self.list, 1)
        ticks = QHBoxLayout()
        for text, state in (("全选", Qt.CheckState.Checked), ("全不选", Qt.CheckState.Unchecked)):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, s=state: self._tick_all(s))
            ticks.addWidget(button)
        ticks.addStretch(1)
        layout.addLayout(ticks)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton("加入", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(lambda _item: self.ok.setEnabled(bool(self.picked())))
        layout.addWidget(buttons)
        self.resize(520, 420)

    def _tick_all(self, state) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(state)

    def picked(self) -> list:
        return [p for i, p in enumerate(self.other.projects)
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


def _caption(project) -> str:
    name = project.name.strip() or "未命名项目"
    kind = "【部门整体】" if project.kind == ProjectKind.DEPARTMENT else ""
    done = "（已定稿）" if project.finalized_at or project.digest else ""
    return f"{kind}{name}{done}"


def ask_projects(parent, current: Document, other: Document, source: Path) -> list | None:
    """The projects picked, or None when cancelled (a module function: tests replace it)."""
    dialog = PickProjects(parent, current, other, source)
    return dialog.picked() if dialog.exec() == QDialog.DialogCode.Accepted else None


def read_other(path: Path) -> Document:
    """The other file's document, read only; DocumentError in Chinese when it cannot be."""
    opened = open_document(path, readonly=True)
    try:
        return load_document(opened.conn)
    except DocumentError:
        raise
    except Exception as exc:
        raise DocumentError(f"无法读取“{path.name}”的内容（{exc}）") from None
    finally:
        opened.close()


def merge_from_file(actions, source: str | None = None) -> bool:
    from .file_actions import FILE_FILTER
    from .qt import QFileDialog
    window, session = actions.window, actions.window.session
    if session is None:
        return False
    if session.readonly:
        QMessageBox.information(window, TITLE, "当前文件是只读打开的，不能加入项目")
        return False
    if source is None:
        source, _ = QFileDialog.getOpenFileName(window, TITLE, actions.received_dir(), FILE_FILTER)
        if source:
            actions.remember_received(source)
    if not source:
        return False
    path = Path(source)
    if same_file(path, session.path):     # (a link or another spelling too)
        QMessageBox.warning(window, TITLE, f"“{path.name}”就是当前打开的文件；复制其中的项目请用“项目 → 复制项目”")
        return False
    try:
        other = read_other(path)
    except (DocumentError, OSError) as exc:
        QMessageBox.warning(window, TITLE, f"无法打开“{path.name}”：{exc}")
        return False
    if not other.projects:
        QMessageBox.information(window, TITLE, f"“{path.name}”中没有项目")
        return False
    picked = ask_projects(window, session.document, other, path)
    if not picked:
        return False
    window.page.flush()
    from .backups import before
    before(window, "merge")      # 备份与恢复: the file as it was before the projects joined it
    pids, left = import_into.add_to_session(session, replace(other, projects=picked), "从其他文件加入")
    if pids:
        window.page.projects.select_pid(pids[0])
    said = "；".join([f"已从“{path.name}”加入 {len(pids)} 个项目（撤销：Ctrl+Z）", *left])
    window.statusBar().showMessage(said, 15000)
    return bool(pids)
