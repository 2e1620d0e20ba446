"""Tab and Enter through the form pages (review 30).

P3-5: the 项目概况 page's scroll area took a Tab of its own between the tab bar and 项目名称, and the
预算表's after 删除行, with nothing showing where the keys were.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.grid import Grid
from selfeval_desktop.ui.qt import QApplication, QScrollArea, Qt

from tests.ui.real_keys import key
from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


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
