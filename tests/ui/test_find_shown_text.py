"""查找 searches what the 绩效指标 grid shows (domain.find re-implements it without Qt): 一级/二级
repeating the row above drawn once as merged cells, 分值 as “50.00”. This test pins it:
the two agreed, but only by being written twice, and a change to either would make Ctrl+F find
words the clerk cannot see, or miss ones she can. Computed cells (得分, a 定性 row's grey
“达成（按实际完成值）”) are shown, not typed, and not searched."""
from __future__ import annotations

import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain import find
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import QStyleOptionViewItem, Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def shown(grid, row: int, col: int) -> str:
    """The text the grid draws in a cell (its delegate's, as painted)."""
    index = grid.model().index(row, col)
    option = QStyleOptionViewItem()
    grid.itemDelegateForIndex(index).initStyleOption(option, index)
    return option.text


@pytest.mark.parametrize("number", ["000", "004"])
def test_find_searches_the_indicator_cells_as_the_grid_shows_them(qtbot, tmp_path, number):
    window = make_window(qtbot, tmp_path, make_file(tmp_path, build_demo(number)))
    doc = window.session.document
    project = next(p for p in doc.projects if len(p.indicators) > 6)
    window.page.projects.select_pid(project.id)
    grid = window.page.tab_widgets["indicators"].grid
    searched = {(order[1], find.INDICATOR_FIELDS[order[2]]): text
                for order, text, *_rest in find._indicator_cells(doc, project, 2)}
    drawn = {}
    for row in range(len(project.indicators)):
        for attr in find.INDICATOR_FIELDS:
            col = im.FIELD_COLUMNS[attr]
            text = shown(grid, row, col)
            typed = grid.model().data(grid.model().index(row, col), Qt.ItemDataRole.EditRole)
            if text and typed not in (None, ""):   # not a computed hint (达成（按实际完成值）)
                drawn[(row, attr)] = text
    assert searched == drawn
    # what the pin is about: merged headings drawn once, and 分值 with two decimals
    assert sum(attr == "level1" for _row, attr in drawn) < len(project.indicators)
    assert all("." in text for (_row, attr), text in drawn.items() if attr == "weight")
