"""Text copied from a PDF and pasted into a paragraph box comes back as paragraphs (its wrapped
lines joined, said in the status bar); Ctrl+Shift+V and 按原样粘贴 keep its line breaks.

Before, 立项背景 pasted from last year's PDF report kept a line break every 38 characters, in the
box and on the printed form."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import QApplication, QPoint, Qt
from selfeval_desktop.ui.paragraph_edit import ParagraphEdit

from tests.domain.pasted_text import PDF
from tests.ui.shell_helpers import (OFFSCREEN_NOISE, action_named, focus, leave, plain,
                                   show_grid)
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def background(qtbot, window):
    tab = window.page.tab_widgets["overview"]
    window.page.tabs.setCurrentWidget(tab)
    edit = tab.edits["background"]
    assert isinstance(edit, ParagraphEdit)
    edit.clear()
    focus(qtbot, edit)
    QApplication.clipboard().setText(PDF)
    return edit


def test_ctrl_v_joins_the_pdf_lines_and_says_so(qtbot, window, background, path):
    qtbot.keyClick(background, Qt.Key.Key_V, CTRL)
    assert background.toPlainText().count("\n") == 2          # three paragraphs, not six lines
    assert "科技型中小企业培育计划" in background.toPlainText()
    assert "已合并从PDF复制带来的 3 处断行" in window.statusBar().currentMessage()
    assert "Ctrl+Shift+V" in window.statusBar().currentMessage()
    leave(qtbot, background)
    assert reread(path).projects[0].background == background.toPlainText()


def test_ctrl_shift_v_keeps_the_line_breaks(qtbot, window, background, path):
    qtbot.keyClick(background, Qt.Key.Key_V, CTRL | SHIFT)
    assert background.toPlainText() == PDF
    leave(qtbot, background)
    assert reread(path).projects[0].background == PDF


def test_the_right_click_menu_offers_paste_as_is_beside_paste(qtbot, background):
    menu = background.context_menu(QPoint(5, 5))
    paste = next(i for i, a in enumerate(menu.actions()) if a.objectName() == "edit-paste")
    as_is = menu.actions()[paste + 1]
    assert plain(as_is.text()) == "按原样粘贴（保留换行）" and as_is.text().endswith("\tCtrl+Shift+V")
    assert as_is.isEnabled()
    as_is.trigger()
    assert background.toPlainText() == PDF
    background.setReadOnly(True)
    menu = background.context_menu(QPoint(5, 5))
    assert not action_named(menu, "按原样粘贴（保留换行）").isEnabled()


def test_a_read_only_box_pastes_nothing(qtbot, background):
    background.setReadOnly(True)
    qtbot.keyClick(background, Qt.Key.Key_V, CTRL | SHIFT)
    assert background.toPlainText() == ""


def test_the_deviation_cell_editor_joins_them_too(qtbot, window, path):
    grid = show_grid(qtbot, window, "indicators")
    grid.setCurrentIndex(grid.model().index(2, im.COL_DEVIATION))
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, ParagraphEdit)
    editor.clear()
    QApplication.clipboard().setText("宣传覆盖面不足，部分乡镇企业对补助政策了解不够，申报积极性不高，导致\n"
                                     "实际完成值低于年初目标值。")
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert reread(path).projects[0].indicators[2].deviation == (
        "宣传覆盖面不足，部分乡镇企业对补助政策了解不够，申报积极性不高，导致实际完成值低于年初目标值。")



def test_ctrl_shift_v_in_the_deviation_editor_keeps_the_breaks(qtbot, window, path):
    grid = show_grid(qtbot, window, "indicators")
    grid.setCurrentIndex(grid.model().index(2, im.COL_DEVIATION))
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.clear()
    QApplication.clipboard().setText(PDF)
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL | SHIFT)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert reread(path).projects[0].indicators[2].deviation == PDF


WRAPPED = ("宣传覆盖面不足，部分乡镇企业对补助政策了解不够，申报积极性不高，导致\n"
           "实际完成值低于年初目标值，下一年度将通过政策宣讲会和上门服务扩大覆盖\n"
           "面。\n")


def test_a_pdf_paragraph_pasted_onto_a_deviation_cell_stays_in_that_cell(qtbot, window, path):
    """Before, its three lines went into three rows' 偏差原因, overwriting two of them."""
    grid = show_grid(qtbot, window, "indicators")
    rows = grid.model().rowCount()
    before = [i.deviation for i in reread(path).projects[0].indicators]
    grid.setCurrentIndex(grid.model().index(1, im.COL_DEVIATION))
    grid.paste(WRAPPED)
    after = [i.deviation for i in reread(path).projects[0].indicators]
    assert after[1] == WRAPPED.replace("\n", "")
    assert after[:1] + after[2:] == before[:1] + before[2:]
    assert grid.model().rowCount() == rows
    assert "已作为一段文字粘贴到这一格" in window.statusBar().currentMessage()


def test_a_column_of_reasons_copied_from_excel_still_fills_the_rows(qtbot, window, path):
    grid = show_grid(qtbot, window, "indicators")
    grid.setCurrentIndex(grid.model().index(0, im.COL_DEVIATION))
    grid.paste("宣传不足。\n资金下达较晚。\n")
    after = [i.deviation for i in reread(path).projects[0].indicators]
    assert after[:2] == ["宣传不足。", "资金下达较晚。"]


WORD_HTML = '<html xmlns:w="urn:schemas-microsoft-com:office:word"><p class=MsoNormal>…</p>'


def clip(text: str, html: str) -> None:
    """The clipboard as an office program fills it: the plain text and its HTML beside it."""
    from selfeval_desktop.ui.qt import QMimeData
    mime = QMimeData()
    mime.setText(text)
    mime.setHtml(html)
    QApplication.clipboard().setMimeData(mime)


REASONS = ("受新冠疫情影响部分培训改为线上进行导致人次减少\n项目资金下达较晚部分采购于次年一季度才完成支付\n"
           "部分专家因工作调动未能按计划参加评审活动安排。\n")


def test_a_column_copied_from_excel_fills_the_rows_even_if_it_reads_like_a_paragraph(
        qtbot, window, path):
    """Three 偏差原因 copied from an Excel column went into one cell as a “PDF
    paragraph”. Excel puts its sheet formats beside the text: a sheet's column is rows."""
    grid = show_grid(qtbot, window, "indicators")
    grid.setCurrentIndex(grid.model().index(0, im.COL_DEVIATION))
    clip(REASONS, "<table><tr><td>受新冠疫情影响…</td></tr></table>")
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL)
    after = [i.deviation for i in reread(path).projects[0].indicators]
    assert after[:3] == [line for line in REASONS.splitlines()]


def test_ctrl_shift_v_on_a_cell_pastes_a_pdf_paragraph_as_rows(qtbot, window, path):
    grid = show_grid(qtbot, window, "indicators")
    grid.setCurrentIndex(grid.model().index(0, im.COL_DEVIATION))
    QApplication.clipboard().setText(REASONS)                     # plain text, as from a PDF
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL)
    assert reread(path).projects[0].indicators[0].deviation == REASONS.replace("\n", "")
    assert "Ctrl+Shift+V" in window.statusBar().currentMessage()
    window.undo_actions.undo()
    grid.setCurrentIndex(grid.model().index(0, im.COL_DEVIATION))
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL | SHIFT)
    after = [i.deviation for i in reread(path).projects[0].indicators]
    assert after[:3] == [line for line in REASONS.splitlines()]


def test_text_copied_from_word_keeps_its_paragraphs_in_a_box(qtbot, window, background):
    clip(PDF, WORD_HTML)
    qtbot.keyClick(background, Qt.Key.Key_V, CTRL)
    assert background.toPlainText() == PDF


def test_a_word_paragraph_with_hard_breaks_onto_a_cell_stays_in_that_cell(qtbot, window, path):
    """Any office source forced rows; a Word paragraph with hard line breaks (a
    PDF converted to Word) spilled into the reasons below. Only a sheet's cells are rows."""
    grid = show_grid(qtbot, window, "indicators")
    before = [i.deviation for i in reread(path).projects[0].indicators]
    grid.setCurrentIndex(grid.model().index(1, im.COL_DEVIATION))
    clip(WRAPPED, WORD_HTML)
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL)
    after = [i.deviation for i in reread(path).projects[0].indicators]
    assert after[1] == WRAPPED.replace("\n", "")
    assert after[:1] + after[2:] == before[:1] + before[2:]


def test_a_paste_that_joins_nothing_takes_back_the_earlier_joined_message(qtbot, window, background):
    qtbot.keyClick(background, Qt.Key.Key_V, CTRL)
    assert window.statusBar().currentMessage().startswith("已合并")
    QApplication.clipboard().setText("一行文字")
    qtbot.keyClick(background, Qt.Key.Key_V, CTRL)
    assert not window.statusBar().currentMessage().startswith("已合并")
