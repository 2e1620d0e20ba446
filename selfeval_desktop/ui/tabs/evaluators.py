"""评价人员 on the 结论 tab: the evaluator model in the Excel-like grid, with buttons to add and
remove a person (the grid's own keys, paste and context menu work too)."""
from __future__ import annotations

from ..grid.view import Grid
from ..models.evaluator_model import EvaluatorModel
from ..qt import QGroupBox, QHBoxLayout, QHeaderView, QPushButton, QVBoxLayout
from ..zoom import is_font_change
from .fields import WrappedHint


class EvaluatorsBox(QGroupBox):
    def __init__(self, session, parent=None):
        super().__init__("评价人员（打印后由本人在“签字”栏签名）", parent)
        self.session = session
        self.pid = None
        self.model = EvaluatorModel(session, self)
        self.grid = Grid(self)
        self.grid.setObjectName("evaluatorGrid")
        self.grid.setModel(self.model)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._fit_grid()
        self.add_button = QPushButton("添加评价人员", self)
        self.add_button.clicked.connect(self.add_person)
        self.remove_button = QPushButton("删除所选人员", self)
        self.remove_button.clicked.connect(self.grid.delete_rows)
        for button in (self.add_button, self.remove_button):   # the keys back to the grid
            button.clicked.connect(self.grid.setFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        # wrapped beside the buttons at a large 显示比例, not running off the page (200 %)
        hint = WrappedHint("可直接从 Excel 复制姓名、职称/职务、单位三列粘贴（Ctrl+V）", self)
        buttons.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid)
        layout.addLayout(buttons)
        session.fieldChanged.connect(self._field_changed)

    def _fit_grid(self) -> None:
        """Four rows in sight: when built, and in a new 显示比例 (ui.zoom)."""
        self.grid.setMinimumHeight(self.grid.verticalHeader().defaultSectionSize() * 4 + 30)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_font_change(event):
            self._fit_grid()

    def _field_changed(self, entity, pid, row_key, attr) -> None:
        if entity == "project" and attr == "finalized_at" and pid == self.pid:
            self.set_project(pid)      # 定稿 / 撤销定稿: the buttons follow

    def set_project(self, pid) -> None:
        self.pid = pid
        self.model.set_project(pid)
        editable = self.session.project_editable(pid)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)

    def add_person(self) -> None:
        if not self.session.project_editable(self.pid):
            return
        row = self.model.data_rows
        if self.model.insertRows(row, 1):
            self.grid.setCurrentIndex(self.model.index(row, 0))
            self.grid.setFocus()

    def flush(self) -> None:
        """Commit an open cell editor (its text is not yet in the model)."""
        editor = self.grid.indexWidget(self.grid.currentIndex())
        if editor is not None:
            self.grid.commitData(editor)

    def focus_place(self, place) -> bool:
        row = place.row if place.row is not None else 0
        cols = {"name": 0, "title": 1, "org": 2}
        col = cols.get(place.field, 0)
        if self.model.rowCount() == 0:
            self.add_button.setFocus()
            return True
        row = min(row, self.model.rowCount() - 1)
        self.grid.setCurrentIndex(self.model.index(row, col))
        self.grid.setFocus()
        self.grid.scrollTo(self.model.index(row, col))
        return True
