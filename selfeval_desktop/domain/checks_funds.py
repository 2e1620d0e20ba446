"""Checks of a project's money: totals against their parts, spending against funds, slips of unit.

All amounts are integer 分; a check only compares figures that were filled in (an empty cell is
"not known", never 0). 计划安排资金/实际到位资金 not typed are the sum of the sources, 实际支出 not
typed the sum of the spending lines (``Funding.effective_planned_total`` …, as the forms print
them): a total is said only when a typed one disagrees with its parts, or when nothing at all is
given for a figure the basic form prints.
"""
from __future__ import annotations

from statistics import median

from . import catalogs
from .checks_base import Context, percent, wan, yuan
from .model import (FUND_KIND_LABELS, BudgetLine, FundKind, ProjectKind, Source, SpendingScheme,
                    counted_lines, details_of, lines_total, source_label)
from .money import FEN_PER_WAN, format_wan
from .schemes import SCHEME_NAMES
from .scoring import YUAN_SLIP_RATIO

FUNDING_LABELS = {
    "planned_total": "计划安排资金", "arrived_total": "实际到位资金", "spent_total": "实际支出",
    "initial_budget": "年初预算数", "annual_budget": "全年预算数", "executed": "全年执行数",
}
SOURCE_COLUMNS = {"planned": ("planned_total", "计划安排资金"), "arrived": ("arrived_total", "实际到位资金")}
KIND_COLUMNS = {"initial": ("initial_budget", "年初预算数"), "annual": ("annual_budget", "全年预算数"),
                "executed": ("executed", "全年执行数")}
LINE_LABELS = {"planned": "计划支出数", "actual": "实际支出数",
               "special_planned": "其中专项（计划）", "special_actual": "其中专项（实际）"}
# a line's column → the project total its lines add up to
LINE_TOTALS = {"planned": "planned_total", "actual": "spent_total"}

SOURCES = list(Source)
KINDS = list(FundKind)

# 元 among 万元: a line below 0.01 万元 (100 元), or below 1/1000 of the largest sibling and below
# 0.1 万元 (1000 元), while a sibling is at least 1 万元.  Seed 002: 125, 93, 5, 20, 0.0005, 2, 20.
TINY_FEN = FEN_PER_WAN // 100
SMALL_FEN = FEN_PER_WAN // 10
SIBLING_FLOOR_FEN = FEN_PER_WAN
RATIO = 1000
MAX_DETAIL = 8  # a longer breakdown would drown the sentence


def check_funds(ctx: Context) -> None:
    """Every money check of one project, in the order the budget tab shows its blocks."""
    _negative(ctx)
    _source_sums(ctx)
    _kind_sums(ctx)
    _line_sums(ctx)
    _detail_sums(ctx)
    _printed_totals(ctx)
    _special_within_line(ctx)
    _overuse(ctx)
    _execution(ctx)
    _yuan_among_wan(ctx)
    _line_classification(ctx)


def source_name(ctx: Context, source: Source) -> str:
    return source_label(source, ctx.doc.unit.region_word or "省级")


def line_name(line: BudgetLine, row: int) -> str:
    label = line.name.strip() or line.code.strip()
    return f"支出明细“{label}”" if label else f"支出明细第{row + 1}行"


def _negative(ctx: Context) -> None:
    f = ctx.project.funding
    for attr, label in FUNDING_LABELS.items():
        value = getattr(f, attr)
        if value is not None and value < 0:
            ctx.error("negative_amount", f"{ctx.name}{label}为 {wan(value)}，金额不能为负数",
                      "budget", field=attr)
    for source in SOURCES:
        amount = f.by_source.get(source)
        for col, (_total, label) in SOURCE_COLUMNS.items():
            value = getattr(amount, col, None)
            if value is not None and value < 0:
                ctx.error("negative_amount", f"{ctx.name}{source_name(ctx, source)}{label}为 "
                          f"{wan(value)}，金额不能为负数", "budget", "source", SOURCES.index(source), col)
    for kind in KINDS:
        row = f.by_kind.get(kind)
        for col, (_total, label) in KIND_COLUMNS.items():
            value = getattr(row, col, None)
            if value is not None and value < 0:
                ctx.error("negative_amount", f"{ctx.name}{FUND_KIND_LABELS[kind]}{label}为 "
                          f"{wan(value)}，金额不能为负数", "budget", "fund_kind", KINDS.index(kind), col)
    for i, line in enumerate(ctx.project.budget_lines):
        for col, label in LINE_LABELS.items():
            value = getattr(line, col)
            if value is not None and value < 0:
                ctx.error("negative_amount", f"{ctx.name}{line_name(line, i)}{label}为 {wan(value)}，"
                          f"金额不能为负数", "budget", "budget_line", i, col)


def _compare_total(ctx: Context, code: str, total_attr: str, parts: list[tuple[str, int]],
                   what: str, total: int | None = None, total_note: str = "") -> None:
    """A total against the parts that are filled in: a mismatch is an error. ``total`` defaults
    to the figure typed; a total not given (None) is the parts' sum, nothing to say."""
    if not parts:
        return
    if total is None:
        total = getattr(ctx.project.funding, total_attr)
    label = FUNDING_LABELS[total_attr]
    added = sum(v for _, v in parts)
    if total is not None and added != total:
        detail = ""
        if 1 < len(parts) <= MAX_DETAIL:
            detail = "（" + " + ".join(f"{name} {format_wan(v)}" for name, v in parts) + "）"
        ctx.error(code, f"{ctx.name}{what}合计 {wan(added)}{detail}，与{label}{total_note} "
                  f"{wan(total)}不符，相差 {wan(abs(total - added))}", "budget", field=total_attr)


def _source_sums(ctx: Context) -> None:
    f = ctx.project.funding
    for col, (total_attr, label) in SOURCE_COLUMNS.items():
        parts = [(source_name(ctx, s), getattr(f.by_source[s], col)) for s in SOURCES
                 if s in f.by_source and getattr(f.by_source[s], col) is not None]
        _compare_total(ctx, "sources_sum", total_attr, parts, f"各来源{label}")


def _kind_sums(ctx: Context) -> None:
    f = ctx.project.funding
    for col, (total_attr, label) in KIND_COLUMNS.items():
        parts = [(FUND_KIND_LABELS[k], getattr(f.by_kind[k], col)) for k in KINDS
                 if k in f.by_kind and getattr(f.by_kind[k], col) is not None]
        _compare_total(ctx, "fund_kinds_sum", total_attr, parts,
                       f"{label}的构成（当年财政拨款、上年结转、其他资金）")


def _line_sums(ctx: Context) -> None:
    """Lines' 计划支出数 against 计划安排资金 (typed, else the sources' sum); 实际支出数 against
    实际支出 when typed (not typed, their sum is it)."""
    f = ctx.project.funding
    for col, total_attr in LINE_TOTALS.items():
        parts = [(line.name.strip() or line.code.strip() or f"第{i + 1}行", getattr(line, col))
                 for i, line in counted_lines(ctx.project.budget_lines, col)]
        total, note = None, ""
        if total_attr == "planned_total" and f.planned_total is None:
            total, note = f.sources_sum("planned"), "（各来源之和）"
        _compare_total(ctx, "lines_sum", total_attr, parts, f"支出明细{LINE_LABELS[col]}",
                       total, note)


def _detail_sums(ctx: Context) -> None:
    """A listed line (302 商品和服务支出 4) whose details below it (30201, 30202 …) add up to more
    than it: all of them print, and only the class counts in the 支出合计. Less is not
    said: units list only the notable details (30211 差旅费 under 302). Details are the catalog's
    items of the class (``details_of``), not any code that starts with another."""
    lines = ctx.project.budget_lines
    for i, line in enumerate(lines):
        details = details_of(line, lines)
        if not details:
            continue
        for col, label in LINE_LABELS.items():
            value, parts = getattr(line, col), lines_total(details, col)
            if value is None or parts is None or parts <= value:
                continue
            ctx.warning("line_details_differ",
                        f"{ctx.name}{line_name(line, i)}{label} {wan(value)}，其下明细合计 "
                        f"{wan(parts)}，明细超过了所属科目，请核对", "budget", "budget_line", i, col)


# the basic form prints 计划安排资金 and 实际支出; the MoF form and the score use 全年预算数 and
# 全年执行数: the same money typed twice, so one filled and the other empty prints a blank
PRINTED_TWINS = (("planned_total", "annual_budget"), ("spent_total", "executed"))


# what is empty when a printed figure has neither a typed total nor parts, and where to fill it
NOTHING_GIVEN = {
    "planned_total": "资金来源的各来源计划安排资金和合计都未填写",
    "arrived_total": "资金来源的各来源实际到位资金和合计都未填写",
    "spent_total": "支出明细的实际支出数和实际支出都未填写",
}


def _printed_totals(ctx: Context) -> None:
    """计划安排资金, 实际到位资金 and 实际支出 of the basic form: said when nothing gives them."""
    if ctx.project.kind is not ProjectKind.PROJECT:
        return
    f = ctx.project.funding
    effective = {"planned_total": f.effective_planned_total(),
                 "arrived_total": f.effective_arrived_total(),
                 "spent_total": ctx.project.effective_spent_total()}
    twins = dict(PRINTED_TWINS)
    for printed, value in effective.items():
        twin = twins.get(printed)
        if printed == "spent_total" and getattr(f, twin) not in (None, value) and value is not None:
            # the two forms would print two figures for what was spent. 计划安排资金 and
            # 全年预算数 differ by design where a project has 自筹 money (seed 002: 240 against 52)
            label, twin_label = FUNDING_LABELS[printed], FUNDING_LABELS[twin]
            ctx.warning("printed_twins_differ",
                        f"{ctx.name}{label} {wan(value)}与{twin_label} {wan(getattr(f, twin))}不一致："
                        f"自评基本情况表印{label}，项目支出绩效自评表印{twin_label}；"
                        f"如实际支出含自筹等非财政资金可不理会，否则请核对", "budget", field=printed)
        if printed == "planned_total" and value is not None and f.annual_budget is not None \
                and f.annual_budget > value:
            # seed 002 鸿城 printed 计划安排资金 20 (自筹 only) on one form and 全年预算数 42
            # (专项 only) on the other; the whole of the project's money is at least the 全年预算数
            ctx.warning("planned_below_budget",
                        f"{ctx.name}计划安排资金 {wan(value)}小于全年预算数 {wan(f.annual_budget)}："
                        f"计划安排资金应包括财政拨款和自筹等全部来源，请核对两张表上的金额",
                        "budget", field=printed)
        if value is not None:
            continue
        label, twin = FUNDING_LABELS[printed], twins.get(printed)
        if twin is not None and getattr(f, twin) is not None:
            twin_label = FUNDING_LABELS[twin]
            ctx.warning("printed_total_missing",
                        f"{ctx.name}{label}未填写（{twin_label}为 {wan(getattr(f, twin))}），"
                        f"自评基本情况表打印的是{label}，请填写", "budget", field=printed)
        else:
            ctx.warning("total_missing", f"{ctx.name}{label}未填写：{NOTHING_GIVEN[printed]}，"
                        f"自评基本情况表此处将空白", "budget", field=printed)


def _special_within_line(ctx: Context) -> None:
    for i, line in enumerate(ctx.project.budget_lines):
        for special, whole in (("special_planned", "planned"), ("special_actual", "actual")):
            part, total = getattr(line, special), getattr(line, whole)
            if part is not None and total is not None and part > total:
                ctx.error("special_above_line",
                          f"{ctx.name}{line_name(line, i)}{LINE_LABELS[special]} {wan(part)}大于"
                          f"该行{LINE_LABELS[whole]} {wan(total)}，其中数不能超过总数",
                          "budget", "budget_line", i, special)


def _over(ctx: Context, code: str, used: int | None, base: int | None, used_text: str,
          base_text: str, tab_place: dict) -> None:
    if used is None or base is None or base <= 0 or used <= base:
        return
    ctx.warning(code, f"{ctx.name}{used_text} {wan(used)}，超过{base_text} {wan(base)}，"
                f"为其 {percent(used, base)}，请核实", "budget", **tab_place)


def _overuse(ctx: Context) -> None:
    """Funds arrived or spent above what was planned (seed 002: 自筹 20 万元, 使用 22 万元, 110%)."""
    f = ctx.project.funding
    for source in SOURCES:
        amount = f.by_source.get(source)
        if amount is not None:
            name = source_name(ctx, source)
            _over(ctx, "source_overuse", amount.arrived, amount.planned, f"{name}实际到位资金",
                  f"{name}计划安排资金", {"table": "source", "row": SOURCES.index(source),
                                          "field": "arrived"})
    for i, line in enumerate(ctx.project.budget_lines):
        _over(ctx, "line_overuse", line.actual, line.planned, f"{line_name(line, i)}实际支出数",
              "计划支出数", {"table": "budget_line", "row": i, "field": "actual"})
    planned, arrived = f.effective_planned_total(), f.effective_arrived_total()
    if f.arrived_total is not None or f.planned_total is not None:   # two sums: said by source
        _over(ctx, "arrived_over_planned", arrived, planned, "实际到位资金",
              "计划安排资金", {"field": "arrived_total"})
    spent = ctx.project.effective_spent_total()
    if arrived is not None:
        _over(ctx, "spent_over_arrived", spent, arrived, "实际支出",
              "实际到位资金", {"field": "spent_total"})
    else:
        _over(ctx, "spent_over_planned", spent, planned, "实际支出",
              "计划安排资金", {"field": "spent_total"})


def _execution(ctx: Context) -> None:
    f = ctx.project.funding
    profile = ctx.profile
    if f.annual_budget is not None and f.executed is not None and \
            0 < f.annual_budget * YUAN_SLIP_RATIO <= f.executed:
        # 40000 typed in 元 against a budget of 10 万元 — 400000% — is an error, not an amber
        # note among others while the total keeps full marks and a grade
        ctx.error("executed_as_yuan",
                  f"{ctx.name}全年执行数 {wan(f.executed)}是全年预算数 {wan(f.annual_budget)}的 "
                  f"{f.executed // f.annual_budget} 倍，是否把以元计的金额填成了万元？"
                  f"（若是 {format_wan(f.executed)} 元，应填 {wan(f.executed // 10000)}）", "budget",
                  field="executed")
    elif f.annual_budget is not None and f.executed is not None and \
            0 < f.annual_budget < f.executed:
        scored = profile is not None and profile.execution_weight != 0  # 部门整体: not scored
        ctx.warning("execution_over_100",
                    f"{ctx.name}全年执行数 {wan(f.executed)}超过全年预算数 {wan(f.annual_budget)}，"
                    f"执行率 {ctx.execution_rate(f.executed, f.annual_budget)}"
                    f"{'（按 100% 计分）' if scored else ''}，请核实",
                    "budget", field="executed")
    if ctx.project.kind is ProjectKind.DEPARTMENT:
        _department_budget(ctx)
    if profile is None or profile.execution_weight == 0:
        return
    if f.annual_budget is None:
        ctx.error("annual_budget_missing", f"{ctx.name}全年预算数未填写，无法计算预算执行率",
                  "budget", field="annual_budget")
    elif f.annual_budget == 0:
        ctx.error("annual_budget_zero", f"{ctx.name}全年预算数为 0，无法计算预算执行率",
                  "budget", field="annual_budget")
    elif f.executed is None:
        ctx.error("executed_missing", f"{ctx.name}全年执行数未填写，无法计算预算执行率",
                  "budget", field="executed")


def _department_budget(ctx: Context) -> None:
    """部门预算资金 (全年预算数, 全年执行数) is what the 部门整体支出绩效自评表 prints; 实际到位资金
    and 实际支出 are not (seed 001's money was in those only and the form's block printed
    empty, with nothing said)."""
    f = ctx.project.funding
    missing = [label for label, value in (("全年预算数", f.annual_budget), ("全年执行数", f.executed))
               if value is None]
    if missing:
        ctx.warning("department_budget_missing",
                    f"{ctx.name}部门预算资金的{'、'.join(missing)}未填写：部门整体支出绩效自评表的"
                    f"“部门预算资金”一栏将为空", "budget",
                    field="annual_budget" if f.annual_budget is None else "executed")


def _yuan_among_wan(ctx: Context) -> None:
    """An amount that looks like 元 typed among 万元 figures, or 元 figures typed as 万元."""
    lines = ctx.project.budget_lines
    for col, label in LINE_LABELS.items():
        values = [(i, getattr(line, col)) for i, line in enumerate(lines)]
        values = [(i, v) for i, v in values if v is not None and v > 0]
        if len(values) < 2:
            continue
        for i, v in values:
            others = [w for j, w in values if j != i]
            largest = max(others)
            name = line_name(lines[i], i)
            if largest >= SIBLING_FLOOR_FEN and (
                    v < TINY_FEN or (v * RATIO < largest and v < SMALL_FEN)):
                ctx.warning("yuan_among_wan",
                            f"{ctx.name}{name}{label}为 {wan(v)}（{yuan(v)}），与其他以万元计的金额"
                            f"相差悬殊，是否误填为元？", "budget", "budget_line", i, col)
                continue
            total_attr = LINE_TOTALS.get(col)
            total = getattr(ctx.project.funding, total_attr) if total_attr else None
            if total_attr == "planned_total":   # the sources' sum stands for it (not the lines')
                total = ctx.project.funding.effective_planned_total()
            if v >= RATIO * median(others) and (total is None or v > total):
                ctx.warning("yuan_as_wan",
                            f"{ctx.name}{name}{label}为 {wan(v)}，比其他金额大上千倍，"
                            f"是否把以元计的金额误填为万元？", "budget", "budget_line", i, col)




def catalog_entry(line: BudgetLine, scheme: SpendingScheme) -> catalogs.CatalogEntry | None:
    """The catalog entry a line's code and name name together, or None."""
    code, name = line.code.strip(), line.name.strip()
    if scheme is SpendingScheme.ECONOMIC or not code:
        return catalogs.lookup(f"{code} {name}".strip(), scheme)
    entry = catalogs.by_code(code, scheme)
    if entry is not None and name and catalogs.lookup(name, scheme) is not entry:
        return None
    return entry


def _line_classification(ctx: Context) -> None:
    """A spending line with money but no 支出科目, or one the catalog does not know (the grid
    shows it red): the forms print such a line without (or with a wrong) classification."""
    scheme = ctx.project.spending_scheme
    for i, line in enumerate(ctx.project.budget_lines):
        written = f"{line.code.strip()} {line.name.strip()}".strip()
        if not written:
            if any(getattr(line, col) for col in LINE_LABELS):
                ctx.error("line_unclassified", f"{ctx.name}支出明细第{i + 1}行有金额但未选择支出科目",
                          "budget", "budget_line", i, "name")
        elif catalog_entry(line, scheme) is None:
            ctx.warning("line_unknown", f"{ctx.name}支出明细第{i + 1}行“{written}”不在"
                        f"{SCHEME_NAMES[scheme]}中，请从列表中选择", "budget", "budget_line", i, "name")
