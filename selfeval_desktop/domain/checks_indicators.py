"""Checks of a project's indicators: weights against the profile, each row's score, stated scores."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from .checks_base import Context, percent, points, shown, wan
from .model import Indicator, ProjectKind, execution_ratio
from .indicator_order import rows_text, split_groups
from .profiles import band_word
from .scoring import (IndicatorScore, judged_by_achievement, num, parsed, score_indicator,
                      target_and_actual)
from .value_slips import unit_slip
from .unread_keys import unread_key
from .values import Direction

ZERO = Decimal(0)
HUNDRED = Decimal(100)



def row_name(row: int, ind: Indicator) -> str:
    name = ind.name.strip()
    return f"第{row + 1}行指标“{name}”" if name else f"第{row + 1}行指标"


def check_indicators(ctx: Context) -> None:
    project = ctx.project
    if not project.indicators:
        ctx.error("indicators_missing", f"{ctx.name}尚未填写绩效指标，无法评分", "indicators",
                  "indicator")
        return
    if ctx.profile is None or ctx.score is None:
        return
    unstarted = not_started(project)
    if unstarted:
        _not_started(ctx)
    _weights_sum(ctx)
    _level1(ctx)
    _groups_split(ctx)
    for row, (ind, s) in enumerate(zip(project.indicators, ctx.score.indicators)):
        _row(ctx, row, ind, s, unstarted)
        _rate_row(ctx, row, ind)
    _stated_execution(ctx)
    _stated_total(ctx)
    _stated_grade(ctx)


def started(ind: Indicator) -> bool:
    """Whether anything that scores the row has been written: 年度指标值, 实际完成值, 达成情况, an
    adjusted or a stated 得分 (the names and 分值 a template or 插入常用指标 gives are not)."""
    return bool(ind.target.strip() or ind.actual.strip() or (ind.achievement or "").strip()
                or ind.override is not None or ind.stated_score is not None)


def not_started(project) -> bool:
    """No indicator row of ``project`` has been begun (a new 部门整体's template rows): it is not
    yet evaluated, said once as a project without indicators is, not as one error per row with
    every row's cell red (a new 部门整体 file would open with 9 错误 before anything was
    typed). Once one row is begun, each row's gap is said again."""
    seen = False
    for ind in project.indicators:       # stops at the first row begun: the window asks this
        if _blank(ind):                  # on every cell a paste writes (a 200-row paste that
            continue                     # scanned every row once per cell took 0.8 s)
        if started(ind):
            return False
        seen = True
    return seen


def _not_started(ctx: Context) -> None:
    rows = [row for row, ind in enumerate(ctx.project.indicators) if not _blank(ind)]
    field = "achievement" if ctx.project.kind is ProjectKind.DEPARTMENT else "target"
    ctx.error("indicators_unfilled", f"{ctx.name}{len(rows)} 项指标尚未填写：请逐项填写年度指标值和"
              "实际完成值，或按评分标准选择达成情况（达成 / 部分达成 / 未达成），填写后自动计分",
              "indicators", "indicator", rows[0], field)


def _weights_sum(ctx: Context) -> None:
    """分值 of all indicators + 预算执行率 分值 must be 100."""
    weights = [ind.weight for ind in ctx.project.indicators if ind.weight is not None]
    gaps = [row for row, ind in enumerate(ctx.project.indicators) if ind.weight is None]
    unread = {row for row in gaps if _weight_unread(ctx.project, ctx.project.indicators[row])}
    missing = len(gaps) - len(unread)
    indicators = sum(weights, ZERO)
    execution = ctx.profile.execution_weight
    total = indicators + execution
    if total == HUNDRED:
        return
    text = f"{ctx.name}指标分值合计 {points(indicators)}"
    if execution:
        text += f"，加预算执行率 {points(execution)}共 {points(total)}"
    text += "，应为 100 分"
    others = ([f"{missing} 项指标未填写分值"] if missing else []) + \
        ([f"{len(unread)} 项分值无法识别"] if unread else [])
    if others:
        text += f"（另有 {'、'.join(others)}）"
    # the jump goes to the first row without a 分值, not to row 1 whatever was wrong
    ctx.error("weights_sum", text, "indicators", "indicator", gaps[0] if gaps else None,
              field="weight")


def _weight_unread(project, ind: Indicator) -> bool:
    """A 分值 typed that could not be read (kept as typed, red): not “未填写”."""
    return ind.id is not None and unread_key("indicator", ind.id, "weight") in project.unread


def _level1(ctx: Context) -> None:
    """Level-one headings the profile knows, and their weights against the profile's."""
    profile = ctx.profile
    sums: dict[str, Decimal] = {}
    first_row: dict[str, int] = {}
    for row, ind in enumerate(ctx.project.indicators):
        written = ind.level1.strip()
        level = profile.level1_for(written) if written else None
        if not written:
            if _blank(ind):
                continue
            ctx.warning("level1_missing", f"{ctx.name}{row_name(row, ind)}未填写一级指标",
                        "indicators", "indicator", row, "level1")
            continue
        if level is None:
            known = "、".join(lv.label for lv in profile.level1)
            ctx.warning("level1_unknown", f"{ctx.name}{row_name(row, ind)}的一级指标“{written}”"
                        f"不是评分规则中的一级指标（{known}）", "indicators", "indicator", row, "level1")
            continue
        sums[level.key] = sums.get(level.key, ZERO) + (ind.weight or ZERO)
        first_row.setdefault(level.key, row)
    if not sums:
        return
    expected = profile.expected_level1_weights(set(sums))
    labels = {lv.key: lv.label for lv in profile.level1}
    moved = ("满意度" in labels and "满意度" not in expected and profile.missing_satisfaction_to)
    satisfaction = next((lv.weight for lv in profile.level1 if lv.key == "满意度"), None)
    for key, weight in expected.items():
        label = labels.get(key, key)
        rule = f"评分规则中为 {points(weight)}"
        if moved and key == profile.missing_satisfaction_to:
            rule += f"，其中 {points(satisfaction)}由未设的满意度指标并入"
        if key not in sums:
            ctx.warning("level1_absent", f"{ctx.name}没有{label}（{rule}）",
                        "indicators", "indicator", field="level1")
        elif sums[key] != weight:
            ctx.warning("level1_weights", f"{ctx.name}{label}分值合计 {points(sums[key])}，{rule}",
                        "indicators", "indicator", first_row[key], "weight")


def _groups_split(ctx: Context) -> None:
    """A heading whose rows are apart prints twice on the 自评表 (产出指标 typed in the 新 row
    after 满意度指标)."""
    for label, spans in split_groups(ctx.project.indicators):
        ctx.warning("indicator_groups_split",
                    f"{ctx.name}“{label}”的指标分在几处（{rows_text(spans)}），打印的自评表中会出现"
                    f"{len(spans)}次；可点绩效指标表上方的“按一级指标归类”把它们排在一起",
                    "indicators", "indicator", spans[1][0], "level1")


def _blank(ind: Indicator) -> bool:
    return (not any(t.strip() for t in (ind.level1, ind.level2, ind.name, ind.target, ind.actual))
            and ind.weight is None and ind.stated_score is None and ind.override is None)


def error_field(ind: Indicator, rule: IndicatorScore, department: bool = False) -> tuple[str, str]:
    """(code, field) of the cell a scoring error belongs to. A 部门整体 row without a target is
    judged by a 评分标准: its missing 达成情况 is the red cell, not the target."""
    if ind.weight is None:
        return "weight_missing", "weight"
    if ind.weight < 0:
        return "weight_negative", "weight"
    target, actual = target_and_actual(ind)
    if target.empty:
        return ("achievement_missing", "achievement") if department else ("target_missing", "target")
    if target.error:
        return "target_unreadable", "target"
    if actual.empty:
        return "actual_missing", "actual"
    if rule.direction is Direction.QUALITATIVE:
        return "achievement_missing", "achievement"
    if actual.error:                 # said at the cell, with the choice as the other way out
        return "actual_unreadable", "actual"
    if judged_by_achievement(ind):   # 时效 without a date, words against a number
        return "achievement_missing", "achievement"
    if rule.direction is Direction.TIMELY:   # both dated: the year of a yearless target unknown
        return "deadline_year_unknown", "target"
    slip = unit_slip(target, actual)         # ≥0.95 against 90%: the target lacks the unit
    return "units_incomparable", slip[0] if slip else "actual"


def _row(ctx: Context, row: int, ind: Indicator, s: IndicatorScore, unstarted: bool = False) -> None:
    """The findings of one row; ``unstarted``: no row is begun, the gap said once (not per row)."""
    where = f"{ctx.name}{row_name(row, ind)}"
    if _blank(ind):
        ctx.warning("indicator_blank", f"{ctx.name}第{row + 1}行指标是空行，请填写或删除",
                    "indicators", "indicator", row, "name")
        return
    if not ind.name.strip():
        ctx.warning("indicator_name_missing", f"{where}未填写三级指标名称", "indicators",
                    "indicator", row, "name")
    rule = s
    if ind.override is not None and ind.weight is not None:
        rule = score_indicator(replace(ind, override=None), ctx.profile, ctx.doc.year)
    reasonless = ind.override is not None and not ind.override_reason.strip()
    if not rule.error and not ind.target.strip():  # judged by a 评分标准, not a target
        ctx.warning("target_empty", f"{where}未填写年度指标值，已按所选达成情况“{ind.achievement}”计分；"
                    "有目标值时请填写，表中该格将为空", "indicators", "indicator", row, "target")
    if not rule.error and not ind.actual.strip():  # scored by the chosen 达成情况 alone
        ctx.warning("actual_empty", f"{where}已选择达成情况，但实际完成值未填写，表中该格将印“（{ind.achievement}）”",
                    "indicators", "indicator", row, "actual")
    if rule.error:
        if not unstarted:     # else said once for the project (_not_started)
            code, field = error_field(ind, rule, ctx.project.kind is ProjectKind.DEPARTMENT)
            ctx.error(code, f"{where}：{rule.error}", "indicators", "indicator", row, field)
    elif s.error:  # the rule scored the row, so the error is the override's
        # a missing reason is said below; is the value itself refused too?
        refused = score_indicator(replace(ind, override_reason="理由"), ctx.profile,
                                  ctx.doc.year) if reasonless else s
        if refused.error:
            ctx.error("override_refused", f"{where}：{refused.error}", "indicators", "indicator",
                      row, "override")
    if reasonless:
        ctx.error("override_reason_missing", f"{where}调整了得分（{num(ind.override)} 分），"
                  f"请填写调整理由", "indicators", "indicator", row, "override_reason")
    stale = stale_deadline(ind, ctx.doc.year)
    if stale:   # first: the target to change, not a 偏差原因 to write
        ctx.warning("deadline_before_year", f"{where}{stale}", "indicators", "indicator", row,
                    "target")
    elif s.score is not None and (s.below_full or s.overshoot) and not ind.deviation.strip():
        if s.below_full:
            why = "得分低于满分"
        else:
            why = f"实际完成值超过目标值的 {percent(ctx.profile.overshoot_threshold, 1)}"
        ctx.warning("deviation_missing", f"{where}{why}，请填写偏差原因分析及改进措施",
                    "indicators", "indicator", row, "deviation")
    _contradiction(ctx, row, ind, where)
    _stated_score(ctx, row, ind, s, where)


RATE_NAMES = ("预算执行率", "资金执行率", "预算资金执行率")
RATE_GAP = Decimal("0.5")       # percentage points: a rate written with fewer decimals still fits


def _rate_row(ctx: Context, row: int, ind: Indicator) -> None:
    """An indicator 预算执行率 whose 实际完成值 is not the rate the 预算表 gives (seed 001 writes
    100% where its own figures make 100.22%)."""
    if not any(name in ind.name for name in RATE_NAMES):
        return
    actual = parsed(ind.actual)
    f = ctx.project.funding
    rate = execution_ratio(f.executed, f.annual_budget)
    if actual.error or actual.number is None or actual.unit != "%" or rate is None:
        return
    if abs(actual.number - rate * 100) <= RATE_GAP or actual.number == 100 and rate > 1:
        return        # written with fewer decimals, or over 100% written as 100% (said apart)
    ctx.warning("rate_indicator_differs",
                f"{ctx.name}{row_name(row, ind)}的实际完成值“{ind.actual.strip()}”与预算表算出的执行率 "
                f"{ctx.execution_rate(f.executed, f.annual_budget)}（全年执行数 {wan(f.executed)}／全年预算数 "
                f"{wan(f.annual_budget)}）不一致，请核对", "indicators", "indicator", row, "actual")


def _contradiction(ctx: Context, row: int, ind: Indicator, where: str) -> None:
    """实际完成值 that reads as one 达成 level while another is chosen (达成 / 部分达成)."""
    chosen = (ind.achievement or "").strip()
    said = parsed(ind.actual).achievement
    if not chosen or said is None or said.value == chosen:
        return
    ctx.warning("achievement_contradicts", f"{where}实际完成值“{ind.actual.strip()}”与所选达成情况"
                f"“{chosen}”不一致（得分按所选的“{chosen}”计），请核对", "indicators",
                "indicator", row, "achievement")


def stale_deadline(ind: Indicator, year: int | None) -> str:
    """Why a 时效 target of an earlier year than the one evaluated is suspect ("" if it is not):
    last year's target carried over (从上年文件新建) and not updated — 2021年12月前 in the 2022
    evaluation, which scores an on-time 2022年11月 as 逾期 (the clerk, asked for a 偏差原因
    instead, would see nothing at the target cell). Said at the cell and in the 问题清单."""
    deadline = parsed(ind.target).deadline
    if year is None or deadline is None or deadline[0] is None or deadline[0] >= year:
        return ""
    return (f"目标时间 {ind.target.strip()} 早于评价年度 {year}，是否沿用了上年的目标？"
            "请改为本年度的时间（该行现按此目标计分）")


def _stated_score(ctx: Context, row: int, ind: Indicator, s: IndicatorScore, where: str) -> None:
    stated = ind.stated_score
    if stated is None:
        return
    if stated < 0:
        ctx.error("stated_negative", f"{where}填报得分 {points(stated)}，得分不能为负数",
                  "indicators", "indicator", row, "stated_score")
    elif ind.weight is not None and stated > ind.weight:
        ctx.error("stated_above_weight", f"{where}填报得分 {points(stated)}，高于该指标分值 "
                  f"{points(ind.weight)}", "indicators", "indicator", row, "stated_score")
    elif s.score is not None and ctx.profile.round(stated) != s.score:
        ctx.warning("stated_score_differs", f"{where}填报得分 {points(stated)}，按评分规则计算为 "
                    f"{shown(s.score)}（{s.explanation}）", "indicators", "indicator", row,
                    "stated_score")


def _stated_total(ctx: Context) -> None:
    project, score, profile = ctx.project, ctx.score, ctx.profile
    stated = project.stated_total
    if stated is None:
        return
    if not score.scored:
        ctx.warning("stated_total_unchecked", f"{ctx.name}填报的综合得分 {points(stated)}无法核对："
                    f"{score.explanation}", "indicators", field="stated_total")
        return
    if score.provisional:   # rows unscored or 分值 not 100: no computed total to hold it against
        ctx.warning("stated_total_unchecked", f"{ctx.name}填报的综合得分 {points(stated)}无法核对："
                    f"{score.provisional_reason}", "indicators", field="stated_total")
    elif profile.round(stated) != score.total:
        ctx.warning("stated_total_differs", f"{ctx.name}填报的综合得分 {points(stated)}与按评分规则"
                    f"计算的 {shown(score.total)}不符（{score.explanation}）", "indicators",
                    field="stated_total")
    parts = [ind.stated_score for ind in project.indicators]
    if any(p is None for p in parts):
        return
    stated_exec = project.stated_execution_score
    execution = stated_exec if stated_exec is not None else score.execution.score or ZERO
    added = profile.round(sum(parts, ZERO) + execution)
    if profile.round(stated) != added:
        text = f"{ctx.name}填报的综合得分 {points(stated)}不等于各指标填报得分合计 " \
               f"{points(sum(parts, ZERO))}"
        if stated_exec is not None:
            text += f"加填报的预算执行率得分 {points(stated_exec)}（共 {shown(added)}）"
        elif score.execution.weight:
            text += f"加预算执行率得分 {shown(execution)}（共 {shown(added)}）"
        ctx.warning("stated_total_sum", text, "indicators", field="stated_total")


def _stated_execution(ctx: Context) -> None:
    """复核: a stated 预算执行率得分 must follow from the rate under the document's profile."""
    stated, ex = ctx.project.stated_execution_score, ctx.score.execution
    if stated is None:
        return
    if ex.score is None:
        ctx.warning("execution_stated_unchecked", f"{ctx.name}填报的预算执行率得分 {points(stated)}"
                    f"无法核对：{ex.explanation}", "budget", field="stated_execution_score")
    elif ctx.profile.round(stated) != ex.score:
        ctx.warning("execution_stated_differs", f"{ctx.name}填报的预算执行率得分 {points(stated)}，"
                    f"按评分规则应为 {shown(ex.score)}（{ex.explanation}）", "budget",
                    field="stated_execution_score")


def _grade_key(text: str) -> str:
    return band_word(text.strip().rstrip("级等次"))


def _stated_grade(ctx: Context) -> None:
    stated = ctx.project.stated_grade.strip()
    if not stated or not ctx.score.scored:  # 未评分: nothing to compare a stated grade with
        return
    if ctx.score.provisional:
        # 分值 not adding up to 100 (reported above): the computed total has no grade to compare
        # with; the stated grade can still be held against the stated total.
        total = ctx.project.stated_total
        if total is not None and _grade_key(stated) != _grade_key(ctx.profile.grade(total)):
            ctx.warning("stated_grade_differs", f"{ctx.name}填报的自评等次“{stated}”与填报的综合得分 "
                        f"{points(total)}应评的等次“{ctx.profile.grade(total)}”不符", "indicators",
                        field="stated_grade")
        return
    computed = ctx.score.grade
    if _grade_key(stated) != _grade_key(computed):
        ctx.warning("stated_grade_differs", f"{ctx.name}填报的自评等次“{stated}”与按综合得分 "
                    f"{shown(ctx.score.total)}评定的等次“{computed}”不符", "indicators",
                    field="stated_grade")
