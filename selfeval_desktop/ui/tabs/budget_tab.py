"""预算表 tab: funds by source, the MoF funds block with 执行率 and its score, and the spending
lines picked from the project's catalog, each grid with live totals. Amounts are typed in 万元."""
from __future__ import annotations

from ...domain import catalogs
from ...domain.model import SpendingScheme
from ..delegates import CatalogDelegate, TextDelegate
from ..grid import Grid
from ..models import budget_line_model as blm
from ..models.budget_line_model import SCHEME_NAMES, BudgetLineModel
from ..models.fund_kind_model import FundKindModel
from ..models.source_model import SourceModel
from ..qt import (QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                  QVBoxLayout, QWidget)


def _small_grid(model, parent) -> Grid:
    grid = Grid(parent)
    grid.setItemDelegate(TextDelegate(grid))
    grid.setModel(model)
    grid.verticalHeader().hide()
    header = grid.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)   # the row labels
    return grid


def _fit_height(grid: Grid) -> None:
    """A fixed-row grid shows all its rows without a scroll bar."""
    rows = grid.model().rowCount() or 4
    height = grid.horizontalHeader().sizeHint().height() + rows * grid.verticalHeader().defaultSectionSize()
    grid.setFixedHeight(height + 2 * grid.frameWidth() + 2)


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
        self.line_grid.setColumnWidth(blm.COL_CODE, 80)
        self.line_grid.setColumnWidth(blm.COL_NAME, 200)
        for col in (blm.COL_PLANNED, blm.COL_ACTUAL, blm.COL_SPECIAL_PLANNED, blm.COL_SPECIAL_ACTUAL):
            self.line_grid.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)

        self.scheme_box = QComboBox(self)
        self.scheme_box.setObjectName("spending_scheme")
        for scheme in SpendingScheme:
            self.scheme_box.addItem(SCHEME_NAMES[scheme], scheme.value)
        self.scheme_box.activated.connect(self._scheme_picked)

        top = QHBoxLayout()
        sources = QGroupBox("资金来源（万元）", self)
        QVBoxLayout(sources).addWidget(self.source_grid)
        funds = QGroupBox("项目资金与预算执行率（万元）", self)
        QVBoxLayout(funds).addWidget(self.fund_grid)
        top.addWidget(sources, 2)
        top.addWidget(funds, 3)

        lines = QGroupBox("项目支出明细（万元）", self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("支出科目按：", lines))
        bar.addWidget(self.scheme_box)
        self.add_button = add = QPushButton("插入行", lines)
        add.clicked.connect(lambda: self.line_grid.insert_row(1))
        self.remove_button = remove = QPushButton("删除行", lines)
        remove.clicked.connect(self.line_grid.delete_rows)
        bar.addStretch(1)
        bar.addWidget(add)
        bar.addWidget(remove)
        box = QVBoxLayout(lines)
        box.addLayout(bar)
        box.addWidget(self.line_grid, 1)
        hint = QLabel("科目可输入编码或名称的一部分检索（如“差旅”），合计行自动计算；"
                      "金额单位为万元，可直接粘贴 Excel 中的数据。", lines)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        box.addWidget(hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(lines, 1)
        session.fieldChanged.connect(self._field_changed)
        session.documentReplaced.connect(lambda: self.set_project(self.pid))

    def _catalog_labels(self) -> list[str]:
        scheme = self.session.project(self.pid).spending_scheme if self.pid is not None \
            else SpendingScheme.ECONOMIC
        return [e.label for e in catalogs.entries(scheme)]

    def set_project(self, pid: int | None) -> None:
        if pid is not None and not any(p.id == pid for p in self.session.document.projects):
            pid = None
        self.pid = pid
        for model in (self.source_model, self.fund_model, self.line_model):
            model.set_project(pid)
        _fit_height(self.source_grid)
        _fit_height(self.fund_grid)
        for w in (self.scheme_box, self.add_button, self.remove_button):
            w.setEnabled(self.session.project_editable(pid))
        self._show_scheme()

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
        self.session.set_value("project", self.pid, None, "spending_scheme",
                               self.scheme_box.itemData(index))

    def _field_changed(self, entity, pid, row_key, attr) -> None:
        if entity == "project" and pid == self.pid and attr == "finalized_at":
            self.set_project(pid)
        elif entity == "project" and pid == self.pid and attr == "spending_scheme":
            self._show_scheme()
