"""未评分 on paper: a project with nothing scorable leaves 综合得分 / 自评等次 (basic) and 总分 /
自评等次 (MoF) blank for a pen, instead of printing 0.00 and 差."""
import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.reports.export import export_pdf
from tests.reports.pdf_fixtures import raw_text, squeeze


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
    assert "0.00" not in text.split("总分", 1)[1]
