"""Years that do not fit the 评价年度: what a file made from last year's (从上年文件新建) still
says of last year. Reminders only — a project may run over several years, and its
name may carry the year it began.

- 起止时间 ending before the 评价年度, or starting after it;
- a year before the 评价年度 in the 项目名称 or the 年度总体目标（预期）, as “2021年” (the 2022
  forms printed “2021年新一代…” and “我部门 2021 年度总目标…” without a word).
"""
from __future__ import annotations

import re

from .checks_base import Context

YEAR_WORD = re.compile(r"(20\d\d)\s*年")
FIELDS = (("name", "项目名称", "overview"), ("goal_expected", "年度总体目标（预期）", "overview"))


def _year_of(month: str) -> int | None:
    """The year of a stored 起止时间 (“2021-03”, “2021”), None if none is readable."""
    m = re.match(r"\s*(\d{4})", month or "")
    return int(m.group(1)) if m else None


def check_years(ctx: Context) -> None:
    year = ctx.doc.year
    if year is None:
        return
    project = ctx.project
    end, start = _year_of(project.end), _year_of(project.start)
    if end is not None and end < year:
        ctx.warning("period_before_year", f"{ctx.name}起止时间到 {end} 年结束，早于评价年度 {year}："
                    "如项目延续到本年度，请改为本年度的起止时间", "overview", field="end")
    elif start is not None and start > year:
        ctx.warning("period_after_year", f"{ctx.name}起止时间从 {start} 年开始，晚于评价年度 {year}，"
                    "请核对", "overview", field="start")
    for attr, label, tab in FIELDS:
        earlier = sorted({int(y) for y in YEAR_WORD.findall(getattr(project, attr) or "")
                          if int(y) < year})
        if earlier:
            ctx.warning("earlier_year_text", f"{ctx.name}{label}中写有“{earlier[-1]}年”，早于评价年度 "
                        f"{year}：如是沿用上年的内容，请改为本年度", tab, field=attr)
