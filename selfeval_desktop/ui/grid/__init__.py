"""The Excel-like grid used by every table tab."""
from .view import Grid

__all__ = ["Grid", "grid_of"]


def grid_of(widget):
    """The Grid ``widget`` is or sits in (a cell's open editor, the grid's viewport, its frozen
    columns); None outside any grid. One walk up the parents for the 编辑 menu's row operations,
    F6 and the tests."""
    while widget is not None and not isinstance(widget, Grid):
        widget = widget.parentWidget()
    return widget
