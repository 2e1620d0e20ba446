"""Qt's own words (message box buttons, text field context menus) are Chinese, not English."""
from __future__ import annotations

from selfeval_desktop.ui import translations
from selfeval_desktop.ui.qt import QApplication


def test_qt_buttons_and_edit_menu_in_chinese(qapp):
    assert QApplication.translate("QPlatformTheme", "&Yes") == "&Yes"     # English without it
    try:
        assert translations.install_qt_translations()
        assert translations.install_qt_translations()                     # once is enough
        assert len(translations._installed) == 1
        assert QApplication.translate("QPlatformTheme", "&Yes") == "是(&Y)"
        assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QApplication.translate("QLineEdit", "&Paste") == "粘贴(&P)"
        assert QApplication.translate("QLineEdit", "Select All") == "全选"
    finally:
        for t in translations._installed:
            qapp.removeTranslator(t)
        translations._installed.clear()
