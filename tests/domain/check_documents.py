"""Documents for the 问题清单 tests: a consistent project and 部门整体 to spoil one slip at a time,
and what the checks then find."""
from decimal import Decimal

from selfeval_desktop.domain.checks import Finding, run_checks
from selfeval_desktop.domain.model import (BudgetLine, Document, FundKind, Indicator, Project,
                                           ProjectKind, Source, Unit)
from selfeval_desktop.domain.money import parse_wan

D = Decimal


def wan(text: str) -> int:
    return parse_wan(text)


def consistent_project(pid: int = 1) -> Project:
    """Seed 003's 学术交流活动经费 (4 万元, all 市县财政), filled in consistently, all full marks."""
    p = Project(id=pid, name="学术交流活动经费", supervisor="河池市科学技术协会")
    f = p.funding
    f.planned_total = f.arrived_total = f.spent_total = wan("4")
    f.initial_budget = f.annual_budget = f.executed = wan("4")
    f.by_source[Source.LOCAL].planned = f.by_source[Source.LOCAL].arrived = wan("4")
    k = f.by_kind[FundKind.CURRENT]
    k.initial = k.annual = k.executed = wan("4")
    p.budget_lines = [
        BudgetLine("302", "商品和服务支出", wan("4"), wan("4"), id=11),
        BudgetLine("30211", "差旅费", wan("1"), wan("1"), id=12),  # inside 302: not added twice
    ]
    p.indicators = [
        Indicator("产出指标", "数量指标", "入库专家人数", "≥50人", "54人", D(30), id=21),
        Indicator("产出指标", "数量指标", "编印建议简报", "4期", "4期", D(20), id=22),
        Indicator("效益指标", "社会效益指标", "为决策提供参考", "达成", "达成", D(30), id=23),
        Indicator("满意度指标", "服务对象满意度指标", "社会公众满意度", "≥90%", "100%", D(10), id=24),
    ]
    return p


def consistent_department(pid: int = 9) -> Project:
    """A 部门整体 evaluation weighted 投入15 过程25 产出30 效益20 满意度10 as in seed 001."""
    p = Project(id=pid, name="新乡市科学技术局部门整体", kind=ProjectKind.DEPARTMENT)
    for i, (level1, weight) in enumerate([("投入指标", 15), ("过程指标", 25), ("产出指标", 30),
                                          ("效益指标", 20), ("满意度指标", 10)]):
        p.indicators.append(Indicator(level1, "", f"指标{i}", "≥90%", "95%", D(weight), id=90 + i))
    p.funding.annual_budget, p.funding.executed = 14640_830000 // 100, 14640_830000 // 100
    return p


def make_doc(*projects: Project) -> Document:
    return Document(unit=Unit(name="河池市科协"), year=2020,
                    projects=list(projects) or [consistent_project()])


def findings(project: Project, **doc_kw) -> list[Finding]:
    doc = make_doc(project)
    for key, value in doc_kw.items():
        setattr(doc, key, value)
    return run_checks(doc)


def only(found: list[Finding], code: str) -> Finding:
    hits = [f for f in found if f.code == code]
    assert len(hits) == 1, (code, found)
    return hits[0]


def codes(found: list[Finding]) -> set[str]:
    return {f.code for f in found}
