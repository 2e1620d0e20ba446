"""A total that is not final (rows unscored, 分值 not adding up to 100) stood in the
header's big black digits like a score, and a clerk copies that number into the summary."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.project_list import COL_SCORE, PROVISIONAL_COLOR
from selfeval_desktop.ui.qt import Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_a_provisional_total_is_grey_and_captioned_zanji_until_it_is_final(qtbot, tmp_path):
    path = make_file(tmp_path)                      # 第3行 实际完成值 not filled: not final yet
    window = make_window(qtbot, tmp_path, path)
    session, pid = window.session, window.page.pid
    assert session.score(pid).provisional
    badge = window.page.header.badge
    assert badge.total_caption.text() == "暂计" and PROVISIONAL_COLOR in badge.total.styleSheet()
    assert badge.grade.text() == "—"
    model = window.page.projects.model
    row = model.row_of(pid)
    assert model.data(model.index(row, COL_SCORE), Qt.ItemDataRole.ForegroundRole).name() == PROVISIONAL_COLOR
    row_id = session.project(pid).indicators[2].id
    session.set_value("indicator", pid, row_id, "actual", "有效提升")
    assert not session.score(pid).provisional
    assert badge.total_caption.text() == "总分" and badge.total.styleSheet() == ""
    assert model.data(model.index(row, COL_SCORE), Qt.ItemDataRole.ForegroundRole) is None
