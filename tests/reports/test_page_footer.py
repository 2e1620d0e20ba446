"""Every printed page says where it is in its form: “第 x 页 共 y 页”, a one-page form too.

A member project's one-page 绩效自评报告 had no page footer, while the multi-page ones
had “第 1 页 共 2 页” — two kinds of page in one PDF.
"""
from __future__ import annotations

import re

import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.reports.export import export_pdf
from tests.reports.pdf_fixtures import page_count, raw_text, seed003, seed003_with_department

FOOTER = re.compile(r"第 (\d+) 页 共 (\d+) 页")


def footers(path) -> list[tuple[int, int]]:
    """(x, y) of the footer on each page, in page order; a page without one fails."""
    out = []
    for n in range(1, page_count(path) + 1):
        found = FOOTER.findall(raw_text(path, n, n))
        assert len(found) == 1, f"page {n}: {found}"
        out.append(tuple(map(int, found[0])))
    return out


def numbered_forms(pages: list[tuple[int, int]]) -> list[int]:
    """The page counts of the forms, checking that each runs 1 … y of y."""
    forms, n = [], 0
    while n < len(pages):
        total = pages[n][1]
        assert pages[n:n + total] == [(k, total) for k in range(1, total + 1)], pages
        forms.append(total)
        n += total
    return forms


@pytest.mark.parametrize("form", ["basic", "mof", "report"])
def test_a_one_page_form_has_the_footer_of_the_longer_ones(tmp_path, form):
    [path] = export_pdf(seed003(), tmp_path / f"{form}.pdf", form=form)
    assert page_count(path) == 1           # seed 003 prints on one page in each form
    assert footers(path) == [(1, 1)]


def test_every_page_of_every_form_in_one_pdf_is_numbered_within_its_form(tmp_path):
    """Seed 001 as reports: the 部门整体 form of several pages and the one-page reports of its
    projects alike carry the footer."""
    doc = build_demo("001")
    [path] = export_pdf(doc, tmp_path / "r.pdf", form="report")
    forms = numbered_forms(footers(path))
    assert len(forms) == len(doc.projects)
    assert 1 in forms and max(forms) > 1      # both kinds are in it


def test_the_department_form_and_its_member_reports_are_numbered_alike(tmp_path):
    doc, _ = seed003_with_department()
    [path] = export_pdf(doc, tmp_path / "d.pdf", form="report")
    assert len(numbered_forms(footers(path))) == 2
