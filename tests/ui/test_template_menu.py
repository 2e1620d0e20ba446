"""插入常用指标 on a screen too short for a 一级指标's list: at 150 % on 1366×768
the 产出指标 list ran into a second column, “成本指标” at the foot of the first and its items
at the top of the second. A heading now never leaves its items: where the list does not fit, each
二级指标 has a submenu of its own; where it fits, the headings stay (one glance, as before)."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.qt import QApplication, QFont, QMenu, Qt
from selfeval_desktop.ui.tabs import template_menu
from selfeval_desktop.ui.tabs.indicator_templates import load_templates
from selfeval_desktop.ui.tabs.indicators_tab import IndicatorsTab

from tests.ui.shell_helpers import OFFSCREEN_NOISE, action_named, plain
from tests.ui.ui_fixtures import open_session, reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support")


@pytest.fixture
def large_font(qapp):
    """Text 1.6 times the usual size: the offscreen screen's 800 px are then as short for the
    menu as 1366×768 at 150 % (512 px) is at the usual size."""
    before = QFont(qapp.font())
    bigger = QFont(before)
    bigger.setPointSizeF(before.pointSizeF() * 1.6)
    qapp.setFont(bigger)
    yield
    qapp.setFont(before)


@pytest.fixture
def tab(qtbot, path):
    session = open_session(path)
    tab = IndicatorsTab(session, None)
    qtbot.addWidget(tab)
    tab.set_project(session.document.projects[0].id)
    tab.resize(900, 500)
    tab.show()
    qtbot.waitExposed(tab)
    yield tab
    while QApplication.activePopupWidget() is not None:   # no menu left open for the next test
        QApplication.activePopupWidget().close()
    session.conn.close()


def open_level1(qtbot, tab, title: str) -> QMenu:
    """Open 插入常用指标 → ``title`` with the keys, as a clerk without a mouse does."""
    top = tab.template_button.menu()
    top.popup(tab.template_button.mapToGlobal(tab.template_button.rect().bottomLeft()))
    qtbot.waitUntil(top.isVisible)
    action = action_named(top, title)
    top.setActiveAction(action)
    qtbot.keyClick(top, Qt.Key.Key_Right)
    qtbot.waitUntil(action.menu().isVisible)
    return action.menu()


def shown_actions(menu: QMenu):
    return [a for a in menu.actions() if a.isVisible()]


def columns(menu: QMenu) -> int:
    return len({menu.actionGeometry(a).x() for a in shown_actions(menu)})


def test_a_level_one_list_too_tall_for_the_screen_keeps_each_heading_with_its_items(
        qtbot, large_font, tab, path):
    output = open_level1(qtbot, tab, "产出指标")
    room = output.screen().availableGeometry()
    assert columns(output) == 1 and output.geometry().height() <= room.height()
    groups = [g for g in load_templates() if g.level1 == "产出指标"]
    # no heading left in the list: each 二级指标 is a submenu with its items and 插入全部
    assert [plain(a.text()) for a in shown_actions(output)] == [g.level2 for g in groups]
    for action, group in zip(shown_actions(output), groups):
        texts = [plain(a.text()) for a in shown_actions(action.menu()) if not a.isSeparator()]
        assert len(texts) == len(group.items) + 1 and texts[-1].startswith("插入全部")
    # the keys reach an item: → opens 成本指标, ↓ to its first, Enter inserts it
    cost = next(a for a in shown_actions(output) if plain(a.text()) == "成本指标")
    output.setActiveAction(cost)
    qtbot.keyClick(output, Qt.Key.Key_Right)
    qtbot.waitUntil(cost.menu().isVisible)
    assert columns(cost.menu()) == 1
    first = shown_actions(cost.menu())[0]
    cost.menu().setActiveAction(first)
    qtbot.keyClick(cost.menu(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not cost.menu().isVisible())
    assert "培训人均成本" in [r.name for r in reread(path).projects[0].indicators]


def test_where_the_list_fits_the_headings_stay_over_their_items(qtbot, tab):
    output = open_level1(qtbot, tab, "产出指标")
    assert columns(output) == 1
    headings = [a.text() for a in shown_actions(output) if a.isSeparator()]
    assert headings == ["数量指标", "质量指标", "时效指标", "成本指标"]
    assert not any(a.menu() for a in shown_actions(output))
    # measured as Qt lays it out: the one-column height is the menu's own
    assert template_menu.one_column_height(output) == output.sizeHint().height()


def test_the_choice_follows_the_screen_each_time_the_list_opens(qtbot, tab, monkeypatch):
    """A window moved to a shorter screen (or a scaling changed) gets the submenus next time."""
    output = open_level1(qtbot, tab, "产出指标")
    needed = template_menu.one_column_height(output)
    output.close()
    tab.template_button.menu().close()
    monkeypatch.setattr(template_menu, "free_height", lambda widget: needed - 1)
    output = open_level1(qtbot, tab, "产出指标")
    assert not any(a.isSeparator() for a in shown_actions(output))
    output.close()
    tab.template_button.menu().close()
    monkeypatch.setattr(template_menu, "free_height", lambda widget: needed)
    output = open_level1(qtbot, tab, "产出指标")
    assert any(a.isSeparator() for a in shown_actions(output))


def test_a_level_one_with_one_group_is_never_split_into_a_submenu(qtbot, large_font, tab,
                                                                  monkeypatch):
    """满意度指标 has one 二级指标: a submenu of one entry would be a needless step."""
    monkeypatch.setattr(template_menu, "free_height", lambda widget: 50)
    satisfaction = open_level1(qtbot, tab, "满意度指标")
    assert not any(a.menu() for a in shown_actions(satisfaction))
