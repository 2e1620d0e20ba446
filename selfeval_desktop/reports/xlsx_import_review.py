"""复核: checking the scores a unit stated in its workbook against the rules, after import.

Lists every stated score that differs from the rule's score (both values and the explanation),
every stated total that does not add up, every stated score above its 分值, every met target
scored below full with no reason, and every stated execution score (预算执行率得分) that does not
follow from the rate under the document's profile. All but "met target below full" and the
execution 分值 of the form come from ``domain.checks`` (the stated scores are kept in the
document, so ``check`` on the imported file reports them too).
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..domain.checks import Finding, Place, check_project
from ..domain.checks_base import WARNING
from ..domain.evaluation import profile_for
from ..domain.model import Document
from ..domain.profiles import ProfileError
from ..domain.scoring import num, score_project
from .xlsx_import_report import ImportReport

REVIEW_CODES = ("stated_score_differs", "stated_above_weight", "stated_negative",
                "stated_total_differs", "stated_total_sum", "stated_grade_differs",
                "execution_stated_differs", "execution_stated_unchecked")
ZERO = Decimal(0)


def review(doc: Document, report: ImportReport | None = None) -> list[Finding]:
    """The review findings of an imported document (empty when every stated score agrees)."""
    findings = []
    for i, project in enumerate(doc.projects):
        sheet = report.for_project(i) if report is not None else None
        rows = sheet.indicator_rows if sheet is not None else []
        mine = [f for f in check_project(doc, project) if f.code in REVIEW_CODES]
        findings += [_excel_row(f, rows) for f in mine]
        try:
            profile = profile_for(doc, project)
        except ProfileError:
            continue
        score = score_project(project, profile, doc.year)
        name = f"「{project.name.strip() or '未命名项目'}」"
        findings += _met_below_full(project, score, name, rows)
        if sheet is not None:
            findings += _execution_weight(project, profile, sheet, name)
    return findings


def review_lines(report: ImportReport, findings: list[Finding]) -> list[str]:
    """The 复核 part of the import report as lines: each finding, or that the stated scores
    agree — only as far as they could be read (an unreadable stated score was not compared)."""
    unread = [item for sheet in report.projects for item in sheet.unreviewed]
    lines = []
    if findings:
        lines.append(f"复核：{len(findings)} 处填报得分与评分规则不一致")
        lines += [f"  [{PREFIX.get(f.severity, f.severity)}] {f.message}" for f in findings]
    elif unread:
        lines.append("复核：可读取的填报得分与评分规则一致")
    else:
        lines.append("复核：填报的得分与评分规则一致")
    if unread:
        lines.append(f"  另有 {len(unread)} 处填报得分无法读取，未复核：{'、'.join(unread)}")
    return lines


PREFIX = {"error": "错误", "warning": "提醒"}


def _excel_row(finding: Finding, rows: list[int]) -> Finding:
    """A finding about an indicator row says the Excel row the user sees in the workbook
    (第16行), not the indicator's position in the table (第4行指标)."""
    row = finding.place.row
    if finding.place.table != "indicator" or row is None or not 0 <= row < len(rows):
        return finding
    message = finding.message.replace(f"第{row + 1}行指标", f"Excel 第{rows[row]}行指标", 1)
    return replace(finding, message=message)


def _where(row: int, rows: list[int]) -> str:
    return f"Excel 第{rows[row]}行" if 0 <= row < len(rows) else f"第{row + 1}行指标"


def _met_below_full(project, score, name, rows=()) -> list[Finding]:
    out = []
    for row, (ind, s) in enumerate(zip(project.indicators, score.indicators)):
        stated, weight = ind.stated_score, ind.weight
        if stated is None or weight is None or s.rule_score is None or ind.deviation.strip():
            continue
        if s.band is not None:  # 定性: a stated score inside its 达成 band is the unit's judgement
            continue            # (the checks ask for 偏差原因 below full on their own)
        if s.rule_score >= weight and ZERO <= stated < weight:
            out.append(Finding(WARNING, "stated_below_full_unexplained",
                               f"{name}{_where(row, list(rows))}“{ind.name or '未命名指标'}”已完成目标"
                               f"（{s.explanation}），填报得分却只有 {num(stated)} 分，"
                               f"且未填写偏差原因分析及改进措施",
                               Place(project.id, "indicators", "indicator", row, "deviation")))
    return out


def _execution_weight(project, profile, sheet, name) -> list[Finding]:
    weight = sheet.stated_execution_weight
    if weight is None or weight == profile.execution_weight:
        return []
    return [Finding(WARNING, "execution_weight_differs",
                    f"{name}表中预算执行率分值为 {num(weight)} 分，评分规则“{profile.name}”"
                    f"为 {num(profile.execution_weight)} 分",
                    Place(project.id, "budget", field="executed"))]
