"""从上年文件新建: next_year keeps the plan and clears this year's results."""
from copy import deepcopy
from decimal import Decimal

from selfeval_desktop.db.document import create_in_memory
from selfeval_desktop.db.repo import load_document, save_document
from selfeval_desktop.domain.model import (BudgetLine, Document, Evaluator, FundKind, Indicator,
                                           Project, ProjectKind, Source, SpendingScheme, Unit)
from selfeval_desktop.domain.rollover import next_year


def filled_document() -> Document:
    p = Project(name="科技创新专项", supervisor="某县科技局", implementer="某县生产力促进中心",
                leader="张三", phone="0311-1234567", address="某县人民路1号", postcode="050000",
                start="2020-01", end="2020-12", background="为落实……", implementation="全年开展……",
                goal_expected="举办讲座4次", goal_actual="举办讲座1次",
                spending_scheme=SpendingScheme.RD2011,
                budget_lines=[BudgetLine("302", "商品和服务支出", 100000, 90000, 5000, 4000, id=7)],
                indicators=[Indicator("产出指标", "数量指标", "讲座次数", "≥4次", "1次", Decimal("10"),
                                      achievement="部分达成", override=Decimal("5"),
                                      override_reason="疫情", deviation="受疫情影响",
                                      stated_score=Decimal("2.5"), id=3)],
                evaluators=[Evaluator("李四", "科长", "某县科技局", id=5)],
                conclusions={"achievement": "基本完成", "problems": "宣传不足"},
                unit_opinion="同意", supervisor_opinion="同意", stated_total=Decimal("92.5"),
                stated_grade="优", unread={"funding:None:executed": "约十万"},
                finalized_at="2021-03-01T10:00:00", digest="abc", id=1)
    p.funding.annual_budget = 1500000
    p.funding.executed = 1400000
    p.funding.by_source[Source.LOCAL].planned = 1500000
    p.funding.by_source[Source.LOCAL].arrived = 1500000
    p.funding.by_kind[FundKind.CURRENT].executed = 1400000
    dept = Project(name="部门整体", kind=ProjectKind.DEPARTMENT, start="2019-01", end="2021-12",
                   indicators=[Indicator("投入指标", "预算编制", "预算调整率", "≤5%", "8%", Decimal("5"))],
                   id=2)
    return Document(unit=Unit(name="某县科学技术局", supervisor="某县人民政府"), year=2020,
                    profile_id="hubei", department_profile_id="department", projects=[p, dept])


def test_plan_is_copied_into_the_next_year():
    doc = filled_document()
    new = next_year(doc)
    assert new.year == 2021
    assert new.unit == doc.unit and new.unit is not doc.unit
    assert (new.profile_id, new.department_profile_id) == ("hubei", "department")
    assert [p.name for p in new.projects] == ["科技创新专项", "部门整体"]
    assert new.department is not None and new.department.name == "部门整体"
    p = new.projects[0]
    assert (p.supervisor, p.implementer, p.leader, p.phone, p.address, p.postcode) == (
        "某县科技局", "某县生产力促进中心", "张三", "0311-1234567", "某县人民路1号", "050000")
    assert p.background == "为落实……" and p.goal_expected == "举办讲座4次"
    assert p.spending_scheme is SpendingScheme.RD2011
    ind = p.indicators[0]
    assert (ind.level1, ind.level2, ind.name, ind.target, ind.weight) == (
        "产出指标", "数量指标", "讲座次数", "≥4次", Decimal("10"))
    assert [(e.name, e.title, e.org) for e in p.evaluators] == [("李四", "科长", "某县科技局")]
    assert [(b.code, b.name) for b in p.budget_lines] == [("302", "商品和服务支出")]


def test_results_are_cleared():
    p = next_year(filled_document()).projects[0]
    ind = p.indicators[0]
    assert (ind.actual, ind.achievement, ind.override, ind.override_reason, ind.deviation,
            ind.stated_score) == ("", None, None, "", "", None)
    assert p.implementation == "" and p.goal_actual == ""
    assert p.conclusions == {} and p.unit_opinion == "" and p.supervisor_opinion == ""
    assert p.stated_total is None and p.stated_grade == ""
    assert p.unread == {} and p.finalized_at is None and p.digest is None
    line = p.budget_lines[0]
    assert (line.planned, line.actual, line.special_planned, line.special_actual) == (None,) * 4
    f = p.funding
    assert (f.annual_budget, f.executed) == (None, None)
    assert all(a.planned is None and a.arrived is None for a in f.by_source.values())
    assert all(k.initial is None and k.executed is None for k in f.by_kind.values())


def test_ids_are_dropped_and_the_old_document_is_untouched():
    doc = filled_document()
    before = deepcopy(doc)
    new = next_year(doc)
    assert doc == before
    p = new.projects[0]
    assert p.id is None and p.indicators[0].id is None and p.evaluators[0].id is None
    assert p.budget_lines[0].id is None
    p.indicators[0].target = "≥5次"
    assert doc.projects[0].indicators[0].target == "≥4次"


def test_months_move_only_for_a_project_within_the_year():
    new = next_year(filled_document())
    assert (new.projects[0].start, new.projects[0].end) == ("2021-01", "2021-12")
    assert (new.projects[1].start, new.projects[1].end) == ("2019-01", "2021-12")  # multi-year span


def test_next_year_document_saves_and_loads():
    conn = create_in_memory()
    save_document(conn, next_year(filled_document()), action="rollover")
    loaded = load_document(conn)
    assert loaded.year == 2021
    assert loaded.projects[0].indicators[0].target == "≥4次"
    assert loaded.projects[0].indicators[0].actual == ""
    assert loaded.projects[0].evaluators[0].name == "李四"


def test_a_carried_deadline_is_said_first_and_no_deviation_is_asked_for_it():
    """“2021年12月前” carried into 2022 scored an on-time 2022年11月 as 逾期 (0 分); the
    问题清单 asked for a 偏差原因 first and named the stale target last, below the fold."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.domain.checks import check_project
    new = next_year(build_demo("004"))
    project = next(p for p in new.projects if any("2021年12月前" in i.target for i in p.indicators))
    row = next(r for r, i in enumerate(project.indicators) if "2021年12月前" in i.target)
    project.indicators[row].actual = "2022年11月"
    mine = [f for f in check_project(new, project) if f.place.row == row]
    assert mine[0].code == "deadline_before_year" and "该行现按此目标计分" in mine[0].message
    assert "deviation_missing" not in [f.code for f in mine]


def test_last_years_words_and_dates_are_reminded_in_next_years_file():
    """The 2022 forms printed “2021年新一代…” and “我部门 2021 年度总目标…”, and a
    project that had ended in 2021 was carried without a word."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.domain.checks import run_checks
    seeds = [build_demo(s) for s in ("001", "004")]
    said = {f.code for doc in seeds for f in run_checks(doc)}
    assert not said & {"earlier_year_text", "period_before_year", "period_after_year"}  # as-is
    found = [f for doc in map(next_year, seeds) for f in run_checks(doc)
             if f.code == "earlier_year_text"]
    assert any("项目名称中写有“2021年”" in f.message for f in found)
    assert any("年度总体目标（预期）中写有“2021年”" in f.message for f in found)
    doc = next_year(build_demo("004"))
    project = doc.projects[0]
    project.start, project.end = "2020-06", "2021-12"       # ran into 2021, not 2022
    codes = [f.code for f in run_checks(doc) if f.message.startswith(f"「{project.name}」起止时间")]
    assert codes == ["period_before_year"]


def test_a_new_project_takes_the_classification_of_the_last_one():
    """Each new R&D project started under 支出经济分类 again."""
    from selfeval_desktop.domain.model import SpendingScheme, new_project
    doc = Document(projects=[Project(name="甲", spending_scheme=SpendingScheme.RD2011)])
    assert new_project(doc).spending_scheme is SpendingScheme.RD2011
    assert new_project(Document()).spending_scheme is SpendingScheme.ECONOMIC
