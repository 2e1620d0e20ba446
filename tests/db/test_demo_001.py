"""Seed 001: 新乡市科学技术局's 2021 部门整体 report as a demo document, checked against the report.

The report names 14 of the 31 三级指标 it counts and gives none of them a 年度指标值, so the app
cannot score the department: it shows 未评分 beside the stated 99 (and the report's own level-one
self-scores add up to 89, the 满意度 10 points never being scored in its text).
"""
from decimal import Decimal
import re
from pathlib import Path

import pytest

from selfeval_desktop.db.demo import (DemoError, document_from_data, seed_data,
                                      unchanged_demo, write_demo)
from selfeval_desktop.db.document import open_document
from selfeval_desktop.db.repo import load_document
from selfeval_desktop.domain.checks import check_project
from selfeval_desktop.domain.evaluation import profile_for, project_result
from selfeval_desktop.domain.model import CONCLUSION_SECTIONS, ProjectKind
from selfeval_desktop.domain.weights import even_split

from tests.db.seed_report import demo_document, flat, report_text

REPORT = Path("/work/shared/seeds/001_9ddcca05215f699e.txt")
WAN = Decimal(1_000_000)  # 分 per 万元
LEVELS = ("投入", "过程", "产出", "效益", "满意度")


@pytest.fixture(scope="module")
def doc():
    return demo_document("001")


@pytest.fixture(scope="module")
def report():
    return report_text(REPORT)


def wan(fen: int) -> str:
    return format((Decimal(fen) / WAN).normalize(), "f")


def level_key(doc, ind) -> str:
    return profile_for(doc, doc.department).level1_for(ind.level1).key


# ------------------------------------------------------------------ the department and its projects

def test_the_department_is_scored_by_the_department_profile(doc):
    dept = doc.department
    assert dept is not None and dept.kind is ProjectKind.DEPARTMENT
    assert [p.kind for p in doc.projects].count(ProjectKind.DEPARTMENT) == 1
    assert doc.unit.name == "新乡市科学技术局" and doc.year == 2021
    assert project_result(doc, dept)["profile"] == "department"
    assert {project_result(doc, p)["profile"] for p in doc.project_list()} == {"mof2020"}


def test_the_seven_projects_with_their_amounts_as_the_report_lists_them(doc, report):
    # 四（一）: “其中新乡市科学技术局 6 个：1. 专业技术职务任职资格评审费 8.1437 万元，……”
    listed = re.search(r"其中新乡市科学技术局 6 个：(.*?)；新乡市科技服务中心 1 个：(.*?)。", report)
    rows = [(name.strip(), amount, "新乡市科学技术局") for name, amount in
            re.findall(r"\d\. (\S+?) ?([\d.]+) 万?元", listed[1])]
    name, amount = re.fullmatch(r"(\S+?) ?([\d.]+) 万元", listed[2]).groups()
    rows.append((name, amount, "新乡市科技服务中心"))
    assert len(rows) == 7 == int(re.search(r"纳入项目支出绩效管理的项目 (\d+) 个", report)[1])
    projects = doc.project_list()
    assert [(p.name, wan(p.funding.planned_total), p.implementer) for p in projects] == rows
    for p in projects:   # 均按计划到位; the 核定 amount is also the 全年预算数
        f = p.funding
        assert f.planned_total == f.arrived_total == f.annual_budget, p.name


def test_spending_is_what_the_report_says_each_project_spent(doc, report):
    # 四（三）: “（1）专业技术职务任职资格评审费 8.14 万元，用于……” — 8.14, not the 8.1437 核定
    for p in doc.project_list():
        assert p.funding.spent_total == p.funding.executed, p.name
        assert flat(p.implementation) in flat(report), p.name
        assert re.search(rf"{re.escape(wan(p.funding.spent_total))} ?万元", p.implementation), p.name
    fee = doc.project_list()[0]
    assert (fee.funding.planned_total, fee.funding.spent_total) == (81437 * 100, 814 * 10000)


def test_the_reports_money_does_not_add_up_and_is_kept_as_written(doc, report):
    dept = doc.department
    total = Decimal(re.search(r"项目 7 个，共 ([\d.]+) 万元", report)[1])
    spent = Decimal(re.search(r"实际支出 ([\d.]+) 万元，其中", report)[1])
    assert Decimal(dept.funding.planned_total) / WAN == total == Decimal(dept.funding.arrived_total) / WAN
    assert Decimal(dept.funding.spent_total) / WAN == spent
    seven = sum(p.funding.planned_total for p in doc.project_list())
    assert Decimal(seven) / WAN != total     # 14315.8437, not the stated 14640.83
    # 14673.19 is the nine uses of 四（三）, two of them not among the seven projects
    uses = re.findall(r"（(\d)）.*?([\d.]+) 万元", report, re.S)
    assert [n for n, _ in uses] == [str(n) for n in range(1, 10)]
    assert sum(Decimal(u) for _, u in uses) == spent
    warnings = [f.message for f in check_project(doc, dept) if "超过实际到位资金" in f.message]
    assert len(warnings) == 1 and f"实际支出 {spent} 万元" in warnings[0]


def test_the_project_without_money_is_shown_not_hidden(doc):
    carried = [p for p in doc.project_list() if p.funding.annual_budget == 0]
    assert [p.name for p in carried] == ["技术创新引导专项（结转项目）"]
    assert any("全年预算数为 0" in f.message for f in check_project(doc, carried[0]))


# ------------------------------------------------------------------ the indicator tree

def test_rows_are_the_ones_the_report_names_with_the_reports_level_weights(doc, report):
    dept = doc.department
    weights = dict(re.findall(r"(投入|过程|产出|效益)指标 (\d+) 分，", report.split("二、")[1]))
    weights["满意度"] = re.search(r"满意度 (\d+) 分", report)[1]
    keys = [level_key(doc, ind) for ind in dept.indicators]
    assert sorted(set(keys), key=LEVELS.index) == list(LEVELS)
    for level in LEVELS:
        assert sum(i.weight for i, k in zip(dept.indicators, keys) if k == level) == \
            Decimal(weights[level]), level
    # the report gives no row weights: 平均分配 of the department profile
    assert [i.weight for i in dept.indicators] == even_split(dept.indicators,
                                                             profile_for(doc, dept))
    for ind in dept.indicators:
        assert ind.name in report, ind.name
        assert ind.actual == "" or ind.actual in report, ind.name


def test_the_point_lost_on_budget_adjustment_and_its_reason(doc, report):
    [row] = [i for i in doc.department.indicators if i.name == "预算调整率"]
    lost = int(re.search(r"预算调整率、扣 (\d+) 分", report)[1])
    assert row.stated_score == row.weight - lost
    assert row.deviation and flat(row.deviation) in flat(report)
    assert "市财政局将该笔资金收回" in row.deviation
    assert row.actual == "未达标"


def test_stated_row_scores_follow_the_reports_level_scores(doc, report):
    """投入 15/15, 过程 24/25, 产出 30/30, 效益 20/20; 满意度 has no self-score in the report."""
    stated = {k: Decimal(s) for k, _, s in re.findall(r"(投入|过程|产出|效益)指标 (\d+) 分，自评得分 (\d+) 分",
                                                      report)}
    dept = doc.department
    by_level = {}
    for ind in dept.indicators:
        by_level.setdefault(level_key(doc, ind), []).append(ind.stated_score)
    for level, scores in by_level.items():
        if level in stated:
            assert sum(scores) == stated[level], level
        else:
            assert level == "满意度" and scores == [None] * len(scores)


def test_the_app_does_not_invent_the_99_and_grades_nothing_half_scored(doc, report):
    """The truth about the total: the report's 99 cannot be recomputed from what it says."""
    dept = doc.department
    stated_total = Decimal(re.search(r"绩效自评总得分 (\d+) 分", report)[1])
    counted = int(re.search(r"三级指标 (\d+) 个", report)[1])
    assert dept.stated_total == stated_total
    # 14 rows named of the 31 counted, and not one 年度指标值 among them
    assert len(dept.indicators) < counted
    assert all(not ind.target.strip() for ind in dept.indicators)
    result = project_result(doc, dept)
    # the 投入 rows the report judges 达成 (no target: by its 评分标准) are scored from that choice;
    # the others have neither a target nor a 达成情况: the total is kept, no grade is given
    judged = [ind for ind in dept.indicators if ind.achievement]
    assert judged and all(ind.level1 == "投入指标" for ind in judged)
    assert Decimal(result["total"]) == sum(ind.weight for ind in judged)
    assert result["provisional"] is True
    assert f"{len(dept.indicators) - len(judged)} 项指标尚无得分" in result["provisional_reason"]
    assert result["stated_total"] == str(stated_total)
    # the report's own level self-scores stop at 89: its 99 takes the unscored 满意度 10 as full
    levels = sum(Decimal(s) for s in re.findall(r"指标 \d+ 分，自评得分 (\d+) 分", report))
    satisfaction = Decimal(re.search(r"满意度 (\d+) 分", report)[1])
    assert levels + satisfaction == stated_total
    assert sum(i.stated_score for i in dept.indicators if i.stated_score is not None) == levels
    findings = check_project(doc, dept)
    assert any("无法核对" in f.message and f"综合得分 {stated_total}" in f.message
               for f in findings)
    missing = [f for f in findings if "年度指标值未填写" in f.message]
    assert len(missing) == len(dept.indicators) - len(judged)
    assert all(f.severity == "error" for f in missing)
    by_choice = [f for f in findings if f.code == "target_empty"]   # 提醒, not 错误
    assert len(by_choice) == len(judged) and all(f.severity == "warning" for f in by_choice)


# ------------------------------------------------------------------ the narrative and the notes

def test_narrative_sections_are_the_reports_own_words(doc, report):
    dept = doc.department
    texts = {"goal_expected": dept.goal_expected, "background": dept.background,
             "implementation": dept.implementation, "goal_actual": dept.goal_actual}
    texts.update(dept.conclusions)
    assert set(dept.conclusions) <= set(CONCLUSION_SECTIONS)
    for key, text in texts.items():
        assert text.strip(), key
        for line in text.splitlines():   # section headings joined in are the report's too
            assert flat(line) in flat(report), (key, line)
    assert "99 分" in dept.conclusions["achievement"]
    assert dept.conclusions["measures"].startswith("提高预算资金的使用效率")


def test_notes_say_the_choices_and_the_reports_inconsistencies(report):
    data = seed_data("001")
    notes = "\n".join(data["notes"])
    assert re.search(r"一级指标 (\d+) 个", report)[1] == "4"
    for said in ("一级指标 4 个", "14640.83", "14315.8437", "平均分配", "99", "89", "二级指标留空"):
        assert said in notes, said


def test_a_second_department_in_the_data_is_refused():
    data = seed_data("001")
    data["projects"].append(dict(data["projects"][0]))
    with pytest.raises(DemoError, match="两个部门整体"):
        document_from_data(data)
    data = seed_data("001")
    data["projects"][0]["kind"] = "dept"
    with pytest.raises(DemoError, match="dept"):
        document_from_data(data)


def test_the_written_demo_is_recognised_as_unchanged(tmp_path):
    path = tmp_path / "新乡.sqlite"
    write_demo(path, "001")
    opened = open_document(path, readonly=True)
    try:
        assert unchanged_demo(opened.conn) == "001"
        assert load_document(opened.conn).department.name == "新乡市科学技术局部门整体支出"
    finally:
        opened.close()
