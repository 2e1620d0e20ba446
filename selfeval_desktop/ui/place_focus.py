"""Putting the cursor on the cell a 问题清单 finding names (domain.checks Place), for the grid tabs.

A tab with its own ``focus_place(place)`` method is asked first; for the 预算表 and 绩效指标 tabs
these functions translate a Place (table, row in that table, attribute) into a grid cell.
"""
from __future__ import annotations

from ..domain.model import Source
from .models import budget_line_model as blm
from .models import fund_kind_model as fkm
from .models import indicator_model as im
from .models import source_model as sm

INDICATOR_COLUMNS = {**im.FIELD_COLUMNS, "stated_score": im.COL_SCORE}
SOURCE_COLUMNS = {"planned": sm.COL_PLANNED, "arrived": sm.COL_ARRIVED,
                  "planned_total": sm.COL_PLANNED, "arrived_total": sm.COL_ARRIVED}
KIND_COLUMNS = {"initial": fkm.COL_INITIAL, "annual": fkm.COL_ANNUAL, "executed": fkm.COL_EXECUTED,
                "initial_budget": fkm.COL_INITIAL, "annual_budget": fkm.COL_ANNUAL,
                "stated_execution_score": fkm.COL_SCORE}
LINE_COLUMNS = {"code": blm.COL_CODE, "name": blm.COL_NAME, "planned": blm.COL_PLANNED,
                "actual": blm.COL_ACTUAL, "special_planned": blm.COL_SPECIAL_PLANNED,
                "special_actual": blm.COL_SPECIAL_ACTUAL, "spent_total": blm.COL_ACTUAL}


def focus_cell(grid, row: int | None, col: int | None) -> bool:
    """Select a cell (clamped into the grid) and give the grid the keyboard focus."""
    model = grid.model()
    if model is None or model.rowCount() == 0:
        grid.setFocus()
        return False
    row = min(max(row or 0, 0), model.rowCount() - 1)
    col = min(max(col or 0, 0), model.columnCount() - 1)
    index = model.index(row, col)
    grid.setCurrentIndex(index)
    grid.scrollTo(index)
    grid.setFocus()
    return True


def focus_indicators(tab, place) -> bool:
    return focus_cell(tab.grid, place.row, INDICATOR_COLUMNS.get(place.field, im.COL_NAME))


def focus_budget(tab, place) -> bool:
    table, field = place.table, place.field
    if table == "source":
        return focus_cell(tab.source_grid, place.row, SOURCE_COLUMNS.get(field, sm.COL_PLANNED))
    if table == "fund_kind":  # the fund grid's first row is the total (年度资金总额)
        row = None if place.row is None else place.row + 1
        return focus_cell(tab.fund_grid, row, KIND_COLUMNS.get(field, fkm.COL_ANNUAL))
    if table == "budget_line" or field == "spent_total":
        row = place.row if table == "budget_line" else tab.line_model.rowCount() - 1
        return focus_cell(tab.line_grid, row, LINE_COLUMNS.get(field, blm.COL_NAME))
    if field in ("planned_total", "arrived_total"):
        return focus_cell(tab.source_grid, len(Source), SOURCE_COLUMNS[field])
    if field in KIND_COLUMNS:
        return focus_cell(tab.fund_grid, 0, KIND_COLUMNS[field])
    return focus_cell(tab.fund_grid, 0, fkm.COL_ANNUAL)


FALLBACKS = {"budget": focus_budget, "indicators": focus_indicators}
