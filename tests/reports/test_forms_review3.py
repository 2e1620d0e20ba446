"""Forms after the second review: the 部门整体支出绩效自评表, a stale check code, totals that still
count rows without a score, numbers that never break, the 评价人员 heading kept with its rows."""
import pytest

from selfeval_desktop.domain.digest import check_code, project_digest
from selfeval_desktop.domain.model import Evaluator
from selfeval_desktop.reports.export import export_pdf, print_warnings, score_warnings, select
from selfeval_desktop.reports.pdf_common import SMALL_CENTER, SMALL_LABEL, para
from tests.reports.pdf_fixtures import page_count, raw_text, seed003, seed003_with_department, squeeze

def with_department():
    return seed003_with_department()


def test_printing_all_includes_the_department_form(tmp_path):
    doc, dept = with_department()
    assert dept in select(doc)
    for form in ("basic", "mof"):
        [path] = export_pdf(doc, tmp_path / f"{form}.pdf", form=form)
        text = squeeze(raw_text(path))
        assert "部门整体支出绩效自评表" in text
        part = text[text.index("部门整体支出绩效自评表"):]
        assert "部门名称" in part and "河池市科协" in part
        assert "预算调整率" in part and "预算执行率" in part
        assert "总分" in part and "自评等次：优" in part


def test_the_department_form_has_no_execution_score(tmp_path):
    doc, dept = with_department()
    [path] = export_pdf(doc, tmp_path / "d.pdf", form="mof", project_ids=[dept.id])
    text = squeeze(raw_text(path))
    assert text.startswith("部门整体支出绩效自评表") and "项目支出绩效自评表" not in text
    funds = text[text.index("部门预算资金"):text.index("年度总体目标")]
    assert "执行率" in funds and "100.22%" in funds
    assert "分值" not in funds and "得分" not in funds  # no execution score row or column


def test_a_stale_check_code_is_not_printed_as_valid(tmp_path):
    doc = seed003()
    p = doc.projects[0]
    p.finalized_at, p.digest = "2021-07-20T10:00:00", project_digest(doc, p)
    code = check_code(p.digest)
    p.indicators[0].actual = "未达成"   # changed after 定稿, behind the program's back
    warnings = print_warnings(doc, [p])
    assert any("校验码" in w and "改动" in w for w in warnings)
    for form in ("basic", "mof"):
        [path] = export_pdf(doc, tmp_path / f"{form}.pdf", form=form)
        text = squeeze(raw_text(path))
        assert code not in text
        assert "内容已改动，校验码无效" in text
        assert "校验码一致即与本纸质表内容相同" not in text


def test_a_total_with_rows_not_scored_says_so_on_the_form_and_in_the_warnings(tmp_path):
    doc = seed003()
    p = doc.projects[0]
    p.indicators[1].actual = ""          # one 定性 row without its 达成情况
    p.funding.executed = None            # and no execution score
    warnings = score_warnings(doc, [p])
    assert any("预算执行率得分和 1 项指标尚无得分" in w for w in warnings)
    for form in ("basic", "mof"):
        [path] = export_pdf(doc, tmp_path / f"{form}.pdf", form=form)
        text = squeeze(raw_text(path))
        # the 自评等次 cell says it once, naming both (review 9b; on the 基本情况表 too, review
        # 28: its 综合得分 said the count again)
        assert "预算执行率得分和1项指标尚无得分（按0分计）" in text
        assert "未评分" not in text and text.count("按0分计") == 1


def test_a_fully_scored_total_has_no_note_and_no_warning(tmp_path):
    doc = seed003()
    assert print_warnings(doc, doc.projects) == score_warnings(doc, doc.projects) == []
    [path] = export_pdf(doc, tmp_path / "m.pdf", form="mof")
    assert "未评分" not in raw_text(path)


def _lines(text, style, width):
    p = para(text, style)
    p.wrap(width, 1000)
    return ["".join(getattr(w, "text", "") for w in line.words) for line in p.blPara.lines]


@pytest.mark.parametrize("text", ["100.01", "12345.678", "≥95%", "100.22%"])
def test_a_number_never_breaks_even_in_a_narrow_cell(text):
    for width in (26, 28, 34):  # the 分值 column holds 28 pt of text
        assert _lines(text, SMALL_CENTER, width) == [text]


def test_a_heading_breaks_before_zhibiao_not_inside_it():
    assert _lines("满意度指标", SMALL_LABEL, 36.5) == ["满意度", "指标"]


@pytest.mark.parametrize("goal_chars", range(300, 1500, 120))
def test_the_evaluators_heading_stays_with_its_rows(tmp_path, goal_chars):
    doc = seed003()
    p = doc.projects[0]
    p.goal_expected = ("通过项目实施，支持企业开展研发活动，提升企业自主创新能力。" * 60)[:goal_chars]
    p.evaluators = [Evaluator(f"欧阳{i}某", "高级工程师", "某县科学技术局") for i in range(8)]
    [path] = export_pdf(doc, tmp_path / "b.pdf", form="basic")
    pages = [squeeze(raw_text(path, page, page)) for page in range(1, page_count(path) + 1)]
    # printed on exactly one page (review 31: with the heading gone from every page this passed)
    [text] = [t for t in pages if "四、评价人员" in t]
    assert all(f"欧阳{i}某" in text for i in range(8))
    assert text.count("四、评价人员") == 1


def test_each_continued_page_names_its_level_one_and_has_one_header(tmp_path):
    """Rows too long for a page are cut at the page end; the next page still names 一级 and
    二级 on its first row (also when it is the rest of a cut row), and no second header appears
    in the middle of a page."""
    doc = seed003()
    p = doc.projects[0]
    long = "受新冠肺炎疫情影响，部分企业停工停产，项目实施进度滞后；下一步将加强调度，督促企业加快实施进度。" * 4
    for ind in p.indicators:
        ind.deviation = long
    p.goal_expected = "通过项目实施，提升企业自主创新能力。" * 30
    [path] = export_pdf(doc, tmp_path / "m.pdf", form="mof")
    pages = page_count(path)
    assert pages > 1
    for page in range(2, pages + 1):
        text = squeeze(raw_text(path, page, page))
        assert text.count("偏差原因分析及改进措施") == 1, f"page {page}"
        first_row = text.split("偏差原因分析及改进措施", 1)[1]
        assert first_row.startswith(("产出指标", "效益指标", "满意度指标")), f"page {page}"


def test_every_later_page_of_the_department_form_names_the_department(tmp_path):
    from selfeval_desktop.db.demo import build_demo
    doc = build_demo("001")          # the 部门整体 report: 31 indicators, more than one page
    doc.projects = [p for p in doc.projects if p.kind.value == "department"]
    [path] = export_pdf(doc, tmp_path / "d.pdf", form="mof")
    pages = page_count(path)
    assert pages >= 2
    for n in range(1, pages + 1):
        page = squeeze(raw_text(path, n, n))
        assert page.startswith("部门名称：新乡市科学技术局（续）") == (n > 1), page[:40]
