"""查找 (Ctrl+F) in the real window (Ctrl+F did nothing, and with 20–50 projects a
clerk looks a project or an indicator up by a word every day, as in Excel).

The bar opens under the page with the cursor in its box; what is typed (Chinese through an input
method) is searched as typed; it says 第 n 处，共 m 处 and where; Enter / F3 go on, Shift+Enter /
Shift+F3 back, round the end with a word; each match shows its project, tab and cell; Esc closes
it and leaves the cursor on the match.
"""
from __future__ import annotations

import json

import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import (QApplication, QLineEdit, QPlainTextEdit, QRect,
                                    QScrollArea, Qt)

from tests.ui.shell_helpers import (OFFSCREEN_NOISE, after_first_paint, focus, make_window,
                                    menu_of, plain, type_ime)
from tests.ui.ui_fixtures import make_file

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
K = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def seed_window(qtbot, tmp_path, number: str):
    """The window on a seed's demo document, the keys in the project list (as it opens)."""
    window = make_window(qtbot, tmp_path, make_file(tmp_path, build_demo(number)))
    focus(qtbot, window.page.projects.view)
    return window


def press(qtbot, keys, modifier=Qt.KeyboardModifier.NoModifier):
    """A key where the keyboard focus is, as the clerk presses it."""
    qtbot.keyClick(QApplication.focusWidget(), keys, modifier)


def open_bar(qtbot, window):
    press(qtbot, K.Key_F, CTRL)
    bar = window.page.find_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.box.hasFocus(), timeout=2000)
    return bar


def search(qtbot, bar, word: str) -> None:
    type_ime(bar.box, word)
    qtbot.waitUntil(lambda: bar.count.text() != "" and not bar.pause.isActive(), timeout=2000)


def ids(window):
    return [p.id for p in window.session.document.projects]


def test_ctrl_f_opens_a_find_bar_with_the_cursor_in_its_box(qtbot, tmp_path):
    window = seed_window(qtbot, tmp_path, "003")
    name = window.page.tab_widgets["overview"].edits["name"]
    focus(qtbot, name)
    bar = open_bar(qtbot, window)
    assert not bar.isWindow() and window.page.isAncestorOf(bar)   # in the page, not a dialog
    assert bar.geometry().top() > window.page.splitter.geometry().bottom()   # under the tabs
    assert QApplication.focusWidget() is bar.box
    press(qtbot, K.Key_Escape)                   # nothing searched: back where the keys were
    qtbot.waitUntil(name.hasFocus, timeout=2000)
    assert not bar.isVisible()
    window.page.tabs.setCurrentWidget(window.page.tab_widgets["indicators"])
    focus(qtbot, window.page.tab_widgets["indicators"].grid)
    press(qtbot, K.Key_F, CTRL)                  # from a grid cell too
    qtbot.waitUntil(lambda: bar.isVisible() and bar.box.hasFocus(), timeout=2000)


def test_typing_counts_and_enter_goes_from_match_to_match_across_tabs(qtbot, tmp_path):
    """Seed 003: 科技工作者 is in 实施情况, 预期目标, three 三级指标 and two 结论 texts."""
    window = seed_window(qtbot, tmp_path, "003")
    bar = open_bar(qtbot, window)
    search(qtbot, bar, "科技工作者")
    assert bar.count.text() == "第 1 处，共 7 处"
    assert bar.where.full == "学术交流活动经费 · 项目概况 · 实施情况"
    implementation = window.page.tab_widgets["overview"].edits["implementation"]
    assert implementation.textCursor().selectedText() == "科技工作者"   # the word shown
    assert bar.box.hasFocus()                    # the keys stay in the box while searching
    press(qtbot, K.Key_Return)
    assert bar.count.text() == "第 2 处，共 7 处"
    press(qtbot, K.Key_Return)
    assert bar.count.text() == "第 3 处，共 7 处"
    assert bar.where.full == "学术交流活动经费 · 绩效指标 · 第2行 三级指标"
    indicators = window.page.tab_widgets["indicators"]
    assert window.page.tabs.currentWidget() is indicators
    assert (indicators.grid.currentIndex().row(), indicators.grid.currentIndex().column()) == \
        (1, im.COL_NAME)
    assert bar.box.hasFocus()
    press(qtbot, K.Key_Return, SHIFT)            # back
    assert bar.count.text() == "第 2 处，共 7 处"
    assert window.page.tabs.currentWidget() is window.page.tab_widgets["overview"]
    press(qtbot, K.Key_Escape)                   # closed: the cursor on the match
    assert not bar.isVisible()
    goal = window.page.tab_widgets["overview"].edits["goal_expected"]
    qtbot.waitUntil(goal.hasFocus, timeout=2000)
    assert goal.textCursor().selectedText() == "科技工作者"


def test_esc_leaves_the_cursor_on_the_cell_found(qtbot, tmp_path):
    window = seed_window(qtbot, tmp_path, "003")
    bar = open_bar(qtbot, window)
    search(qtbot, bar, "谢静")                   # the third 评价人员
    assert bar.where.full == "学术交流活动经费 · 结论 · 评价人员第3行 姓名"
    press(qtbot, K.Key_Escape)
    grid = window.page.tab_widgets["conclusion"].evaluators.grid
    qtbot.waitUntil(grid.hasFocus, timeout=2000)
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (2, 0)


def test_a_word_in_another_project_selects_that_project(qtbot, tmp_path):
    """Seed 004's twenty projects: 培训 is in the names of the 9th and 20th and in indicators of
    others; Enter goes through them in the list's order and round the end, saying so."""
    window = seed_window(qtbot, tmp_path, "004")
    bar = open_bar(qtbot, window)
    search(qtbot, bar, "培训")
    assert bar.count.text() == "第 1 处，共 7 处"
    assert window.page.pid == ids(window)[8]
    assert window.page.projects.current_pid() == ids(window)[8]
    assert bar.where.full == "科技创新业务培训项目 · 项目概况 · 项目名称"
    for _ in range(6):
        press(qtbot, K.Key_F3)
    assert bar.count.text() == "第 7 处，共 7 处"
    assert window.page.pid == ids(window)[19]
    press(qtbot, K.Key_F3)
    assert bar.count.text() == "第 1 处，共 7 处（已到最后一处，从头继续）"
    assert window.page.pid == ids(window)[8]
    press(qtbot, K.Key_F3, SHIFT)
    assert bar.count.text() == "第 7 处，共 7 处（已到第一处，从末尾继续）"


def test_the_search_starts_where_the_clerk_is(qtbot, tmp_path):
    window = seed_window(qtbot, tmp_path, "004")
    window.page.projects.select_pid(ids(window)[12])
    bar = open_bar(qtbot, window)
    search(qtbot, bar, "培训")                   # the next one after the 13th project
    assert window.page.pid == ids(window)[13]
    assert bar.count.text() == "第 3 处，共 7 处"


def test_nothing_found_turns_the_box_red_and_says_so(qtbot, tmp_path):
    window = seed_window(qtbot, tmp_path, "003")
    bar = open_bar(qtbot, window)
    pid = window.page.pid
    search(qtbot, bar, "没有这个词")
    assert bar.count.text() == "未找到"
    assert "background" in bar.box.styleSheet()
    press(qtbot, K.Key_Return)
    assert bar.count.text() == "未找到" and window.page.pid == pid
    bar.box.clear()
    search(qtbot, bar, "杨哲")
    assert bar.box.styleSheet() == "" and bar.count.text() == "第 1 处，共 1 处"


def test_a_field_found_has_the_word_selected_after_esc(qtbot, tmp_path):
    window = seed_window(qtbot, tmp_path, "003")
    bar = open_bar(qtbot, window)
    search(qtbot, bar, "西环路")
    press(qtbot, K.Key_Escape)
    address = window.page.tab_widgets["overview"].edits["address"]
    qtbot.waitUntil(address.hasFocus, timeout=2000)
    assert isinstance(address, QLineEdit) and address.selectedText() == "西环路"


def test_the_department_page_is_searched_and_shown(qtbot, tmp_path):
    """Seed 001: the 部门整体 (first in the list) says 信息化替代 in its 结论; two projects are named
    so, told apart by their 实施单位."""
    window = seed_window(qtbot, tmp_path, "001")
    window.page.projects.select_pid(ids(window)[0])     # the 部门整体, on its 部门指标 page
    focus(qtbot, window.page.projects.view)
    bar = open_bar(qtbot, window)
    search(qtbot, bar, "信息化替代")
    assert bar.count.text() == "第 1 处，共 3 处"
    dept = window.page.department
    assert window.page.right.currentWidget() is dept
    assert dept.pages.currentWidget() is dept.conclusion
    assert isinstance(QApplication.focusWidget(), QLineEdit)       # the box keeps the keys
    assert dept.conclusion.texts["achievement"].textCursor().selectedText() == "信息化替代"
    press(qtbot, K.Key_Return)
    assert window.page.pid == ids(window)[4]
    assert bar.where.full == "信息化替代（新乡市科学技术局） · 项目概况 · 项目名称"
    press(qtbot, K.Key_Escape)
    name = window.page.tab_widgets["overview"].edits["name"]
    qtbot.waitUntil(name.hasFocus, timeout=2000)
    assert name.selectedText() == "信息化替代"


def test_a_cell_found_far_down_a_grid_is_in_sight(qtbot, tmp_path):
    """The 部门整体's 部门指标 of seed 001: 满意度指标 on 第13行, below rows that grow to their
    wrapped text once shown (they pushed the cell below the grid's edge)."""
    window = seed_window(qtbot, tmp_path, "001")
    assert window.page.pid == ids(window)[1]     # on a project: the 部门整体 is shown by the find
    bar = open_bar(qtbot, window)
    search(qtbot, bar, "满意度")
    assert window.page.pid == ids(window)[0]
    grid = window.page.department.indicators.grid
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (12, im.COL_LEVEL1)
    qtbot.wait(300)                              # the rows fitted to their text meanwhile
    assert grid.viewport().rect().contains(grid.visualRect(grid.currentIndex()))


def page_scroll(widget):
    """The page's scroll area ``widget`` sits in (a tab of fields or grids)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def wholly_on_page(widget, rect) -> bool:
    scroll = page_scroll(widget)
    top_left = widget.mapTo(scroll.widget(), rect.topLeft())
    shown = QRect(scroll.horizontalScrollBar().value(), scroll.verticalScrollBar().value(),
                  scroll.viewport().width(), scroll.viewport().height())
    return shown.contains(QRect(top_left, rect.size()))


def test_the_first_jump_into_another_tab_shows_the_whole_cell_on_the_page(qtbot, tmp_path):
    """Seed 002 on 项目概况, 差旅: the 预算表 opened with 支出明细 第5行 at y 398–421
    of a 415-px page, only the top of “差旅费” in sight (the grid's own viewport was scrolled,
    not the page)."""
    window = seed_window(qtbot, tmp_path, "002")
    bar = open_bar(qtbot, window)
    search(qtbot, bar, "差旅")
    budget = window.page.tab_widgets["budget"]
    assert window.page.tabs.currentWidget() is budget
    grid = budget.line_grid
    assert grid.currentIndex().row() == 4
    qtbot.wait(300)                              # the rows fitted to their text meanwhile
    cell = grid.visualRect(grid.currentIndex())
    assert grid.viewport().rect().contains(cell)
    assert wholly_on_page(grid.viewport(), cell)


def test_a_field_found_is_wholly_on_the_page(qtbot, tmp_path):
    """For fields: the page showed only the line with the word (Qt's
    ensureWidgetVisible shows a text box's cursor), the 结论's 改进措施 box cut at the page's edge."""
    window = seed_window(qtbot, tmp_path, "002")
    bar = open_bar(qtbot, window)
    search(qtbot, bar, "建议")
    assert bar.where.full.endswith("结论 · 改进措施")
    qtbot.wait(300)
    field = window.page.tab_widgets["conclusion"].focusWidget()
    assert isinstance(field, QPlainTextEdit) and field.textCursor().selectedText() == "建议"
    assert wholly_on_page(field, field.rect())


def test_the_match_of_a_deleted_project_is_dropped(qtbot, tmp_path):
    """The bar still named the deleted project, and Esc went to it (the list
    fell back to its first project, moving the clerk off the one she was on)."""
    window = seed_window(qtbot, tmp_path, "004")
    bar = open_bar(qtbot, window)
    search(qtbot, bar, "培训")
    found = window.page.pid
    assert found == ids(window)[8] and bar.count.text() == "第 1 处，共 7 处"
    window.session.remove_project(found)
    neighbour = ids(window)[8]
    window.page.projects.select_pid(neighbour)
    assert bar.current is None
    assert bar.count.text() == "" and bar.where.full == ""
    bar.box.setFocus()
    press(qtbot, K.Key_Escape)                   # just closes: she stays where she is
    assert not bar.isVisible()
    assert window.page.pid == neighbour and window.page.projects.current_pid() == neighbour


def test_a_change_to_the_project_list_clears_the_count(qtbot, tmp_path):
    """A project added or moved while the bar is open: 第 n 处，共 m 处 no longer holds."""
    window = seed_window(qtbot, tmp_path, "004")
    bar = open_bar(qtbot, window)
    search(qtbot, bar, "培训")
    window.session.move_project(ids(window)[0], 3)
    assert bar.count.text() == "" and bar.where.full == ""
    assert bar.current is not None               # its project is still there: F3 goes on
    press(qtbot, K.Key_F3)
    assert bar.count.text().startswith("第 ") and "共 7 处" in bar.count.text()


def test_f3_from_a_cell_opens_the_bar_and_goes_on(qtbot, tmp_path):
    window = seed_window(qtbot, tmp_path, "003")
    bar = open_bar(qtbot, window)
    search(qtbot, bar, "市科协")
    assert bar.where.full.endswith("实施单位")
    press(qtbot, K.Key_Escape)
    qtbot.waitUntil(lambda: not bar.box.hasFocus(), timeout=2000)
    press(qtbot, K.Key_F3)                       # from the field, the bar closed
    assert bar.isVisible() and bar.box.hasFocus()
    assert bar.count.text() == "第 2 处，共 5 处" and bar.where.full.endswith("立项背景")


def test_the_edit_menu_has_find_and_the_bar_follows_edits(qtbot, tmp_path):
    window = seed_window(qtbot, tmp_path, "003")
    entries = {plain(a.text()): a for a in menu_of(window, "编辑").actions() if a.text()}
    assert entries["查找…"].shortcut().toString() == "Ctrl+F"
    assert entries["查找下一处"].shortcut().toString() == "F3"
    assert entries["查找上一处"].shortcut().toString() == "Shift+F3"
    entries["查找…"].trigger()
    bar = window.page.find_bar
    assert bar.isVisible() and bar.box.hasFocus()
    search(qtbot, bar, "谢静")
    assert bar.count.text() == "第 1 处，共 1 处"
    project = window.session.document.projects[0]   # typed elsewhere while the bar is open
    window.session.set_value("indicator", project.id, project.indicators[5].id, "deviation",
                             "谢静复核")
    press(qtbot, K.Key_Return)
    assert bar.count.text() == "第 1 处，共 2 处（已到最后一处，从头继续）"
    assert bar.where.full == "学术交流活动经费 · 绩效指标 · 第6行 偏差原因分析及改进措施"


def test_ctrl_f_without_a_document_says_why_nothing_is_searched(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)            # the welcome page
    entries = {plain(a.text()): a for a in menu_of(window, "编辑").actions() if a.text()}
    entries["查找…"].trigger()
    assert "没有打开的自评文件" in window.statusBar().currentMessage()


def test_the_keys_are_in_the_guide():
    from selfeval_desktop.ui.help_dialog import KEYS
    keys = dict(KEYS)
    assert "查找" in keys["Ctrl+F"] and "下一处" in keys["F3 / Shift+F3"]


REPORT = """
NAMES = ("selfeval_desktop.ui.find_bar", "selfeval_desktop.domain.find")


def report():
    import re
    try:
        painted = [n for n in NAMES if n in sys.modules]
        find = next(a for a in window.menuBar().findChildren(QObject)
                    if callable(getattr(a, "text", None))
                    and re.sub(r"\\(&.\\)", "", a.text()) == "查找…")   # its letter aside
        find.trigger()
        print(json.dumps([painted, [n for n in NAMES if n in sys.modules],
                          window.page.find_bar.isVisible()]))
    finally:
        app.quit()
"""


def test_the_find_bar_loads_on_first_use_not_before_the_first_paint(tmp_path):
    out = after_first_paint(tmp_path, make_file(tmp_path), REPORT)
    assert json.loads(out.strip().splitlines()[-1]) == \
        [[], ["selfeval_desktop.ui.find_bar", "selfeval_desktop.domain.find"], True], out
