"""Where the paragraph editor (偏差原因, 调整理由) opens: on its own row, over the rows below, as
Excel opens a wrapped cell. On a row near the grid's bottom it used to be moved up over the rows
above, with the row being edited half hidden under it at the bottom edge: the
clerk could not tell which indicator the reason was for."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.delegates import LongTextDelegate
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, open_many_rows_tab, type_ime

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def tab(qtbot, tmp_path):
    tab = open_many_rows_tab(qtbot, tmp_path, width=1500, height=400)   # 34 rows, a dozen in view
    yield tab
    tab.session.conn.close()


def open_editor(qtbot, grid, row):
    grid.setCurrentIndex(grid.model().index(row, im.COL_DEVIATION))
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = grid.indexWidget(grid.currentIndex()) or grid.viewport().focusWidget()
    qtbot.waitUntil(lambda: editor.isVisible(), timeout=1000)
    return editor


def last_row_in_view(grid) -> int:
    return grid.rowAt(grid.viewport().height() - 2)


def test_on_the_last_row_in_view_the_editor_opens_on_that_row(qtbot, tab):
    grid = tab.grid
    row = last_row_in_view(grid) - 1         # the rows below it are out of view, not missing
    assert row + 5 < grid.model().rowCount()
    editor = open_editor(qtbot, grid, row)
    rect = grid.visualRect(grid.currentIndex())
    assert editor.geometry().top() == rect.top()                 # on its own row, not above it
    assert rect.top() >= 0 and editor.geometry().bottom() <= grid.viewport().height()
    # the row's own name is seen beside the box, and the row above is not covered
    above = grid.visualRect(grid.model().index(row - 1, im.COL_DEVIATION))
    assert not editor.geometry().intersects(above)
    name = grid.visualRect(grid.model().index(row, im.COL_NAME))
    assert grid.indexAt(name.center()).row() == row
    type_ime(editor, "部分乡镇未开展培训")
    assert editor.toPlainText() == "部分乡镇未开展培训"


def test_at_the_end_of_the_rows_the_editor_is_as_tall_as_elsewhere_and_opens_upward(qtbot, tab):
    """The last indicator (the “新” row under it) has no rows below to scroll into view: the
    editor was cut to the room down to the viewport's bottom, two or three lines where the
    other rows get five. It now keeps its height, reaching up over the rows above only as far
    as it must, its own row in sight beside it and under it."""
    grid = tab.grid
    middle = open_editor(qtbot, grid, 5).geometry().height()
    qtbot.keyClick(grid.viewport().focusWidget(), Qt.Key.Key_Escape)
    bar = grid.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(10)
    rows = grid.model().rowCount()
    row = rows - 2                    # the last indicator; the “新” row under it
    assert grid.visualRect(grid.model().index(row, 0)).bottom() < grid.viewport().height()
    editor = open_editor(qtbot, grid, row)
    box, rect = editor.geometry(), grid.visualRect(grid.currentIndex())
    assert box.height() == middle                                  # as on the other rows
    assert box.height() >= LongTextDelegate.LINES * editor.fontMetrics().lineSpacing()
    assert box.bottom() <= grid.viewport().height() and box.top() >= 0
    assert box.top() <= rect.top() and box.bottom() >= rect.bottom()   # over its own cell
    assert box.bottom() >= grid.viewport().height() - 2            # up only as far as it must
    name = grid.visualRect(grid.model().index(row, im.COL_NAME))   # its row in sight
    assert grid.indexAt(name.center()).row() == row and not box.intersects(name)
    type_ime(editor, "宣传覆盖面不足，" * 12)                      # more than the box shows
    cursor = editor.cursorRect()
    assert editor.viewport().rect().contains(cursor.center())     # the caret is in sight
