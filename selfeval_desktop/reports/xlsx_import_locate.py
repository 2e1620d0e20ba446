"""Finding the blocks of a 项目支出绩效自评表 sheet by their labels, not by cell addresses.

Real workbooks move things around: blank spacer rows, a column added on the left, merged cells
(read-only openpyxl sees a merged range as its top-left value and blanks), labels spelled with
spaces or full-width colons. :class:`Grid` holds a sheet's cells as a dense table; the
``locate_*`` functions find the project fields, the funds block (项目资金), the goals
(年度总体目标) and the indicator table by the words in their labels.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
import re

from ..domain.cells import INDICATOR_TITLES, cell_text, line_field, normalise_label, title_matches

MAX_ROWS = 5000     # a 自评表 has well under 200 rows; more means this is not one
MAX_COLS = 60

Raw = tuple  # (value, number_format)
EMPTY: Raw = (None, None)


@dataclass
class MoneyCell:
    """An amount cell kept raw until the workbook's unit (万元 or 元) is decided."""
    key: str       # where it goes: "annual_budget", "kind.current.annual", "source.central.planned"
    raw: Raw
    where: str     # "全年预算数（D6）" for messages


class SheetTooLarge(Exception):
    """The sheet has more rows than any 自评表 (read stops there, nothing is imported from it)."""


@dataclass
class Grid:
    """A sheet's cells: ``rows[r][c]`` is ``(value, number_format)``; 0-based.

    Each row's normalised labels are worked out once, on first use: every field looked up scans
    every row again (a 20-project workbook normalised 5.5 million labels and took 6 s to
    import). read_grid makes each row a tuple, and a cached row is kept beside its labels, so
    a row replaced after the cache was built is normalised afresh, never read stale."""
    name: str
    rows: list[Sequence[Raw]]
    _labels: dict[int, tuple[Sequence[Raw], tuple[str, ...], tuple[tuple[int, str], ...]]] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    _headers: dict[int, tuple[tuple, bool]] = field(default_factory=dict, init=False, repr=False,
                                                     compare=False)

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def raw(self, r: int, c: int) -> Raw:
        if 0 <= r < len(self.rows) and 0 <= c < len(self.rows[r]):
            return self.rows[r][c]
        return EMPTY

    def text(self, r: int, c: int) -> str:
        value, fmt = self.raw(r, c)
        return cell_text(value, fmt)

    def _cached(self, r: int):
        """(row, every cell's normalised label, the non-empty ones with their columns) of row r,
        worked out once (see the class)."""
        row = self.rows[r]
        cached = self._labels.get(r)
        if cached is None or cached[0] is not row:
            labels = tuple(normalise_label(value) for value, _fmt in row)
            cached = self._labels[r] = (row, labels,
                                        tuple((c, label) for c, label in enumerate(labels) if label))
        return cached

    def label(self, r: int, c: int) -> str:
        if 0 <= r < len(self.rows) and 0 <= c < len(self.rows[r]):
            return self._cached(r)[1][c]
        return ""

    def row_labels(self, r: int) -> tuple[tuple[int, str], ...]:
        return self._cached(r)[2]

    def table_header(self, r: int) -> bool:
        """Row r holds a spending table's column titles (three or more), worked out once."""
        labels = self.row_labels(r)
        cached = self._headers.get(r)
        if cached is None or cached[0] is not labels:
            cached = self._headers[r] = (labels, sum(1 for _c, label in labels
                                                     if line_field(label)) >= 3)
        return cached[1]

    def blank_row(self, r: int) -> bool:
        return not any(self.text(r, c) for c in range(len(self.rows[r])))

    @staticmethod
    def address(r: int, c: int) -> str:
        """Excel's name of a cell: (0, 0) → A1."""
        letters, n = "", c + 1
        while n:
            n, rem = divmod(n - 1, 26)
            letters = chr(65 + rem) + letters
        return f"{letters}{r + 1}"


def read_grid(ws, name: str) -> Grid:
    """The cells of an openpyxl (read-only) worksheet; SheetTooLarge past MAX_ROWS rows."""
    rows: list[Sequence[Raw]] = []
    for row in ws.iter_rows(max_col=MAX_COLS):
        if len(rows) >= MAX_ROWS:
            raise SheetTooLarge(name)
        rows.append(tuple((getattr(cell, "value", None), getattr(cell, "number_format", None))
                          for cell in row))
    while rows and not any(v is not None and str(v).strip() for v, _ in rows[-1]):
        rows.pop()
    return Grid(name, rows)


# ---------------------------------------------------------------- labels

matches = title_matches   # the shared rule (domain.cells): a paste reads headers by it too


FIELD_LABELS = {
    "name": ("项目名称",),
    "supervisor": ("主管部门", "主管单位", "主管部门(单位)"),
    "implementer": ("实施单位", "项目实施单位", "预算单位", "项目单位"),
    "grade": ("自评等级", "自评等次", "评价等级", "等级", "等次"),
    "total": ("总分", "合计得分", "综合得分", "总得分"),
    "unit_name": ("单位名称", "预算单位名称", "填报单位"),
    # 项目基本情况 (the block this program writes below the form; also 基本情况表 workbooks)
    "kind": ("项目类型",),
    "leader": ("项目负责人",),
    "phone": ("联系电话",),
    "address": ("地址", "项目地址"),
    "postcode": ("邮编", "邮政编码"),
    "start": ("起始年月", "项目起始时间", "开始时间"),
    "end": ("终止年月", "项目终止时间", "结束时间"),
    "background": ("立项背景",),
    "implementation": ("实施情况",),
    "scheme": ("支出分类方式",),
    "planned_total": ("计划安排资金合计",),
    "arrived_total": ("实际到位资金合计",),
    "spent_total": ("实际支出",),
    "unit_opinion": ("项目单位(评价机构)意见", "项目单位意见", "评价机构意见"),
    "supervisor_opinion": ("主管部门审核意见",),
    "stated_total": ("原表综合得分",),
    "stated_execution_score": ("原表预算执行率得分",),
    "stated_grade": ("原表自评等次",),
    "work": ("评价工作情况", "项目绩效评价工作情况", "绩效评价工作情况", "自评工作情况"),
    "achievement": ("绩效目标实现情况",),
    "problems": ("存在问题",),
    "measures": ("改进措施",),
    "suggestions": ("建议", "工作建议", "下一步工作建议"),
    "experience": ("经验做法",),
    "application": ("结果应用",),
    # the summary sheet's unit block
    "unit_supervisor": ("单位主管部门",),
    "unit_address": ("单位地址",),
    "unit_postcode": ("单位邮编",),
    "unit_phone": ("单位电话",),
    "region_word": ("省级财政称谓", "省级财政写作"),
    "profile": ("评分规则",),
    "department_profile": ("部门整体评分规则",),
    "grade_names": ("等次写法",),
}
ALL_FIELD_LABELS = {name for names in FIELD_LABELS.values() for name in names}

FUNDS_COLUMNS = {
    "initial": ("年初预算数", "年初预算", "年初预算金额"),
    "annual": ("全年预算数", "全年预算", "调整后预算数", "全年预算金额"),
    "executed": ("全年执行数", "全年执行", "实际执行数", "全年支出数", "执行数"),
    "weight": ("分值",),
    "rate": ("执行率", "预算执行率"),
    "score": ("得分",),
}
FUNDS_ROWS = {  # row label → FundKind value, or "total" for 年度资金总额
    "total": ("年度资金总额", "资金总额", "合计", "年度资金总额合计"),
    "current": ("当年财政拨款", "其中:当年财政拨款", "财政拨款", "其中:财政拨款", "本年财政拨款"),
    "carryover": ("上年结转资金", "其中:上年结转资金", "上年结转", "结转资金"),
    "other": ("其他资金", "其它资金", "其中:其他资金"),
}
INDICATOR_COLUMNS = INDICATOR_TITLES


# the form's footer (填表人：谢静 … 联系电话：2116276): its 联系电话 is the filler's, not the project's
FOOTER_PREFIXES = ("填表人", "填报人", "联系人")


def _footer_row(grid: Grid, r: int) -> bool:
    return any(label.startswith(FOOTER_PREFIXES) for _c, label in grid.row_labels(r))


def _find(grid: Grid, names, rows=None) -> list[tuple[int, int]]:
    """Where a field's label is, leaving out the form's footer and a table's row of column
    titles (科目 | 预算数 | 实际支出（万元） | 其中专项经费): its 实际支出 is a column, not the form's
    实际支出 field with the amount on its right (seed 002's spending table: “其中专项经费” was read
    as the project's 实际支出 and kept red)."""
    rows = range(grid.height) if rows is None else rows
    return [(r, c) for r in rows if not _footer_row(grid, r) and not grid.table_header(r)
            for c, label in grid.row_labels(r) if matches(label, names)]


# ---------------------------------------------------------------- single fields

def value_right(grid: Grid, r: int, c: int) -> tuple[int, int] | None:
    """The first non-empty cell right of (r, c) that is not itself a label; None if a label
    comes first (the field was left empty)."""
    for cc in range(c + 1, len(grid.rows[r])):
        label = grid.label(r, cc)
        if not label:
            continue
        if label in ALL_FIELD_LABELS or any(matches(label, n) for n in FIELD_LABELS.values()):
            return None
        return r, cc
    return None


def locate_field(grid: Grid, key: str, rows=None) -> tuple[str, tuple[int, int] | None]:
    """(text, cell) of a labelled single field such as 项目名称. A label that holds its value
    after a colon ("项目名称：科技奖励") works too. ("", None) when absent."""
    names = FIELD_LABELS[key]
    for r, c in _find(grid, names, rows):
        cell = value_right(grid, r, c)
        if cell is not None:
            return grid.text(*cell), cell
        return "", (r, c)
    for r in (range(grid.height) if rows is None else rows):
        if _footer_row(grid, r):
            continue
        for c, label in grid.row_labels(r):
            for name in names:
                if label.startswith(name + ":") and len(label) > len(name) + 1:
                    text = re.split(r"[:：]", grid.text(r, c), maxsplit=1)[1].strip()
                    return text, (r, c)
    return "", None


YEAR_RE = re.compile(r"[(（]?\s*(\d{4})\s*年度?\s*[)）]?")


def locate_year(grid: Grid) -> int | None:
    """The fiscal year from a title row: （2022年度）, 2021年度项目支出绩效自评表."""
    for r in range(min(grid.height, 8)):
        for c in range(len(grid.rows[r])):
            text = normalise_label(grid.text(r, c))
            m = re.search(r"(\d{4})年度", text) or re.fullmatch(r"\(?(\d{4})年?\)?", text)
            if m and 1990 <= int(m.group(1)) <= 2100:
                return int(m.group(1))
    return None


def unit_word(text: str) -> str | None:
    """万元 / 元 named in a label: '项目资金（万元）', '单位：元', '年初预算数(元)'."""
    s = normalise_label(text)
    m = re.search(r"(?:\(|单位:?)(万元|元)\)?", s)
    return m.group(1) if m else None


# ---------------------------------------------------------------- funds block

@dataclass
class FundsBlock:
    header_row: int
    columns: dict[str, int]                 # FUNDS_COLUMNS key → column
    rows: dict[str, int]                    # FUNDS_ROWS key → row
    unit: str | None                        # 万元 / 元 as the block's labels say, None if silent
    unit_cell: tuple[int, int] | None = None


def locate_funds(grid: Grid) -> FundsBlock | None:
    for r in range(grid.height):
        columns = {}
        for c, label in grid.row_labels(r):
            for key, names in FUNDS_COLUMNS.items():
                if key not in columns and matches(label, names):
                    columns[key] = c
        if "annual" in columns and ("executed" in columns or "initial" in columns):
            return FundsBlock(r, columns, _fund_rows(grid, r, min(columns.values())),
                              *_funds_unit(grid, r, columns))
    return None


def _fund_rows(grid: Grid, header: int, first_value_col: int) -> dict[str, int]:
    rows: dict[str, int] = {}
    for r in range(header + 1, min(header + 8, grid.height)):
        found = None
        for c in range(first_value_col):
            label = grid.label(r, c).removeprefix("其中:").removeprefix("其中")
            for key, names in FUNDS_ROWS.items():
                if key not in rows and (matches(label, names)
                                        or matches("其中:" + label, names)):
                    found = key
        if found:
            rows[found] = r
        elif rows and not grid.blank_row(r):
            break
    return rows


def _funds_unit(grid: Grid, header: int, columns: dict[str, int]):
    """The unit of the block: in a header label, the label left of it, or a 单位：line above."""
    candidates = [(header, c) for c in range(len(grid.rows[header]))]
    for r in range(header + 1, min(header + 6, grid.height)):
        candidates += [(r, c) for c in range(min(columns.values()))]
    for r in range(max(0, header - 3), header):
        candidates += [(r, c) for c in range(len(grid.rows[r]))]
    for cell in candidates:
        word = unit_word(grid.text(*cell))
        if word:
            return word, cell
    return None, None


# ---------------------------------------------------------------- goals

GOAL_LABELS = {"expected": ("预期目标", "年度目标", "总体目标预期"),
               "actual": ("实际完成情况", "全年实际完成情况", "实际完成", "年度目标完成情况")}


def is_label(label: str) -> bool:
    """A cell text that is one of the form's labels (never a value)."""
    groups = (*FIELD_LABELS.values(), *INDICATOR_COLUMNS.values(), *GOAL_LABELS.values(),
              ("年度总体目标", "绩效指标", "项目资金"))
    return any(matches(label, names) for names in groups)


def locate_goals(grid: Grid, before: int | None = None) -> tuple[str, str]:
    """(预期目标, 实际完成情况) of 年度总体目标. Values sit below their labels (MoF layout) or
    to their right (one row each)."""
    limit = before if before is not None else grid.height
    rows = range(limit)
    out = []
    for names in (GOAL_LABELS["expected"], GOAL_LABELS["actual"]):
        text = ""
        for r, c in _find(grid, names, rows):
            below = grid.text(r + 1, c) if r + 1 < limit else ""
            if below and not is_label(grid.label(r + 1, c)):
                text = below
            else:
                cell = value_right(grid, r, c)
                text = grid.text(*cell) if cell and not is_label(grid.label(*cell)) else ""
            break
        out.append(text)
    return out[0], out[1]


# ---------------------------------------------------------------- indicator table

@dataclass
class IndicatorTable:
    header_row: int
    columns: dict[str, int]
    rows: list[int] = field(default_factory=list)   # rows holding indicators
    total_row: int | None = None
    execution_rows: list[int] = field(default_factory=list)  # 预算执行率 written as an indicator


# a row whose first label starts with one of these ends the indicator table (the form's footer:
# 填表人：张三, 联系电话：12345678, 填报日期：…); 备注/说明/注 only as a word or before a colon
STOP_PREFIXES = ("评价人员", "填表人", "填报人", "联系电话", "联系人", "审核人", "单位负责人",
                 "填报日期", "填表日期", "项目基本情况", "附")
STOP_WORDS = ("备注", "说明", "注")
# the row with the stated total: 总分 … and 合计 / 总计 (some provinces' forms)
TOTAL_ROW_LABELS = FIELD_LABELS["total"] + ("合计", "总计", "合计得分")


def is_stop_label(label: str) -> bool:
    """Does this (normalised) label end the indicator table?"""
    return (label.startswith(STOP_PREFIXES)
            or any(label == w or label.startswith(w + ":") for w in STOP_WORDS))


def locate_indicators(grid: Grid) -> IndicatorTable | None:
    for r in range(grid.height):
        columns: dict[str, int] = {}
        for c, label in grid.row_labels(r):
            for key, names in INDICATOR_COLUMNS.items():
                if key not in columns and matches(label, names):
                    columns[key] = c
                    break
        if "name" in columns and ("target" in columns or "actual" in columns):
            return _indicator_rows(grid, IndicatorTable(r, columns))
    return None


def _indicator_rows(grid: Grid, table: IndicatorTable) -> IndicatorTable:
    cols = table.columns
    data_cols = [cols[k] for k in ("name", "target", "actual") if k in cols]
    blanks = 0
    for r in range(table.header_row + 1, grid.height):
        labels = [label for _, label in grid.row_labels(r)]
        if any(matches(lb, TOTAL_ROW_LABELS) for lb in labels):
            table.total_row = r
            break
        if labels and is_stop_label(labels[0]):
            break
        if grid.blank_row(r):
            blanks += 1
            if blanks >= 5:
                break
            continue
        blanks = 0
        if not any(grid.text(r, c) for c in data_cols):
            continue  # a 一级-only heading row, or a subtotal without a name
        if any(label.endswith("小计") for label in labels):
            continue
        name = normalise_label(grid.text(r, cols["name"]))
        if name in ("预算执行率", "资金执行率", "预算资金执行率"):
            table.execution_rows.append(r)
            continue
        table.rows.append(r)
    return table
