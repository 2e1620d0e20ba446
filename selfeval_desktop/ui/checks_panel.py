"""问题清单: the document's consistency checks (domain.checks), live, in a dock.

Refreshed after edits, debounced (one run after a burst of edits, not one per keystroke): only
the projects that changed are checked again; the document-level checks run with them. Errors are
red, warnings (提醒) amber. Clicking a finding selects its project, switches tab and puts the
cursor on the cell.
"""
from __future__ import annotations

import re
import time

from .qt import (QBrush, QCheckBox, QColor, QDockWidget, QFont, QHBoxLayout, QLabel, QListWidget,
                 QListWidgetItem, QMainWindow, QTimer, QVBoxLayout, QWidget, Qt, Signal)
from .zoom import is_font_change

DEBOUNCE_MS = 150
ERROR_COLOR = "#c62828"
WARNING_COLOR = "#a86200"
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
PROJECT_PREFIX = re.compile(r"^「[^」]*」")   # how checks name the project (checks_base.Context)


def _checks():
    """domain.checks, imported at the first check run (after the window has first painted)."""
    from ..domain import checks
    return checks


def document_findings(doc) -> list:
    """The document-level findings (unit name, no project …), as ``run_checks`` lists them first."""
    return _checks().document_checks(doc)


class ChecksPanel(QDockWidget):
    findingActivated = Signal(object)  # the finding's Place
    _own_title_font = False

    def __init__(self, parent=None):
        super().__init__("问题清单", parent)
        self.setObjectName("checksDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.session = None
        self.summary = QLabel("", self)
        self.summary.setObjectName("checksSummary")
        self.only_current = QCheckBox("只看当前项目", self)
        self.only_current.setChecked(True)
        self.only_current.setToolTip("只列出左侧所选项目的问题（以及整个文件的问题）")
        self.only_current.toggled.connect(lambda _on: self._show())
        self.current_pid: int | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("checksList")
        # one finding at least, not Qt's 70 px: on a short screen (1366×768 at 150 %, with a
        # taskbar) the grids above showed no row and the list could not be dragged smaller
        self._fit_list()
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.only_current)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._steps = QTimer(self)  # the next slice of a run given a time budget
        self._steps.setSingleShot(True)
        self._steps.setInterval(0)
        self._steps.timeout.connect(lambda: self._dirty and self.refresh(self._budget_ms))
        self._budget_ms: float | None = None
        self._by_project: dict[int, list] = {}
        self._document: list = []
        self._dirty: set[int] = set()
        self._all_dirty = True
        self.findings: list = []
        self._open_height: int | None = None
        self._clicked: tuple | None = None    # (code, place) of the line clicked last
        self._may_fold = True                  # an empty list folds: first run, another project

    def _fit_list(self) -> None:
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() + 8)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """显示比例 changed (ui.zoom): the list's least height, and the title in the new size —
        Qt draws a dock's title in the font it had when built while the dock's font is the
        application's; a font of its own that differs in nothing seen (letter spacing 0 px,
        set only here, at the first change) makes it draw the title in the dock's font."""
        super().changeEvent(event)
        if not is_font_change(event):
            return
        self._fit_list()
        if not self._own_title_font:
            self._own_title_font = True
            font = QFont()
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0)
            self.setFont(font)

    def whole_lines_height(self, least: int = 3) -> int:
        """The dock's height at which its list shows whole lines, ``least`` at least, about as
        many as now: at 125–200 % it showed 1½ lines, the second cut through the middle (review
        34 P3-1). A finding is a line or two of text, each a line's spacing and 1 px more."""
        view = self.list.viewport()
        line = self.list.fontMetrics().lineSpacing()
        shown, used = 0, 0
        for row in range(self.list.count()):      # the findings from the top, whole ones only
            rect = self.list.visualItemRect(self.list.item(row))
            if rect.top() < 0:
                continue
            if rect.bottom() >= view.height() and shown * line >= least * line:
                break
            if used + rect.height() > max(view.height(), least * (line + 1)) + line // 2:
                break
            used += rect.height()
            shown += rect.height() // line
        used = max(used, least * (line + 1))
        return self.height() - view.height() + used

    def set_session(self, session, refresh: bool = True) -> None:
        """Follow ``session``; ``refresh=False`` leaves the first check run to the caller (the
        window runs it once it has painted: a quicker start)."""
        if self.session is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self.session = session
        self._may_fold = True
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
        if refresh:
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
            return
        self._mark(pid)
        from ..domain.digest import finalized_department   # not needed to show the window
        department = finalized_department(self.session.document, pid, entity, attr) \
            if self.session is not None else None
        if department is not None:     # its code covers its projects' names and funds
            self._mark(department.id)

    def _rows_changed(self, entity, pid) -> None:
        self._mark(pid)

    # ------------------------------------------------------------ checking
    def refresh(self, budget_ms: float | None = None) -> None:
        """Check what changed since the last run (everything the first time) and show the list.

        With ``budget_ms`` the run stops after about that long, the current project checked first,
        and goes on in the next event-loop turns: a large file's first run (scoring every project)
        does not hold the window still for several frames. Without, everything is checked now."""
        self._timer.stop()
        self._steps.stop()
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
        order = {p.id: i for i, p in enumerate(doc.projects)}
        started, checked = time.perf_counter(), 0
        for pid in sorted(dirty, key=lambda p: (p != self.current_pid, order.get(p, 0))):
            late = budget_ms is not None and (time.perf_counter() - started) * 1000 > budget_ms
            if checked and late:
                self._dirty.add(pid)  # next slice
                continue
            checked += 1
            project = present.get(pid)
            if project is not None:
                self._by_project[pid] = _checks().check_project(doc, project, session.score(pid))
        if self._dirty and budget_ms is not None:
            self._budget_ms = budget_ms
            self._steps.start()
        mine = [sorted(self._by_project[pid], key=_checks().sort_key)
                for pid in sorted(self._by_project, key=lambda p: order.get(p, 0))]
        carried = _checks().CARRIED_OVER
        # last year's dates and years to look at: the whole file's at the top of 全部 (the few
        # findings that need a decision are not buried among 200 “fill this in”)
        self.findings = (list(self._document) + [f for run in mine for f in run if f.code in carried]
                         + [f for run in mine for f in run if f.code not in carried])
        self._show()

    def pending(self) -> bool:
        """A run is due or under way in slices (the first one after opening, or after edits)."""
        return (self._steps.isActive() or self._timer.isActive()
                or self.session is not None and self._all_dirty)

    def set_current(self, pid: int | None) -> None:
        """The project selected in the window (for 只看当前项目)."""
        self._may_fold = self._may_fold or pid != self.current_pid
        self.current_pid = pid
        self._show()

    def shown_findings(self) -> list:
        if not self.only_current.isChecked():
            return self.findings
        return [f for f in self.findings
                if f.place.project_id is None or f.place.project_id == self.current_pid]

    def _show(self) -> None:
        self.list.setUpdatesEnabled(False)
        scrolled = self.list.verticalScrollBar().value()
        self.list.clear()
        shown = self.shown_findings()
        error = _checks().ERROR if shown else None  # nothing to show: no import yet
        errors = sum(1 for f in shown if f.severity == error)
        warnings = len(shown) - errors
        own = self.only_current.isChecked()
        # rows with the same gap said once (a new year's file: not 59 × 实际完成值未填写)
        for finding in _checks().collapse_rows(self.session.document, shown) if shown else ():
            is_error = finding.severity == error
            message = finding.message
            if own and finding.place.project_id is not None:
                # the summary says 本项目: a long project name before each line only buried
                # the message
                message = PROJECT_PREFIX.sub("", message, count=1)
            item = QListWidgetItem(f"{'错误' if is_error else '提醒'}：{message}")
            item.setForeground(QBrush(QColor(ERROR_COLOR if is_error else WARNING_COLOR)))
            item.setData(FINDING_ROLE, finding)
            item.setToolTip(f"{finding.message}\n单击跳到需要修改的位置")
            self.list.addItem(item)
            if self._clicked == (finding.code, finding.place):
                self.list.setCurrentItem(item)
        # the place in the list is kept when it is built again (after a click in 全部 the list
        # is rebuilt for the project shown, and the clicked line must stay in view)
        self.list.verticalScrollBar().setValue(scrolled)
        if self.list.currentItem() is not None:
            self.list.scrollToItem(self.list.currentItem())
        self.list.setUpdatesEnabled(True)
        listed = self.list.count()
        scope = "本项目" if self.only_current.isChecked() else "全部"
        total = len(self.findings)
        rest = f"　整个文件共 {total} 条" if self.only_current.isChecked() else ""
        carried = sum(1 for f in self.findings if f.code in _checks().CARRIED_OVER)
        if carried and self.only_current.isChecked():
            rest += f"，上年内容待核对 {carried} 条"
        self.summary.setToolTip("上年内容：从上年文件带入、仍写着上一年度年份或时限的地方，需要判断"
                                "是否改为本年度。取消勾选“只看当前项目”，它们列在最前。" if carried else "")
        if self.session is not None and not self._all_dirty:    # once checked: not before
            # it opens when there is something to list; it folds only when another project is
            # shown (or a file opened), not while typing — else the buttons above move as
            # findings come and go, and clicks land on the wrong one
            if shown or self._may_fold:
                self._fold(not shown)
            self._may_fold = False
        if not shown:
            self.summary.setText(f"{scope}没有发现问题。{rest}")
        else:
            # rows of one gap are one line: said, so the lines can be ticked off
            merged = f"，合为 {listed} 条" if listed < len(shown) else ""
            self.summary.setText(f"{scope}：<span style='color:{ERROR_COLOR}'>错误 {errors} 个</span>，"
                                 f"<span style='color:{WARNING_COLOR}'>提醒 {warnings} 个</span>"
                                 f"{merged}（单击一条跳到对应位置）{rest}")

    def _fold(self, empty: bool) -> None:
        """Nothing to list: the dock folds to its summary line, and opens again to the height it
        had once there is something (an empty list would keep a fifth of a 1024×768 window
        while the grids above need scrolling)."""
        if empty == self.list.isHidden():
            return
        if empty:
            self._open_height = self.height() if self.isVisible() else None
            self.list.hide()
        else:
            self.list.show()
        QTimer.singleShot(0, self._fit)     # once the layout has taken the list out (or in)

    def _fit(self) -> None:
        window = self.parentWidget()
        if not isinstance(window, QMainWindow) or self.isFloating() or not self.isVisible():
            return
        height = (self.minimumSizeHint().height() if self.list.isHidden()
                  else self._open_height or max(90, window.height() // 5))
        window.resizeDocks([self], [height], Qt.Orientation.Vertical)

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.list.isHidden():      # folded while the window was not shown yet
            QTimer.singleShot(0, self._fit)

    def _activated(self, item) -> None:
        finding = item.data(FINDING_ROLE)
        if finding is not None:
            self._clicked = (finding.code, finding.place)
            self.findingActivated.emit(finding.place)
