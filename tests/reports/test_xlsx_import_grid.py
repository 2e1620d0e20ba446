"""Reading a workbook's labels: each cell normalised once, never read stale."""
from __future__ import annotations

import openpyxl

from selfeval_desktop.reports import xlsx_import_locate as locate
from selfeval_desktop.reports.xlsx_import import import_workbook

from . import xlsx_builders as build


def test_each_cell_label_is_normalised_about_once_per_import(tmp_path, monkeypatch):
    """Every field looked up scans every row: re-normalising them each time made seed 004's
    20-project workbook take 6 s to import (5.5 million normalise_label calls)."""
    path = build.several(tmp_path / "several.xlsx")
    wb = openpyxl.load_workbook(path, read_only=True)
    cells = sum(len(row) for ws in wb.worksheets for row in locate.read_grid(ws, ws.title).rows)
    wb.close()
    calls = []
    real = locate.normalise_label
    monkeypatch.setattr(locate, "normalise_label", lambda value: calls.append(1) or real(value))
    result = import_workbook(path)
    assert len(result.document.projects) == 2
    assert len(calls) <= 2 * cells        # was 114 × cells


def test_a_row_replaced_after_its_labels_were_read_is_read_afresh():
    grid = locate.Grid("表", [(("项目名称", None), ("甲", None))])
    assert list(grid.row_labels(0)) == [(0, "项目名称"), (1, "甲")]
    grid.rows[0] = (("实施 单位：", None), ("乙", None))
    assert grid.label(0, 0) == "实施单位"
    assert locate.locate_field(grid, "implementer") == ("乙", (0, 1))
    assert locate.locate_field(grid, "name") == ("", None)
