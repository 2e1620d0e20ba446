"""The window stays light, as Excel's and WPS's cells and the printed forms are, on a dark desktop.

Windows 11 in dark mode (Qt's windows11 style, PySide6 ≥ 6.7) and a Linux desktop set to dark (the
xdg portal, UOS/Kylin's dark theme) give Qt a dark palette: white text on dark cells. The grids
mark cells with fixed light fills — 合计 and read-only cells light grey, a cell that cannot be read
Excel's pink 差 fill — and white text on them is unreadable: 中央财政, 合计, the 得分 column
vanished. A clerk compares the window with the paper form and her Excel sheet, both white; so the
app asks Qt for the light scheme (Qt ≥ 6.8) and, where the platform does not follow (older Qt, a
theme that ignores the request), sets a light palette itself.
"""
from __future__ import annotations

from .qt import QApplication, QPalette, Qt

DARK_LIGHTNESS = 128   # a window colour darker than this is a dark palette


def is_dark(palette) -> bool:
    """True for a palette whose windows and cells are dark (text light on dark)."""
    window = palette.color(QPalette.ColorRole.Window).lightness()
    base = palette.color(QPalette.ColorRole.Base).lightness()
    return min(window, base) < DARK_LIGHTNESS


def keep_light(app) -> None:
    """Make ``app`` light now, and again whenever the desktop switches to dark while it runs."""
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):            # Qt 6.8+: ask the platform for light
        hints.setColorScheme(Qt.ColorScheme.Light)
    _light_palette(app)
    changed = getattr(hints, "colorSchemeChanged", None)   # Qt 6.5+
    if changed is not None and not getattr(app, "_light_kept", False):
        app._light_kept = True
        changed.connect(lambda _scheme: _light_palette(QApplication.instance()))


def _light_palette(app) -> None:
    if app is None or not is_dark(app.palette()):
        return
    from .qt import QtWidgets
    fusion = QtWidgets.QStyleFactory.create("Fusion")   # its standard palette is Qt's light one
    app.setPalette(fusion.standardPalette())
