"""未评分 on paper: a project with nothing scorable leaves 综合得分 / 自评等次 (basic) and 总分 /
自评等次 (MoF) blank for a pen, instead of printing 0.00 and 差."""
import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.reports.export import export_pdf, print_warnings, score_warnings
from tests.reports.pdf_fixtures import raw_text, seed003, squeeze


@pytest.fixture(scope="module")
def seed002():
    doc = build_demo("002")  # no indicators, no 全年执行数
    for i, p in enumerate(doc.projects, 1):
        p.id = i
    return doc


def test_basic_form_leaves_score_and_grade_blank(tmp_path, seed002):
    [path] = export_pdf(seed002, tmp_path / "b.pdf", form="basic", project_ids=[1])
    text = squeeze(raw_text(path))
    assert "综合得分自评等次" in text  # the two labels with nothing between them
    assert "0.00分" not in text and "自评等次差" not in text


def test_mof_form_leaves_total_and_grade_blank(tmp_path, seed002):
    [path] = export_pdf(seed002, tmp_path / "m.pdf", form="mof", project_ids=[1])
    text = squeeze(raw_text(path))
    assert "自评等次：" in text and "自评等次：差" not in text
    assert text.split("总分", 1)[1].startswith("10.00自评等次：")   # 分值 10.00, no 得分


def test_the_mof_forms_grade_note_says_a_missing_row_once():
    """“（有 2 项未评分，按 0 分计）（1 项指标尚无得分（按 0 分计），得分暂不可信）” — the
    same fact twice, with two counts. Where 分值 do not add up, both facts stay."""
    from decimal import Decimal as D
    from selfeval_desktop.domain.evaluation import profile_for as profile_of
    from selfeval_desktop.domain.model import Document, Indicator, Project, Unit
    from selfeval_desktop.domain.scoring import score_project as score_of
    from selfeval_desktop.reports.score_text import grade_note
    p = Project(id=1, name="项目", indicators=[
        Indicator("产出指标", "数量指标", "a", "≥4次", "4次", D(50)),
        Indicator("效益指标", "社会效益指标", "b", "", "", D(30)),
        Indicator("满意度指标", "满意度指标", "c", "≥90%", "95%", D(10))])
    p.funding.annual_budget = p.funding.executed = 1_000_000
    doc = Document(unit=Unit(name="单位"), year=2021, projects=[p])
    note = grade_note(score_of(p, profile_of(doc, p), doc.year))
    assert note.count("按 0 分计") == 1 and "尚无得分" in note and "未评分" not in note
    p.indicators[2].weight = D(5)                       # 分值 now add up to 95
    note = grade_note(score_of(p, profile_of(doc, p), doc.year))
    assert "有 1 项未评分" in note and "分值合计为 95" in note


def test_a_row_judged_without_an_actual_prints_the_judgement(tmp_path):
    """投入指标 rows judged 达成 by a 评分标准 printed 3.00 beside empty cells; the
    signer could not see why they scored."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.reports.export import export_pdf
    from .pdf_fixtures import raw_text
    doc = build_demo("001")
    dept = doc.department
    doc.projects = [dept]
    judged = [i for i in dept.indicators if not i.actual.strip() and i.achievement]
    assert judged
    [path] = export_pdf(doc, tmp_path / "dept.pdf", form="mof")
    assert raw_text(path).count("（达成）") == len(judged)


def test_the_basic_forms_score_and_grade_say_a_missing_row_once(tmp_path):
    """综合得分 “65.00分（有 2 项未评分，按 0 分计）” over 自评等次 “—（2 项指标尚无得分
    （按 0 分计），得分暂不可信）”: the same rows twice."""
    doc = build_demo("004")
    project = next(p for p in doc.projects if p.name.startswith("2021年新一代"))   # 分值 add up
    for i, p in enumerate(doc.projects, 1):
        p.id = i
    project.indicators[0].actual = ""                      # one row without a score
    [path] = export_pdf(doc, tmp_path / "b.pdf", form="basic", project_ids=[project.id])
    text = squeeze(raw_text(path))
    assert text.count("按0分计") == 1 and "尚无得分" in text and "项未评分" not in text


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
        # the 自评等次 cell says it once, naming both (on the 基本情况表 too, whose 综合得分
        # said the count again)
        assert "预算执行率得分和1项指标尚无得分（按0分计）" in text
        assert "未评分" not in text and text.count("按0分计") == 1


def test_a_fully_scored_total_has_no_note_and_no_warning(tmp_path):
    doc = seed003()
    assert print_warnings(doc, doc.projects) == score_warnings(doc, doc.projects) == []
    [path] = export_pdf(doc, tmp_path / "m.pdf", form="mof")
    assert "未评分" not in raw_text(path)
