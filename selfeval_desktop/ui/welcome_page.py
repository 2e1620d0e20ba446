"""The page shown without a document: 新建, 从上年文件新建, 打开, 演示 and the recent files."""
from __future__ import annotations

from pathlib import Path

from .qt import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                 QVBoxLayout, QWidget, Qt)
from .zoom import is_font_change, px, relative_font

APP_TITLE = "绩效自评助手"


class WelcomePage(QWidget):
    """Shown without a document: 新建, 打开, 演示 and the recent files."""

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.title = title = QLabel(APP_TITLE, self)
        relative_font(title, 2.2, bold=True)
        hint = QLabel("项目支出绩效自评：填写资金和指标，自动打分定等次，打印自评表。\n"
                      "所有修改随时自动保存，无需点“保存”。收到的自评文件可以直接拖到这个窗口上打开。", self)
        self.new_button = QPushButton("新建自评文件…", self)
        self.open_button = QPushButton("打开已有文件…", self)
        self.demo_button = QPushButton("打开演示文件", self)
        self.rollover_button = QPushButton("从上年文件新建…", self)
        self.rollover_button.setToolTip("选择上一年度的自评文件：项目、指标目标、分值和评价人员带入新年度，"
                                        "实际完成值、得分和意见清空")
        self.rollover_button.clicked.connect(window.file_actions.new_from_last_year)
        for b in (self.new_button, self.rollover_button, self.open_button, self.demo_button):
            b.setMinimumHeight(px(36))
        self.new_button.clicked.connect(window.file_actions.new_document)
        self.open_button.clicked.connect(window.file_actions.open_dialog)
        self.demo_button.clicked.connect(window.file_actions.open_demo)
        self.recent = QListWidget(self)
        self.recent.setObjectName("recentList")
        self.recent.itemActivated.connect(
            lambda item: item.data(Qt.ItemDataRole.UserRole)
            and window.file_actions.open_path(item.data(Qt.ItemDataRole.UserRole)))
        buttons = QHBoxLayout()
        for b in (self.new_button, self.rollover_button, self.open_button, self.demo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QVBoxLayout()
        box.addWidget(title)
        box.addWidget(hint)
        box.addSpacing(12)
        box.addLayout(buttons)
        box.addSpacing(12)
        box.addWidget(QLabel("最近打开的文件（双击打开）：", self))
        box.addWidget(self.recent, 1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(box, 4)
        outer.addStretch(1)
        self.window_ = window
        self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """显示比例 changed (ui.zoom): the title and the big buttons in the new size."""
        super().changeEvent(event)
        if is_font_change(event):
            relative_font(self.title, 2.2, bold=True)
            for b in (self.new_button, self.rollover_button, self.open_button, self.demo_button):
                b.setMinimumHeight(px(36))

    def refresh(self) -> None:
        self.recent.clear()
        for path in self.window_.file_actions.recent_files():
            item = QListWidgetItem(f"{Path(path).name}    （{Path(path).parent}）")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        if not self.recent.count():
            item = QListWidgetItem("（还没有打开过文件。第一次使用请点“新建自评文件”，或先打开演示文件看看。）")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)
