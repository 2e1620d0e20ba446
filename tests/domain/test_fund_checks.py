"""问题清单, the money checks: sources, kinds and spending lines against their totals, the two
forms' twin figures, 元 typed among 万元 (seed 002's slips), each at the right cell."""
from decimal import Decimal

import pytest

from selfeval_desktop.domain.checks import Place, run_checks
from selfeval_desktop.domain.model import BudgetLine, FundKind, Project, Source

from tests.domain.check_documents import (codes, consistent_department, consistent_project,
                                          findings, make_doc, only, wan)

D = Decimal


# ---------------------------------------------------------------- funds

def test_planned_money_below_the_budget_year_figure_is_said():
    """Seed 002 鸿城 — 计划安排资金 20 (自筹 only) on the basic form, 全年预算数 42 (专项
    only) on the MoF form, and no check said the two forms disagree."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.domain.checks import run_checks
    doc = build_demo("002")
    said = [f for f in run_checks(doc) if f.code == "planned_below_budget"]
    assert len(said) == 1 and "超低能耗" in said[0].message
    assert "计划安排资金 20 万元小于全年预算数 42 万元" in said[0].message
    p = consistent_project()
    p.funding.annual_budget = (p.funding.effective_planned_total() or 0) + 1
    assert only(findings(p), "planned_below_budget").place.field == "planned_total"

def test_sources_not_adding_up_to_planned_and_arrived_totals():
    p = consistent_project()
    p.funding.by_source[Source.CENTRAL].planned = wan("1")
    p.funding.by_source[Source.CENTRAL].arrived = wan("0.5")
    found = [f for f in findings(p) if f.code == "sources_sum"]
    assert {f.place.field for f in found} == {"planned_total", "arrived_total"}
    assert all(f.severity == "error" for f in found)
    planned = next(f for f in found if f.place.field == "planned_total")
    assert "5 万元" in planned.message and "4 万元" in planned.message and "相差 1 万元" in planned.message


def test_totals_not_typed_are_the_sum_of_their_parts_and_not_flagged():
    p = consistent_project()
    p.funding.planned_total = p.funding.arrived_total = p.funding.spent_total = None
    assert findings(p) == []      # the sources' and the lines' sums stand for them
    p.funding.by_source[Source.LOCAL].arrived = wan("4.5")   # said once, by source, not again
    assert codes(findings(p)) == {"source_overuse"}          # for the two sums
    p.funding.planned_total = wan("4")
    assert codes(findings(p)) == {"source_overuse", "arrived_over_planned"}


def test_lines_planned_against_the_sources_sum_when_no_total_is_typed():
    p = consistent_project()
    p.funding.planned_total = None
    p.budget_lines[0].planned = wan("5")
    f = only(findings(p), "lines_sum")
    assert f.severity == "error" and f.place.field == "planned_total"
    assert "各来源之和" in f.message and "5 万元" in f.message and "4 万元" in f.message


@pytest.mark.parametrize("attr, label", [("planned", "计划安排资金"), ("arrived", "实际到位资金")])
def test_nothing_given_for_a_printed_total_is_a_warning_at_the_total(attr, label):
    p = consistent_project()
    total_attr = f"{attr}_total"
    setattr(p.funding, total_attr, None)
    for amount in p.funding.by_source.values():
        setattr(amount, attr, None)
    if attr == "planned":
        p.funding.annual_budget = None    # no twin either (its own error says the rate)
        p.funding.by_kind[FundKind.CURRENT].annual = None
    f = only(findings(p), "total_missing")
    assert f.severity == "warning" and f.place == Place(1, "budget", None, None, total_attr)
    assert f.message.startswith(f"「学术交流活动经费」{label}未填写")


def test_nothing_given_for_spending_is_a_warning_unless_the_lines_give_it():
    p = consistent_project()
    p.funding.spent_total = None
    for line in p.budget_lines:
        line.actual = None
    p.funding.executed = p.funding.by_kind[FundKind.CURRENT].executed = None
    found = findings(p)
    f = only(found, "total_missing")
    assert f.place.field == "spent_total" and "实际支出未填写" in f.message
    p.budget_lines[0].actual = wan("4")
    assert "total_missing" not in codes(findings(p))


def test_a_department_evaluation_is_not_asked_for_the_basic_forms_totals():
    assert "total_missing" not in codes(findings(consistent_department()))


@pytest.mark.parametrize("printed, twin, label", [
    ("planned_total", "annual_budget", "计划安排资金"), ("spent_total", "executed", "实际支出")])
def test_printed_total_empty_while_its_twin_is_filled_is_a_warning(printed, twin, label):
    p = consistent_project()
    p.funding.by_source.clear()  # no parts: only the twin says what the money was
    p.budget_lines = []
    setattr(p.funding, printed, None)
    f = only(findings(p), "printed_total_missing")
    assert f.severity == "warning" and f.place == Place(1, "budget", None, None, printed)
    assert label in f.message and "4 万元" in f.message and "基本情况表" in f.message
    setattr(p.funding, twin, None)  # both empty: nothing to compare (other checks speak)
    assert "printed_total_missing" not in codes(findings(p))


def test_printed_total_empty_is_silent_when_its_parts_are_filled():
    p = consistent_project()
    p.funding.planned_total = None   # sources and lines filled, 全年预算数 filled
    assert [f for f in findings(p) if f.place.field == "planned_total"] == []


def test_empty_supervisor_is_a_warning_unless_the_unit_names_one():
    p = consistent_project()
    p.supervisor = ""
    f = only(findings(p), "supervisor_missing")
    assert f.severity == "warning" and f.place == Place(1, "overview", field="supervisor")
    doc = make_doc(p)
    doc.unit.supervisor = "河池市科学技术协会"   # the MoF form prints the unit's then
    assert "supervisor_missing" not in codes(run_checks(doc))
    assert "supervisor_missing" not in codes(findings(consistent_department()))


def test_provincial_source_is_named_as_the_region_writes_it():
    p = consistent_project()
    p.funding.by_source[Source.PROVINCIAL].planned = wan("1")
    doc = make_doc(p)
    doc.unit.region_word = "自治区"
    assert "自治区财政" in only(run_checks(doc), "sources_sum").message


def test_fund_kinds_not_adding_up_to_budget_totals():
    p = consistent_project()
    p.funding.by_kind[FundKind.CARRYOVER].annual = wan("1")
    f = only(findings(p), "fund_kinds_sum")
    assert f.severity == "error"
    assert f.place == Place(1, "budget", None, None, "annual_budget")
    assert "全年预算数" in f.message


def test_spending_lines_not_adding_up_to_the_totals():
    p = consistent_project()
    p.budget_lines[0].actual = wan("3.5")
    f = only(findings(p), "lines_sum")
    assert f.place.field == "spent_total" and f.severity == "error"
    assert "3.5 万元" in f.message


def test_child_lines_are_not_added_to_their_parent_twice_but_siblings_are():
    p = consistent_project()
    p.budget_lines[1].code = "303"   # no longer inside 302: 4 + 1 ≠ 4
    found = [f for f in findings(p) if f.code == "lines_sum"]
    assert {f.place.field for f in found} == {"planned_total", "spent_total"}


def test_special_funds_above_their_line_is_an_error():
    p = consistent_project()
    p.budget_lines[0].special_planned = wan("5")
    f = only(findings(p), "special_above_line")
    assert f.severity == "error"
    assert f.place == Place(1, "budget", "budget_line", 0, "special_planned")
    p.budget_lines[0].special_planned = wan("4")
    assert findings(p) == []


def test_spending_above_arrived_funds_is_a_warning_with_the_percentage():
    p = consistent_project()
    p.funding.spent_total = wan("4.4")
    p.budget_lines[0].actual = wan("4.4")
    found = findings(p)
    f = only(found, "spent_over_arrived")
    assert f.severity == "warning" and "110%" in f.message and f.place.field == "spent_total"
    line = only(found, "line_overuse")
    assert line.place == Place(1, "budget", "budget_line", 0, "actual") and "110%" in line.message


def test_execution_above_budget_is_a_warning_and_still_scored():
    p = consistent_project()
    p.funding.executed = wan("4.4")
    p.funding.by_kind[FundKind.CURRENT].executed = wan("4.4")
    found = findings(p)
    f = only(found, "execution_over_100")
    # the rate as the 预算表 shows it, by the profile's rounding
    assert f.severity == "warning" and "执行率 110.00%" in f.message
    assert not [x for x in found if x.severity == "error"]


@pytest.mark.parametrize("annual, code", [(0, "annual_budget_zero"), (None, "annual_budget_missing")])
def test_no_annual_budget_means_no_execution_rate(annual, code):
    p = consistent_project()
    p.funding.annual_budget = annual
    p.funding.by_kind[FundKind.CURRENT].annual = None
    f = only(findings(p), code)
    assert f.severity == "error" and f.place == Place(1, "budget", None, None, "annual_budget")


def test_missing_execution_figure_is_an_error():
    p = consistent_project()
    p.funding.executed = None
    p.funding.by_kind[FundKind.CURRENT].executed = None
    assert only(findings(p), "executed_missing").place.field == "executed"


def test_negative_amount_is_an_error():
    p = consistent_project()
    p.budget_lines[1].planned = -wan("1")
    f = only(findings(p), "negative_amount")
    assert f.place == Place(1, "budget", "budget_line", 1, "planned")


# ---------------------------------------------------------------- seed 002's slips

def rd_project(amounts: list[str], names=None) -> Project:
    names = names or ["设备费", "材料费", "测试化验加工费", "燃料动力费", "差旅费", "会议费",
                      "其他费用", "劳务费"]
    p = Project(id=2, name="高频开关电源节能技术应用项目")
    p.budget_lines = [BudgetLine("", n, wan(a)) for n, a in zip(names, amounts)]
    return p


def test_five_yuan_among_wan_figures_is_flagged_at_its_cell():
    # 天成科技: 差旅费 "5 元" among 万元 figures, read as 0.0005 万元
    p = rd_project(["125", "93", "5", "20", "5元", "2", "20"])
    f = only(run_checks(make_doc(p)), "yuan_among_wan")
    assert f.severity == "warning"
    assert f.place == Place(2, "budget", "budget_line", 4, "planned")
    assert f.message == ("「高频开关电源节能技术应用项目」支出明细“差旅费”计划支出数为 0.0005 万元（5元），"
                         "与其他以万元计的金额相差悬殊，是否误填为元？")


@pytest.mark.parametrize("amounts", [
    ["170", "42", "1.5", "5.5", "0.5", "0.5", "20"],   # 北塑管业
    ["87", "7", "1", "5"],                             # 可得电子
    ["0.5", "0.3", "0.02"],                            # a small project: all small
    ["7392.553", "26.95", "2"],                        # large and ordinary lines together
])
def test_small_but_plausible_lines_are_not_flagged(amounts):
    found = run_checks(make_doc(rd_project(amounts)))
    assert not codes(found) & {"yuan_among_wan", "yuan_as_wan"}


def test_yuan_typed_into_a_wan_column_is_flagged():
    # 可得电子 with 差旅费 1 万元 typed as 10000 (元) into the 万元 column
    p = rd_project(["87", "7", "10000", "5"], ["材料费", "燃料动力费", "差旅费", "劳务费"])
    f = only(run_checks(make_doc(p)), "yuan_as_wan")
    assert f.place == Place(2, "budget", "budget_line", 2, "planned") and "10000 万元" in f.message
    p.funding.planned_total = wan("10099")   # the total says the figure is meant
    assert "yuan_as_wan" not in codes(run_checks(make_doc(p)))


def test_self_raised_funds_used_at_110_percent():
    # 鸿城节能: 自筹预算 20 万元, 实际使用 22 万元, 110%
    p = Project(id=3, name="被动式超低能耗建筑与保温结构一体化技术的研究与应用")
    p.funding.by_source[Source.OTHER].planned = wan("20")
    p.funding.by_source[Source.OTHER].arrived = wan("22")
    f = only(run_checks(make_doc(p)), "source_overuse")
    assert f.severity == "warning"
    assert f.place == Place(3, "budget", "source", list(Source).index(Source.OTHER), "arrived")
    assert "110%" in f.message and "其他" in f.message


def test_an_executed_amount_a_thousand_times_the_budget_is_an_error():
    """40000 typed in 元 against a budget of 10 万元 (执行率 400000%) was one amber note
    among others while the total kept full marks and a grade."""
    p = consistent_project()
    p.funding.annual_budget = 10 * 1_000_000
    p.funding.executed = 40000 * 1_000_000
    found = only(findings(p), "executed_as_yuan")
    assert found.severity == "error" and "4000 倍" in found.message
    assert "若是 40000 元，应填 4 万元" in found.message and found.place.field == "executed"
    assert not [f for f in findings(p) if f.code == "execution_over_100"]
    p.funding.executed = 11 * 1_000_000                  # 110%: the usual reminder only
    assert not [f for f in findings(p) if f.code == "executed_as_yuan"]
    assert only(findings(p), "execution_over_100").severity == "warning"
