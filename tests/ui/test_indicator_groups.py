"""A 产出指标 row typed in the 新 row lands after 满意度指标, and the printed 自评表 then
shows 产出指标 twice. The 问题清单 says so and 按一级指标归类 puts the rows together in one step."""
from __future__ import annotations

import pytest

from selfeval_desktop.domain.checks import check_project
from selfeval_desktop.domain.indicator_order import grouped_order, split_groups
from selfeval_desktop.domain.model import Indicator
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import Qt

from tests.ui.shell_helpers import type_cell
from tests.ui.ui_fixtures import indicators, reread

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")


def test_split_headings_are_found_and_regrouped_stably():
    rows = [Indicator("产出指标", "质量指标", "a"), Indicator("效益指标", "社会效益指标", "b"),
            Indicator("满意度指标", "满意度", "c"), Indicator("产出指标", "数量指标", "d"),
            Indicator("", "", "e")]                                 # blank: under the one above
    assert split_groups(rows) == [("产出指标", [(0, 0), (3, 4)])]
    assert grouped_order(rows) == [0, 3, 4, 1, 2]
    # within the 一级, each 二级's rows together too
    rows = [Indicator("产出指标", "数量指标", "a"), Indicator("产出指标", "质量指标", "b"),
            Indicator("效益指标", "社会效益指标", "c"), Indicator("产出指标", "数量指标", "d")]
    assert grouped_order(rows) == [0, 3, 1, 2]
    together = [rows[i] for i in grouped_order(rows)]
    assert split_groups(together) == []


def test_a_row_typed_in_the_new_row_is_said_and_regrouped_in_one_undo_step(qtbot, tab, path):
    session = tab.session
    assert tab.group_button.isHidden()
    names = [i.name for i in indicators(path)]              # 产出, 产出, 效益, 满意度
    new = tab.model.blank_row()
    type_cell(qtbot, tab.grid, new, im.COL_LEVEL1, "产出指标")
    type_cell(qtbot, tab.grid, new, im.COL_NAME, "入库专家人数")
    project = session.project(tab.pid)
    found = [f for f in check_project(session.document, project) if f.code == "indicator_groups_split"]
    assert len(found) == 1 and "“产出指标”" in found[0].message and "第1–2行和第5行" in found[0].message
    assert found[0].place.row == 4
    assert tab.group_button.isVisibleTo(tab)
    # the message sent the clerk below the grid; the button is above it
    assert "表上方的“按一级指标归类”" in found[0].message
    assert tab.group_button.mapTo(tab, tab.group_button.rect().bottomLeft()).y() \
        < tab.grid.mapTo(tab, tab.grid.rect().topLeft()).y()
    tab.grid.setCurrentIndex(tab.model.index(4, im.COL_NAME))
    count = session.undo_stack.count()
    tab.group_button.click()
    assert [i.name for i in indicators(path)] == names[:2] + ["入库专家人数"] + names[2:]
    assert session.undo_stack.count() == count + 1
    assert tab.grid.currentIndex().row() == 2               # the cursor went with its row
    assert tab.group_button.isHidden()
    session.undo_stack.undo()
    assert [i.name for i in reread(path).projects[0].indicators] == names + ["入库专家人数"]


def test_the_row_buttons_give_the_keys_back_to_the_grid(qtbot, tab):
    tab.grid.setCurrentIndex(tab.model.index(1, im.COL_NAME))
    tab.add_button.setFocus()
    tab.add_button.click()
    assert tab.grid.hasFocus()
    assert tab.grid.currentIndex().row() == 2 and tab.model.index(2, im.COL_NAME).data() in ("", None)
    qtbot.keyClicks(tab.grid, "x")                           # typing goes into the new row
    assert tab.grid.indexWidget(tab.grid.currentIndex()) is not None
    qtbot.keyClick(tab.grid.indexWidget(tab.grid.currentIndex()), Qt.Key.Key_Escape)
