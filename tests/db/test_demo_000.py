"""Seed 000: 南宫市's 科学技术经费 report (the classic narrative one) as a demo, checked against the report.

The report states one amount (经费 15 万元, 到位足额), the year's goals with their targets, and a
grade — “评价结果为优” — but no 执行数, no 实际完成值 in figures and no score. So the
demo keeps the targets and the report's own words, and the app shows 未评分 beside the stated 优; the
问题清单 lists exactly what the report leaves out, and judging every goal 达成 (what its 优 says) gives
优 whatever the missing 执行数 turns out to be.
"""
from copy import deepcopy
import re
from pathlib import Path

import pytest

from selfeval_desktop.db.demo import seed_data, unchanged_demo, write_demo
from selfeval_desktop.db.document import open_document
from selfeval_desktop.db.repo import load_document
from selfeval_desktop.domain.checks import check_project
from selfeval_desktop.domain.evaluation import project_result
from selfeval_desktop.domain.model import CONCLUSION_SECTIONS, Source
from selfeval_desktop.domain.values import parse_value

from tests.db.seed_report import demo_document, flat, report_text

REPORT = Path("/work/shared/seeds/000_2337bd90480ce908.txt")
WAN = 1_000_000  # 分 per 万元


@pytest.fixture(scope="module")
def doc():
    return demo_document("000")


@pytest.fixture(scope="module")
def report():
    return report_text(REPORT)


def section(report: str, start: str, end: str) -> str:
    """The report's text between two headings, without whitespace."""
    return re.search(re.escape(start) + "(.*?)" + re.escape(end), flat(report))[1]


# ------------------------------------------------------------------ unit, money

def test_one_project_of_the_unit_for_2020(doc, report):
    assert (doc.unit.name, doc.unit.region_word, doc.year) == ("南宫市科学技术局", "省级", 2020)
    assert "南宫市政府工作报告" in flat(report) and "2020年度省市级科技计划项目" in flat(report)
    [p] = doc.projects
    assert flat(report).startswith(p.name + "绩效评价自评报告")
    assert p.implementer == doc.unit.name and p.supervisor == ""      # the report names none
    assert (p.leader, p.phone, p.address, p.start, p.end) == ("",) * 5


def test_the_reports_only_amount_15_wan_from_the_city_arrived_in_full(doc, report):
    assert re.findall(r"([\d.]+) ?万元", report) == ["15"]          # 经费 15 万元, nothing else
    assert "确定市财政对科学技术工作进行支持" in flat(report) and "财政经费到位足额及时" in flat(report)
    f = doc.projects[0].funding
    fifteen = 15 * WAN
    assert (f.planned_total, f.arrived_total, f.annual_budget) == (fifteen,) * 3
    assert (f.by_source[Source.LOCAL].planned, f.by_source[Source.LOCAL].arrived) == (fifteen, fifteen)
    assert all(f.by_source[s].planned is None for s in (Source.CENTRAL, Source.PROVINCIAL, Source.OTHER))
    # “按工作进度及时支出” but “经费预算支出进度滞后”: no spending figure, left for the check
    assert (f.initial_budget, f.executed, f.spent_total) == (None, None, None)
    [line] = doc.projects[0].budget_lines
    assert (line.code, line.name, line.planned, line.actual) == ("302", "商品和服务支出", fifteen, None)


# ------------------------------------------------------------------ goals and indicators

def test_targets_are_the_years_goals_as_the_report_writes_them(doc, report):
    goals = section(report, "（一）工作活动(项目)总目标、年度目标设定情况", "（二）工作活动(项目)绩效指标设定情况")
    rows = doc.projects[0].indicators
    numeric = [(i.name, i.target) for i in rows if parse_value(i.target).number is not None]
    assert numeric == [("组织申报省市级科技计划项目", "4个"), ("举办科技培训", "12期"),
                       ("培训农民技术骨干", "2000人次"), ("新认定省级技术创新中心", "2家"),
                       ("高新技术企业", "净增3家以上"), ("科技小巨人企业", "新增2家"),
                       ("科技型中小企业", "净增50家")]
    for name, target in numeric:      # each one word for word in 二（一）, and read by the app
        assert target in goals, target
        assert parse_value(target).error is None
    for i in rows:                    # no target beyond the report's words
        if i.level1 == "效益指标" and i.actual:
            # the goal says “实施精准培训，提高了贫困户劳动生产技能”: the target without its 了
            assert i.target == i.actual.replace("了", "") and i.actual in goals
        else:
            assert i.target in goals, i.name
    # the report has no 满意度 indicator and none is made up; no 分值 given: 平均分配
    assert {i.level1 for i in rows} == {"产出指标", "效益指标"}
    assert sum(i.weight for i in rows) == 90


def test_actuals_are_only_what_the_report_says_and_no_choice_is_made_for_it(doc, report):
    rows = doc.projects[0].indicators
    said = {i.name: i.actual for i in rows if i.actual}
    assert set(said.values()) == {"按计划实施落实", "提高了贫困户劳动生产技能"}
    assert all(flat(a) in flat(report) for a in said.values())
    assert len([a for a in said.values() if a == "按计划实施落实"]) == 4
    assert all(i.achievement is None for i in rows)    # 达成 or not is the user's to say


def test_not_scored_beside_the_stated_grade_and_the_check_lists_what_the_report_leaves_out(doc, report):
    p = doc.projects[0]
    assert "评价结果为优" in flat(report) and "得分" not in report     # a grade, no score
    assert (p.stated_grade, p.stated_total) == ("优", None)
    assert doc.grade_names == "优/良/一般/差"       # 二（二）“设定优、良、一般、差四个档次”
    result = project_result(doc, p)
    assert (result["scored"], result["total"], result["grade"]) == (False, None, "未评分")
    codes = [f.code for f in check_project(doc, p) if f.severity == "error"]
    assert sorted(codes) == sorted(["executed_missing"] + ["achievement_missing"] * 5
                                   + ["actual_missing"] * 6 + ["target_missing"])


def test_the_reports_excellent_is_reached_by_judging_its_goals_met_whatever_was_spent(doc):
    """The report grades by 目标完成情况 alone (四档): with every goal met — a figure left blank typed
    as its target, every other row judged 达成 — the indicators give their 90, which is 优 even at
    an 执行率 of 0: the missing 执行数 cannot change the report's grade."""
    filled = deepcopy(doc)
    p = filled.projects[0]
    for ind in p.indicators:
        if not ind.actual and parse_value(ind.target).number is not None:
            ind.actual = ind.target
        else:
            ind.achievement = "达成"
    for spent, total in ((0, "90.00"), (15 * WAN, "100.00")):
        p.funding.executed = spent
        result = project_result(filled, p)
        assert (result["total"], result["grade"], result["provisional"]) == (total, "优", False)


# ------------------------------------------------------------------ the narrative

def test_problems_measures_and_suggestions_are_the_reports_three_parts(doc, report):
    c = doc.projects[0].conclusions
    five = "五、工作活动(项目)存在的问题、改进工作的意见及建议"
    assert flat(c["problems"]) == section(report, "实现绩效目标过程中存在的问题。", "（二）")
    assert flat(c["measures"]) == section(report, "实施中改进意见及措施。", "（三）建议。")
    assert flat(c["suggestions"]) == flat(report).split("（三）建议。")[1]
    assert five in flat(report) and set(c) <= set(CONCLUSION_SECTIONS)
    assert c["achievement"] == "评价结果为优"
    assert "experience" not in c and "application" not in c          # the report has neither


def test_narrative_texts_are_the_reports_words_without_the_templates_prompts(doc, report):
    p = doc.projects[0]
    texts = {"background": p.background, "implementation": p.implementation,
             "goal_expected": p.goal_expected, "goal_actual": p.goal_actual, **p.conclusions}
    for key, text in texts.items():
        assert text.strip(), key
        for sentence in re.split(r"[。\n]", text):
            assert flat(sentence) in flat(report), (key, sentence)
        assert not re.search(r"说明(是否|资金|工作活动|处置)|简要说明", text), key
    assert "经费 15 万元" in p.background
    assert p.implementation.count("\n") == 4 and p.implementation.startswith("（一）计划制定和落实情况")
    assert "根据目标和目标完成情况进行评价" in p.conclusions["work"]
    assert p.evaluators == [] and p.unit_opinion == "" and p.supervisor_opinion == ""


def test_notes_say_the_readings(report):
    notes = "\n".join(seed_data("000")["notes"])
    for said in ("15 万元", "全年执行数", "支出进度滞后", "评价结果为优", "未评分", "平均分配",
                 "4 次以上", "南宫市科学技术局"):
        assert said in notes, said


def test_the_written_demo_is_recognised_as_unchanged(tmp_path):
    path = tmp_path / "南宫.sqlite"
    write_demo(path, "000")
    opened = open_document(path, readonly=True)
    try:
        assert unchanged_demo(opened.conn) == "000"
        assert load_document(opened.conn).projects[0].name == "科学技术经费"
    finally:
        opened.close()
