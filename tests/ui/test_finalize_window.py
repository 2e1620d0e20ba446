"""项目 → 定稿 / 撤销定稿 in the window: asks, explains, refuses a project with errors (offering
to go to the first), marks the project (list and header) and keeps it read-only until 撤销定稿."""
from __future__ import annotations

import pytest

from selfeval_desktop.domain.digest import check_code
from selfeval_desktop.ui import dialogs
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.project_list import COL_NAME
from selfeval_desktop.ui.qt import QGuiApplication, Qt

from tests.file_helpers import sha
from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window, menu_of, texts_of
from tests.ui.ui_fixtures import make_file, reread, sample_document

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def clean(tmp_path):
    doc = sample_document()
    doc.projects[0].indicators[2].actual = "有效提升"     # no check error left
    return make_file(tmp_path, doc)


@pytest.fixture
def faulty(tmp_path):
    return make_file(tmp_path)                          # 第3行 实际完成值未填写: an error


class Answers:
    """Stands in for the dialogs: records what was asked, answers with the given button."""

    def __init__(self, monkeypatch, *answers):
        self.asked, self.answers = [], list(answers)
        monkeypatch.setattr(dialogs, "choose", self)

    def __call__(self, parent, title, text, buttons, default=0, kind=dialogs.QUESTION):
        self.asked.append((title, text, buttons))
        return self.answers.pop(0)


def menu_texts(window):
    menu = menu_of(window, "项目(&P)")
    return texts_of(menu)


def test_finalize_asks_explains_and_locks_the_project(qtbot, tmp_path, clean, monkeypatch):
    window = make_window(qtbot, tmp_path, clean)
    assert menu_texts(window)[-3:] == ["定稿…", "撤销定稿…", "核对定稿校验码…"]   # after 新增…
    fa = window.finalize_actions
    assert fa.finalize_action.isEnabled() and not fa.unfinalize_action.isEnabled()
    page, pid = window.page, window.page.pid
    answers = Answers(monkeypatch, 0)
    fa.finalize_action.trigger()
    title, text, buttons = answers.asked[0]
    assert "定稿后项目只读，打印的表格带校验码和二维码，可用于核对收到的文件" in text
    assert "单位名称、评价年度、评分规则和等次写法也不能再改" in text          # locked too
    # the one 提醒 still open is said before, when it can still be changed
    assert buttons == ["定稿", "先看提醒", "取消"]
    assert "还有 1 条提醒" in text and "维修（护）费" in text and "提醒不妨碍定稿" in text
    digest = reread(clean).projects[0].digest
    assert digest
    assert check_code(digest) in window.statusBar().currentMessage()
    # marked in the list and the header; the header button now offers 撤销定稿
    model = page.projects.model
    index = model.index(model.row_of(pid), COL_NAME)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "已定稿" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert page.header.lock_note.isVisibleTo(window) and page.header.lock_note.text() == "已定稿"
    assert check_code(digest) in page.header.lock_note.toolTip()
    assert page.header.lock_button.defaultAction() is fa.unfinalize_action
    assert not fa.finalize_action.isEnabled() and fa.unfinalize_action.isEnabled()
    assert not page.projects.delete_button.isEnabled()
    # read-only everywhere: fields, grid cells (typing says why), undo history gone
    assert page.tab_widgets["overview"].edits["name"].isReadOnly()
    assert page.header.unit.isReadOnly()
    grid = page.tab_widgets["indicators"].grid
    page.tabs.setCurrentWidget(page.tab_widgets["indicators"])
    assert grid.model().blank_row() is None
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(0, im.COL_ACTUAL))
    qtbot.keyClicks(grid, "9")
    assert grid.indexWidget(grid.currentIndex()) is None
    assert "项目已定稿，不能修改" in window.statusBar().currentMessage()
    assert not page.tab_widgets["indicators"].add_button.isEnabled()
    assert not window.undo_action.isEnabled()
    before = sha(clean)
    QGuiApplication.clipboard().setText("1次\r\n")
    grid.paste()
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert sha(clean) == before


def test_cancel_changes_nothing(qtbot, tmp_path, clean, monkeypatch):
    window = make_window(qtbot, tmp_path, clean)
    before = sha(clean)
    Answers(monkeypatch, 2)                                   # 取消
    assert not window.finalize_actions.finalize_current()
    assert sha(clean) == before and not window.session.is_finalized(window.page.pid)


def test_look_at_the_reminders_first_goes_to_the_first_and_changes_nothing(qtbot, tmp_path, clean,
                                                                        monkeypatch):
    """定稿 went ahead past open 提醒 without a word; once locked, fixing one means 撤销定稿 and
    reprinting. The question lists them and 先看提醒 goes to the first."""
    window = make_window(qtbot, tmp_path, clean)
    before = sha(clean)
    Answers(monkeypatch, 1)                                   # 先看提醒
    assert not window.finalize_actions.finalize_current()
    assert sha(clean) == before and not window.session.is_finalized(window.page.pid)
    page = window.page
    assert page.tabs.currentWidget() is page.tab_widgets["budget"]
    grid = page.tab_widgets["budget"].line_grid
    assert grid.currentIndex().row() == 1                     # the 维修（护）费 line


def test_a_project_without_reminders_is_asked_plainly(qtbot, tmp_path, monkeypatch):
    doc = sample_document()
    doc.projects[0].indicators[2].actual = "有效提升"
    lines = doc.projects[0].budget_lines            # planned as spent: no 超支 reminder
    lines[0].planned, lines[1].planned = 4_720_000, 15_280_000
    path = make_file(tmp_path, doc)
    window = make_window(qtbot, tmp_path, path)
    answers = Answers(monkeypatch, 0)
    assert window.finalize_actions.finalize_current()
    title, text, buttons = answers.asked[0]
    assert buttons == ["定稿", "取消"] and "提醒" not in text


def test_errors_refuse_with_the_list_and_go_to_the_first(qtbot, tmp_path, faulty, monkeypatch):
    window = make_window(qtbot, tmp_path, faulty)
    before = sha(faulty)
    answers = Answers(monkeypatch, 0)                 # 转到第一个问题
    assert not window.finalize_actions.finalize_current()
    title, text, buttons = answers.asked[0]
    assert title == "不能定稿" and buttons == ["转到第一个问题", "关闭"]
    assert "1 个错误" in text and "实际完成值未填写" in text
    assert len(answers.asked) == 1                    # no confirmation after a refusal
    assert sha(faulty) == before
    page = window.page
    assert page.tabs.currentWidget() is page.tab_widgets["indicators"]
    cur = page.tab_widgets["indicators"].grid.currentIndex()
    assert (cur.row(), cur.column()) == (2, im.COL_ACTUAL)


def test_unfinalize_asks_then_the_project_is_editable_again(qtbot, tmp_path, clean, monkeypatch):
    window = make_window(qtbot, tmp_path, clean)
    Answers(monkeypatch, 0)
    window.finalize_actions.finalize_current()
    answers = Answers(monkeypatch, 1, 0)               # first 取消, then 撤销定稿
    assert not window.finalize_actions.unfinalize_current()
    assert window.session.is_finalized(window.page.pid)
    assert window.finalize_actions.unfinalize_current()
    assert "原校验码作废" in answers.asked[0][1]
    assert reread(clean).projects[0].digest is None
    page = window.page
    assert not page.tab_widgets["overview"].edits["name"].isReadOnly()
    assert not page.header.lock_note.isVisibleTo(window)
    assert page.tab_widgets["indicators"].grid.model().blank_row() is not None
    assert window.finalize_actions.finalize_action.isEnabled()
    assert page.header.lock_button.defaultAction() is window.finalize_actions.finalize_action


def test_read_only_file_offers_no_finalize(qtbot, tmp_path, clean):
    window = make_window(qtbot, tmp_path)
    assert window.file_actions.open_path(clean, readonly=True)
    assert not window.finalize_actions.finalize_action.isEnabled()
    assert not window.finalize_actions.unfinalize_action.isEnabled()
    assert not window.page.header.lock_button.isVisibleTo(window)
