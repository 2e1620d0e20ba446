"""The exported workbook saves the scores, total and grade the domain gave (it
worked out the execution score, the total and the grade again in Python, a second copy of the
rule beside the domain's and the formulas' — a rule change made in ``domain.scoring`` alone would
have left the saved values on the old rule). The formulas stay: LibreOffice checks them against
these values in test_xlsx_values."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import openpyxl

from selfeval_desktop.reports import xlsx_export
from selfeval_desktop.reports.xlsx_export import export_workbook, sheet_names
from tests.reports.pdf_fixtures import seed003


def test_the_saved_execution_score_total_and_grade_are_the_domains(tmp_path, monkeypatch):
    real = xlsx_export.score_project

    def a_province_rule(project, profile, year=None):
        """As if a province capped the 执行率 score at 8 (a rule the workbook does not know)."""
        score = real(project, profile, year)
        execution = replace(score.execution, score=Decimal("8.00"))
        return replace(score, execution=execution, total=Decimal("98.00"), grade="优秀")

    monkeypatch.setattr(xlsx_export, "score_project", a_province_rule)
    doc = seed003()                 # 4 of 4 万元: 10.00 by the MoF rule, total 100.00
    out = tmp_path / "s.xlsx"
    export_workbook(doc, out)
    ws = openpyxl.load_workbook(out, data_only=True)[sheet_names(doc)[0]]
    assert ws["H6"].value == 8
    total = next(r for r in range(1, 40) if ws.cell(r, 1).value == "总分")
    assert ws.cell(total, 8).value == 98
    assert ws.cell(total + 1, 7).value == "优秀"
