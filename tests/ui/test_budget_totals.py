"""预算表's totals and its layout on a 1024×700 screen: the sources'
合计 takes typing and shows the sum in grey when none was typed; 实际支出 has its own field; a
问题清单 line about a total lands on a cell that takes typing; nothing is clipped when narrow."""
from __future__ import annotations


import pytest

from selfeval_desktop.domain.checks import check_project
from selfeval_desktop.domain.checks_base import Place
from selfeval_desktop.domain.model import Source
from selfeval_desktop.ui.models import fund_kind_model as fkm
from selfeval_desktop.ui.models import source_model as sm
from selfeval_desktop.ui.qt import QApplication, QInputMethodEvent, Qt
from selfeval_desktop.ui.tabs.budget_tab import BudgetTab

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, open_session, reread, sample_document

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support")

TOTAL = len(Source)   # the 合计 row of the sources grid
FG, TIP, EDIT = (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
                 Qt.ItemDataRole.EditRole)


@pytest.fixture
def path(tmp_path):
    return make_file(tmp_path)   # 市县财政 20 / 20 万元, no total typed; lines 4 + 15.28 actual


@pytest.fixture
def tab(qtbot, path):
    session = open_session(path)
    tab = BudgetTab(session, None)
    qtbot.addWidget(tab)
    tab.set_project(session.document.projects[0].id)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    yield tab
    session.conn.close()


def funding(path):
    return reread(path).projects[0].funding


def data(model, row, col, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, col), role)


def test_total_not_typed_shows_the_sum_in_grey_and_takes_typing(qtbot, tab, path):
    m, grid = tab.source_model, tab.source_grid
    assert data(m, TOTAL, sm.COL_PLANNED) == "20"
    assert data(m, TOTAL, sm.COL_PLANNED, TIP) == "各来源之和（未单独填写合计）"
    assert data(m, TOTAL, sm.COL_PLANNED, FG) is not None           # grey
    assert data(m, TOTAL, sm.COL_PLANNED, EDIT) == ""
    assert m.flags(m.index(TOTAL, sm.COL_PLANNED)) & Qt.ItemFlag.ItemIsEditable
    grid.setFocus()
    grid.setCurrentIndex(m.index(TOTAL, sm.COL_PLANNED))
    qtbot.keyClicks(grid, "25")
    qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_Return)
    assert funding(path).planned_total == 25_000_000
    assert funding(path).by_source[Source.LOCAL].planned == 20_000_000   # no other cell touched
    assert data(m, TOTAL, sm.COL_PLANNED) == "25"
    assert data(m, TOTAL, sm.COL_PLANNED, FG) is None                    # typed: normal text
    assert "20" in data(m, TOTAL, sm.COL_PLANNED, TIP)
    tab.session.undo_stack.undo()
    assert funding(path).planned_total is None
    assert data(m, TOTAL, sm.COL_PLANNED) == "20"


def test_total_cleared_goes_back_to_the_sum_and_unreadable_stays_red(qtbot, tab, path):
    m = tab.source_model
    assert m.setData(m.index(TOTAL, sm.COL_ARRIVED), "18")
    assert funding(path).arrived_total == 18_000_000
    assert m.setData(m.index(TOTAL, sm.COL_ARRIVED), "")
    assert funding(path).arrived_total is None and data(m, TOTAL, sm.COL_ARRIVED) == "20"
    m.setData(m.index(TOTAL, sm.COL_ARRIVED), "二十万")
    assert data(m, TOTAL, sm.COL_ARRIVED) == "二十万"
    assert data(m, TOTAL, sm.COL_ARRIVED, TIP)  # why it is red
    assert reread(path).projects[0].unread["funding::arrived_total"] == "二十万"


def test_source_model_passes_qtmodeltester(qtmodeltester, tab):
    qtmodeltester.check(tab.source_model)
    tab.source_model.setData(tab.source_model.index(TOTAL, sm.COL_PLANNED), "30")
    qtmodeltester.check(tab.source_model)


def test_spent_field_shows_the_lines_sum_until_typed(qtbot, tab, path):
    spent = tab.spent
    assert spent.text() == "" and spent.placeholderText() == "19.28"
    spent.setFocus()
    qtbot.keyClicks(spent, "20")
    qtbot.keyClick(spent, Qt.Key.Key_Return)
    assert funding(path).spent_total == 20_000_000
    tab.line_model.setData(tab.line_model.index(0, 3), "5")         # a line's 实际支出数
    assert spent.placeholderText() == "20.28"
    spent.selectAll()
    event = QInputMethodEvent()
    event.setCommitString("二十")
    QApplication.sendEvent(spent, event)
    qtbot.keyClick(spent, Qt.Key.Key_Return)
    assert reread(path).projects[0].unread["funding::spent_total"] == "二十"
    assert "ffc7ce" in spent.styleSheet() and "无法识别" in spent.toolTip()
    tab.session.undo_stack.undo()
    assert spent.styleSheet() == "" and spent.text() == "20"


def test_findings_about_totals_land_on_cells_that_take_typing(qtbot, tmp_path):
    doc = sample_document()
    p = doc.projects[0]
    for amount in p.funding.by_source.values():      # nothing gives the three totals
        amount.planned = amount.arrived = None
    p.funding.annual_budget = None
    for line in p.budget_lines:
        line.actual = None
    path = make_file(tmp_path, doc)
    window = make_window(qtbot, tmp_path, path)
    session = window.session
    pid = window.page.pid
    fields = {f.place.field for f in check_project(session.document, session.project(pid))
              if f.code in ("total_missing", "printed_total_missing")}
    assert fields == {"planned_total", "arrived_total", "spent_total"}
    budget = window.page.tab_widgets["budget"]
    for field in ("planned_total", "arrived_total"):
        assert window.go_to(Place(pid, "budget", None, None, field))
        index = budget.source_grid.currentIndex()
        assert index.row() == TOTAL and index.flags() & Qt.ItemFlag.ItemIsEditable
    assert window.go_to(Place(pid, "budget", None, None, "spent_total"))
    qtbot.waitUntil(budget.spent.hasFocus, timeout=2000)
    assert not budget.spent.isReadOnly()


def test_at_1024x700_headers_and_rates_are_not_clipped(qtbot, tmp_path, path):
    window = make_window(qtbot, tmp_path, path)
    window.resize(1024, 700)
    window.page.tabs.setCurrentWidget(window.page.tab_widgets["budget"])
    budget = window.page.tab_widgets["budget"]
    qtbot.waitUntil(lambda: budget.width() < 800, timeout=2000)
    QApplication.processEvents()
    # one above the other, each as wide as the page
    assert budget.funds_box.geometry().top() > budget.sources_box.geometry().bottom()
    for grid in (budget.source_grid, budget.fund_grid):
        header, model = grid.horizontalHeader(), grid.model()
        metrics = header.fontMetrics()
        for col in range(1, model.columnCount()):
            text = model.headerData(col, Qt.Orientation.Horizontal)
            assert header.sectionSize(col) >= metrics.horizontalAdvance(text), text
        assert sum(header.sectionSize(c) for c in range(model.columnCount())) \
            <= grid.viewport().width() + 1
    for box in (budget.sources_box, budget.funds_box):           # no row squeezed away
        assert box.height() >= box.minimumSizeHint().height()
    total = budget.source_grid.visualRect(budget.source_model.index(TOTAL, sm.COL_PLANNED))
    assert total.bottom() <= budget.source_grid.viewport().height()
    lines = budget.line_grid.horizontalHeader()
    for col in range(1, budget.line_model.columnCount()):
        text = budget.line_model.headerData(col, Qt.Orientation.Horizontal)
        assert lines.sectionSize(col) >= lines.fontMetrics().horizontalAdvance(text), text
    rate = budget.fund_grid.model().data(budget.fund_grid.model().index(0, fkm.COL_RATE))
    assert budget.fund_grid.columnWidth(fkm.COL_RATE) > \
        budget.fund_grid.fontMetrics().horizontalAdvance(rate) + 4


def test_spent_sum_after_a_pasted_block_is_shown_once_at_its_end(qtbot, tab, monkeypatch):
    """A 200-line paste summed all lines once per pasted cell (quadratic, 0.3 s)."""
    sums = []
    real = tab._show_spent
    monkeypatch.setattr(tab, "_show_spent", lambda: (sums.append(1), real()))
    grid = tab.line_grid
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(grid.model().data_rows, 1))
    grid.paste("".join(f"设备费{n}\t1\t1\r\n" for n in range(40)))
    qtbot.waitUntil(lambda: len(sums) >= 1)
    qtbot.wait(10)
    assert len(sums) == 1
    assert tab.spent.placeholderText() == "59.28"          # 19.28 + 40 × 1
