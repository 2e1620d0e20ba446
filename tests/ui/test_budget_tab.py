"""预算表 tab: amounts typed in 万元, live totals, 执行率 and its score, catalog lines, paste."""
from __future__ import annotations

import pytest

from selfeval_desktop.domain.model import SpendingScheme, Source
from selfeval_desktop.ui.models import budget_line_model as blm
from selfeval_desktop.ui.models import fund_kind_model as fkm
from selfeval_desktop.ui.models import source_model as sm
from selfeval_desktop.ui.qt import QGuiApplication, Qt
from selfeval_desktop.ui.tabs.budget_tab import BudgetTab

from tests.ui.shell_helpers import cell, type_cell
from tests.ui.ui_fixtures import open_session, reread

# the offscreen platform cannot size windows; Qt says so as a warning, which is no fault of ours
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")


@pytest.fixture
def tab(qtbot, path):
    session = open_session(path)
    tab = BudgetTab(session, None)
    qtbot.addWidget(tab)
    tab.set_project(session.document.projects[0].id)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    yield tab
    session.conn.close()


def project(path):
    return reread(path).projects[0]


def test_sources_typed_in_wan_with_live_total(qtbot, tab, path):
    type_cell(qtbot, tab.source_grid, 0, sm.COL_PLANNED, "12.5")
    type_cell(qtbot, tab.source_grid, 1, sm.COL_PLANNED, "7.5")
    assert project(path).funding.by_source[Source.CENTRAL].planned == 12_500_000
    assert cell(tab.source_grid, 4, sm.COL_PLANNED) == "40"
    assert tab.source_grid.currentIndex().row() == 2     # Enter moved down


def test_execution_rate_and_score_follow_typing(qtbot, tab, path):
    session = tab.session
    pid = tab.pid
    grades = []
    session.scoreChanged.connect(lambda p: grades.append(session.score(p).total))
    type_cell(qtbot, tab.fund_grid, 0, fkm.COL_EXECUTED, "15")
    assert project(path).funding.executed == 15_000_000
    assert cell(tab.fund_grid, 0, fkm.COL_RATE) == "75.00%"
    assert cell(tab.fund_grid, 0, fkm.COL_SCORE) == "7.50"
    assert grades and grades[-1] == session.score(pid).total
    session.undo_stack.undo()
    assert cell(tab.fund_grid, 0, fkm.COL_RATE) == "96.40%"
    assert project(path).funding.executed == 19_280_000


def test_unreadable_amount_is_red_and_kept(qtbot, tab, path):
    type_cell(qtbot, tab.fund_grid, 1, fkm.COL_INITIAL, "abc")
    assert cell(tab.fund_grid, 1, fkm.COL_INITIAL) == "abc"
    assert "无法识别金额" in cell(tab.fund_grid, 1, fkm.COL_INITIAL, Qt.ItemDataRole.ToolTipRole)
    assert project(path).unread["fund_kind:current:initial"] == "abc"


def test_budget_lines_from_catalog_with_live_total(qtbot, tab, path):
    grid = tab.line_grid
    type_cell(qtbot, grid, 0, blm.COL_CODE, "30216")
    line = project(path).budget_lines[0]
    assert (line.code, line.name) == ("30216", "培训费")
    type_cell(qtbot, grid, 1, blm.COL_NAME, "印刷费")
    assert project(path).budget_lines[1].code == "30202"
    type_cell(qtbot, grid, 0, blm.COL_ACTUAL, "5")
    total_row = grid.model().rowCount() - 1
    assert cell(grid, total_row, blm.COL_ACTUAL) == "20.28"


def test_paste_lines_grows_rows_and_undo_removes_them(qtbot, tab, path):
    grid = tab.line_grid
    QGuiApplication.clipboard().setText("30201\t办公费\t1.2\t1.1\r\n30207\t邮电费\t0.5\t0.45\r\n")
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(2, blm.COL_CODE))
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    lines = project(path).budget_lines
    assert [(l.code, l.name, l.planned, l.actual) for l in lines[2:]] == [
        ("30201", "办公费", 1_200_000, 1_100_000), ("30207", "邮电费", 500_000, 450_000)]
    assert cell(grid, grid.model().rowCount() - 1, blm.COL_PLANNED) == "21.7"
    tab.session.undo_stack.undo()
    assert len(project(path).budget_lines) == 2


def test_a_block_pasted_onto_the_total_row_goes_after_the_last_line(qtbot, tab, path):
    """Pasting on the 合计 row (not the 新 row) inserted an empty line first, which
    then blanked the totals."""
    grid = tab.line_grid
    before = len(project(path).budget_lines)
    QGuiApplication.clipboard().setText("30201\t办公费\t1.2\t1.1\r\n")
    grid.setFocus()
    total_row = grid.model().rowCount() - 1
    assert grid.model().is_total_row(total_row)
    grid.setCurrentIndex(grid.model().index(total_row, blm.COL_CODE))
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    lines = project(path).budget_lines
    assert len(lines) == before + 1 and (lines[-1].code, lines[-1].planned) == ("30201", 1_200_000)


def test_a_block_whose_titles_say_yuan_is_pasted_in_wan(qtbot, tab, path):
    """Pasted under “计划支出数（元）”, 12000 became 12000 万元 (1.2 亿)."""
    before = len(project(path).budget_lines)
    QGuiApplication.clipboard().setText("科目编码\t支出科目\t计划支出数（元）\t实际支出数（元）\r\n"
                                        "30201\t办公费\t12000\t11,500.00\r\n"
                                        "30207\t邮电费\t0.5万元\t3000\r\n")
    grid = tab.line_grid
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(before, blm.COL_CODE))
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    lines = project(path).budget_lines[before:]
    assert [(l.code, l.planned, l.actual) for l in lines] == [
        ("30201", 1_200_000, 1_150_000), ("30207", 500_000, 300_000)]   # 1.2 / 1.15 / 0.5 / 0.3 万元
    assert "以元计的列已换算为万元" in grid.message


def test_a_sheets_block_with_its_title_and_total_rows_pastes_only_the_lines(qtbot, tab, path):
    """Seed 002's 支出明细 copied with its title row and 合计 row became two more
    lines (“费用科目” with red cells, “合计 240”) and the total doubled to 480."""
    index = tab.scheme_box.findData(SpendingScheme.RD2011.value)
    tab.scheme_box.setCurrentIndex(index)
    tab.scheme_box.activated.emit(index)
    before = len(project(path).budget_lines)
    block = ("费用科目\t预算数（万元）\t实际支出（万元）\t其中专项经费\t专项实际\r\n"
             "设备费\t170\t170\t32\t32\r\n材料费\t42\t42\t16\t16\r\n合计\t212\t212\t48\t48\r\n")
    QGuiApplication.clipboard().setText(block)
    grid = tab.line_grid
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(before, blm.COL_NAME))
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    lines = project(path).budget_lines[before:]
    assert [(l.name, l.planned, l.actual, l.special_planned, l.special_actual) for l in lines] == [
        ("设备费", 170_000_000, 170_000_000, 32_000_000, 32_000_000),
        ("材料费", 42_000_000, 42_000_000, 16_000_000, 16_000_000)]
    assert "列标题" in grid.message and "1 行“合计/小计”未作为支出科目粘贴" in grid.message


def test_scheme_selector_switches_catalog(qtbot, tab, path):
    index = tab.scheme_box.findData(SpendingScheme.RD2011.value)
    tab.scheme_box.setCurrentIndex(index)
    tab.scheme_box.activated.emit(index)
    assert project(path).spending_scheme is SpendingScheme.RD2011
    assert tab.line_grid.isColumnHidden(blm.COL_CODE)
    type_cell(qtbot, tab.line_grid, 0, blm.COL_NAME, "设备费")
    assert project(path).budget_lines[0].code == "equipment"
    tab.session.undo_stack.undo()
    tab.session.undo_stack.undo()
    assert not tab.line_grid.isColumnHidden(blm.COL_CODE)


def test_the_second_source_can_be_written_as_the_autonomous_regions(qtbot, tab, path):
    """广西 units' paper form says 自治区财政; no place in the window set it."""
    box = tab.region_box
    assert box.currentData() == "省级"
    box.setCurrentIndex(box.findData("自治区"))
    box.activated.emit(box.currentIndex())
    assert reread_unit(path).region_word == "自治区"
    assert cell(tab.source_grid, 1, 0) == "自治区财政"
    tab.session.undo_stack.undo()
    assert box.currentData() == "省级" and cell(tab.source_grid, 1, 0) == "省级财政"


def reread_unit(path):
    from tests.ui.ui_fixtures import reread
    return reread(path).unit


def test_an_amount_typed_in_yuan_says_what_it_was_stored_as(qtbot, tab, path):
    """40000元 became 4 万元 without a word (right, but the clerk could not tell)."""
    grid = tab.line_grid
    type_cell(qtbot, grid, 0, blm.COL_PLANNED, "40000元")
    assert project(path).budget_lines[0].planned == 4_000_000
    assert grid.message == "已换算：“40000元”记为 4 万元"
    type_cell(qtbot, grid, 0, blm.COL_ACTUAL, "3.5")                # a plain figure: nothing said
    assert "已换算" not in grid.message


def test_the_sub_rows_show_their_rate_as_the_forms_print_it(qtbot, tab, path):
    """Both forms and the workbook print the 其中 rows' 执行率; the grid showed none."""
    from selfeval_desktop.ui.models import fund_kind_model as fkm
    grid = tab.fund_grid
    type_cell(qtbot, grid, 1, fkm.COL_ANNUAL, "4")
    type_cell(qtbot, grid, 1, fkm.COL_EXECUTED, "3")
    assert grid.model().index(1, fkm.COL_RATE).data() == "75.00%"
    assert grid.model().index(1, fkm.COL_SCORE).data() in (None, "")   # no score of its own


def test_a_name_stored_as_the_catalogue_writes_it_is_said(qtbot, tab, path):
    """A pasted or typed 维修费 became 维修（护）费 without a word."""
    grid = tab.line_grid
    before = len(project(path).budget_lines)
    type_cell(qtbot, grid, before, blm.COL_NAME, "维修费")
    assert project(path).budget_lines[-1].name == "维修（护）费"
    assert grid.message == "“维修费”按支出科目目录记为“30213 维修（护）费”"
    QGuiApplication.clipboard().setText("30213\t维修费\t1\t1\r\n")
    grid.setCurrentIndex(grid.model().index(before + 1, blm.COL_CODE))
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "按支出科目目录记为“30213 维修（护）费”" in grid.message
    type_cell(qtbot, grid, before, blm.COL_NAME, "差旅费")          # the catalogue's own name
    assert "支出科目目录" not in grid.message


def test_tab_at_a_rows_end_goes_to_the_next_rows_first_figure(qtbot, tab, path):
    """Tab after 到位 wrapped onto the next row's label (资金来源), and the figure
    typed next was refused (“不能输入”)."""
    grid = tab.source_grid
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(0, sm.COL_ARRIVED))
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    cur = grid.currentIndex()
    assert (cur.row(), cur.column()) == (1, sm.COL_PLANNED)
    qtbot.keyClick(grid, Qt.Key.Key_Backtab)
    cur = grid.currentIndex()
    assert (cur.row(), cur.column()) == (0, sm.COL_ARRIVED)


def test_a_code_pasted_with_its_name_cell_empty_gets_the_catalogue_name(qtbot, tab, path):
    """“302⇥⇥1⇥1” left 支出科目 blank, though 302 typed fills it."""
    grid = tab.line_grid
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(grid.model().data_rows, blm.COL_CODE))
    grid.paste("302\t\t1\t1\r\n")
    line = project(path).budget_lines[-1]
    assert (line.code, line.name) == ("302", "商品和服务支出")


def paste_new_lines(tab, path, col, block):
    """``block`` pasted on the 支出明细's 新 row at ``col``: (the grid, the lines it added)."""
    grid = tab.line_grid
    before = len(project(path).budget_lines)
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(grid.model().data_rows, col))
    grid.paste(block)
    return grid, project(path).budget_lines[before:]


def test_seed_003s_spending_block_with_its_blank_and_total_rows_pastes_one_line(qtbot, tab, path):
    """Seed 003's 支出明细 ends in “支出合计”; pasted, it became a spending line and
    the printed 支出合计 doubled to 8, with an empty line between."""
    grid, lines = paste_new_lines(tab, path, blm.COL_NAME,
                                  "302商品和服务支出\t4\t4\r\n\t\t\r\n支出合计\t4\t4\r\n")
    assert [(l.code, l.name, l.planned, l.actual) for l in lines] == [
        ("302", "商品和服务支出", 4_000_000, 4_000_000)]
    assert "1 行“合计/小计”未作为支出科目粘贴" in grid.message and "1 个空行未粘贴" in grid.message


def test_code_and_name_in_one_cell_pasted_from_the_code_column_keep_their_amounts(qtbot, tab, path):
    """Pasted at 科目编码, “302商品和服务支出⇥4⇥4” put 4 into 支出科目 and the actual
    amount into 计划支出数; the name was lost."""
    grid, lines = paste_new_lines(tab, path, blm.COL_CODE,
                                  "302商品和服务支出\t4\t3.5\r\n30211差旅费\t1\t0.8\r\n")
    assert [(l.code, l.name, l.planned, l.actual) for l in lines] == [
        ("302", "商品和服务支出", 4_000_000, 3_500_000), ("30211", "差旅费", 1_000_000, 800_000)]
    assert "科目编码和名称写在同一格" in grid.message


def test_row_keys_on_a_table_of_fixed_rows_say_why_nothing_happens(qtbot, tab):
    grid = tab.source_grid
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(0, sm.COL_PLANNED))
    rows = grid.model().rowCount()
    qtbot.keyClick(grid, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert grid.model().rowCount() == rows and "行是固定的" in grid.message


def _answer(monkeypatch, answer):
    """dialogs.choose answered with button ``answer``; returns the questions asked."""
    from selfeval_desktop.ui import dialogs
    asked = []
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, buttons, **k:
                        asked.append((text, buttons)) or answer)
    return asked


@pytest.mark.parametrize("answer, planned, actual", [(0, 1_234_567, 840), (1, 12_345_670_000, 8_400_000)])
def test_amounts_copied_with_a_yuan_sign_ask_their_unit_once(qtbot, tab, path, monkeypatch,
                                                             answer, planned, actual):
    """Excel copies a cell in its ¥ format as “¥12,345.67”: read as the column's 万元 unasked,
    12,345.67 元 became 12,345.67 万元 (1.2 亿) — the ¥ says money, not which unit."""
    asked = _answer(monkeypatch, answer)
    before = len(project(path).budget_lines)
    grid = tab.line_grid
    grid.setCurrentIndex(grid.model().index(before, blm.COL_CODE))
    grid.paste("30201\t办公费\t¥12,345.67\t￥8.40\r\n")
    [(text, buttons)] = asked
    assert "2 个金额带有货币符号（如“¥12,345.67”）" in text
    assert buttons == ["是元（¥12,345.67 即 1.234567 万元）", "是万元（¥12,345.67 即 12345.67 万元）", "取消粘贴"]
    line = project(path).budget_lines[before]
    assert (line.code, line.planned, line.actual) == ("30201", planned, actual)


def test_a_cancelled_yuan_sign_question_pastes_nothing_and_plain_amounts_ask_nothing(
        qtbot, tab, path, monkeypatch):
    asked = _answer(monkeypatch, 2)
    before = project(path).budget_lines
    grid = tab.line_grid
    grid.setCurrentIndex(grid.model().index(len(before), blm.COL_CODE))
    grid.paste("30201\t办公费\t¥1\t1\r\n")
    assert len(asked) == 1 and project(path).budget_lines == before and grid.message == "已取消粘贴"
    grid.paste("30201\t办公费\t1.5\t1万元\r\n")                # no sign: 万元, as always
    grid.setCurrentIndex(grid.model().index(len(before) + 1, blm.COL_CODE))
    grid.paste("科目编码\t支出科目\t计划支出数（元）\t实际支出数\r\n"    # a title says 元
               "30207\t邮电费\t¥3,000.00\t0.3\r\n")
    assert len(asked) == 1
    lines = project(path).budget_lines[len(before):]
    assert [(l.code, l.planned, l.actual) for l in lines] == [
        ("30201", 1_500_000, 1_000_000), ("30207", 300_000, 300_000)]


def test_the_sources_block_of_a_basic_form_goes_to_the_rows_it_names(qtbot, tab, path):
    """The fixed tables placed a copied block by the cursor alone, labels and titles
    and all. 自治区财政 is the 省级 row, 其它 is 其他, and 合计 is the table's own sum."""
    grid = tab.source_grid
    grid.setCurrentIndex(grid.model().index(0, sm.COL_LABEL))
    grid.paste("资金来源\t计划安排资金（万元）\t实际到位资金（万元）\r\n"
               "其中：中央财政\t\t\r\n自治区财政\t1\t1\r\n市县财政\t4\t3.5\r\n其它\t\t\r\n合计\t5\t4.5\r\n")
    sources = project(path).funding.by_source
    assert (sources[Source.PROVINCIAL].planned, sources[Source.PROVINCIAL].arrived) == (1_000_000, 1_000_000)
    assert (sources[Source.LOCAL].planned, sources[Source.LOCAL].arrived) == (4_000_000, 3_500_000)
    assert "“合计”行未粘贴" in grid.message and not project(path).unread
    grid.paste("资金来源\t计划安排资金（元）\r\n中央财政\t20000\r\n")        # a title in 元
    assert project(path).funding.by_source[Source.CENTRAL].planned == 2_000_000


def test_large_amounts_grouped_by_thousands_ask_their_unit_too(qtbot, tab, path, monkeypatch):
    """3,200,000.00 from a 元 sheet (no ¥) was taken as 3,200,000 万元 (320 亿)."""
    asked = _answer(monkeypatch, 0)                              # 是元
    grid = tab.fund_grid
    grid.setCurrentIndex(grid.model().index(0, fkm.COL_LABEL))
    grid.paste("年度资金总额\t3,200,000.00\t3,200,000.00\t3,100,000.00\r\n")
    [(text, _buttons)] = asked
    assert "是按千位分隔的大数（如“3,200,000.00”）" in text
    f = project(path).funding
    assert (f.initial_budget, f.annual_budget, f.executed) == (320_000_000, 320_000_000, 310_000_000)
    grid.paste("年度资金总额\t14,640.83\t14640.83\t1,467\r\n")      # small: 万元, unasked
    assert len(asked) == 1 and project(path).funding.initial_budget == 14_640_830_000


def test_a_title_row_puts_the_actual_special_amounts_under_their_own_column(qtbot, tab, path):
    """“其中专项（实际）” lost its （实际） and went to 其中专项（计划）: the planned
    figures were overwritten and the actual ones lost, said as pasted where they belong."""
    before = len(project(path).budget_lines)
    grid = tab.line_grid
    grid.setCurrentIndex(grid.model().index(before, blm.COL_CODE))
    grid.paste("科目编码\t支出科目\t计划支出数（万元）\t实际支出数（万元）\t其中专项（计划）\t其中专项（实际）\r\n"
               "30211\t差旅费\t10\t9\t8\t7\r\n")
    line = project(path).budget_lines[before]
    assert (line.planned, line.actual, line.special_planned, line.special_actual) == \
        (10_000_000, 9_000_000, 8_000_000, 7_000_000)


def test_changing_the_classification_recodes_the_lines_it_can_and_clears_the_codes_it_cannot(
        qtbot, tab, path):
    """Lines pasted under 支出经济分类 kept their 30211 after 科研经费 was chosen —
    hidden there, flagged as not in the catalog, and printed “30211差旅费”."""
    from selfeval_desktop.domain.model import SpendingScheme
    grid = tab.line_grid
    before = len(project(path).budget_lines)
    grid.setCurrentIndex(grid.model().index(before, blm.COL_CODE))
    grid.paste("30211\t差旅费\t1\t1\r\n30299\t其他商品和服务支出\t2\t2\r\n")
    box = tab.scheme_box
    box.setCurrentIndex(box.findData(SpendingScheme.RD2011.value))
    box.activated.emit(box.currentIndex())
    lines = project(path).budget_lines[before:]
    assert project(path).spending_scheme is SpendingScheme.RD2011
    assert (lines[0].code, lines[0].name) == ("travel", "差旅费")
    assert lines[1].code == "" and lines[1].name == "其他商品和服务支出"
    assert "重新对应" in grid.message and "已清除（名称保留）" in grid.message
    tab.session.undo_stack.undo()                          # one step: scheme and codes
    back = project(path)
    assert back.spending_scheme is SpendingScheme.ECONOMIC
    assert [l.code for l in back.budget_lines[before:]] == ["30211", "30299"]
