"""Qt's own words (message box buttons, text field context menus) are Chinese, not English."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui import translations
from selfeval_desktop.ui.qt import QApplication

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window


@pytest.fixture
def no_translation(qapp):
    """Start and end without Qt's translation (another test's window may have installed it)."""
    def remove():
        for t in translations._installed:
            qapp.removeTranslator(t)
        translations._installed.clear()
    remove()
    yield
    remove()


def test_qt_buttons_and_edit_menu_in_chinese(no_translation):
    assert QApplication.translate("QPlatformTheme", "&Yes") == "&Yes"     # English without it
    assert translations.install_qt_translations()
    assert translations.install_qt_translations()                         # once is enough
    assert len(translations._installed) == 1
    assert QApplication.translate("QPlatformTheme", "&Yes") == "是(&Y)"
    assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QApplication.translate("QLineEdit", "&Paste") == "粘贴(&P)"
    assert QApplication.translate("QLineEdit", "Select All") == "全选"


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_the_window_installs_it_once_it_has_painted(qtbot, tmp_path, no_translation):
    make_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: bool(translations._installed), timeout=3000)
    assert QApplication.translate("QPlatformTheme", "&No") == "否(&N)"
