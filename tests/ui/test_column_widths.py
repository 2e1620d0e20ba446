"""The 绩效指标 grid's columns fit the clerk's screen (grid.widths) and no number is
shown cut (grid.number_cells), on the demo document as `selfeval-desktop --demo`
opens it.

Before: at 1366×768 偏差原因 was off the right edge (“偏差 / 及改” seen), at 1920×1080 at 150 %
none of it; at 1024×600 the frozen names took half the grid. With 10 rows and more, at 1366×768
at 150 %, 得分 was cut by the vertical scroll bar: 5.55 and 5.19 read “5.5” and “5.1(”.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.domain.model import Indicator
from selfeval_desktop.ui.grid.widths import fit_widths
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import QPoint, QRect, QStyle, Qt, QtWidgets

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
NUMBERS = (im.COL_WEIGHT, im.COL_SCORE, im.COL_OVERRIDE)
OFFICE_150 = (910, 512)        # 1366×768 at 150 %: what the screen leaves, in Qt's pixels
FULL_HD_150 = (1280, 720)      # 1920×1080 at 150 %


def open_demo(qtbot, tmp_path, size, seed="004", extra_rows=0):
    """The demo in a window of ``size`` on its 绩效指标 grid (seed 001: the 部门整体's 部门指标)
    — the project with most rows, ``extra_rows`` more scored 5.55 and 5.19 as in the finding.
    Windows opened in one ``tmp_path`` share their settings."""
    path = tmp_path / f"demo-{seed}-{extra_rows}.sqlite"
    write_demo(path, seed=seed)
    window = make_window(qtbot, tmp_path, path, show=False)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    session, page = window.session, window.page
    department = session.document.department
    pid = department.id if department is not None and seed == "001" else \
        max(session.document.project_list(), key=lambda p: len(p.indicators)).id
    if extra_rows:
        rows = [Indicator("产出指标", "数量指标", f"培训人次{n}", "≥100人次",
                          "92.5人次" if n % 2 else "86.5人次", Decimal(6))
                for n in range(extra_rows)]
        session.insert_rows("indicator", pid, None, rows)
    page.projects.select_pid(pid)
    if seed == "001":
        tab = page.department.indicators
    else:
        tab = page.tab_widgets["indicators"]
        page.tabs.setCurrentWidget(tab)
    grid = tab.grid
    qtbot.waitUntil(lambda: not grid._fitter._pending, timeout=5000)   # rows fitted (grid.fit)
    qtbot.wait(50)                     # … and the widths to the grid
    return window, grid


def out_of_view(grid) -> list[str]:
    header, right = grid.horizontalHeader(), grid.viewport().width()
    return [im.HEADERS[c] for c in range(header.count())
            if header.sectionViewportPosition(c) < 0
            or header.sectionViewportPosition(c) + header.sectionSize(c) > right]


def text_room(grid, text: str) -> int:
    """The width a cell needs to show ``text`` whole: the text and the cell's margins."""
    margin = grid.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, grid) + 1
    return grid.fontMetrics().horizontalAdvance(text) + 2 * margin


@pytest.mark.parametrize("seed, extra_rows", [("004", 0), ("004", 3), ("004", 95), ("001", 0)])
def test_at_1366x768_every_column_is_in_view_without_scrolling(qtbot, tmp_path, seed,
                                                               extra_rows):
    """Row numbers of one, two and three digits (the 部门整体 has 14 rows), with and without
    the vertical scroll bar."""
    window, grid = open_demo(qtbot, tmp_path, (1366, 768), seed, extra_rows)
    assert out_of_view(grid) == []
    assert grid.horizontalScrollBar().maximum() == 0
    # the names still readable: every heading whole, 三级指标 and 偏差原因 the widest text columns
    header = grid.horizontalHeader()
    for col in range(header.count()):
        title = str(grid.model().headerData(col, Qt.Orientation.Horizontal))
        assert header.sectionSize(col) >= max(header.fontMetrics().horizontalAdvance(line)
                                              for line in title.split("\n")), title
    assert grid.columnWidth(im.COL_DEVIATION) >= 200
    assert grid.columnWidth(im.COL_NAME) >= 10 * grid.fontMetrics().horizontalAdvance("指")
    model = grid.model()
    for col in NUMBERS:       # each number whole (the column in view: not under the scroll bar)
        for row in range(model.rowCount()):
            value = model.index(row, col).data()
            assert grid.columnWidth(col) >= text_room(grid, value or ""), (row, col, value)


def test_at_1920x1080_at_150_percent_every_column_is_in_view_too(qtbot, tmp_path):
    window, grid = open_demo(qtbot, tmp_path, FULL_HD_150, "001")
    assert out_of_view(grid) == []


@pytest.mark.parametrize("extra_rows", [3, 95])          # row numbers of two and three digits
def test_the_score_column_shows_each_value_whole_beside_the_scroll_bar(qtbot, tmp_path,
                                                                       extra_rows):
    """Where the finding was seen: 1366×768 at 150 % (at 100 %: the test above)."""
    window, grid = open_demo(qtbot, tmp_path, OFFICE_150, extra_rows=extra_rows)
    model = grid.model()
    assert grid.verticalScrollBar().isVisible()
    values = [model.index(r, im.COL_SCORE).data() for r in range(model.rowCount())]
    assert "5.55" in values and "5.19" in values
    header = grid.horizontalHeader()
    right = header.sectionViewportPosition(im.COL_SCORE) + header.sectionSize(im.COL_SCORE)
    assert right <= grid.viewport().width()       # not under the vertical scroll bar
    for value in filter(None, values):
        assert grid.columnWidth(im.COL_SCORE) >= text_room(grid, value), value


class Recording(QtWidgets.QProxyStyle):
    """The grid's style, noting each cell it draws: (row, column, text, rect, whether a text too
    long for the rect is shortened with “…” — not wrapped, not drawn cut)."""

    def __init__(self):
        super().__init__()
        self.cells: list[tuple[int, int, str, QRect, bool]] = []

    def drawControl(self, element, option, painter, widget=None):  # noqa: N802 - Qt override
        if element == QStyle.ControlElement.CE_ItemViewItem:
            wraps = bool(option.features & option.ViewItemFeature.WrapText)
            shortened = not wraps and option.textElideMode != Qt.TextElideMode.ElideNone
            self.cells.append((option.index.row(), option.index.column(), option.text,
                               QRect(option.rect), shortened))
        super().drawControl(element, option, painter, widget)


def cut_numbers(grid, style) -> list[str]:
    """The number cells drawn cut: their text drawn where only part of it is seen (at the
    viewport's right edge, by the vertical scroll bar, or under the frozen names)."""
    style.cells.clear()
    grid.viewport().grab()
    seen = grid.viewport().rect()
    frozen = grid.frozen_view()
    cut = []
    for row, col, text, rect, shortened in style.cells:
        if col not in NUMBERS or not text:
            continue
        area = QRect(seen.left(), rect.top(), seen.width(), rect.height())   # sideways only
        if frozen is not None:
            area.setLeft(frozen.width())
        if not rect.intersects(area):
            continue                   # not seen at all
        if not area.contains(rect) or rect.width() < text_room(grid, text) and not shortened:
            cut.append(f"第{row + 1}行 {im.HEADERS[col]} “{text}” 只显示 "
                       f"{rect.intersected(area).width()}/{text_room(grid, text)} px")
    return cut


@pytest.mark.parametrize("size", [FULL_HD_150, (1024, 600), OFFICE_150])
def test_no_number_is_ever_drawn_cut(qtbot, tmp_path, size):
    """Whatever the window and the sideways scroll: each 分值/得分/调整后得分 is drawn whole where
    it is seen, or shortened with “…” — never the part of it that is seen (“5.5” for 5.55).
    (At 1366×768 nothing scrolls: the test above.)"""
    for seed, extra_rows in (("004", 3), ("004", 95), ("001", 0)):
        window, grid = open_demo(qtbot, tmp_path, size, seed, extra_rows)
        style = Recording()
        grid.setStyle(style)
        bar = grid.horizontalScrollBar()
        for value in [*range(0, bar.maximum(), 13), bar.maximum()]:
            bar.setValue(value)
            assert cut_numbers(grid, style) == [], (seed, extra_rows, value)
        window.close()


def test_at_1024x600_the_names_leave_room_and_deviation_has_a_useful_width(qtbot, tmp_path):
    window, grid = open_demo(qtbot, tmp_path, (1024, 600), "001")
    names = sum(grid.columnWidth(c) for c in (im.COL_LEVEL1, im.COL_LEVEL2, im.COL_NAME))
    assert names <= 0.4 * grid.viewport().width()
    bar = grid.horizontalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(10)
    frozen = grid.frozen_view()
    assert frozen is not None and frozen.width() == names
    header = grid.horizontalHeader()
    left = header.sectionViewportPosition(im.COL_DEVIATION)
    assert left >= names and left + header.sectionSize(im.COL_DEVIATION) <= grid.viewport().width()
    assert grid.columnWidth(im.COL_DEVIATION) >= 200


def test_a_column_widened_by_the_clerk_keeps_its_width_and_the_others_make_room(qtbot, tmp_path):
    window, grid = open_demo(qtbot, tmp_path, (1366, 768))
    header = grid.horizontalHeader()
    edge = header.sectionViewportPosition(im.COL_NAME) + header.sectionSize(im.COL_NAME) - 1
    y = header.height() // 2
    wide = grid.columnWidth(im.COL_NAME) + 80
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + 40, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + 80, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 80, y))
    qtbot.wait(300)                    # the drag is over: the other columns fitted again
    assert grid.columnWidth(im.COL_NAME) == wide
    assert out_of_view(grid) == []
    assert grid.horizontalScrollBar().maximum() == 0
    window.close()
    # the next time, the same width (remembered in the settings)
    again, grid = open_demo(qtbot, tmp_path, (1366, 768))
    assert grid.columnWidth(im.COL_NAME) == wide
    # 恢复默认列宽 (the header's context menu): fitted again
    grid.parentWidget().widths.reset()
    assert grid.columnWidth(im.COL_NAME) < wide
    assert out_of_view(grid) == []


def test_the_widths_add_up_to_the_room_around_a_dragged_one():
    narrowest, shares = {0: 50, 1: 50, 2: 100}, {0: 1, 1: 0, 2: 3}
    assert fit_widths(300, narrowest, shares, {}) == {0: 75, 1: 50, 2: 175}
    assert fit_widths(301, narrowest, shares, {}, wide=2) == {0: 75, 1: 50, 2: 176}
    assert fit_widths(300, narrowest, shares, {2: 120}) == {0: 130, 1: 50, 2: 120}
    # too narrow for them all: the grid scrolls, the wide column as wide as what is seen right
    # of the frozen ones (its width at most)
    assert fit_widths(180, narrowest, shares, {}, wide=2, wide_width=240, frozen=1) == \
        {0: 50, 1: 50, 2: 130}
    assert fit_widths(190, narrowest, shares, {}, wide=2, wide_width=120, frozen=1)[2] == 120
    # a column dragged a little past the room left: the wide one stays at its narrowest, not
    # made 240 px and pushed off the right edge
    assert fit_widths(300, narrowest, shares, {0: 160}, wide=2, wide_width=240, frozen=1) == \
        {0: 160, 1: 50, 2: 100}
