"""Table models: pass qtmodeltester, and behave as a clerk relies on without any window."""
from __future__ import annotations

from decimal import Decimal

import pytest

from selfeval_desktop.domain.model import FundKind, Source
from selfeval_desktop.ui.models import ErrorRole, RowKeyRole
from selfeval_desktop.ui.models import budget_line_model as blm
from selfeval_desktop.ui.models import fund_kind_model as fkm
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.models import source_model as sm
from selfeval_desktop.ui.models.budget_line_model import BudgetLineModel
from selfeval_desktop.ui.models.evaluator_model import EvaluatorModel
from selfeval_desktop.ui.models.fund_kind_model import FundKindModel
from selfeval_desktop.ui.models.indicator_model import IndicatorModel
from selfeval_desktop.ui.models.source_model import SourceModel
from selfeval_desktop.ui.qt import QBrush, Qt

from tests.ui.ui_fixtures import reread

DISPLAY, EDIT, TIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole
MODELS = [IndicatorModel, BudgetLineModel, SourceModel, FundKindModel, EvaluatorModel]


def model_for(cls, session, pid):
    m = cls(session)
    m.set_project(pid)
    return m


def text(m, row, col, role=DISPLAY):
    return m.data(m.index(row, col), role)


class ShownCells:
    """The text a QTableView shows: every cell read once, then again only where the model says it
    changed. A view repaints the dataChanged range and nothing else, and qtmodeltester does not
    check that the range is wide enough (the 合计 rows stayed stale on screen with the
    whole suite green)."""

    def __init__(self, m):
        self.m = m
        self.cells = {}
        self.changes = []
        self._read(0, m.rowCount() - 1, 0, m.columnCount() - 1)
        m.dataChanged.connect(self._changed)
        for signal in (m.modelReset, m.layoutChanged, m.rowsInserted, m.rowsRemoved, m.rowsMoved):
            signal.connect(lambda *a: self._read(0, m.rowCount() - 1, 0, m.columnCount() - 1))

    def _read(self, first, last, left, right):
        for r in range(first, last + 1):
            for c in range(left, right + 1):
                self.cells[r, c] = text(self.m, r, c)

    def _changed(self, a, b, roles=()):
        self.changes.append((a.row(), a.column(), b.row(), b.column()))
        self._read(a.row(), b.row(), a.column(), b.column())

    def stale(self):
        """Cells whose shown text is not what the model now holds: (row, col, shown, held)."""
        return [(r, c, self.cells.get((r, c)), text(self.m, r, c))
                for r in range(self.m.rowCount()) for c in range(self.m.columnCount())
                if self.cells.get((r, c)) != text(self.m, r, c)]


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
def test_models_pass_qtmodeltester_through_edits_and_row_changes(qtmodeltester, session, pid, cls):
    m = model_for(cls, session, pid)
    qtmodeltester.check(m, force_py=True)
    editable = [(r, c) for r in range(m.rowCount()) for c in range(m.columnCount())
                if m.flags(m.index(r, c)) & Qt.ItemFlag.ItemIsEditable]
    assert editable
    r, c = editable[0]
    m.setData(m.index(r, c), "1")
    if m.ROW_ENTITY:
        assert m.insertRows(1, 2)
        assert m.removeRows(0, 1)
        session.move_row(m.ROW_ENTITY, pid, m.data(m.index(0, 0), RowKeyRole), 1)
        session.undo_stack.undo()
        session.undo_stack.undo()
        session.undo_stack.redo()
    session.undo_stack.undo()
    m.set_project(None)
    assert m.rowCount() == 0
    m.set_project(pid)
    qtmodeltester.check(m, force_py=True)


# ---------------------------------------------------------------- indicators

def test_indicator_edit_goes_to_disk_and_rescores_in_one_data_changed(session, pid, path):
    m = model_for(IndicatorModel, session, pid)
    changes = []
    m.dataChanged.connect(lambda a, b, roles=(): changes.append((a.row(), a.column(), b.row(),
                                                                 b.column())))
    before = text(m, 0, im.COL_SCORE)
    assert m.setData(m.index(0, im.COL_ACTUAL), "2次")
    assert changes == [(0, 0, 0, m.columnCount() - 1)]
    assert reread(path).projects[0].indicators[0].actual == "2次"
    assert text(m, 0, im.COL_SCORE) != before
    assert "2 / 4 次" in text(m, 0, im.COL_SCORE, TIP)
    assert text(m, 0, im.COL_DEVIATION, ErrorRole)   # below full: a reason is asked for


def test_another_rule_profile_rescores_every_row_on_screen(session, pid):
    """评分规则 changed in the header: every 得分 cell is repainted, not only the
    summary above the grid."""
    m = model_for(IndicatorModel, session, pid)
    m.setData(m.index(1, im.COL_ACTUAL), "87%")      # 25 × 87 / 90 = 24.1666…
    shown = ShownCells(m)
    assert shown.cells[1, im.COL_SCORE] == "24.17"
    session.set_value("meta", None, None, "profile_id", "mof2020_truncate")
    assert (0, 0, m.data_rows - 1, m.columnCount() - 1) in shown.changes
    assert shown.cells[1, im.COL_SCORE] == "24.16"   # truncated, as the view shows it
    assert shown.stale() == []
    session.undo_stack.undo()
    assert shown.cells[1, im.COL_SCORE] == "24.17"
    assert shown.stale() == []


def test_indicator_score_column_is_read_only(session, pid):
    m = model_for(IndicatorModel, session, pid)
    assert not m.flags(m.index(0, im.COL_SCORE)) & Qt.ItemFlag.ItemIsEditable
    assert not m.setData(m.index(0, im.COL_SCORE), "99")


def test_unreadable_weight_is_red_kept_and_persisted(session, pid, path):
    m = model_for(IndicatorModel, session, pid)
    assert m.setData(m.index(1, im.COL_WEIGHT), "abc")
    idx = m.index(1, im.COL_WEIGHT)
    assert m.data(idx, DISPLAY) == "abc"
    assert isinstance(m.data(idx, Qt.ItemDataRole.BackgroundRole), QBrush)
    assert "无法识别" in m.data(idx, TIP)
    rid = session.document.projects[0].indicators[1].id
    assert reread(path).projects[0].unread[f"indicator:{rid}:weight"] == "abc"


def test_unreadable_target_and_unit_mismatch_are_red(session, pid):
    m = model_for(IndicatorModel, session, pid)
    m.setData(m.index(0, im.COL_TARGET), "≥")
    assert text(m, 0, im.COL_TARGET, ErrorRole)
    m.setData(m.index(0, im.COL_TARGET), "≥4次")
    assert text(m, 0, im.COL_TARGET, ErrorRole) is None
    m.setData(m.index(0, im.COL_ACTUAL), "4万元")
    assert "单位" in text(m, 0, im.COL_ACTUAL, ErrorRole)


def test_achievement_only_on_qualitative_rows_and_scores(session, pid):
    m = model_for(IndicatorModel, session, pid)
    assert not m.flags(m.index(0, im.COL_ACHIEVEMENT)) & Qt.ItemFlag.ItemIsEditable
    q = m.index(2, im.COL_ACHIEVEMENT)     # 有效提升: 定性
    assert m.flags(q) & Qt.ItemFlag.ItemIsEditable
    m.setData(m.index(2, im.COL_ACTUAL), "有所提升")
    assert text(m, 2, im.COL_ACHIEVEMENT, ErrorRole)
    assert m.setData(q, "部分达成")
    assert text(m, 2, im.COL_ACHIEVEMENT, ErrorRole) is None
    score = Decimal(text(m, 2, im.COL_SCORE))
    assert Decimal(18) <= score < Decimal(24)    # [60%, 80%) of 30
    assert not m.setData(q, "差不多")             # not a level: refused


def test_override_needs_a_reason(session, pid):
    m = model_for(IndicatorModel, session, pid)
    m.setData(m.index(0, im.COL_ACTUAL), "3次")
    rule = text(m, 0, im.COL_SCORE)
    m.setData(m.index(0, im.COL_OVERRIDE), "20")
    assert "调整理由" in text(m, 0, im.COL_REASON, ErrorRole)
    assert text(m, 0, im.COL_OVERRIDE, ErrorRole)          # not applied without a reason
    assert text(m, 0, im.COL_SCORE) == rule
    m.setData(m.index(0, im.COL_REASON), "培训质量高")
    assert text(m, 0, im.COL_REASON, ErrorRole) is None
    assert text(m, 0, im.COL_OVERRIDE, ErrorRole) is None
    assert text(m, 0, im.COL_SCORE) == "20.00"
    m.setData(m.index(0, im.COL_OVERRIDE), "99")
    assert text(m, 0, im.COL_OVERRIDE, ErrorRole)


def test_inserted_indicator_rows_join_the_group_above(session, pid):
    m = model_for(IndicatorModel, session, pid)
    inserted = []
    m.rowsInserted.connect(lambda parent, a, b: inserted.append((a, b)))
    m.insertRows(1, 2)
    assert inserted == [(1, 2)]
    assert text(m, 1, im.COL_LEVEL2, EDIT) == "数量指标"
    assert m.data_rows == 6


# ---------------------------------------------------------------- budget lines

def test_budget_lines_total_is_live_and_catalog_fills_code_and_name(session, pid, path):
    m = model_for(BudgetLineModel, session, pid)
    total_row = m.rowCount() - 1
    assert text(m, total_row, blm.COL_NAME) == "合计"
    assert text(m, total_row, blm.COL_PLANNED) == "20"
    assert not m.flags(m.index(total_row, blm.COL_PLANNED)) & Qt.ItemFlag.ItemIsEditable
    m.setData(m.index(0, blm.COL_PLANNED), "6.5")
    assert text(m, total_row, blm.COL_PLANNED) == "21.5"
    m.setData(m.index(0, blm.COL_NAME), "30216 培训费")
    line = reread(path).projects[0].budget_lines[0]
    assert (line.code, line.name) == ("30216", "培训费")
    assert session.undo_stack.count() == 2           # code and name: one step
    m.setData(m.index(0, blm.COL_NAME), "奶茶费")
    assert "不在支出经济分类中" in text(m, 0, blm.COL_NAME, ErrorRole)
    assert text(m, 0, blm.COL_NAME) == "奶茶费"


def test_a_line_edit_repaints_the_total_row_on_screen(session, pid):
    """The 合计 row is in the dataChanged range of every line edit (under Xvfb a
    line changed 4→99 and the screen's 合计 stayed 20)."""
    m = model_for(BudgetLineModel, session, pid)
    total_row = m.rowCount() - 1
    shown = ShownCells(m)
    assert m.setData(m.index(0, blm.COL_PLANNED), "6.5")
    assert shown.changes and shown.changes[-1][2] == total_row
    assert shown.cells[total_row, blm.COL_PLANNED] == "21.5"
    assert shown.stale() == []
    session.undo_stack.undo()
    assert shown.cells[total_row, blm.COL_PLANNED] == "20"
    assert shown.stale() == []


def test_budget_line_unreadable_amount_left_out_of_total(session, pid):
    m = model_for(BudgetLineModel, session, pid)
    total_row = m.rowCount() - 1
    m.setData(m.index(0, blm.COL_ACTUAL), "四万")
    assert text(m, 0, blm.COL_ACTUAL) == "四万"
    assert text(m, total_row, blm.COL_ACTUAL) == "15.28"   # 4.00 was there: now empty
    assert "未计入合计" in text(m, total_row, blm.COL_ACTUAL, TIP)


# ---------------------------------------------------------------- sources and fund kinds

def test_sources_rows_labels_follow_region_and_total(session, pid, path):
    m = model_for(SourceModel, session, pid)
    assert [text(m, r, sm.COL_LABEL) for r in range(5)] == ["中央财政", "省级财政", "市县财政",
                                                           "其他", "合计"]
    session.set_value("unit", 0, None, "region_word", "自治区")
    assert text(m, 1, sm.COL_LABEL) == "自治区财政"
    m.setData(m.index(0, sm.COL_PLANNED), "5")
    assert text(m, 4, sm.COL_PLANNED) == "25"
    assert reread(path).projects[0].funding.by_source[Source.CENTRAL].planned == 5_000_000


def test_a_source_edit_repaints_the_total_row_on_screen(session, pid):
    """The grey 资金来源 合计 follows an amount typed or undone."""
    m = model_for(SourceModel, session, pid)
    shown = ShownCells(m)
    assert m.setData(m.index(0, sm.COL_PLANNED), "5")
    assert shown.changes and shown.changes[-1][2] == 4
    assert shown.cells[4, sm.COL_PLANNED] == "25"
    assert shown.stale() == []
    session.undo_stack.undo()
    assert shown.cells[4, sm.COL_PLANNED] == "20"
    assert shown.stale() == []


def test_fund_kind_rate_and_score_follow_the_amounts(session, pid, path):
    m = model_for(FundKindModel, session, pid)
    assert text(m, 0, fkm.COL_LABEL) == "年度资金总额"
    assert text(m, 0, fkm.COL_RATE) == "96.40%"
    m.setData(m.index(0, fkm.COL_EXECUTED), "10")
    assert text(m, 0, fkm.COL_RATE) == "50.00%"
    assert text(m, 0, fkm.COL_SCORE) == "5.00"
    assert "50.00%" in text(m, 0, fkm.COL_SCORE, TIP)
    m.setData(m.index(2, fkm.COL_INITIAL), "3")
    assert reread(path).projects[0].funding.by_kind[FundKind.CARRYOVER].initial == 3_000_000
    m.setData(m.index(0, fkm.COL_ANNUAL), "0")
    assert text(m, 0, fkm.COL_RATE, ErrorRole)
    assert not m.flags(m.index(0, fkm.COL_SCORE)) & Qt.ItemFlag.ItemIsEditable


def test_evaluator_rows(session, pid, path):
    m = model_for(EvaluatorModel, session, pid)
    m.insertRows(1, 1)
    m.setData(m.index(1, 0), "王五")
    assert [e.name for e in reread(path).projects[0].evaluators] == ["张三", "王五"]
    m.removeRows(0, 1)
    assert [e.name for e in reread(path).projects[0].evaluators] == ["王五"]
    session.undo_stack.undo()
    assert text(m, 0, 0) == "张三"
