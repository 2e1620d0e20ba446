"""Access letters (助记键) on every menu entry, written the Chinese way — “新建(N)…” — so a clerk
who never touches the mouse can press Alt+F, then N (the menu bar's titles had
them, the entries inside did not; Alt+F then N did nothing)."""
from __future__ import annotations

import re

import pytest

from selfeval_desktop.ui import file_actions
from PySide6.QtGui import QContextMenuEvent
from selfeval_desktop.ui.qt import (QApplication, QKeySequence, QLineEdit, QMenu, QPoint, Qt,
                                    QTimer)

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window, menu_of, plain
from tests.ui.ui_fixtures import make_file

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

MENU_BAR = ("文件", "编辑", "项目", "视图", "帮助")
# “打开(&O)…\tCtrl+O”: the letter in brackets after the words, before the … and the keys
CHINESE_LETTER = re.compile(r"^(?:[^&]|&&)+\(&([A-Z])\)…?(?:\t.+)?$")
NUMBERED = re.compile(r"^&([1-9]) ")      # the recent files: “&1  自评.sqlite”


def letter_of(text: str) -> str | None:
    """The entry's letter when written as Chinese menus write it (and Qt reads it the same)."""
    found = CHINESE_LETTER.match(text) or NUMBERED.match(text)
    if found is None:
        return None
    assert QKeySequence.mnemonic(text) == QKeySequence(f"Alt+{found.group(1)}"), text
    return found.group(1)


def entries_of(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]


def assert_lettered(menu: QMenu | list, name: str) -> None:
    """Every entry of ``menu`` (or these texts) has a letter, no two the same (Qt would then only
    cycle between them, and a single key press would not run either)."""
    entries = entries_of(menu) if isinstance(menu, QMenu) else menu
    assert entries, name
    letters = {}
    for text in entries:
        letter = letter_of(text)
        assert letter is not None, (name, text)
        assert letter not in letters, (name, text, letters[letter])
        letters[letter] = text


def open_menu(menu: QMenu) -> QMenu:
    menu.aboutToShow.emit()          # the entries filled or enabled as the menu opens
    return menu


def test_every_entry_of_the_menu_bar_has_a_letter_of_its_own(qtbot, window, tmp_path):
    (tmp_path / "b").mkdir()
    other = make_file(tmp_path / "b")
    assert window.file_actions.open_path(other)          # two recent files, numbered
    for title in MENU_BAR:
        assert_lettered(open_menu(menu_of(window, title)), title)
    recent = open_menu(window.file_actions.recent_menu)
    assert_lettered(recent, "最近文件")
    assert [letter_of(a.text()) for a in recent.actions()][:2] == ["1", "2"]


def test_the_letters_are_the_ones_chinese_office_uses(window):
    def letters(title):
        return {plain(a.text()): letter_of(a.text())
                for a in open_menu(menu_of(window, title)).actions() if a.text()}
    assert {k: v for k, v in letters("文件").items() if k in ("新建…", "打开…", "保存", "退出")} == {
        "新建…": "N", "打开…": "O", "保存": "S", "退出": "X"}
    assert letters("文件")["打印·导出PDF：项目单位自评基本情况表…"] == "P"
    edit = letters("编辑")
    assert {k: edit[k] for k in ("剪切", "复制", "粘贴", "全选", "查找…")} == {
        "剪切": "T", "复制": "C", "粘贴": "P", "全选": "A", "查找…": "F"}
    assert letter_of(window.undo_action.text()) == "U" and letter_of(window.redo_action.text()) == "R"
    # and the words the guide names are still the words on the menu
    assert window.undo_action.text().startswith("撤销")
    assert menu_of(window, "文件").actions()[0].text() == "新建(&N)…"   # Qt adds “Ctrl+N”
    # the header's 定稿 button shows the same action by its words alone
    assert window.page.header.lock_button.text() == "定稿…"


def test_the_guide_says_how_to_use_the_letters():
    from selfeval_desktop.ui.help_dialog import help_html
    text = help_html()
    assert "Alt+F" in text and "括号里的字母" in text


def test_the_undo_entry_keeps_its_letter_as_it_names_the_edit(qtbot, window):
    """撤销 says what it undoes (撤销 修改 项目负责人); the letter stays U, after the words."""
    from tests.ui.shell_helpers import type_text
    edit = window.page.tab_widgets["overview"].edits["leader"]
    edit.setFocus()
    type_text(qtbot, edit, "王小明")
    edit.editingFinished.emit()
    text = window.undo_action.text()
    assert plain(text).startswith("撤销 修改") and letter_of(text) == "U"


def test_an_ampersand_in_a_file_name_shows_as_itself(qtbot, tmp_path):
    """“研发&推广.sqlite” in 最近文件: Qt would take the & for a second letter and show “研发推广”."""
    folder = tmp_path / "u"
    folder.mkdir()
    path = make_file(folder)
    named = path.with_name("研发&推广.sqlite")
    path.rename(named)
    window = make_window(qtbot, tmp_path, named, show=False)
    first = open_menu(window.file_actions.recent_menu).actions()[0]
    assert letter_of(first.text()) == "1" and plain(first.text()) == "1  研发&推广.sqlite"


@pytest.mark.qt_log_ignore("This plugin does not support raise",
                           "This plugin does not support grabbing the keyboard")
def test_the_right_click_menus_have_letters(qtbot, window):
    """A grid's cell-and-rows menu (a fixed grid's too) and its headings' menu, the project list's
    新增 menu, and a text box's menu (Qt's own, with 按原样粘贴 added): Windows shows letters there
    too."""
    from selfeval_desktop.ui.translations import install_qt_translations
    page = window.page
    page.tabs.setCurrentWidget(page.tab_widgets["indicators"])
    grid = page.tab_widgets["indicators"].grid
    grid.setCurrentIndex(grid.model().index(0, 2))
    grid._context_menu(QPoint(5, 5))
    rows_menu = QApplication.activePopupWidget()
    assert isinstance(rows_menu, QMenu)
    assert_lettered(rows_menu, "grid")
    rows_menu.close()
    assert [letter_of(a.text()) for a in rows_menu.actions() if a.text()][:4] == ["T", "C", "P", "N"]
    assert "上移一行(&S)\tAlt+↑" in entries_of(rows_menu)          # the keys as 编辑 writes them
    page.tabs.setCurrentWidget(page.tab_widgets["budget"])
    fixed = page.tab_widgets["budget"].source_grid
    fixed.setCurrentIndex(fixed.model().index(0, 1))
    fixed._context_menu(QPoint(5, 5))
    cells_menu = QApplication.activePopupWidget()
    assert cells_menu is not rows_menu and isinstance(cells_menu, QMenu)
    assert_lettered(cells_menu, "fixed grid")
    cells_menu.close()
    shown = []         # the headings' menu is modal (exec): read, then closed, by a timer

    def read_and_close():
        menu = QApplication.activePopupWidget()
        shown.append(entries_of(menu))
        menu.close()
    QTimer.singleShot(100, read_and_close)
    page.tab_widgets["indicators"].widths._menu(QPoint(5, 5))
    assert_lettered(shown[0], "列标题")
    assert_lettered(open_menu(page.projects.add_button.menu()), "新增")
    assert install_qt_translations()
    background = page.tab_widgets["overview"].edits["background"]
    assert_lettered(background.context_menu(QPoint(5, 5)), "文字框")
    line = QLineEdit()
    assert_lettered(line.createStandardContextMenu(), "单行框")
    # the 评价年度 box: a number box's menu adds 升高(S)/降低(D) to a line box's
    year = page.header.year
    QTimer.singleShot(100, read_and_close)
    QApplication.sendEvent(year, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                                                   year.mapToGlobal(QPoint(5, 5))))
    assert_lettered(shown[1], "评价年度")


def test_the_same_row_operation_has_the_same_letter_in_both_menus(window):
    """The 编辑 menu lists the grids' row operations: learned in one, the letter works in the other."""
    grid = window.page.tab_widgets["indicators"].grid
    edit = {plain(a.text()): letter_of(a.text())
            for a in open_menu(menu_of(window, "编辑")).actions() if a.text()}
    for action in grid.row_actions.values():
        assert letter_of(action.text()) is not None
        assert edit[plain(action.text())] == letter_of(action.text())


@pytest.mark.qt_log_ignore("This plugin does not support raise",
                           "This plugin does not support grabbing the keyboard")
def test_alt_f_then_n_starts_a_new_file(qtbot, window, monkeypatch):
    """The key path itself: Alt+F opens 文件, N runs 新建 (asks for the unit and year)."""
    from PySide6.QtTest import QTest
    asked = []
    monkeypatch.setattr(file_actions, "ask_new_document", lambda parent: asked.append(parent))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu_of(window, "文件"))
    QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_N)
    qtbot.waitUntil(lambda: asked == [window])
    assert QApplication.activePopupWidget() is None


@pytest.mark.qt_log_ignore("This plugin does not support raise",
                           "This plugin does not support grabbing the keyboard")
def test_alt_v_then_w_shows_the_checks_list_again(qtbot, window):
    """视图 → 问题清单 by keys: the list closed by the mouse comes back without it."""
    from PySide6.QtTest import QTest
    window.checks.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu_of(window, "视图"))
    QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_W)
    qtbot.waitUntil(lambda: window.checks.isVisible())


def test_an_error_names_the_entry_by_its_words():
    """“新建失败”, not “新建(&N)失败”, whatever text the entry was given."""
    from selfeval_desktop.ui.errors import action_title
    assert action_title("新建(&N)…") == "新建失败"
    assert action_title("打印·导出PDF：项目支出绩效自评表(&T)…") == "打印·导出PDF失败"


@pytest.mark.parametrize("kind", ["project", "department"])
def test_the_common_indicators_menu_has_letters_in_both_its_forms(qtbot, monkeypatch, kind):
    """插入常用指标: its 一级指标, and in each the items and 插入全部 (or, on a short screen, the
    二级指标 submenus and their items) — every entry lettered, none twice in one menu."""
    from selfeval_desktop.ui.tabs import template_menu
    from selfeval_desktop.ui.tabs.indicator_templates import load_templates
    menu = template_menu.TemplateMenu(load_templates(kind), lambda *a: None)
    assert_lettered(menu, kind)
    subs = [a.menu() for a in menu.actions()]
    for sub in subs:                                      # the headings over their items
        assert_lettered(sub, plain(sub.title()))
    monkeypatch.setattr(template_menu, "free_height", lambda widget: 1)
    for sub in subs:                                      # each 二级指标 a submenu of its own
        sub.aboutToShow.emit()
        assert_lettered(sub, plain(sub.title()))
        for action in sub.actions():
            if action.isVisible() and action.menu() is not None:
                assert_lettered(action.menu(), plain(action.menu().title()))
    words = {plain(a.text()): letter_of(a.text()) for a in menu.actions()}
    # the 一级指标 by their pinyin, the same in a project's and a 部门整体's menu
    assert {k: v for k, v in words.items() if k in ("产出指标", "效益指标", "满意度指标")} == {
        "产出指标": "C", "效益指标": "X", "满意度指标": "M"}
