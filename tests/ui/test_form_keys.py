"""Tab and Enter through the form pages.

The 项目概况 page's scroll area took a Tab of its own between the tab bar and 项目名称, and the
预算表's after 删除行, with nothing showing where the keys were. On the 预算表, 支出科目按 (to be
chosen before the spending lines) and 本地区称 (under the 资金来源 grid) came only after the 支出明细
grid. Enter in a one-line field did nothing; as in WPS and Excel forms it now goes on to the
next field, and a paragraph box keeps it for a line break.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.grid import grid_of
from selfeval_desktop.ui.qt import QApplication, QScrollArea, Qt

from tests.ui.real_keys import idle, key, type_keys
from tests.ui.shell_helpers import OFFSCREEN_NOISE, activate, make_window, show_tab
from tests.ui.shell_helpers import focus as shell_focus
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
K = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, tmp_path, path):
    return activate(qtbot, make_window(qtbot, tmp_path, path))


def focus(qtbot, widget):
    shell_focus(qtbot, widget, Qt.FocusReason.TabFocusReason)   # as Tab gives it


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
    tab = show_tab(window, name)
    focus(qtbot, window.page.tabs.tabBar())
    stops = tab_through(qtbot, tab)
    assert stops and not any(isinstance(w, QScrollArea) for w in stops)
    if name == "overview":
        assert stops[0] is tab.edits["name"]       # tab bar → 项目名称, nothing in between


def test_the_budget_page_tabs_as_it_reads(qtbot, window):
    tab = show_tab(window, "budget")
    focus(qtbot, window.page.tabs.tabBar())
    assert tab_through(qtbot, tab) == [
        tab.source_grid, tab.region_box,           # 资金来源, and 本地区称 under it
        tab.fund_grid,                             # 项目资金与预算执行率
        tab.scheme_box, tab.add_button, tab.remove_button,   # 支出科目按 … above the lines
        tab.line_grid, tab.spent]                  # the lines, 实际支出 under them


def test_shift_tab_goes_back_the_same_way(qtbot, window):
    tab = show_tab(window, "budget")
    focus(qtbot, tab.scheme_box)
    key(qtbot, K.Key_Backtab, SHIFT)
    assert grid_of(QApplication.focusWidget()) is tab.fund_grid


def test_enter_in_a_field_goes_on_to_the_next(qtbot, window, path):
    tab = show_tab(window, "overview")
    edits = tab.edits
    focus(qtbot, edits["name"])
    edits["name"].selectAll()
    type_keys(qtbot, "新名称")
    key(qtbot, K.Key_Return)
    assert QApplication.focusWidget() is edits["supervisor"]
    assert reread(path).projects[0].name == "新名称"          # committed on the way
    for attr in ("implementer", "leader", "phone", "address", "postcode"):
        key(qtbot, K.Key_Enter, Qt.KeyboardModifier.KeypadModifier)   # the keypad's Enter too
        assert QApplication.focusWidget() is edits[attr]
    key(qtbot, K.Key_Return, SHIFT)                 # Shift+Enter: back one
    assert QApplication.focusWidget() is edits["address"]


def test_enter_in_a_paragraph_box_is_a_line_break(qtbot, window, path):
    box = show_tab(window, "overview").edits["background"]
    focus(qtbot, box)
    type_keys(qtbot, "第一段")
    key(qtbot, K.Key_Return)
    type_keys(qtbot, "第二段")
    assert QApplication.focusWidget() is box
    idle(qtbot)
    assert reread(path).projects[0].background.endswith("第一段\n第二段")


def test_enter_in_the_headers_unit_goes_on(qtbot, window, path):
    header = window.page.header
    focus(qtbot, header.unit)
    header.unit.selectAll()
    type_keys(qtbot, "某县科协")
    key(qtbot, K.Key_Return)
    assert QApplication.focusWidget() is header.year
    assert reread(path).unit.name == "某县科协"


def test_enter_goes_on_through_the_year_and_month_lists(qtbot, window, path):
    """Enter on the closed 起止时间 year or month list did nothing: the one stop on the page where
    it did not go on. A choice made with the keys is kept on the way."""
    tab = show_tab(window, "overview")
    focus(qtbot, tab.start.year)
    tab.start.year.setCurrentIndex(tab.start.year.findData(2021))
    tab.start.year.activated.emit(tab.start.year.currentIndex())   # as a pick from the list
    key(qtbot, K.Key_Return)
    assert QApplication.focusWidget() is tab.start.month
    key(qtbot, K.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert QApplication.focusWidget() is tab.end.year
    key(qtbot, K.Key_Return, SHIFT)
    assert QApplication.focusWidget() is tab.start.month
    assert reread(path).projects[0].start.startswith("2021")
