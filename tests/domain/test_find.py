"""查找 (Ctrl+F): the places holding a word, in the window's order, on the seeds.

The expected places are written by hand from the seed reports (/work/shared/seeds): which field of
which project says the word, as a clerk reading the forms would list them.
"""
from __future__ import annotations

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.checks_base import Place
from selfeval_desktop.domain.find import find, span
from selfeval_desktop.domain.model import SpendingScheme


def seed(number: str):
    doc = build_demo(number)
    for pid, project in enumerate(doc.projects, start=1):   # ids as a saved file has them
        project.id = pid
    return doc


def places(doc, word):
    return [f.place for f in find(doc, word)]


def test_a_word_is_found_in_every_tab_in_the_windows_order():
    """Seed 003 (河池市科协, 学术交流活动经费): 科技工作者 is in 实施情况 and 预期目标 (项目概况),
    in three 三级指标 (rows 2–4 of 绩效指标) and in two 结论 texts."""
    doc = seed("003")
    assert places(doc, "科技工作者") == [
        Place(1, "overview", None, None, "implementation"),
        Place(1, "overview", None, None, "goal_expected"),
        Place(1, "indicators", "indicator", 1, "name"),
        Place(1, "indicators", "indicator", 2, "name"),
        Place(1, "indicators", "indicator", 3, "name"),
        Place(1, "conclusion", None, None, "achievement"),
        Place(1, "conclusion", None, None, "experience"),
    ]


def test_evaluators_spending_lines_and_numbers_are_found():
    doc = seed("003")
    # 实施单位 河池市科协, the 立项背景's 《…河池市科协系统…》, and the three 评价人员' 单位
    assert places(doc, "市科协") == [
        Place(1, "overview", None, None, "implementer"),
        Place(1, "overview", None, None, "background"),
        Place(1, "conclusion", "evaluator", 0, "org"),
        Place(1, "conclusion", "evaluator", 1, "org"),
        Place(1, "conclusion", "evaluator", 2, "org"),
    ]
    assert places(doc, "谢静") == [Place(1, "conclusion", "evaluator", 2, "name")]
    assert places(doc, "302") == [Place(1, "budget", "budget_line", 0, "code")]
    assert places(doc, "商品和服务") == [Place(1, "budget", "budget_line", 0, "name")]
    # 分值 as the grid shows it: 16.67 on the first two rows
    assert places(doc, "16.67") == [Place(1, "indicators", "indicator", 0, "weight"),
                                    Place(1, "indicators", "indicator", 1, "weight")]


def test_where_says_project_tab_and_field():
    doc = seed("003")
    assert [f.where for f in find(doc, "谢静")] == ["学术交流活动经费 · 结论 · 评价人员第3行 姓名"]
    assert [f.where for f in find(doc, "302")] == ["学术交流活动经费 · 预算表 · 支出明细第1行 科目编码"]
    assert find(doc, "简报")[1].where == "学术交流活动经费 · 绩效指标 · 第3行 三级指标"


def test_full_width_and_case_are_tolerated():
    doc = seed("003")
    # （ ） typed full-width in the seed, searched half-width; the phone's digits full-width
    assert places(doc, "(科技专家分类") == [Place(1, "indicators", "indicator", 0, "name")]
    assert places(doc, "２１１６２７６") == [Place(1, "overview", None, None, "phone")]
    doc.projects[0].leader = "Yang Zhe"
    assert places(doc, "yANG") == [Place(1, "overview", None, None, "leader")]
    assert places(doc, "") == places(doc, "  ") == []
    assert places(doc, "没有这个词") == []


def test_the_department_comes_first_and_shows_its_own_pages():
    """Seed 001: the 部门整体 (first in the list) and its seven projects; two are named 信息化替代
    (of the 科技局 and of its 服务中心) and are told apart."""
    doc = seed("001")
    found = find(doc, "信息化替代")
    assert [f.place for f in found] == [
        Place(1, "conclusion", None, None, "achievement"),   # the department's 绩效目标实现情况
        Place(5, "overview", None, None, "name"),
        Place(8, "overview", None, None, "name"),
    ]
    assert [f.where for f in found] == [
        "新乡市科学技术局部门整体支出 · 结论 · 绩效目标实现情况",
        "信息化替代（新乡市科学技术局） · 项目概况 · 项目名称",
        "信息化替代（新乡市科技服务中心） · 项目概况 · 项目名称",
    ]
    # its name above the pages, then 部门指标 before 资金与目标 (部门名称)
    assert places(doc, "新乡市科学技术局")[:2] == [Place(1, "overview", None, None, "name"),
                                                   Place(1, "overview", None, None, "implementer")]
    assert find(doc, "新乡市科学技术局")[1].where == "新乡市科学技术局部门整体支出 · 资金与目标 · 部门名称"


def test_merged_headings_are_found_once_as_the_grid_draws_them():
    """一级指标 repeated on the rows below is drawn once (a merged cell): 满意度指标 is found on
    row 13 only, with the two 满意度 三级指标; then the 结论's （五）…满意度情况."""
    doc = seed("001")
    assert places(doc, "满意度") == [
        Place(1, "indicators", "indicator", 12, "level1"),
        Place(1, "indicators", "indicator", 12, "name"),
        Place(1, "indicators", "indicator", 13, "name"),
        Place(1, "conclusion", None, None, "achievement"),
    ]
    # typed full-width, found as the seed writes it: two 实际完成值 and “…均在90%以上。”
    assert places(doc, "９０％以上") == [Place(1, "indicators", "indicator", 12, "actual"),
                                        Place(1, "indicators", "indicator", 13, "actual"),
                                        Place(1, "conclusion", None, None, "achievement")]


def test_research_categories_have_no_code_to_find():
    doc = seed("003")
    doc.projects[0].spending_scheme = SpendingScheme.RD2021
    doc.projects[0].budget_lines[0].code = "equipment302"
    assert places(doc, "302") == []


def test_many_projects_in_list_order():
    """Seed 004's twenty projects: 培训 in two names, in the list's order, and in 三级指标 between."""
    doc = seed("004")
    names = [(f.place.project_id, f.place.field) for f in find(doc, "培训")
             if f.place.field == "name" and f.place.tab == "overview"]
    assert names == [(9, "name"), (20, "name")]
    found = find(doc, "培训")
    assert [f.order for f in found] == sorted(f.order for f in found)


def test_span_is_where_the_word_is_in_the_text():
    assert span("ＡＢＣ科技（创新）", "c科技(创") == (2, 7)
    assert span("编印《科技工作者建议》简报", "科技工作者") == (3, 8)
    assert span("abc", "x") is None
