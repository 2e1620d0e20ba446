"""A selection that shows whether its view has the keyboard focus, as Excel shows it: the normal
highlight while the view has the focus, grey while it has not. The grids (``grid.focus``) and the
project list (``project_list_view``) share it (F6 lands in the project list, where Ctrl+V,
Delete and F2 act on projects: it must show the keys are there).

Its own module, not in ``ui.grid``: the project list is built before the window first paints, and
the grids are loaded only when a grid is first shown.
"""
from __future__ import annotations

from .qt import QApplication, QColor, QPalette

UNFOCUSED_SELECTION = QColor(217, 217, 217)


def focus_look(view, focused: bool) -> None:
    """Give ``view``'s selection the focused (the application's highlight) or unfocused (grey,
    the text in its own colour) look."""
    palette = view.palette()
    # both groups: a window that is not the active one (a dialog open, another program in
    # front, a desktop without a window manager) paints with the Inactive colours, and the three
    # grids of the 预算表 would each show a solid blue selection
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    if focused:
        default = QApplication.palette(view)
        for group in groups:
            for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
                palette.setColor(group, role, default.color(group, role))
    else:
        text = view.palette().color(QPalette.ColorRole.Text)
        for group in groups:
            palette.setColor(group, QPalette.ColorRole.Highlight, UNFOCUSED_SELECTION)
            palette.setColor(group, QPalette.ColorRole.HighlightedText, text)
    view.setPalette(palette)
