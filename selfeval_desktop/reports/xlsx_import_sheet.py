"""Reading one sheet of a 项目支出绩效自评表 workbook into a Project.

Two steps, because the unit of money (万元 or 元) is decided for the whole workbook after every
sheet has been looked at: :func:`read_sheet` reads everything but money and keeps the money
cells raw (:class:`MoneyCell`); :func:`apply_money` converts them once the unit is known.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
import re

from ..domain.cells import CellError, cell_decimal, cell_money, cell_rate, fill_levels, normalise_label
from ..domain.model import FundKind, Indicator, Project, ProjectKind, Source
from ..domain.profiles import Profile
from ..domain.scoring import achievement_of, num, qualitative_band, target_and_actual
from ..domain.unread_keys import parse_unread_key, position_key, unread_key
from ..domain.values import Direction, parse_value
from .deviation import without_adjustment
from .xlsx_import_extra import read_extra
from .xlsx_import_locate import (Grid, MoneyCell, locate_field, locate_funds, locate_goals,
                                 locate_indicators, locate_year)
from .xlsx_import_report import SheetReport

FUNDS_ATTR = {"initial": "initial_budget", "annual": "annual_budget", "executed": "executed"}
KIND_ATTR = {"initial": "initial", "annual": "annual", "executed": "executed"}
NATURE = {"≥": "≥", ">=": "≥", ">": "≥", "正向": "≥", "≤": "≤", "<=": "≤", "<": "≤",
          "反向": "≤", "=": "=", "==": "=", "等于": "="}
ACHIEVEMENTS = ("达成", "部分达成", "未达成")
STATED_REASON = "按原表自评得分"


@dataclass
class SheetData:
    report: SheetReport
    project: Project
    year: int | None = None
    unit_label: str | None = None          # 万元 / 元 as the sheet's labels say; None if silent
    money: list[MoneyCell] = field(default_factory=list)
    wan_numbers: list[Decimal] = field(default_factory=list)  # 万元 figures in indicator values
    unit_fields: dict[str, str] = field(default_factory=dict)  # unit name, supervisor ... if stated


def read_sheet(grid: Grid, from_app: bool = False) -> tuple[SheetData | None, SheetReport]:
    """(the sheet's data, its report); data is None (``report.skipped`` says why) when the
    sheet holds no 自评表.

    ``from_app``: the workbook was written by this program, so its 得分 column holds computed
    scores (not the unit's own) and the unit's own ones are in the 原表得分 column.
    """
    report = SheetReport(grid.name)
    if grid.height == 0:
        report.skipped, report.deliberate = "工作表是空的", True
        return None, report
    table = locate_indicators(grid)
    name, _ = locate_field(grid, "name")
    if table is None:
        if _is_summary(grid):
            report.skipped = "这是汇总表，不含单个项目的指标"
            report.deliberate = True
        elif from_app and _is_basic_forms(grid):
            report.skipped = "这是打印用的自评基本情况表，其内容已从各项目的工作表读入"
            report.deliberate = True
        elif name:
            report.skipped = (f"找到项目名称“{name}”，但没有找到绩效指标表（表头应含“三级指标”和"
                              f"“年度指标值”或“实际完成值”）")
        else:
            report.skipped = "没有找到自评表（未找到“项目名称”和绩效指标表）"
        return None, report
    project = Project(name=name)
    if is_department_sheet(grid):
        project.kind = ProjectKind.DEPARTMENT
    data = SheetData(report, project, year=locate_year(grid))
    report.project_name = name
    if name:
        report.read.append(f"项目名称：{name}")
    else:
        report.problems.append("未找到“项目名称”，项目名称留空")
    for key in ("supervisor", "implementer"):
        text, _ = locate_field(grid, key)
        setattr(project, key, text)
    if project.supervisor or project.implementer:
        report.read.append(f"主管部门：{project.supervisor or '（空）'}；实施单位："
                           f"{project.implementer or '（空）'}")
    _read_funds(grid, data, from_app)
    project.goal_expected, project.goal_actual = locate_goals(grid, table.header_row)
    if project.goal_expected or project.goal_actual:
        report.read.append("年度总体目标：预期目标"
                           + ("、实际完成情况" if project.goal_actual else ""))
    _read_indicators(grid, table, data, from_app)
    project.stated_execution_score = report.stated_execution_score  # kept for 复核 (schema 1.2)
    read_extra(grid, data, from_app)
    return data, report


def is_department_sheet(grid: Grid) -> bool:
    """A 部门整体支出绩效自评表: said by its title (first rows) or its 项目类型 field."""
    title = any("部门整体" in grid.label(r, c) for r in range(min(grid.height, 2))
                for c in range(len(grid.rows[r])))
    return title or locate_field(grid, "kind")[0] == "部门整体"


def _is_basic_forms(grid: Grid) -> bool:
    """The 基本情况表 sheet of a workbook this program wrote (``xlsx_basic``): its title first."""
    return grid.height > 0 and any("自评基本情况表" in grid.label(0, c) for c in range(len(grid.rows[0])))


def _is_summary(grid: Grid) -> bool:
    for r in range(min(grid.height, 30)):
        labels = {label for _, label in grid.row_labels(r)}
        if "项目名称" in labels and ({"等次", "等级", "自评等次"} & labels or "汇总" in "".join(labels)):
            return True
    return any("汇总" in grid.label(r, c) for r in range(min(grid.height, 3))
               for c in range(len(grid.rows[r])))


# ---------------------------------------------------------------- funds

def _read_funds(grid: Grid, data: SheetData, from_app: bool) -> None:
    report, funds = data.report, locate_funds(grid)
    if funds is None:
        report.problems.append("未找到项目资金表（年初预算数 / 全年预算数 / 全年执行数），"
                               "资金与执行率需在窗口中填写")
        return
    data.unit_label = funds.unit
    names = {"initial": "年初预算数", "annual": "全年预算数", "executed": "全年执行数"}
    row_names = {"total": "年度资金总额", "current": "当年财政拨款", "carryover": "上年结转资金",
                 "other": "其他资金"}
    found = []
    for row_key, r in funds.rows.items():
        for col_key, attr in names.items():
            c = funds.columns.get(col_key)
            if c is None or not grid.text(r, c):
                continue
            if row_key == "total":
                key = FUNDS_ATTR[col_key]
            else:
                key = f"kind.{row_key}.{KIND_ATTR[col_key]}"
            data.money.append(MoneyCell(key, grid.raw(r, c),
                                        f"{row_names[row_key]}{attr}（{grid.address(r, c)}）"))
        found.append(row_names[row_key])
    if "total" not in funds.rows:
        report.problems.append("项目资金表中未找到“年度资金总额”行，全年预算数、执行数未读取")
    else:
        report.read.append("项目资金：" + "、".join(found)
                           + (f"（单位：{funds.unit}）" if funds.unit else "（表中未写明单位）"))
        _stated_execution(grid, funds, data, from_app)


def _stated_execution(grid: Grid, funds, data: SheetData, from_app: bool) -> None:
    r, report = funds.rows["total"], data.report
    c = funds.columns.get("weight")
    if c is not None:
        try:
            report.stated_execution_weight = cell_decimal(*grid.raw(r, c))
        except CellError as exc:
            report.problems.append(f"执行率分值（{grid.address(r, c)}）：{exc}")
    if not from_app:
        _stated_execution_score(grid, r, funds.columns, "score", "执行率得分", data)
    _stated_rate(grid, r, funds.columns.get("rate"), "执行率", data.report)


def _stated_execution_score(grid: Grid, r: int, cols: dict[str, int], key: str, what: str,
                            data: SheetData) -> None:
    """The 预算执行率得分 the unit stated (kept for 复核, schema 1.2); unreadable text is kept
    as typed (``project::stated_execution_score``) and said unreviewed, as the rows' 得分 are."""
    report, project = data.report, data.project
    kept = unread_key("project", None, "stated_execution_score")
    if report.stated_execution_score is not None or kept in project.unread:
        return  # stated once already (the funds table and a 预算执行率 row): the first counts
    report.stated_execution_score = _number(grid, r, cols, key, what, report, (project, kept))
    if kept in project.unread:
        report.unreviewed.append(f"预算执行率得分（{grid.address(r, cols[key])}）")


def _stated_rate(grid: Grid, r: int, c: int | None, what: str, report: SheetReport) -> None:
    """The 执行率 as the sheet states it. The rate is computed from 全年执行数 ÷ 全年预算数 and
    stored nowhere (no cell of the window holds it, nothing to correct there), so text that
    cannot be read (“约95%”, “见附件”) is said in the report with its cell, not kept."""
    if c is None:
        return
    try:
        cell_rate(*grid.raw(r, c))
    except CellError as exc:
        report.problems.append(f"{what}（{grid.address(r, c)}）：{exc}；执行率按全年执行数 ÷ "
                               f"全年预算数计算，不取表中所填")


# ---------------------------------------------------------------- indicators

def _cell(grid: Grid, r: int, cols: dict[str, int], key: str) -> str:
    c = cols.get(key)
    return "" if c is None else grid.text(r, c)


def _with_unit(text: str, unit: str) -> str:
    if not text or not unit or text.endswith(unit):
        return text
    try:
        cell_decimal(text)
    except CellError:
        return text
    return text + unit


def _read_indicators(grid: Grid, table, data: SheetData, from_app: bool) -> None:
    cols, report, project = table.columns, data.report, data.project
    if "weight" not in cols:
        report.problems.append("此表没有“分值”列：各指标的分值需在窗口中补填后才能计分")
    if "score" not in cols and not from_app:
        report.problems.append("此表没有“得分”列：没有单位自评得分可供复核")
    # 预算执行率 named as a row: the execution score (some provinces' forms), unless the sheet
    # is a 部门整体 one (no separate execution score) or its funds table states the score's 分值
    as_indicator = (project.kind is ProjectKind.DEPARTMENT
                    or report.stated_execution_weight is not None)
    execution_rows = set() if as_indicator else set(table.execution_rows)
    rows = sorted(table.rows + table.execution_rows)
    levels = fill_levels((_cell(grid, r, cols, "level1"), _cell(grid, r, cols, "level2"))
                         for r in rows)   # merged 一级/二级 cells: the text is in the first row
    for r, (level1, level2) in zip(rows, levels):
        if r in execution_rows:
            continue
        ind = Indicator(level1=level1, level2=level2, name=_cell(grid, r, cols, "name"))
        unit = _cell(grid, r, cols, "unit")
        nature = normalise_label(_cell(grid, r, cols, "nature"))
        target = _with_unit(_cell(grid, r, cols, "target"), unit)
        if nature in NATURE and target and not re.match(r"[≥≤=<>＞＜]", target):
            target = NATURE[nature] + target
        ind.target = target
        ind.actual = _with_unit(_cell(grid, r, cols, "actual"), unit)
        ind.deviation = _cell(grid, r, cols, "deviation")
        where = f"第{r + 1}行“{ind.name or '未命名指标'}”"
        # text that cannot be read is kept as typed (red in the window, listed in 问题清单),
        # keyed by the row's place until it is saved and has an id
        row = position_key(len(project.indicators))
        ind.weight = _number(grid, r, cols, "weight", f"{where}分值", report,
                             (project, unread_key("indicator", row, "weight")))
        stated_key = "stated" if from_app else "score"
        ind.stated_score = _number(grid, r, cols, stated_key, f"{where}得分", report,
                                   (project, unread_key("indicator", row, "stated_score")))
        if ind.stated_score is None and _cell(grid, r, cols, stated_key):
            report.unreviewed.append(f"第{r + 1}行“{ind.name or '未命名指标'}”的得分")
        if from_app:
            ind.override = _number(grid, r, cols, "override", f"{where}调整后得分", report,
                                   (project, unread_key("indicator", row, "override")))
            ind.override_reason = _cell(grid, r, cols, "override_reason")
            # the export prints the reason under the 偏差原因 too (as the PDF): not typed there
            ind.deviation = without_adjustment(ind.deviation, ind.override_reason)
            achievement = _cell(grid, r, cols, "achievement")
            ind.achievement = achievement if achievement in ACHIEVEMENTS else None
        for value in (parse_value(ind.target), parse_value(ind.actual)):
            if value.number is not None and value.unit == "万元":
                data.wan_numbers.append(value.number)
        project.indicators.append(ind)
        report.indicator_rows.append(r + 1)
    _execution_rows(grid, sorted(execution_rows), cols, data, from_app)
    _stated_total(grid, table, data, from_app)
    if project.indicators:
        carried = any(not _cell(grid, r, cols, "level1") for r in table.rows)
        report.read.append(f"绩效指标 {len(project.indicators)} 项"
                           + ("（一级、二级指标空白的行沿用上一行的）" if carried else ""))
    else:
        report.problems.append("绩效指标表是空的")


def _number(grid: Grid, r: int, cols: dict[str, int], key: str, what: str, report,
            keep: tuple[Project, str] | None = None) -> Decimal | None:
    """The cell's number; None when empty or unreadable. ``keep``: (project, unread key) to
    keep unreadable text under, as typed; without it the text is dropped (said so)."""
    c = cols.get(key)
    if c is None:
        return None
    try:
        return cell_decimal(*grid.raw(r, c))
    except CellError as exc:
        if keep is None:
            report.problems.append(f"{what}（{grid.address(r, c)}）：{exc}，未读取")
        else:
            keep[0].unread[keep[1]] = grid.text(r, c) or str(grid.raw(r, c)[0])
            report.problems.append(f"{what}（{grid.address(r, c)}）：{exc}（原文已保留）")
        return None


def _execution_rows(grid: Grid, rows: list[int], cols: dict[str, int], data: SheetData,
                    from_app: bool) -> None:
    """预算执行率 written as a row of the indicator table (some provinces' forms)."""
    report = data.report
    for r in rows:
        weight = _number(grid, r, cols, "weight", "预算执行率分值", report)
        if weight is not None and report.stated_execution_weight is None:
            report.stated_execution_weight = weight
        if not from_app:
            _stated_execution_score(grid, r, cols, "score", f"第{r + 1}行预算执行率得分", data)
        _stated_rate(grid, r, cols.get("actual"), f"第{r + 1}行预算执行率实际完成值", report)
        if weight is not None:
            stated = num(weight)
        else:
            stated = "无法读取" if _cell(grid, r, cols, "weight") else "未填"
        report.read.append(f"第{r + 1}行“预算执行率”按执行率得分读取（分值 {stated}），"
                           f"不作为绩效指标")


def _stated_total(grid: Grid, table, data: SheetData, from_app: bool) -> None:
    r, report = table.total_row, data.report
    if r is None or from_app:
        return
    c = table.columns.get("score")
    candidates = [c] if c is not None else list(range(len(grid.rows[r]) - 1, -1, -1))
    for cc in candidates:
        try:
            value = cell_decimal(*grid.raw(r, cc))
        except CellError:
            continue
        if value is not None:
            data.project.stated_total = value
            report.read.append(f"总分（单位自评）：{num(value)}")
            return
    label = next((lb for _, lb in grid.row_labels(r)), "总分")
    report.problems.append(f"第{r + 1}行“{label}”没有可读的得分")
    report.unreviewed.append(f"第{r + 1}行的总分")


# ---------------------------------------------------------------- money, once the unit is known

def apply_money(data: SheetData, unit: str) -> None:
    """Convert the raw money cells (in ``unit``: 万元 or 元) into 分; unreadable text is kept
    as typed in ``Project.unread`` and said in the report."""
    project = data.project
    for cell in data.money:
        try:
            fen = cell_money(cell.raw[0], unit, cell.raw[1])
        except CellError as exc:
            project.unread[_unread_key(cell.key)] = str(cell.raw[0])
            data.report.problems.append(f"{cell.where}：{exc}（原文已保留）")
            continue
        _set_money(project, cell.key, fen)


def _unread_key(key: str) -> str:
    """The ``Project.unread`` key of one of our money keys (``kind.current.annual`` …); a
    spending line (``line.2.actual``) has no id yet: keyed by its place until it is saved."""
    entity, row_key, attr = parse_unread_key(key)
    if entity == "budget_line":
        row_key = position_key(int(row_key))
    return unread_key(entity, row_key, attr)


def _set_money(project: Project, key: str, fen: int | None) -> None:
    parts = key.split(".")
    if len(parts) == 1:
        setattr(project.funding, key, fen)
    elif parts[0] == "kind":
        setattr(project.funding.by_kind[FundKind(parts[1])], parts[2], fen)
    elif parts[0] == "source":
        setattr(project.funding.by_source[Source(parts[1])], parts[2], fen)
    elif parts[0] == "line":
        setattr(project.budget_lines[int(parts[1])], parts[2], fen)


# ---------------------------------------------------------------- 定性 rows: the unit's judgement

def bands_from_stated(project: Project, report: SheetReport, profile: Profile) -> None:
    """A 定性 (or undated 时效) row whose actual names no 达成 level takes its level from the
    score the unit stated: 13 of 15 is 达成, 9.5 of 15 部分达成, 5 of 10 未达成 — the unit's own
    judgement, as the form records it. A stated score other than the band's suggested one is
    kept as the override, with the reason 按原表自评得分, so the score and the review follow
    the form instead of asking for a choice the form already made."""
    for ind in project.indicators:
        stated, weight = ind.stated_score, ind.weight
        if stated is None or weight is None or not (0 <= stated <= weight):
            continue
        target, actual = target_and_actual(ind)
        undated = target.direction is Direction.TIMELY and actual.deadline is None
        if target.direction is not Direction.QUALITATIVE and not undated:
            continue
        if achievement_of(ind) is not None:
            continue
        shown = profile.round(stated)
        for band in profile.qualitative_bands:
            bounds = qualitative_band(weight, band.achievement, profile)
            if bounds is None:
                continue
            low, high, suggested = bounds
            if low <= shown and (shown <= high if band.high_inclusive else shown < high):
                ind.achievement = band.achievement
                if shown != suggested:
                    ind.override, ind.override_reason = stated, STATED_REASON
                report.read.append(f"“{ind.name or '未命名指标'}”未写明达成情况，按原表得分 "
                                   f"{num(stated)} 分（分值 {num(weight)}）取“{band.achievement}”")
                break
