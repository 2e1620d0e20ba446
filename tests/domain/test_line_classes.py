"""Which spending lines add into the 支出合计: an item (款) is left out only under its own class
(类) filled in, as the 支出经济分类 catalog lists it (30211 差旅费 under 302). Any other code is a
line of its own (lines coded 1 and 10 left the 10 out of the 合计 because “10”
starts with “1”, and nothing said so)."""
from __future__ import annotations

from selfeval_desktop.domain.checks import check_project
from selfeval_desktop.domain.model import (BudgetLine, Document, Project, SpendingScheme, Unit,
                                           lines_total)

WAN = 1_000_000   # 分


def test_codes_that_merely_start_alike_both_count():
    lines = [BudgetLine("1", "会议费", 50 * WAN, 50 * WAN), BudgetLine("10", "培训费", 30 * WAN, 30 * WAN)]
    assert lines_total(lines, "planned") == 80 * WAN
    p = Project(name="培训项目", budget_lines=lines)
    assert p.effective_spent_total() == 80 * WAN


def test_a_code_the_catalog_does_not_know_counts_under_a_class():
    # 3021 is no item of 302 in the catalog: a line of its own
    lines = [BudgetLine("302", "商品和服务支出", 4 * WAN), BudgetLine("3021", "自编科目", WAN)]
    assert lines_total(lines, "planned") == 5 * WAN


def test_an_item_under_its_filled_class_counts_once_under_any_classification():
    lines = [BudgetLine("302", "商品和服务支出", 4 * WAN), BudgetLine("30211", "差旅费", WAN),
             BudgetLine("30101", "基本工资", 2 * WAN)]      # an item of 301, not listed: counts
    assert lines_total(lines, "planned") == 6 * WAN
    p = Project(name="项目", spending_scheme=SpendingScheme.RD2011, budget_lines=lines)
    assert lines_total(p.budget_lines, "planned") == 6 * WAN


def test_rd_categories_are_flat():
    lines = [BudgetLine("equipment", "设备费", 170 * WAN), BudgetLine("materials", "材料费", 42 * WAN),
             BudgetLine("other", "其他支出", 20 * WAN)]
    assert lines_total(lines, "planned") == 232 * WAN


def findings(lines, planned_total):
    p = Project(id=1, name="培训项目", budget_lines=lines)
    p.funding.planned_total = planned_total
    return check_project(Document(unit=Unit(name="某县科技局"), year=2021, projects=[p]), p)


def test_the_check_list_no_longer_calls_a_longer_code_a_detail():
    lines = [BudgetLine("1", "会议费", 20 * WAN), BudgetLine("10", "培训费", 30 * WAN)]
    found = findings(lines, 50 * WAN)
    assert not [f for f in found if f.code in ("line_details_differ", "lines_sum")]


def test_the_check_list_still_says_when_items_exceed_their_class():
    lines = [BudgetLine("302", "商品和服务支出", 4 * WAN), BudgetLine("30211", "差旅费", 5 * WAN)]
    [f] = [f for f in findings(lines, 4 * WAN) if f.code == "line_details_differ"]
    assert "计划支出数 4 万元，其下明细合计 5 万元，明细超过了所属科目" in f.message
