"""Scoring by a rule profile: 预算执行率, each indicator, the total and the grade.

Every score carries a plain Chinese explanation ("1 / 4 次 × 10 分 = 2.50") so a user, an
auditor or a test can see why. Scores are Decimals rounded to the profile's precision (they are
what is shown and printed); the total is the sum of the shown scores, so the printed column adds up.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from .model import Indicator, Project, execution_ratio
from .money import fen_to_wan
from .profiles import Profile
from .score_basics import (HUNDRED, ONE, ZERO, IndicatorScore, full, num, parsed, points,
                           rate_text, shown_rate, target_and_actual, with_unit, zero)
from .scoring_choice import (NUMERIC, OR_CHOICE, TARGET_OR_CHOICE, achievement_of, in_band,
                             is_ceiling, is_money, judged_by_achievement, qualitative_band,
                             score_by_choice, score_qualitative, within_budget)
from .values import ParsedValue, Direction, comparable, deadline_late, same_unit_reading

__all__ = ["IndicatorScore", "ExecutionScore", "ProjectScore", "UNSCORED", "PROVISIONAL_GRADE",
           "TARGET_OR_CHOICE", "OR_CHOICE", "NUMERIC", "shown_grade", "parsed", "target_and_actual",
           "num", "rate_text", "shown_rate", "points",
           "score_execution", "score_indicator", "score_project", "combine",
           "provisional_reason", "achievement_of", "qualitative_band", "judged_by_achievement"]

UNSCORED = "未评分"  # the grade of a project with nothing scorable yet


@dataclass(frozen=True)
class ExecutionScore:
    weight: Decimal
    rate: Decimal | None            # 执行率 as a fraction (0.964)
    score: Decimal | None
    explanation: str
    error: str | None = None


@dataclass(frozen=True)
class ProjectScore:
    """``scored`` is False when neither the execution rate nor any indicator has a score yet:
    the project is 未评分 (``grade`` is :data:`UNSCORED`; ``total`` 0 is no result and is not
    shown or printed). A partly scorable project keeps its total; its explanation says how many
    rows have no score."""
    execution: ExecutionScore
    indicators: tuple[IndicatorScore, ...]
    total: Decimal
    grade: str
    explanation: str
    scored: bool = True
    provisional: bool = False       # 分值 not adding up to 100, rows unscored, …
    provisional_reason: str = ""    # why (Chinese), "" when the total can be trusted
    unscored_reason: str = ""       # why 未评分, short (Chinese): “未填写全年执行数；12 项指标均无得分”


PROVISIONAL_GRADE = "—"   # shown instead of a grade that cannot be trusted yet


def shown_grade(score: ProjectScore) -> str:
    """The grade to show or print: ``—`` for a provisional score, else the grade."""
    return PROVISIONAL_GRADE if score.scored and score.provisional else score.grade


def _ratio(top: Decimal, bottom: Decimal, unit: str) -> str:
    """A quotient as people say it: "1 / 4 次" for counts, "5% / 6%" when the unit is a sign."""
    if unit in ("%", "‰"):
        return f"{with_unit(top, unit)} / {with_unit(bottom, unit)}"
    return f"{num(top)} / {num(bottom)}" + (f" {unit}" if unit else "")


def score_execution(project: Project, profile: Profile) -> ExecutionScore:
    """预算执行率 = 全年执行数 / 全年预算数; score = 分值 × min(rate, 1)."""
    weight = profile.execution_weight
    funding = project.funding
    if weight == 0:
        return ExecutionScore(weight, execution_ratio(funding.executed, funding.annual_budget), None,
                              "本评分规则不单列预算执行率分值")
    if funding.annual_budget is None:
        return ExecutionScore(weight, None, None, "未填写全年预算数，无法计算执行率",
                              "全年预算数未填写")
    if funding.annual_budget == 0:
        return ExecutionScore(weight, None, None, "全年预算数为0，无法计算执行率",
                              "全年预算数为0，无法计算执行率")
    if funding.executed is None:
        return ExecutionScore(weight, None, None, "未填写全年执行数，无法计算执行率",
                              "全年执行数未填写")
    for label, value in (("全年预算数", funding.annual_budget), ("全年执行数", funding.executed)):
        if value < 0:
            msg = f"{label}为负数（{num(fen_to_wan(value))} 万元），无法计算执行率"
            return ExecutionScore(weight, None, None, msg, msg)
    executed, budget = Decimal(funding.executed), Decimal(funding.annual_budget)
    rate = executed / budget
    text = (f"执行率 = 全年执行数 {num(fen_to_wan(funding.executed))} 万元 / 全年预算数 "
            f"{num(fen_to_wan(funding.annual_budget))} 万元 = {rate_text(rate, profile)}；")
    if rate > ONE:
        score = points(weight, weight, profile)
        text += f"执行率超过100%，按100%计，得满分 {num(weight)} 分 = {score}"
    elif rate == ONE:
        score = points(weight, weight, profile)
        text += f"得满分 {num(weight)} 分 = {score}"
    else:
        score = points(weight * executed / budget, weight, profile)  # multiply first: exact halves
        text += f"{_rate_for(rate, weight, score, profile)} × {num(weight)} 分 = {score}"
    return ExecutionScore(weight, rate, score, text)


def _rate_for(rate: Decimal, weight: Decimal, score: Decimal, profile: Profile) -> str:
    """The rate as the explanation's product states it: 99.95% as shown on the forms, unless that
    rounded rate would give another score (1.9989 of 2 万元: 99.95% × 10 = 9.995 → 10.00, while
    the exact 99.945% gives 9.99); then with the decimals that give the score, rounded
    by the profile's rule as the shown rate is."""
    shown = shown_rate(rate, profile)
    if points(weight * shown / HUNDRED, weight, profile) == score:
        return rate_text(rate, profile)
    for places in range(profile.decimals + 1, profile.decimals + 7):
        exact = profile.round(rate * HUNDRED, places)
        if points(weight * exact / HUNDRED, weight, profile) == score:
            return f"{format(exact.normalize(), 'f')}%"
    return rate_text(rate, profile)


def score_indicator(ind: Indicator, profile: Profile, year: int | None = None) -> IndicatorScore:
    """The rule's score of one indicator, then the override if it is within range.

    ``year`` is the evaluation's year (Document.year): a 时效 value written without a year
    (12月底前) is read in it. Without it, a yearless target against a dated actual is not scored."""
    rule = _rule_score(ind, profile, year)
    if ind.override is not None and ind.weight is not None:
        rule = _apply_override(ind, rule, profile)
    return replace(rule, weight=ind.weight)


def _rule_score(ind: Indicator, profile: Profile, year: int | None) -> IndicatorScore:
    weight = ind.weight
    target, actual = target_and_actual(ind)
    if weight is None:
        return IndicatorScore(None, None, "未填写分值", target.direction, "分值未填写")
    if weight < 0:
        return IndicatorScore(None, None, "分值不能为负数", target.direction, "分值不能为负数")
    if target.empty:
        if ind.achievement:   # judged 达成/部分达成/未达成 by a 评分标准, not against a target
            return score_qualitative(ind, replace(target, direction=Direction.QUALITATIVE),
                                     actual, profile, note="（未填写年度指标值，按所选达成情况计分）")
        return IndicatorScore(None, None, "未填写年度指标值", None, TARGET_OR_CHOICE)
    if target.error:
        return IndicatorScore(None, None, target.error, None, target.error)
    direction = target.direction
    if direction is Direction.TIMELY and actual.error:
        return IndicatorScore(None, None, actual.error, direction, actual.error)
    if direction is Direction.QUALITATIVE or (
            direction is Direction.TIMELY and not _is_date(actual)):
        return score_qualitative(ind, target, actual, profile)
    if actual.empty:
        return IndicatorScore(None, None, "未填写实际完成值", direction, "实际完成值未填写")
    if direction is Direction.TIMELY:
        return _score_timely(weight, target, actual, profile, year)
    if actual.error:    # 108个单位代表: the value says what it is, or the clerk judges the row
        if not ind.achievement:
            msg = actual.error + OR_CHOICE
            return IndicatorScore(None, None, msg, direction, msg)
        return score_by_choice(ind, target, actual, profile, direction,
                               f"实际完成值“{actual.text.strip()}”无法读成数值")
    if direction is Direction.POSITIVE and target.bare and "成本" in (ind.level2 or ""):
        direction = Direction.NEGATIVE  # a bare amount under 成本指标 is a ceiling
    if actual.number is None:          # words where a number is expected (圆满完成, 未超预算)
        if actual.no_overrun and direction is Direction.NEGATIVE and is_money(target):
            return within_budget(weight, target, actual, profile)
        return score_by_choice(ind, target, actual, profile, direction,
                               f"实际完成值“{actual.text.strip()}”不是数值")
    pair = comparable(target, actual)
    if isinstance(pair, str):
        return IndicatorScore(None, None, pair, direction, pair)
    t, a = pair
    unit = target.unit
    if direction is Direction.NEGATIVE and is_ceiling(actual):   # 实际未超过 360 天
        if a > t:     # 不超过400天 against ≤360天: 400 is a bound, not what was reached
            return score_by_choice(ind, target, actual, profile, direction,
                                   f"实际“{actual.text.strip()}”只说明不超过 "
                                   f"{with_unit(a, unit)}，不能说明是否达到目标")
        return full(weight, profile, f"实际“{actual.text.strip()}”，即不超过 "
                    f"{with_unit(a, unit)}，≤ 目标 {with_unit(t, unit)}", Direction.NEGATIVE)
    shown = _Shown(t, a, unit, _typed_in_other_unit(actual, target), target.change,
                   same_unit_reading(actual.unit, unit))
    if direction is Direction.NEGATIVE:
        return _score_negative(weight, shown, profile)
    if direction is Direction.EQUAL:
        return _score_equal(weight, shown, profile)
    return _score_positive(weight, shown, profile)


@dataclass(frozen=True)
class _Shown:
    """Target and actual in the target's unit, for the explanation."""
    t: Decimal
    a: Decimal
    unit: str
    typed: str  # the actual as typed when in another unit ("15084万元"), else ""
    change: str = ""   # 增长 / 减少: both sides are changes in that sense
    alias: bool = False  # the actual's unit read as the target's (人 as 人次), not converted

    @property
    def target(self) -> str:
        return f"{self.change}{num(self.t)}{self.unit}"

    @property
    def actual(self) -> str:
        value = f"{self.change}{_shown_number(self.a)}{self.unit}"
        if self.typed:
            return f"{self.typed}（{'视同' if self.alias else '即'} {value}）"
        return value

    @property
    def note(self) -> str:
        """Said before a formula that uses the converted actual."""
        return f"实际 {self.actual}；" if self.typed else ""


def _shown_number(value: Decimal) -> str:
    """A converted figure: exact ones as they are, 11个月 in 年 as 0.9167 (not 28 digits)."""
    if value == value.quantize(Decimal("0.0001")):
        return num(value)
    return "约" + num(value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def _typed_in_other_unit(actual: ParsedValue, target: ParsedValue) -> str:
    """The actual as typed when the formula shows it otherwise (15084万元 in 亿元, 增长6% as a
    reduction of −6%), else ""."""
    unit = target.unit
    if actual.change == target.change and (actual.unit == unit or not actual.unit or not unit):
        return ""
    return f"{actual.change}{num(actual.number)}{actual.unit}"


def _score_positive(weight, v: _Shown, profile) -> IndicatorScore:
    t, a = v.t, v.a
    overshoot = t > 0 and a > t * profile.overshoot_threshold
    if a >= t:
        note = (f"（超过目标值的 {num(profile.overshoot_threshold * HUNDRED)}%，请说明原因）"
                if overshoot else "")
        return full(weight, profile, f"实际 {v.actual} ≥ 目标 {v.target}{note}",
                    Direction.POSITIVE, overshoot=overshoot)
    if t <= 0:
        return zero(weight, profile, f"实际 {v.actual} 未达到目标 {v.target}",
                    Direction.POSITIVE)
    a = max(a, ZERO)
    score = points(weight * a / t, weight, profile)
    return IndicatorScore(score, score, f"{v.note}{_ratio(a, t, v.unit)} × {num(weight)} 分 = {score}",
                          Direction.POSITIVE,
                          below_full=score < weight)


def _score_negative(weight, v: _Shown, profile) -> IndicatorScore:
    t, a = v.t, v.a
    if a <= t:
        return full(weight, profile, f"实际 {v.actual} ≤ 目标 {v.target}",
                    Direction.NEGATIVE)
    if t <= 0:
        return zero(weight, profile, f"目标为 {v.target}，实际 {v.actual} 超出",
                    Direction.NEGATIVE)
    if profile.negative_method == "linear":
        # 分值 × (1 − (a − t) / t) = 分值 × (2t − a) / t, multiplied first so halves stay exact
        raw = weight * (2 * t - a) / t
        score = points(max(raw, ZERO), weight, profile)
        u = v.unit
        text = (f"{v.note}反向指标线性扣分：{num(weight)} 分 × (1 − ({with_unit(a, u)} − "
                f"{with_unit(t, u)}) / {with_unit(t, u)}) = {score}"
                + ("（实际达到目标的两倍及以上，得 0 分）" if raw <= 0 else ""))
    else:
        score = points(weight * t / a, weight, profile)
        text = (f"{v.note}反向指标：{_ratio(t, a, v.unit)} × "
                f"{num(weight)} 分 = {score}")
    return IndicatorScore(score, score, text, Direction.NEGATIVE, below_full=True)


def _score_equal(weight, v: _Shown, profile) -> IndicatorScore:
    """等于型: exact → full, else 分值 × the smaller / the larger (``equal_method`` "ratio", the
    only one a profile may name)."""
    t, a = v.t, v.a
    if a == t:
        return full(weight, profile, f"实际 {v.actual} = 目标 {v.target}",
                    Direction.EQUAL)
    low, high = min(a, t), max(a, t)
    if low <= 0:
        return zero(weight, profile, f"等于型指标：实际 {v.actual}，目标 {v.target}",
                    Direction.EQUAL)
    score = points(weight * low / high, weight, profile)
    return IndicatorScore(score, score, f"{v.note}等于型指标偏离目标：{_ratio(low, high, v.unit)} × "
                          f"{num(weight)} 分 = {score}",
                          Direction.EQUAL, below_full=True)


def _is_date(value: ParsedValue) -> bool:
    return value.deadline is not None


def _score_timely(weight, target: ParsedValue, actual: ParsedValue, profile,
                  year: int | None) -> IndicatorScore:
    """On time → full, late → 0; a yearless side is read in the evaluation's year
    (values.deadline_late says why, and why not a project's 起止时间)."""
    shown_t, shown_a = target.text.strip(), actual.text.strip()
    judged = deadline_late(target, actual, year)
    if isinstance(judged, str):
        return IndicatorScore(None, None, judged, Direction.TIMELY, judged)
    late, note = judged
    said = f"实际“{shown_a}”"
    if "." in shown_a and "年" not in shown_a and actual.deadline and actual.deadline[0]:
        said += f"（按 {actual.deadline[0]}年{actual.deadline[1]}月）"    # 2020.12: how it was read
    if not late:
        return full(weight, profile, f"{said}不晚于目标“{shown_t}”{note}", Direction.TIMELY)
    return zero(weight, profile, f"{said}晚于目标“{shown_t}”{note}，逾期", Direction.TIMELY)


def _apply_override(ind: Indicator, rule: IndicatorScore, profile: Profile) -> IndicatorScore:
    value, weight = ind.override, ind.weight
    if rule.score is None:
        return _refuse(rule, f"尚无规则得分，调整后得分 {num(value)} 未采用",
                       rule.error or "尚无规则得分，调整后得分未采用")
    if not (0 <= value <= weight):
        return _refuse(rule, f"调整后得分 {num(value)} 超出 [0, {num(weight)}] 的范围，未采用")
    shown = points(value, weight, profile)
    if rule.band is not None and rule.achievement:
        band = profile.band(rule.achievement)
        low, high = rule.band
        if not in_band(shown, low, high, band.high_inclusive):
            close = "]" if band.high_inclusive else ")"
            return _refuse(rule, f"调整后得分 {shown} 不在“{rule.achievement}”的区间 "
                                 f"[{low}, {high}{close} 内，未采用")
    reason = (ind.override_reason or "").strip()
    if not reason:
        return _refuse(rule, f"调整后得分 {shown} 须填写调整理由，暂未采用")
    text = f"{rule.explanation}；调整为 {shown}，理由：{reason}"
    below = shown < weight
    return IndicatorScore(shown, rule.score, text, rule.direction, None, rule.band,
                          rule.achievement, below or rule.below_full, rule.overshoot,
                          override_used=True)


def _refuse(rule: IndicatorScore, message: str, error: str | None = None) -> IndicatorScore:
    return IndicatorScore(rule.score, rule.score, f"{rule.explanation}；{message}", rule.direction,
                          error or message, rule.band, rule.achievement, rule.below_full,
                          rule.overshoot)


def score_project(project: Project, profile: Profile, year: int | None = None) -> ProjectScore:
    """Execution score + indicator scores; the total is the sum of the shown scores.
    ``year``: the evaluation's year (Document.year), for 时效 values written without one."""
    execution = score_execution(project, profile)
    indicators = tuple(score_indicator(ind, profile, year) for ind in project.indicators)
    return combine(execution, indicators, profile)


def combine(execution: ExecutionScore, indicators, profile: Profile) -> ProjectScore:
    """Total and grade from already computed parts (used to rescore one changed row cheaply)."""
    indicators = tuple(indicators)
    # no indicators yet: 未评分, not a 总分 of 10.00 from the 执行率 alone
    scored = bool(indicators) and (execution.score is not None
                                   or any(s.score is not None for s in indicators))
    parts = [execution.score] if execution.score is not None else []
    parts += [s.score for s in indicators if s.score is not None]
    total = profile.round(sum(parts, ZERO))
    missing = sum(1 for s in indicators if s.score is None)
    if not scored:
        rows = f"{missing} 项指标均无得分" if indicators else "尚未填写绩效指标"
        if execution.weight == 0:
            why = execution.explanation
        elif execution.score is not None:
            why = f"执行率得分 {execution.score}（{execution.explanation}）"
        else:
            why = f"执行率得分无法计算（{execution.explanation}）"
        text = f"未评分：{why}，{rows}"
        # the short form, for the window's header beside 未评分 (seed 000's report gives no
        # 执行数 and no figure against its targets): what is missing, without the arithmetic
        short = rows
        if execution.weight != 0 and execution.score is None:
            short = f"{execution.explanation.removesuffix('，无法计算执行率')}；{rows}"
        return ProjectScore(execution, indicators, total, UNSCORED, text, scored=False,
                            unscored_reason=short)
    grade = profile.grade(total)
    reason = provisional_reason(execution, indicators, profile)
    said = PROVISIONAL_GRADE if reason else grade   # the explanation names no untrusted grade
    indicator_sum = profile.round(sum((s.score for s in indicators if s.score is not None), ZERO))
    if execution.weight == 0:  # 部门整体: no separate execution score
        text = f"总分 = 指标得分合计 {indicator_sum} = {total}，等次：{said}"
    else:
        shown = execution.score if execution.score is not None else "—"
        text = f"总分 = 执行率得分 {shown} + 指标得分合计 {indicator_sum} = {total}，等次：{said}"
    if missing and "尚无得分" not in reason:
        text += f"（{missing} 项指标尚无得分，按 0 分计）"
    if reason:
        text += f"；{reason}"
    return ProjectScore(execution, indicators, total, grade, text, provisional=bool(reason),
                        provisional_reason=reason)


YUAN_SLIP_RATIO = 1000   # 全年执行数 this many times the 全年预算数: 元 typed as 万元 (checks too)


def provisional_reason(execution: ExecutionScore, indicators, profile: Profile) -> str:
    """Why a total cannot be trusted yet (Chinese), or "": the 分值 of 执行率 and the indicators
    not adding up to 100 (a grade of 135.50 优 from weights summing to 130), rows (or the 执行率)
    not scored yet and counted as 0 (差 for a form half filled in), or an 执行率 that is a slip.

    Once the 分值 add up to 100 the total cannot pass 100: every score, override included, is
    kept within its 分值 as shown (``score_basics.points``), so there is no reason to give for
    it (a branch for it could never run)."""
    weights = execution.weight + sum((s.weight for s in indicators if s.weight is not None), ZERO)
    if weights != HUNDRED:
        return f"分值合计为 {num(weights)}，不是 100，得分暂不可信"
    missing = sum(1 for s in indicators if s.score is None)
    no_execution = bool(execution.weight) and execution.score is None
    if missing:   # counted as 0: a grade of 差 for rows not filled in yet would mislead
        also = "预算执行率得分和 " if no_execution else ""   # one reason names both
        return f"{also}{missing} 项指标尚无得分（按 0 分计），得分暂不可信"
    if no_execution:
        return "预算执行率得分无法计算（按 0 分计），得分暂不可信"
    if execution.rate is not None and execution.rate >= YUAN_SLIP_RATIO:
        # 40000 typed in 元 against 4 万元 — 1000000% — must not keep 100.00 / 优 beside the
        # error naming the slip; the total is not to be trusted until the figure is corrected
        return f"执行率 {rate_text(execution.rate, profile)}，疑为把元填成了万元，得分暂不可信"
    return ""
