"""The 问题清单 as a clerk reads it: what comes first, and rows that say the same thing said once.

A file made 从上年文件新建 lists two hundred findings, nearly all of them “fill this in”; the few
that need a decision — last year's dates and years still in it — would come last in each project.
``sort_key`` puts those first; ``collapse_rows`` says “实际完成值未填写” once for a run of
rows instead of once per row, the jump going to the first of them.
"""
from __future__ import annotations

from dataclasses import replace

from .checks_base import ERROR, TABS, Finding
from .indicator_order import rows_text
from .model import Document

# reminders about last year's content carried into this year's file: a judgment, not typing
CARRIED_OVER = frozenset({"deadline_before_year", "period_before_year", "period_after_year",
                          "earlier_year_text"})

# indicator rows with the same gap: code → what is said once for all of them
ROW_GAPS = {"actual_missing": "实际完成值未填写",
            "target_missing": "年度指标值未填写（或按评分标准选择达成情况）",
            "weight_missing": "分值未填写",
            # a 部门整体 row without 年度指标值 is red at its 达成情况 (said once, not 8 lines)
            "achievement_missing": "未选择达成情况（达成 / 部分达成 / 未达成）"}


def sort_key(finding: Finding):
    """Last year's content to look at first; then errors; then by tab, table, row (for a list
    the user reads top-down)."""
    p = finding.place
    return (finding.code not in CARRIED_OVER, finding.severity != ERROR,
            TABS.index(p.tab) if p.tab in TABS else len(TABS), p.table or "",
            -1 if p.row is None else p.row)


def collapse_rows(doc: Document, findings: list[Finding]) -> list[Finding]:
    """``findings`` with each project's indicator rows of one gap (``ROW_GAPS``) said once, where
    the first of them stood: “「项目」第1–3行和第5行指标：实际完成值未填写（共 4 行）”, its place the
    first row's. A gap of one row keeps its own sentence (it names the indicator)."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        if f.code in ROW_GAPS and f.place.row is not None:
            groups.setdefault((f.place.project_id, f.code), []).append(f)
    names = {p.id: p.name.strip() or "未命名项目" for p in doc.projects}
    out = []
    for f in findings:
        group = groups.get((f.place.project_id, f.code)) if f.code in ROW_GAPS else None
        if not group or len(group) == 1:
            out.append(f)
        elif f is group[0]:
            rows = sorted(g.place.row for g in group)
            out.append(replace(f, message=f"「{names.get(f.place.project_id, '')}」"
                               f"{rows_text(_spans(rows))}指标：{ROW_GAPS[f.code]}（共 {len(rows)} 行）"))
    return out


def _spans(rows: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive row numbers, (first, last)."""
    spans: list[tuple[int, int]] = []
    for row in rows:
        if spans and spans[-1][1] == row - 1:
            spans[-1] = (spans[-1][0], row)
        else:
            spans.append((row, row))
    return spans
