"""部门整体 has what its printed form has: besides the indicator tree, 部门名称/主管部门, the 部门预算资金
block, 实际到位资金/实际支出 and the 年度总体目标 (资金与目标), and a 结论 as a project has. Before,
the window had no place for them: the form printed empty boxes a clerk could not fill."""
from __future__ import annotations

import pytest

from selfeval_desktop.domain.checks import check_project
from selfeval_desktop.domain.model import FundKind
from selfeval_desktop.ui.models import fund_kind_model as fkm
from selfeval_desktop.ui.qt import QGuiApplication, Qt
from selfeval_desktop.ui.tabs.department_tab import PAGE_TITLES, PID_ROLE

from tests.ui.shell_helpers import (OFFSCREEN_NOISE, cell, focus, leave, make_window, texts_of,
                                   type_cell, type_text)
from tests.ui.ui_fixtures import make_file, reread, with_department

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support")


@pytest.fixture
def path(tmp_path):
    return make_file(tmp_path, with_department())


@pytest.fixture
def window(qtbot, tmp_path, path):
    window = make_window(qtbot, tmp_path, path)
    window.page.projects.select_pid(window.session.document.department.id)
    return window


def department(path):
    return reread(path).department


def test_the_department_has_three_pages_the_tree_first(window):
    page = window.page.department
    assert [page.pages.tabText(i) for i in range(page.pages.count())] == list(PAGE_TITLES)
    assert page.pages.currentWidget() is page.indicators


def test_department_funds_typed_in_wan_are_stored_with_their_rate(qtbot, window, path):
    page = window.page.department
    page.pages.setCurrentWidget(page.info)
    grid = page.info.fund_grid
    assert grid.model().headerData(0, Qt.Orientation.Horizontal) == "部门资金"
    assert grid.isColumnHidden(fkm.COL_WEIGHT) and grid.isColumnHidden(fkm.COL_SCORE)
    type_cell(qtbot, grid, 0, fkm.COL_ANNUAL, "1200")
    type_cell(qtbot, grid, 0, fkm.COL_EXECUTED, "1150.5")
    funding = department(path).funding
    assert (funding.annual_budget, funding.executed) == (1_200_000_000, 1_150_500_000)
    assert cell(grid, 0, fkm.COL_RATE) == "95.88%"
    window.session.undo_stack.undo()
    assert department(path).funding.executed is None


def test_goals_and_names_typed_on_the_page_are_saved(qtbot, window, path):
    info = window.page.department.info
    window.page.department.pages.setCurrentWidget(info)
    assert info.lines["implementer"].placeholderText() == window.session.document.unit.name
    edit = info.goals["goal_expected"]
    focus(qtbot, edit)
    type_text(qtbot, edit, "全面完成年度科技工作任务")
    leave(qtbot, edit)
    assert department(path).goal_expected == "全面完成年度科技工作任务"
    money = info.money["spent_total"]
    focus(qtbot, money)
    type_text(qtbot, money, "19.5")
    leave(qtbot, money)
    assert department(path).funding.spent_total == 19_500_000


def test_a_finding_on_the_department_funds_opens_that_page(qtbot, window):
    session = window.session
    dept = session.document.department
    session.set_value("funding", dept.id, None, "arrived_total", "10")
    session.set_value("funding", dept.id, None, "spent_total", "30")   # spent above arrived
    found = [f for f in check_project(session.document, session.project(dept.id))
             if f.place.tab == "budget"]
    assert found, "the checks name the department's funds"
    page = window.page.department
    assert window.page.focus_place(found[0].place)
    assert page.pages.currentWidget() is page.info
    assert page.info.isAncestorOf(window.focusWidget())


def test_the_department_fund_model_passes_qtmodeltester(qtmodeltester, window):
    qtmodeltester.check(window.page.department.info.fund_model)


def _projects_table(window):
    page = window.page.department
    page.pages.setCurrentWidget(page.info)
    return page.model


def _row_texts(model, row):
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_the_projects_table_ends_with_a_total_that_follows_every_amount(qtbot, window, path):
    """资金与目标 listed the projects' funds with no 合计: the clerk added them up by hand to set
    beside the 部门预算资金."""
    from selfeval_desktop.ui.tabs.department_tab import COL_BUDGET, COL_RATE
    model = _projects_table(window)
    pids = [p.id for p in window.session.document.project_list()]
    assert model.rowCount() == len(pids) + 1 == 2
    assert _row_texts(model, 1) == ["合计（1 个项目）", "20", "19.28", "96.40%", "", ""]
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, 0).data(PID_ROLE) is None                  # not a project
    window.session.set_value("funding", pids[0], None, "executed", "20")
    assert _row_texts(model, 1)[1:4] == ["20", "20", "100.00%"]
    # a project with its budget blank: summed without it, and the rate is not made up
    window.session.set_value("funding", pids[0], None, "annual_budget", "")
    assert _row_texts(model, 1)[1:4] == ["", "20", "—"]
    assert "未填" in model.index(1, COL_BUDGET).data(Qt.ItemDataRole.ToolTipRole)
    assert "不计算" in model.index(1, COL_RATE).data(Qt.ItemDataRole.ToolTipRole)


def test_the_projects_table_copies_its_rows_for_excel(qtbot, window):
    from selfeval_desktop.ui.qt import QGuiApplication
    page = window.page.department
    page.pages.setCurrentWidget(page.info)
    table = page.projects
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().split("\r\n")
    assert lines[0].split("\t")[1:4] == ["20", "19.28", "96.40%"]
    assert lines[1].startswith("合计（1 个项目）\t20\t19.28")


def test_the_total_is_set_beside_the_departments_own_budget(qtbot, window):
    """Seed 001 writes 14640.83 for the unit and its seven projects add up to
    14315.8437; the page showed both 200 px apart and said nothing of the difference."""
    from selfeval_desktop.ui.tabs.department_tab import COL_BUDGET
    session = window.session
    dept = session.document.department
    session.set_value("funding", dept.id, None, "annual_budget", "25")
    model = _projects_table(window)
    tip = model.index(1, COL_BUDGET).data(Qt.ItemDataRole.ToolTipRole)
    assert "部门预算资金（全年预算数）25 万元，多于合计 5 万元" in tip


def test_the_departments_opinion_is_the_departments_as_printed(window):
    """The 部门整体's 结论 said 项目单位（评价机构）意见 and “该项目…”; its form prints
    部门（评价机构）意见."""
    from selfeval_desktop.ui.qt import QLabel
    texts = {label.text() for label in window.page.department.conclusion.findChildren(QLabel)}
    assert "部门（评价机构）意见" in texts and "项目单位（评价机构）意见" not in texts
    assert "我部门" in window.page.department.conclusion.texts["unit_opinion"].placeholderText()
    project = window.page.tab_widgets["conclusion"]
    assert "项目单位（评价机构）意见" in {label.text() for label in project.findChildren(QLabel)}


FORM_BLOCK = ("部门资金\t年初预算数\t全年预算数\t全年执行数\r\n"
              "年度资金总额\t14640.83\t14640.83\t14673.19\r\n"
              "其中：当年财政拨款\t439.64\t439.64\t472.00\r\n"
              "上年结转资金\t14201.19\t14201.19\t14201.19\r\n"
              "其他资金\t\t\t\r\n")


@pytest.mark.parametrize("start_col", [fkm.COL_LABEL, fkm.COL_INITIAL])
def test_the_funds_block_as_excel_copies_it_goes_to_its_rows_and_columns(window, path, start_col):
    """With its title row and label column, the block landed one row down and one
    column right — 年度资金总额's figures in 当年财政拨款, not marked."""
    page = window.page.department
    page.pages.setCurrentWidget(page.info)
    grid = page.info.fund_grid
    grid.setCurrentIndex(grid.model().index(0, start_col))
    grid.paste(FORM_BLOCK)
    f = department(path).funding
    assert (f.initial_budget, f.annual_budget, f.executed) == (14_640_830_000, 14_640_830_000,
                                                               14_673_190_000)
    current = f.by_kind[FundKind.CURRENT]
    assert (current.initial, current.annual, current.executed) == (439_640_000, 439_640_000, 472_000_000)
    assert f.by_kind[FundKind.CARRYOVER].executed == 14_201_190_000
    assert not department(path).unread                       # nothing red, nothing misplaced
    assert "按标题" in grid.message and "行名称" in grid.message
    window.session.undo_stack.undo()                           # one step
    assert department(path).funding.executed is None


def test_labelled_rows_without_titles_and_the_forms_other_columns(window, path):
    """The rows named by their labels wherever the cursor is; the form's 分值/执行率/得分 columns
    are the program's, said and not pasted."""
    page = window.page.department
    grid = page.info.fund_grid
    grid.setCurrentIndex(grid.model().index(2, fkm.COL_INITIAL))          # on 上年结转资金
    grid.paste("当年财政拨款\t1\t2\t3\r\n")                                 # no 其中：
    current = department(path).funding.by_kind[FundKind.CURRENT]
    assert (current.initial, current.annual, current.executed) == (1_000_000, 2_000_000, 3_000_000)
    grid.paste("项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\r\n"
               "年度资金总额\t5\t5\t4\t10\t80%\t8\r\n")
    f = department(path).funding
    assert (f.initial_budget, f.annual_budget, f.executed) == (5_000_000, 5_000_000, 4_000_000)
    assert "由程序计算，未粘贴" in grid.message and not department(path).unread


def test_the_departments_projects_open_on_double_click_paste_is_said_and_twins_are_told_apart(
        qtbot, window, path):
    """Ctrl+V and a double-click on 部门所属项目 did nothing without a word, and seed
    001's two 信息化替代 (other 实施单位) looked the same."""
    session = window.session
    first = session.document.project_list()[0]
    twin = window.page.projects.add_project()
    session.set_value("project", twin, None, "name", first.name)
    session.set_value("project", twin, None, "implementer", "市科技服务中心")
    page = window.page.department
    page.pages.setCurrentWidget(page.info)
    view, model = page.projects, page.model
    names = [model.index(r, 0).data() for r in range(model.rowCount() - 1)]
    assert f"{first.name}（市科技服务中心）" in names
    listed = window.page.projects.model                # the list on the left too
    assert f"{first.name}（市科技服务中心）" in [listed.index(r, 0).data() for r in range(listed.rowCount())]
    assert "实施单位" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    QGuiApplication.clipboard().setText("")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "剪贴板中没有内容" in window.statusBar().currentMessage()   # a paste adds projects now
    view.activated.emit(model.index(0, 0))                      # double-click / Enter
    assert window.page.pid == model.index(0, 0).data(PID_ROLE)
    assert window.page.right.currentWidget() is window.page.tabs


def test_the_departments_common_indicators_are_its_own_and_put_back_its_deleted_rows(window, path):
    """插入常用指标 on the 部门整体 offered project indicators only (科技项目申报数量
    …): its 投入/过程 rows, once deleted, could not be put back."""
    from selfeval_desktop.domain.values import parse_value
    from selfeval_desktop.ui.tabs.indicator_templates import load_templates
    tab = window.page.department.indicators
    menu = tab.template_button.menu()
    assert texts_of(menu)[:2] == ["投入指标", "过程指标"]
    groups = load_templates("department")
    assert all(parse_value(t).error is None for g in groups for _n, t in g.items if t)
    budget = next(g for g in groups if g.level2 == "预算执行")
    before = {r.id for r in department(path).indicators}
    tab.insert_template(budget, "预算调整率")
    [added] = [r for r in department(path).indicators if r.id not in before]
    assert (added.level1, added.level2, added.target) == ("过程指标", "预算执行", "≤5%")
    project_menu = window.page.tab_widgets["indicators"].template_button.menu()
    assert "投入指标" not in texts_of(project_menu)


def test_the_departments_duties_and_how_it_evaluated_have_their_boxes(qtbot, window, path):
    """Seed 001's 部门职责/主要任务 and 自评工作开展情况 had no place on its pages."""
    info = window.page.department.info
    window.page.department.pages.setCurrentWidget(info)
    duties, process = info.goals["background"], info.goals["implementation"]
    focus(qtbot, duties)
    type_text(qtbot, duties, "负责全市科技发展规划")
    focus(qtbot, process)
    type_text(qtbot, process, "局办公室牵头组织自评")
    leave(qtbot, process)
    dept = department(path)
    assert (dept.background, dept.implementation) == ("负责全市科技发展规划", "局办公室牵头组织自评")


def test_the_tree_does_not_jump_when_the_department_is_first_scored(qtbot, window):
    """The 评分规则 line went from two lines (未评分：填写…) to one at the first
    score, and the tree moved up under the mouse: a click meant for row 1 landed on row 2."""
    page = window.page.department
    grid = page.indicators.grid
    top = grid.mapTo(window, grid.rect().topLeft()).y()
    page.weights.setText(page.weights.text().split("<b>")[0])        # one short line
    qtbot.wait(10)
    assert grid.mapTo(window, grid.rect().topLeft()).y() == top
    assert page.weights.height() >= 2 * page.weights.fontMetrics().lineSpacing()
