"""A score from 分值 not adding up to 100 shows no grade: “—” with the reason as tooltip, in the
header, the project list and the 结论 tab (not 135.50 优 in green)."""
from __future__ import annotations

import pytest

from selfeval_desktop.domain.scoring import PROVISIONAL_GRADE
from selfeval_desktop.ui.project_list import COL_GRADE
from selfeval_desktop.ui.qt import Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def window(qtbot, tmp_path):
    return make_window(qtbot, tmp_path, make_file(tmp_path))


def list_grade(window, pid, role=Qt.ItemDataRole.DisplayRole):
    model = window.page.projects.model
    row = next(r for r in range(model.rowCount()) if model.pid_at(r) == pid)
    return model.data(model.index(row, COL_GRADE), role)


def test_a_row_without_a_score_shows_no_grade_until_it_has_one(qtbot, window):
    """A row not scored yet counts 0: the grade of a half-filled form (差, 中) would mislead."""
    session, pid = window.session, window.page.pid
    badge = window.page.header.badge
    assert badge.grade.text() == PROVISIONAL_GRADE and "尚无得分" in badge.toolTip()
    assert list_grade(window, pid) == PROVISIONAL_GRADE
    row = session.project(pid).indicators[2]                    # 有效提升, no 实际完成值 yet
    session.set_value("indicator", pid, row.id, "actual", "达成")
    assert badge.grade.text() == session.score(pid).grade != PROVISIONAL_GRADE


def test_weights_summing_to_130_show_no_grade_and_say_why(qtbot, window):
    session, pid = window.session, window.page.pid
    badge = window.page.header.badge
    row = session.project(pid).indicators[2]                    # every row scored
    session.set_value("indicator", pid, row.id, "actual", "达成")
    assert badge.grade.text() == session.score(pid).grade != PROVISIONAL_GRADE   # 100: graded
    first = session.project(pid).indicators[0]
    session.set_value("indicator", pid, first.id, "weight", "55")                # 25 → 55: 130
    assert badge.grade.text() == PROVISIONAL_GRADE
    assert "不是 100" in badge.toolTip()
    assert list_grade(window, pid) == PROVISIONAL_GRADE
    assert "不是 100" in list_grade(window, pid, Qt.ItemDataRole.ToolTipRole)
    conclusion = window.page.tab_widgets["conclusion"]
    window.page.tabs.setCurrentWidget(conclusion)
    assert conclusion.badge.grade.text() == PROVISIONAL_GRADE
    window.undo()
    assert badge.grade.text() == session.score(pid).grade != PROVISIONAL_GRADE
