"""问题清单: the document's consistency checks (domain.checks), live, in a dock.

Refreshed after edits, debounced (one run after a burst of edits, not one per keystroke): only
the projects that changed are checked again; the document-level checks run with them. Errors are
red, warnings (提醒) amber. Clicking a finding selects its project, switches tab and puts the
cursor on the cell.
"""
from __future__ import annotations

from ..domain import checks as domain_checks
from ..domain.checks import ERROR, check_project, sort_key
from .qt import (QBrush, QColor, QDockWidget, QLabel, QListWidget, QListWidgetItem, QTimer,
                 QVBoxLayout, QWidget, Qt, Signal)

DEBOUNCE_MS = 150
ERROR_COLOR = "#c62828"
WARNING_COLOR = "#a86200"
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


def document_findings(doc) -> list:
    """The document-level findings (unit name, no project …), as ``run_checks`` lists them first."""
    return domain_checks._document_checks(doc)


class ChecksPanel(QDockWidget):
    findingActivated = Signal(object)  # the finding's Place

    def __init__(self, parent=None):
        super().__init__("问题清单", parent)
        self.setObjectName("checksDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.session = None
        self.summary = QLabel("", self)
        self.summary.setObjectName("checksSummary")
        self.list = QListWidget(self)
        self.list.setObjectName("checksList")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._by_project: dict[int, list] = {}
        self._document: list = []
        self._dirty: set[int] = set()
        self._all_dirty = True
        self.findings: list = []

    def set_session(self, session) -> None:
        if self.session is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self.session = session
        self._by_project.clear()
        self._document = []
        self._all_dirty = True
        if session is None:
            self.findings = []
            self.list.clear()
            self.summary.setText("")
            return
        for signal, slot in self._connections():
            signal.connect(slot)
        self.refresh()

    def _connections(self):
        s = self.session
        return ((s.fieldChanged, self._field_changed), (s.rowsChanged, self._rows_changed),
                (s.scoreChanged, self._mark), (s.projectsChanged, self._mark_all),
                (s.documentReplaced, self._mark_all))

    # ------------------------------------------------------------ what changed
    def _mark(self, pid: int) -> None:
        self._dirty.add(pid)
        self._timer.start()

    def _mark_all(self) -> None:
        self._all_dirty = True
        self._timer.start()

    def _field_changed(self, entity, pid, row_key, attr) -> None:
        if entity in ("unit", "meta"):
            self._mark_all()
        else:
            self._mark(pid)

    def _rows_changed(self, entity, pid) -> None:
        self._mark(pid)

    # ------------------------------------------------------------ checking
    def refresh(self) -> None:
        """Check what changed since the last run (everything the first time) and show the list."""
        self._timer.stop()
        session = self.session
        if session is None:
            return
        doc = session.document
        if self._all_dirty:
            self._by_project.clear()
            self._document = document_findings(doc)
            dirty = {p.id for p in doc.projects}
        else:
            dirty = set(self._dirty)
        self._all_dirty = False
        self._dirty.clear()
        present = {p.id: p for p in doc.projects}
        for pid in list(self._by_project):
            if pid not in present:
                del self._by_project[pid]
        for pid in dirty:
            project = present.get(pid)
            if project is not None:
                self._by_project[pid] = check_project(doc, project, session.score(pid))
        order = {p.id: i for i, p in enumerate(doc.projects)}
        findings = list(self._document)
        for pid in sorted(self._by_project, key=lambda p: order.get(p, 0)):
            findings.extend(sorted(self._by_project[pid], key=sort_key))
        self.findings = findings
        self._show()

    def _show(self) -> None:
        self.list.setUpdatesEnabled(False)
        self.list.clear()
        errors = sum(1 for f in self.findings if f.severity == ERROR)
        warnings = len(self.findings) - errors
        for finding in self.findings:
            is_error = finding.severity == ERROR
            item = QListWidgetItem(f"{'错误' if is_error else '提醒'}：{finding.message}")
            item.setForeground(QBrush(QColor(ERROR_COLOR if is_error else WARNING_COLOR)))
            item.setData(FINDING_ROLE, finding)
            item.setToolTip("单击跳到需要修改的位置")
            self.list.addItem(item)
        self.list.setUpdatesEnabled(True)
        if not self.findings:
            self.summary.setText("没有发现问题。")
        else:
            self.summary.setText(f"<span style='color:{ERROR_COLOR}'>错误 {errors} 个</span>，"
                                 f"<span style='color:{WARNING_COLOR}'>提醒 {warnings} 个</span>"
                                 "　（单击一条跳到对应位置）")

    def _activated(self, item) -> None:
        finding = item.data(FINDING_ROLE)
        if finding is not None:
            self.findingActivated.emit(finding.place)
