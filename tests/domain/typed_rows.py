"""One indicator row as a clerk types its 年度指标值 and 实际完成值: scored alone, or in a
document of one project."""
from decimal import Decimal as D

from selfeval_desktop.domain.model import Document, Funding, Indicator, Project
from selfeval_desktop.domain.profiles import load_profile
from selfeval_desktop.domain.scoring import score_indicator

MOF = load_profile("mof2020")


def score(target, actual, year=None, level2="数量指标"):
    """The score of one 10-point 产出指标 row whose target/actual are typed as given (财政部 rule)."""
    return score_indicator(Indicator("产出指标", level2, "指标", target, actual, D(10)), MOF, year)


def document(target, actual, year):
    """One project whose 10-point 时效 row has the target/actual typed as given (an 80-point row
    beside it), evaluated in ``year``."""
    rows = [Indicator("产出指标", "时效指标", "拨付资金时间", target, actual, D(10)),
            Indicator("产出指标", "数量指标", "其他", "≥1次", "1次", D(80))]
    project = Project(name="信息动态公示平台建设项目", id=1, indicators=rows,
                      funding=Funding(annual_budget=550000000, executed=550000000))
    return Document(year=year, projects=[project])
