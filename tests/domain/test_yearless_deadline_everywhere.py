"""The window, the check list and what is printed all read a 时效 target written
without a year (12月底前) in the document's 评价年度 — none of them may show 12月底前 met by
2022年1月, or disagree with another about the row's score."""
from decimal import Decimal as D

from selfeval_desktop.db.document import create_in_memory
from selfeval_desktop.db.repo import load_document, save_document
from selfeval_desktop.domain.checks import run_checks
from selfeval_desktop.domain.evaluation import evaluate_document
from selfeval_desktop.domain.model import Document, Funding, Indicator, Project
from selfeval_desktop.reports.export import score_warnings

WAN = 1_000_000


def late_document(year=2021) -> Document:
    """执行率 100% (10) + a met row (80) + 12月底前 met only in 2022年1月 (10 → 0): 90.00 / 优."""
    rows = [Indicator("产出指标", "时效指标", "拨付资金时间", "12月底前", "2022年1月", D(10)),
            Indicator("产出指标", "数量指标", "显示屏数量", "34个", "34个", D(80))]
    return Document(year=year, projects=[Project(
        name="信息动态公示平台建设项目", indicators=rows,
        funding=Funding(annual_budget=55 * WAN, executed=55 * WAN))])


def stored(doc):
    conn = create_in_memory()
    save_document(conn, doc)
    return conn, load_document(conn)


def test_score_json_and_printed_warnings_use_the_year():
    _, doc = stored(late_document())
    [p] = evaluate_document(doc)["projects"]
    assert p["indicators"][0]["score"] == "0.00" and "逾期" in p["indicators"][0]["explanation"]
    assert (p["total"], p["grade"], p["provisional"]) == ("90.00", "优", False)
    assert score_warnings(doc, doc.projects) == []      # the row is scored: nothing counted as 0
    assert "deviation_missing" in {f.code for f in run_checks(doc)}   # 0 分 asks for 偏差原因


def test_the_window_scores_the_row_as_the_json_does(qapp):
    from selfeval_desktop.ui.session import DocumentSession
    conn, doc = stored(late_document())
    session = DocumentSession(conn)
    pid = session.document.projects[0].id
    row = session.document.projects[0].indicators[0].id
    assert session.indicator_score(pid, row).score == D("0.00")
    assert session.score(pid).total == D("90.00")
