"""Documents for the database tests, written by the tests and by the child processes they kill."""
from decimal import Decimal

from selfeval_desktop.domain.model import (BudgetLine, Document, Indicator, Project, Source,
                                           SourceAmount, Unit)


def small_document(n_projects=3) -> Document:
    """``n_projects`` projects of 4 万元, one indicator each and a long 主要绩效 text."""
    projects = []
    for i in range(n_projects):
        p = Project(name=f"学术交流活动经费{i}", leader="杨哲", phone="2116276")
        p.funding.planned_total = p.funding.arrived_total = 4_000_000
        p.funding.annual_budget = p.funding.executed = 4_000_000
        p.funding.by_source[Source.LOCAL] = SourceAmount(4_000_000, 4_000_000)
        p.budget_lines = [BudgetLine("302", "商品和服务支出", 4_000_000, 4_000_000)]
        p.indicators = [Indicator("产出指标", "数量指标", "编印《科技工作者建议》", "≥4期", "4期",
                                  weight=Decimal(20))]
        p.conclusions = {"achievement": "通过开展学术交流活动，" * 40}
        projects.append(p)
    return Document(unit=Unit(name="河池市科学技术协会", region_word="自治区"), year=2020,
                    projects=projects)
