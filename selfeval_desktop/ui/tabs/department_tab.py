"""部门整体: the whole-department evaluation, as seed 001 has it.

Its profile's level-one weights and live score on top; its indicator tree in the same grid as a
project's (the indicators tab, given the department's id); below, the department's projects with
their funds (全年预算数, 全年执行数, 执行率) and grades, read-only (each is edited as a project).
"""
from __future__ import annotations

from ...domain.department import projects_total
from ...domain.model import told_apart
from ...domain.money import format_wan
from ...domain.evaluation import project_profile
from ...domain.scoring import num, rate_text, shown_grade
from ..project_list import display_name, grade_color, score_tooltip
from ..qt import (QAbstractItemView, QAbstractTableModel, QAction, QBrush, QColor, QFont, QFrame,
                  QGroupBox, QGuiApplication, QHBoxLayout, QHeaderView, QKeySequence, QLabel,
                  QLineEdit, QModelIndex, QTableView, QTabWidget, QVBoxLayout, QWidget, Qt,
                  Signal)
from ..grid.fit import rows_height
from ..place_focus import focus_indicators
from ..zoom import is_font_change
from .conclusion_tab import ConclusionTab
from .department_info import DepartmentInfoPage
from .fields import FieldBinder
from .indicators_tab import IndicatorsTab

PAGE_TITLES = ("部门指标", "资金与目标", "结论")
COLUMNS = ("项目名称", "全年预算数（万元）", "全年执行数（万元）", "执行率", "得分", "等次")
COL_NAME, COL_BUDGET, COL_EXECUTED, COL_RATE, COL_SCORE, COL_GRADE = range(6)
PID_ROLE = Qt.ItemDataRole.UserRole + 1


TOTAL_BACKGROUND = "#eef1f4"


class DepartmentProjectsModel(QAbstractTableModel):
    """The document's projects (not the department itself) with their funds, and a 合计 row
    under them (beside the department's own 部门预算资金 the clerk compares the two); read-only."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._pids = [p.id for p in session.document.project_list()]
        session.projectsChanged.connect(self.reload)
        session.documentReplaced.connect(self.reload)
        session.scoreChanged.connect(self._score_changed)
        session.fieldChanged.connect(self._field_changed)

    def reload(self) -> None:
        self.beginResetModel()
        self._pids = [p.id for p in self.session.document.project_list()]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() or not self._pids:
            return 0
        return len(self._pids) + 1         # the 合计 row last

    def is_total(self, row: int) -> bool:
        return row == len(self._pids) and bool(self._pids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if self.is_total(index.row()):
            return self._total_data(index.column(), role)
        pid, col = self._pids[index.row()], index.column()
        if role == PID_ROLE:
            return pid
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        project = self.session.project(pid)
        if col in (COL_BUDGET, COL_EXECUTED):
            typed = self._unread(project, col)
            if typed is not None:          # kept as typed or pasted, red (not blank)
                if role == Qt.ItemDataRole.DisplayRole:
                    return typed
                if role == Qt.ItemDataRole.BackgroundRole:
                    from ..models.base import ERROR_BRUSH
                    return ERROR_BRUSH
                if role == Qt.ItemDataRole.ToolTipRole:
                    return (f"“{typed}”无法识别为金额，未计入合计：双击打开这个项目，"
                            "在预算表中改正")
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NAME:
            return (f"{display_name(project)}（实施单位：{project.implementer.strip() or '未填写'}）"
                    "\n双击或按 Enter 打开这个项目")
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return told_apart(self.session.document, project, display_name(project))
            if col == COL_BUDGET:
                return format_wan(project.funding.annual_budget)
            if col == COL_EXECUTED:
                return format_wan(project.funding.executed)
            score = self.session.score(pid)
            if col == COL_RATE:
                rate = score.execution.rate
                return "—" if rate is None else rate_text(rate, self.session.profile(pid))
            if not score.scored:      # 未评分: no 0.00 / 差
                return "—"
            if col == COL_SCORE:
                return str(score.total)
            return shown_grade(score)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_RATE, COL_SCORE, COL_GRADE):
            score = self.session.score(pid)
            return score.execution.explanation if col == COL_RATE else score_tooltip(score)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_GRADE:
            return QBrush(grade_color(shown_grade(self.session.score(pid))))
        return None

    def _unread(self, project, col: int) -> str | None:
        attr = "annual_budget" if col == COL_BUDGET else "executed"
        if getattr(project.funding, attr) is not None:
            return None
        return self.session.unread("funding", project.id, None, attr)

    def _total_data(self, col: int, role):
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(TOTAL_BACKGROUND))
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        total = projects_total(self.session.document)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _total_tip(total, col)
        if col == COL_NAME:
            return f"合计（{total.projects} 个项目）"
        if col == COL_BUDGET:
            return format_wan(total.budget)
        if col == COL_EXECUTED:
            return format_wan(total.executed)
        if col == COL_RATE:
            # as the printed 部门所属项目 table: by the projects' rule
            return "—" if total.rate is None else \
                rate_text(total.rate, project_profile(self.session.document))
        return ""

    def _row(self, pid) -> int:
        return self._pids.index(pid) if pid in self._pids else -1

    def _score_changed(self, pid: int) -> None:
        row = self._row(pid)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _field_changed(self, entity, pid, row_key, attr) -> None:
        if entity == "project" and attr == "name" or entity == "funding":
            self._score_changed(pid)
            if entity == "funding" and self._pids:      # the 合计 row follows every amount
                last = len(self._pids)
                self.dataChanged.emit(self.index(last, COL_BUDGET), self.index(last, COL_RATE))


def _total_tip(total, col: int) -> str:
    """What the 合计 leaves out: projects with the figure blank are not in the sum."""
    blank = {COL_BUDGET: total.budget_blank, COL_EXECUTED: total.executed_blank}
    if col in blank:
        tip = (f"{blank[col]} 个项目未填，未计入合计" if blank[col]
               else f"{total.projects} 个项目之和")
        if col == COL_BUDGET and total.gap is not None:   # set beside the unit's own budget
            tip += (f"\n部门预算资金（全年预算数）{format_wan(total.department_budget)} 万元，"
                    + ("与合计相同" if total.gap == 0 else
                       f"{'多于' if total.gap > 0 else '少于'}合计 {format_wan(abs(total.gap))} 万元"))
        return tip
    if col == COL_RATE:
        if total.rate is None and (total.budget_blank or total.executed_blank):
            return "有项目未填全年预算数或全年执行数，合计执行率不计算"
        return "执行率 = 全年执行数合计 ÷ 全年预算数合计"
    return ""


class _ProjectsView(QTableView):
    """部门所属项目: Ctrl+V (or 编辑 → 粘贴) adds the projects of a list copied from Excel
    (``department_paste``), so that no project is typed by hand."""

    def __init__(self, paste, parent=None):
        super().__init__(parent)
        self.paste = paste

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        super().keyPressEvent(event)


class DepartmentTab(QWidget):
    openProject = Signal(int)     # a project of 部门所属项目 double-clicked: show it

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.pid: int | None = None
        self.binder = FieldBinder(session, self)

        top = QFrame(self)
        top.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLineEdit(top)
        self.name.setObjectName("departmentName")
        self.name.setPlaceholderText("如：××县科学技术局部门整体支出")
        self.binder.bind(self.name, "project", "name")
        self.weights = QLabel("", top)
        self.weights.setObjectName("departmentWeights")
        self.weights.setWordWrap(True)
        # two lines kept: “未评分：填写…” wraps, a score does not; the tree below must not jump
        # up under the mouse at the first score (a click would land on the next row)
        self.weights.setMinimumHeight(2 * self.weights.fontMetrics().lineSpacing())
        left = QVBoxLayout()
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel("部门整体评价名称", top))
        name_row.addWidget(self.name, 1)
        left.addLayout(name_row)
        left.addWidget(self.weights)
        top_row = QHBoxLayout(top)
        top_row.addLayout(left, 1)

        self.indicators = IndicatorsTab(session, self, kind="department")
        # five level-one headings make a long summary line: let it wrap instead of widening the
        # page (which would squeeze the project list)
        summary = getattr(self.indicators, "summary", None)
        if summary is not None:
            summary.setWordWrap(True)
        self.model = DepartmentProjectsModel(session, self)
        self.projects = _ProjectsView(self.paste_projects, self)
        self.projects.setObjectName("departmentProjects")
        self.projects.setModel(self.model)
        self.projects.verticalHeader().hide()
        self.projects.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.projects.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.projects.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        copy = QAction("复制", self.projects)          # Ctrl+C: the rows as Excel takes them
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_projects)
        self.projects.addAction(copy)
        # double-click or Enter on a project opens it
        self.projects.activated.connect(self._open_row)
        header = self.projects.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.model.modelReset.connect(self._fit_projects)
        self._fit_projects()
        # the typing hint is the projects' 绩效指标 tab's (learned there): the tree gets the room
        self.indicators.show_hint = False
        self.indicators.hint.hide()
        # what to do here on a line of its own, not in the box's title: a title is never
        # wrapped, and at 150 % (显示比例) it made the page wider than the window (ui.zoom)
        box = QGroupBox("部门所属项目", self)
        note = QLabel("资金和得分随各项目自动更新；双击或在左侧选中项目可修改。\n"
                      "可从 Excel 复制项目清单后在此粘贴，新增为项目。", box)
        note.setStyleSheet("color: #666;")
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(4, 4, 4, 4)
        box_layout.addWidget(note)
        box_layout.addWidget(self.projects)

        # 部门指标: the tree alone (at 1024×700 it needs the height); the projects with their
        # funds beside the department's own on 资金与目标, with what the printed form has above
        # the tree; 结论 as a project has it
        self.info = DepartmentInfoPage(session, self)
        self.info.add_section(box, before_goals=True)
        self.conclusion = ConclusionTab(session, self, department=True)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("departmentPages")
        self.pages.setDocumentMode(True)
        for widget, title in ((self.indicators, PAGE_TITLES[0]), (self.info, PAGE_TITLES[1]),
                              (self.conclusion, PAGE_TITLES[2])):
            self.pages.addTab(widget, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        layout.addWidget(self.pages, 1)
        session.scoreChanged.connect(self._score_changed)
        session.fieldChanged.connect(self._meta_changed)

    def _open_row(self, index) -> None:
        pid = index.data(PID_ROLE)
        if pid is not None:
            self.openProject.emit(pid)

    def paste_projects(self, text: str | None = None) -> list[int]:
        """Ctrl+V here: the projects of a list copied from Excel, added after asking."""
        from .department_paste import paste_projects
        return paste_projects(self, text, back_to=self.pid)

    def copy_projects(self) -> str:
        """The selected rows of 部门所属项目 (all with Ctrl+A) as TSV, for Excel (Qt's default
        copies one cell)."""
        from ..grid.tsv import to_tsv
        rows = sorted({i.row() for i in self.projects.selectionModel().selectedIndexes()})
        text = to_tsv([[self.model.index(r, c).data() or "" for c in range(len(COLUMNS))]
                       for r in rows])
        QGuiApplication.clipboard().setText(text)
        return text

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """显示比例 changed (ui.zoom): the heights that hold lines of text measured again."""
        super().changeEvent(event)
        if is_font_change(event):
            self.weights.setMinimumHeight(2 * self.weights.fontMetrics().lineSpacing())
            self._fit_projects()

    def _fit_projects(self) -> None:
        """The list of projects shows them all (3 to 10 rows; more scroll) on its scrolled page."""
        rows = min(max(self.model.rowCount(), 3), 10)
        self.projects.setMinimumHeight(rows_height(self.projects, rows) + 2)

    def set_project(self, pid: int | None) -> None:
        self.pid = pid
        self.binder.set_project(pid)
        for page in (self.indicators, self.info, self.conclusion):
            page.set_project(pid)
        self._show()

    def _show(self) -> None:
        """The profile's weights and the live score (the window header shows it large too)."""
        if self.pid is None:
            self.weights.setText("")
            return
        profile = self.session.profile(self.pid)
        parts = "　".join(f"{lv.label} {num(lv.weight)} 分" for lv in profile.level1)
        score = self.session.score(self.pid)
        now = f"当前得分 {score.total}，等次 {shown_grade(score)}" if score.scored else \
            "当前得分 —（未评分：填写指标的年度指标值和实际完成值后自动计分）"
        self.weights.setText(f"评分规则：{profile.name}　一级指标分值：{parts}　<b>{now}</b>")
        self.weights.setToolTip(f"{profile.description}\n{score_tooltip(score)}")

    def _score_changed(self, pid: int) -> None:
        if pid == self.pid:
            self._show()

    def _meta_changed(self, entity, pid, row_key, attr) -> None:
        if entity == "meta" and self.pid is not None:
            self._show()

    def flush(self) -> None:
        self.binder.commit_pending()
        for page in (self.indicators, self.info, self.conclusion):
            flush = getattr(page, "flush", None)
            if flush is not None:
                flush()

    def focus_place(self, place) -> bool:
        if place.field == "name" and place.table is None:
            self.name.setFocus()
            return True
        if place.tab in ("budget", "overview"):
            self.pages.setCurrentWidget(self.info)
            return self.info.focus_place(place)
        if place.tab == "conclusion":
            self.pages.setCurrentWidget(self.conclusion)
            return bool(self.conclusion.focus_place(place))
        self.pages.setCurrentWidget(self.indicators)
        focus = getattr(self.indicators, "focus_place", None)
        if focus is not None:
            return bool(focus(place))
        return focus_indicators(self.indicators, place)
