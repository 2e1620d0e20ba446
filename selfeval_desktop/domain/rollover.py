"""从上年文件新建: next year's document from this year's.

What stays (the plan, which units carry over from year to year): the unit, every project with its
descriptive fields and 立项背景, 年度总体目标（预期）, the spending-line structure (codes and names),
the indicator tree with its targets (年度指标值) and weights (分值), the evaluators, the rule profiles.

What is cleared (this year's results, which must be typed afresh): every amount of money (the new
year's budget is a new number — a stale one carried over silently would go unnoticed, a blank one is
flagged by the checks), actual values, 定性 achievements, overrides and their reasons, stated scores,
偏差原因, 实施情况, 实际完成情况, the narrative conclusions, both opinions, unread text and 定稿.
"""
from __future__ import annotations

import re

from .model import BudgetLine, Document, Evaluator, Funding, Indicator, Project, Unit

_MONTH = re.compile(r"^(\d{4})([-./年])(\d{1,2})(月?)$")


def _shift_month(text: str, year: int) -> str:
    """"2020-03" → "2021-03" when it lies in the evaluated year; anything else is kept."""
    m = _MONTH.match((text or "").strip())
    if not m or int(m.group(1)) != year:
        return text
    return f"{year + 1}{m.group(2)}{m.group(3)}{m.group(4)}"


def _in_year(text: str, year: int) -> bool:
    m = _MONTH.match((text or "").strip())
    return bool(m) and int(m.group(1)) == year


def next_project(project: Project, year: int | None) -> Project:
    """A copy of ``project`` for the following year (no ids; results cleared)."""
    start, end = project.start, project.end
    # A project that ran within the evaluated year moves to the next; a multi-year one keeps its span.
    if year is not None and _in_year(start, year) and _in_year(end, year):
        start, end = _shift_month(start, year), _shift_month(end, year)
    return Project(
        name=project.name, kind=project.kind, supervisor=project.supervisor,
        implementer=project.implementer, leader=project.leader, phone=project.phone,
        address=project.address, postcode=project.postcode, start=start, end=end,
        background=project.background, goal_expected=project.goal_expected,
        spending_scheme=project.spending_scheme, funding=Funding(),
        budget_lines=[BudgetLine(code=line.code, name=line.name) for line in project.budget_lines],
        indicators=[Indicator(level1=ind.level1, level2=ind.level2, name=ind.name,
                              target=ind.target, weight=ind.weight)
                    for ind in project.indicators],
        evaluators=[Evaluator(name=ev.name, title=ev.title, org=ev.org) for ev in project.evaluators],
    )


def next_year(doc: Document) -> Document:
    """The document for the following fiscal year; ``doc`` is not changed."""
    unit = Unit(**{k: getattr(doc.unit, k) for k in Unit.__dataclass_fields__})
    return Document(unit=unit, year=doc.year + 1 if doc.year else None,
                    profile_id=doc.profile_id, department_profile_id=doc.department_profile_id,
                    grade_names=doc.grade_names,
                    projects=[next_project(p, doc.year) for p in doc.projects])
