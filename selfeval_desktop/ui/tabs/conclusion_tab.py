"""结论: the computed 综合得分 and 自评等次, the narrative sections of the report, the evaluators
(评价人员) and the two opinions that are signed and stamped on paper."""
from __future__ import annotations

from ...domain.model import CONCLUSION_SECTIONS, PROJECT_ONLY_SECTIONS
from ...domain.scoring import num
from ..header import ScoreBadge
from ..paragraph_edit import ParagraphEdit
from ..qt import (QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout,
                  QWidget, Qt)
from .evaluators import EvaluatorsBox
from .fields import FieldBinder, scrolled_page, to_top

SECTION_HINTS = {
    "achievement": "对照年度绩效目标，逐项说明完成情况",
    "problems": "项目实施和资金使用中存在的问题",
    "measures": "针对存在问题的改进措施",
    "suggestions": "对下一步工作或对上级部门的建议（可不填）",
    "work": "自评工作组的组成（组长、成员及分工），评价的时间和方式（资料核查、实地查看等）（可不填）",
    "experience": "值得推广的经验做法（可不填）",
    "application": "自评结果如何应用于预算安排和管理（可不填）",
}
OPINIONS = (("unit_opinion", "项目单位（评价机构）意见", "如：经自评，该项目总体完成了年度绩效目标……"),
            ("supervisor_opinion", "主管部门审核意见", "由主管部门填写（打印后盖章，也可在此录入）"))
# the 部门整体 evaluation's, as its printed form titles them (not 项目单位 and 该项目)
DEPARTMENT_OPINIONS = (("unit_opinion", "部门（评价机构）意见", "如：经自评，我部门总体完成了年度绩效目标……"),
                       OPINIONS[1])


def stated_text(project) -> str:
    """原表填报的综合得分 / 自评等次 (read from an imported report), or "" when there are none."""
    parts = []
    if project.stated_total is not None:
        parts.append(f"综合得分 {num(project.stated_total)} 分")
    if project.stated_grade.strip():
        parts.append(f"自评等次 {project.stated_grade.strip()}")
    if not parts:
        return ""
    return f"原表填报：{'，'.join(parts)}（导入时从原表读入，供核对，不参与计算；不一致时问题清单会列出）"


class ConclusionTab(QWidget):
    def __init__(self, session, parent=None, department: bool = False):
        super().__init__(parent)
        self.session = session
        self.pid: int | None = None
        self.binder = FieldBinder(session, self)
        page = QWidget()

        result = QGroupBox("自评结果（按评分规则自动计算，不能手改）", page)
        self.badge = ScoreBadge(result, "综合得分", "自评等次")
        self.badge.setObjectName("conclusionScore")
        self.badge.total.setObjectName("conclusionTotal")
        self.badge.grade.setObjectName("conclusionGrade")
        self.badge.caption.hide()
        self.explanation = QLabel("", result)
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # what the imported report itself said (原表), beside what the rule computes: for review
        self.stated = QLabel("", result)
        self.stated.setObjectName("conclusionStated")
        self.stated.setWordWrap(True)
        self.stated.setStyleSheet("color: #555;")
        text_column = QVBoxLayout()
        text_column.addWidget(self.explanation)
        text_column.addWidget(self.stated)
        result_row = QHBoxLayout(result)
        result_row.addWidget(self.badge)
        result_row.addSpacing(16)
        result_row.addLayout(text_column, 1)

        self.texts: dict[str, QPlainTextEdit] = {}
        sections = QGroupBox("自评结论", page)
        grid = QGridLayout(sections)
        shown = [(key, label) for key, label in CONCLUSION_SECTIONS.items()
                 if not (department and key in PROJECT_ONLY_SECTIONS)]
        for row, (key, label) in enumerate(shown):
            edit = self._text(SECTION_HINTS.get(key, ""), 3, sections)
            edit.setObjectName(f"conclusion_{key}")
            self.texts[key] = self.binder.bind(edit, "conclusion", "text", row_key=key)
            grid.addWidget(self._label(label), row, 0)
            grid.addWidget(edit, row, 1)
        grid.setColumnStretch(1, 1)

        self.evaluators = EvaluatorsBox(session, page)

        opinions = QGroupBox("意见（打印后签字盖章）", page)
        op_grid = QGridLayout(opinions)
        for col, (attr, label, hint) in enumerate(DEPARTMENT_OPINIONS if department else OPINIONS):
            edit = self._text(hint, 4, opinions)
            edit.setObjectName(f"conclusion_{attr}")
            self.texts[attr] = self.binder.bind(edit, "project", attr)
            op_grid.addWidget(QLabel(label, opinions), 0, col)
            op_grid.addWidget(edit, 1, col)

        column = QVBoxLayout(page)
        column.addWidget(result)
        column.addWidget(sections)
        column.addWidget(self.evaluators)
        column.addWidget(opinions)
        column.addStretch(1)
        self.scroll = scrolled_page(self, page)
        session.scoreChanged.connect(self._score_changed)
        session.documentReplaced.connect(self._show_score)

    @staticmethod
    def _text(placeholder: str, lines: int, parent) -> QPlainTextEdit:
        edit = ParagraphEdit(parent)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.set_lines(lines, lines * 2)
        return edit

    @staticmethod
    def _label(text: str) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return label

    def set_project(self, pid: int | None) -> None:
        to_top(getattr(self, "scroll", None), pid != self.pid)
        self.pid = pid
        self.binder.set_project(pid)
        self.evaluators.set_project(pid)
        self._show_score()

    def _score_changed(self, pid: int) -> None:
        if pid == self.pid:
            self._show_score()

    def _show_score(self) -> None:
        if self.pid is None or not any(p.id == self.pid for p in self.session.document.projects):
            self.badge.show_score("", None)
            self.explanation.setText("")
            return
        score = self.session.score(self.pid)
        self.badge.show_score("", score)
        self.explanation.setText(score.explanation)
        self.stated.setText(stated_text(self.session.project(self.pid)))
        self.stated.setVisible(bool(self.stated.text()))

    def flush(self) -> None:
        self.binder.commit_pending()
        self.evaluators.flush()

    def focus_place(self, place) -> bool:
        if place.table == "evaluator":
            # the page scrolls to the 评价人员 too (else after an undo the cell has the focus,
            # out of sight below the scrolled page)
            done = self.evaluators.focus_place(place)
            self.scroll.ensureWidgetVisible(self.evaluators)
            return done
        key = place.field
        widget = self.texts.get(key)
        if widget is None and key in CONCLUSION_SECTIONS.values():
            widget = self.texts.get(next(k for k, v in CONCLUSION_SECTIONS.items() if v == key))
        if widget is None:
            return False
        self.scroll.ensureWidgetVisible(widget)
        widget.setFocus()
        return True
