"""绩效指标 grid: one row per 三级指标, scored live with its explanation as the 得分 tooltip."""
from __future__ import annotations

from dataclasses import replace

from ...domain.cells import fill_levels, indicator_field, is_total_label, normalise_label
from ...domain.evaluation import weight_text
from ...domain.model import Indicator
from ...domain.model import ProjectKind
from ...domain.scoring import (OR_CHOICE, achievement_of, judged_by_achievement, num, parsed,
                               score_indicator, target_and_actual)
from ...domain.values import Direction, comparable
from ..qt import QBrush, QColor, Qt
from ..session_fields import CHOICE, DECIMAL, TEXT
from .base import READONLY_BRUSH, RIGHT, CellRef, SessionTableModel

COL_LEVEL1 = 0
COL_LEVEL2 = 1
COL_NAME = 2
COL_TARGET = 3
COL_ACTUAL = 4
COL_WEIGHT = 5
COL_SCORE = 6
COL_ACHIEVEMENT = 7
COL_OVERRIDE = 8
COL_REASON = 9
COL_DEVIATION = 10

HEADERS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
           "达成情况", "调整后得分", "调整理由", "偏差原因分析及改进措施")
FIELDS = {COL_LEVEL1: ("level1", TEXT), COL_LEVEL2: ("level2", TEXT), COL_NAME: ("name", TEXT),
          COL_TARGET: ("target", TEXT), COL_ACTUAL: ("actual", TEXT),
          COL_WEIGHT: ("weight", DECIMAL), COL_ACHIEVEMENT: ("achievement", CHOICE),
          COL_OVERRIDE: ("override", DECIMAL), COL_REASON: ("override_reason", TEXT),
          COL_DEVIATION: ("deviation", TEXT)}
COLUMN_OF = {attr: col for col, (attr, _kind) in FIELDS.items()}
RULE_COLUMNS = {COL_WEIGHT: "weight", COL_TARGET: "target", COL_ACTUAL: "actual",
                COL_ACHIEVEMENT: "achievement"}   # cells a row's scoring error can be about
NUMERIC = (Direction.POSITIVE, Direction.NEGATIVE, Direction.EQUAL)
DERIVED_BRUSH = QBrush(QColor("#808080"))   # a value shown for information, not typed


def is_qualitative(ind: Indicator) -> bool:
    """A row scored by its 达成情况: wherever no numbers compare — 定性, 时效 whose actual is not a
    date, no 年度指标值 (部门整体, judged by a 评分标准), words against a number."""
    return judged_by_achievement(ind)


# field → column: the stored fields, and 得分 (computed; a pasted 得分 is said not to be taken)
FIELD_COLUMNS = {**{attr: col for col, (attr, _kind) in FIELDS.items()}, "score": COL_SCORE}


def _titled_columns(first_row, columns: list[int]) -> list[int] | None:
    """The columns a pasted block's first row names, when that row is the sheet's header (every
    filled cell a column title of this grid, at least two; titles read as 导入Excel reads them);
    None when it is data (the header is not pasted as an indicator row, 分值 “分值” red)."""
    fields = [indicator_field(cell) if cell.strip() else "" for cell in first_row]
    filled = [f for f in fields if f != ""]
    if len(filled) < 2 or not all(f in FIELD_COLUMNS for f in filled):
        return None
    return [FIELD_COLUMNS.get(f, col) for f, col in zip(fields, columns)]


def _total_row(label: str, exact: bool = False) -> bool:
    """合计 / 总分 / 得分合计: a sheet's sum row, not an indicator."""
    return is_total_label(label, exact) or \
        normalise_label(label) in ("总分", "总分值", "合计得分", "得分合计")


def _is_sum_row(row, names: list[int], values: list[int]) -> bool:
    """A pasted row that is the sheet's 合计: named so, and — when its name only ends so
    (培训人次合计 may be an indicator) — with no 年度指标值 or 实际完成值."""
    labels = [row[i] for i in names if i < len(row)]
    if any(_total_row(label, exact=True) for label in labels):
        return True
    blank = not any(i < len(row) and row[i].strip() for i in values)
    return blank and any(_total_row(label) for label in labels)


class IndicatorModel(SessionTableModel):
    HEADERS = HEADERS
    HEADER_LINES = {COL_DEVIATION: "偏差原因分析\n及改进措施"}   # readable in a narrow column
    ENTITIES = ("indicator", "meta")
    ROW_ENTITY = "indicator"
    # (the project's score it was read from, row → rule error, whether no row is begun)
    _rule_cache: tuple = (None, {}, False)
    _unstarted_seen = False   # as last painted: a change of it repaints every row

    def ref(self, row, col):
        obj = self.row_object(row)
        field = FIELDS.get(col)
        if obj is None or field is None:
            return None
        return CellRef("indicator", obj.id, field[0], field[1])

    def cell_editable(self, row, col, ref):
        if col == COL_ACHIEVEMENT:
            return is_qualitative(self._rows[row])
        return True

    def readonly_reason(self, row, col):
        if col == COL_ACHIEVEMENT and self.project_editable() and row < len(self._rows):
            return ("本行按实际完成值与年度指标值计分，不选达成情况（达成情况用于定性指标、"
                    "未填年度指标值或实际完成值是文字的行）")
        if col == COL_SCORE and self.project_editable():
            return "得分按年度指标值、实际完成值和分值自动计算；如需调整，请填写调整后得分和调整理由"
        return super().readonly_reason(row, col)

    def new_row(self) -> Indicator:
        return Indicator()

    def field_of(self, col):
        return FIELDS.get(col)

    def blank_editable(self, col):
        return col in FIELDS and col != COL_ACHIEVEMENT   # a new row is not 定性 yet

    def new_row_for(self, col) -> Indicator:
        """A row typed from its 三级指标 on joins the group of the last row (shown merged);
        one typed from its 二级指标 joins the last 一级指标; one typed from 一级指标 starts afresh."""
        last = self._rows[-1] if self._rows else None
        if last is None or col == COL_LEVEL1:
            return Indicator()
        if col == COL_LEVEL2:
            return Indicator(last.level1)
        return Indicator(last.level1, last.level2)

    def insertRows(self, row, count, parent=None):
        """New rows take the 一级/二级指标 of the row above, so they join its group."""
        from ..qt import QModelIndex
        parent = parent if parent is not None else QModelIndex()
        if parent.isValid() or not self.project_editable() or count < 1 \
                or not 0 <= row <= len(self._rows):
            return False
        above = self._rows[row - 1] if row > 0 else (self._rows[0] if self._rows else None)
        rows = [Indicator(above.level1, above.level2) if above else Indicator()
                for _ in range(count)]
        self.session.insert_rows("indicator", self.pid, row, rows)
        return True

    def set_project(self, pid):
        super().set_project(pid)
        self._unstarted_seen = self._unstarted_now()

    def _unstarted_now(self) -> bool:
        """No row of the project begun (domain.checks_indicators.not_started): no cell red."""
        from ...domain.checks_indicators import not_started   # not needed to start
        try:
            return self.pid is not None and not_started(self.session.project(self.pid))
        except KeyError:       # the project being removed
            return False

    def _field_changed(self, entity, pid, row_key, attr):
        super()._field_changed(entity, pid, row_key, attr)
        if entity == "indicator" and pid == self.pid:
            self._repaint_if_begun()

    def _rows_changed(self, entity, pid):
        super()._rows_changed(entity, pid)
        if entity == "indicator" and pid == self.pid:
            self._repaint_if_begun()

    def _repaint_if_begun(self) -> None:
        """The first row begun, or the last one emptied again: every row's cells change colour,
        not only the row typed in."""
        now = self._unstarted_now()
        if now != self._unstarted_seen:
            self._unstarted_seen = now
            if self._rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._rows) - 1, self.columnCount() - 1))

    def changed_rows(self, entity, row_key, attr):
        if entity == "meta":
            return 0, len(self._rows) - 1    # another rule profile: every score may change
        rows = super().changed_rows(entity, row_key, attr)
        if rows is not None and attr in ("level1", "level2"):
            return rows[0], min(rows[0] + 1, len(self._rows) - 1)  # the row below shows it merged
        return rows

    def score_of(self, row: int):
        ind = self._rows[row]
        try:
            return self.session.indicator_score(self.pid, ind.id)
        except KeyError:   # a row being removed: the views may still read it
            return score_indicator(ind, self.session.profile(self.pid),
                                   self.session.document.year)

    def _weight_shown(self, row: int) -> str | None:
        """分值 as the profile shows scores (10 and 10.00 both → 10.00; 7.125 kept); None for an
        empty or unreadable cell (shown as typed). The editor still gets the value as typed."""
        ind = self._rows[row]
        if ind.weight is None or self.session.unread("indicator", self.pid, ind.id, "weight"):
            return None
        return weight_text(ind.weight, self.session.profile(self.pid))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            hint = self.waiting(index.row(), index.column())
            if hint is not None:
                return hint
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and \
                index.column() == COL_WEIGHT and index.row() < len(self._rows) and \
                index.row() != self._masked:
            shown = self._weight_shown(index.row())
            if shown is not None:
                return shown
        if index.isValid() and index.column() == COL_ACHIEVEMENT and index.row() < len(self._rows) \
                and index.row() != self._masked:
            shown = self._achievement_data(index.row(), role)
            if shown is not None:
                return shown
        return super().data(index, role)

    def _achievement_data(self, row: int, role: int):
        """达成情况: grey on rows that are not 定性; on a 定性 row where none was chosen, the
        level the score uses, in grey (“达成（按实际完成值）”) — shown, not stored."""
        ind = self._rows[row]
        if not is_qualitative(ind):
            return READONLY_BRUSH if role == Qt.ItemDataRole.BackgroundRole else None
        if ind.achievement or not ind.target.strip():   # no target: only a choice scores it
            return None
        derived = achievement_of(ind)
        if derived is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{derived}（按实际完成值）"
        if role == Qt.ItemDataRole.ForegroundRole:
            return DERIVED_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"未选择达成情况：得分按实际完成值“{ind.actual.strip()}”算作“{derived}”。"
                    "如不是这样，请在此选择 达成 / 部分达成 / 未达成。")
        return None

    def prepare_paste(self, block, start_row: int, columns: list[int]):
        """How a block copied from Excel/WPS lands here; returns (block, columns, note).

        - The 项目支出绩效自评表's own order ends 得分 | 偏差原因分析及改进措施, where this grid has
          达成情况 …: a last column landing on 达成情况 that holds no 达成/部分达成/未达成 is that
          sheet's 偏差原因 and goes there.
        - 一级/二级 as merged cells have their text in the first row only: the blanks below are
          filled down (as 导入Excel reads them), continuing the row above the paste.
        """
        notes = []
        titled = _titled_columns(block[0], columns) if len(block) > 1 else None
        if titled is not None:       # the sheet's header row copied along: it names the columns
            block, columns = block[1:], titled
            notes.append("第一行是列标题，已按标题把各列粘贴到对应的列")
        names = [i for i, col in enumerate(columns) if col in (COL_LEVEL1, COL_LEVEL2, COL_NAME)]
        values = [i for i, col in enumerate(columns) if col in (COL_TARGET, COL_ACTUAL)]
        kept = [row for row in block if not _is_sum_row(row, names, values)]
        if len(kept) < len(block):
            # a table's “合计 … 90 90” is no indicator of 90 points (总分 180)
            notes.append(f"{len(block) - len(kept)} 行“合计/总分”未作为指标粘贴（合计由表格计算）")
            block = kept
            if not block:
                return block, columns, "；".join(notes)
        width = max(len(row) for row in block)
        if titled is None and len(columns) == width and columns[-1] == COL_ACHIEVEMENT and \
                COL_SCORE in columns:
            texts = [row[-1] for row in block if len(row) == width and row[-1].strip()]
            if texts and any(parsed(t).achievement is None for t in texts):
                columns = [*columns[:-1], COL_DEVIATION]
                notes.append("最后一列按“偏差原因分析及改进措施”粘贴（财政部自评表的列顺序）")
        block, filled = self._fill_levels(block, start_row, columns)
        if filled:
            notes.append(filled)
        if COL_ACHIEVEMENT in columns:   # 1/2/3, d/b/w, 基本完成 … pasted as typed
            from ..delegates import achievement_for
            i = columns.index(COL_ACHIEVEMENT)
            block = [[(achievement_for(v) or v) if k == i and v.strip() else v
                      for k, v in enumerate(row)] for row in block]
        return block, columns, "；".join(notes)

    def _fill_levels(self, block, start_row: int, columns: list[int]):
        if COL_LEVEL1 not in columns:
            return block, ""
        i1 = columns.index(COL_LEVEL1)
        i2 = columns.index(COL_LEVEL2) if COL_LEVEL2 in columns else None

        def at(row, i):
            return row[i] if i is not None and i < len(row) else ""

        above = ("", "")
        if 0 < start_row <= len(self._rows):
            above = (self._rows[start_row - 1].level1, self._rows[start_row - 1].level2)
        given = [(at(row, i1), at(row, i2)) for row in block]
        out, filled = [], False
        for row, (g1, g2), (l1, l2) in zip(block, given, fill_levels(given, above)):
            row = list(row)
            if any(cell.strip() for cell in row):       # a blank spacer row stays blank
                for i, typed, value in ((i1, g1, l1), (i2, g2, l2)):
                    if i is not None and i < len(row) and not typed.strip() and value:
                        row[i] = value
                        filled = True
            out.append(row)
        return out, ("一级/二级指标为合并单元格：空格已按上一行填充" if filled else "")

    def computed(self, row, col, role):
        if col != COL_SCORE or row >= len(self._rows):
            return None
        score = self.score_of(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if score.score is None else str(score.score)
        if role == Qt.ItemDataRole.ToolTipRole:
            stated = self._rows[row].stated_score     # what an imported report gave this row
            if stated is None:
                return score.explanation
            return f"{score.explanation}\n原表填报得分：{num(stated)}（导入时读入，供核对）"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            return READONLY_BRUSH
        return None

    def cell_error(self, row, col, ref):
        error = self._cell_error(row, col, ref)
        if error is None and col in RULE_COLUMNS and row < len(self._rows) and \
                row != self._masked:
            missing = self.rule_error(row)
            if missing is not None and RULE_COLUMNS[col] == missing[0]:
                return missing[1]
        return error

    def rule_error(self, row: int) -> tuple[str, str] | None:
        """(field, message) of the cell the row's scoring error belongs to — an empty 年度指标值,
        实际完成值 or 分值 — as 问题清单 lists it (domain.checks_indicators.error_field). None while
        no row is begun (a new 部门整体's template): not yet evaluated, no cell red;
        the cell's tooltip still says what to fill (``waiting``)."""
        found = self._rule(row)
        return None if self._rule_cache[2] else found

    def waiting(self, row: int, col: int) -> str | None:
        """While no row is begun: what the cell ``col`` of ``row`` waits for (its tooltip)."""
        if col not in RULE_COLUMNS or row >= len(self._rows) or row == self._masked:
            return None
        found = self._rule(row)
        if not self._rule_cache[2] or found is None or found[0] != RULE_COLUMNS[col]:
            return None
        return found[1]

    def _rule(self, row: int) -> tuple[str, str] | None:
        scores = self.session.score(self.pid)     # a new object after any change: a new cache
        if self._rule_cache[0] is not scores:
            self._rule_cache = (scores, {}, self._unstarted_now())
        known = self._rule_cache[1]
        if row not in known:
            known[row] = self._rule_error(row)
        return known[row]

    def _rule_error(self, row: int) -> tuple[str, str] | None:
        from ...domain.checks_indicators import _blank, error_field   # not needed to start
        ind = self._rows[row]
        if _blank(ind):
            return None
        rule = self.score_of(row)
        if ind.override is not None and ind.weight is not None:
            rule = score_indicator(replace(ind, override=None), self.session.profile(self.pid),
                                   self.session.document.year)
        if not rule.error:
            return None
        department = self.session.project(self.pid).kind is ProjectKind.DEPARTMENT
        return error_field(ind, rule, department)[1], rule.error

    def _cell_error(self, row, col, ref):
        error = super().cell_error(row, col, ref)
        if error or row >= len(self._rows):
            return error
        ind = self._rows[row]
        if col == COL_LEVEL1 and ind.level1.strip():
            profile = self.session.profile(self.pid)
            if profile.level1_for(ind.level1) is None:
                names = "、".join(lv.label for lv in profile.level1)
                return f"一级指标“{ind.level1}”不属于本评分规则的 {names}"
        if col == COL_TARGET:
            return parsed(ind.target).error or self._stale(ind) or None
        if col == COL_ACTUAL:
            return self._actual_error(ind)
        if col == COL_OVERRIDE and ind.override is not None:
            score = self.score_of(row)
            if not score.override_used:       # the scoring says so; the grid does not judge
                return score.error or "调整后得分未被采用"
        if col == COL_REASON and ind.override is not None and not ind.override_reason.strip():
            return "填写了调整后得分，请填写调整理由（将打印在自评表上）"
        if col == COL_DEVIATION and not ind.deviation.strip() and not self._stale(ind):
            score = self.score_of(row)
            if score.overshoot:
                return "实际完成值超过目标较多，请填写偏差原因分析及改进措施"
            if score.below_full:
                return "得分低于满分，请填写偏差原因分析及改进措施"
        return None

    def _stale(self, ind: Indicator) -> str:
        """Last year's 时效 target carried over: the target cell says so, not the 偏差原因."""
        from ...domain.checks_indicators import stale_deadline   # not needed to start
        return stale_deadline(ind, self.session.document.year)

    @staticmethod
    def _actual_error(ind: Indicator) -> str | None:
        target, actual = target_and_actual(ind)
        if actual.empty:
            return None
        if actual.error:     # against a number the clerk may judge the row instead
            if not (target.ok and target.direction in NUMERIC):
                return actual.error
            return None if ind.achievement else actual.error + OR_CHOICE
        # words (圆满完成, 未超预算) are read by the rule or asked at 达成情况, not red here
        if target.ok and target.direction in NUMERIC and actual.number is not None:
            pair = comparable(target, actual)
            if isinstance(pair, str):
                return pair
        return None
