"""新建: the small dialog asking 单位名称, 评价年度, 评价内容 and 评分规则 before the file is saved."""
from __future__ import annotations

from datetime import date

from ..domain.model import Document
from ..domain.profiles import all_profiles
from .file_actions import DEFAULT_PROFILE
from .dialogs import ok_cancel
from .qt import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QSpinBox, Qt, QWidget


SCOPES = (("项目支出（先建一个项目，以后可再新增）", "project"),
          ("部门整体支出（部门整体支出绩效自评）", "department"),
          ("部门整体及所属项目", "both"))

# four rules to choose from: a word on which to take
PROJECT_HINT = "不确定时选“财政部项目支出绩效自评（财预〔2020〕10号）”；本省另有办法的选本省的。"
LATER = "评分规则和等次写法（优/优秀…）以后都可在窗口上方更改。"
HINTS = {
    "project": PROJECT_HINT + LATER + "部门整体评价也可以以后在“项目 → 新增部门整体评价”加入。",
    "department": "部门整体评价按“{department}”计分，不用选择。以后如新增项目，项目的评分规则默认为"
                  "财政部办法（财预〔2020〕10号），可在窗口上方更改。",
    "both": PROJECT_HINT + "部门整体评价按“{department}”计分。" + LATER,
}


class NewDocumentDialog(QDialog):
    """新建: 单位名称, 评价年度, 评价内容 (projects, the 部门整体, or both), 评分规则 — the projects'
    rule to choose, the 部门整体's said (it has one rule); only what applies to the 评价内容 chosen
    (a 部门整体 file is not asked a project rule whose choice would then be ignored)."""

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
        department_id = Document().department_profile_id
        department_rule = None
        for prof in all_profiles():
            if prof.kind == "project":
                self.profile.addItem(prof.name, prof.id)
                self.profile.setItemData(self.profile.count() - 1, prof.description,
                                         Qt.ItemDataRole.ToolTipRole)
            elif prof.id == department_id:
                department_rule = prof
        default = self.profile.findData(DEFAULT_PROFILE)   # DESIGN: 财预〔2020〕10号 unless chosen
        self.profile.setCurrentIndex(max(default, 0))
        self._department_name = department_rule.name if department_rule else "部门整体支出绩效自评"
        # the 部门整体's rule, said (not chosen): one rule scores it
        self.department_rule = QLabel(self._department_name, self)
        self.department_rule.setToolTip(department_rule.description if department_rule else "")
        # a 部门整体 evaluation chosen here, not reached only through the ▾ beside 新增 after
        # deleting the empty project every new file began with
        self.scope = QComboBox(self)
        for text, key in SCOPES:
            self.scope.addItem(text, key)
        self.form = form = QFormLayout(self)
        form.addRow("单位名称", self.unit)
        form.addRow("评价年度", self.year)
        form.addRow("评价内容", self.scope)
        self.profile_label = QLabel("评分规则", self)
        form.addRow(self.profile_label, self.profile)
        self.department_label = QLabel("部门整体评分规则", self)
        form.addRow(self.department_label, self.department_rule)
        # Tab in the order on screen (not 评价年度 → 评分规则 → 评价内容); a hidden rule
        # list is left out of it by Qt
        for first, second in ((self.unit, self.year), (self.year, self.scope),
                              (self.scope, self.profile)):
            QWidget.setTabOrder(first, second)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666;")
        form.addRow("", self.hint)
        form.addRow(ok_cancel(self, "下一步：选择保存位置"))
        self.setMinimumWidth(420)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self._scope_changed()

    def _scope_changed(self) -> None:
        """The rule rows of the 评价内容 chosen: 部门整体 alone has no project rule to choose."""
        scope = self.scope.currentData()
        self.form.setRowVisible(self.profile, scope != "department")
        self.form.setRowVisible(self.department_rule, scope != "project")
        self.profile_label.setText("项目评分规则" if scope == "both" else "评分规则")
        self.department_label.setText("评分规则" if scope == "department" else "部门整体评分规则")
        self.hint.setText(HINTS[scope].format(department=self._department_name))
        if self.isVisible():            # before it is shown, Qt sizes it as a whole
            self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the rows shown and the hint's lines need (with 部门整体及所属项目 the hint
        must not be cut off at the bottom; rows come and go with the 评价内容)."""
        self.form.activate()
        needed = self.heightForWidth(self.width())
        if needed > 0:
            self.resize(self.width(), needed)

    def values(self) -> tuple[str, int, str | None, str]:
        """(单位名称, 评价年度, the projects' rule id — None when only the 部门整体 is evaluated and
        no rule was asked —, 评价内容: project / department / both)."""
        scope = self.scope.currentData()
        profile = None if scope == "department" else self.profile.currentData()
        return self.unit.text().strip(), self.year.value(), profile, scope
