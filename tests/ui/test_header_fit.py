"""The header's 定稿 button (review P3-1): after 定稿 a menu arrow was drawn over 撤销定稿's “稿”."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.qt import QtWidgets

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, sample_document

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def document():
    doc = sample_document()
    doc.projects[0].indicators[2].actual = "有效提升"      # no error: it can be 定稿
    return doc


def has_menu_arrow(button) -> bool:
    option = QtWidgets.QStyleOptionToolButton()
    button.initStyleOption(option)
    return bool(option.features & QtWidgets.QStyleOptionToolButton.ToolButtonFeature.HasMenu)


def test_the_lock_button_holds_one_action_and_draws_no_menu_arrow(qtbot, tmp_path):
    """The button kept 定稿… when it took 撤销定稿…: Qt drew a menu arrow over “稿”, and a long
    press offered both."""
    window = make_window(qtbot, tmp_path, make_file(tmp_path, document()))
    header, session, pid = window.page.header, window.session, window.page.pid
    actions = window.finalize_actions
    session.finalize_project(pid)
    assert header.lock_button.actions() == [actions.unfinalize_action]
    assert not has_menu_arrow(header.lock_button)
    session.unfinalize_project(pid)
    assert header.lock_button.actions() == [actions.finalize_action]
    assert not has_menu_arrow(header.lock_button)
