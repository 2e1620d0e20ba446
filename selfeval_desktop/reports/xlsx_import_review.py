"""复核: checking the scores a unit stated in its workbook against the rules, after import.

Lists every stated score that differs from the rule's score (both values and the explanation),
every stated total that does not add up, every stated score above its 分值, every met target
scored below full with no reason, and every stated execution score (预算执行率得分) that does not
follow from the rate under the document's profile. The first three come from
``domain.checks.run_checks``; the last two need what only the import knows (the stated execution
score is kept in the import report, the document model has no field for it yet).
"""
from __future__ import annotations

from decimal import Decimal

from ..domain.checks import Finding, Place, check_project
from ..domain.checks_base import WARNING
from ..domain.evaluation import profile_for
from ..domain.model import Document
from ..domain.profiles import ProfileError
from ..domain.scoring import num, score_project
from .xlsx_import_report import ImportReport

REVIEW_CODES = ("stated_score_differs", "stated_above_weight", "stated_negative",
                "stated_total_differs", "stated_total_sum", "stated_grade_differs")
ZERO = Decimal(0)


def review(doc: Document, report: ImportReport | None = None) -> list[Finding]:
    """The review findings of an imported document (empty when every stated score agrees)."""
    stated_exec = {}
    if report is not None:
        for i in range(len(doc.projects)):
            sheet = report.for_project(i)
            if sheet is not None and sheet.stated_execution_score is not None:
                stated_exec[i] = sheet
    findings = []
    for i, project in enumerate(doc.projects):
        for f in check_project(doc, project):
            if f.code in REVIEW_CODES and not (f.code == "stated_total_sum" and i in stated_exec):
                findings.append(f)  # stated_total_sum is re-checked below with the stated
                # execution score when the sheet gave one, not the computed one
        try:
            profile = profile_for(doc, project)
        except ProfileError:
            continue
        score = score_project(project, profile)
        name = f"「{project.name.strip() or '未命名项目'}」"
        findings += _met_below_full(project, score, name)
        if i in stated_exec:
            findings += _execution(project, profile, score, stated_exec[i], name)
    return findings


def _met_below_full(project, score, name) -> list[Finding]:
    out = []
    for row, (ind, s) in enumerate(zip(project.indicators, score.indicators)):
        stated, weight = ind.stated_score, ind.weight
        if stated is None or weight is None or s.rule_score is None or ind.deviation.strip():
            continue
        if s.rule_score >= weight and ZERO <= stated < weight:
            out.append(Finding(WARNING, "stated_below_full_unexplained",
                               f"{name}第{row + 1}行“{ind.name or '未命名指标'}”已完成目标"
                               f"（{s.explanation}），填报得分却只有 {num(stated)} 分，"
                               f"且未填写偏差原因分析及改进措施",
                               Place(project.id, "indicators", "indicator", row, "deviation")))
    return out


def _execution(project, profile, score, sheet, name) -> list[Finding]:
    stated, ex = sheet.stated_execution_score, score.execution
    place = Place(project.id, "budget", field="executed")
    out = []
    weight = sheet.stated_execution_weight
    if weight is not None and weight != profile.execution_weight:
        out.append(Finding(WARNING, "execution_weight_differs",
                           f"{name}表中预算执行率分值为 {num(weight)} 分，评分规则“{profile.name}”"
                           f"为 {num(profile.execution_weight)} 分", place))
    if ex.score is None:
        out.append(Finding(WARNING, "execution_stated_unchecked",
                           f"{name}填报的预算执行率得分 {num(stated)} 分无法核对：{ex.explanation}",
                           place))
    elif profile.round(stated) != ex.score:
        out.append(Finding(WARNING, "execution_stated_differs",
                           f"{name}填报的预算执行率得分 {num(stated)} 分，按评分规则应为 "
                           f"{ex.score} 分（{ex.explanation}）", place))
    parts = [ind.stated_score for ind in project.indicators]
    if project.stated_total is not None and parts and all(p is not None for p in parts):
        added = profile.round(sum(parts, ZERO) + stated)
        if profile.round(project.stated_total) != added:
            out.append(Finding(WARNING, "stated_total_sum",
                               f"{name}填报的总分 {num(project.stated_total)} 分不等于填报的预算执行率"
                               f"得分 {num(stated)} 分加各指标填报得分合计 "
                               f"{num(sum(parts, ZERO))} 分（共 {num(added)} 分）",
                               Place(project.id, "indicators", field="stated_total")))
    return out
