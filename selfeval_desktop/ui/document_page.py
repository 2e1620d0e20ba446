"""The page shown for an open document: the header, the project list and the four tabs (or
the 部门整体 page), built tab by tab as they are first shown. Split from ``main_window``, which
held both the page and the window.
"""
from __future__ import annotations

from collections.abc import Mapping
import importlib
import sys

from .header import Header
from .project_list import ProjectListPanel
from .qt import (QLabel, QSignalBlocker, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout,
                 QWidget, Qt, Signal)


def _list_from_top(view) -> None:
    """The project list from its first row, the selected one still in sight (selected before the
    window had its height, the list stayed scrolled one row down at 910×480 and the 部门整体 row
    above it was out of sight)."""
    view.scrollToTop()
    view.scrollTo(view.currentIndex())


CHECKS_SLICE_MS = 8  # the first 问题清单 run after opening goes on in slices of about this
TAB_KEYS = ("overview", "budget", "indicators", "conclusion")
TAB_TITLES = ("项目概况", "预算表", "绩效指标", "结论")
# each tab's module and class, imported when the tab is first shown (a quicker start)
TAB_CLASSES = {"overview": ("overview_tab", "OverviewTab"), "budget": ("budget_tab", "BudgetTab"),
               "indicators": ("indicators_tab", "IndicatorsTab"),
               "conclusion": ("conclusion_tab", "ConclusionTab"),
               "department": ("department_tab", "DepartmentTab")}


def tab_class(key: str):
    module, name = TAB_CLASSES[key]
    return getattr(importlib.import_module(f"{__package__}.tabs.{module}"), name)


class LazyTabs(Mapping):
    """``page.tab_widgets``: key → tab widget, each built the first time it is asked for or shown.

    Only the tab in view is built when a document opens; the others follow on first use, so the
    window appears sooner. Asking for a tab (``page.tab_widgets["budget"]``) builds it.
    """

    def __init__(self, page):
        self._page = page
        self.built: dict = {}

    def __getitem__(self, key):
        if key not in TAB_KEYS:
            raise KeyError(key)
        tab = self.built.get(key)
        return tab if tab is not None else self._page._build_tab(key)

    def __iter__(self):
        return iter(TAB_KEYS)

    def __len__(self) -> int:
        return len(TAB_KEYS)


class DocumentPage(QWidget):
    """Everything shown for an open document (replaced as a whole when another is opened)."""

    projectShown = Signal(object)  # pid or None
    departmentPageChanged = Signal(int)  # the 部门整体's page on screen

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.header = Header(session, self)
        self.projects = ProjectListPanel(session, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("projectTabs")
        self.tabs.setDocumentMode(True)
        self.tab_widgets = LazyTabs(self)
        self._tabs_pid: int | None = None  # the project the tabs show (not the department)
        for title in TAB_TITLES:  # placeholders, each replaced by its tab when first shown
            self.tabs.addTab(QWidget(self.tabs), title)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._department = None  # built when the 部门整体 row is first selected
        self.right = QStackedWidget(self)
        self.right.addWidget(self.tabs)
        self.empty = QLabel("请在左侧点“新增”，开始填写第一个项目。", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right.addWidget(self.empty)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.projects)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([290, 1000])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)

        self.pid: int | None = None
        self.projects.projectSelected.connect(self.show_project)
        self.projects.projectAdded.connect(self._project_added)
        session.projectsChanged.connect(self._projects_changed)
        session.documentReplaced.connect(self._projects_changed)
        self.projects.select_pid(None)
        if self.projects.current_pid() is None:
            self.show_project(None)
        self._build_tab(TAB_KEYS[self.tabs.currentIndex()])

    def _build_tab(self, key: str):
        """Build a tab in place of its placeholder and show it the current project."""
        built = self.tab_widgets.built
        if key in built:
            return built[key]
        tab = built[key] = tab_class(key)(self.session, self)
        index = TAB_KEYS.index(key)
        placeholder = self.tabs.widget(index)
        was_current = self.tabs.currentIndex() == index
        with QSignalBlocker(self.tabs):
            self.tabs.insertTab(index, tab, TAB_TITLES[index])
            if was_current:
                self.tabs.setCurrentIndex(index)
            self.tabs.removeTab(index + 1)
        placeholder.deleteLater()
        if self._tabs_pid is not None:
            tab.set_project(self._tabs_pid)
        return tab

    def _tab_changed(self, index: int) -> None:
        if 0 <= index < len(TAB_KEYS):
            self._build_tab(TAB_KEYS[index])

    @property
    def department(self):
        """The 部门整体 page (built on first use)."""
        if self._department is None:
            self._department = tab_class("department")(self.session, self)
            self.right.addWidget(self._department)
            self._department.pages.currentChanged.connect(self.departmentPageChanged)
            self._department.openProject.connect(self.projects.select_pid)
        return self._department

    def department_page(self) -> int:
        """The 部门整体's page on screen (0 when it has not been opened)."""
        return self._department.pages.currentIndex() if self._department is not None else 0

    def set_department_page(self, index: int) -> None:
        """Show the 部门整体's page ``index``, if it has been opened (selecting it opens it)."""
        if self._department is not None and 0 < index < self._department.pages.count():
            self._department.pages.setCurrentIndex(index)

    def _projects_changed(self) -> None:
        if self.pid is not None and not any(p.id == self.pid for p in self.session.document.projects):
            self.pid = None
        if self.projects.current_pid() is None:
            self.show_project(None)

    def show_project(self, pid: int | None) -> None:
        self.flush()
        self.pid = pid
        self.header.set_project(pid)
        self.projectShown.emit(pid)
        if pid is None:
            self.right.setCurrentWidget(self.empty)
            return
        if self.session.document.department is not None and \
                self.session.document.department.id == pid:
            self.department.set_project(pid)
            self.right.setCurrentWidget(self.department)
            return
        self._tabs_pid = pid
        for tab in self.tab_widgets.built.values():  # a tab built later is given pid then
            tab.set_project(pid)
        self.right.setCurrentWidget(self.tabs)

    def _project_added(self, pid: int) -> None:
        """A project just added: 项目概况 with the cursor in 项目名称 (部门整体: its name field)."""
        from ..domain.checks_base import Place
        self.focus_place(Place(pid, "overview", field="name"))

    def start_new(self) -> bool:
        """A new file: the cursor where she starts typing, as 新增项目 puts it (not in the project
        list, unmarked, where the name she typed would go nowhere) —
        the first project's 项目名称; a file of the 部门整体 only, its name. False: no project."""
        doc = self.session.document
        first = next(iter(doc.project_list()), None) or doc.department
        if first is None:
            return False
        self._project_added(first.id)
        return True

    def current_tab(self):
        if self._department is not None and self.right.currentWidget() is self._department:
            return self._department
        return self.tabs.currentWidget()

    def flush(self) -> None:
        """Commit the field or grid cell being typed anywhere on the page."""
        self.header.flush()
        for tab in (*self.tab_widgets.built.values(), self._department):
            flush = getattr(tab, "flush", None)
            if flush is not None:
                flush()
        grid = sys.modules.get(f"{__package__}.grid")  # not imported yet: no grid exists
        for view in self.findChildren(grid.Grid) if grid else ():
            view.commit_editor()   # an open cell: committed before its project goes

    def focus_place(self, place) -> bool:
        """Select the project of a 问题清单 finding, switch tab and put the cursor on the cell."""
        if place.tab == "document" or place.project_id is None:
            return self.header.focus_place(place)
        if place.project_id != self.projects.current_pid():
            self.projects.select_pid(place.project_id)
        if self._department is not None and self.right.currentWidget() is self._department:
            return self._department.focus_place(place)
        tab = self.tab_widgets.get(place.tab)
        if tab is None:
            return False
        self.tabs.setCurrentWidget(tab)
        focus = getattr(tab, "focus_place", None)
        if focus is not None:
            return bool(focus(place))
        from . import place_focus
        fallback = place_focus.FALLBACKS.get(place.tab)
        return bool(fallback(tab, place)) if fallback is not None else False
