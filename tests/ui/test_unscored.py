"""A project with nothing scorable shows — / 未评分 in the header and the project list, never 0.00 / 差."""
from __future__ import annotations

import pytest

from selfeval_desktop.domain.model import Project
from selfeval_desktop.ui.header import ScoreBadge
from selfeval_desktop.ui.project_list import COL_GRADE, COL_SCORE, ProjectListModel
from selfeval_desktop.ui.qt import Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE
from tests.ui.ui_fixtures import make_file, open_session, sample_document

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def session(qtbot, tmp_path):
    doc = sample_document()
    doc.projects.append(Project(name="尚未填写的项目"))  # no 全年执行数, no indicators
    s = open_session(make_file(tmp_path, doc))
    yield s
    s.opened.close()


def test_unscored_project_shows_dash_in_list_and_badge(qtbot, session):
    scored_pid, unscored_pid = (p.id for p in session.document.projects)
    assert not session.score(unscored_pid).scored and session.score(scored_pid).scored
    model = ProjectListModel(session)
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data() == "尚未填写的项目")
    assert model.index(row, COL_SCORE).data() == "—" and model.index(row, COL_GRADE).data() == "—"
    assert "未评分" in model.index(row, COL_SCORE).data(Qt.ItemDataRole.ToolTipRole)
    other = next(r for r in range(model.rowCount()) if r != row)
    assert model.index(other, COL_SCORE).data() == str(session.score(scored_pid).total)

    badge = ScoreBadge()
    qtbot.addWidget(badge)
    badge.show_score("尚未填写的项目", session.score(unscored_pid))
    assert badge.total.text() == "—" and badge.grade.text() == "未评分"
    badge.show_score("科技创新服务项目", session.score(scored_pid))
    assert badge.total.text() == str(session.score(scored_pid).total)
