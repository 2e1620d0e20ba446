"""The blank row at the bottom of every grid of rows (指标, 支出明细, 评价人员), as in Excel:
typing or pasting into it creates the real row in one undo step; it is never saved, counted or
checked."""
from __future__ import annotations

import pytest

from selfeval_desktop.db.document import open_document
from selfeval_desktop.domain.checks import run_checks
from selfeval_desktop.domain.model import Document, Project, Unit
from selfeval_desktop.ui.delegates import TextDelegate
from selfeval_desktop.ui.grid import Grid
from selfeval_desktop.ui.models import budget_line_model as blm
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.models.budget_line_model import BudgetLineModel
from selfeval_desktop.ui.models.evaluator_model import EvaluatorModel
from selfeval_desktop.ui.models.indicator_model import IndicatorModel
from selfeval_desktop.ui.qt import QGuiApplication, Qt
from selfeval_desktop.ui.session import DocumentSession

from tests.ui.ui_fixtures import make_file, open_session, reread

EDIT = Qt.ItemDataRole.EditRole
ROW_MODELS = [IndicatorModel, BudgetLineModel, EvaluatorModel]
LISTS = {IndicatorModel: "indicators", BudgetLineModel: "budget_lines", EvaluatorModel: "evaluators"}
# a column of each model a new row can be typed into, and what a clerk types there
TYPED = {IndicatorModel: (im.COL_NAME, "科普活动场次"), BudgetLineModel: (blm.COL_PLANNED, "3.5"),
         EvaluatorModel: (0, "李四")}


def model_for(cls, session, pid):
    m = cls(session)
    m.set_project(pid)
    return m


def on_disk(path, cls):
    return getattr(reread(path).projects[0], LISTS[cls])


@pytest.mark.parametrize("cls", ROW_MODELS, ids=lambda c: c.__name__)
def test_each_grid_of_rows_ends_with_an_editable_blank_row(qtmodeltester, session, pid, cls):
    m = model_for(cls, session, pid)
    n = len(getattr(session.project(pid), LISTS[cls]))
    assert m.data_rows == n and m.blank_row() == n
    assert m.rowCount() == n + 1 + m.TOTAL_ROWS
    col, _typed = TYPED[cls]
    blank = m.index(n, col)
    assert m.data(blank, EDIT) == ""
    assert m.flags(blank) & Qt.ItemFlag.ItemIsEditable
    assert m.headerData(n, Qt.Orientation.Vertical) == "新"
    qtmodeltester.check(m, force_py=True)


@pytest.mark.parametrize("cls", ROW_MODELS, ids=lambda c: c.__name__)
def test_typing_into_the_blank_row_creates_the_row_in_one_undo_step(qtmodeltester, session, pid,
                                                                   path, cls):
    m = model_for(cls, session, pid)
    n = m.data_rows
    col, typed = TYPED[cls]
    inserted = []
    m.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    steps = session.undo_stack.count()
    assert m.setData(m.index(n, col), typed)
    assert session.undo_stack.count() == steps + 1
    assert len(on_disk(path, cls)) == n + 1
    assert m.data(m.index(n, col), EDIT) == typed          # the blank row became the real row
    assert inserted == [(n + 1, n + 1)]                     # reported below it: the cursor stays
    assert m.blank_row() == n + 1 and m.data(m.index(n + 1, col), EDIT) == ""
    qtmodeltester.check(m, force_py=True)
    session.undo_stack.undo()
    assert len(on_disk(path, cls)) == n and m.blank_row() == n
    session.undo_stack.redo()
    assert len(on_disk(path, cls)) == n + 1


@pytest.mark.parametrize("cls", ROW_MODELS, ids=lambda c: c.__name__)
def test_leaving_the_blank_row_empty_creates_nothing(session, pid, path, cls):
    m = model_for(cls, session, pid)
    n = m.data_rows
    col, _typed = TYPED[cls]
    assert not m.setData(m.index(n, col), "")
    assert not m.setData(m.index(n, col), "   ")
    assert session.undo_stack.count() == 0
    assert len(on_disk(path, cls)) == n


def test_blank_row_is_not_in_the_document_totals_or_checks(session, pid, path):
    lines = model_for(BudgetLineModel, session, pid)
    indicators = model_for(IndicatorModel, session, pid)
    total_row = lines.rowCount() - 1
    before_total = lines.data(lines.index(total_row, blm.COL_PLANNED))
    before_findings = run_checks(session.document)
    assert lines.is_total_row(total_row) and not lines.is_total_row(lines.blank_row())
    assert lines.data(lines.index(total_row, blm.COL_NAME)) == "合计"
    assert len(reread(path).projects[0].budget_lines) == lines.data_rows
    assert len(session.project(pid).indicators) == indicators.data_rows
    assert run_checks(session.document) == before_findings
    assert lines.data(lines.index(total_row, blm.COL_PLANNED)) == before_total
    # an amount typed into the blank row is counted once it is a row
    lines.setData(lines.index(lines.blank_row(), blm.COL_PLANNED), "1")
    assert lines.data(lines.index(lines.rowCount() - 1, blm.COL_PLANNED)) == "21"


def test_unreadable_amount_typed_into_the_blank_row_is_kept_red(session, pid, path):
    m = model_for(BudgetLineModel, session, pid)
    n = m.data_rows
    assert m.setData(m.index(n, blm.COL_ACTUAL), "四万")
    assert m.data(m.index(n, blm.COL_ACTUAL)) == "四万"
    assert "无法识别" in m.data(m.index(n, blm.COL_ACTUAL), Qt.ItemDataRole.ToolTipRole)
    line_id = session.project(pid).budget_lines[n].id
    assert reread(path).projects[0].unread[f"budget_line:{line_id}:actual"] == "四万"


def test_indicator_typed_from_its_name_joins_the_last_group_from_level1_starts_afresh(session, pid):
    m = model_for(IndicatorModel, session, pid)
    last = session.project(pid).indicators[-1]
    m.setData(m.index(m.blank_row(), im.COL_NAME), "回访满意度")
    new = session.project(pid).indicators[-1]
    assert (new.level1, new.level2, new.name) == (last.level1, last.level2, "回访满意度")
    m.setData(m.index(m.blank_row(), im.COL_LEVEL1), "效益指标")
    new = session.project(pid).indicators[-1]
    assert (new.level1, new.level2, new.name) == ("效益指标", "", "")
    # 达成情况 is chosen on 定性 rows only: a new row is not one yet
    assert not m.flags(m.index(m.blank_row(), im.COL_ACHIEVEMENT)) & Qt.ItemFlag.ItemIsEditable


def test_read_only_file_has_no_blank_row(qapp, path):
    s = DocumentSession(open_document(path, readonly=True))
    try:
        m = model_for(IndicatorModel, s, s.document.projects[0].id)
        assert m.blank_row() is None and m.rowCount() == m.data_rows
    finally:
        s.conn.close()


# ---------------------------------------------------------------- in the grid, with the keyboard

@pytest.fixture
def empty_project(qapp, tmp_path):
    """A new project: no indicators at all."""
    doc = Document(unit=Unit(name="某县科学技术局"), year=2021, projects=[Project(name="新项目")])
    p = make_file(tmp_path, doc)
    s = open_session(p)
    yield s, p
    s.conn.close()


def grid_for(qtbot, model):
    grid = Grid()
    grid.setItemDelegate(TextDelegate(grid))
    grid.setModel(model)
    qtbot.addWidget(grid)
    grid.resize(1200, 300)
    grid.show()
    qtbot.waitExposed(grid)
    grid.setFocus()
    return grid


def test_new_project_indicator_grid_takes_typing_at_once(qtbot, empty_project):
    session, p = empty_project
    m = model_for(IndicatorModel, session, session.document.projects[0].id)
    assert m.data_rows == 0 and m.rowCount() == 1
    grid = grid_for(qtbot, m)
    grid.setCurrentIndex(m.index(0, im.COL_LEVEL1))
    qtbot.keyClicks(grid, "a")
    editor = grid.indexWidget(grid.currentIndex())
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_Tab)           # commits: the row exists, cursor moves right
    assert [i.level1 for i in reread(p).projects[0].indicators] == ["a"]
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (0, im.COL_LEVEL2)
    qtbot.keyClicks(grid, "b")
    qtbot.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Return)
    assert grid.currentIndex().row() == 1 and m.is_blank_row(1)   # Enter goes to the new blank row
    assert [(i.level1, i.level2) for i in reread(p).projects[0].indicators] == [("a", "b")]
    assert session.undo_stack.count() == 2


def test_paste_into_the_blank_row_grows_rows_in_one_undo_step(qtbot, session, pid, path):
    m = model_for(EvaluatorModel, session, pid)
    grid = grid_for(qtbot, m)
    QGuiApplication.clipboard().setText("李四\t科员\t县科协\r\n王五\t副局长\t县科学技术局\r\n")
    grid.setCurrentIndex(m.index(m.blank_row(), 0))
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    people = [(e.name, e.title, e.org) for e in reread(path).projects[0].evaluators]
    assert people == [("张三", "局长", "县科学技术局"), ("李四", "科员", "县科协"),
                      ("王五", "副局长", "县科学技术局")]
    assert session.undo_stack.count() == 1
    assert m.blank_row() == 3
    session.undo_stack.undo()
    assert len(reread(path).projects[0].evaluators) == 1


def test_insert_row_on_the_blank_row_appends(qtbot, session, pid, path):
    m = model_for(IndicatorModel, session, pid)
    grid = grid_for(qtbot, m)
    n = m.data_rows
    grid.setCurrentIndex(m.index(n, im.COL_NAME))
    grid.insert_row(0)                       # 在上方插入行 on the blank row: a row at the end
    assert m.data_rows == n + 1 and grid.currentIndex().row() == n
    assert len(reread(path).projects[0].indicators) == n + 1
    qtbot.keyClick(grid, Qt.Key.Key_Down)    # to the blank row, as the clerk moves there
    assert grid.currentIndex().row() == m.blank_row()
    grid.delete_rows()                       # nothing to delete on the blank row
    assert m.data_rows == n + 1
