"""The chosen 等次写法 is what the paper and the workbook say (seed 003's form prints 自评等次 优秀)."""
from __future__ import annotations

from openpyxl import load_workbook

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.reports.export import export_pdf
from selfeval_desktop.reports.xlsx_export import export_workbook
from selfeval_desktop.reports.xlsx_import import import_workbook

from .pdf_fixtures import raw_text, squeeze

STYLE = "优秀/良好/一般/较差"


def _seed003(style: str = STYLE):
    doc = build_demo("003")
    for i, p in enumerate(doc.projects, 1):
        p.id = i
    doc.grade_names = style
    return doc


def test_both_forms_print_the_chosen_grade_word(tmp_path):
    for form in ("basic", "mof"):
        [path] = export_pdf(_seed003(), tmp_path / f"{form}.pdf", form=form)
        text = squeeze(raw_text(path))
        assert "优秀" in text, form
    [plain] = export_pdf(_seed003(""), tmp_path / "plain.pdf")
    assert "优秀" not in squeeze(raw_text(plain))


def test_the_workbook_grades_in_the_chosen_words_and_imports_back_with_them(tmp_path):
    out = tmp_path / "hc.xlsx"
    export_workbook(_seed003(), out)
    values = load_workbook(out, data_only=True)
    cells = [c.value for ws in values.worksheets for row in ws.iter_rows() for c in row]
    assert "优秀" in cells and "优" not in cells
    assert "等次写法" in cells and STYLE in cells
    result = import_workbook(out)
    assert result.document.grade_names == STYLE
    assert "等次写法：优秀/良好/一般/较差" in result.report.text()


def test_a_workbook_with_the_rules_own_words_imports_without_a_style(tmp_path):
    out = tmp_path / "plain.xlsx"
    export_workbook(_seed003(""), out)
    assert import_workbook(out).document.grade_names == ""
