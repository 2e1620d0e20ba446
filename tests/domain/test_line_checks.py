"""问题清单 lists spending lines the forms cannot classify: a line with money but no
支出科目, and one whose 科目 is not in the project's catalog (“301 差旅”, red in the grid)."""
from __future__ import annotations

from selfeval_desktop.domain.checks import check_project
from selfeval_desktop.domain.checks_base import ERROR, WARNING
from selfeval_desktop.domain.model import BudgetLine

from tests.ui.ui_fixtures import sample_document


def line_findings(lines):
    doc = sample_document()
    project = doc.projects[0]
    project.budget_lines = lines
    return [f for f in check_project(doc, project) if f.place.table == "budget_line"
            and f.place.field == "name"]


def test_a_line_with_money_but_no_classification_is_an_error():
    found = line_findings([BudgetLine("30211", "差旅费", 5_000_000, 4_000_000),
                           BudgetLine("", "", 1_000_000, None)])
    assert [(f.severity, f.place.row) for f in found] == [(ERROR, 1)]
    assert "第2行有金额但未选择支出科目" in found[0].message


def test_an_unknown_classification_is_said_with_what_was_written():
    found = line_findings([BudgetLine("301", "差旅", 5_000_000, 4_000_000),
                           BudgetLine("30213", "维修（护）费", 1_000_000, None)])
    assert [(f.severity, f.place.row) for f in found] == [(WARNING, 0)]
    assert "“301 差旅”不在支出经济分类中" in found[0].message


def test_known_lines_and_an_empty_line_say_nothing():
    assert line_findings([BudgetLine("30211", "差旅费", 5_000_000, None),
                          BudgetLine("", "", None, None)]) == []


def test_spent_and_executed_differing_is_said_since_the_two_forms_print_them():
    """实际支出 (基本情况表) 2.93 and 全年执行数 (自评表) 3.223 of one project printed
    two figures without a word. 计划安排资金 against 全年预算数 is not compared: with 自筹 money
    they differ by design (seed 002: 240 against 52)."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.domain.checks import check_project
    doc = build_demo("003")
    p = doc.projects[0]
    assert not [f for f in check_project(doc, p) if f.code == "printed_twins_differ"]
    p.funding.spent_total = p.funding.executed - 293_000
    [finding] = [f for f in check_project(doc, p) if f.code == "printed_twins_differ"]
    assert finding.severity == "warning" and finding.place.tab == "budget"
    assert "实际支出" in finding.message and "全年执行数" in finding.message
    p.funding.spent_total = p.funding.executed
    p.funding.planned_total = p.funding.annual_budget * 5
    assert not [f for f in check_project(doc, p) if f.code == "printed_twins_differ"]


def test_details_under_a_blank_listed_line_add_into_the_totals():
    """从上年文件新建 carries “302 商品和服务支出” over with its amounts cleared; the clerk
    fills “30201 办公费 12000 / 11500” below it. The 合计 and the printed 实际支出 stayed blank and
    the check said both were 都未填写."""
    from selfeval_desktop.domain.checks import run_checks
    from selfeval_desktop.domain.model import BudgetLine, Document, Project, Unit, lines_total
    lines = [BudgetLine("302", "商品和服务支出"), BudgetLine("30201", "办公费", 1_200_000, 1_150_000)]
    assert (lines_total(lines, "planned"), lines_total(lines, "actual")) == (1_200_000, 1_150_000)
    lines[0].actual = 1_300_000     # a filled 302 is the total; its detail is not added twice
    assert lines_total(lines, "actual") == 1_300_000 and lines_total(lines, "planned") == 1_200_000
    lines[0].actual = None
    p = Project(id=1, name="项目", budget_lines=lines)
    assert p.effective_spent_total() == 1_150_000
    found = run_checks(Document(unit=Unit(name="单位"), year=2025, projects=[p]))
    assert not [f for f in found if f.code == "total_missing" and "实际支出" in f.message]


def test_a_listed_line_whose_details_add_up_to_more_is_reminded():
    """A 302 whose details did not add up to it printed all of them, nothing said.
    Details adding up to less are a partial listing (30211 差旅费 under 302): not said."""
    from selfeval_desktop.domain.checks import run_checks
    from selfeval_desktop.domain.model import BudgetLine, Document, Project, Unit
    lines = [BudgetLine("302", "商品和服务支出", 4_000_000, 4_000_000),
             BudgetLine("30201", "办公费", 4_200_000, 1_150_000),
             BudgetLine("30202", "印刷费", 800_000, 800_000)]
    p = Project(id=1, name="项目", budget_lines=lines)

    def said():
        found = run_checks(Document(unit=Unit(name="单位"), year=2025, projects=[p]))
        return [(f.place.row, f.place.field, f.message) for f in found if f.code == "line_details_differ"]
    [(row, field, message)] = [s for s in said() if s[1] == "planned"]
    assert row == 0 and "其下明细合计 5 万元" in message and "4 万元" in message
    assert [s[1] for s in said()] == ["planned"]                  # 1.95 under 4: a partial list
    lines[1].planned = 3_200_000                                  # 3.2 + 0.8 = 4: agrees
    assert [s[1] for s in said()] == []
