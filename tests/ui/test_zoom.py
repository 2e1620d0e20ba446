"""显示比例: 视图 → 放大/缩小/恢复默认大小, Ctrl+Alt+= / Ctrl+Alt+- / Ctrl+Alt+0,
and Ctrl+mouse wheel anywhere in the window make the whole window's text larger or smaller, as
in Excel/WPS; what sizes itself by its text follows; the zoom is remembered."""
from __future__ import annotations

from decimal import Decimal

import pytest

from selfeval_desktop.domain.model import Indicator
from selfeval_desktop.ui import zoom
from selfeval_desktop.ui.qt import QApplication, QtCore, QtGui, QPoint, Qt
from selfeval_desktop.ui.tabs.budget_tab import BudgetTab

from tests.ui.shell_helpers import (OFFSCREEN_NOISE, make_window, menu_of, plain, show_grid, show_tab,
                                    temp_settings)
from tests.ui.ui_fixtures import make_file, sample_document

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture(autouse=True)
def _back_to_100():
    """The application's font is the process's: every test ends at 100 %, as the others expect."""
    base = QApplication.font().pointSizeF()
    yield
    zoom.apply_font(zoom.DEFAULT)
    assert QApplication.font().pointSizeF() == base


@pytest.fixture
def path(tmp_path):
    doc = sample_document()      # rows enough for the 绩效指标 grid to scroll
    doc.projects[0].indicators += [Indicator("产出指标", "数量指标", f"培训场次{n}", "≥4次", "4次",
                                             Decimal(0)) for n in range(40)]
    return make_file(tmp_path, doc)


@pytest.fixture
def window(qtbot, tmp_path, path):
    window = make_window(qtbot, tmp_path, path)
    qtbot.waitUntil(lambda: window.zoom.button is not None, timeout=3000)   # after the paint
    return window


def base_size() -> float:
    return zoom._base_font.pointSizeF() if zoom._base_font is not None \
        else QApplication.font().pointSizeF()


def point_size() -> float:
    return QApplication.font().pointSizeF()


def view_action(window, text: str):
    return next(a for a in menu_of(window, "视图").actions() if a.text().startswith(text))


def wheel(window, widget, pos: QPoint, ctrl: bool, notches: int = 1) -> None:
    """A wheel turn as the system gives it: to the window, at the mouse over ``widget``."""
    at = QtCore.QPointF(widget.mapTo(window, pos))
    event = QtGui.QWheelEvent(at, QtCore.QPointF(window.mapToGlobal(at.toPoint())),
                              QtCore.QPoint(0, 0), QtCore.QPoint(0, 120 * notches),
                              Qt.MouseButton.NoButton,
                              CTRL if ctrl else Qt.KeyboardModifier.NoModifier,
                              Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(window.windowHandle(), event)


def test_the_view_menu_zooms_in_out_and_back_to_100(qtbot, window):
    before = point_size()
    view_action(window, "放大").trigger()
    assert window.zoom.percent == 110
    assert point_size() == pytest.approx(before * 1.1)
    assert window.zoom.button.text() == "显示比例 110%"
    assert "110%" in window.statusBar().currentMessage()
    view_action(window, "缩小").trigger()
    view_action(window, "缩小").trigger()
    assert window.zoom.percent == 90
    assert point_size() == pytest.approx(before * 0.9)
    view_action(window, "恢复默认大小").trigger()
    assert window.zoom.percent == 100
    assert point_size() == pytest.approx(before)
    assert not view_action(window, "恢复默认大小").isEnabled()     # nothing to restore


def test_excel_keys_zoom_from_a_grid_and_ctrl_minus_still_deletes_rows(qtbot, window):
    """Ctrl+Alt+= / Ctrl+Alt+- / Ctrl+Alt+0 (Excel 365's) zoom; Ctrl+- and Ctrl+Shift+= stay the
    grid's row keys, as in Excel."""
    grid = show_grid(qtbot, window, "indicators")
    grid.setCurrentIndex(grid.model().index(0, 2))
    rows = grid.model().rowCount()
    before = point_size()
    qtbot.keyClick(grid, Qt.Key.Key_Equal, CTRL | ALT)
    assert window.zoom.percent == 110 and point_size() > before
    assert grid.model().rowCount() == rows                # no row inserted
    qtbot.keyClick(grid, Qt.Key.Key_Minus, CTRL | ALT)
    qtbot.keyClick(grid, Qt.Key.Key_Minus, CTRL | ALT)
    assert window.zoom.percent == 90 and point_size() < before
    assert grid.model().rowCount() == rows                # no row deleted
    qtbot.keyClick(grid, Qt.Key.Key_0, CTRL | ALT)
    assert window.zoom.percent == 100 and point_size() == pytest.approx(before)
    qtbot.keyClick(grid, Qt.Key.Key_Minus, CTRL)          # the row key, unchanged
    assert grid.model().rowCount() == rows - 1
    assert window.zoom.percent == 100


def test_ctrl_wheel_zooms_anywhere_and_the_plain_wheel_still_scrolls(qtbot, window):
    grid = show_grid(qtbot, window, "indicators")
    bar = grid.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    bar.setValue(bar.maximum())
    middle = QPoint(grid.viewport().width() // 2, grid.viewport().height() // 2)
    wheel(window, grid.viewport(), middle, ctrl=False)        # up: scrolls, no zoom
    scrolled = bar.value()
    assert scrolled < bar.maximum() and window.zoom.percent == 100
    wheel(window, grid.viewport(), middle, ctrl=True)         # Ctrl+up: larger, as in Excel
    assert window.zoom.percent == 110
    wheel(window, grid.viewport(), middle, ctrl=True, notches=-2)   # Ctrl+down: smaller
    assert window.zoom.percent == 90
    # over a text box too (a QPlainTextEdit zooms only itself on Ctrl+wheel, and only read-only)
    box = show_tab(window, "overview").edits["background"]
    qtbot.waitUntil(box.isVisible, timeout=2000)
    wheel(window, box.viewport(), QPoint(10, 10), ctrl=True)
    assert window.zoom.percent == 100
    assert box.font().pointSizeF() == pytest.approx(point_size())


def test_a_touchpad_zooms_a_step_per_whole_notch(qtbot, window):
    grid = show_grid(qtbot, window, "indicators")
    at = QPoint(20, 20)
    for _ in range(3):          # three eighths of a notch each: one step after the third
        event = QtGui.QWheelEvent(QtCore.QPointF(grid.viewport().mapTo(window, at)),
                                  QtCore.QPointF(0, 0), QtCore.QPoint(0, 0), QtCore.QPoint(0, 45),
                                  Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase,
                                  False)
        QApplication.sendEvent(window.windowHandle(), event)
    assert window.zoom.percent == 110


def test_the_grids_rows_columns_the_list_and_the_header_follow(qtbot, window):
    grid = show_grid(qtbot, window, "indicators")
    qtbot.wait(50)
    height, row = grid.verticalHeader().defaultSectionSize(), grid.rowHeight(0)
    weight = grid.columnWidth(5)                        # 分值: its widest value, fitted
    listed = window.page.projects.view.verticalHeader().defaultSectionSize()
    score = window.page.projects.view.columnWidth(1)
    total = window.page.header.badge.total
    big = total.font().pointSizeF()
    line = grid.fontMetrics().height()
    window.zoom.set_percent(150)
    grown = grid.fontMetrics().height() - line         # a line of text is this much taller
    assert grown > 4
    assert grid.verticalHeader().defaultSectionSize() == height + grown
    qtbot.waitUntil(lambda: grid.rowHeight(0) >= row + grown, timeout=2000)
    qtbot.waitUntil(lambda: grid.columnWidth(5) > weight * 1.2, timeout=2000)
    assert window.page.projects.view.verticalHeader().defaultSectionSize() == listed + grown
    assert window.page.projects.view.columnWidth(1) > score * 1.3
    assert total.font().pointSizeF() == pytest.approx(2 * point_size())    # still twice the text
    assert total.font().pointSizeF() == pytest.approx(big * 1.5)
    window.zoom.set_percent(100)                        # and back
    assert grid.verticalHeader().defaultSectionSize() == height
    qtbot.waitUntil(lambda: grid.rowHeight(0) == row, timeout=2000)
    assert total.font().pointSizeF() == pytest.approx(big)


def test_fixed_grids_and_grey_hints_follow(qtbot, window):
    """The 预算表's fixed-row grids stay tall enough for all their rows, and a label with a style
    sheet of its own (the grey hints) takes the new size too (Qt left it as it was)."""
    tab = show_tab(window, "budget")
    assert isinstance(tab, BudgetTab)
    qtbot.wait(50)
    grid = tab.source_grid
    needed = grid.verticalHeader().defaultSectionSize() * grid.model().rowCount()
    assert grid.height() > needed
    window.zoom.set_percent(150)
    needed = grid.verticalHeader().defaultSectionSize() * grid.model().rowCount()
    assert grid.height() > needed + grid.horizontalHeader().sizeHint().height()
    assert tab.spent_note.font().pointSizeF() == pytest.approx(point_size())


def test_the_zoom_is_remembered_for_the_next_start(qtbot, tmp_path, path):
    settings_dir = tmp_path / "settings"
    settings_dir.mkdir()
    first = make_window(qtbot, settings_dir, path)
    first.zoom.set_percent(125)
    first.close()
    assert temp_settings(settings_dir).value(zoom.SETTINGS_KEY) in (125, "125")
    zoom.apply_font(zoom.DEFAULT)                     # as a new process starts
    assert point_size() == pytest.approx(base_size())
    second = make_window(qtbot, settings_dir, path)
    assert second.zoom.percent == 125
    assert point_size() == pytest.approx(base_size() * 1.25)
    qtbot.waitUntil(lambda: second.zoom.button is not None, timeout=3000)
    assert second.zoom.button.text() == "显示比例 125%"
    grid = show_grid(qtbot, second, "indicators")     # built at 125 %: rows of that size
    assert grid.verticalHeader().defaultSectionSize() == grid.fontMetrics().height() + 10
    assert grid.fontMetrics().height() > QtGui.QFontMetrics(zoom._base_font).height()


def test_at_100_percent_nothing_is_changed_at_start(qtbot, tmp_path, path, monkeypatch):
    """The start is not slowed: at 100 % the font is left alone (no widget measured again)."""
    font = QtGui.QFont(QApplication.font())
    calls = []
    monkeypatch.setattr(zoom, "apply_font", calls.append)
    window = make_window(qtbot, tmp_path, path)
    qtbot.waitUntil(lambda: window.zoom.button is not None, timeout=3000)
    assert window.zoom.percent == 100 and calls == []
    assert QApplication.font() == font
    assert window.zoom.button.text() == "显示比例 100%"


def test_the_steps_stop_at_80_and_200_percent(qtbot, window):
    for _ in range(12):
        window.zoom.zoom_in()
    assert window.zoom.percent == 200
    assert point_size() == pytest.approx(base_size() * 2)
    assert not view_action(window, "放大").isEnabled()
    assert "最大" in window.statusBar().currentMessage()
    for _ in range(12):
        window.zoom.zoom_out()
    assert window.zoom.percent == 80
    assert point_size() == pytest.approx(base_size() * 0.8)
    assert not view_action(window, "缩小").isEnabled()
    assert view_action(window, "放大").isEnabled()


@pytest.mark.parametrize("stored", ["300", "abc", "0", None])
def test_a_stored_zoom_out_of_steps_starts_at_100(qtbot, tmp_path, path, stored):
    settings = temp_settings(tmp_path)
    if stored is not None:
        settings.setValue(zoom.SETTINGS_KEY, stored)
    assert zoom.stored(settings) == 100


def test_the_steps_are_listed_with_the_one_in_force_ticked(qtbot, window):
    window.zoom.set_percent(150)
    steps = menu_of(window, "显示比例")   # among the window's children: PySide6 6.7/6.9 drop a
                                          # menu fetched through a temporary actions() list
    assert plain(steps.title()) == "显示比例（150%）" and "(&Z)" in steps.title()
    steps.aboutToShow.emit()
    ticked = [a.text() for a in steps.actions() if a.isChecked()]
    assert ticked == ["150%"]
    next(a for a in steps.actions() if a.text().startswith("100%")).trigger()
    assert window.zoom.percent == 100


def test_the_keys_zoom_from_a_text_box_and_from_a_cell_being_typed(qtbot, window):
    """The zoom keys are the window's, wherever the cursor is; they type nothing."""
    unit = window.page.header.unit
    text = unit.text()
    unit.setFocus()
    qtbot.waitUntil(unit.hasFocus, timeout=2000)
    qtbot.keyClick(unit, Qt.Key.Key_Equal, CTRL | ALT)
    assert window.zoom.percent == 110 and unit.text() == text
    grid = show_grid(qtbot, window, "indicators")
    grid.setCurrentIndex(grid.model().index(0, 2))
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not grid and grid.isAncestorOf(editor)
    typed = editor.text()
    qtbot.keyClick(editor, Qt.Key.Key_Minus, CTRL | ALT)
    assert window.zoom.percent == 100 and editor.text() == typed


@pytest.mark.parametrize("seed", ["001", "004"])
def test_at_150_percent_on_1366x768_no_page_is_wider_than_the_window(qtbot, tmp_path, seed):
    """Every tab (and the 部门整体's pages) fits the window's width at 150 %: the page scrolls
    down, not sideways (部门所属项目's box had its whole hint in its title, wider than the page)."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.ui.qt import QScrollArea
    window = make_window(qtbot, tmp_path, make_file(tmp_path, build_demo(seed)))
    window.zoom.set_percent(150)
    page, doc = window.page, window.session.document
    too_wide = []

    def look(where: str) -> None:
        qtbot.wait(30)
        for area in window.findChildren(QScrollArea):
            inner = area.widget()
            if area.isVisible() and inner is not None and \
                    inner.minimumSizeHint().width() > area.viewport().width():
                too_wide.append((where, inner.minimumSizeHint().width(), area.viewport().width()))

    projects = [p for p in doc.projects if doc.department is None or p.id != doc.department.id]
    page.projects.select_pid(projects[0].id)
    for name in ("overview", "budget", "indicators", "conclusion"):
        show_tab(window, name)
        look(name)
    if doc.department is not None:
        page.projects.select_pid(doc.department.id)
        for index in range(page.department.pages.count()):
            page.department.pages.setCurrentIndex(index)
            look(f"部门整体 {index}")
    assert not too_wide


def test_the_level_one_summary_goes_under_the_buttons_when_beside_them_it_would_wrap(qtbot, tmp_path):
    """部门整体's five headings beside the buttons took a line each at 150 %; under them, two."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.ui.qt import QBoxLayout
    window = make_window(qtbot, tmp_path, make_file(tmp_path, build_demo("001")))
    window.page.projects.select_pid(window.session.document.department.id)
    tab = window.page.department.indicators
    qtbot.wait(30)
    assert tab.top.direction() == QBoxLayout.Direction.LeftToRight       # 100 %: beside
    window.zoom.set_percent(150)
    qtbot.wait(30)
    assert tab.top.direction() == QBoxLayout.Direction.TopToBottom
    line = tab.summary.fontMetrics().lineSpacing()
    assert tab.summary.height() < 3 * line
    window.zoom.set_percent(100)
    qtbot.wait(30)
    assert tab.top.direction() == QBoxLayout.Direction.LeftToRight


def test_f1_lists_the_zoom_keys_and_no_other_shortcut_takes_them(qtbot, window):
    from selfeval_desktop.ui.help_dialog import help_html
    from selfeval_desktop.ui.qt import QAction, QKeySequence, QShortcut
    html = help_html()
    for keys in (zoom.ZOOM_IN, zoom.ZOOM_OUT, zoom.ZOOM_RESET, "Ctrl+鼠标滚轮"):
        assert keys in html
    for name in ("overview", "budget", "indicators", "conclusion"):
        show_tab(window, name)                        # every tab's grids and their row keys
    taken = [k.toString() for a in window.findChildren(QAction) for k in a.shortcuts()]
    taken += [s.key().toString() for s in window.findChildren(QShortcut)]
    for keys in (zoom.ZOOM_IN, zoom.ZOOM_OUT, zoom.ZOOM_RESET):
        assert taken.count(QKeySequence(keys).toString()) == 1, keys
    assert QKeySequence("Ctrl+-").toString() in taken       # the row keys are still there


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support raise")
def test_ctrl_wheel_zooms_over_the_checks_list_floated_off_the_window(qtbot, window):
    """The 问题清单 dragged out of the window is a window of its own: Ctrl+wheel over it zooms as
    over the rest (it did nothing), and again after it is docked and floated a second time."""
    checks = window.checks
    for _ in range(2):
        checks.setFloating(True)
        qtbot.waitUntil(lambda: checks.isVisible() and checks.windowHandle() is not None,
                        timeout=3000)
        before = window.zoom.percent
        wheel(checks, checks.list.viewport(), QPoint(10, 10), ctrl=True)
        assert window.zoom.percent == zoom.STEPS[zoom.STEPS.index(before) + 1]
        wheel(checks, checks.list.viewport(), QPoint(10, 10), ctrl=False)   # plain: no zoom
        assert window.zoom.percent == zoom.STEPS[zoom.STEPS.index(before) + 1]
        checks.setFloating(False)
        qtbot.waitUntil(lambda: not checks.isFloating(), timeout=3000)
