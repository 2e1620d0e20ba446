"""评价人员 on the 结论 tab: the core engineer's evaluator model in their grid view, with
buttons to add and remove a person."""
from __future__ import annotations

from ..qt import QGroupBox, QLabel, QVBoxLayout


class EvaluatorsBox(QGroupBox):
    def __init__(self, session, parent=None):
        super().__init__("评价人员（打印后本人签字）", parent)
        self.session = session
        self.pid = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("（评价人员表格）", self))

    def set_project(self, pid):
        self.pid = pid

    def flush(self):
        pass

    def focus_place(self, place) -> bool:
        return False
