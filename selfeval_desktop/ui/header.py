"""The window's header: unit, fiscal year and rule profile on the left; the current project's live
总分 and 等次 in large type on the right (always visible, updated on every edit)."""
from __future__ import annotations

from ..domain.model import ProjectKind
from ..domain.profiles import (GRADE_STYLES, ProfileError, all_profiles, load_profile,
                               named_profile, normalize_style, style_of)
from .header_guards import (GuardedComboBox, GuardedSpinBox, RuleComboBox,
                            confirm_profile_change, describe_profile_change)
from ..domain.scoring import shown_grade
from .project_list import PROVISIONAL_COLOR, display_name, grade_color, score_tooltip
from .qt import (QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QTimer,
                 QToolButton, QVBoxLayout, QWidget, Qt)
from .status_line import say
from .tabs.fields import FieldBinder
from .zoom import is_font_change, px, relative_font

NO_YEAR = 1999  # the spin box's minimum, shown as “未填”
CAPTION_WIDTH = 260  # the project name above the score: elided to this, so the header never shifts
UNIT_MIN_WIDTH = 160  # (both px at 100 %; 显示比例 scales them, ui.zoom)

LOCK_STYLE = ("background:#37474f; color:white; padding:3px 10px; border-radius:4px;"
              " font-weight:bold;")


class ScoreBadge(QWidget):
    """总分 and 等次 of one project in large type, with the explanation as a tooltip."""

    def __init__(self, parent=None, total_caption: str = "总分", grade_caption: str = "等次"):
        super().__init__(parent)
        self.caption = QLabel("", self)
        self.caption.setObjectName("scoreCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.total = QLabel("—", self)
        self.total.setObjectName("totalLabel")
        self.grade = QLabel("", self)
        self.grade.setObjectName("gradeLabel")
        self._fit_font()
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.grade.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.total_caption = QLabel(total_caption, self)
        self._total_words = total_caption
        grade_caption = QLabel(grade_caption, self)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.total_caption)
        row.addWidget(self.total)
        row.addSpacing(10)
        row.addWidget(grade_caption)
        row.addWidget(self.grade)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addWidget(self.caption)
        col.addLayout(row)

    def _fit_font(self) -> None:
        """总分 and 等次 in type twice the size of the rest, each as wide as its widest text: when
        built, and again when the font changes (显示比例, ui.zoom)."""
        for label in (self.total, self.grade):
            relative_font(label, 2.0, bold=True)
        self.grade.setMinimumWidth(self.grade.fontMetrics().horizontalAdvance("不合格") + 16)
        self.total.setMinimumWidth(self.total.fontMetrics().horizontalAdvance("100.00") + 4)
        self.caption.setFixedWidth(px(CAPTION_WIDTH))

    def changeEvent(self, event):  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_font_change(event):
            self._fit_font()

    def show_score(self, caption: str, score) -> None:
        self.caption.setText(caption)
        if score is None:
            self.total_caption.setText(self._total_words)
            self.total.setStyleSheet("")
            self.total.setText("—")
            self.grade.setText("")
            self.setToolTip("")
            return
        self.total.setText(str(score.total) if score.scored else "—")  # 未评分: no 0.00
        # 117.47 of 分值 adding up to 140 must not stand in the big black digits like a score: a
        # total that is not final is grey and captioned 暂计, its reason in the tooltip
        provisional = score.scored and score.provisional
        self.total_caption.setText("暂计" if provisional else self._total_words)
        self.total.setStyleSheet(f"color: {PROVISIONAL_COLOR};" if provisional else "")
        grade = shown_grade(score)          # — when the 分值 do not add up to 100
        self.grade.setText(grade)
        color = grade_color(grade).name()
        self.grade.setStyleSheet(f"color: white; background: {color}; border-radius: 4px;"
                                 "padding: 0 6px;")
        self.setToolTip(score_tooltip(score))


class ReasonLabel(QLabel):
    """Why the project shown is 未评分, in the free room of the rule's row just left of 未评分:
    cut at the end to the room there is, the whole in the tooltip; blank where hardly a word
    would show (150 % on 1366×768 leaves the row no room: the tooltips of 未评分 say it)."""

    LEAST = 4       # characters: fewer than that shown says nothing

    def __init__(self, parent=None):
        super().__init__(parent)
        self.full = ""
        self.setObjectName("unscoredNote")
        self.setStyleSheet("color: #8d2a00;")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_reason(self, reason: tuple[str, str] | None) -> None:
        self.full, tip = reason or ("", "")
        self.setToolTip(tip)
        self._elide()
        self.setVisible(reason is not None)

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, self.width())
        if shown != self.full and len(shown) <= self.LEAST:
            shown = ""
        if shown != self.text():
            self.setText(shown)


def unscored_reason(project, score) -> tuple[str, str] | None:
    """(the words shown, the tooltip) saying why ``project`` is 未评分, or None when it is scored.

    Seed 000's report gives no 全年执行数 and no figure or 达成情况 against its targets, only its
    grade: 未评分 is the truth, but with its reason in a tooltip alone it looked like a fault."""
    if score is None or score.scored:
        return None
    tip = (f"{score.explanation}。\n有了执行率得分或任一指标的得分后自动计分；"
           "缺哪些见下方问题清单（单击一条跳到对应位置）。")
    stated = project.stated_grade.strip()
    if stated:
        tip += f"\n原表自评等次“{stated}”（报告自己写的，供核对，不参与计算）。"
    return score.unscored_reason, tip


class Header(QFrame):
    """Unit name (editable), 评价年度, 评分规则, and the live score of the project shown."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.pid: int | None = None
        self.setObjectName("header")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.binder = FieldBinder(session, self)

        self.unit = QLineEdit(self)
        self.unit.setObjectName("unitName")
        self.unit.setPlaceholderText("单位名称，如：××县科学技术局")
        self.unit.setMinimumWidth(px(UNIT_MIN_WIDTH))
        self.binder.bind(self.unit, "unit", "name")

        self.year = GuardedSpinBox(self)
        self.year.setObjectName("fiscalYear")
        self.year.setRange(NO_YEAR, 2100)
        self.year.setSpecialValueText("未填")
        self.year.setSuffix(" 年度")
        self.year.setToolTip("评价的预算年度")
        self._year_timer = QTimer(self)
        self._year_timer.setSingleShot(True)
        self._year_timer.setInterval(700)
        self._year_timer.timeout.connect(self.commit_year)
        self.year.valueChanged.connect(lambda _v: self._year_timer.start())
        self.year.editingFinished.connect(self.commit_year)

        self.profile = RuleComboBox(self)
        self.profile.setObjectName("profileBox")
        self.profile.setToolTip("项目的评分规则（财政部或本省的办法）")
        for prof in all_profiles():
            if prof.kind == "project":
                self.profile.addItem(prof.name, prof.id)
                self.profile.setItemData(self.profile.count() - 1, prof.description,
                                         Qt.ItemDataRole.ToolTipRole)
        self.profile.activated.connect(self._profile_chosen)
        # 等次写法: the words printed for the grade (seed 003 prints 优秀); the bands stay the rule's
        self.grade_style = GuardedComboBox(self)
        self.grade_style.setObjectName("gradeStyleBox")
        self.grade_style.setToolTip("打印和显示的等次用词；分档（90/80/60 分）仍按评分规则")
        self.grade_style.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.grade_style.activated.connect(self._grade_style_chosen)
        # the 部门整体 page: its own rule (the department profile), shown in place of the list
        self.department_profile = QLabel("", self)
        self.department_profile.setObjectName("departmentProfile")
        self.department_profile.hide()

        self.readonly_note = QLabel("只读：不能修改", self)
        self.readonly_note.setObjectName("readonlyNote")
        self.readonly_note.setStyleSheet("background:#fff3c4; color:#6b4e00; padding:2px 8px;"
                                         "border-radius:3px;")
        self.lock_note = QLabel("已定稿", self)
        self.lock_note.setObjectName("lockNote")
        self.lock_note.setStyleSheet(LOCK_STYLE)
        self.lock_note.hide()
        self.lock_button = QToolButton(self)      # 定稿… / 撤销定稿… (the window's actions)
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.lock_button.hide()
        self._lock_actions = None
        self.badge = ScoreBadge(self)

        # at 150 % (1366×768: a 899 px header) the 定稿 button once sat on the 等次写法
        # box and 评分规则 read “财政部项目支出绩效自”. The rule's row holds only the rule and its
        # words, so the rule's whole name fits beside the score; 单位, 年度 and the 定稿 mark and
        # button (of the project whose name is above the score) share the first row
        unit_row = QHBoxLayout()
        unit_row.addWidget(QLabel("单位", self))
        unit_row.addWidget(self.unit, 1)
        unit_row.addWidget(self.readonly_note)
        unit_row.addSpacing(12)
        unit_row.addWidget(QLabel("评价年度", self))
        unit_row.addWidget(self.year)
        unit_row.addSpacing(12)
        unit_row.addWidget(self.lock_note, 0, Qt.AlignmentFlag.AlignVCenter)
        unit_row.addWidget(self.lock_button)   # as tall as the 单位 box beside it
        rule_row = QHBoxLayout()
        rule_row.addWidget(QLabel("评分规则", self))
        rule_row.addWidget(self.profile)
        rule_row.addWidget(self.department_profile)
        rule_row.addSpacing(12)
        rule_row.addWidget(QLabel("等次写法", self))
        rule_row.addWidget(self.grade_style)
        rule_row.addSpacing(12)
        # the room left (a wide window: the boxes keep their size, the row its start) says why
        # the project is 未评分, when it is
        self.unscored_note = ReasonLabel(self)
        policy = self.unscored_note.sizePolicy()
        policy.setRetainSizeWhenHidden(True)     # hidden, it is still the row's stretch
        self.unscored_note.setSizePolicy(policy)
        self.unscored_note.hide()
        rule_row.addWidget(self.unscored_note, 1)
        left = QVBoxLayout()
        left.setSpacing(4)
        left.addLayout(unit_row)
        left.addLayout(rule_row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 12, 6)
        layout.addLayout(left, 1)
        layout.addSpacing(12)
        layout.addWidget(self.badge)

        self._tips = {w: w.toolTip() for w in (self.unit, self.year, self.profile,
                                               self.grade_style)}
        session.scoreChanged.connect(self._score_changed)
        session.fieldChanged.connect(self._field_changed)
        session.documentReplaced.connect(self.refresh)
        session.projectsChanged.connect(self._show_score)
        self.refresh()

    def changeEvent(self, event):  # noqa: N802 - Qt override
        """显示比例 (ui.zoom): the widths that hold text measured in the new size."""
        super().changeEvent(event)
        if is_font_change(event):
            self.unit.setMinimumWidth(px(UNIT_MIN_WIDTH))
            self.grade_style.setMinimumWidth(self.grade_style.sizeHint().width())
            self._show_score()        # the project's name elided to the caption's new width

    # ------------------------------------------------------------ document fields
    def refresh(self) -> None:
        doc = self.session.document
        self.binder.refresh()
        self.year.blockSignals(True)
        self.year.setValue(doc.year or NO_YEAR)
        self.year.blockSignals(False)
        i = self.profile.findData(doc.profile_id)
        if i < 0:  # a profile this program does not know: show its id, keep it
            self.profile.addItem(doc.profile_id, doc.profile_id)
            i = self.profile.count() - 1
        self.profile.setCurrentIndex(i)
        self._fill_grade_styles(doc)
        readonly = self.session.readonly
        locked = not self._document_editable()
        self.year.setReadOnly(locked)
        self.profile.setEnabled(not locked)
        self.grade_style.setEnabled(not locked)
        # locked fields look it (in a read-only window 单位 and 年度 must not look editable)
        locked_look = "QLineEdit, QSpinBox { background: palette(window); }" if locked else ""
        for w in (self.unit, self.year):
            w.setStyleSheet(locked_look)
        symbols = self.year.ButtonSymbols
        self.year.setButtonSymbols(symbols.NoButtons if locked else symbols.UpDownArrows)
        self.readonly_note.setVisible(readonly)
        tip = ("已有定稿的项目：单位、年度、评分规则和等次写法不能修改（撤销定稿后可改）"
               if locked and not readonly else "")
        for w in (self.unit, self.year, self.profile, self.grade_style):
            w.setToolTip(tip or self._tips.get(w, ""))
        # a narrow window cuts the rule's long name: the tooltip gives it whole
        self.profile.setToolTip(f"{self.profile.currentText()}\n{self.profile.toolTip()}")
        self._show_score()

    def _document_editable(self) -> bool:
        editable = getattr(self.session, "document_editable", None)
        return not self.session.readonly if editable is None else editable()

    def commit_year(self) -> None:
        self._year_timer.stop()
        value = self.year.value()
        text = "" if value == NO_YEAR else str(value)
        current = self.session.document.year
        if (current or NO_YEAR) != value and self._document_editable():
            with self.session.macro("更改评价年度"):
                self.session.set_value("meta", None, None, "year", text)
            # the whole file's year: never changed without a word
            shown = f"{text} 年度" if text else "未填"
            self._say(f"评价年度已改为 {shown}（整个文件；撤销：Ctrl+Z）")

    def _say(self, message: str) -> None:
        say(self, message, 8000)     # (none when the header stands alone, as in tests)

    def _profile_chosen(self, index: int) -> None:
        pid = self.profile.itemData(index)
        doc = self.session.document
        if not pid or pid == doc.profile_id or not self._document_editable():
            return
        try:
            # in the file's 等次写法: the words it prints (no 中→一般 announced under
            # 优秀/良好/一般/较差, where nothing changes)
            old, new = (named_profile(load_profile(p), doc.grade_names)
                        for p in (doc.profile_id, pid))
        except ProfileError:
            old = new = None
        if old is not None:
            text = describe_profile_change(doc, old, new)
        else:
            text = (f"全部 {len(doc.project_list())} 个项目将按“{self.profile.itemText(index)}”"
                    "重新计分。确定更改吗？")
        if not confirm_profile_change(self, text):
            self.refresh()     # back to the rule in force
            return
        with self.session.macro("更改评分规则"):
            self.session.set_value("meta", None, None, "profile_id", pid)

    def _fill_grade_styles(self, doc) -> None:
        """The rule's own words first (“优/良/中/差（默认）”), then the other usual ones; a
        stored one this list does not have is shown as stored, kept."""
        try:
            own = style_of(load_profile(doc.profile_id))
        except ProfileError:
            own = GRADE_STYLES[0]
        items = [(f"{own}（默认）", "")] + [(s, s) for s in GRADE_STYLES if s != own]
        stored = normalize_style(doc.grade_names)
        if stored == own:           # the rule's own words stored: the default, not a 2nd item
            stored = ""
        if stored and stored not in [d for _, d in items]:
            items.append((stored, stored))
        box = self.grade_style
        box.blockSignals(True)
        box.clear()
        for text, data in items:
            box.addItem(text, data)
        box.setCurrentIndex(max(0, box.findData(stored)))
        box.blockSignals(False)
        # never squeezed below its words (“优/” at 1280 px); the rule's name gives way
        box.setMinimumWidth(box.sizeHint().width())

    def _grade_style_chosen(self, index: int) -> None:
        value = self.grade_style.itemData(index) or ""
        if value == normalize_style(self.session.document.grade_names) or \
                not self._document_editable():
            return
        with self.session.macro("更改等次写法"):
            self.session.set_value("meta", None, None, "grade_names", value)

    def _field_changed(self, entity, pid, row_key, attr) -> None:
        if entity == "meta" or entity == "project" and attr == "finalized_at":
            self.refresh()
            self._show_rule()
        elif entity == "project" and attr == "name" and pid == self.pid:
            self._show_score()

    # ------------------------------------------------------------ score
    def set_project(self, pid: int | None) -> None:
        self.pid = pid
        self._show_rule()
        self._show_score()

    def _show_rule(self) -> None:
        """评分规则: the projects' rule (a list), or on the 部门整体 page the department's rule
        (it showed the projects' rule there, which does not score the department)."""
        try:
            project = self.session.project(self.pid) if self.pid is not None else None
        except KeyError:
            project = None
        department = project is not None and project.kind is ProjectKind.DEPARTMENT
        if department:
            try:
                profile = self.session.profile(project.id)
                name, tip = profile.name, profile.description
            except ProfileError as exc:
                name, tip = str(exc), ""
            self.department_profile.setText(name)
            self.department_profile.setToolTip(
                f"部门整体评价按此规则计分（项目按“{self.profile.currentText()}”）\n{tip}".strip())
        self.department_profile.setVisible(department)
        self.profile.setVisible(not department)

    def _score_changed(self, pid: int) -> None:
        if pid == self.pid:
            self._show_score()

    def _show_score(self) -> None:
        pid = self.pid
        try:
            project = self.session.project(pid) if pid is not None else None
        except KeyError:
            project = None
        self._show_lock(project)
        if project is None:
            self.badge.show_score("", None)
            self.unscored_note.show_reason(None)
            return
        caption = display_name(project)
        if project.kind is ProjectKind.DEPARTMENT:
            caption = "部门整体评价"
        metrics = self.badge.caption.fontMetrics()
        full = caption
        caption = metrics.elidedText(caption, Qt.TextElideMode.ElideMiddle, px(CAPTION_WIDTH))
        score = self.session.score(pid)
        self.badge.show_score(caption, score)
        self.badge.caption.setToolTip(full if caption != full else "")
        self.unscored_note.show_reason(unscored_reason(project, score))

    def set_lock_actions(self, finalize, unfinalize) -> None:
        """The window's 定稿 / 撤销定稿 actions: a button beside the score shows the one that applies."""
        self._lock_actions = (finalize, unfinalize)
        self._show_score()

    def _show_lock(self, project) -> None:
        """The “已定稿” mark of the project shown, with when and its check code; the button."""
        if self._lock_actions is not None and project is not None and not self.session.readonly:
            action = self._lock_actions[1 if project.finalized_at else 0]
            if self.lock_button.defaultAction() is not action:
                # the one action only: a tool button holding the other too drew a menu arrow
                # over “稿” and opened both on a long press
                for held in self.lock_button.actions():
                    self.lock_button.removeAction(held)
                self.lock_button.setDefaultAction(action)
            self.lock_button.show()
        else:
            self.lock_button.hide()
        if project is None or not project.finalized_at:
            self.lock_note.hide()
            return
        from ..domain.digest import changed_since_finalized, check_code
        changed = changed_since_finalized(self.session.document, project)
        if changed:      # a file changed after 定稿 must not show the paper's code as valid
            self.lock_note.setText("校验码无效")
            self.lock_note.setStyleSheet(LOCK_STYLE.replace("#37474f", "#c62828"))
            self.lock_note.setToolTip(f"{changed}：纸质表上的校验码对现在的内容已无效。\n"
                                      "请用“项目 → 核对定稿校验码”查看，核实后撤销定稿、重新定稿并重新打印。")
        else:
            code = check_code(project.digest) if project.digest else "—"
            self.lock_note.setText("已定稿")
            self.lock_note.setStyleSheet(LOCK_STYLE)
            self.lock_note.setToolTip(f"定稿于 {project.finalized_at.replace('T', ' ')}，校验码 {code}。\n"
                                      "定稿后项目只读；如需修改，请在“项目”菜单中撤销定稿。")
        self.lock_note.show()

    def flush(self) -> None:
        self.binder.commit_pending()
        if self._year_timer.isActive():
            self.commit_year()

    def focus_place(self, place) -> bool:
        if place.field in ("year",):
            self.year.setFocus()
        elif place.field in ("profile_id", "department_profile_id"):
            self.profile.setFocus()
        elif place.field == "grade_names":
            self.grade_style.setFocus()
        else:
            self.unit.setFocus()
        return True
