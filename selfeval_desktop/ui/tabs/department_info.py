"""部门整体 → 资金与目标: what the 部门整体支出绩效自评表 prints above the indicator tree.

部门名称 and 主管部门 (empty: the unit's, as printed), the 部门预算资金 block (年度资金总额 and its parts
× 年初预算数 / 全年预算数 / 全年执行数, with 执行率; no 分值 or 得分: the department profile scores the
budget through its 投入/过程 indicators), 实际到位资金 and 实际支出 (the checks compare them), and the
年度总体目标 with its 实际完成情况. Every field commits as typed, as on a project's tabs.
"""
from __future__ import annotations

from ..grid import Grid
from ..grid.fit import rows_height
from ..delegates import TextDelegate
from ..models import fund_kind_model as fkm
from ..models.fund_kind_model import FundKindModel
from ..place_focus import KIND_COLUMNS, focus_cell
from ..paragraph_edit import ParagraphEdit
from ..qt import (QGridLayout, QGroupBox, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
                  QVBoxLayout, QWidget, Qt)
from ..zoom import is_font_change
from .fields import FieldBinder, WrappedHint, scrolled_page

LINE_FIELDS = (("implementer", "部门名称", "不填时打印单位名称"),
               ("supervisor", "主管部门", "不填时打印单位的主管部门"))
MONEY_FIELDS = (("arrived_total", "实际到位资金（万元）"), ("spent_total", "实际支出（万元）"))
GOAL_FIELDS = (("goal_expected", "年度总体目标（预期）", "年初设定的部门年度总体目标"),
               ("goal_actual", "实际完成情况", "年度总体目标的实际完成情况"))
# what a department report says before its figures (seed 001 一(一) and 二), kept in the
# project's 立项背景 / 实施情况 fields, so they have a place to be typed and are printed
BASIC_FIELDS = (("background", "部门职责及主要任务", "根据“三定”方案，部门的主要职责和年度主要任务"),
                ("implementation", "自评工作开展情况", "如何组织开展本次绩效自评：培训、分工、核查等"))


class DepartmentFundModel(FundKindModel):
    """The funds block as the department form heads it (部门资金, not 项目资金)."""
    HEADERS = ("部门资金", *fkm.HEADERS[1:])


class DepartmentInfoPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.pid: int | None = None
        self.binder = FieldBinder(session, self)
        page = QWidget()

        names = QGroupBox("部门", page)
        names_grid = QGridLayout(names)
        self.lines: dict[str, QLineEdit] = {}
        for row, (attr, label, hint) in enumerate(LINE_FIELDS):
            edit = QLineEdit(names)
            edit.setObjectName(f"department_{attr}")
            self.lines[attr] = self.binder.bind(edit, "project", attr)
            edit.setToolTip(hint)
            names_grid.addWidget(QLabel(label, names), row, 0)
            names_grid.addWidget(edit, row, 1)

        funds = QGroupBox("部门预算资金（万元）", page)
        self.fund_model = DepartmentFundModel(session, self)
        self.fund_grid = grid = Grid(funds)
        grid.setObjectName("department_fund_grid")
        grid.setItemDelegate(TextDelegate(grid))
        grid.setModel(self.fund_model)
        grid.verticalHeader().hide()
        for col in (fkm.COL_WEIGHT, fkm.COL_SCORE):   # as printed: 执行率 only
            grid.setColumnHidden(col, True)
        header = grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(fkm.COL_LABEL, QHeaderView.ResizeMode.ResizeToContents)
        grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_funds()
        self.money: dict[str, QLineEdit] = {}
        money_grid = QGridLayout()
        for col, (attr, label) in enumerate(MONEY_FIELDS):
            edit = QLineEdit(funds)
            edit.setObjectName(f"department_{attr}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.money[attr] = self.binder.bind(edit, "funding", attr)
            money_grid.addWidget(QLabel(label, funds), 0, 2 * col)
            money_grid.addWidget(edit, 0, 2 * col + 1)
        money_grid.setColumnStretch(4, 1)
        funds_layout = QVBoxLayout(funds)
        funds_layout.addWidget(grid)
        funds_layout.addLayout(money_grid)
        # a second line at a large 显示比例, not a wider page
        note = WrappedHint("金额单位为万元，可直接粘贴 Excel 中的数据；执行率 = 全年执行数 ÷ 全年预算数。", funds)
        note.setStyleSheet("color: #666;")
        funds_layout.addWidget(note)

        self.goals: dict[str, QPlainTextEdit] = {}
        goals = self._texts("年度总体目标", GOAL_FIELDS, 6, page)

        basics = self._texts("基本情况（打印在部门整体支出绩效自评情况中）", BASIC_FIELDS, 4, page)

        self.inner = inner = QVBoxLayout(page)
        inner.addWidget(names)
        inner.addWidget(funds)
        inner.addWidget(goals, 1)
        inner.addWidget(basics)
        self.goals_box = goals
        self.scroll = scrolled_page(self, page)
        session.fieldChanged.connect(self._field_changed)

    def _fit_funds(self) -> None:
        """The funds block shows all its rows: when built, and in a new 显示比例 (ui.zoom)."""
        rows = self.fund_model.rowCount() or 4
        self.fund_grid.setFixedHeight(rows_height(self.fund_grid, rows) + 2)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_font_change(event):
            self._fit_funds()

    def _texts(self, title: str, fields, lines: int, page) -> QGroupBox:
        """A box of paragraph fields side by side, bound to the project (into ``self.goals``)."""
        box = QGroupBox(title, page)
        grid = QGridLayout(box)
        for col, (attr, label, hint) in enumerate(fields):
            edit = ParagraphEdit(box)
            edit.setObjectName(f"department_{attr}")
            edit.setPlaceholderText(hint)
            edit.setTabChangesFocus(True)
            edit.set_lines(lines)
            self.goals[attr] = self.binder.bind(edit, "project", attr)
            grid.addWidget(QLabel(label, box), 0, col)
            grid.addWidget(edit, 1, col)
        return box

    def add_section(self, widget, before_goals: bool = False) -> None:
        """Another box on the page (the department tab's list of its projects)."""
        index = self.inner.indexOf(self.goals_box) if before_goals else self.inner.count()
        self.inner.insertWidget(index, widget)

    def set_project(self, pid: int | None) -> None:
        self.pid = pid
        self.binder.set_project(pid)
        self.fund_model.set_project(pid)
        self._show_defaults()

    def _show_defaults(self) -> None:
        """Empty 部门名称 / 主管部门 show in grey what the form prints instead: the unit's."""
        unit = self.session.document.unit
        self.lines["implementer"].setPlaceholderText(unit.name or "部门名称")
        self.lines["supervisor"].setPlaceholderText(unit.supervisor or "主管部门")

    def _field_changed(self, entity, pid, row_key, attr) -> None:
        if entity == "unit":
            self._show_defaults()

    def flush(self) -> None:
        self.binder.commit_pending()

    def focus_place(self, place) -> bool:
        """A finding on the department's funds or fields: its cell or box here."""
        widget = self.binder.widget_for("project", place.field) or \
            self.binder.widget_for("funding", place.field)
        if widget is not None and place.table is None:
            widget.setFocus()
            self.scroll.ensureWidgetVisible(widget)
            return True
        if place.table == "fund_kind":   # the grid's first row is the total (年度资金总额)
            row = None if place.row is None else place.row + 1
            done = focus_cell(self.fund_grid, row, KIND_COLUMNS.get(place.field, fkm.COL_ANNUAL))
        else:
            done = focus_cell(self.fund_grid, 0, KIND_COLUMNS.get(place.field, fkm.COL_ANNUAL))
        self.scroll.ensureWidgetVisible(self.fund_grid)
        return done
