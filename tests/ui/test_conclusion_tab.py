"""结论: narrative sections, evaluators, opinions; 综合得分 and 自评等次 computed, not typed."""
from __future__ import annotations

import pytest

from selfeval_desktop.domain.checks_base import Place
from selfeval_desktop.domain.model import CONCLUSION_SECTIONS
from selfeval_desktop.domain.scoring import shown_grade
from selfeval_desktop.ui.qt import Qt, QVBoxLayout, QWidget
from selfeval_desktop.ui.tabs.conclusion_tab import ConclusionTab

from tests.ui.shell_helpers import OFFSCREEN_NOISE, focus, leave, type_ime
from tests.ui.ui_fixtures import make_file, open_session, reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def session(qapp, tmp_path):
    s = open_session(make_file(tmp_path))
    yield s
    s.conn.close()


@pytest.fixture
def tab(qtbot, session):
    host = QWidget()
    tab = ConclusionTab(session, host)
    QVBoxLayout(host).addWidget(tab)
    qtbot.addWidget(host)
    host.resize(1000, 700)
    host.show()
    qtbot.waitExposed(host)
    tab.set_project(session.document.projects[0].id)
    tab.host = host
    return tab


def test_every_section_of_the_seeds_is_there(tab):
    for key in CONCLUSION_SECTIONS:
        assert key in tab.texts
    assert {"unit_opinion", "supervisor_opinion"} <= set(tab.texts)


def test_sections_and_opinions_are_saved_as_typed(qtbot, tab, session):
    for key, text in (("problems", "宣传力度不够。"), ("suggestions", "建议提前下达资金。"),
                      ("unit_opinion", "同意自评结果。")):
        edit = tab.texts[key]
        focus(qtbot, edit)
        type_ime(edit, text)
        leave(qtbot, edit)
    doc = reread(session.path).projects[0]
    assert doc.conclusions["problems"] == "宣传力度不够。"
    assert doc.conclusions["suggestions"] == "建议提前下达资金。"    # seed 000's 建议
    assert doc.unit_opinion == "同意自评结果。"
    session.undo_stack.undo()
    assert tab.texts["unit_opinion"].toPlainText() == ""


def test_score_and_grade_are_computed_and_follow_edits(tab, session):
    pid = session.document.projects[0].id
    score = session.score(pid)
    assert tab.badge.total.text() == str(score.total)
    assert tab.badge.grade.text() == shown_grade(score)
    assert not hasattr(tab.badge.total, "setReadOnly")  # a label: nothing to type into
    ind = session.project(pid).indicators[1]
    session.set_value("indicator", pid, ind.id, "actual", "10%")
    assert tab.badge.total.text() == str(session.score(pid).total) != str(score.total)
    assert tab.explanation.text() == session.score(pid).explanation


def test_evaluators_grid_passes_qtmodeltester_and_edits(qtmodeltester, tab, session):
    model = tab.evaluators.model
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "张三"
    tab.evaluators.add_person()
    assert model.rowCount() >= 2
    assert model.setData(model.index(1, 0), "李四", Qt.ItemDataRole.EditRole)
    assert [e.name for e in reread(session.path).projects[0].evaluators] == ["张三", "李四"]


def test_seed_003s_evaluator_table_pasted_with_its_titles_adds_the_people_only(tab, session):
    """Its title row (姓名 | 职称/职务 | 单 位 | 签字) became a person who would sign
    the form, and the 签字 title was said to be “beyond the right edge; start further left”."""
    grid = tab.evaluators.grid
    model = grid.model()
    grid.setFocus()
    grid.setCurrentIndex(model.index(1, 0))
    grid.paste("姓名\t职称/职务\t单  位\t签字\r\n张丹妮\t副主席\t市科协\t\r\n"
               "覃利引\t四级调研员\t市科协\t\r\n")
    people = [(e.name, e.title, e.org) for e in reread(session.path).projects[0].evaluators]
    assert people == [("张三", people[0][1], people[0][2]), ("张丹妮", "副主席", "市科协"),
                      ("覃利引", "四级调研员", "市科协")]
    assert "列标题" in grid.message and "“签字”列不用填" in grid.message
    assert "更靠左" not in grid.message


def test_a_block_wider_than_the_table_pasted_from_its_first_column_says_so(tab, session):
    grid = tab.evaluators.grid
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(1, 0))
    grid.paste("李四\t教授\t某大学\t组长\r\n")
    assert "复制的内容比表格多 1 列，这 1 格未粘贴（表格只有 3 列）" in grid.message
    assert "更靠左" not in grid.message


def test_focus_place_goes_to_a_section_or_an_evaluator_cell(qtbot, tab, session):
    pid = session.document.projects[0].id
    assert tab.focus_place(Place(pid, "conclusion", field="measures"))
    qtbot.waitUntil(tab.texts["measures"].hasFocus, timeout=2000)
    assert tab.focus_place(Place(pid, "conclusion", table="evaluator", row=0, field="title"))
    qtbot.waitUntil(tab.evaluators.grid.hasFocus, timeout=2000)
    assert tab.evaluators.grid.currentIndex().column() == 1


def test_the_imported_reports_own_total_and_grade_are_shown_beside_the_computed(qtbot, tmp_path):
    """A report imported from Excel says 92.5 分 / 优: the window showed it nowhere, while the
    问题清单 said it differed from the computed total."""
    from decimal import Decimal
    from tests.ui.ui_fixtures import sample_document
    doc = sample_document()
    doc.projects[0].stated_total, doc.projects[0].stated_grade = Decimal("92.5"), "优"
    doc.projects[0].indicators[0].stated_score = Decimal("7.5")
    session = open_session(make_file(tmp_path, doc))
    tab = ConclusionTab(session, None)
    qtbot.addWidget(tab)
    pid = session.document.projects[0].id
    tab.set_project(pid)
    assert tab.stated.text().startswith("原表填报：综合得分 92.5 分，自评等次 优")
    assert not tab.stated.isHidden()
    from selfeval_desktop.ui.models.indicator_model import COL_SCORE, IndicatorModel
    model = IndicatorModel(session)
    model.set_project(pid)
    tip = model.index(0, COL_SCORE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("原表填报得分：7.5（导入时读入，供核对）")
    session.conn.close()


def test_no_stated_figures_no_line(tab):
    assert tab.stated.text() == "" and tab.stated.isHidden()


def test_going_to_an_evaluator_scrolls_the_page_to_it(qtbot, tab, session):
    """Ctrl+Z of a 职称/职务 change with the page scrolled to its top put the focus on
    the cell, out of sight."""
    tab.host.resize(1000, 360)                      # short: the page scrolls
    qtbot.wait(10)
    bar = tab.scroll.verticalScrollBar()
    if bar.maximum() == 0:
        pytest.skip("the page fits without scrolling")
    bar.setValue(0)
    pid = session.document.projects[0].id
    assert tab.focus_place(Place(pid, "conclusion", table="evaluator", row=0, field="title"))
    grid = tab.evaluators.grid
    top = grid.mapTo(tab.scroll.widget(), grid.rect().topLeft()).y()
    assert bar.value() > 0 and top >= bar.value() - 1


def test_the_evaluation_work_box_is_a_projects_not_the_departments(qtbot, session):
    """评价工作情况 (seed 003's 二、) on a project's 结论; a 部门整体 has 自评工作开展情况 already."""
    host = QWidget()
    qtbot.addWidget(host)
    assert "work" in ConclusionTab(session, host).texts
    assert "work" not in ConclusionTab(session, host, department=True).texts
