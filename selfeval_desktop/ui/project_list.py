"""The project list on the left: each project with its live 得分 and 等次.

The 部门整体 evaluation, when the document has one, is the first row (bold); the projects follow
in document order. Adding, duplicating, deleting (after a confirmation) and moving go through the
session, so each is one undo step and autosaved.
"""
from __future__ import annotations

from ..domain.model import Project, ProjectKind, new_project, told_apart
from ..domain.profiles import band_word
from ..domain.scoring import PROVISIONAL_GRADE, shown_grade
from .access_keys import menu_text
from .qt import (QtGui, QAbstractItemView, QAbstractTableModel, QColor, QFont, QFontMetrics,
                 QHBoxLayout, QHeaderView, QKeySequence, QMenu, QModelIndex,
                 QPushButton, QShortcut, QSize, QSizePolicy, Qt, QToolButton,
                 QVBoxLayout, QWidget, Signal)
from .project_list_view import ProjectListView
from .zoom import factor, is_font_change

COL_NAME, COL_SCORE, COL_GRADE = range(3)
HEADERS = ("项目", "得分", "等次")
LIST_MIN_WIDTH = 220    # the list's narrowest (px at 100 %; see _fit_width)
LIST_MIN_WIDTH_MAX = 330   # … at most, at any 显示比例: a 1000 px window keeps its page usable
BUTTON_PADDING = 16   # a push button's frame and padding beside its words (_words_room)
PID_ROLE = Qt.ItemDataRole.UserRole + 1
UNNAMED = "（未命名项目）"
# The roles data() answers, as plain ints: a view asks each cell for a dozen roles on every paint,
# and an enum member lookup per comparison made that the bulk of painting the list.
DISPLAY, DECORATION, TOOLTIP, EDIT, FONT, ALIGN, FOREGROUND = (
    int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.DecorationRole),
    int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.EditRole), int(Qt.ItemDataRole.FontRole),
    int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.ForegroundRole))
_ANSWERED = frozenset((DISPLAY, DECORATION, TOOLTIP, EDIT, FONT, ALIGN, FOREGROUND, int(PID_ROLE)))
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable

GRADE_COLORS = {"优": "#1b7f3b", "良": "#1f5fa8", "中": "#b36b00", "差": "#c62828",
                PROVISIONAL_GRADE: "#8a8a8a"}   # by band: 优秀 as 优, 一般/合格 as 中 (band_word)

PROVISIONAL_COLOR = "#9e9e9e"   # a total that is not final yet: grey, its reason in the tooltip


_LOCK_ICONS: dict[str, object] = {}
LOCK_COLOR, BROKEN_LOCK_COLOR = "#37474f", "#c62828"


def lock_icon(color: str = LOCK_COLOR):
    """A small padlock (drawn, so it needs no image file or emoji font): marks 定稿 projects; red
    when the check code no longer matches, so it does not look the same as a valid one."""
    if color not in _LOCK_ICONS:
        pixmap = QtGui.QPixmap(16, 16)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QtGui.QPainter(pixmap)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setPen(QtGui.QPen(QColor(color), 2))
        painter.drawArc(4, 1, 8, 10, 0, 180 * 16)            # the shackle
        painter.drawLine(4, 6, 4, 8)
        painter.drawLine(12, 6, 12, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawRoundedRect(2, 7, 12, 8, 2, 2)           # the body
        painter.end()
        _LOCK_ICONS[color] = QtGui.QIcon(pixmap)
    return _LOCK_ICONS[color]


def grade_color(grade: str) -> QColor:
    return QColor(GRADE_COLORS.get(band_word(grade), "#333333"))


def score_tooltip(score) -> str:
    """A score's explanation; a provisional one says first why its grade is not shown."""
    if score.scored and score.provisional:
        return f"{score.provisional_reason}（等次暂不显示）\n{score.explanation}"
    return score.explanation


def display_name(project: Project) -> str:
    name = project.name.strip() or UNNAMED
    if project.kind is ProjectKind.DEPARTMENT:
        return f"部门整体：{name}" if project.name.strip() else "部门整体"
    return name


class ProjectListModel(QAbstractTableModel):
    """Rows: the 部门整体 evaluation (if any), then the projects. Only the name is editable."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._pids: list[int] = []
        self._broken: dict[int, tuple] = {}   # pid → (digest, why the check code fails)
        self._rows_from_document()
        session.projectsChanged.connect(self._projects_changed)
        session.documentReplaced.connect(self.reload)
        session.scoreChanged.connect(self._score_changed)
        session.fieldChanged.connect(self._field_changed)

    def _rows_from_document(self) -> None:
        self._pids = self._document_pids()

    def _document_pids(self) -> list[int]:
        doc = self.session.document
        dept = doc.department
        return ([dept.id] if dept is not None else []) + [p.id for p in doc.project_list()]

    def reload(self) -> None:
        self._broken = {}
        self.beginResetModel()
        self._rows_from_document()
        self.endResetModel()

    def _projects_changed(self) -> None:
        """Projects added, removed or moved: the rows anew. The same projects (one renamed):
        their texts only — a reset closed the rename editor while it had the keys, and Qt gave
        them to the 新增 button (Enter after F2 left the list, unmarked)."""
        if self._document_pids() != self._pids:
            self.reload()
        elif self._pids:    # another row's name may now tell two of one name apart, or not
            self.dataChanged.emit(self.index(0, COL_NAME),
                                  self.index(len(self._pids) - 1, COL_GRADE))

    def broken(self, project) -> str | None:
        """Why a 定稿 project's check code no longer matches, or None: computed once per digest
        (a digest is ~0.3 ms, and the list paints every row often) — and, for a 部门整体, per state
        of its projects. A 定稿 project cannot be edited here; a change from outside comes as a
        reload, which starts afresh."""
        cached = self._broken.get(project.id)
        key = (project.digest, self._members(project))
        if cached is None or cached[0] != key:
            from ..domain.digest import changed_since_finalized
            cached = self._broken[project.id] = (
                key, changed_since_finalized(self.session.document, project))
        return cached[1]

    def _members(self, project) -> tuple | None:
        """What a 部门整体's code also covers: its projects' names, 实施单位 and funds (they can
        change while it stays 定稿); None for a project."""
        if project.kind is not ProjectKind.DEPARTMENT:
            return None
        return tuple((p.name, p.implementer, p.funding.annual_budget, p.funding.executed)
                     for p in self.session.document.project_list())

    # ------------------------------------------------------------ lookups
    def pid_at(self, row: int) -> int | None:
        return self._pids[row] if 0 <= row < len(self._pids) else None

    def row_of(self, pid: int | None) -> int:
        try:
            return self._pids.index(pid)
        except ValueError:
            return -1

    def has_department(self) -> bool:
        return self.session.document.department is not None

    def is_department_row(self, row: int) -> bool:
        return row == 0 and self.has_department()

    # ------------------------------------------------------------ Qt model
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._pids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == COL_NAME and self._editable(self._pids[index.row()]):
            return _EDITABLE
        return _SELECTABLE

    def data(self, index, role=DISPLAY):
        role = int(role)
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < len(self._pids):
            return None
        pid = self._pids[index.row()]
        col = index.column()
        if role == PID_ROLE:
            return pid
        project = self.session.project(pid)
        if role == EDIT and col == COL_NAME:
            return project.name
        if role == DISPLAY:
            if col == COL_NAME:       # two of one name: with their 实施单位
                return told_apart(self.session.document, project, display_name(project))
            score = self.session.score(pid)
            if not score.scored:  # 未评分 (said in the tooltip): no 0.00 / 差
                return "—"
            return str(score.total) if col == COL_SCORE else shown_grade(score)
        if role == DECORATION and col == COL_NAME and project.finalized_at:
            return lock_icon(BROKEN_LOCK_COLOR if self.broken(project) else LOCK_COLOR)
        if role == TOOLTIP:
            if col == COL_NAME:
                locked = "（已定稿，只读）" if project.finalized_at else ""
                broken = self.broken(project) if project.finalized_at else None
                if broken:
                    locked = f"（已定稿，校验码无效：{broken}）"
                unit = project.implementer.strip()   # two projects of one name: which is which
                return display_name(project) + locked + (f"\n实施单位：{unit}" if unit else "")
            return score_tooltip(self.session.score(pid))
        if role == ALIGN and col != COL_NAME:
            return _CENTER
        if role == FOREGROUND:
            if col == COL_GRADE:
                # a QColor, not a QBrush: the delegate takes either, and building the first QBrush
                # costs the start some 4 ms (PySide6 sets up QGradient and QImage for its overloads)
                return grade_color(shown_grade(self.session.score(pid)))
            if col == COL_NAME and not project.name.strip():
                return QColor("#888888")
            if col == COL_SCORE and self.session.score(pid).provisional:
                return QColor(PROVISIONAL_COLOR)   # not to be copied as the score
        if role == FONT and (col == COL_GRADE or self.is_department_row(index.row())):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != COL_NAME:
            return False
        pid = self._pids[index.row()]
        if not self._editable(pid):
            return False
        text = "" if value is None else str(value).strip()
        if text == self.session.project(pid).name:
            return False
        self.session.set_value("project", pid, None, "name", text)
        return True  # fieldChanged emits dataChanged

    # ------------------------------------------------------------ session signals
    def _score_changed(self, pid: int) -> None:
        row = self.row_of(pid)
        if row >= 0:
            self.dataChanged.emit(self.index(row, COL_SCORE), self.index(row, COL_GRADE))

    def _editable(self, pid) -> bool:
        editable = getattr(self.session, "project_editable", None)
        return not self.session.readonly if editable is None else editable(pid)

    def _field_changed(self, entity, pid, row_key, attr) -> None:
        if entity == "project" and attr == "finalized_at":
            row = self.row_of(pid)
            if row >= 0:
                self.dataChanged.emit(self.index(row, COL_NAME), self.index(row, COL_GRADE))
            return
        if entity == "project" and attr == "name":
            row = self.row_of(pid)
            if row >= 0:
                self.dataChanged.emit(self.index(row, COL_NAME), self.index(row, COL_NAME))
        from ..domain.digest import finalized_department   # not needed to show the window
        department = finalized_department(self.session.document, pid, entity, attr)
        if department is not None:
            row = self.row_of(department.id)     # its lock turns red (or back) with its projects
            if row >= 0:
                self.dataChanged.emit(self.index(row, COL_NAME), self.index(row, COL_NAME))


class ProjectListPanel(QWidget):
    """The list with its buttons: 新增, 复制, 删除, 上移, 下移."""

    projectSelected = Signal(int)  # pid (the department's pid too)
    projectAdded = Signal(int)     # pid of a project (or 部门整体) just added here: to fill it in

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = ProjectListModel(session, self)
        self.view = ProjectListView(self.paste_projects, self)   # keys as a clerk uses them
        self.view.name_column = COL_NAME
        self.view.setObjectName("projectList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setTabKeyNavigation(False)   # Tab leaves the list (↑/↓ choose a project)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_SCORE, COL_GRADE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        self._fit_font()

        self.add_button = self._add_button()
        self.duplicate_button = self._button("复制", "复制所选项目（含资金、指标和评价人员）",
                                             self.duplicate_project)
        self.delete_button = self._button("删除", "删除所选项目（可撤销）", self.delete_project)
        self.up_button = self._button("上移", "把所选项目上移一位", lambda: self.move_selected(-1))
        self.down_button = self._button("下移", "把所选项目下移一位", lambda: self.move_selected(1))
        # one row, or two when the list is too narrow for their words (_lay_buttons)
        self.button_rows = (QHBoxLayout(), QHBoxLayout())
        for row in self.button_rows:
            row.setSpacing(4)
        for b in (self.add_button, self.duplicate_button, self.delete_button, self.up_button,
                  self.down_button):
            self.button_rows[0].addWidget(b)
        self.add_button.setFixedHeight(self.duplicate_button.sizeHint().height())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.button_rows[0])
        layout.addLayout(self.button_rows[1])
        self._fit_width()

        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.view)  # as the 删除 button
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_project)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._after_reset)
        session.fieldChanged.connect(self._lock_changed)
        self._selected_pid: int | None = None
        self._update_buttons()

    def _fit_font(self) -> None:
        """得分 and 等次 as wide as their widest texts, rows as tall as a line: when built, and
        again when the font changes (显示比例, ui.zoom)."""
        header = self.view.horizontalHeader()
        # widths from the widest texts, not ResizeToContents: that asks every row (scoring every
        # project) before the window can first show, and again on each layout
        bold = QFont(self.view.font())
        bold.setBold(True)
        # bold: the 部门整体 row is (else its 100.00 shows as “100.…”); 不合格 is the
        # longest grade word of the 等次写法
        widest = {COL_SCORE: "100.00", COL_GRADE: "不合格"}
        for col, text in widest.items():
            header.resizeSection(col, max(QFontMetrics(bold).horizontalAdvance(text),
                                          header.fontMetrics().horizontalAdvance(HEADERS[col])) + 14)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)

    def _fit_width(self) -> None:
        """LIST_MIN_WIDTH at 100 %, growing with the 显示比例 (ui.zoom) up to LIST_MIN_WIDTH_MAX:
        at 200 % the narrowest list showed “高…” and then “…” beside the 得分 and 等次 columns;
        not more, so that the page keeps its room on a small window."""
        self.setMinimumWidth(max(LIST_MIN_WIDTH, min(round(LIST_MIN_WIDTH * factor()),
                                                     LIST_MIN_WIDTH_MAX)))
        self._lay_buttons()

    def _lay_buttons(self) -> None:
        """The five buttons on one row when their words fit beside each other, else 上移 and
        下移 on a second row under 新增, 复制 and 删除: squeezed into one row at 175–200 %, their
        words spilled out of them."""
        first, second = self.button_rows
        buttons = (self.add_button, self.duplicate_button, self.delete_button, self.up_button,
                   self.down_button)
        need = sum(_words_room(b) for b in buttons) + first.spacing() * (len(buttons) - 1)
        two_rows = self.width() < need
        if two_rows == (second.count() > 0):
            return
        for button in (self.up_button, self.down_button):
            (first if two_rows else second).removeWidget(button)
            (second if two_rows else first).addWidget(button)

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._lay_buttons()

    def changeEvent(self, event):  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_font_change(event):
            self._fit_font()
            self.add_button.setFixedHeight(self.duplicate_button.sizeHint().height())
            self._fit_width()

    def _add_button(self) -> QToolButton:
        """新增: a click adds a project; its arrow offers 新增部门整体评价 too."""
        button = QToolButton(self)
        button.setText("新增")
        button.setToolTip("在列表末尾新增一个空白项目（箭头：新增部门整体评价）")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.clicked.connect(self.add_project)
        menu = QMenu(button)
        menu.addAction(menu_text("新增项目"), self.add_project)
        self.add_department_action = menu.addAction(menu_text("新增部门整体评价"), self.add_department)
        menu.aboutToShow.connect(self._update_buttons)
        button.setMenu(menu)
        return button

    def _button(self, text, tip, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        button.setMinimumSize(QSize(10, 0))
        return button

    # ------------------------------------------------------------ selection
    def current_pid(self) -> int | None:
        return self._selected_pid

    def select_pid(self, pid: int | None) -> None:
        row = self.model.row_of(pid)
        if row < 0 and self.model.rowCount():
            row = 1 if self.model.has_department() and self.model.rowCount() > 1 else 0
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, COL_NAME))
            self.view.selectRow(row)
        else:
            self._selected_pid = None
            self._update_buttons()

    def _current_changed(self, current, previous) -> None:
        pid = self.model.pid_at(current.row()) if current.isValid() else None
        self._update_buttons()
        if pid is not None and pid != self._selected_pid:
            self._selected_pid = pid
            self.projectSelected.emit(pid)
        self._selected_pid = pid
        self._update_buttons()

    def _lock_changed(self, entity, pid, row_key, attr) -> None:
        if entity == "project" and attr == "finalized_at":
            self._update_buttons()

    def _after_reset(self) -> None:
        keep = self._selected_pid
        self._selected_pid = None
        self.select_pid(keep)

    def _update_buttons(self) -> None:
        row = self.model.row_of(self._selected_pid)
        editable = not self.session.readonly
        is_project = row >= 0 and not self.model.is_department_row(row)
        first = 1 if self.model.has_department() else 0
        self.add_button.setEnabled(editable)
        self.add_department_action.setEnabled(self.can_add_department())
        self.duplicate_button.setEnabled(editable and is_project)
        self.delete_button.setEnabled(editable and row >= 0 and
                                      self.model._editable(self._selected_pid))
        self.delete_button.setToolTip("删除所选项目（可撤销）" if self.delete_button.isEnabled() or
                                      not is_project or not editable else
                                      "已定稿的项目不能删除（请先撤销定稿）")
        self.up_button.setEnabled(editable and is_project and row > first)
        self.down_button.setEnabled(editable and is_project and row < self.model.rowCount() - 1)

    # ------------------------------------------------------------ actions
    def add_project(self) -> int | None:
        if self.session.readonly:
            return None
        pid = self.session.add_project(new_project(self.session.document))
        self.select_pid(pid)
        self.projectAdded.emit(pid)
        return pid

    def can_add_department(self) -> bool:
        """A document has at most one 部门整体 evaluation."""
        return not self.session.readonly and self.session.document.department is None

    def add_department(self) -> int | None:
        """新增部门整体评价: the department profile's 投入/过程/产出/效益/满意度 rows, ready to
        fill (domain.department); selected; None when the document has one already."""
        if not self.can_add_department():
            dept = self.session.document.department
            if dept is not None:
                self.select_pid(dept.id)
            return None
        from ..domain.department import new_department
        project = new_department(self.session.document)
        with self.session.macro("新增部门整体评价"):
            pid = self.session.add_project(project, position=0)
        self.select_pid(pid)
        self.projectAdded.emit(pid)
        return pid

    def duplicate_project(self) -> int | None:
        pid = self._selected_pid
        row = self.model.row_of(pid)
        if self.session.readonly or row < 0 or self.model.is_department_row(row):
            return None
        new = self.session.duplicate_project(pid)
        self.select_pid(new)
        return new

    def delete_project(self) -> bool:
        pid = self._selected_pid
        row = self.model.row_of(pid)
        if self.session.readonly or row < 0 or not self.model._editable(pid):
            return False
        name = self.session.project(pid).name.strip() or UNNAMED
        if self.model.is_department_row(row):   # one added by mistake can be deleted
            title, text = "删除部门整体评价", (f"确定删除部门整体评价“{name}”吗？\n\n它的指标、资金、评价人员和"
                                           "结论将一并删除（各项目不受影响）。删除后可用“撤销”（Ctrl+Z）恢复。")
        else:
            title, text = "删除项目", (f"确定删除项目“{name}”吗？\n\n它的资金、指标、评价人员和结论将一并删除。"
                                   "删除后可用“撤销”（Ctrl+Z）恢复。")
        from .qt import QMessageBox   # set up by PySide6 when first shown, not at start
        answer = QMessageBox.question(
            self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        neighbour = self.model.pid_at(row + 1) or self.model.pid_at(row - 1)
        from .backups import before
        before(self.window(), "delete")   # 备份与恢复: still there after the window is closed
        self.session.remove_project(pid)
        self.select_pid(neighbour)
        return True

    def paste_projects(self, text: str | None = None) -> list[int]:
        """Ctrl+V in the list: the projects of a list copied from Excel (名称, 实施单位, 全年预算数,
        全年执行数), added after asking, as on the 部门整体's 部门所属项目 — a file of projects
        only had no place to paste them; the first one added is selected."""
        from .tabs.department_paste import paste_projects
        pids = paste_projects(self, text)
        if pids:
            self.select_pid(pids[0])
        return pids

    def move_selected(self, step: int) -> bool:
        pid = self._selected_pid
        row = self.model.row_of(pid)
        target_row = row + step
        first = 1 if self.model.has_department() else 0
        if (self.session.readonly or row < first or not first <= target_row < self.model.rowCount()):
            return False
        neighbour = self.model.pid_at(target_row)
        projects = self.session.document.projects
        new_position = next(i for i, p in enumerate(projects) if p.id == neighbour)
        self.session.move_project(pid, new_position)
        self.select_pid(pid)
        return True


def _words_room(button) -> int:
    """The width a button needs to show its words whole: their width and room for the style's
    frame and padding (Fusion's: 2 × (6 + 2) px). Not its size hint, which the style widens to
    80 px whatever the words: five such made the list at 100 % put 上移/下移 on a second row
    although “复制”, “删除” fit in 54 px."""
    if isinstance(button, QToolButton):      # 新增 and its arrow: no such minimum
        return button.sizeHint().width()
    return button.fontMetrics().horizontalAdvance(button.text()) + BUTTON_PADDING
