"""Tab and Enter through the form pages (review 30).

P3-5: the 项目概况 page's scroll area took a Tab of its own between the tab bar and 项目名称, and the
预算表's after 删除行, with nothing showing where the keys were. P3-6: on the 预算表, 支出科目按 (to be
chosen before the spending lines) and 本地区称 (under the 资金来源 grid) came only after the 支出明细
grid.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.grid import Grid
from selfeval_desktop.ui.qt import QApplication, QScrollArea, Qt

from tests.ui.real_keys import key
from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
K = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, tmp_path, path):
    window = make_window(qtbot, tmp_path, path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def show(window, name):
    tab = window.page.tab_widgets[name]
    window.page.tabs.setCurrentWidget(tab)
    return tab


def focus(qtbot, widget):
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def grid_of(widget):
    while widget is not None and not isinstance(widget, Grid):
        widget = widget.parentWidget()
    return widget


def tab_through(qtbot, page):
    """The widgets Tab stops at on ``page``, in order, from the tab bar on (a grid is left with
    Ctrl+Tab, as its own Tab moves from cell to cell) until the keys leave the page."""
    stops = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        key(qtbot, K.Key_Tab, CTRL if grid_of(widget) is not None else Qt.KeyboardModifier.NoModifier)
        widget = QApplication.focusWidget()
        if not page.isAncestorOf(widget):
            return stops
        stops.append(grid_of(widget) or widget)
    raise AssertionError(f"Tab never left the page: {stops}")


@pytest.mark.parametrize("name", ["overview", "budget", "conclusion"])
def test_tab_stops_only_where_she_can_type(qtbot, window, name):
    tab = show(window, name)
    focus(qtbot, window.page.tabs.tabBar())
    stops = tab_through(qtbot, tab)
    assert stops and not any(isinstance(w, QScrollArea) for w in stops)
    if name == "overview":
        assert stops[0] is tab.edits["name"]       # tab bar → 项目名称, nothing in between


def test_the_budget_page_tabs_as_it_reads(qtbot, window):
    tab = show(window, "budget")
    focus(qtbot, window.page.tabs.tabBar())
    assert tab_through(qtbot, tab) == [
        tab.source_grid, tab.region_box,           # 资金来源, and 本地区称 under it
        tab.fund_grid,                             # 项目资金与预算执行率
        tab.scheme_box, tab.add_button, tab.remove_button,   # 支出科目按 … above the lines
        tab.line_grid, tab.spent]                  # the lines, 实际支出 under them


def test_shift_tab_goes_back_the_same_way(qtbot, window):
    tab = show(window, "budget")
    focus(qtbot, tab.scheme_box)
    key(qtbot, K.Key_Backtab, SHIFT)
    assert grid_of(QApplication.focusWidget()) is tab.fund_grid
