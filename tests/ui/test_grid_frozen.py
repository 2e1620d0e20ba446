"""Frozen name columns in the 绩效指标 grid (Excel's 冻结窗格, grid.frozen).

At 1366×768 a clerk scrolling right to 实际完成值/得分/偏差原因 lost sight of the 一级/二级/三级指标
names and no longer knew which row they were filling. These tests look at what is on screen: the
widget found at a point of the grid (``childAt``, masks respected) and the cell it shows there —
not at whether some object exists.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.place_focus import focus_cell
from selfeval_desktop.ui.qt import (QAbstractItemView, QApplication, QPoint, QtCore, QtGui,
                                    QToolTip, Qt)
from selfeval_desktop.ui.tabs.indicators_tab import IndicatorsTab

from tests.ui.shell_helpers import OFFSCREEN_NOISE, at, open_many_rows_tab, type_ime
from tests.ui.ui_fixtures import make_file, many_rows_document, open_session, reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
NAMES = (im.COL_LEVEL1, im.COL_LEVEL2, im.COL_NAME)


@pytest.fixture
def tab(qtbot, tmp_path):
    tab = open_many_rows_tab(qtbot, tmp_path)
    yield tab
    tab.session.conn.close()


def scroll_right(qtbot, grid):
    bar = grid.horizontalScrollBar()
    assert bar.maximum() > 0, "the test window must be narrow enough to scroll"
    bar.setValue(bar.maximum())
    qtbot.wait(5)


def spot(grid, row, col, dx=8, dy=6) -> QPoint:
    """In grid coordinates, where (row, col) is seen unscrolled: the place a frozen cell keeps."""
    x = grid.horizontalHeader().sectionPosition(col) + dx
    y = grid.rowViewportPosition(row) + dy
    return grid.viewport().mapTo(grid, QPoint(x, y))


def seen_at(grid, point):
    """(the widget on top at ``point`` of the grid, the view it belongs to, the cell it shows)."""
    widget = grid.childAt(point)
    assert widget is not None
    view = widget.parentWidget()
    if not isinstance(view, QAbstractItemView):
        return widget, None, None
    index = view.indexAt(widget.mapFrom(grid, point))
    return widget, view, (index.row(), index.column())


def click(qtbot, grid, point, double=False):
    widget = grid.childAt(point)
    where = widget.mapFrom(grid, point)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where)
    if double:                       # as a mouse sends it: a press, then the double-click
        qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=where)


def test_scrolled_fully_right_the_names_are_still_seen_at_the_left(qtbot, tab):
    grid = tab.grid
    scroll_right(qtbot, grid)
    for col in NAMES:
        _widget, view, cell = seen_at(grid, spot(grid, 1, col))
        assert cell == (1, col)
        rect = view.visualRect(view.model().index(1, col))
        inside = view.viewport().mapTo(grid, rect.topLeft())
        assert grid.viewport().geometry().contains(inside)      # within the grid's cells area
    overlay = grid.frozen_view()
    assert overlay.isVisible()
    assert overlay.geometry().left() == grid.viewport().geometry().left()
    assert overlay.width() == sum(grid.columnWidth(c) for c in NAMES)
    # the header too: 三级指标 is written above its column
    header = overlay.horizontalHeader()
    assert header.isVisible() and header.height() == grid.horizontalHeader().height()
    assert header.logicalIndexAt(header.sectionViewportPosition(im.COL_NAME) + 5) == im.COL_NAME
    # and the scrolled columns fill the rest: the last one is seen at the right
    last = grid.viewport().mapTo(grid, QPoint(grid.viewport().width() - 5, 5))
    assert seen_at(grid, last)[2] == (0, im.COL_DEVIATION)


def test_clicking_a_frozen_name_makes_it_the_grids_one_current_cell(qtbot, tab):
    grid = tab.grid
    grid.setCurrentIndex(grid.model().index(0, im.COL_DEVIATION))
    scroll_right(qtbot, grid)
    offset = grid.horizontalScrollBar().value()
    click(qtbot, grid, spot(grid, 2, im.COL_NAME))
    assert at(grid) == (2, im.COL_NAME)
    assert [(i.row(), i.column()) for i in grid.selectionModel().selectedIndexes()] == \
        [(2, im.COL_NAME)]
    assert grid.hasFocus()
    assert grid.horizontalScrollBar().value() == offset     # the view did not jump left


def test_typing_on_a_clicked_frozen_name_edits_it_in_place(qtbot, tab):
    grid = tab.grid
    scroll_right(qtbot, grid)
    point = spot(grid, 1, im.COL_NAME)
    click(qtbot, grid, point)
    qtbot.keyClicks(grid, "abc")
    editor = grid.indexWidget(grid.currentIndex())
    assert editor is not None and editor.isVisible()
    widget = grid.childAt(point)                  # the open editor is what is seen there
    assert widget is editor or editor.isAncestorOf(widget)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert reread(tab.path).projects[0].indicators[1].name == "abc"
    assert tab.model.index(1, im.COL_NAME).data() == "abc"
    assert at(grid) == (2, im.COL_NAME)
    assert seen_at(grid, point)[2] == (1, im.COL_NAME)   # the editor gone, the name seen again
    tab.session.undo_stack.undo()
    assert tab.model.index(1, im.COL_NAME).data() == "培训合格率"


def test_clicking_a_name_while_typing_a_scrolled_cell_keeps_what_was_typed(qtbot, tab):
    grid = tab.grid
    scroll_right(qtbot, grid)
    grid.setCurrentIndex(grid.model().index(1, im.COL_DEVIATION))
    qtbot.keyClicks(grid, "xyz")
    assert grid.state() == QAbstractItemView.State.EditingState
    click(qtbot, grid, spot(grid, 3, im.COL_NAME))
    qtbot.wait(5)
    assert grid.state() != QAbstractItemView.State.EditingState
    assert tab.model.index(1, im.COL_DEVIATION).data() == "xyz"
    assert at(grid) == (3, im.COL_NAME)


def test_clicking_a_frozen_header_selects_that_column_in_the_grid(qtbot, tab):
    grid = tab.grid
    scroll_right(qtbot, grid)
    header = grid.horizontalHeader()
    point = header.mapTo(grid, QPoint(header.sectionPosition(im.COL_NAME) + 20, header.height() // 2))
    widget = grid.childAt(point)
    assert widget is not header            # the frozen header is on top, the grid's is scrolled
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.mapFrom(grid, point))
    assert grid.selectionModel().isColumnSelected(im.COL_NAME)
    assert grid.currentIndex().column() == im.COL_NAME
    assert grid.horizontalScrollBar().value() == grid.horizontalScrollBar().maximum()


def test_chinese_committed_by_an_input_method_on_a_frozen_name(qtbot, tab):
    grid = tab.grid
    scroll_right(qtbot, grid)
    point = spot(grid, 0, im.COL_NAME)
    click(qtbot, grid, point)
    type_ime(grid, "举办科普讲座次数")
    editor = grid.indexWidget(grid.currentIndex())
    widget = grid.childAt(point)
    assert editor is not None and (widget is editor or editor.isAncestorOf(widget))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert reread(tab.path).projects[0].indicators[0].name == "举办科普讲座次数"


def test_double_click_on_a_frozen_name_opens_it_where_it_is_seen(qtbot, tab):
    grid = tab.grid
    scroll_right(qtbot, grid)
    point = spot(grid, 3, im.COL_NAME, dx=30)
    click(qtbot, grid, point, double=True)
    assert grid.state() == QAbstractItemView.State.EditingState
    editor = grid.indexWidget(grid.model().index(3, im.COL_NAME))
    widget = grid.childAt(point)
    assert editor is not None and (widget is editor or editor.isAncestorOf(widget))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert grid.state() != QAbstractItemView.State.EditingState
    assert seen_at(grid, point)[2] == (3, im.COL_NAME)


def test_the_names_and_the_scrolled_cells_stay_on_the_same_rows(qtbot, tab):
    grid = tab.grid
    scroll_right(qtbot, grid)
    bar = grid.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    qtbot.wait(5)
    right = grid.viewport().width() - 5
    for y in (5, grid.viewport().height() // 2, grid.viewport().height() - 40):
        row = grid.indexAt(QPoint(right, y)).row()
        point = grid.viewport().mapTo(grid, QPoint(grid.horizontalHeader().sectionPosition(im.COL_NAME)
                                                   + 5, y))
        assert seen_at(grid, point)[2] == (row, im.COL_NAME)
    # the wheel over the names scrolls the grid (and the names with it)
    name = spot(grid, grid.indexAt(QPoint(right, 5)).row() + 1, im.COL_NAME)
    widget = grid.childAt(name)
    before = bar.value()
    pos = QtCore.QPointF(widget.mapFrom(grid, name))
    event = QtGui.QWheelEvent(pos, QtCore.QPointF(widget.mapToGlobal(pos.toPoint())),
                              QtCore.QPoint(0, 0), QtCore.QPoint(0, 120),
                              Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                              Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    assert bar.value() < before
    row = grid.indexAt(QPoint(right, 5)).row()
    top = grid.viewport().mapTo(grid, QPoint(grid.horizontalHeader().sectionPosition(im.COL_NAME)
                                             + 5, 5))
    assert seen_at(grid, top)[2] == (row, im.COL_NAME)


def test_a_row_grown_to_its_text_is_as_tall_under_the_names(qtbot, tab):
    grid = tab.grid
    scroll_right(qtbot, grid)
    base = grid.rowHeight(2)
    grid.setCurrentIndex(grid.model().index(2, im.COL_DEVIATION))
    tab.model.setData(tab.model.index(2, im.COL_DEVIATION),
                      "宣传覆盖面不足，部分乡镇未开展培训，下年度将增加培训场次并加强宣传和回访工作",
                      Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: grid.rowHeight(2) > base, timeout=2000)
    _widget, view, _cell = seen_at(grid, spot(grid, 2, im.COL_NAME))
    for row in range(grid.model().rowCount()):
        assert view.rowHeight(row) == grid.rowHeight(row)
    below = spot(grid, 3, im.COL_NAME)       # the next row's name right where its row is
    assert seen_at(grid, below)[2] == (3, im.COL_NAME)
    # a row inserted above: the heights still follow
    grid.setCurrentIndex(grid.model().index(1, im.COL_NAME))
    grid.insert_row(0)
    qtbot.wait(20)
    assert [view.rowHeight(r) for r in range(grid.model().rowCount())] == \
        [grid.rowHeight(r) for r in range(grid.model().rowCount())]


def test_zoomed_the_rows_under_the_names_are_as_tall_as_the_grids(qtbot, tab):
    """At 200 % (显示比例) the view over the names kept the height of a row as it was built: each
    row the grid sized was copied, and one it laid out itself started at the 100 % height."""
    from selfeval_desktop.ui import zoom
    grid = tab.grid
    scroll_right(qtbot, grid)
    view = grid.frozen_view()
    assert view is not None

    def heights(v) -> list[int]:
        return [v.rowHeight(r) for r in range(grid.model().rowCount())]

    try:
        for percent in (200, 80):   # (at 200 % the names take over half the grid: not shown
            zoom.apply_font(percent)      # until the window is wider, the same view then)
            qtbot.wait(20)
            mine, its = view.verticalHeader(), grid.verticalHeader()
            assert mine.defaultSectionSize() == its.defaultSectionSize()
            assert heights(view) == heights(grid)
            tab.set_project(tab.session.document.projects[0].id)     # laid out again
            grid.setCurrentIndex(grid.model().index(1, im.COL_NAME))
            grid.insert_row(1)
            qtbot.wait(20)
            assert heights(view) == heights(grid)
    finally:
        zoom.apply_font(zoom.DEFAULT)


def test_right_arrow_from_the_last_name_brings_the_next_column_out_from_under_them(qtbot, tab):
    grid = tab.grid
    scroll_right(qtbot, grid)
    click(qtbot, grid, spot(grid, 1, im.COL_NAME))
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert at(grid) == (1, im.COL_TARGET)
    rect = grid.visualRect(grid.currentIndex())
    for x in (rect.left() + 3, rect.right() - 3):
        point = grid.viewport().mapTo(grid, QPoint(x, rect.center().y()))
        widget, view, cell = seen_at(grid, point)
        assert view is grid and cell == (1, im.COL_TARGET)
    qtbot.keyClick(grid, Qt.Key.Key_Left)         # back to the name: no jump sideways
    offset = grid.horizontalScrollBar().value()
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert at(grid) == (1, im.COL_LEVEL2)
    assert grid.horizontalScrollBar().value() == offset


def test_a_findings_jump_to_a_cell_does_not_leave_it_under_the_names(qtbot, tab):
    grid = tab.grid
    scroll_right(qtbot, grid)
    assert focus_cell(grid, 4, im.COL_ACTUAL)
    rect = grid.visualRect(grid.currentIndex())
    point = grid.viewport().mapTo(grid, QPoint(rect.left() + 3, rect.center().y()))
    widget, view, cell = seen_at(grid, point)
    assert view is grid and cell == (4, im.COL_ACTUAL)
    assert seen_at(grid, spot(grid, 4, im.COL_NAME))[2] == (4, im.COL_NAME)   # its name beside


def test_paste_starting_on_a_frozen_cell_and_delete(qtbot, tab):
    grid = tab.grid
    scroll_right(qtbot, grid)
    click(qtbot, grid, spot(grid, 0, im.COL_LEVEL2))
    QApplication.clipboard().setText("数量指标2\t举办讲座次数\t≥2次\n")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    model = tab.model
    assert [model.index(0, c).data() for c in (im.COL_LEVEL2, im.COL_NAME, im.COL_TARGET)] == \
        ["数量指标2", "举办讲座次数", "≥2次"]
    assert seen_at(grid, spot(grid, 0, im.COL_NAME))[2] == (0, im.COL_NAME)
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert model.index(0, im.COL_LEVEL2).data() == ""


@pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")
def test_a_red_name_is_red_and_explained_where_it_is_seen(qtbot, tab):
    grid = tab.grid
    tab.model.setData(tab.model.index(1, im.COL_LEVEL1), "其他指标", Qt.ItemDataRole.EditRole)
    scroll_right(qtbot, grid)
    point = spot(grid, 1, im.COL_LEVEL1, dx=3, dy=3)
    widget, view, cell = seen_at(grid, point)
    assert cell == (1, im.COL_LEVEL1)
    red = tab.model.index(1, im.COL_LEVEL1).data(Qt.ItemDataRole.BackgroundRole).color()
    assert grid.grab().toImage().pixelColor(point) == red
    where = widget.mapFrom(grid, point)
    QApplication.sendEvent(widget, QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, where,
                                                    widget.mapToGlobal(where)))
    assert "不属于本评分规则" in QToolTip.text()
    QToolTip.hideText()


def test_the_context_menu_on_a_frozen_cell_is_the_grids(qtbot, tab):
    grid = tab.grid
    scroll_right(qtbot, grid)
    asked = []
    grid.customContextMenuRequested.disconnect()
    grid.customContextMenuRequested.connect(asked.append)
    point = spot(grid, 2, im.COL_NAME)
    widget = grid.childAt(point)
    where = widget.mapFrom(grid, point)
    QApplication.sendEvent(widget, QtGui.QContextMenuEvent(QtGui.QContextMenuEvent.Reason.Mouse,
                                                           where, widget.mapToGlobal(where)))
    assert [(p.x(), p.y()) for p in asked] == [(where.x(), where.y())]
    assert grid.indexAt(asked[0]) == grid.model().index(2, im.COL_NAME)


def test_not_scrolled_the_frozen_names_look_exactly_as_the_grid_under_them(qtbot, tab):
    grid = tab.grid
    grid.setCurrentIndex(grid.model().index(1, im.COL_LEVEL2))
    qtbot.wait(5)
    assert grid.frozen_view() is not None and grid.horizontalScrollBar().value() == 0
    with_names = grid.grab().toImage()
    grid.frozen_view().hide()
    alone = grid.grab().toImage()
    grid.frozen_view().show()
    assert with_names == alone


def test_frozen_only_while_the_grid_scrolls_and_the_names_leave_room(qtbot, tab):
    grid = tab.grid
    scroll_right(qtbot, grid)
    assert seen_at(grid, spot(grid, 1, im.COL_NAME))[1] is not grid          # frozen at 900
    tab.resize(1500, 500)                     # wide: nothing scrolls, the grid alone as before
    qtbot.wait(5)
    assert grid.horizontalScrollBar().maximum() == 0
    assert grid.frozen_view() is None
    assert seen_at(grid, spot(grid, 1, im.COL_NAME))[1:] == (grid, (1, im.COL_NAME))
    tab.resize(600, 500)
    qtbot.wait(5)
    # 三级指标 and 偏差原因 widened by the clerk: the names would take more than half, the rest
    # must be seen
    tab.widths.kept.update({im.COL_NAME: 400, im.COL_DEVIATION: 300})
    tab.widths.fit()
    qtbot.wait(5)
    assert sum(grid.columnWidth(c) for c in NAMES) > grid.viewport().width() / 2
    scroll_right(qtbot, grid)
    assert grid.frozen_view() is None
    widget, view, cell = seen_at(grid, spot(grid, 1, im.COL_LEVEL1, dx=3))
    assert view is grid and cell[1] > im.COL_NAME
    tab.widths.reset()                        # 恢复默认列宽
    tab.resize(900, 500)
    qtbot.wait(5)
    assert seen_at(grid, spot(grid, 1, im.COL_NAME))[1:] == (grid.frozen_view(), (1, im.COL_NAME))


def test_the_department_indicator_grid_freezes_its_names_too(qtbot, tmp_path):
    from selfeval_desktop.ui.tabs.department_tab import IndicatorsTab as DepartmentIndicators
    assert DepartmentIndicators is IndicatorsTab
    session = open_session(make_file(tmp_path, many_rows_document()))
    tab = IndicatorsTab(session, None, kind="department")
    qtbot.addWidget(tab)
    tab.set_project(session.document.projects[0].id)
    tab.resize(900, 500)
    tab.show()
    qtbot.waitExposed(tab)
    scroll_right(qtbot, tab.grid)
    widget, view, cell = seen_at(tab.grid, spot(tab.grid, 1, im.COL_NAME))
    assert view is tab.grid.frozen_view() and cell == (1, im.COL_NAME)
    session.conn.close()


def test_a_grid_that_never_scrolls_sideways_never_makes_the_frozen_view(qtbot, tmp_path):
    """The view over the names is made when first needed: a wide window (and the window's start,
    before the tab is shown) does not pay for it."""
    tab = open_many_rows_tab(qtbot, tmp_path, width=1800)
    assert tab.grid.horizontalScrollBar().maximum() == 0
    assert tab.grid._freeze is None and tab.grid.frozen_view() is None
    tab.resize(900, 500)
    qtbot.wait(5)
    scroll_right(qtbot, tab.grid)
    assert tab.grid.frozen_view() is not None
    assert seen_at(tab.grid, spot(tab.grid, 1, im.COL_NAME))[1] is tab.grid.frozen_view()
    tab.session.conn.close()


@pytest.mark.parametrize("mods", [Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier])
def test_home_goes_back_to_the_first_columns_as_in_excel(qtbot, tab, mods):
    """Home / Ctrl+Home put the cursor on 一级指标 but left the other
    columns scrolled to the far right."""
    grid = tab.grid
    grid.setCurrentIndex(grid.model().index(2, grid.model().columnCount() - 1))
    scroll_right(qtbot, grid)
    qtbot.keyClick(grid, Qt.Key.Key_Home, mods)
    assert at(grid) == ((0 if mods else 2), im.COL_LEVEL1)
    assert grid.horizontalScrollBar().value() == 0
    click(qtbot, grid, spot(grid, 3, im.COL_LEVEL1))
    scroll_right(qtbot, grid)
    click(qtbot, grid, spot(grid, 4, im.COL_LEVEL1))      # a click on a name does not scroll back
    assert grid.horizontalScrollBar().value() == grid.horizontalScrollBar().maximum()


def test_tab_past_the_last_column_shows_the_next_row_from_its_start(qtbot, tab):
    grid = tab.grid
    last = grid.model().columnCount() - 1
    grid.setCurrentIndex(grid.model().index(1, last))
    scroll_right(qtbot, grid)
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert at(grid) == (2, im.COL_LEVEL1)
    assert grid.horizontalScrollBar().value() == 0
