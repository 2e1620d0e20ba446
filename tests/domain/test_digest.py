"""定稿 digest: the check code changes with any printed content, not with row ids or timing."""
from decimal import Decimal

from selfeval_desktop.domain.digest import check_code, project_digest, verify_project
from selfeval_desktop.domain.model import Document, Evaluator, Indicator, Project, Unit


def make_doc():
    p = Project(name="学术交流活动经费", leader="杨哲")
    p.funding.annual_budget = 4_000_000
    p.indicators = [Indicator("产出指标", "数量指标", "编印简报", "≥4期", "4期", Decimal("50"))]
    p.evaluators = [Evaluator("张丹妮", "副主席", "市科协")]
    return Document(unit=Unit(name="河池市科协", region_word="自治区"), year=2020, projects=[p]), p


def test_digest_is_stable_and_ignores_ids_and_finalization():
    doc, p = make_doc()
    before = project_digest(doc, p)
    p.id, p.indicators[0].id, p.evaluators[0].id = 7, 99, 3
    p.finalized_at = "2021-07-20T10:00:00"
    p.unread = {"funding:None:executed": "四万"}
    assert project_digest(doc, p) == before


def test_any_printed_change_changes_the_digest():
    doc, p = make_doc()
    base = project_digest(doc, p)
    changes = [
        lambda: setattr(p.indicators[0], "actual", "3期"),
        lambda: setattr(p.indicators[0], "weight", Decimal("49")),
        lambda: setattr(p.funding, "annual_budget", 4_000_001),
        lambda: setattr(p.evaluators[0], "name", "谢静"),
        lambda: setattr(p, "supervisor_opinion", "同意"),
        lambda: setattr(doc.unit, "name", "另一个单位"),
        lambda: setattr(doc, "year", 2021),
    ]
    for change in changes:
        doc, p = make_doc()
        change()
        assert project_digest(doc, p) != base


def test_equal_decimals_written_differently_give_one_digest():
    doc, p = make_doc()
    base = project_digest(doc, p)
    p.indicators[0].weight = Decimal("50.00")
    assert project_digest(doc, p) == base


def test_verify_and_check_code():
    doc, p = make_doc()
    assert verify_project(doc, p) is None
    p.digest, p.finalized_at = project_digest(doc, p), "2021-12-31T10:00:00"
    assert verify_project(doc, p) is True
    p.indicators[0].actual = "1期"
    assert verify_project(doc, p) is False
    code = check_code(p.digest)
    assert len(code) == 19 and code.count("-") == 3 and code == code.upper()


def test_incomplete_finalization_never_verifies():
    from selfeval_desktop.domain.digest import finalization_problem
    doc, p = make_doc()
    p.digest, p.finalized_at = project_digest(doc, p), "2026-11-21T21:37:47"
    assert finalization_problem(p) is None and verify_project(doc, p) is True
    for digest, at in [(p.digest, None), ("ABC---", at := p.finalized_at), (None, at),
                       (p.digest.upper(), at)]:
        p.digest, p.finalized_at = digest, at
        assert finalization_problem(p) and verify_project(doc, p) is False


def test_shown_time():
    from selfeval_desktop.domain.digest import shown_time
    assert shown_time("2026-11-21T21:37:47") == "2026-11-21 21:37"
    assert shown_time(None) == "" and shown_time("昨天") == "昨天"
