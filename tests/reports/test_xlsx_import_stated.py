"""Import of received forms: a 定性 row takes its level from the score the unit stated; a formula
saved without its result is reported; a finalized document is never replaced by an import."""
from decimal import Decimal

import openpyxl
import pytest

from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.db.document import open_document
from selfeval_desktop.db.repo import load_document, update_project
from selfeval_desktop.domain.evaluation import profile_for
from selfeval_desktop.domain.scoring import score_project
from selfeval_desktop.reports.xlsx_export import export_workbook
from selfeval_desktop.reports.xlsx_import import XlsxImportError, import_workbook, write_document
from selfeval_desktop.reports.xlsx_import_review import review

from . import xlsx_builders as build
from .xlsx_builders import MOF_INDICATORS

# 定性 rows whose actual names no 达成 level; the stated scores lie in 达成, 部分达成, 未达成
QUALITATIVE = [
    ("效益指标", "社会效益指标", "科技服务水平", "有效提升", "服务水平明显提高", 15, 13, "个别服务响应偏慢"),
    ("效益指标", "可持续影响指标", "长效机制建设", "逐步建立", "部分制度尚在完善", 15, 9.5, "制度待完善"),
    ("满意度指标", "服务对象满意度指标", "群众评价", "较好", "一般", 10, 5, "宣传不足"),
]


def _qualitative_form(path):
    inds = [MOF_INDICATORS[0], MOF_INDICATORS[1], MOF_INDICATORS[2], MOF_INDICATORS[3]]
    inds += QUALITATIVE  # 25 + 10 + 10 + 5 + 15 + 15 + 10 = 90
    total = 9.5 + 25 + 2.5 + 10 + 5 + 13 + 9.5 + 5
    return build.save(path, ("自评", build.with_spec(indicators=inds, total=total), {}))


def test_a_qualitative_row_takes_its_level_from_the_stated_score(tmp_path):
    result = import_workbook(_qualitative_form(tmp_path / "q.xlsx"))
    doc = result.document
    project = doc.projects[0]
    rows = {ind.name: ind for ind in project.indicators}
    assert [rows[n].achievement for n in ("科技服务水平", "长效机制建设", "群众评价")] == \
        ["达成", "部分达成", "未达成"]
    score = score_project(project, profile_for(doc, project))
    by_name = {ind.name: s for ind, s in zip(project.indicators, score.indicators)}
    assert [by_name[n].score for n in ("科技服务水平", "长效机制建设", "群众评价")] == \
        [Decimal("13.00"), Decimal("9.50"), Decimal("5.00")]  # not 5.99, the band's top
    assert rows["群众评价"].override_reason == "按原表自评得分"
    assert review(doc, result.report) == []  # the form is consistent: the review stays silent
    assert "取“部分达成”" in result.report.text()


def test_a_stated_score_at_the_band_top_needs_no_override_and_a_stated_word_wins(tmp_path):
    inds = list(MOF_INDICATORS[:4]) + [
        ("效益指标", "社会效益指标", "科技服务水平", "有效提升", "服务水平明显提高", 15, 15, ""),
        ("效益指标", "可持续影响指标", "长效机制建设", "逐步建立", "部分达成", 15, 13, ""),
        ("满意度指标", "服务对象满意度指标", "群众评价", "较好", "一般", 10, 12, ""),
    ]
    path = build.save(tmp_path / "q.xlsx", ("自评", build.with_spec(indicators=inds), {}))
    rows = {i.name: i for i in import_workbook(path).document.projects[0].indicators}
    assert rows["科技服务水平"].achievement == "达成" and rows["科技服务水平"].override is None
    # the actual says 部分达成: the unit's word is the choice, 13 stays a stated score to review
    assert rows["长效机制建设"].achievement is None and rows["长效机制建设"].override is None
    # 12 of 10 is no band at all: nothing is guessed
    assert rows["群众评价"].achievement is None and rows["群众评价"].override is None


def test_a_formula_without_a_saved_result_is_reported(tmp_path):
    path = build.standard(tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "≥90%")
    cell.value = "=90%"  # typed as a formula; openpyxl saves no result
    wb.save(path)
    text = import_workbook(path).report.text()
    assert "没有保存计算结果" in text and f"{cell.coordinate}：=90%" in text


def test_our_own_export_has_no_formula_without_a_result(tmp_path):
    from selfeval_desktop.db.demo import build_demo
    out = tmp_path / "e.xlsx"
    export_workbook(build_demo("004"), out)
    assert "没有保存计算结果" not in import_workbook(out).report.text()


@pytest.fixture
def finalized(tmp_path):
    path = tmp_path / "mine.sqlite"
    write_demo(path, "003")
    opened = open_document(path)
    try:
        doc = load_document(opened.conn)
        update_project(opened.conn, doc.projects[0].id, finalized_at="2026-01-05T10:00:00",
                       digest="0" * 64)
    finally:
        opened.close()
    return path


def test_an_import_never_replaces_a_document_with_finalized_projects(tmp_path, finalized):
    before = finalized.read_bytes()
    result = import_workbook(build.standard(tmp_path / "a.xlsx"))
    with pytest.raises(XlsxImportError, match="已定稿"):
        write_document(result, finalized, replace=True)
    assert finalized.read_bytes() == before
