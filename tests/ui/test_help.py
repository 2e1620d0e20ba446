"""帮助 → 使用说明 / 关于 (there was only 关于, with no version to tell on the phone)."""
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
    from tests.ui.shell_helpers import action_named, make_window, menu_of
    window = make_window(qtbot, tmp_path, show=False)
    guide = action_named(menu_of(window, "帮助"), "使用说明")
    assert guide.shortcut().toString() == "F1"
    guide.trigger()
    assert window.help_dialog.isVisible() and "填写步骤" in window.help_dialog.text.toPlainText()
    guide.trigger()                       # a second F1 brings the same guide forward
    assert len([w for w in window.findChildren(HelpDialog)]) == 1
    said = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: said.append(text))
    action_named(menu_of(window, "帮助"), "关于绩效自评助手").trigger()
    assert said and f"版本 {__version__}" in said[0]


def test_the_guide_explains_the_partial_score_with_the_rules_own_numbers():
    """A 部分达成 row of 10 points shows 7.99: the guide says why, from the rules (was only in the
    cell's tooltip)."""
    from decimal import Decimal
    from selfeval_desktop.domain.scoring_choice import qualitative_band
    text = help_html()
    for profile in all_profiles():
        low, high, suggested = qualitative_band(Decimal(10), "部分达成", profile)
        assert f"为什么是 {suggested} 分" in text
        assert f"得 {low.normalize()} 分以上、" in text and f"{high.normalize()} 分" in text
        assert f"最高的 {suggested} 分" in text
    assert "调整理由" in text


def test_the_guide_names_the_paste_that_keeps_line_breaks():
    text = help_html()
    assert "Ctrl+Shift+V" in text and "按原样粘贴" in text



def test_the_guide_states_what_review_25_found_false_or_missing():
    """另存为副本 keeps only what was saved; 从上年文件新建 clears the amounts; Ctrl+P
    makes a PDF; 定稿 is per project and can be undone; 暂计 under the 财政部 rule is 10 + 90."""
    from selfeval_desktop.domain.profiles import load_profile
    text = help_html()
    assert "只能另存文件中<b>已保存</b>的内容" in text
    assert "金额、实际完成值、实施情况、结论和意见都要重新填写" in text and "只需填今年的实际数" not in text
    assert "在阅读器里点打印" in text and "撤销定稿" in text and "定稿只对当前项目" in text
    from selfeval_desktop.domain.scoring import num
    weight = load_profile("mof2020").execution_weight
    assert f"预算执行率 {num(weight)} 分，各指标合计 {num(100 - weight)} 分" in text
    assert "{mof}" not in text and "算不上" not in text


def test_every_menu_path_the_guide_names_is_in_the_window(qtbot, tmp_path):
    """The guide named menu items by other names (“项目 → 定稿” for 定稿…)."""
    import re
    from tests.ui.shell_helpers import make_window, menu_of, texts_of
    window = make_window(qtbot, tmp_path, show=False)
    paths = set(re.findall(r"“([^”]*?) → ([^”]*?)”", help_html()))
    assert len(paths) >= 10
    for menu, item in paths:
        texts = texts_of(menu_of(window, menu))
        assert item in texts, (menu, item, texts)


def test_the_guide_opens_beside_the_form_below_the_header(qtbot, tmp_path):
    """It opened 760×640 in the middle over the form, then over the 定稿 button."""
    from selfeval_desktop.ui.help_dialog import show_help
    from tests.ui.shell_helpers import make_window
    from tests.ui.ui_fixtures import make_file
    window = make_window(qtbot, tmp_path, make_file(tmp_path))
    dialog = show_help(window)
    qtbot.addWidget(dialog)
    free = window.screen().availableGeometry()
    header = window.page.header
    assert dialog.geometry().right() > free.right() - 40            # at the right edge …
    assert dialog.width() <= max(520, free.width() * 0.45)          # … narrow …
    assert dialog.geometry().top() >= header.mapToGlobal(header.rect().bottomLeft()).y()


def test_the_guide_comes_back_where_the_clerk_put_it(qtbot, tmp_path):
    from selfeval_desktop.ui.help_dialog import show_help
    from tests.ui.shell_helpers import make_window
    from tests.ui.ui_fixtures import make_file
    window = make_window(qtbot, tmp_path, make_file(tmp_path))
    first = show_help(window)
    qtbot.addWidget(first)
    first.setGeometry(40, 60, 500, 400)
    first.reject()
    again = show_help(window)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (500, 400)
    assert abs(again.x() - 40) <= 4 and abs(again.y() - 60) <= 4     # (the frame, as drawn)
