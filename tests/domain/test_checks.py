"""问题清单: each check fires on the slip it is for, at the right cell, and stays silent on
consistent data (the seeds' own figures where they are consistent)."""
from decimal import Decimal

import pytest

from selfeval_desktop.domain.checks import Place, check_project, run_checks
from selfeval_desktop.domain.evaluation import profile_for
from selfeval_desktop.domain.model import Document, FundKind, Indicator, Project, ProjectKind
from selfeval_desktop.domain.scoring import score_project

from tests.domain.check_documents import (codes, consistent_department, consistent_project,
                                          findings, make_doc, only, wan)

D = Decimal


# ---------------------------------------------------------------- silent on consistent data

def test_consistent_project_and_department_have_no_findings():
    assert run_checks(make_doc(consistent_project(), consistent_department())) == []


def test_findings_name_the_project_they_belong_to():
    p = consistent_project()
    p.indicators[0].weight = D(25)
    p.funding.spent_total = wan("5")
    for f in findings(p):
        assert f.message.startswith("「学术交流活动经费」"), f
        assert f.place.project_id == 1


def test_precomputed_scores_give_the_same_findings():
    p = consistent_project()
    p.indicators[0].actual = "40人"
    doc = make_doc(p)
    scores = {p.id: score_project(p, profile_for(doc, p))}
    assert run_checks(doc, scores) == run_checks(doc)
    assert check_project(doc, p, scores[p.id]) == check_project(doc, p)


# ---------------------------------------------------------------- weights

def test_weights_not_summing_to_100_is_an_error_at_the_weight_column():
    p = consistent_project()
    p.indicators[0].weight = D(25)
    found = findings(p)
    f = only(found, "weights_sum")
    assert f.severity == "error"
    assert f.place == Place(1, "indicators", "indicator", None, "weight")
    assert "85 分" in f.message and "95 分" in f.message and "100 分" in f.message
    level = only(found, "level1_weights")  # and 产出 45 ≠ 50 is pointed at its first row
    assert level.severity == "warning" and level.place.row == 0 and "45 分" in level.message


def test_missing_weights_are_counted_in_the_message():
    p = consistent_project()
    p.indicators[1].weight = None
    found = findings(p)
    assert "另有 1 项指标未填写分值" in only(found, "weights_sum").message
    assert only(found, "weight_missing").place == Place(1, "indicators", "indicator", 1, "weight")


def test_level_one_weights_differing_from_the_profile_are_warnings_only():
    p = consistent_project()
    p.indicators[0].weight = D(35)   # 产出 55
    p.indicators[2].weight = D(25)   # 效益 25: still 100 in all
    found = findings(p)
    assert "weights_sum" not in codes(found)
    level = [f for f in found if f.code == "level1_weights"]
    assert {f.place.row for f in level} == {0, 2}
    assert all(f.severity == "warning" for f in level)


def test_missing_satisfaction_moves_its_weight_to_benefit():
    p = consistent_project()
    del p.indicators[3]
    p.indicators[2].weight = D(40)
    assert findings(p) == []
    p.indicators[2].weight = D(30)
    found = findings(p)
    assert "weights_sum" in codes(found)
    assert "满意度" in only(found, "level1_weights").message


def test_absent_level_one_heading_is_named():
    p = consistent_project()
    p.indicators[2].level1 = "产出指标"  # no 效益 left
    assert "没有效益指标" in only(findings(p), "level1_absent").message


def test_unknown_level_one_heading_is_a_warning_at_its_cell():
    p = consistent_project()
    p.indicators[1].level1 = "投入指标"   # a department heading in a project
    f = only(findings(p), "level1_unknown")
    assert f.severity == "warning"
    assert f.place == Place(1, "indicators", "indicator", 1, "level1")
    assert "投入指标" in f.message


def test_department_evaluation_is_checked_against_its_own_profile():
    dep = consistent_department()
    assert findings(dep) == []   # no 预算执行率 in the department profile: no budget needed
    dep.indicators[2].weight = D(35)   # 产出 35
    dep.indicators[3].weight = D(15)   # 效益 15
    found = findings(dep)
    assert "weights_sum" not in codes(found)
    assert {f.place.row for f in found if f.code == "level1_weights"} == {2, 3}
    dep.indicators[0].weight = D(10)
    assert "weights_sum" in codes(findings(dep))


def test_project_headings_in_a_department_evaluation_do_not_add_up():
    dep = Project(id=9, name="部门整体", kind=ProjectKind.DEPARTMENT, indicators=[
        Indicator("产出指标", "", "a", "≥1次", "1次", D(50)),
        Indicator("效益指标", "", "b", "≥1次", "1次", D(30)),
        Indicator("满意度指标", "", "c", "≥1次", "1次", D(10))])
    found = findings(dep)
    assert "90 分" in only(found, "weights_sum").message
    assert "执行率" not in only(found, "weights_sum").message


def test_a_department_without_its_budget_money_is_told_the_form_prints_it_empty():
    """Seed 001's money was in 实际到位/实际支出 only, and the printed 部门预算资金
    block was empty with nothing said."""
    dep = consistent_department()
    dep.funding.annual_budget = dep.funding.executed = None
    dep.funding.arrived_total = dep.funding.spent_total = 14640_830000 // 100
    found = only(findings(dep), "department_budget_missing")
    assert "全年预算数、全年执行数未填写" in found.message and "部门预算资金" in found.message
    assert (found.place.tab, found.place.field) == ("budget", "annual_budget")
    dep.funding.annual_budget = 14640_830000 // 100
    assert "全年执行数未填写" in only(findings(dep), "department_budget_missing").message


# ---------------------------------------------------------------- indicator rows

def test_score_below_full_without_deviation_asks_for_it():
    p = consistent_project()
    p.indicators[0].actual = "40人"
    f = only(findings(p), "deviation_missing")
    assert f.severity == "warning"
    assert f.place == Place(1, "indicators", "indicator", 0, "deviation")
    assert f.message == "「学术交流活动经费」第1行指标“入库专家人数”得分低于满分，请填写偏差原因分析及改进措施"
    p.indicators[0].deviation = "受疫情影响，部分专家未能入库；下年度提前组织推荐。"
    assert findings(p) == []


def test_overshoot_without_deviation_asks_for_it():
    p = consistent_project()
    p.indicators[0].actual = "70人"   # 140% of 50
    f = only(findings(p), "deviation_missing")
    assert "130%" in f.message
    p.indicators[0].actual = "65人"   # exactly 130%: not above
    assert findings(p) == []


def test_stated_score_differing_from_the_rule_shows_both_and_why():
    p = consistent_project()
    p.indicators[0].actual = "40人"
    p.indicators[0].deviation = "原因"
    p.indicators[0].stated_score = D(30)
    f = only(findings(p), "stated_score_differs")
    assert f.severity == "warning" and f.place.field == "stated_score" and f.place.row == 0
    assert "30 分" in f.message and "24.00 分" in f.message and "40" in f.message
    p.indicators[0].stated_score = D("24")
    assert findings(p) == []


def test_stated_score_above_its_weight_is_an_error():
    p = consistent_project()
    p.indicators[3].stated_score = D(12)
    f = only(findings(p), "stated_above_weight")
    assert f.severity == "error" and f.place.row == 3 and "10 分" in f.message


def test_a_row_without_its_level_one_heading_is_reported_at_that_cell():
    """No test named level1_missing; a row without 一级指标 went unreported."""
    p = consistent_project()
    p.indicators[1].level1 = ""
    f = only(findings(p), "level1_missing")
    assert f.severity == "warning"
    assert f.place == Place(1, "indicators", "indicator", 1, "level1")
    assert f.message == "「学术交流活动经费」第2行指标“编印建议简报”未填写一级指标"


def test_a_negative_stated_score_is_an_error_that_keeps_the_project_from_finalize():
    """A negative 填报得分 dropped to a mere “differs” reminder passed."""
    from selfeval_desktop.db.finalize import can_finalize
    p = consistent_project()
    p.indicators[0].stated_score = D(-1)
    f = only(findings(p), "stated_negative")
    assert f.severity == "error"
    assert f.place == Place(1, "indicators", "indicator", 0, "stated_score")
    assert "得分不能为负数" in f.message and "-1" in f.message
    assert "stated_score_differs" not in codes(findings(p))
    allowed, errors = can_finalize(make_doc(p), p)
    assert not allowed and [e.code for e in errors] == ["stated_negative"]


def test_stated_total_differing_from_the_computed_total():
    p = consistent_project()
    p.stated_total = D("92.5")
    f = only(findings(p), "stated_total_differs")
    assert "92.5 分" in f.message and "100.00 分" in f.message
    assert f.place == Place(1, "indicators", None, None, "stated_total")
    p.stated_total = D(100)
    assert findings(p) == []


def test_stated_total_that_is_not_the_sum_of_the_stated_scores():
    p = consistent_project()
    for ind in p.indicators:
        ind.stated_score = ind.weight
    p.stated_total = D(100)
    assert findings(p) == []
    p.indicators[1].stated_score = D(15)
    p.indicators[1].actual = "3期"
    p.indicators[1].deviation = "原因"
    p.stated_total = D(100)   # 30 + 15 + 30 + 10 + 10 = 95, not 100
    assert "95.00 分" in only(findings(p), "stated_total_sum").message


def test_stated_grade_as_units_write_it():
    p = consistent_project()
    p.stated_grade = "优秀"
    assert findings(p) == []
    p.stated_grade = "良好"
    assert "良好" in only(findings(p), "stated_grade_differs").message


def test_a_provisional_total_names_no_computed_grade_the_stated_total_is_the_yardstick():
    """分值 adding up to 90: the window shows 等次 —, so no check may quote a grade of that total."""
    p = consistent_project()
    p.indicators[3].weight = D(0)               # 分值 now add up to 90, not 100
    p.stated_total, p.stated_grade = D("92"), "优"
    found = findings(p)
    assert "weights_sum" in codes(found) and "stated_grade_differs" not in codes(found)
    p.stated_grade = "良"                         # 92 分 is 优 by the profile
    f = only(findings(p), "stated_grade_differs")
    assert "填报的综合得分 92 分" in f.message and "“优”" in f.message
    p.stated_total = None                       # nothing to hold the stated grade against
    assert "stated_grade_differs" not in codes(findings(p))


def test_fraction_for_a_percentage_is_an_error_at_the_actual_cell():
    p = consistent_project()
    p.indicators[3].actual = "0.95"   # target ≥90%
    errors = [f for f in findings(p) if f.severity == "error"]
    assert len(errors) == 1 and "是否应为 95%" in errors[0].message
    assert errors[0].place == Place(1, "indicators", "indicator", 3, "actual")


def test_stated_total_and_grade_of_an_unscored_project_are_not_compared_with_zero():
    p = consistent_project()
    p.funding.executed = None
    for ind in p.indicators:
        ind.actual = ""
    p.stated_total, p.stated_grade = D("92.5"), "优秀"
    found = findings(p)
    assert "stated_total_differs" not in codes(found) and "stated_grade_differs" not in codes(found)
    f = only(found, "stated_total_unchecked")
    assert f.severity == "warning" and "92.5 分" in f.message and "无法核对" in f.message


def test_override_needs_a_reason():
    p = consistent_project()
    p.indicators[2].override = D(28)
    found = findings(p)
    f = only(found, "override_reason_missing")
    assert f.severity == "error" and f.place == Place(1, "indicators", "indicator", 2, "override_reason")
    assert "override_refused" not in codes(found)   # the value itself is fine: said once
    p.indicators[2].override_reason = "简报引用次数少于预期"
    p.indicators[2].deviation = "原因"
    assert findings(p) == []


def test_refused_override_is_an_error_at_the_override():
    p = consistent_project()
    p.indicators[0].override = D(35)   # above 分值 30
    found = findings(p)
    f = only(found, "override_refused")
    assert f.severity == "error" and f.place.field == "override" and "35" in f.message
    assert "override_reason_missing" in codes(found)
    p.indicators[0].override_reason = "理由"
    assert only(findings(p), "override_refused").message == f.message


@pytest.mark.parametrize("target, actual, weight, code, field", [
    ("≥50人以上以下", "54人", D(30), "target_unreadable", "target"),
    ("", "54人", D(30), "target_missing", "target"),
    ("≥50人", "", D(30), "actual_missing", "actual"),
    ("≥50人", "1..2", D(30), "actual_unreadable", "actual"),
    ("≥50人", "54万元", D(30), "units_incomparable", "actual"),
    ("≥50人", "54人", None, "weight_missing", "weight"),
])
def test_scoring_errors_are_errors_at_the_cell(target, actual, weight, code, field):
    p = consistent_project()
    p.indicators[0].target, p.indicators[0].actual, p.indicators[0].weight = target, actual, weight
    f = only(findings(p), code)
    assert f.severity == "error" and f.place == Place(1, "indicators", "indicator", 0, field)


def test_qualitative_row_without_achievement_asks_for_the_choice():
    p = consistent_project()
    p.indicators[2].target, p.indicators[2].actual = "显著提升", "有所提升"
    f = only(findings(p), "achievement_missing")
    assert f.place == Place(1, "indicators", "indicator", 2, "achievement")
    p.indicators[2].achievement = "达成"
    assert findings(p) == []
    p.indicators[2].actual = ""   # scored by the choice, but the form's cell would be empty
    f = only(findings(p), "actual_empty")
    assert f.severity == "warning" and f.place.field == "actual"


# ---------------------------------------------------------------- required fields, unread text

def test_required_fields():
    p = consistent_project()
    p.name = ""
    p.indicators[1].name = ""
    found = findings(p)
    name = only(found, "project_name_missing")
    assert name.severity == "warning" and name.place == Place(1, "overview", None, None, "name")
    assert "第1个项目" in name.message
    assert only(found, "indicator_name_missing").place.row == 1
    p.indicators = []
    assert only(findings(p), "indicators_missing").severity == "error"


def test_blank_indicator_row_is_one_warning():
    p = consistent_project()
    p.indicators.append(Indicator())
    found = findings(p)
    assert [f.code for f in found] == ["indicator_blank"]
    assert found[0].place.row == 4


def test_unread_text_is_an_error_where_it_was_typed_and_said_once():
    p = consistent_project()
    p.funding.annual_budget = None
    p.funding.by_kind[FundKind.CURRENT].annual = None
    p.unread = {"funding::annual_budget": "四万元整"}
    found = findings(p)
    f = only(found, "unread")
    assert f.severity == "error" and f.place == Place(1, "budget", None, None, "annual_budget")
    assert "四万元整" in f.message and "全年预算数" in f.message
    assert "annual_budget_missing" not in codes(found)


@pytest.mark.parametrize("key, place, label", [
    ("budget_line:12:actual", Place(1, "budget", "budget_line", 1, "actual"), "差旅费"),
    ("indicator:23:stated_score", Place(1, "indicators", "indicator", 2, "stated_score"),
     "为决策提供参考"),
    ("source:central:planned", Place(1, "budget", "source", 0, "planned"), "中央财政"),
    ("fund_kind:carryover:executed", Place(1, "budget", "fund_kind", 1, "executed"), "上年结转"),
    ("project::stated_total", Place(1, "indicators", None, None, "stated_total"), "综合得分"),
    ("spent_total", Place(1, "budget", None, None, "spent_total"), "实际支出"),
    ("budget_line.12.planned", Place(1, "budget", "budget_line", 1, "planned"), "差旅费"),
    ("something_else", Place(1, "overview", None, None, "something_else"), "something_else"),
])
def test_unread_keys_point_at_their_cell(key, place, label):
    p = consistent_project()
    p.unread = {key: "？？"}
    f = only(findings(p), "unread")
    assert f.place == place and label in f.message


def test_unread_weight_replaces_the_missing_weight_finding():
    p = consistent_project()
    p.indicators[3].weight = None
    p.unread = {"indicator:24:weight": "十"}
    found = findings(p)
    assert only(found, "unread").place == Place(1, "indicators", "indicator", 3, "weight")
    assert "weight_missing" not in codes(found)


def test_unknown_profile_is_reported_not_raised():
    p = consistent_project()
    f = only(findings(p, profile_id="no_such_rule"), "profile_unknown")
    assert f.severity == "error" and "no_such_rule" in f.message
    assert f.place == Place(1, "document", None, None, "profile_id")
    dep = consistent_department()
    f = only(findings(dep, department_profile_id="no_such_rule"), "profile_unknown")
    assert f.place.field == "department_profile_id"


def test_document_without_unit_name_or_projects():
    doc = Document()
    found = run_checks(doc)
    assert codes(found) == {"unit_name_missing", "projects_missing"}
    assert all(f.place.project_id is None and f.place.tab == "document" for f in found)


# ---------------------------------------------------------------- stated execution score (复核)

def test_stated_execution_score_that_follows_from_the_rate_is_silent():
    p = consistent_project()
    p.stated_execution_score = D(10)
    p.stated_total = D(100)
    for ind in p.indicators:
        ind.stated_score = ind.weight
    assert not codes(findings(p)) & {"execution_stated_differs", "stated_total_sum"}


def test_stated_execution_score_not_following_from_the_rate_is_flagged():
    p = consistent_project()
    p.funding.executed = wan("3")  # 75% → 7.50 under mof2020
    p.funding.by_kind[FundKind.CURRENT].executed = wan("3")
    p.stated_execution_score = D(10)
    hit = only(findings(p), "execution_stated_differs")
    assert "10 分" in hit.message and "7.50" in hit.message
    assert hit.place == Place(p.id, "budget", None, None, "stated_execution_score")


def test_a_stated_execution_score_that_cannot_be_checked_says_so():
    """With no 全年执行数 there is no rate to hold a stated 执行率得分 against; the
    clerk is told it is unchecked, at the stated score's field."""
    p = consistent_project()
    p.funding.executed = None
    p.stated_execution_score = D(10)
    hit = only(findings(p), "execution_stated_unchecked")
    assert hit.severity == "warning"
    assert hit.place == Place(p.id, "budget", None, None, "stated_execution_score")
    assert "填报的预算执行率得分 10" in hit.message and "无法核对" in hit.message
    p.stated_execution_score = None
    assert "execution_stated_unchecked" not in codes(findings(p))


def test_stated_total_adds_the_stated_execution_score_not_the_computed_one():
    p = consistent_project()
    for ind in p.indicators:
        ind.stated_score = ind.weight  # 90
    p.stated_execution_score = D(8)
    p.stated_total = D(98)  # 90 + 8: adds up on the form, though 8 is not the rule's 10
    found = findings(p)
    assert "stated_total_sum" not in codes(found)
    assert "execution_stated_differs" in codes(found)


# ---------------------------------------------------------------- contradictions, carried-over dates, 邮编

@pytest.mark.parametrize("actual, chosen", [("达成", "部分达成"), ("已完成", "未达成"),
                                            ("基本完成", "达成")])
def test_actual_reading_as_another_achievement_than_the_chosen_one(actual, chosen):
    p = consistent_project()
    ind = p.indicators[2]           # 为决策提供参考: 达成 / 达成
    ind.actual, ind.achievement = actual, chosen
    f = only(findings(p), "achievement_contradicts")
    assert f.severity == "warning" and f.place == Place(1, "indicators", "indicator", 2,
                                                        "achievement")
    assert f"“{actual}”" in f.message and f"“{chosen}”" in f.message


def test_actual_agreeing_with_the_chosen_achievement_or_free_words_are_silent():
    p = consistent_project()
    p.indicators[2].achievement = "达成"           # actual 达成
    assert "achievement_contradicts" not in codes(findings(p))
    p.indicators[2].actual, p.indicators[2].achievement = "成效明显", "部分达成"
    assert "achievement_contradicts" not in codes(findings(p))


def test_deadline_of_an_earlier_year_than_the_evaluation_is_a_warning():
    p = consistent_project()
    p.indicators.append(Indicator("产出指标", "时效指标", "完成时间", "2021年12月前", "2022年11月",
                                  D(0), id=25))
    doc = make_doc(p)
    doc.year = 2022
    f = only(run_checks(doc), "deadline_before_year")
    assert f.severity == "warning" and f.place == Place(1, "indicators", "indicator", 4, "target")
    assert "目标时间 2021年12月前 早于评价年度 2022" in f.message
    doc.year = 2021
    assert "deadline_before_year" not in codes(run_checks(doc))
    p.indicators[4].target = "12月底前"         # no year written: nothing to compare
    doc.year = 2022
    assert "deadline_before_year" not in codes(run_checks(doc))


@pytest.mark.parametrize("postcode, ok", [("547000", True), ("", True), ("05000", False),
                                          ("5470001", False), ("547 000", False)])
def test_postcode_must_be_six_digits(postcode, ok):
    p = consistent_project()
    p.postcode = postcode
    found = [f for f in findings(p) if f.code == "postcode_invalid"]
    assert (found == []) is ok
    if not ok:
        assert found[0].severity == "warning"
        assert found[0].place == Place(1, "overview", None, None, "postcode")
        assert "6位数字" in found[0].message


def test_a_row_scored_by_its_achievement_alone_asks_for_the_target_as_a_reminder():
    p = consistent_project()
    p.indicators[2].target, p.indicators[2].achievement = "", "达成"
    found = findings(p)
    assert "target_missing" not in codes(found)
    f = only(found, "target_empty")
    assert f.severity == "warning" and "已按所选达成情况“达成”计分" in f.message
    assert f.place.field == "target" and f.place.row == 2



def test_a_project_added_twice_is_said_on_the_copy():
    """The same file's projects added again doubled the totals, with nothing said."""
    first, second = consistent_project(1), consistent_project(2)
    doc = make_doc(first, second)
    found = [f for f in run_checks(doc) if f.code == "same_name"]
    assert [(f.place.project_id, f.place.field) for f in found] == [(2, "name")]
    assert "与第1个项目同名" in found[0].message
    second.implementer = "另一个实施单位"      # seed 001: two units' 信息化替代
    assert not [f for f in run_checks(doc) if f.code == "same_name"]


def test_projects_are_counted_as_the_list_shows_them_not_with_the_department():
    """A new 部门整体及所属项目 file's only project was told “第2个项目未填写项目名称”."""
    from selfeval_desktop.domain.model import Document, Project, ProjectKind
    dept = Project(name="", kind=ProjectKind.DEPARTMENT)
    first, second = Project(name=""), Project(name="科普经费", implementer="市科协")
    twin = Project(name="科普经费", implementer="市科协")
    doc = Document(projects=[dept, first, second, twin])
    said = {f.message for p in doc.projects for f in check_project(doc, p)
            if f.code in ("project_name_missing", "same_name")}
    assert "第1个项目未填写项目名称" in said and "部门整体评价未填写名称" in said
    assert any("与第2个项目同名" in m for m in said)


def test_two_projects_of_one_name_are_named_with_their_unit():
    """Seed 001's two 信息化替代 (科技局 and 科技服务中心) gave identical lines."""
    from selfeval_desktop.domain.model import Document, Project
    one = Project(name="信息化替代", implementer="新乡市科学技术局", id=1)
    two = Project(name="信息化替代", implementer="新乡市科技服务中心", id=2)
    alone = Project(name="科普经费", implementer="新乡市科学技术局", id=3)
    doc = Document(projects=[one, two, alone])
    names = {f.message.split("」")[0] + "」" for p in doc.projects for f in check_project(doc, p)
             if f.message.startswith("「")}
    assert {"「信息化替代（新乡市科学技术局）」", "「信息化替代（新乡市科技服务中心）」", "「科普经费」"} <= names


@pytest.mark.parametrize("key", ["indicator:23:stated_score", "project::stated_total",
                                 "project::stated_execution_score"])
def test_an_unreadable_stated_score_is_a_reminder_that_it_was_not_reviewed(key):
    """A score the unit stated (read by 导入Excel, for 复核 only: never printed, never scored)
    has no cell in the window to correct it in: an error there would keep the project from
    定稿 for good. It is a 提醒 that it could not be reviewed, the text still kept."""
    p = consistent_project()
    p.unread = {key: "见附件"}
    f = only(findings(p), "unread")
    assert f.severity == "warning"
    assert "“见附件”" in f.message and "未复核" in f.message and "原文已保留" in f.message
    assert "请改为数字" not in f.message
