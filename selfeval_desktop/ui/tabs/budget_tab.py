"""预算表 tab: funds by source, the MoF funds block with 执行率 and its score, and the spending
lines picked from the project's catalog, each grid with live totals. Amounts are typed in 万元.

The 合计 of the sources takes typing (计划安排资金/实际到位资金); 实际支出 has its own field beside
the spending lines. Either left empty counts as the sum of its parts (shown in grey).

Narrow (a 1024-wide screen): the sources and the funds block stand one above the other instead of
side by side. Narrower still (200 % 显示比例 on 1366×768), a grid too narrow for its columns
scrolls sideways on its own, its row labels kept in sight, rather than its headers squeezed or its
得分 cut off; the page itself does not scroll sideways (its lines of hints wrap).
"""
from __future__ import annotations

from ...domain import catalogs
from ...domain.model import SpendingScheme, lines_total
from ...domain.schemes import SCHEME_NAMES
from ...domain.money import format_wan
from ..combo import PageComboBox
from ..delegates import CatalogDelegate, TextDelegate
from ..grid import Grid
from ..grid.fit import rows_height
from ..grid.rows import INSERT_TIP
from ..models import budget_line_model as blm
from ..models.budget_line_model import BudgetLineModel
from ..models.fund_kind_model import FundKindModel
from ..models.source_model import SourceModel
from ..place_focus import focus_budget
from ..qt import (QBoxLayout, QEvent, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                  QObject, QPushButton, QTimer, QVBoxLayout, QWidget, Qt)
from ..zoom import factor, is_font_change, px
from .fields import FieldBinder, WrappedHint, scrolled_page, to_top

REGION_WORDS = ("省级", "自治区")
WIDE_MIN = 940        # narrower than this, the sources and the funds block are stacked
SPENT_TIP = ("实际支出（万元），打印在自评基本情况表上。\n"
             "不填时按支出明细各行实际支出数之和计（灰色显示的数）；与之不同时请填写。")


def _small_grid(model, parent) -> Grid:
    grid = Grid(parent)
    grid.setItemDelegate(TextDelegate(grid))
    grid.setModel(model)
    grid.verticalHeader().hide()
    header = grid.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)   # the row labels
    _fit_columns(grid)
    # narrower than its columns (200 %): it scrolls sideways, 资金来源/项目资金 kept in sight
    grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    grid.freeze_columns(1)
    grid.installEventFilter(_FitHeight(grid))
    return grid


def _fit_columns(grid: Grid) -> None:
    """A column never narrower than its header (年初预算数, not “F初预算数”) or 100.00%."""
    header, model = grid.horizontalHeader(), grid.model()
    metrics = header.fontMetrics()
    widest = max(metrics.horizontalAdvance(str(model.headerData(c, Qt.Orientation.Horizontal)))
                 for c in range(model.columnCount()))
    header.setMinimumSectionSize(max(widest, metrics.horizontalAdvance("100.00%")) + 16)


def _natural_width(grid: Grid) -> int:
    """The width a fixed grid needs to show every column unclipped."""
    header = grid.horizontalHeader()
    label = max(grid.sizeHintForColumn(0), header.sectionSizeHint(0))
    rest = header.minimumSectionSize() * (grid.model().columnCount() - 1)
    return label + rest + 2 * grid.frameWidth() + 4


def _fit_height(grid: Grid) -> None:
    """A fixed-row grid shows all its rows without a vertical scroll bar, and above the
    horizontal one when it is too narrow for its columns."""
    rows = grid.model().rowCount() or 4
    height = rows_height(grid, rows) + 2
    if grid.width() < _natural_width(grid):
        height += grid.horizontalScrollBar().sizeHint().height()
    if grid.height() != height or grid.minimumHeight() != height:
        grid.setFixedHeight(height)


class _FitHeight(QObject):
    """A fixed grid's height follows its width: room for its sideways scroll bar when narrow."""

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and event.size().width() != event.oldSize().width():
            _fit_height(obj)
        return False


class BudgetTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.pid: int | None = None
        self.source_model = SourceModel(session, self)
        self.fund_model = FundKindModel(session, self)
        self.line_model = BudgetLineModel(session, self)

        self.source_grid = _small_grid(self.source_model, self)
        self.source_grid.setObjectName("source_grid")
        self.fund_grid = _small_grid(self.fund_model, self)
        self.fund_grid.setObjectName("fund_kind_grid")
        self.line_grid = Grid(self)
        self.line_grid.setObjectName("budget_line_grid")
        self.line_grid.setItemDelegate(TextDelegate(self.line_grid))
        picker = CatalogDelegate(self._catalog_labels, self.line_grid)
        self.line_grid.setItemDelegateForColumn(blm.COL_CODE, picker)
        self.line_grid.setItemDelegateForColumn(blm.COL_NAME, picker)
        self.line_grid.setModel(self.line_model)
        self.line_grid.setColumnWidth(blm.COL_CODE, px(80))
        self.line_grid.setColumnWidth(blm.COL_NAME, px(200))
        self._zoomed = factor()      # the 显示比例 those widths are for (ui.zoom)
        line_header = self.line_grid.horizontalHeader()
        for col in (blm.COL_PLANNED, blm.COL_ACTUAL, blm.COL_SPECIAL_PLANNED, blm.COL_SPECIAL_ACTUAL):
            line_header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        # narrow (1024): a column keeps its header readable and the grid scrolls sideways
        line_header.setMinimumSectionSize(
            line_header.fontMetrics().horizontalAdvance("其中专项（计划）") + 14)

        self.scheme_box = PageComboBox(self)
        self.scheme_box.setObjectName("spending_scheme")
        for scheme in SpendingScheme:
            self.scheme_box.addItem(SCHEME_NAMES[scheme], scheme.value)
        self.scheme_box.activated.connect(self._scheme_picked)

        page = QWidget(self)
        self.top = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.sources_box = sources = QGroupBox("资金来源（万元）", page)
        self.funds_box = funds = QGroupBox("项目资金与预算执行率（万元）", page)
        for box, grid in ((sources, self.source_grid), (funds, self.fund_grid)):
            column = QVBoxLayout(box)
            column.addWidget(grid)
            if box is sources:       # 广西、新疆…: the paper form says 自治区财政
                column.addLayout(self._region_row(box))
            column.addStretch(1)     # side by side, both grids start at the top
        top.addWidget(sources, 2)
        top.addWidget(funds, 3)

        lines = QGroupBox("项目支出明细（万元）", page)
        self.binder = FieldBinder(session, self)
        self.spent = QLineEdit(lines)
        self.spent.setObjectName("spent_total")
        self.spent.setToolTip(SPENT_TIP)
        self.spent.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.spent.setFixedWidth(self.spent.fontMetrics().horizontalAdvance("0000.0000") + 24)
        self.binder.bind(self.spent, "funding", "spent_total")
        self.spent_label = QLabel("实际支出（万元）", lines)
        self.spent_label.setBuddy(self.spent)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("支出科目按：", lines))
        bar.addWidget(self.scheme_box)
        self.add_button = add = QPushButton("在下方插入行", lines)
        add.setToolTip(INSERT_TIP)          # Excel's 插入 puts the row above: this one is below
        add.clicked.connect(lambda: self.line_grid.insert_row(1))
        self.remove_button = remove = QPushButton("删除行", lines)
        remove.clicked.connect(self.line_grid.delete_rows)
        for button in (add, remove):    # the keys go back to the grid, on the row
            button.clicked.connect(self.line_grid.setFocus)
        bar.addStretch(1)
        bar.addWidget(add)
        bar.addWidget(remove)
        box = QVBoxLayout(lines)
        box.addLayout(bar)
        box.addWidget(self.line_grid, 1)
        spent_row = QHBoxLayout()      # under the lines' 合计, the figure it stands for
        spent_row.addWidget(self.spent_label)
        spent_row.addWidget(self.spent)
        self.spent_note = QLabel("不填时按各行实际支出数之和计（灰色数字）", lines)
        self.spent_note.setStyleSheet("color: #666;")
        spent_row.addWidget(self.spent_note)
        spent_row.addStretch(1)
        box.addLayout(spent_row)
        # two set lines, each wrapped where the page is narrower (200 %) rather than widening
        # it; the grids above keep their heights (fixed; the lines' a minimum), so the wrapped
        # lines squeeze no 合计 row away (it was cut off at 1024 when the page could shrink them)
        hint = WrappedHint("科目可输入编码或名称的一部分检索（如“差旅”）；金额单位为万元，可直接粘贴 Excel 中的数据。\n"
                           "灰色的合计是各行之和；另有合计数时，直接在合计格中输入。", lines)
        hint.setStyleSheet("color: #666;")
        box.addWidget(hint)
        for signal in (self.line_model.modelReset, self.line_model.rowsInserted,
                       self.line_model.rowsRemoved):
            signal.connect(self._fit_lines)
        self._fit_lines()

        inner = QVBoxLayout(page)
        inner.setContentsMargins(6, 6, 6, 6)
        inner.addLayout(top)
        inner.addWidget(lines, 1)
        self.scroll = scrolled_page(self, page)
        self.scroll.setObjectName("budget_scroll")
        # Tab as the page reads, top to bottom, left to right (支出科目按, chosen before the lines
        # are typed, and 本地区称 under the sources come before the lines' grid)
        chain = (self.source_grid, self.region_box, self.fund_grid, self.scheme_box, add, remove,
                 self.line_grid, self.spent)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        session.fieldChanged.connect(self._field_changed)
        session.rowsChanged.connect(self._rows_changed)
        session.documentReplaced.connect(lambda: self.set_project(self.pid))

    def _region_row(self, parent) -> QHBoxLayout:
        """省级财政 as the unit's region calls it (省级财政 / 自治区财政), as its forms print it. The
        label said “第二行写作”, which clerks read as nothing they had to do."""
        self.region_box = PageComboBox(parent, arrows_open=True)   # printed: ↓ never steps it
        self.region_box.setObjectName("region_word")
        for word in REGION_WORDS:
            self.region_box.addItem(f"{word}财政", word)
        self.region_box.setToolTip("本单位所在地区的财政级次写法：自治区的单位选“自治区财政”（打印的表格同此）")
        self.region_box.activated.connect(self._region_picked)
        row = QHBoxLayout()
        row.addWidget(QLabel("资金来源中的“省级财政”，本地区称：", parent))
        row.addWidget(self.region_box)
        row.addStretch(1)
        return row

    def _show_region(self) -> None:
        word = self.session.document.unit.region_word or REGION_WORDS[0]
        index = self.region_box.findData(word)
        if index < 0:       # a word this program does not list: shown, kept
            self.region_box.addItem(f"{word}财政", word)
            index = self.region_box.count() - 1
        self.region_box.setCurrentIndex(index)
        self.region_box.setEnabled(self.session.document_editable())

    def _region_picked(self, index: int) -> None:
        word = self.region_box.itemData(index)
        if word and word != self.session.document.unit.region_word:
            self.session.set_value("unit", None, None, "region_word", word)
        self._show_region()   # refused (定稿, read-only): back to the word in force

    LINES_SHOWN = (4, 9)   # the 支出明细 grid shows at least 4, at most 9 rows (合计 included)

    def _fit_lines(self, *_args) -> None:
        """The 支出明细 grid is tall enough for its lines and 合计 (up to LINES_SHOWN rows); the
        page scrolls instead (at 1280×720 it showed three rows, 合计 scrolled out of sight)."""
        grid = self.line_grid
        low, high = self.LINES_SHOWN
        rows = min(max(self.line_model.rowCount(), low), high)
        grid.setMinimumHeight(rows_height(grid, rows)
                              + grid.horizontalScrollBar().sizeHint().height())

    def _catalog_labels(self) -> list[str]:
        scheme = self.session.project(self.pid).spending_scheme if self.pid is not None \
            else SpendingScheme.ECONOMIC
        return [e.label for e in catalogs.entries(scheme)]

    def set_project(self, pid: int | None) -> None:
        if pid is not None and not any(p.id == pid for p in self.session.document.projects):
            pid = None
        to_top(getattr(self, "scroll", None), pid != self.pid)
        self.pid = pid
        self.binder.set_project(pid)
        for model in (self.source_model, self.fund_model, self.line_model):
            model.set_project(pid)
        _fit_height(self.source_grid)
        _fit_height(self.fund_grid)
        for w in (self.scheme_box, self.add_button, self.remove_button):
            w.setEnabled(self.session.project_editable(pid))
        self._show_scheme()
        self._show_spent()
        self._show_region()
        self._arrange()

    # ------------------------------------------------------------ 实际支出
    _spent_due = False     # a batch changed the lines: 实际支出's sum shown once it is done

    def _show_spent_due(self) -> None:
        self._spent_due = False
        self._show_spent()

    def _show_spent(self) -> None:
        """The lines' sum in grey when 实际支出 is not typed; red when what was typed is unread."""
        if self.pid is None:
            self.spent.setPlaceholderText("")
            return
        project = self.session.project(self.pid)
        summed = lines_total(project.budget_lines, "actual")
        self.spent.setPlaceholderText(format_wan(summed))
        error = self.session.unread_error("funding", self.pid, None, "spent_total")
        self.spent.setStyleSheet("QLineEdit { border: 1px solid #d32f2f; background: #ffc7ce; }"
                                 if error else "")
        self.spent.setToolTip(f"无法识别：{error}（原文已保留）\n{SPENT_TIP}" if error else SPENT_TIP)

    def _rows_changed(self, entity, pid) -> None:
        if entity == "budget_line" and pid == self.pid:
            self._spent_changed()

    def _spent_changed(self) -> None:
        """The lines or 实际支出 changed: the sum shown again, once at the end of a batch (a
        200-line paste summed every line once per pasted cell: 0.3 s)."""
        if not getattr(self.session, "in_batch", False):
            self._show_spent()
        elif not self._spent_due:
            self._spent_due = True
            QTimer.singleShot(0, self._show_spent_due)

    def flush(self) -> None:
        self.binder.commit_pending()

    def focus_place(self, place) -> bool:
        """实际支出 is the field beside the lines; the rest are grid cells (place_focus)."""
        if place.table is None and place.field == "spent_total":
            self.spent.setFocus()
            self.spent.selectAll()
            self.scroll.ensureWidgetVisible(self.spent)
            return True
        done = focus_budget(self, place)
        grid = self.focusWidget()
        if grid is not None:
            self.scroll.ensureWidgetVisible(grid)
        return done

    # ------------------------------------------------------------ layout
    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """显示比例 changed (ui.zoom): what is sized by its text measured again in the new size."""
        super().changeEvent(event)
        if not is_font_change(event):
            return
        for grid in (self.source_grid, self.fund_grid):
            _fit_columns(grid)
            _fit_height(grid)
        line_header = self.line_grid.horizontalHeader()
        line_header.setMinimumSectionSize(
            line_header.fontMetrics().horizontalAdvance("其中专项（计划）") + 14)
        scale, self._zoomed = factor() / self._zoomed, factor()
        for col, width in ((blm.COL_CODE, 80), (blm.COL_NAME, 200)):   # as dragged, in the new
            width = self.line_grid.columnWidth(col) * scale or px(width)  # size (0: hidden)
            self.line_grid.setColumnWidth(col, round(width))
        self.spent.setFixedWidth(self.spent.fontMetrics().horizontalAdvance("0000.0000") + 24)
        self._fit_lines()
        self._arrange()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Side by side when both grids fit unclipped, else one above the other."""
        sources, funds = _natural_width(self.source_grid), _natural_width(self.fund_grid)
        wide = self.width() >= max(WIDE_MIN, sources + funds + 60)
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.top.direction() != direction:
            self.top.setDirection(direction)
        # side by side, the width shared as each grid needs it (a fixed 2:3 cut off the funds
        # grid's 得分, the column it is there for, at 1280)
        self.top.setStretch(0, sources)
        self.top.setStretch(1, funds)

    def _show_scheme(self) -> None:
        if self.pid is None:
            return
        scheme = self.session.project(self.pid).spending_scheme
        self.scheme_box.setCurrentIndex(self.scheme_box.findData(scheme.value))
        # R&D categories have no numeric codes: only the name column is shown
        self.line_grid.setColumnHidden(blm.COL_CODE, scheme is not SpendingScheme.ECONOMIC)

    def _scheme_picked(self, index: int) -> None:
        if self.pid is None:
            return
        scheme = self.scheme_box.itemData(index)
        project = self.session.project(self.pid)
        if scheme == project.spending_scheme.value:
            return
        changes = catalogs.recoded(project.budget_lines, scheme)   # codes of the other catalog
        with self.session.macro("更改支出科目分类"):
            self.session.set_value("project", self.pid, None, "spending_scheme", scheme)
            for line_id, code, name in changes:
                self.session.set_value("budget_line", self.pid, line_id, "code", code)
                self.session.set_value("budget_line", self.pid, line_id, "name", name)
        if changes:
            matched = sum(1 for _id, code, _name in changes if code)
            cleared = len(changes) - matched
            said = "，".join(t for t in (f"重新对应 {matched} 行支出科目" if matched else "",
                                         f"{cleared} 行的科目编码不在新目录中，已清除（名称保留）"
                                         if cleared else "") if t)
            self.line_grid._say(f"已按{SCHEME_NAMES[SpendingScheme(scheme)]}：{said}（可撤销）", 8000)

    def _field_changed(self, entity, pid, row_key, attr) -> None:
        if entity == "unit" and attr == "region_word":
            self._show_region()
        if pid == self.pid and (entity == "budget_line" or entity == "funding"
                                and attr == "spent_total"):
            self._spent_changed()
        if entity == "project" and pid == self.pid and attr == "finalized_at":
            self.set_project(pid)
        elif entity == "project" and pid == self.pid and attr == "spending_scheme":
            self._show_scheme()
