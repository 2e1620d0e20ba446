"""The header's document-wide boxes, guarded against stray input.

评分规则 and 评价年度 change every project of the document: a mouse wheel passing over them or an
arrow key pressed on the wrong box must not do that. Both take the focus only when clicked or
tabbed to (StrongFocus, never by the wheel); the wheel never turns the 评分规则 box and turns the
year only while the box has the focus; the arrow keys on a closed 评分规则 box open its list
instead of stepping through it. A new 评分规则 is applied after a confirmation that says what
changes (:func:`describe_profile_change`); the year is typed, the arrow keys never step it. A rule's name too long for its box is shortened in
its middle, never cut at the box's edge (:class:`RuleComboBox`).
"""
from __future__ import annotations

from ..domain.scoring import num, score_project, shown_grade
from .combo import STEP_KEYS, PageComboBox
from .qt import QSpinBox, Qt
NEGATIVE_METHODS = {"ratio": "按比例扣分", "linear": "线性扣分"}
ROUNDINGS = {"half_up": "四舍五入", "down": "截尾"}
MAX_EXAMPLES = 3


class GuardedComboBox(PageComboBox):
    """A combo box changed only by choosing from its open list (click, or a key that opens it)."""

    def __init__(self, parent=None):
        super().__init__(parent, arrows_open=True)


class RuleComboBox(GuardedComboBox):
    """The 评分规则 box. Where the header leaves it less than the rule's name (a screen narrower
    than 1366×768 at 150 %), the name is elided in its middle: “财政部项目…〔2020〕10号）” still
    says whose rule and which document, and the two 财政部规则（…） variants keep the words that
    tell them apart. (Qt cut it at the edge: “财政部项目支出绩效自”.)"""

    def _roomy(self) -> bool:
        """Room for the name shown: Qt paints it, as any box. (The size hint is for the longest
        name of the list: measured against it, a box wide enough for its own name took the
        eliding path, and its QStyle enums cost ~20 ms at the window's first paint.)"""
        metrics = self.fontMetrics()
        names = [self.itemText(i) for i in range(self.count())]
        longest = max((metrics.horizontalAdvance(n) for n in names), default=0)
        frame = self.sizeHint().width() - longest      # the arrow, margins and frame
        return self.width() >= frame + metrics.horizontalAdvance(self.currentText())

    def shown_text(self) -> str:
        """The name as the box shows it at its present width."""
        return self.currentText() if self._roomy() else self._elided()[1]

    def _elided(self):
        """(the box's style option, its name shortened in the middle to its text field). QStyle
        & co. only when needed: not at the window's first paint."""
        from .qt import QStyle, QStyleOptionComboBox
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return option, self.fontMetrics().elidedText(option.currentText,
                                                     Qt.TextElideMode.ElideMiddle, field.width())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._roomy():
            super().paintEvent(event)
            return
        from .qt import QStyle, QStylePainter
        option, text = self._elided()
        painter = QStylePainter(self)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = text
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class GuardedSpinBox(QSpinBox):
    """The 评价年度 box: typed (2022), or stepped by its ▲▼ buttons or by the wheel while it has
    the keyboard focus. The arrow and page keys do not step it (one ↓ pressed on the way down
    to the form would turn the whole file into 2020, saved at once); they show how to
    change it instead. Ctrl+Z / Ctrl+Y in it undo the document, as in every field."""

    HINT = "评价年度请直接输入年份（如 2022），或点右侧的 ▲▼；它改动整个文件的年度"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        from .undo_actions import pass_undo_keys
        pass_undo_keys(self)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in STEP_KEYS - {Qt.Key.Key_Home, Qt.Key.Key_End} and not self.isReadOnly():
            from .qt import QToolTip
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), self.HINT, self)
            event.accept()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.hasFocus():
            event.ignore()
            return
        super().wheelEvent(event)


def _weights_text(profile) -> dict[str, str]:
    return {level.label: num(level.weight) for level in profile.level1}


def describe_profile_change(doc, old, new) -> str:
    """What switching the document's project rule from ``old`` to ``new`` does, in Chinese:
    the rule's differences, then the projects whose score or grade would change."""
    projects = doc.project_list()
    lines = [f"全部 {len(projects)} 个项目将按“{new.name}”重新计分。"]
    changes = []
    if old.execution_weight != new.execution_weight:
        changes.append(f"预算执行率分值 {num(old.execution_weight)}→{num(new.execution_weight)}")
    before, after = _weights_text(old), _weights_text(new)
    for label in dict.fromkeys([*before, *after]):
        if before.get(label) != after.get(label):
            changes.append(f"{label} {before.get(label, '无')}→{after.get(label, '无')}")
    if old.negative_method != new.negative_method:
        changes.append(f"反向指标{NEGATIVE_METHODS.get(old.negative_method, old.negative_method)}→"
                       f"{NEGATIVE_METHODS.get(new.negative_method, new.negative_method)}")
    if (old.rounding, old.decimals) != (new.rounding, new.decimals):
        changes.append(f"得分{ROUNDINGS.get(old.rounding, old.rounding)}保留{old.decimals}位→"
                       f"{ROUNDINGS.get(new.rounding, new.rounding)}保留{new.decimals}位")
    if old.grades != new.grades:
        def grades(p):
            return "、".join(f"{name}≥{num(floor)}" for name, floor in p.grades if floor > 0)
        changes.append(f"等次 {grades(old)} → {grades(new)}")
    if changes:
        lines.append("变化：" + "；".join(changes) + "。")
    moved = []
    for p in projects:
        a, b = score_project(p, old, doc.year), score_project(p, new, doc.year)
        if a.scored and (a.total, shown_grade(a)) != (b.total, shown_grade(b)):
            moved.append(f"{p.name.strip() or '未命名项目'} {a.total}（{shown_grade(a)}）→"
                         f"{b.total}（{shown_grade(b)}）")
    if moved:
        examples = "；".join(moved[:MAX_EXAMPLES]) + ("……" if len(moved) > MAX_EXAMPLES else "")
        lines.append(f"{len(moved)} 个项目的得分或等次会改变，如：{examples}。")
    elif projects:
        lines.append("目前各项目的得分和等次不会改变。")
    lines.append("确定更改吗？（更改后可用“编辑 → 撤销”恢复）")
    return "\n".join(lines)


def confirm_profile_change(parent, text: str) -> bool:
    """Ask before the rule changes (a module function, so tests can answer it)."""
    from .qt import QMessageBox   # set up by PySide6 when first shown, not at start
    box = QMessageBox(QMessageBox.Icon.Question, "更改评分规则", text,
                      QMessageBox.StandardButton.NoButton, parent)
    change = box.addButton("更改评分规则", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is change
