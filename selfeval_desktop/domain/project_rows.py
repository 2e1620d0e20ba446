"""A list of projects pasted from Excel (名称, 实施单位, 全年预算数, 全年执行数) read as new projects.

A 部门整体 lists the department's projects with their funds (seed 001: 7 projects, 14640.83 万元).
Clerks have that list on one sheet; typing each project by hand is some 35 fields.
This reads the block: by its title row when it has one (“项目名称 / 实施单位 / 全年预算数（万元）”),
else by what the columns hold (the first text column the name, a second the 实施单位, the
amount columns 全年预算数 then 全年执行数). 合计 rows, blank rows and rows without a name are left
out and said. Amounts stay as pasted (the window stores and reads them as it does a typed cell,
red when unreadable). No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass
import re

from . import cells

TITLES = {
    "name": ("项目名称", "名称", "项目", "项目名"),
    "implementer": ("实施单位", "项目实施单位", "单位", "单位名称", "预算单位", "项目单位"),
    "annual_budget": ("全年预算数", "预算数", "预算金额", "年度预算", "全年预算", "预算资金",
                      "资金金额", "金额", "下达资金", "年度资金总额"),
    "executed": ("全年执行数", "执行数", "实际支出", "实际支出数", "支出数", "决算数", "执行金额"),
}
FIELD_NAMES = {"name": "项目名称", "implementer": "实施单位", "annual_budget": "全年预算数",
               "executed": "全年执行数"}
# “1. ” “2、” “（3）” before a name; not “3.15科技维权宣传” or “3.5万吨水厂” (never cut to
# “15科技维权宣传”): a number followed by a digit is part of the name
_NUMBERING = re.compile(r"^\s*(?:[（(]\s*\d{1,3}\s*[）)]|\d{1,3}\s*[、．.)）](?!\s*\d))\s*")
_GROUP = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、．.]\s*")
# words of an amount column's title (下达金额（元）, 全年预算数, 资金数额, 拨款, 下达指标) …
_AMOUNT_TITLE_WORDS = ("金额", "数额", "预算", "执行", "资金", "支出", "数", "元", "拨", "款",
                       "下达", "指标", "合计", "年")
# … and of a project's amount not known yet (待定, 未下达, 资金未到位, 暂无)
_NOT_YET_WORDS = ("待", "未", "暂无", "无")
_NUMBER_TITLE = re.compile(r"序号|编号|序|no\.?", re.IGNORECASE)
HEAD_SEARCH = 3          # the title row is looked for in the first rows of the block
_UNIT_ENDS = ("局", "中心", "所", "院", "站", "办", "办公室", "委", "委员会", "会", "部", "队", "校",
              "馆", "处", "室", "厅", "司", "社", "场", "园", "台", "团", "组", "科", "协")


# 一级 and 二级指标 as written (产出指标, 服务对象满意度指标; the 部门整体's 投入/过程 too): a cell
# holding one is an indicator, never a project (no project “产出指标 预算 10 万元” offered)
_HEADING_STEMS = ("产出", "效益", "满意度", "投入", "过程", "数量", "质量", "时效", "成本",
                  "经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度",
                  "社会公众满意度", "群众满意度")
_HEADING = re.compile("(?:" + "|".join(sorted(_HEADING_STEMS, key=len, reverse=True))
                      + ")指标|服务对象满意度|社会公众满意度|群众满意度|可持续影响"
                      + "|(?:经济|社会|生态)效益")
# a 年度指标值 / 实际完成值 as written: ≥3次, 不低于95%, 100%以上, ≤30天
_TARGET = re.compile(r"^(?:[≥≤＞＜><=≧≦]|不少于|不低于|不超过|不高于|不小于|大于|小于|至少|"
                     r"高于|低于|达到)|(?:以上|以下|以内)$")
MAX_LIST_COLUMNS = 4     # a project list read without titles: 名称, 实施单位, 预算数, 执行数
INDICATORS_HERE = "这像是绩效指标，请在“绩效指标”表格中粘贴"


@dataclass
class PastedProject:
    """One row of the block: the project to add (amounts as pasted, a unit from the title added)."""
    row: int                         # the row in the block, from 1 (as the clerk counts)
    name: str
    implementer: str = ""
    annual_budget: str = ""
    executed: str = ""


@dataclass
class ReadProjects:
    projects: list[PastedProject]
    columns: dict[str, int]          # field → column of the block
    by_title: bool                   # read by the block's title row
    notes: list[str]                 # rows left out, and why

    def columns_text(self) -> str:
        """How the columns were read, to confirm: “第1列→项目名称，第3列→全年预算数”."""
        order = sorted(self.columns.items(), key=lambda kv: kv[1])
        how = "按标题行" if self.by_title else "按各列内容"
        return how + "：" + "，".join(f"第{col + 1}列→{FIELD_NAMES[f]}" for f, col in order)


def read_projects(block: list[list[str]]) -> ReadProjects:
    """The projects a pasted block lists (see the module's docstring)."""
    rows = [[cells.cell_text(c) for c in r] for r in block]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    notes: list[str] = []
    # the title row may sit under the sheet's own title, when that was copied with it
    head = next((i for i, r in enumerate(rows[:HEAD_SEARCH]) if _by_title(r)[2]), None)
    if head is not None:
        columns, units, by_title = _by_title(rows[head])
        rows_at = list(enumerate(rows[head + 1:], start=head + 2))
        if head:
            notes.append(f"第{_rows(list(range(1, head + 1)))}行在标题行之上（表名），未作为项目")
        notes += _unknown_titles(rows[head], [r for _, r in rows_at], columns, units)
    else:
        units, by_title = {}, False
        rows_at = list(enumerate(rows, start=1))
        columns = _by_content([r for _, r in rows_at], width)
        # a first row of titles not known here (资金名称 / 下达金额（元）): titles where the rows
        # under it have amounts — a title row, its units read (not a project; with a single
        # row under it, its words would make the amount column half text)
        under = _by_content(rows[1:], width) if len(rows) > 1 else {}
        money = [c for f, c in under.items() if f in ("annual_budget", "executed")]
        heads = [rows[0][c] for c in money if rows[0][c]]
        if heads and not any(cells.is_amount(h) for h in heads) and _titles(heads, len(rows) - 1):
            columns = under
            units = {f: cells.title_money_unit(rows[0][c]) for f, c in columns.items()}
            notes.append("第1行是标题行（未能按标题识别各列，已按各列内容识别），未作为项目")
            rows_at = rows_at[1:]
    found: list[PastedProject] = []
    totals, nameless, groups = [], [], []
    group = ""          # 一、新乡市科学技术局: the 实施单位 of the rows under it (seed 001)
    for number, r in rows_at:
        if not any(r):
            continue
        get = {f: r[c] if c < len(r) else "" for f, c in columns.items()}
        # 合计 in any column (序号 too); a label ending in 合计 only as the name or the first
        # cell (a 备注 “含上年结转合计” is no total)
        if any(cells.is_total_label(c, exact=True) for c in r) or \
                cells.is_total_label(get.get("name", "")) or cells.is_total_label(r[0]):
            totals.append(number)
            continue
        raw = get.get("name", "")
        # 一、新乡市科学技术局 — in the name's cell, or in the first (a merged heading copied
        # from Excel lands there; not “没有项目名称”, and its projects keep their unit)
        heading = raw if _GROUP.match(raw) else next((c for c in r if c), "")
        if (_GROUP.match(heading) and (not raw or raw == heading)
                and not get.get("annual_budget") and not get.get("executed")):
            group = _GROUP.sub("", heading).strip()
            groups.append(number)
            continue
        name = _GROUP.sub("", _NUMBERING.sub("", raw)).strip()
        if not name:
            nameless.append(number)
            continue
        found.append(PastedProject(
            number, name, get.get("implementer", "") or ("" if "implementer" in columns else group),
            cells.with_unit(get.get("annual_budget", ""), units.get("annual_budget")),
            cells.with_unit(get.get("executed", ""), units.get("executed"))))
    if groups:
        notes.append(f"第{_rows(groups)}行是分组标题，未作为项目"
                     + ("（其下项目的实施单位按分组标题填写）" if "implementer" not in columns else ""))
    if totals:
        notes.append(f"第{_rows(totals)}行是合计，未作为项目（合计由表格按各项目计算）")
    if nameless:
        notes.append(f"第{_rows(nameless)}行没有项目名称，未新增")
    return ReadProjects(found, columns, by_title, notes)


def indicator_refusal(block: list[list[str]]) -> str | None:
    """Why a block with no title row of a project list is not one: a block of indicators copied
    from a 绩效指标 grid or sheet (six indicator columns would offer the project “产出指标 预算
    10 万元”, its 分值 read as the budget, and one Enter would add it). Said when a
    cell is an 一级 or 二级指标 (产出指标, 服务对象满意度 — a single copied word too), a column
    holds targets (≥3次, 不低于95%), or more columns are filled than a list without titles can
    be read by (名称, 实施单位, 预算数, 执行数). None: it may be a list of projects."""
    rows = [[cells.cell_text(c) for c in r] for r in block]
    if any(_by_title(r)[2] for r in rows[:HEAD_SEARCH]):
        return None                    # a project list's title row: read by its titles
    width = max((len(r) for r in rows), default=0)
    filled = []
    for col in range(width):
        values = [r[col].strip() for r in rows if col < len(r) and r[col].strip()]
        if not values or _numbering(values):
            continue                   # blank, or a 序号 column
        if any(_HEADING.fullmatch(cells.normalise_label(v)) for v in values):
            return INDICATORS_HERE
        if 2 * sum(bool(_TARGET.search(cells.normalise_label(v))) for v in values) > len(values):
            return INDICATORS_HERE
        filled.append(col)
    if len(filled) > MAX_LIST_COLUMNS:
        return (INDICATORS_HERE + "；若是项目清单，请连同标题行（项目名称、实施单位、全年预算数、"
                "全年执行数）一起复制")
    return None


def _titles(heads: list[str], under: int) -> bool:
    """Whether a first row's words where the ``under`` rows below it have amounts are column
    titles: never words of an amount not known yet (待定, 资金未到位: a project); over one row,
    only a title's words (资金名称 / 下达金额（元）); over several, any words, as
    the rows under them all have amounts (拨款 over two projects must not become one)."""
    if any(word in h for h in heads for word in _NOT_YET_WORDS):
        return False
    return under > 1 or any(word in h for h in heads for word in _AMOUNT_TITLE_WORDS)


def _unknown_titles(title: list[str], rows: list[list[str]], columns: dict[str, int],
                    units: dict[str, str | None]) -> list[str]:
    """Columns whose title is not known (拨款, 合计, 额度（万元）) under a known title row: one
    of amounts fills a money field still free (全年预算数, then 全年执行数), as the columns are
    read without titles; any other is said not read (never dropped without a word).
    ``columns`` and ``units`` are completed in place; the notes returned."""
    notes, left = [], []
    for col, text in enumerate(title):
        if col in columns.values():
            continue
        values = [r[col] for r in rows if col < len(r) and r[col] and not cells.is_total_label(r[col])]
        if not values or _NUMBER_TITLE.fullmatch(cells.normalise_label(text)) or _numbering(values):
            continue           # blank, or a 序号 column (1, 2, 3 …): nothing to read
        free = next((f for f in ("annual_budget", "executed") if f not in columns), None)
        if free and _mostly_amounts(values):
            columns[free] = col
            units[free] = cells.title_money_unit(text)
            notes.append(f"第{col + 1}列“{text or '（无标题）'}”按内容读作{FIELD_NAMES[free]}")
        else:
            left.append(f"第{col + 1}列“{text or '（无标题）'}”")
    if left:
        notes.append(f"{'、'.join(left)}未能识别，未读取")
    return notes


def _rows(numbers: list[int]) -> str:
    return "、".join(str(n) for n in numbers)


def _by_title(first: list[str]) -> tuple[dict[str, int], dict[str, str | None], bool]:
    columns: dict[str, int] = {}
    units: dict[str, str | None] = {}
    for col, text in enumerate(first):
        key = cells.match_title(cells.normalise_label(text), TITLES)
        if key is not None and key not in columns:
            columns[key] = col
            units[key] = cells.title_money_unit(text)
    return columns, units, "name" in columns


def _by_content(rows: list[list[str]], width: int) -> dict[str, int]:
    """Columns read by what they hold: text columns are name then 实施单位, columns mostly of
    amounts are 全年预算数 then 全年执行数 (a column of blanks, or of 1, 2, 3 …, is neither)."""
    texts, amounts = [], []
    for col in range(width):
        values = [r[col] for r in rows if col < len(r) and r[col]
                  and not cells.is_total_label(r[col])]
        if not values or _numbering(values):
            continue           # blank, or a 序号 column (1, 2, 3 …)
        if all(re.fullmatch(r"(19|20)\d\d(年|年度)?", v) for v in values):
            continue           # a 年度 column (2021): not an amount
        (amounts if _mostly_amounts(values) else texts).append(col)
    # 实施单位 is a column of unit names (…局, …中心): not a 备注 (no “已完成” as 实施单位)
    units = [c for c in texts if _mostly_units([r[c] for r in rows if c < len(r) and r[c]])]
    names = [c for c in texts if c not in units]
    if not names and units:          # names that all end as unit names do (…科技馆): names
        names, units = units[:1], units[1:]
    columns = {"name": names[0]} if names else {}
    if units and names:
        columns["implementer"] = units[0]
    columns.update(zip(("annual_budget", "executed"), amounts))
    return columns


def _numbering(values: list[str]) -> bool:
    """A 序号 column: 1, 2, 3 …"""
    return values == [str(n) for n in range(1, len(values) + 1)]


def _mostly_amounts(values: list[str]) -> bool:
    """A column of amounts (one unreadable cell is kept as pasted, red)."""
    return 2 * sum(cells.is_amount(v) for v in values) > len(values)


def _mostly_units(values: list[str]) -> bool:
    named = [v for v in values if not cells.is_total_label(v)]
    return bool(named) and 2 * sum(v.endswith(_UNIT_ENDS) for v in named) > len(named)
