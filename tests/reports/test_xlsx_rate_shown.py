"""The exported and aggregated workbooks show a project's 执行率 as its profile rounds it, as the
forms and the window do (1.9999 of 2 万元 under a truncating profile was 100.00%
in Excel, the 0.00% format rounding half-up, and 99.99% on the printed MoF form)."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from selfeval_desktop.reports.xlsx_aggregate import Source, write_summary
from selfeval_desktop.reports.xlsx_export import export_workbook, sheet_names
from tests.reports.pdf_fixtures import seed003

from .spreadsheet import recalculated, soffice


def truncating(profile_id="mof2020_truncate"):
    doc = seed003()
    doc.profile_id = profile_id
    f = doc.projects[0].funding
    f.annual_budget, f.executed = 2_000_000, 1_999_900          # 99.995%
    return doc


def shown(value) -> str:
    """A rate cell as the 0.00% format shows it."""
    return f"{value * 100:.2f}%"


def rate_column(ws) -> int:
    return next(c for c in range(1, 20) if ws.cell(3, c).value == "执行率")


def test_the_exported_workbook_shows_the_rate_the_forms_print(tmp_path):
    doc = truncating()
    out = tmp_path / "t.xlsx"
    export_workbook(doc, out)
    wb = openpyxl.load_workbook(out, data_only=True)
    assert shown(wb[sheet_names(doc)[0]]["G6"].value) == "99.99%"
    summary = wb["汇总"]
    assert shown(summary.cell(4, rate_column(summary)).value) == "99.99%"


def test_a_half_up_profile_keeps_the_exact_rate(tmp_path):
    doc = truncating("mof2020")
    out = tmp_path / "h.xlsx"
    export_workbook(doc, out)
    assert openpyxl.load_workbook(out, data_only=True)[sheet_names(doc)[0]]["G6"].value == 0.99995


def test_the_aggregate_shows_each_units_rate_as_its_profile_rounds_it(tmp_path):
    out = tmp_path / "agg.xlsx"
    write_summary([Source(Path("t.sqlite"), truncating())], out)
    ws = openpyxl.load_workbook(out, data_only=True)["汇总"]
    assert shown(ws.cell(4, rate_column(ws)).value) == "99.99%"


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed; CI installs it")
def test_libreoffice_computes_the_same_truncated_rate(tmp_path):
    doc = truncating()
    out = tmp_path / "t.xlsx"
    export_workbook(doc, out)
    ws = recalculated(out, tmp_path)[sheet_names(doc)[0]]
    assert ws["G6"].value == pytest.approx(0.9999, abs=1e-12)
