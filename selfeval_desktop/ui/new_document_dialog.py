"""新建: the small dialog asking 单位名称, 评价年度, 评价内容 and 评分规则 before the file is saved."""
from __future__ import annotations

from datetime import date

from ..domain.profiles import all_profiles
from .file_actions import DEFAULT_PROFILE
from .qt import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, Qt,
                 QWidget)


SCOPES = (("项目支出（先建一个项目，以后可再新增）", "project"),
          ("部门整体支出（部门整体支出绩效自评）", "department"),
          ("部门整体及所属项目", "both"))


class NewDocumentDialog(QDialog):
    """新建: 单位名称, 评价年度, 评价内容 (projects, the 部门整体, or both), 评分规则."""

    def __init__(self, parent=None, unit: str = "", year: int | None = None):
        super().__init__(parent)
        self.setWindowTitle("新建自评文件")
        self.unit = QLineEdit(unit, self)
        self.unit.setPlaceholderText("如：××县科学技术局")
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year or date.today().year - 1)
        self.year.setSuffix(" 年度")
        self.profile = QComboBox(self)
        for prof in all_profiles():
            if prof.kind == "project":
                self.profile.addItem(prof.name, prof.id)
                self.profile.setItemData(self.profile.count() - 1, prof.description,
                                         Qt.ItemDataRole.ToolTipRole)
        default = self.profile.findData(DEFAULT_PROFILE)   # DESIGN: 财预〔2020〕10号 unless chosen
        self.profile.setCurrentIndex(max(default, 0))
        # review 16a: a 部门整体 evaluation was reached only through the ▾ beside 新增, after
        # deleting the empty project every new file began with
        self.scope = QComboBox(self)
        for text, key in SCOPES:
            self.scope.addItem(text, key)
        form = QFormLayout(self)
        form.addRow("单位名称", self.unit)
        form.addRow("评价年度", self.year)
        form.addRow("评价内容", self.scope)
        form.addRow("评分规则", self.profile)
        # Tab in the order on screen (review 19: 评价年度 → 评分规则 → 评价内容)
        for first, second in ((self.unit, self.year), (self.year, self.scope),
                              (self.scope, self.profile)):
            QWidget.setTabOrder(first, second)
        # review 12b: four rules and no word on which to take
        hint = QLabel("不确定时选“财政部项目支出绩效自评（财预〔2020〕10号）”；本省另有办法的选本省的。"
                      "评分规则和等次写法（优/优秀…）以后都可在窗口上方更改；部门整体评价也可以"
                      "以后在“项目 → 新增部门整体评价”加入。", self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        form.addRow("", hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("下一步：选择保存位置")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def values(self) -> tuple[str, int, str, str]:
        return (self.unit.text().strip(), self.year.value(), self.profile.currentData(),
                self.scope.currentData())
