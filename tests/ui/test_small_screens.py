"""At 1280×720 (and 1024×700) the grids get the room: 支出明细 showed three rows
with 合计 scrolled away, the 部门整体 tree four rows, 偏差原因 was squeezed to ~25 px."""
from __future__ import annotations

from decimal import Decimal

import pytest

from selfeval_desktop.domain.model import BudgetLine, Indicator, Project, ProjectKind
from selfeval_desktop.ui.main_window import checks_height
from selfeval_desktop.ui.models import indicator_model as im

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, sample_document

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def document():
    doc = sample_document()
    doc.projects[0].budget_lines = [BudgetLine("30211", "差旅费", 1_000_000, 1_000_000)
                                    for _ in range(6)]
    rows = [Indicator("投入指标", "预算编制", f"指标{i}", "≥1个", "1个", Decimal(10))
            for i in range(10)]
    doc.projects.insert(0, Project(name="部门整体", kind=ProjectKind.DEPARTMENT, indicators=rows))
    return doc


@pytest.fixture(params=[(1280, 720), (1024, 700)])
def window(request, qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, make_file(tmp_path, document()), show=False)
    window.resize(*request.param)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_checks_list_leaves_the_height_to_the_grids():
    assert checks_height(720) <= 120 and checks_height(700) <= 100
    assert checks_height(768) >= 160 and checks_height(1080) == 170


def test_every_spending_line_and_the_total_fit_in_the_lines_grid(qtbot, window):
    page = window.page
    page.projects.select_pid(window.session.document.project_list()[0].id)
    tab = page.tab_widgets["budget"]
    page.tabs.setCurrentWidget(tab)
    grid = tab.line_grid
    rows = grid.model().rowCount()                    # 6 lines, 新, 合计
    qtbot.waitUntil(lambda: grid.viewport().height() >= sum(grid.rowHeight(r) for r in range(rows)),
                    timeout=2000)


def test_deviation_column_keeps_its_width_and_the_grid_scrolls(qtbot, window):
    page = window.page
    page.projects.select_pid(window.session.document.project_list()[0].id)
    tab = page.tab_widgets["indicators"]
    page.tabs.setCurrentWidget(tab)
    qtbot.wait(50)
    assert tab.grid.columnWidth(im.COL_DEVIATION) >= 200
    # 达成情况 shows its longest choice whole with the choice's arrow
    assert tab.grid.columnWidth(im.COL_ACHIEVEMENT) >= \
        tab.grid.fontMetrics().horizontalAdvance("部分达成") + 24


def test_department_tree_gets_most_of_the_height(qtbot, window):
    dept = window.session.document.department
    window.page.projects.select_pid(dept.id)
    grid = window.page.department.indicators.grid
    qtbot.wait(50)
    assert grid.viewport().height() >= 7 * grid.verticalHeader().defaultSectionSize()


def test_the_funds_grid_shows_its_score_column(qtbot, window):
    """At 1280 the 项目资金与预算执行率 grid cut off 得分, the column it is there for."""
    page = window.page
    page.projects.select_pid(window.session.document.project_list()[0].id)
    tab = page.tab_widgets["budget"]
    page.tabs.setCurrentWidget(tab)
    grid = tab.fund_grid
    qtbot.wait(50)
    shown = sum(grid.columnWidth(c) for c in range(grid.model().columnCount())
                if not grid.isColumnHidden(c))
    assert shown <= grid.viewport().width() + 1


def test_the_project_list_leaves_the_width_to_the_grids_on_a_small_screen(qtbot, window):
    """At 1024 the list kept 290 px and 达成情况 was off-screen."""
    listed = window.page.splitter.sizes()[0]
    assert listed <= max(window.page.projects.minimumWidth(), window.width() // 5) + 2


def test_another_project_is_shown_from_the_top_of_its_page(qtbot, window):
    """The 预算表 kept the previous project's scroll, and the clerk's clicks landed
    one table lower than meant (合计 typed into instead of 年度资金总额)."""
    from selfeval_desktop.domain.model import new_project
    session, page = window.session, window.page
    if len(session.document.project_list()) < 2:
        session.add_project(new_project(session.document))
    first, second = [p.id for p in session.document.project_list()[:2]]
    page.projects.select_pid(first)
    budget = page.tab_widgets["budget"]
    page.tabs.setCurrentWidget(budget)
    bar = budget.scroll.verticalScrollBar()
    if bar.maximum() == 0:
        pytest.skip("the page fits this window without scrolling")
    bar.setValue(bar.maximum())
    page.projects.select_pid(second)
    assert bar.value() == 0


def test_on_a_short_window_the_checks_list_can_be_one_finding_tall(qtbot, window):
    """1366×768 at 150 % with a taskbar leaves ~470 px; the 问题清单 kept 114 px at
    its smallest and the 部门指标 grid showed no row."""
    assert checks_height(470) <= 64
    checks = window.checks
    assert checks.minimumSizeHint().height() <= 90
    assert checks.list.minimumHeight() <= checks.list.fontMetrics().lineSpacing() + 10
