"""Rows fitted to their wrapped text: the rows in view at once, the others a slice at a time, so
a 200-row paste or a long project does not hold the window (not 0.3–0.5 s of fitting
every row in one go after a paste, on opening a 230-row project, after deleting rows)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from selfeval_desktop.domain.model import Indicator
from selfeval_desktop.ui.grid import fit
from selfeval_desktop.ui.tabs.indicators_tab import IndicatorsTab

from tests.ui.shell_helpers import OFFSCREEN_NOISE
from tests.ui.ui_fixtures import make_file, open_session, sample_document

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
LONG = "组织开展面向乡镇科技特派员和农村实用人才的科技培训并按时完成第{}批全部学员考核与结业"


@pytest.fixture
def tab(qtbot, tmp_path):
    doc = sample_document()
    doc.projects[0].indicators += [Indicator("产出指标", "时效指标", LONG.format(n), "≥90%", "95%",
                                             Decimal(0)) for n in range(1, 121)]
    session = open_session(make_file(tmp_path, doc))
    tab = IndicatorsTab(session, None)
    qtbot.addWidget(tab)
    tab.resize(1000, 500)
    tab.show()
    qtbot.waitExposed(tab)
    yield tab
    session.conn.close()


def test_rows_in_view_are_fitted_first_and_the_rest_soon_after(qtbot, tab, monkeypatch):
    monkeypatch.setattr(fit, "SLICE", 0)         # a slow machine: each turn's time is up at once
    grid = tab.grid
    base = grid.verticalHeader().defaultSectionSize()
    tab.set_project(tab.session.document.projects[0].id)
    fitter = grid._fitter
    fitter.run()                                  # one event loop turn's worth
    last = grid.model().rowCount() - 2            # (the last row is the 新 row)
    shown = range(max(grid.rowAt(0), 0), grid.rowAt(grid.viewport().height() - 1) + 1)
    long_rows = [r for r in shown if r >= 4]
    assert long_rows and all(grid.rowHeight(r) > base for r in long_rows)
    assert grid.rowHeight(last) == base           # far below: not yet
    qtbot.waitUntil(lambda: grid.rowHeight(last) > base, timeout=3000)
    assert all(grid.rowHeight(r) > base for r in range(4, last + 1))


def test_a_grid_closed_while_its_rows_are_being_fitted_raises_nothing(qtbot, tmp_path, monkeypatch):
    """The fitting left for later event loop turns ran on a grid already deleted (a window or a
    document closed while a long project's rows were being fitted): “Internal C++ object (Grid)
    already deleted”, an error box for nothing."""
    monkeypatch.setattr(fit, "SLICE", 0)
    doc = sample_document()
    doc.projects[0].indicators += [Indicator("产出指标", "时效指标", LONG.format(n), "≥90%", "95%",
                                             Decimal(0)) for n in range(1, 121)]
    session = open_session(make_file(tmp_path, doc))
    tab = IndicatorsTab(session, None)
    tab.resize(1000, 500)
    tab.show()
    qtbot.waitExposed(tab)
    tab.set_project(session.document.projects[0].id)
    tab.grid._fitter.run()                        # rows out of view left for the next turns
    assert tab.grid._fitter._pending
    tab.deleteLater()
    qtbot.wait(50)                                # the turns come: nothing raised
    session.conn.close()
