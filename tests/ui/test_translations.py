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
    assert len(translations._installed) == 2      # Qt's, and the few strings it lacks
    assert QApplication.translate("QPlatformTheme", "&Yes") == "是(&Y)"
    assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QApplication.translate("QLineEdit", "&Paste") == "粘贴(&P)"
    # with the letters Qt's translation lacks (every menu entry has one)
    assert QApplication.translate("QLineEdit", "Select All") == "全选(&A)"
    assert QApplication.translate("QWidgetTextControl", "Delete") == "删除(&L)"


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_the_window_installs_it_once_it_has_painted(qtbot, tmp_path, no_translation):
    make_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: bool(translations._installed), timeout=3000)
    assert QApplication.translate("QPlatformTheme", "&No") == "否(&N)"


def test_the_file_dialog_labels_are_chinese(no_translation):
    """The file dialog said “Look in:” and “Files of type:” (Qt 6 added an & to them,
    the shipped Chinese translation has them without)."""
    from selfeval_desktop.ui.qt import QFileDialog
    translations.install_qt_translations()
    dialog = QFileDialog(None, "导出Excel", "", "Excel 工作簿 (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    # with the Alt key (&L) where that Qt's English has one (6.8+), without in 6.7 (Kylin's build)
    for label, chinese in ((QFileDialog.DialogLabel.LookIn, "查找范围"),
                           (QFileDialog.DialogLabel.FileType, "文件类型"),
                           (QFileDialog.DialogLabel.FileName, "文件名称")):
        text = dialog.labelText(label)
        assert text.startswith(chinese) and text.endswith("："), text
    dialog.deleteLater()


def test_a_lock_question_before_the_first_paint_is_chinese(qapp, tmp_path, monkeypatch,
                                                           no_translation):
    from selfeval_desktop.db.file_lock import LockInfo
    from selfeval_desktop.ui import lock_dialog
    from selfeval_desktop.ui.qt import QMessageBox
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(
        QApplication.translate("QPlatformTheme", "OK")) or 0)
    lock_dialog.ask_lock(None, tmp_path / "x.sqlite", LockInfo(1, "host"))
    assert seen == ["确定"]


def test_the_file_dialogs_type_column_and_dates_are_chinese(no_translation):
    """The non-native file dialog showed 类型 “Folder” and dates as “22 11 2…6”."""
    from selfeval_desktop.ui.qt import QtCore, QtGui
    translations.install_qt_translations()
    provider = QtGui.QAbstractFileIconProvider()
    assert provider.type(QtCore.QFileInfo(QtCore.QDir.tempPath())) == "文件夹"
    assert QtCore.QLocale().language() == QtCore.QLocale.Language.Chinese
