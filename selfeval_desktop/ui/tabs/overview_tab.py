"""项目概况: the project's identity, contacts, dates, background and overall goal.

Every field commits as it is typed (see :mod:`.fields`); the layout follows the 项目单位自评基本情况表
so a clerk copying from last year's paper form finds each box where she expects it.
"""
from __future__ import annotations

from ..qt import (QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                  QVBoxLayout, QWidget, Qt)
from ...domain.postcode import postcode_problem
from ..paragraph_edit import ParagraphEdit
from .fields import FieldBinder, MonthPicker, scrolled_page, to_top

# attr, label, placeholder
LINE_FIELDS = (
    ("name", "项目名称", "如：科技创新专项资金"),
    ("supervisor", "主管部门", "如：××县科学技术局"),
    ("implementer", "实施单位", "如：××县生产力促进中心"),
    ("leader", "项目负责人", "姓名"),
    ("phone", "联系电话", "如：0311-12345678"),
    ("address", "地址", "单位地址"),
    ("postcode", "邮编", "6位数字"),
)
TEXT_FIELDS = (
    ("background", "立项背景", "项目设立的依据、目的和主要内容"),
    ("implementation", "实施情况", "项目全年组织实施、资金使用和管理的情况"),
)
GOAL_FIELDS = (
    ("goal_expected", "预期目标", "年度总体目标（年初设定）"),
    ("goal_actual", "实际完成情况", "年度总体目标的实际完成情况"),
)
# Place.field names of the checks that the overview answers for, beyond the project attributes
FIELD_ALIASES = {"start_month": "start", "end_month": "end", "period": "start"}


def _text_edit(placeholder: str, lines: int, parent) -> QPlainTextEdit:
    edit = ParagraphEdit(parent)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every form
    edit.set_lines(lines)
    return edit


class OverviewTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.binder = FieldBinder(session, self)
        self.pid: int | None = None

        page = QWidget()
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        edits = {}
        for attr, label, placeholder in LINE_FIELDS:
            edit = QLineEdit(page)
            edit.setPlaceholderText(placeholder)
            edit.setObjectName(f"overview_{attr}")
            edits[attr] = self.binder.bind(edit, "project", attr)
        edits["postcode"].setMaxLength(10)
        edits["postcode"].editingFinished.connect(self._check_postcode)
        session.fieldChanged.connect(
            lambda entity, pid, _key, attr: entity == "project" and attr == "postcode"
            and pid == self.pid and self._check_postcode())
        # row 0: the name over the whole width; then pairs side by side
        grid.addWidget(self._label("项目名称", edits["name"]), 0, 0)
        grid.addWidget(edits["name"], 0, 1, 1, 3)
        pairs = (("supervisor", "implementer"), ("leader", "phone"), ("address", "postcode"))
        labels = {attr: label for attr, label, _ in LINE_FIELDS}
        for row, (left, right) in enumerate(pairs, start=1):
            grid.addWidget(self._label(labels[left], edits[left]), row, 0)
            grid.addWidget(edits[left], row, 1)
            grid.addWidget(self._label(labels[right], edits[right]), row, 2)
            grid.addWidget(edits[right], row, 3)
        self.start = self.binder.bind(MonthPicker(page), "project", "start")
        self.end = self.binder.bind(MonthPicker(page), "project", "end")
        for picker in (self.start, self.end):       # an empty year list opens on 评价年度
            picker.year.hint = lambda: self.session.document.year
        self.start.setObjectName("overview_start")
        self.end.setObjectName("overview_end")
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("至", page))
        period.addWidget(self.end)
        period.addStretch(1)
        grid.addWidget(self._label("项目起止时间", self.start.year), 4, 0)
        grid.addLayout(period, 4, 1, 1, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)

        texts = {}
        for attr, label, placeholder in TEXT_FIELDS:
            edit = _text_edit(placeholder, 4, page)
            edit.setObjectName(f"overview_{attr}")
            texts[attr] = self.binder.bind(edit, "project", attr)
            row = grid.rowCount()
            grid.addWidget(self._label(label, edit, top=True), row, 0)
            grid.addWidget(edit, row, 1, 1, 3)

        goals = QGroupBox("年度总体目标", page)
        goal_layout = QGridLayout(goals)
        for col, (attr, label, placeholder) in enumerate(GOAL_FIELDS):
            edit = _text_edit(placeholder, 5, goals)
            edit.setObjectName(f"overview_{attr}")
            texts[attr] = self.binder.bind(edit, "project", attr)
            goal_layout.addWidget(QLabel(label, goals), 0, col)
            goal_layout.addWidget(edit, 1, col)
        self.edits = {**edits, **texts, "start": self.start, "end": self.end}

        column = QVBoxLayout(page)
        column.addLayout(grid)
        column.addWidget(goals)
        column.addStretch(1)
        self.scroll = scrolled_page(self, page)

    @staticmethod
    def _label(text: str, buddy, top: bool = False) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        align = Qt.AlignmentFlag.AlignRight
        align |= Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter
        label.setAlignment(align)
        return label

    def set_project(self, pid: int | None) -> None:
        to_top(getattr(self, "scroll", None), pid != self.pid)
        self.pid = pid
        self.binder.set_project(pid)
        self._check_postcode()

    def _check_postcode(self) -> None:
        """邮编 not six digits: a red border and the reason as the tooltip (kept as typed)."""
        edit = self.edits["postcode"]
        problem = postcode_problem(edit.text())
        edit.setStyleSheet("QLineEdit { border: 1px solid #d32f2f; background: #fff4f4; }"
                           if problem else "")
        edit.setToolTip(f"邮编“{edit.text().strip()}”{problem}" if problem else "6位数字，如 547000")

    def flush(self) -> None:
        """Commit the field being typed (before undo, switching project, closing)."""
        self.binder.commit_pending()

    def focus_place(self, place) -> bool:
        """Put the cursor in the field a check finding names; False when it is not here."""
        attr = FIELD_ALIASES.get(place.field, place.field)
        widget = self.edits.get(attr)
        if widget is None:
            return False
        target = widget.year if isinstance(widget, MonthPicker) else widget
        self.scroll.ensureWidgetVisible(target)
        target.setFocus()
        return True
