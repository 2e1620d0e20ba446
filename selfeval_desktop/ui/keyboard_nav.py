"""Keys that move between the document's tabs from anywhere, as in Excel and browsers.

- Ctrl+PgDn / Ctrl+PgUp: the next / previous tab (项目概况 → 预算表 → 绩效指标 → 结论), also from
  inside a grid or a field (a cell being typed is committed first);
- Alt+1 … Alt+4: that tab directly (said in the tab bar's tooltip);
- F6 / Shift+F6: the next / previous pane — the project list, the page shown, the 问题清单 — as
  in Windows programs (not Ctrl+Tab×3 + Tab×7 from a grid to the 问题清单), also
  with the 问题清单 floated in a window of its own (Qt keeps the main window's
  shortcuts working in a floated dock, so the keys need no shortcut of the dock's). Back on a page, the cursor is
  where she last was on it, a grid on its cell (not the page's first field, the page scrolled
  to its top); the first time, the page's first field.
On the 部门整体 page the tab keys switch its own pages (部门指标 / 资金与目标 / 结论).
The keyboard focus goes to the first field or grid of the tab shown, so typing goes on there.
Inside a grid, Ctrl+Tab / Ctrl+Shift+Tab (and Tab past the last cell) leave it: see grid.view.
"""
from __future__ import annotations

from .qt import QKeySequence, QObject, QScrollArea, QShortcut, Qt

TAB_HINT = "切换标签页：Ctrl+PgDn 下一页，Ctrl+PgUp 上一页，或 Alt+1～4"


def install_tab_keys(page) -> list:
    """Shortcuts on a DocumentPage (``page.tabs``); returns them (owned by the page)."""
    shortcuts = []

    def add(keys: str, slot) -> None:
        shortcut = QShortcut(QKeySequence(keys), page)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)   # also from the 问题清单
        shortcut.activated.connect(slot)
        shortcuts.append(shortcut)

    add("Ctrl+PgDown", lambda: step_tab(page, 1))
    add("Ctrl+PgUp", lambda: step_tab(page, -1))
    for i in range(page.tabs.count()):
        add(f"Alt+{i + 1}", lambda i=i: show_tab(page, i, wrap=False))
    add("F6", lambda: next_pane(page, 1))
    add("Shift+F6", lambda: next_pane(page, -1))
    page.tabs.tabBar().setToolTip(TAB_HINT)
    page.pane_memory = PaneMemory(page)
    return shortcuts


def shown_tabs(page):
    """The tab widget whose pages the tab keys switch: the project's four tabs, or the 部门整体
    page's own three (部门指标 / 资金与目标 / 结论); None without either (no project)."""
    if page.tabs.isVisible():
        return page.tabs
    department = getattr(page, "_department", None)
    if department is not None and page.right.currentWidget() is department:
        return department.pages
    return None


def step_tab(page, step: int) -> None:
    """The next (``step`` 1) or previous (-1) tab of those shown, round from the last."""
    tabs = shown_tabs(page)
    if tabs is not None:
        show_tab(page, tabs.currentIndex() + step)


def show_tab(page, index: int, wrap: bool = True) -> None:
    tabs = shown_tabs(page)
    if tabs is None or tabs.count() == 0:
        return                       # no project: no tabs to switch
    if wrap:
        index %= tabs.count()
    elif not 0 <= index < tabs.count():
        return                       # Alt+4 on the 部门整体's three pages
    from .grid import Grid
    for grid in tabs.currentWidget().findChildren(Grid):
        grid.commit_editor()
    tabs.setCurrentIndex(index)
    focus_first(tabs.currentWidget())


def focus_first(container) -> bool:
    """Give the focus to the first widget of ``container`` that takes Tab focus."""
    widget = container.nextInFocusChain()
    for _ in range(500):
        if widget is container or widget is None:
            break
        if container.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() and \
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus and \
                type(widget) is not QScrollArea:     # the page's scroll area: its first field
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            _scroll_to(widget)
            return True
        widget = widget.nextInFocusChain()
    return False


def _scroll_to(widget) -> None:
    """Scroll the page around ``widget`` to show it whole (not Alt+2 putting the cursor in the
    资金来源 grid with the page left scrolled down, the grid's top at the edge)."""
    from .page_scroll import show_on_page
    show_on_page(widget, widget.rect())


def panes(page) -> list:
    """The window's panes in F6 order: the project list, the page on the right (a tab, or the
    部门整体 page), the 问题清单 when it is shown."""
    out = [page.projects.view, page.right.currentWidget()]
    if page.right.currentWidget() is page.tabs:
        out[1] = page.tabs.currentWidget()
    checks = getattr(page.window(), "checks", None)
    if checks is not None and checks.isVisible():
        out.append(checks.list)
    return [p for p in out if p is not None and p.isVisible()]


def grid_of(widget):
    """``ui.grid.grid_of``, imported when first needed (the grids load after the first paint)."""
    from .grid import grid_of as walk
    return walk(widget)


class PaneMemory(QObject):
    """Where the keyboard focus last was on each page of ``page`` (a tab, the 部门整体 page): the
    widget, or the grid for a cell's editor (the grid keeps its cell)."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.last: dict = {}
        from .qt import QApplication
        QApplication.instance().focusChanged.connect(self._changed)

    def pages(self) -> list:
        page = self.page
        out = [page.tabs.widget(i) for i in range(page.tabs.count())]
        department = getattr(page, "_department", None)
        return out + [department] if department is not None else out

    def _changed(self, _old, new) -> None:
        if new is None:
            return
        for pane in self.pages():
            if pane.isAncestorOf(new):
                self.last[pane] = grid_of(new) or new
                return

    def recall(self, pane):
        """The widget last focused on ``pane``, if it is still there to take the focus."""
        import shiboken6
        widget = self.last.get(pane)
        if widget is None or not shiboken6.isValid(widget) or not pane.isAncestorOf(widget) or \
                not widget.isVisible() or not widget.isEnabled():
            return None
        return widget


def next_pane(page, step: int) -> None:
    """Move the keyboard focus to the next (``step`` 1) or previous (-1) pane: the list and the
    问题清单 take it themselves, the page gives it to the widget she was last in there (a grid:
    its cell), the first time to its first field or grid. A cell being typed is committed first,
    as when leaving it with the mouse. A pane in another window (the 问题清单 floated) has its
    window activated first: the focus set in a window that is not the active one went nowhere."""
    from .qt import QApplication
    order = panes(page)
    if not order:
        return
    focus = QApplication.focusWidget()
    here = next((i for i, pane in enumerate(order)
                 if focus is not None and (focus is pane or pane.isAncestorOf(focus))), None)
    target = order[(here + step) % len(order)] if here is not None else order[0]
    grid = grid_of(focus)
    if grid is not None:
        grid.commit_editor()
    if target.window() is not QApplication.activeWindow():
        target.window().activateWindow()
    lists = (page.projects.view, getattr(getattr(page.window(), "checks", None), "list", None))
    if target in lists:
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    memory = getattr(page, "pane_memory", None)
    last = memory.recall(target) if memory is not None else None
    if last is not None:
        last.setFocus(Qt.FocusReason.OtherFocusReason)   # the caret where it was, nothing selected
    elif not focus_first(target):
        target.setFocus(Qt.FocusReason.OtherFocusReason)
