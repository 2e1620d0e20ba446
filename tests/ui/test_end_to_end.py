"""A clerk's whole session, driven through the real window offscreen.

新建 a document, fill one project tab by tab by typing (Chinese as an input method commits it),
paste a 3×5 block copied from Excel into the indicator grid, undo and redo it, and watch the
score and grade change in the header and in the project list; then read the file back.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from selfeval_desktop.ui import file_actions
from selfeval_desktop.ui.models import fund_kind_model as fkm
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.project_list import COL_GRADE, COL_SCORE
from selfeval_desktop.ui.qt import QFileDialog, QGuiApplication, Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, focus, leave, make_window, type_ime, type_text
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

BLOCK = ("产出指标\t数量指标\t举办科普讲座次数\t≥4次\t1次\n"
         "产出指标\t质量指标\t活动参与人次\t≥500人次\t600人次\n"
         "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95%\n")


def cell(qtbot, grid, row, col):
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(row, col))
    qtbot.waitUntil(grid.hasFocus, timeout=2000)


def type_cell(qtbot, grid, row, col, text):
    """Select a cell, type into it (starting the editor, as in Excel) and press Enter."""
    cell(qtbot, grid, row, col)
    if text.isascii():
        qtbot.keyClicks(grid, text)
    else:
        type_ime(grid, text)
    editor = QGuiApplication.focusObject()
    qtbot.keyClick(editor if editor is not None else grid, Qt.Key.Key_Return)


def shown(window):
    """(header total, header grade, list score, list grade) of the current project."""
    header = window.page.header.badge
    model = window.page.projects.model
    row = model.row_of(window.page.pid)
    return (header.total.text(), header.grade.text(), model.index(row, COL_SCORE).data(),
            model.index(row, COL_GRADE).data())


def test_a_clerk_fills_a_project(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path)
    monkeypatch.setattr(file_actions, "ask_new_document",
                        lambda p: ("某县科学技术协会", 2021, "mof2020", "project"))
    target = tmp_path / "科协自评"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.file_actions.new_document()
    path = Path(window.session.path)
    page = window.page

    # 项目概况
    page.tabs.setCurrentWidget(page.tab_widgets["overview"])
    edits = page.tab_widgets["overview"].edits
    for attr, text in (("name", "学术交流活动经费"), ("leader", "韦小宝"), ("phone", "0778-2281234"),
                       ("goal_expected", "举办学术讲座4次，参与人数不少于500人次")):
        focus(qtbot, edits[attr])
        type_text(qtbot, edits[attr], text)
        leave(qtbot, edits[attr])
    assert page.projects.model.index(page.projects.model.row_of(page.pid), 0).data() == "学术交流活动经费"

    # 预算表: 全年预算数 and 全年执行数 on the total row, typed as in Excel
    page.tabs.setCurrentWidget(page.tab_widgets["budget"])
    funds = page.tab_widgets["budget"].fund_grid
    type_cell(qtbot, funds, 0, fkm.COL_ANNUAL, "4")
    type_cell(qtbot, funds, 0, fkm.COL_EXECUTED, "3.8")
    execution_only = shown(window)   # no indicators yet: 未评分, the 执行率 said in the explanation
    assert execution_only[0] == "—" and "执行率得分 9.50" in window.session.score(page.pid).explanation

    # 绩效指标: paste a 3×5 block copied from Excel, then type the weights
    page.tabs.setCurrentWidget(page.tab_widgets["indicators"])
    grid = page.tab_widgets["indicators"].grid
    assert grid.model().data_rows == 0
    grid.insert_row(1)  # the 插入行 button: a new project's grid has no row to click yet
    QGuiApplication.clipboard().setText(BLOCK)
    cell(qtbot, grid, 0, im.COL_LEVEL1)
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert grid.model().index(2, im.COL_NAME).data() == "群众满意度"
    pasted_steps = window.session.undo_stack.index()
    for row, weight in enumerate(("40", "40", "10")):
        type_cell(qtbot, grid, row, im.COL_WEIGHT, weight)
    filled = shown(window)
    score = window.session.score(page.pid)
    assert filled == (str(score.total), score.grade, str(score.total), score.grade)
    assert filled != execution_only
    assert score.grade != "优"  # 1 of 4 lectures: not met

    # undo the three weights and the paste, then redo: the header and list follow each step
    for _ in range(window.session.undo_stack.index() - pasted_steps + 1):
        window.undo()
    assert grid.model().data_rows == 1                        # the row inserted, still empty:
    assert shown(window)[:2] == ("9.50", "—")                 # the 执行率 alone, no grade
    assert [i.name for i in reread(path).projects[0].indicators] == [""]
    while window.session.undo_stack.canRedo():
        window.redo()
    assert shown(window) == filled
    assert len(reread(path).projects[0].indicators) == 3

    # a better actual value changes score and grade at once
    type_cell(qtbot, grid, 0, im.COL_ACTUAL, "4次")
    better = shown(window)
    assert float(better[0]) > float(filled[0])

    # 结论: a narrative section in Chinese, an evaluator typed into the grid
    page.tabs.setCurrentWidget(page.tab_widgets["conclusion"])
    conclusion = page.tab_widgets["conclusion"]
    problems = conclusion.texts["problems"]
    focus(qtbot, problems)
    type_ime(problems, "部分活动受场地限制，参与面不够广。")
    leave(qtbot, problems)
    conclusion.evaluators.add_person()
    type_cell(qtbot, conclusion.evaluators.grid, 0, 0, "李四")
    assert conclusion.badge.total.text() == better[0]

    doc = reread(path)
    p = doc.projects[0]
    assert (doc.unit.name, doc.year) == ("某县科学技术协会", 2021)
    assert (p.name, p.leader, p.phone) == ("学术交流活动经费", "韦小宝", "0778-2281234")
    assert p.goal_expected == "举办学术讲座4次，参与人数不少于500人次"
    assert (p.funding.annual_budget, p.funding.executed) == (4_000_000, 3_800_000)
    assert [(i.level1, i.name, i.target, i.actual, str(i.weight)) for i in p.indicators] == [
        ("产出指标", "举办科普讲座次数", "≥4次", "4次", "40"),
        ("产出指标", "活动参与人次", "≥500人次", "600人次", "40"),
        ("满意度指标", "群众满意度", "≥90%", "95%", "10")]
    assert p.conclusions["problems"] == "部分活动受场地限制，参与面不够广。"
    assert [e.name for e in p.evaluators] == ["李四"]
