"""帮助 → 使用说明 / 关于 (reviews 6, 7: only 关于, with no version to tell on the phone)."""
from __future__ import annotations

import pytest

from selfeval_desktop import __version__
from selfeval_desktop.domain.profiles import all_profiles
from selfeval_desktop.ui.help_dialog import HelpDialog, about_text, help_html

from tests.ui.shell_helpers import OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_the_guide_states_every_rule_profile_as_the_program_has_it():
    text = help_html()
    for profile in all_profiles():
        assert profile.name in text and profile.description in text


def test_about_says_the_version_and_what_it_runs_on():
    text = about_text()
    assert f"版本 {__version__}" in text and "Python" in text and "Qt" in text


def test_the_guide_opens_in_a_window_of_its_own(qtbot):
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.isModal() and "填写步骤" in dialog.text.toPlainText()


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support raise")
def test_the_help_menu_opens_the_guide_with_f1_and_says_the_version(qtbot, tmp_path,
                                                                     monkeypatch):
    from selfeval_desktop.ui.qt import QMessageBox
    from tests.ui.shell_helpers import make_window, menu_of
    window = make_window(qtbot, tmp_path, show=False)
    entries = {a.text(): a for a in menu_of(window, "帮助").actions() if a.text()}
    guide = entries["使用说明"]
    assert guide.shortcut().toString() == "F1"
    guide.trigger()
    assert window.help_dialog.isVisible() and "填写步骤" in window.help_dialog.text.toPlainText()
    guide.trigger()                       # a second F1 brings the same guide forward
    assert len([w for w in window.findChildren(HelpDialog)]) == 1
    said = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: said.append(text))
    entries["关于绩效自评助手"].trigger()
    assert said and f"版本 {__version__}" in said[0]


def test_the_guide_explains_the_partial_score_with_the_rules_own_numbers():
    """A 部分达成 row of 10 points shows 7.99: the guide says why, from the rules (was only in the
    cell's tooltip, review 22)."""
    from decimal import Decimal
    from selfeval_desktop.domain.scoring_choice import qualitative_band
    text = help_html()
    for profile in all_profiles():
        low, high, suggested = qualitative_band(Decimal(10), "部分达成", profile)
        assert f"为什么是 {suggested} 分" in text
        close = "]" if profile.band("部分达成").high_inclusive else ")"
        assert f"[{low.normalize()}, {high.normalize()}{close}" in text and f"最高分 {suggested}" in text
    assert "调整理由" in text


def test_the_guide_names_the_paste_that_keeps_line_breaks():
    text = help_html()
    assert "Ctrl+Shift+V" in text and "按原样粘贴" in text
