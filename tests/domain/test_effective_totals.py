"""计划安排资金 / 实际到位资金 / 实际支出 when not typed: the sum of their parts (the window, the
checks and the forms all read them so)."""
from selfeval_desktop.domain.model import BudgetLine, Funding, Project, Source
from selfeval_desktop.domain.money import parse_wan as wan


def test_a_typed_total_wins_over_the_sum_of_the_sources():
    f = Funding()
    f.by_source[Source.CENTRAL].planned = wan("3")
    f.by_source[Source.LOCAL].planned = wan("1.5")
    f.by_source[Source.LOCAL].arrived = wan("1")
    assert f.effective_planned_total() == wan("4.5")
    assert f.effective_arrived_total() == wan("1")
    f.planned_total = wan("5")
    assert f.effective_planned_total() == wan("5")   # the typed figure, even if the parts differ


def test_nothing_given_is_none_not_zero():
    f = Funding()
    assert f.effective_planned_total() is None and f.effective_arrived_total() is None
    assert Project().effective_spent_total() is None
    f.by_source[Source.OTHER].arrived = 0
    assert f.effective_arrived_total() == 0


def test_spent_is_the_lines_actuals_without_counting_a_child_line_twice():
    p = Project(budget_lines=[BudgetLine("302", "商品和服务支出", wan("4"), wan("3.5")),
                              BudgetLine("30211", "差旅费", wan("1"), wan("1")),
                              BudgetLine("310", "资本性支出", wan("2"), None),
                              BudgetLine("", "设备费", None, wan("0.5"))])
    assert p.effective_spent_total() == wan("4")
    p.funding.spent_total = wan("6")
    assert p.effective_spent_total() == wan("6")


def test_lines_total_counts_a_detail_line_under_its_listed_class_once():
    from selfeval_desktop.domain.model import BudgetLine, lines_total
    lines = [BudgetLine("302", "商品和服务支出", 4_000_000, 3_000_000),
             BudgetLine("30211", "差旅费", 1_000_000, 500_000),
             BudgetLine("303", "对个人和家庭的补助", 2_000_000, None)]
    assert lines_total(lines, "planned") == 6_000_000
    assert lines_total(lines, "actual") == 3_000_000
    assert lines_total([], "planned") is None
