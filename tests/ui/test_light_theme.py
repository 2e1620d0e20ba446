"""On a dark desktop (Windows 11 dark mode, a dark UOS/Kylin theme) the window stays light: the grids'
grey 合计 / read-only fills and the pink fill of a cell that cannot be read carry dark text, as on
the paper form and in Excel. Before, Qt's dark palette put white text on them: 中央财政, 合计 and the
得分 column could not be read."""
from __future__ import annotations

import pytest

from selfeval_desktop.app import make_application
from selfeval_desktop.ui.light_theme import is_dark, keep_light
from selfeval_desktop.ui.models.base import ERROR_BRUSH, READONLY_BRUSH, TOTAL_BRUSH
from selfeval_desktop.ui.qt import QApplication, QColor, QPalette, Qt

DARK = {QPalette.ColorRole.Window: "#202020", QPalette.ColorRole.WindowText: "#ffffff",
        QPalette.ColorRole.Base: "#2b2b2b", QPalette.ColorRole.AlternateBase: "#353535",
        QPalette.ColorRole.Text: "#ffffff", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#ffffff"}


def dark_palette() -> QPalette:
    """What Qt's windows11 style or a dark portal hands the app."""
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 = none, 21 = black on white)."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
                + 0.0722 * channel(c.blueF()))
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture
def dark_desktop(qapp):
    before = qapp.palette()
    qapp.setPalette(dark_palette())
    yield qapp
    qapp.setPalette(before)


FILLS = {"合计": TOTAL_BRUSH, "只读": READONLY_BRUSH, "无法识别": ERROR_BRUSH}


def test_starting_on_a_dark_desktop_gives_a_light_window_with_readable_cells(dark_desktop):
    text = dark_desktop.palette().color(QPalette.ColorRole.Text)   # what the clerk saw: white on
    assert all(contrast(text, b.color()) < 1.5 for b in FILLS.values())   # the grids' fills
    app = make_application()            # what the app does at start
    palette = app.palette()
    assert not is_dark(palette)
    text = palette.color(QPalette.ColorRole.Text)
    for name, brush in FILLS.items():
        assert contrast(text, brush.color()) >= 4.5, name   # WCAG AA for body text
    assert contrast(text, palette.color(QPalette.ColorRole.Base)) >= 7


def test_a_switch_to_dark_while_the_app_runs_is_undone(dark_desktop):
    keep_light(dark_desktop)
    assert not is_dark(dark_desktop.palette())
    dark_desktop.setPalette(dark_palette())           # the desktop turns dark
    hints = QApplication.styleHints()
    if not hasattr(hints, "colorSchemeChanged"):      # Qt < 6.5 has no such signal
        pytest.skip("this Qt tells nothing of a scheme change")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not is_dark(dark_desktop.palette())


def test_a_light_desktop_is_left_as_it_is(qapp):
    before = QPalette(qapp.palette())
    keep_light(qapp)
    assert qapp.palette() == before
