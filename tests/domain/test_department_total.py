"""合计 of the 部门整体's projects (domain.department.projects_total), shown on its 资金与目标 page."""
from decimal import Decimal

from selfeval_desktop.domain.department import projects_total
from selfeval_desktop.domain.model import Project, ProjectKind

from tests.ui.ui_fixtures import sample_document


def with_department():
    doc = sample_document()
    doc.projects.insert(0, Project(name="县科学技术局部门整体", kind=ProjectKind.DEPARTMENT))
    return doc


def test_projects_total_adds_what_is_filled_and_counts_the_blanks():
    doc = with_department()
    second = sample_document().projects[0]
    second.funding.annual_budget, second.funding.executed = 10_000_000, None
    doc.projects.append(second)
    total = projects_total(doc)
    assert (total.budget, total.executed, total.projects) == (30_000_000, 19_280_000, 2)
    assert (total.budget_blank, total.executed_blank, total.rate) == (0, 1, None)
    second.funding.executed = 10_000_000
    assert projects_total(doc).rate == Decimal("29280000") / Decimal("30000000")
    doc.department.funding.annual_budget = 31_000_000
    assert projects_total(doc).gap == 1_000_000          # 部门预算资金 beyond the projects
    second.funding.annual_budget = None
    assert projects_total(doc).gap is None               # a blank budget: no difference made up
