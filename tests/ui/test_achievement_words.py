"""In the window, 达成情况 takes a choice wherever no numbers compare —
部门整体 rows without a 年度指标值 (seed 001, judged by a 评分标准) and actuals in words (seed 004) —
so seed 001 reaches the paper's 99 by typing, not by invented targets; a key on a 达成情况 cell
that takes none says why; 达成 typed a character at a time flashes no tooltip."""
from __future__ import annotations

from decimal import Decimal

import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.department import new_department
from selfeval_desktop.domain.model import Indicator
from selfeval_desktop.ui import delegates
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.models.base import ErrorRole
from selfeval_desktop.ui.qt import QApplication, Qt

from tests.ui.real_keys import K, key
from tests.ui.shell_helpers import (OFFSCREEN_NOISE, focus, make_window, show_grid, type_cell,
                                    type_ime)
from tests.ui.ui_fixtures import make_file, reread, sample_document, with_department

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support")


def department_grid(qtbot, tmp_path, doc):
    window = make_window(qtbot, tmp_path, make_file(tmp_path, doc))
    window.page.projects.select_pid(window.session.document.department.id)
    grid = window.page.department.indicators.grid
    focus(qtbot, grid)
    return window, grid


def stored(path, name):
    dept = reread(path).department
    return next(ind for ind in dept.indicators if ind.name == name)


def choose(qtbot, grid, row, k=K.Key_1):
    grid.setCurrentIndex(grid.model().index(row, im.COL_ACHIEVEMENT))
    key(qtbot, k)
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState, timeout=2000)




def editable(grid, row, col=im.COL_ACHIEVEMENT):
    return bool(grid.model().flags(grid.model().index(row, col)) & Qt.ItemFlag.ItemIsEditable)


# ------------------------------------------------------------------ 部门整体 without targets

def test_a_new_department_row_takes_a_typed_achievement_and_scores(qtbot, tmp_path):
    """On a new 部门整体 typing 1 on 预算编制完整性's 达成情况 stored nothing."""
    doc = sample_document()
    doc.projects.insert(0, new_department(doc))
    window, grid = department_grid(qtbot, tmp_path, doc)
    model = grid.model()
    assert all(editable(grid, r) for r in range(len(doc.projects[0].indicators)))
    # no target, no choice: the choice says both ways out — in its tooltip while no row is begun
    # (not red before anything is typed), red once the department is begun
    why = model.index(0, im.COL_ACHIEVEMENT).data(Qt.ItemDataRole.ToolTipRole)
    assert why and "选择达成情况" in why
    assert not model.index(0, im.COL_ACHIEVEMENT).data(ErrorRole)
    assert not model.index(0, im.COL_TARGET).data(ErrorRole)
    choose(qtbot, grid, 0)
    ind = stored(window.session.path, "预算编制完整性")
    assert ind.achievement == "达成"
    assert model.index(0, im.COL_SCORE).data() == str(ind.weight.quantize(Decimal("0.01")))
    assert not model.index(0, im.COL_ACHIEVEMENT).data(ErrorRole)
    why = model.index(1, im.COL_ACHIEVEMENT).data(ErrorRole)
    assert why and "选择达成情况" in why


def test_seed_001_reaches_the_papers_99_by_typing_achievements(qtbot, tmp_path):
    """The department showed 15.00 / — against the paper's 99. Choosing 达成 on the
    rows the report judges met, and 调整后得分 11.5 with the report's reason on 预算调整率 (扣 1 分),
    gives 99.00 / 优 — no target invented."""
    doc = build_demo("001")
    window, grid = department_grid(qtbot, tmp_path, doc)
    session, pid = window.session, window.page.pid
    rows = session.project(pid).indicators
    assert session.score(pid).provisional
    for row, ind in enumerate(rows):
        if not ind.achievement:
            assert editable(grid, row), ind.name
            choose(qtbot, grid, row)
    adjust = next(r for r, ind in enumerate(rows) if ind.name == "预算调整率")
    type_cell(qtbot, grid, adjust, im.COL_OVERRIDE, "11.5")
    type_cell(qtbot, grid, adjust, im.COL_REASON, "预算调整率未达标，扣1分")
    score = session.score(pid)
    assert (score.total, score.grade, score.provisional) == (Decimal("99.00"), "优", False)
    assert grid.model().index(adjust, im.COL_SCORE).data() == "11.50"
    on_disk = stored(window.session.path, "预算调整率")
    assert on_disk.override == Decimal("11.5") and on_disk.achievement == "达成"


def test_a_key_on_a_department_achievement_that_takes_none_says_why(qtbot, tmp_path):
    """The key was dropped silently on a 部门整体 row; a row scored by its numbers says why."""
    window, grid = department_grid(qtbot, tmp_path, with_department())
    assert not editable(grid, 0)                      # 预算调整率 ≤5% / 3%: numbers compare
    grid.setCurrentIndex(grid.model().index(0, im.COL_ACHIEVEMENT))
    key(qtbot, K.Key_1)
    assert "本行按实际完成值与年度指标值计分" in window.statusBar().currentMessage()
    assert not window.session.project(window.page.pid).indicators[0].achievement


# ------------------------------------------------------------------ seed 004's words

def project_with(rows):
    doc = sample_document()
    doc.projects[0].indicators = rows
    return doc


def test_seed_004_words_score_in_the_window_without_red_cells(qtbot, tmp_path):
    rows = [Indicator("产出指标", "时效指标", "资金下达时间", "不超过360天", "未超过360天", Decimal(20)),
            Indicator("产出指标", "成本指标", "超预算金额", "不高于5万元", "未超预算", Decimal(20)),
            Indicator("产出指标", "时效指标", "拨付资金时间", "2021年12月前", "12月前完成拨付",
                      Decimal(20)),
            Indicator("产出指标", "数量指标", "举办创新创业活动", "≥6场", "圆满完成", Decimal(30))]
    window = make_window(qtbot, tmp_path, make_file(tmp_path, project_with(rows)))
    grid = show_grid(qtbot, window, "indicators")
    model = grid.model()
    for row in range(3):
        assert model.index(row, im.COL_SCORE).data() == "20.00", rows[row].name
        assert [model.index(row, c).data(ErrorRole) for c in range(model.columnCount())] == [None] * 11
        assert not editable(grid, row)                # scored from the value: no choice needed
    # words against a number: the choice is where the row is asked about, and it takes one
    assert not model.index(3, im.COL_ACTUAL).data(ErrorRole)
    assert "选择达成情况" in model.index(3, im.COL_ACHIEVEMENT).data(ErrorRole)
    assert editable(grid, 3)
    choose(qtbot, grid, 3)
    assert model.index(3, im.COL_SCORE).data() == "30.00"
    assert window.session.project(window.page.pid).indicators[3].achievement == "达成"


def test_an_unreadable_actual_says_the_choice_and_takes_it(qtbot, tmp_path):
    """参会人员预期 108 人，实际全国 108 个单位代表参会 (seed 004)."""
    rows = [Indicator("产出指标", "数量指标", "参会人员", "108人", "108个单位代表", Decimal(90))]
    window = make_window(qtbot, tmp_path, make_file(tmp_path, project_with(rows)))
    grid = show_grid(qtbot, window, "indicators")
    model = grid.model()
    assert "也可选择达成情况" in model.index(0, im.COL_ACTUAL).data(ErrorRole)
    assert editable(grid, 0)
    choose(qtbot, grid, 0, K.Key_2)
    assert window.session.project(window.page.pid).indicators[0].achievement == "部分达成"
    assert model.index(0, im.COL_SCORE).data() == "71.99"
    assert not model.index(0, im.COL_ACTUAL).data(ErrorRole)


# ------------------------------------------------------------------ polish: no tooltip for 成

@pytest.fixture
def tips(monkeypatch):
    shown = []

    class Recorder:
        @staticmethod
        def showText(_pos, text, *_args):      # noqa: N802 - Qt's name
            shown.append(text)

    monkeypatch.setattr(delegates, "QToolTip", Recorder)
    return shown


@pytest.mark.parametrize("chars, chosen", [("达成", "达成"), ("未达成", "未达成"),
                                           ("部分达成", "部分达成")])
def test_a_choice_typed_one_character_at_a_time_flashes_no_tooltip(qtbot, tmp_path, tips,
                                                                   chars, chosen):
    """xdotool (or an input method committing each character) typing 达成: 达 chose at once and
    closed the cell, 成 opened it again and flashed “成”不是可选的达成情况; 未 · 达 · 成 ended as 达成."""
    doc = sample_document()
    doc.projects.insert(0, new_department(doc))
    window, grid = department_grid(qtbot, tmp_path, doc)
    grid.setCurrentIndex(grid.model().index(0, im.COL_ACHIEVEMENT))
    for ch in chars:
        type_ime(QApplication.focusWidget(), ch)
        qtbot.wait(30)                                # the cell closes between characters
    qtbot.waitUntil(lambda: grid.state() != grid.State.EditingState, timeout=2000)
    assert window.session.project(window.page.pid).indicators[0].achievement == chosen
    assert tips == []


def test_text_that_is_no_choice_still_says_so(qtbot, tmp_path, tips):
    doc = sample_document()
    doc.projects.insert(0, new_department(doc))
    window, grid = department_grid(qtbot, tmp_path, doc)
    grid.setCurrentIndex(grid.model().index(0, im.COL_ACHIEVEMENT))
    type_ime(QApplication.focusWidget(), "很好")
    qtbot.wait(30)
    assert tips and "“很好”不是可选的达成情况" in tips[0]
    assert not window.session.project(window.page.pid).indicators[0].achievement
