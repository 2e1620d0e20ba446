"""Seed 000's demo (南宫市科学技术经费) opens showing 总分 — 等次 未评分, truthfully: its report
gives no 全年执行数 and no figure or 达成情况 against any target, only “评价结果为优”. The reason
was in a tooltip alone, so the demo looked broken; the header now says it, beside the score, in
words, and what the report itself stated (原表 自评等次“优”) in the tooltip."""
from __future__ import annotations

import pytest

from selfeval_desktop.db.demo import build_demo

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.test_header_fit import OFFICE_WINDOWS, assert_header_fits, settle
from tests.ui.ui_fixtures import make_file

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def window(qtbot, tmp_path):
    return make_window(qtbot, tmp_path, make_file(tmp_path, build_demo("000")))


def test_an_unscored_project_says_why_beside_its_score(qtbot, window):
    header, session, pid = window.page.header, window.session, window.page.pid
    settle(qtbot, window)
    assert header.badge.grade.text() == "未评分"
    note = header.unscored_note
    assert note.isVisible() and note.text() == "未填写全年执行数；12 项指标均无得分"
    tip = note.toolTip()
    assert "未填写全年执行数" in tip and "问题清单" in tip and "原表自评等次“优”" in tip
    assert_header_fits(header)

    # once something is scored the total shows, and the note goes
    session.set_value("funding", pid, None, "executed", "15")
    assert session.score(pid).scored
    settle(qtbot, window)
    assert not header.unscored_note.isVisible()
    # its room stays empty: the rule's row keeps its boxes together at its start (hidden, the
    # note had left the row no stretch, and the labels and boxes spread over the whole width)
    assert header.grade_style.x() - header.profile.geometry().right() < 120
    assert_header_fits(header)


@pytest.mark.parametrize("size", list(OFFICE_WINDOWS))
def test_the_reason_fits_the_header_on_office_screens(qtbot, tmp_path, size):
    """Cut to the room there is, or blank where a word or two would not say anything."""
    window = make_window(qtbot, tmp_path, make_file(tmp_path, build_demo("000")), show=False)
    window.resize(*OFFICE_WINDOWS[size])
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window)
    header = window.page.header
    assert_header_fits(header)
    note = header.unscored_note
    assert note.isVisible()
    if size == "1366×768 100 %":
        assert note.text() == note.full
    assert note.fontMetrics().horizontalAdvance(note.text()) <= note.width()
    assert note.text() in ("", note.full) or len(note.text()) > note.LEAST
