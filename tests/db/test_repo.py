"""Repository functions: the whole document round-trips, every edit is saved as it is made."""
import dataclasses
from decimal import Decimal as D
from enum import Enum
import sqlite3

import pytest

from selfeval_desktop.db import repo
from selfeval_desktop.db.document import create_document, create_in_memory
from selfeval_desktop.domain.model import (CONCLUSION_SECTIONS, BudgetLine, Document, Evaluator,
                                           FundBreakdown, FundKind, Funding, Indicator, Project,
                                           ProjectKind, Source, SourceAmount, SpendingScheme, Unit)


def full_document() -> Document:
    """A document in which every field of every dataclass holds something other than its default."""
    funding = Funding(
        planned_total=681_530_700, arrived_total=650_000_000, spent_total=640_123_456,
        initial_budget=681_530_700, annual_budget=700_000_000, executed=674_800_001,
        by_source={Source.CENTRAL: SourceAmount(100_000_000, 90_000_000),
                   Source.PROVINCIAL: SourceAmount(200_000_000, 200_000_000),
                   Source.LOCAL: SourceAmount(381_530_700, 360_000_000),
                   Source.OTHER: SourceAmount(0, 1)},
        by_kind={FundKind.CURRENT: FundBreakdown(600_000_000, 610_000_000, 600_000_000),
                 FundKind.CARRYOVER: FundBreakdown(81_530_700, 90_000_000, 74_800_001),
                 FundKind.OTHER: FundBreakdown(2, 1, 0)})
    project = Project(
        name="县域创新跃升计划", kind=ProjectKind.PROJECT, supervisor="某县科学技术局",
        implementer="某某科技有限公司", leader="王某", phone="0311-1234567",
        address="某县创新大道1号", postcode="050000", start="2021-01", end="2022-06",
        background="立项背景……", implementation="实施情况……", goal_expected="研发新产品2项",
        goal_actual="研发新产品3项", spending_scheme=SpendingScheme.RD2021, funding=funding,
        budget_lines=[BudgetLine("equipment", "设备费", 120_000_000, 118_000_000, 60_000_000,
                                 59_000_000),
                      BudgetLine("travel", "差旅费", 500, 500, 0, None)],
        indicators=[
            Indicator("产出指标", "数量指标", "研发新产品", "≥2项", "3项", D("16.67"), "达成",
                      D("15.5"), "主管部门复核调整", "超额完成", D("16.67")),
            Indicator("效益指标", "社会效益指标", "带动就业", "显著", "较好", D("33.33"), "部分达成",
                      None, "", "受市场影响", D("26.00")),
        ],
        evaluators=[Evaluator("黄雷", "高级工程师", "某县科学技术局"),
                    Evaluator("张丹妮", "会计师", "某县财政局")],
        conclusions={key: f"{label}：……" for key, label in CONCLUSION_SECTIONS.items()},
        unit_opinion="同意。", supervisor_opinion="审核通过。", stated_total=D("92.50"),
        stated_execution_score=D("9.64"),
        stated_grade="优", unread={"spent_total": "约六百四十万", "planned_total": "见附表"},
        finalized_at="2022-03-31T10:00:00", digest="ab12cd34")
    department = Project(name="某县科学技术局部门整体支出", kind=ProjectKind.DEPARTMENT,
                         indicators=[Indicator("投入指标", "预算执行", "预算调整率", "≤5%", "6%",
                                               D(15))])
    return Document(unit=Unit("某县科学技术局", "某县人民政府", "自治区", "某县政府大院",
                              "547000", "0778-2116276"),
                    year=2021, profile_id="hubei", department_profile_id="department_2021",
                    grade_names="优秀/良好/一般/较差",
                    projects=[project, department])


def _non_default_fields(obj, path="doc"):
    """Names of dataclass fields still at their default value, in ``obj``, every value of its
    dicts and the first item of its lists (later items may leave fields empty on purpose)."""
    left = []
    for f in dataclasses.fields(obj):
        if f.name == "id":
            continue
        value = getattr(obj, f.name)
        default = f.default if f.default is not dataclasses.MISSING else (
            f.default_factory() if f.default_factory is not dataclasses.MISSING else object())
        if value == default:
            left.append(f"{path}.{f.name}")
        items = value[:1] if isinstance(value, list) else (
            value.values() if isinstance(value, dict) else [value])
        for i, item in enumerate(items):
            if dataclasses.is_dataclass(item):
                left += _non_default_fields(item, f"{path}.{f.name}[{i}]")
    return left


def _exact(obj):
    """Everything in a document as text, Decimals with their exact digits (16.67, 92.50)."""
    if dataclasses.is_dataclass(obj):
        return {f.name: _exact(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {_exact(k): _exact(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_exact(v) for v in obj]
    if isinstance(obj, Enum):
        return f"{type(obj).__name__}.{obj.name}"
    if isinstance(obj, D):
        return f"D({obj})"
    return obj


def test_full_document_really_sets_every_field():
    doc = full_document()
    # every field is set on the first project; the second one is the department (ProjectKind)
    assert _non_default_fields(doc) == ["doc.projects[0].kind"]
    assert doc.projects[1].kind is ProjectKind.DEPARTMENT


@pytest.fixture
def conn():
    c = create_in_memory()
    yield c
    c.close()


def test_save_and_load_round_trip_every_field(conn):
    doc = full_document()
    repo.save_document(conn, doc)
    loaded = repo.load_document(conn)
    assert loaded == doc
    assert _exact(loaded) == _exact(doc)
    assert str(loaded.projects[0].indicators[0].weight) == "16.67"
    assert str(loaded.projects[0].stated_total) == "92.50"
    assert loaded.department is not None and loaded.department.name.endswith("部门整体支出")


def test_save_replaces_the_whole_content(conn):
    repo.save_document(conn, full_document())
    small = Document(unit=Unit(name="另一单位"), year=2022,
                     projects=[Project(name="只有一个项目")])
    repo.save_document(conn, small, action="import", detail="x.xlsx")
    loaded = repo.load_document(conn)
    assert [p.name for p in loaded.projects] == ["只有一个项目"]
    assert loaded.unit.name == "另一单位" and loaded.profile_id == "mof2020"
    for table in ("indicator", "budget_line", "evaluator", "conclusion", "unread_input"):
        assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    assert [h["action"] for h in repo.history(conn)] == ["save", "import"]


def test_empty_year_round_trips_as_none(conn):
    repo.save_document(conn, Document())
    assert repo.load_document(conn).year is None


# ------------------------------------------------------------------ single edits

@pytest.fixture
def saved(conn):
    doc = full_document()
    repo.save_document(conn, doc)
    return conn, doc


def test_update_unit_and_meta(saved):
    conn, _ = saved
    repo.update_unit(conn, name="新单位名", phone="")
    repo.update_unit(conn)  # nothing to change
    unit = repo.load_document(conn).unit
    assert unit.name == "新单位名" and unit.phone == "" and unit.region_word == "自治区"
    with pytest.raises(KeyError):
        repo.update_unit(conn, colour="red")
    repo.set_meta(conn, "profile_id", "mof2020_truncate")
    assert repo.load_document(conn).profile_id == "mof2020_truncate"
    repo.set_meta(conn, "year", None)
    assert repo.get_meta(conn, "year") is None and repo.load_document(conn).year is None


def test_update_project_every_kind_of_field(saved):
    conn, doc = saved
    pid = doc.projects[0].id
    repo.update_project(conn, pid, name="改名", leader=None, executed=1, annual_budget=None,
                        stated_total=D("88.05"), spending_scheme="rd2011",
                        finalized_at=None, digest=None)
    p = repo.load_document(conn).projects[0]
    assert p.name == "改名" and p.leader == ""
    assert p.funding.executed == 1 and p.funding.annual_budget is None
    assert str(p.stated_total) == "88.05" and p.spending_scheme is SpendingScheme.RD2011
    assert p.finalized_at is None and p.digest is None
    repo.update_project(conn, pid)  # nothing to change
    with pytest.raises(KeyError):
        repo.update_project(conn, pid, colour="red")


def test_funding_rows_conclusions_and_unread(saved):
    conn, doc = saved
    pid = doc.projects[0].id
    repo.set_source_amount(conn, pid, Source.CENTRAL, 5, None)
    repo.set_fund_kind(conn, pid, FundKind.CARRYOVER, 1, 2, 3)
    repo.set_conclusion(conn, pid, "problems", "新的问题")
    repo.set_unread(conn, pid, "executed", "六百多万")
    repo.set_unread(conn, pid, "planned_total", None)
    p = repo.load_document(conn).projects[0]
    assert p.funding.by_source[Source.CENTRAL] == SourceAmount(5, None)
    assert p.funding.by_kind[FundKind.CARRYOVER] == FundBreakdown(1, 2, 3)
    assert p.conclusions["problems"] == "新的问题"
    assert p.unread == {"spent_total": "约六百四十万", "executed": "六百多万"}


def test_insert_and_update_indicator(saved):
    conn, doc = saved
    pid = doc.projects[0].id
    first_id = doc.projects[0].indicators[0].id
    new = Indicator("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", D(10))
    new_id = repo.insert_indicator(conn, pid, new, position=0)
    assert new.id == new_id
    inds = repo.load_document(conn).projects[0].indicators
    assert [i.id for i in inds][:2] == [new_id, first_id]
    repo.update_indicator(conn, new_id, actual="88%", weight=D("9.5"), override=None,
                          achievement="", deviation="样本量小", level1=None)
    repo.update_indicator(conn, new_id)  # nothing to change
    got = repo.load_document(conn).projects[0].indicators[0]
    assert got.actual == "88%" and str(got.weight) == "9.5" and got.override is None
    assert got.achievement is None and got.deviation == "样本量小" and got.level1 == ""
    with pytest.raises(KeyError):
        repo.update_indicator(conn, new_id, colour="red")
    appended = repo.insert_indicator(conn, pid, Indicator(name="末尾"))
    assert repo.load_document(conn).projects[0].indicators[-1].id == appended


def test_insert_and_update_budget_line_and_evaluator(saved):
    conn, doc = saved
    pid = doc.projects[0].id
    line_id = repo.insert_budget_line(conn, pid, BudgetLine("302", "商品和服务支出", 1, 2))
    repo.update_budget_line(conn, line_id, planned=300, special_actual=7, name="会议费")
    repo.update_budget_line(conn, line_id)
    line = repo.load_document(conn).projects[0].budget_lines[-1]
    assert (line.id, line.name, line.planned, line.actual, line.special_actual) == (
        line_id, "会议费", 300, 2, 7)
    ev_id = repo.insert_evaluator(conn, pid, Evaluator("覃利引"), position=1)
    repo.update_evaluator(conn, ev_id, title="科员", org="某县科协")
    repo.update_evaluator(conn, ev_id)
    evs = repo.load_document(conn).projects[0].evaluators
    assert [e.name for e in evs] == ["黄雷", "覃利引", "张丹妮"]
    assert (evs[1].title, evs[1].org) == ("科员", "某县科协")
    with pytest.raises(KeyError):
        repo.update_evaluator(conn, ev_id, phone="1")


@pytest.mark.parametrize("table, attr", [("indicator", "indicators"),
                                         ("budget_line", "budget_lines"),
                                         ("evaluator", "evaluators")])
def test_reorder_and_delete_row(saved, table, attr):
    conn, doc = saved
    ids = [row.id for row in getattr(doc.projects[0], attr)]
    repo.reorder(conn, table, list(reversed(ids)))
    assert [r.id for r in getattr(repo.load_document(conn).projects[0], attr)] == ids[::-1]
    repo.delete_row(conn, table, ids[0])
    assert [r.id for r in getattr(repo.load_document(conn).projects[0], attr)] == ids[::-1][:-1]


def test_reorder_projects_insert_at_position_and_delete(saved):
    conn, doc = saved
    ids = [p.id for p in doc.projects]
    repo.reorder(conn, "project", ids[::-1])
    assert [p.id for p in repo.load_document(conn).projects] == ids[::-1]
    new_id = repo.insert_project(conn, Project(name="插到最前"), position=0)
    assert [p.id for p in repo.load_document(conn).projects] == [new_id, *ids[::-1]]
    repo.delete_project(conn, new_id)
    assert [p.id for p in repo.load_document(conn).projects] == ids[::-1]


@pytest.mark.parametrize("bad", [1.5, D("1.5"), D(2), 2.0, "3", True])
def test_money_that_is_not_integer_fen_is_refused(saved, bad):
    conn, doc = saved
    p = doc.projects[0]
    before = repo.load_document(conn)
    with pytest.raises(TypeError):
        repo.update_project(conn, p.id, executed=bad)
    with pytest.raises(TypeError):
        repo.set_source_amount(conn, p.id, Source.LOCAL, bad, None)
    with pytest.raises(TypeError):
        repo.set_fund_kind(conn, p.id, FundKind.CURRENT, None, bad, None)
    with pytest.raises(TypeError):
        repo.update_budget_line(conn, p.budget_lines[0].id, actual=bad)
    with pytest.raises(TypeError):
        repo.insert_budget_line(conn, p.id, BudgetLine("302", "x", bad))
    assert repo.load_document(conn) == before
    assert not conn.in_transaction


def test_unknown_tables_are_refused(conn):
    with pytest.raises(KeyError):
        repo.reorder(conn, "unit; DROP TABLE project", [1])
    with pytest.raises(KeyError):
        repo.delete_row(conn, "project", 1)


# ------------------------------------------------------------------ autosave

@pytest.fixture
def on_disk(tmp_path):
    path = tmp_path / "autosave.sqlite"
    opened = create_document(path)
    doc = full_document()
    repo.save_document(opened.conn, doc)
    yield opened, doc, path
    opened.close()


EDITS = {
    "update_unit": (lambda c, d: repo.update_unit(c, name="甲"),
                    "SELECT name FROM unit", "甲"),
    "set_meta": (lambda c, d: repo.set_meta(c, "year", "2023"),
                 "SELECT value FROM meta WHERE key = 'year'", "2023"),
    "update_project": (lambda c, d: repo.update_project(c, d.projects[0].id, executed=42),
                       "SELECT executed_fen FROM project WHERE position = 0", 42),
    "set_source_amount": (lambda c, d: repo.set_source_amount(c, d.projects[0].id,
                                                              Source.OTHER, 9, 9),
                          "SELECT planned_fen FROM funding_source WHERE source = 'other' "
                          "AND planned_fen IS NOT NULL", 9),
    "set_fund_kind": (lambda c, d: repo.set_fund_kind(c, d.projects[0].id, FundKind.OTHER, 5, 5, 5),
                      "SELECT initial_fen FROM fund_kind WHERE kind = 'other' "
                      "AND initial_fen IS NOT NULL", 5),
    "set_conclusion": (lambda c, d: repo.set_conclusion(c, d.projects[0].id, "measures", "乙"),
                       "SELECT text FROM conclusion WHERE section = 'measures' AND text = '乙'",
                       "乙"),
    "set_unread": (lambda c, d: repo.set_unread(c, d.projects[0].id, "executed", "丙"),
                   "SELECT text FROM unread_input WHERE field = 'executed'", "丙"),
    "update_indicator": (lambda c, d: repo.update_indicator(c, d.projects[0].indicators[0].id,
                                                            actual="4项"),
                         "SELECT actual FROM indicator WHERE actual = '4项'", "4项"),
    "insert_indicator": (lambda c, d: repo.insert_indicator(c, d.projects[0].id,
                                                            Indicator(name="丁")),
                         "SELECT name FROM indicator WHERE name = '丁'", "丁"),
    "update_budget_line": (lambda c, d: repo.update_budget_line(
        c, d.projects[0].budget_lines[0].id, actual=77),
        "SELECT actual_fen FROM budget_line WHERE actual_fen = 77", 77),
    "insert_evaluator": (lambda c, d: repo.insert_evaluator(c, d.projects[0].id, Evaluator("戊")),
                         "SELECT name FROM evaluator WHERE name = '戊'", "戊"),
    "update_evaluator": (lambda c, d: repo.update_evaluator(c, d.projects[0].evaluators[0].id,
                                                            name="己"),
                         "SELECT name FROM evaluator WHERE name = '己'", "己"),
    "reorder": (lambda c, d: repo.reorder(c, "project", [p.id for p in d.projects][::-1]),
                "SELECT name FROM project WHERE position = 0", "某县科学技术局部门整体支出"),
    "delete_row": (lambda c, d: repo.delete_row(c, "evaluator", d.projects[0].evaluators[0].id),
                   "SELECT COUNT(*) FROM evaluator", 1),
    "delete_project": (lambda c, d: repo.delete_project(c, d.projects[1].id),
                       "SELECT COUNT(*) FROM project", 1),
    "insert_project": (lambda c, d: repo.insert_project(c, Project(name="庚")),
                       "SELECT name FROM project WHERE name = '庚'", "庚"),
    "add_history": (lambda c, d: repo.add_history(c, "finalize", "项目1"),
                    "SELECT action FROM history ORDER BY id DESC LIMIT 1", "finalize"),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_every_write_is_committed_at_once(on_disk, name):
    opened, doc, path = on_disk
    write, query, expected = EDITS[name]
    write(opened.conn, doc)
    assert not opened.conn.in_transaction
    other = sqlite3.connect(path)  # an independent reader, as after a crash or kill
    try:
        assert other.execute(query).fetchone()[0] == expected
    finally:
        other.close()
