"""The 部门整体支出绩效自评表: printed with the projects' forms, with its
执行率 and no execution score, the department named on every later page."""
from selfeval_desktop.reports.export import export_pdf, select
from tests.reports.pdf_fixtures import page_count, raw_text, seed003_with_department, squeeze


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
