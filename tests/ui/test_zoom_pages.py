"""The form pages at a large 显示比例 (ui.zoom) on a 1366×768 screen: their lines wrap instead of
the page scrolling sideways. At 200 % 预算表 (its two lines of hints), the 部门整体's 资金与目标 (the
note under its funds) and both 结论 pages (评价人员's buttons with their hint beside them) were
wider than the window, and a clerk had to scroll right to read the end of a sentence. The grids
that scroll sideways on their own (绩效指标, 支出明细) are theirs to scroll."""
from __future__ import annotations

import pytest

from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.ui import zoom
from selfeval_desktop.ui.qt import QApplication, QScrollArea

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture(autouse=True)
def _back_to_100():
    """The application's font is the process's: every test ends at 100 %, as the others expect."""
    yield
    zoom.apply_font(zoom.DEFAULT)


def page_scroll(widget) -> QScrollArea:
    if isinstance(widget, QScrollArea):
        return widget
    areas = [a for a in widget.findChildren(QScrollArea) if a.isVisible()]
    assert len(areas) == 1, widget
    return areas[0]


def form_pages(qtbot, window):
    """(name, page's scroll area) of each form page, shown in turn: the 部门整体's 资金与目标 and
    结论, then a project's 项目概况, 预算表 and 结论."""
    page, doc = window.page, window.session.document
    page.projects.select_pid(doc.department.id)
    department = page.department
    for widget in (department.info, department.conclusion):
        department.pages.setCurrentWidget(widget)
        QApplication.processEvents()
        yield f"部门整体·{department.pages.tabText(department.pages.indexOf(widget))}", \
            page_scroll(widget)
    page.projects.select_pid(next(iter(doc.project_list())).id)
    for key in ("overview", "budget", "conclusion"):
        tab = page.tab_widgets[key]
        page.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        yield page.tabs.tabText(page.tabs.indexOf(tab)), page_scroll(tab)


@pytest.mark.parametrize("percent", [150, 200])
def test_the_form_pages_wrap_rather_than_scroll_sideways(qtbot, tmp_path, percent):
    path = tmp_path / "demo.sqlite"
    write_demo(path, seed="001")        # a 部门整体 and its projects
    window = make_window(qtbot, tmp_path, path)
    window.zoom.set_percent(percent)
    wide = []
    for name, scroll in form_pages(qtbot, window):
        qtbot.wait(20)
        inner = scroll.widget()
        if scroll.horizontalScrollBar().maximum() > 0:
            wide.append(f"{name}: {inner.minimumSizeHint().width()} > {scroll.viewport().width()}")
        # and nothing squeezed for it: every box of the page as tall as it needs
        assert inner.height() >= inner.minimumSizeHint().height(), name
    assert wide == []


def test_a_budget_grid_too_narrow_for_its_columns_scrolls_to_its_score(qtbot, tmp_path):
    """项目资金 at 200 % on 1366×768: its seven columns do not fit in the page. With the page no
    longer wider than the window, its 得分 would be past the grid's edge with no scroll bar to
    reach it (as it was at 1024×700 at 100 %); it scrolls sideways on its own, 项目资金 kept in
    sight, every row above the scroll bar."""
    from selfeval_desktop.ui.models import fund_kind_model as fkm
    path = tmp_path / "demo.sqlite"
    write_demo(path, seed="004")
    window = make_window(qtbot, tmp_path, path)
    window.zoom.set_percent(200)
    budget = window.page.tab_widgets["budget"]
    window.page.tabs.setCurrentWidget(budget)
    grid, model = budget.fund_grid, budget.fund_model
    qtbot.waitUntil(lambda: grid.isVisible() and grid.width() > 100, timeout=2000)
    qtbot.wait(20)
    header = grid.horizontalHeader()
    end = header.sectionPosition(fkm.COL_SCORE) + header.sectionSize(fkm.COL_SCORE)
    assert end > grid.viewport().width()          # the case in point: it does not fit
    bar = grid.horizontalScrollBar()
    assert bar.isVisible() and bar.maximum() >= end - grid.viewport().width()
    last = grid.visualRect(model.index(model.rowCount() - 1, fkm.COL_ANNUAL))
    assert last.bottom() < grid.viewport().height()     # 其他资金 not under the scroll bar
    bar.setValue(bar.maximum())
    assert grid.frozen_width() == header.sectionSize(fkm.COL_LABEL)   # the row labels stay


def test_the_budget_page_fits_the_window_at_100_percent(qtbot, tmp_path):
    """The wrapped hint under 支出明细 made the scroll area lay the 预算表 out at its preferred
    height: the 支出明细 grid grew past the window and 实际支出 went below the edge of a 1366×768
    screen, to be found only by scrolling. At 100 % the page is as tall as it needs, no taller."""
    path = tmp_path / "demo.sqlite"
    write_demo(path, seed="004")
    window = make_window(qtbot, tmp_path, path)
    budget = window.page.tab_widgets["budget"]
    window.page.tabs.setCurrentWidget(budget)
    qtbot.waitUntil(lambda: budget.spent.isVisible(), timeout=2000)
    qtbot.wait(20)
    scroll = page_scroll(budget)
    inner = scroll.widget()
    assert inner.height() <= max(scroll.viewport().height(), inner.minimumSizeHint().height())
    spent = budget.spent.mapTo(scroll.viewport(), budget.spent.rect().bottomLeft())
    assert spent.y() <= scroll.viewport().height()       # 实际支出 in sight without scrolling


@pytest.mark.parametrize("size", [(1366, 768), (1024, 700)])
def test_the_wrapped_hints_do_not_stretch_or_squeeze_the_pages_at_100_percent(qtbot, tmp_path, size):
    """A wrapped hint must not lay its page out at the page's preferred height: at 1024 the
    支出明细 grid took the room of 资金来源 (its 合计 row under the next box, 本地区称 drawn over
    其他), and the 部门整体's 资金与目标 grew by two goal boxes' height for nothing."""
    path = tmp_path / "demo.sqlite"
    write_demo(path, seed="001")
    window = make_window(qtbot, tmp_path, path)
    window.resize(*size)
    page, doc = window.page, window.session.document
    page.projects.select_pid(next(iter(doc.project_list())).id)
    budget = page.tab_widgets["budget"]
    page.tabs.setCurrentWidget(budget)
    qtbot.waitUntil(lambda: budget.sources_box.isVisible(), timeout=2000)
    qtbot.wait(20)
    for box in (budget.sources_box, budget.funds_box):
        assert box.height() >= box.minimumSizeHint().height(), box.title()
    page.projects.select_pid(doc.department.id)
    info = page.department.info
    page.department.pages.setCurrentWidget(info)
    qtbot.waitUntil(info.isVisible, timeout=2000)
    qtbot.wait(20)
    for name, scroll in (("预算表", budget.scroll), ("资金与目标", page_scroll(info))):
        inner = scroll.widget()
        assert inner.height() <= max(scroll.viewport().height(), inner.minimumSizeHint().height()), name
