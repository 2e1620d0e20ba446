"""Qt's own words in Chinese: the buttons of message boxes (是/否/确定/取消) and the context
menus of text fields (撤消/剪切/复制/粘贴/全选), which Qt otherwise shows in English.

Qt's translation ships with PySide6 (``qtbase_zh_CN.qm``). The window installs it once it has
painted (``MainWindow.after_paint``): nothing the first view shows needs it, so start-up does not
wait for it.
"""
from __future__ import annotations

from .qt import QtCore

_installed: list = []   # the translator, kept alive while the application runs


def install_qt_translations() -> bool:
    """Install Qt's Chinese translation on the running application (once); False if missing."""
    app = QtCore.QCoreApplication.instance()
    if app is None:
        return False
    if _installed:
        return True
    translator = QtCore.QTranslator(app)
    folder = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    chinese = QtCore.QLocale(QtCore.QLocale.Language.Chinese, QtCore.QLocale.Country.China)
    if not translator.load(chinese, "qtbase", "_", folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
