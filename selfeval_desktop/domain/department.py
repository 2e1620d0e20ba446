"""A new 部门整体 (whole-department) evaluation, ready to fill.

Seed 001 (新乡市科学技术局 2021) sets its indicators under 投入/过程/产出/效益/满意度 weighted
15/25/30/20/10 by the department profile; it names 预算编制完整性、专项资金细化率 under 投入 and
预算调整率 under 过程, and writes of 职责履行 (重点工作任务完成) and 履职效益. The new evaluation
gets one row per typical level-two heading, its 分值 from 平均分配 of the profile's level-one
weights; 年度指标值 and 实际完成值 are left for the department to write.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .evaluation import profile_for
from .profiles import ProfileError
from .model import Document, Indicator, Project, ProjectKind, execution_ratio
from .weights import even_split

# 一级指标, 二级指标, 三级指标 (seed 001 and the usual 部门整体支出绩效 framework)
TEMPLATE_ROWS = (
    ("投入指标", "预算编制", "预算编制完整性"),
    ("投入指标", "预算编制", "专项资金细化率"),
    ("过程指标", "预算执行", "预算执行率"),
    ("过程指标", "预算执行", "预算调整率"),
    ("过程指标", "预算管理", "管理制度健全性"),
    ("过程指标", "资产管理", "资产管理规范性"),
    ("产出指标", "职责履行", "重点工作任务完成率"),
    ("效益指标", "履职效益", "社会效益"),
    ("满意度指标", "服务对象满意度", "服务对象满意度"),
)


def new_department(doc: Document) -> Project:
    """The 部门整体 evaluation of ``doc``'s unit: named after it, the template rows weighted by
    the document's department profile (rows without a weight if that profile is unknown)."""
    unit = doc.unit.name.strip()
    project = Project(name=f"{unit}部门整体支出" if unit else "", kind=ProjectKind.DEPARTMENT,
                      supervisor=doc.unit.supervisor, implementer=unit,
                      indicators=[Indicator(a, b, c) for a, b, c in TEMPLATE_ROWS])
    try:
        profile = profile_for(doc, project)
    except ProfileError:     # an unknown department profile: weights left empty
        return project
    for ind, weight in zip(project.indicators, even_split(project.indicators, profile)):
        ind.weight = weight
    return project


@dataclass(frozen=True)
class ProjectsTotal:
    """合计 of the department's projects (the 部门整体 page lists them with their funds): the
    amounts filled in, added up, and how many projects left each one blank."""
    budget: int | None           # 全年预算数, 分; None when no project has one
    executed: int | None         # 全年执行数, 分
    projects: int
    budget_blank: int
    executed_blank: int
    department_budget: int | None = None   # the 部门预算资金's own 全年预算数, to set beside it

    @property
    def gap(self) -> int | None:
        """部门预算资金 less the projects' 合计 (分), when both are known: the part of the unit's
        budget no listed project accounts for (seed 001: 14640.83 against 14315.8437)."""
        if self.department_budget is None or self.budget is None or self.budget_blank:
            return None
        return self.department_budget - self.budget

    @property
    def rate(self) -> Decimal | None:
        """执行率 of the sums, only when every project has both figures (a partial sum over a
        partial sum would print a rate no project has)."""
        if self.budget_blank or self.executed_blank:
            return None
        return execution_ratio(self.executed, self.budget)


def projects_total(doc: Document) -> ProjectsTotal:
    projects = doc.project_list()
    budgets = [p.funding.annual_budget for p in projects]
    executed = [p.funding.executed for p in projects]

    def total(values):
        known = [v for v in values if v is not None]
        return sum(known) if known else None

    department = doc.department
    return ProjectsTotal(total(budgets), total(executed), len(projects),
                         budgets.count(None), executed.count(None),
                         department.funding.annual_budget if department is not None else None)
