"""绩效指标 tab driven as a clerk would: typing, Chinese input, paste, 平均分配, templates, undo."""
from __future__ import annotations

from decimal import Decimal

import pytest

from selfeval_desktop.domain.values import parse_value
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.qt import (QApplication, QGuiApplication, QItemSelection,
                                    QItemSelectionModel, Qt)
from selfeval_desktop.ui.tabs.indicator_templates import load_templates

from tests.ui.shell_helpers import texts_of, type_cell
from tests.ui.ui_fixtures import indicators, reread

# the offscreen platform cannot size windows; Qt says so as a warning, which is no fault of ours
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")


def summary_text(tab) -> str:
    """The 一级指标分值 line as read (its rich text kept together with &nbsp; and word joiners)."""
    return tab.summary.text().replace("&nbsp;", " ").replace("\u2060", "")


def test_editing_an_actual_changes_score_and_grade_live_and_on_disk(qtbot, tab, path):
    session = tab.session
    pid = tab.pid
    before = (session.score(pid).total, session.score(pid).grade)
    type_cell(qtbot, tab.grid, 0, im.COL_ACTUAL, "1")
    assert indicators(path)[0].actual == "1"
    after = session.score(pid)
    assert after.total < before[0]
    assert tab.grade_label.text() == f"{after.total} {after.grade}"
    assert tab.model.data(tab.model.index(0, im.COL_SCORE)) == str(after.indicators[0].score)
    session.undo_stack.undo()
    assert indicators(path)[0].actual == "4次"
    assert tab.grade_label.text() == f"{before[0]} {before[1]}"
    session.undo_stack.redo()
    assert indicators(path)[0].actual == "1"


def test_chinese_typed_by_an_input_method(qtbot, tab, path):
    type_cell(qtbot, tab.grid, 2, im.COL_ACTUAL, "基本达成")
    type_cell(qtbot, tab.grid, 2, im.COL_DEVIATION, "宣传覆盖面不足，下年度加强")
    rows = indicators(path)
    assert rows[2].actual == "基本达成"
    assert rows[2].deviation == "宣传覆盖面不足，下年度加强"


def test_abc_in_weight_is_red_kept_and_persisted(qtbot, tab, path):
    type_cell(qtbot, tab.grid, 1, im.COL_WEIGHT, "abc")
    index = tab.model.index(1, im.COL_WEIGHT)
    assert tab.model.data(index) == "abc"
    assert tab.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert "数字" in tab.model.data(index, Qt.ItemDataRole.ToolTipRole)
    row_id = indicators(path)[1].id
    assert reread(path).projects[0].unread[f"indicator:{row_id}:weight"] == "abc"
    assert indicators(path)[1].weight is None        # red: counts as empty, not the old 25


def test_level_one_sums_against_the_profile(qtbot, tab):
    assert "产出 50.00 / 50 ✓" in summary_text(tab)
    type_cell(qtbot, tab.grid, 0, im.COL_WEIGHT, "20")
    assert "产出 45.00 / 50 ✗" in summary_text(tab)


def test_without_satisfaction_rows_the_summary_says_where_their_points_go(qtbot, tab, path):
    """“效益 / 40” beside a guide saying 效益 30 + 满意度 10 read as a contradiction."""
    project = tab.session.project(tab.pid)
    for row in reversed(range(len(project.indicators))):
        if project.indicators[row].level1 == "满意度指标":
            tab.model.removeRows(row, 1)
    text = summary_text(tab)
    assert "效益" in text and "/ 40" in text and "尚无满意度指标：其 10 分计入效益指标" in text


def test_paste_3x5_block_from_clipboard_grows_rows(qtbot, tab, path):
    block = [["产出指标", "数量指标", "科普活动场次", "≥12场", "13场"],
             ["产出指标", "质量指标", "专利授权数", "不少于5件", "6件"],
             ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%"]]
    QGuiApplication.clipboard().setText("\r\n".join("\t".join(r) for r in block))
    tab.grid.setCurrentIndex(tab.model.index(2, im.COL_LEVEL1))
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = indicators(path)
    assert len(rows) == 5
    assert [[r.level1, r.level2, r.name, r.target, r.actual] for r in rows[2:]] == block
    tab.session.undo_stack.undo()
    assert [r.name for r in indicators(path)][2:] == ["科技服务水平", "服务对象满意度"]


def test_a_block_copied_with_merged_level_cells_is_filled_down(qtbot, tab, path):
    """WPS copies merged 一级/二级 cells as text in the first row and blanks below; the
    pasted rows came in with no 一级, the banner counted them nowhere. Filled as 导入Excel reads them."""
    block = [["产出指标", "数量指标", "举办学术交流活动", "≥4次", "5次"],
             ["", "", "培训人数", "≥50人", "54人"],
             ["", "质量指标", "活动满意度", "≥90%", "95%"],
             ["效益指标", "社会效益指标", "科普覆盖人群", "有效提升", "达成"],
             ["", "", "", "", ""],                          # a spacer row stays blank
             ["", "可持续影响指标", "长效机制", "建立", "已建立"]]
    QGuiApplication.clipboard().setText("\r\n".join("\t".join(r) for r in block))
    tab.grid.setCurrentIndex(tab.model.index(2, im.COL_LEVEL1))
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = indicators(path)[2:8]
    assert [(r.level1, r.level2, r.name) for r in rows] == [
        ("产出指标", "数量指标", "举办学术交流活动"), ("产出指标", "数量指标", "培训人数"),
        ("产出指标", "质量指标", "活动满意度"), ("效益指标", "社会效益指标", "科普覆盖人群"),
        ("", "", ""), ("效益指标", "可持续影响指标", "长效机制")]
    assert "按上一行填充" in tab.grid.message            # said in the status bar
    tab.session.undo_stack.undo()                        # still one undo step
    assert [r.name for r in indicators(path)][2:] == ["科技服务水平", "服务对象满意度"]


def test_a_pasted_block_continues_the_group_of_the_row_above(qtbot, tab, path):
    above = indicators(path)[1]
    QGuiApplication.clipboard().setText("\t\t新指标\t≥1个\t1个")
    tab.grid.setCurrentIndex(tab.model.index(2, im.COL_LEVEL1))
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    new = indicators(path)[2]
    assert (new.level1, new.level2, new.name) == (above.level1, above.level2, "新指标")


def test_rows_in_the_mof_sheets_column_order_keep_their_deviation_reasons(qtbot, tab, path):
    """The 项目支出绩效自评表 ends 分值 | 得分 | 偏差原因; pasted here the reasons landed on
    达成情况, were refused and stored nowhere, with no word said."""
    block = [["产出指标", "数量指标", "线下讲座场次", "≥4场", "1场", "10", "2.5", "受疫情影响，改为线上"],
             ["效益指标", "社会效益指标", "参与人次", "≥200人次", "150人次", "10", "7.5", "政策调整"]]
    QGuiApplication.clipboard().setText("\n".join("\t".join(r) for r in block))
    tab.grid.setCurrentIndex(tab.model.index(4, im.COL_LEVEL1))     # the 新 row
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = indicators(path)[4:]
    assert [r.deviation for r in rows] == ["受疫情影响，改为线上", "政策调整"]
    assert [r.achievement for r in rows] == [None, None]
    assert "偏差原因" in tab.grid.message


def test_a_header_row_copied_along_maps_the_columns_and_is_not_pasted(qtbot, tab, path):
    """The sheet's header row became indicator row “一级指标 / … / 分值” (分值 red), and
    the data row's 偏差原因 was still lost."""
    block = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施"],
             ["产出指标", "数量指标", "户外科普活动", "≥3次", "2次", "10", "6.67", "天气原因部分活动取消"]]
    QGuiApplication.clipboard().setText("\n".join("\t".join(r) for r in block))
    tab.grid.setCurrentIndex(tab.model.index(4, im.COL_LEVEL1))
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = indicators(path)[4:]
    assert len(rows) == 1 and rows[0].name == "户外科普活动"
    assert rows[0].weight == Decimal("10") and rows[0].deviation == "天气原因部分活动取消"
    assert "列标题" in tab.grid.message


def test_a_total_row_copied_along_is_not_pasted_as_an_indicator(qtbot, tab, path):
    """A table's last row “合计 … 90 90” became an indicator of 90 points, and the
    分值 total read 180."""
    block = [["产出指标", "数量指标", "入库专家人数", "≥50人", "54人", "10", "10"],
             ["效益指标", "社会效益指标", "决策参考", "有效提供", "达到预期目标", "30", "30"],
             ["合计", "", "", "", "", "40", "40"]]
    QGuiApplication.clipboard().setText("\n".join("\t".join(r) for r in block))
    tab.grid.setCurrentIndex(tab.model.index(4, im.COL_LEVEL1))
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = indicators(path)[4:]
    assert [r.name for r in rows] == ["入库专家人数", "决策参考"]
    assert "1 行“合计/总分”未作为指标粘贴" in tab.grid.message
    QGuiApplication.clipboard().setText("总分\t\t\t\t\t100\t93.5")
    tab.grid.setCurrentIndex(tab.model.index(6, im.COL_LEVEL1))
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(indicators(path)) == 6 and "没有粘贴任何内容" in tab.grid.message


def test_the_grids_own_columns_pasted_back_keep_their_achievement(qtbot, tab, path):
    block = [["效益指标", "社会效益指标", "服务覆盖面", "扩大", "已扩大", "10", "", "部分达成"]]
    QGuiApplication.clipboard().setText("\t".join(block[0]))
    tab.grid.setCurrentIndex(tab.model.index(4, im.COL_LEVEL1))
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    new = indicators(path)[4]
    assert new.achievement == "部分达成" and new.deviation == ""


def test_pasted_text_a_column_cannot_take_is_said_not_silently_dropped(qtbot, tab, path):
    QGuiApplication.clipboard().setText("很好\t调整\t理由")       # 达成情况 | 调整后得分 | 调整理由
    tab.grid.setCurrentIndex(tab.model.index(0, im.COL_ACHIEVEMENT))
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "“达成情况”列 1 格未粘贴" in tab.grid.message
    assert indicators(path)[0].override_reason == "理由"


def test_a_block_wider_than_the_columns_left_says_what_did_not_fit(qtbot, tab, path):
    """Pasted one column too far right, the last columns (偏差原因 …) went without a word."""
    last = tab.model.columnCount() - 1
    QGuiApplication.clipboard().setText("偏差说明\t多出来的一列\t再一列\t\t\r\n")   # trailing tabs: nothing
    tab.grid.setCurrentIndex(tab.model.index(0, last))
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "超出表格右边 2 列，这 2 格未粘贴" in tab.grid.message
    assert indicators(path)[0].deviation == "偏差说明"


def test_what_a_paste_left_out_is_said_first_and_stays(qtbot, tab, path):
    """The part saying what was not pasted came last in one long status line, cut off
    at the window's edge, and went after ten seconds."""
    QGuiApplication.clipboard().setText("举办讲座\t≥4次\t3次\t20\t99\t很好\t\t\t\t多1\t多2\t多3\r\n")
    tab.grid.setCurrentIndex(tab.model.index(0, im.COL_NAME))
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert tab.grid.message.startswith("有内容未粘贴：复制的内容超出表格右边")
    assert "“得分”列 1 格未粘贴" in tab.grid.message


def test_a_blank_line_at_the_end_of_a_copy_adds_no_row(qtbot, tab, path):
    before = len(indicators(path))
    QGuiApplication.clipboard().setText("产出指标\t数量指标\t新指标\t≥1次\t1次\t5\r\n\r\n")
    tab.grid.setCurrentIndex(tab.model.index(before, im.COL_LEVEL1))   # the 新 row
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [i.name for i in indicators(path)[before:]] == ["新指标"]


def test_even_split_is_one_undo_step(qtbot, tab, path):
    session = tab.session
    session.insert_rows("indicator", tab.pid, 2, [session.project(tab.pid).indicators[0].__class__(
        "产出指标", "时效指标", "完成时间", "12月底前")])
    count = session.undo_stack.count()
    tab.even_button.click()
    weights = [r.weight for r in indicators(path)]
    assert weights[:3] == [Decimal("16.67"), Decimal("16.67"), Decimal("16.66")]
    assert "产出 50.00 / 50 ✓" in summary_text(tab)
    assert session.undo_stack.count() == count + 1
    session.undo_stack.undo()
    assert [r.weight for r in indicators(path)][:3] == [Decimal(25), Decimal(25), None]


def test_even_split_keeps_an_unknown_headings_weight_and_twice_is_once(qtbot, tab, path):
    """A row under a heading the rule does not have keeps its 分值; a second 平均分配 changes
    nothing and adds no undo step (what domain.weights.apply_even_split was tested for; the
    window never called it)."""
    session = tab.session
    first = session.project(tab.pid).indicators[0]
    session.set_value("indicator", tab.pid, first.id, "level1", "其他指标")
    session.set_value("indicator", tab.pid, first.id, "weight", "5")
    tab.even_button.click()
    weights = [r.weight for r in indicators(path)]
    assert weights[0] == Decimal(5) and weights[1] == Decimal(50)
    count = session.undo_stack.count()
    tab.even_button.click()
    assert session.undo_stack.count() == count
    assert [r.weight for r in indicators(path)] == weights


def test_templates_are_common_science_indicators_that_parse(qtbot, tab, path):
    groups = load_templates()
    items = [(g, name, target) for g in groups for name, target in g.items]
    assert len(items) >= 30
    names = {name for _, name, _ in items}
    for wanted in ("科技项目申报数量", "培训人次", "高新技术企业认定数量", "资金拨付及时率",
                   "服务对象满意度"):
        assert wanted in names
    assert all(parse_value(t).error is None for _, _, t in items)
    satisfaction = next(g for g in groups if g.level1 == "满意度指标")
    tab.grid.setCurrentIndex(tab.model.index(0, im.COL_NAME))
    count = tab.session.undo_stack.count()
    tab.insert_template(satisfaction)
    rows = indicators(path)       # after the 满意度 row (the last), not below the cursor
    assert [r.name for r in rows[4:4 + len(satisfaction.items)]] == [n for n, _ in satisfaction.items]
    assert rows[4].level1 == "满意度指标" and rows[4].target == satisfaction.items[0][1]
    assert tab.session.undo_stack.count() == count + 1
    # the new rows have no 分值 yet: the button that fills them is named
    assert tab.grid.message.startswith(f"已插入 {len(satisfaction.items)} 项常用指标；")
    assert "平均分配分值" in tab.grid.message


def test_template_rows_join_their_level_one_and_two_block(qtbot, tab, path):
    """Inserted below the cursor, templates split the blocks (产出/效益/满意度/效益/产出)."""
    groups = {(g.level1, g.level2): g for g in load_templates()}
    tab.grid.setCurrentIndex(tab.model.index(3, im.COL_NAME))          # on 满意度
    tab.insert_template(groups[("效益指标", "经济效益指标")])
    tab.grid.setCurrentIndex(tab.model.index(0, im.COL_NAME))
    tab.insert_template(groups[("产出指标", "质量指标")])
    heads = [(r.level1, r.level2) for r in indicators(path)]
    level1s = [h[0] for h in heads]
    blocks = [l1 for i, l1 in enumerate(level1s) if i == 0 or level1s[i - 1] != l1]
    assert blocks == ["产出指标", "效益指标", "满意度指标"]               # each block once
    level2s = [h[1] for h in heads if h[0] == "产出指标"]
    assert level2s[:1] == ["数量指标"] and set(level2s[1:]) == {"质量指标"}   # 质量 together
    assert heads[tab.grid.currentIndex().row()] == ("产出指标", "质量指标")


def test_template_position_reads_a_heading_written_once_per_block():
    from selfeval_desktop.domain.model import Indicator
    from selfeval_desktop.domain.profiles import load_profile
    from selfeval_desktop.ui.tabs.indicator_templates import template_position
    rows = [Indicator("产出", "数量指标", "a"), Indicator("", "", "b"),
            Indicator("满意度指标", "服务对象满意度指标", "c")]
    profile = load_profile("mof2020")
    assert template_position(rows, profile, "产出指标", "数量指标") == 2
    assert template_position(rows, profile, "产出指标", "时效指标") == 2
    assert template_position(rows, profile, "效益指标", "社会效益指标") == 2   # between the blocks
    assert template_position([], profile, "效益指标", "社会效益指标") == 0


def test_template_menu_lists_every_level_one(qtbot, tab):
    assert texts_of(tab.template_button.menu()) == ["产出指标", "效益指标", "满意度指标"]


def test_ctrl_d_fills_down_as_excel_does_in_one_undo_step(qtbot, tab, path):
    """Selecting 一级指标 rows and pressing Ctrl+D (向下填充) did nothing."""
    model, grid = tab.model, tab.grid
    before = [r.level1 for r in indicators(path)]
    grid.setCurrentIndex(model.index(0, im.COL_LEVEL1))
    grid.selectionModel().select(
        QItemSelection(model.index(0, im.COL_LEVEL1), model.index(3, im.COL_LEVEL1)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect)
    steps = tab.session.undo_stack.count()
    qtbot.keyClick(grid, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [r.level1 for r in indicators(path)] == [before[0]] * 4
    assert tab.session.undo_stack.count() == steps + 1
    tab.session.undo_stack.undo()
    assert [r.level1 for r in indicators(path)] == before


def test_ctrl_d_on_one_cell_takes_the_one_above(qtbot, tab, path):
    model, grid = tab.model, tab.grid
    above = indicators(path)[0].level2
    grid.setCurrentIndex(model.index(1, im.COL_LEVEL2))
    qtbot.keyClick(grid, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert indicators(path)[1].level2 == above


def test_a_target_of_an_earlier_year_is_marked_at_its_cell_not_the_deviation(qtbot, tab, path):
    """In the 2022 file “2021年12月前” (carried over) showed nothing at the target,
    while the 偏差原因 cell turned red and asked for an excuse."""
    from selfeval_desktop.ui.models.base import ErrorRole
    session = tab.session
    pid = tab.pid
    session.set_value("meta", None, None, "year", "2022")
    row = tab.model.data_rows
    type_cell(qtbot, tab.grid, row, im.COL_LEVEL1, "产出指标")
    session.set_value("indicator", pid, indicators(path)[row].id, "target", "2021年12月前")
    session.set_value("indicator", pid, indicators(path)[row].id, "actual", "2022年11月")
    session.set_value("indicator", pid, indicators(path)[row].id, "weight", "5")
    target = tab.model.index(row, im.COL_TARGET).data(ErrorRole)
    assert target and "早于评价年度 2022" in target
    assert tab.model.index(row, im.COL_DEVIATION).data(ErrorRole) is None


def test_each_level_one_heading_shows_its_score_beside_its_weight(qtbot, tab, path):
    """“过程 25.00 / 25 ✓” showed the 分值 only and read like a score; the seed's
    report writes each heading's 得分 (过程 25 分，自评得分 24 分)."""
    session, pid = tab.session, tab.pid
    output = [s.score for ind, s in zip(session.project(pid).indicators, session.score(pid).indicators)
              if ind.level1 == "产出指标"]
    assert f"得分 {tab.session.profile(pid).round(sum(output))}" in summary_text(tab)
    type_cell(qtbot, tab.grid, 0, im.COL_ACTUAL, "1")                   # the row scores less
    lower = [s.score for ind, s in zip(session.project(pid).indicators,
                                       session.score(pid).indicators) if ind.level1 == "产出指标"]
    assert sum(lower) < sum(output)
    assert f"得分 {tab.session.profile(pid).round(sum(lower))}" in summary_text(tab)


def test_the_insert_button_says_it_inserts_below_and_how_to_insert_above(qtbot, tab):
    """“插入行” inserted below, where Excel's 插入 and Ctrl+Shift+= insert above."""
    assert tab.add_button.text() == "在下方插入行" and "Ctrl+Shift+=" in tab.add_button.toolTip()
    tab.grid.setCurrentIndex(tab.model.index(0, im.COL_NAME))
    before = tab.model.data_rows
    tab.add_button.click()
    assert tab.model.data_rows == before + 1 and tab.grid.currentIndex().row() == 1


def test_an_indicator_named_like_a_total_with_values_is_an_indicator(qtbot, tab, path):
    """培训人次合计 with its target and actual was left out as a 合计 row."""
    QGuiApplication.clipboard().setText("产出指标\t数量指标\t培训人次合计\t≥500人次\t520人次\t10")
    tab.grid.setCurrentIndex(tab.model.index(4, im.COL_LEVEL1))
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [r.name for r in indicators(path)[4:]] == ["培训人次合计"]


def test_the_summary_wraps_between_words_never_inside_one(tab):
    """A narrow window broke “得⏎分” and “尚无满⏎意度指标”."""
    raw = tab.summary.text().split("：", 1)[1]                      # after the line's title
    assert "得分" not in raw and "得\u2060分" in raw                 # joined: no break inside
    assert "得分" in summary_text(tab)                                # and read as written


def test_a_short_tab_gives_the_hints_lines_to_the_grid(qtbot, tab):
    """At 1366×768 at 150 % the grid showed about three rows, under a wrapped summary
    and over two lines of typing hint."""
    tab.show()
    tab.resize(900, 600)
    qtbot.wait(5)
    assert tab.hint.isVisible()
    tall = tab.grid.height()
    tab.resize(900, 330)
    qtbot.wait(5)
    assert not tab.hint.isVisible()
    finalized = tab.session.is_finalized
    tab.session.is_finalized = lambda pid: True     # why it cannot be edited is always said
    tab.set_project(tab.pid)
    assert tab.hint.isVisible() and "定稿" in tab.hint.text()
    tab.session.is_finalized = finalized
    tab.set_project(tab.pid)
    tab.resize(900, 600)
    qtbot.wait(5)
    assert tab.hint.isVisible() and tab.grid.height() == tall


def test_weights_show_with_the_profiles_decimals_and_edit_as_typed(qtbot, window):
    from selfeval_desktop.ui.models import indicator_model as im
    model = window.page.tab_widgets["indicators"].model
    assert model.setData(model.index(0, im.COL_WEIGHT), "10")
    assert model.setData(model.index(1, im.COL_WEIGHT), "12.5")
    assert model.setData(model.index(2, im.COL_WEIGHT), "7.125")
    shown = [model.index(r, im.COL_WEIGHT).data() for r in range(4)]
    assert shown == ["10.00", "12.50", "7.125", "10.00"]
    assert model.index(0, im.COL_WEIGHT).data(Qt.ItemDataRole.EditRole) == "10"
    model.setData(model.index(3, im.COL_WEIGHT), "十分")
    assert model.index(3, im.COL_WEIGHT).data() == "十分"           # unreadable: as typed


def test_level_one_summary_wraps_rather_than_being_cut_at_1024(qtbot, window):
    window.resize(1024, 700)
    tab = window.page.tab_widgets["indicators"]
    window.page.tabs.setCurrentWidget(tab)
    window.session.set_value("indicator", window.page.pid,
                             window.session.project(window.page.pid).indicators[2].id,
                             "level1", "满意度指标")   # three headings: a long line
    qtbot.waitUntil(lambda: tab.width() < 800, timeout=2000)
    QApplication.processEvents()
    label = tab.summary
    assert label.wordWrap()
    assert label.height() >= label.heightForWidth(label.width())     # every line shown
    assert label.geometry().right() <= tab.width()
