"""Documents for the export tests, and a document compared field by field with the one read back."""
from dataclasses import fields, is_dataclass
from decimal import Decimal
from enum import Enum

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.model import (BudgetLine, Document, Evaluator, FundKind, Indicator,
                                           Project, Source, SpendingScheme, Unit)

WAN = 1_000_000
IGNORED = {"id", "finalized_at", "digest"}  # given by the database / by 定稿, not by a workbook


def rich_document() -> Document:
    """Every field a workbook carries, with awkward values (5 元 among 万元, overrides, 定性)."""
    p = Project(name="学术交流活动经费", supervisor="河池市科学技术协会", implementer="河池市科协",
                leader="杨哲", phone="0778-2281234", address="河池市金城江区", postcode="547000",
                start="2020-01", end="2020-12", background="立项背景……", implementation="实施情况……",
                goal_expected="举办学术交流活动4场", goal_actual="举办3场", unit_opinion="同意",
                supervisor_opinion="情况属实", spending_scheme=SpendingScheme.RD2011,
                stated_total=Decimal("88.5"), stated_grade="良",
                conclusions={"achievement": "基本实现", "problems": "宣传不足",
                             "suggestions": "建议提前下达资金",
                             "work": "2021年7月成立自评工作组，组长黄雷"})
    f = p.funding
    f.initial_budget, f.annual_budget, f.executed = 4 * WAN, 4 * WAN, 3_861_700
    f.planned_total, f.arrived_total, f.spent_total = 4 * WAN, 4 * WAN, 3_861_700
    f.by_kind[FundKind.CURRENT].initial = 3 * WAN
    f.by_kind[FundKind.CURRENT].annual = 3 * WAN
    f.by_kind[FundKind.CURRENT].executed = 2_861_700
    f.by_kind[FundKind.CARRYOVER].annual = WAN
    f.by_kind[FundKind.CARRYOVER].executed = WAN
    f.by_source[Source.PROVINCIAL].planned = 3 * WAN
    f.by_source[Source.PROVINCIAL].arrived = 3 * WAN
    f.by_source[Source.LOCAL].planned = WAN
    p.budget_lines = [BudgetLine("302", "商品和服务支出", 4 * WAN, 3_861_700, WAN, 500),
                      BudgetLine("30211", "差旅费", 500, 500)]
    p.indicators = [
        Indicator("产出指标", "数量指标", "举办学术交流活动", "≥4场", "3场", Decimal(30),
                  deviation="疫情影响一场取消", stated_score=Decimal("22.5")),
        Indicator("产出指标", "数量指标", "参加人数", "不少于800人次", "900人次", Decimal(20),
                  stated_score=Decimal(20)),
        Indicator("效益指标", "社会效益指标", "服务科技工作者", "显著提升", "基本达成", Decimal(30),
                  achievement="部分达成", override=Decimal(23), override_reason="活动规模缩小",
                  deviation="见调整理由", stated_score=Decimal(25)),
        Indicator("满意度指标", "服务对象满意度指标", "参会人员满意度", "≥90%", "96%",
                  Decimal(10), stated_score=Decimal(10)),
    ]
    p.evaluators = [Evaluator("杨哲", "副主席", "河池市科协"), Evaluator("韦丽", "会计", "")]
    p.unread = {"funding::initial_budget": "约4万"}
    p.funding.initial_budget = None
    second = Project(name="科普[示范]/基地: 建设", implementer="河池市科协")
    second.funding.annual_budget, second.funding.executed = 2_008_300, 2_008_300
    second.indicators = [Indicator("产出指标", "数量指标", "基地数量", "2个", "2个", Decimal(90))]
    return Document(unit=Unit(name="河池市科协", supervisor="河池市人民政府", region_word="自治区",
                              address="河池市", postcode="547000", phone="0778-1"),
                    year=2020, profile_id="mof2020_truncate", projects=[p, second])


def seed002_with_actuals():
    """Seed 002 (专项经费 per R&D category) with some 其中专项（实际） typed too."""
    doc = build_demo("002")
    lines = doc.projects[0].budget_lines
    lines[0].special_actual, lines[1].special_actual = 31_500_000, 16_000_000
    return doc


def differences(a, b, path="document"):
    """Field by field, all but IGNORED: the paths where ``a`` and ``b`` differ (empty: the same)."""
    if is_dataclass(a):
        out = []
        for f in fields(a):
            if f.name not in IGNORED:
                out += differences(getattr(a, f.name), getattr(b, f.name), f"{path}.{f.name}")
        return out
    if isinstance(a, dict):
        out = [] if set(a) == set(b) else [f"{path} keys {sorted(a)} != {sorted(b)}"]
        for k in set(a) & set(b):
            out += differences(a[k], b[k], f"{path}[{k}]")
        return out
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} != {len(b)} rows"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{path}[{i}]")]
    if isinstance(a, Enum) or a == b:
        return [] if a == b else [f"{path}: {a!r} != {b!r}"]
    return [f"{path}: {a!r} != {b!r}"]
