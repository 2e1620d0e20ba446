"""Qt's own words in Chinese: the buttons of message boxes (是/否/确定/取消) and the context
menus of text fields (撤消/剪切/复制/粘贴/全选, each with its letter), which Qt otherwise shows in
English.

Qt's translation ships with PySide6 (``qtbase_zh_CN.qm``). The window installs it once it has
painted (``MainWindow.after_paint``): nothing the first view shows needs it, so start-up does not
wait for it; a dialog that can show before that (a file in use, a file that cannot be opened) calls
:func:`install_qt_translations` first. The file dialog's “&Look in:” and “Files of &type:” are
newer than the shipped translation (it has them without the ``&``): :class:`_Missing` adds them.
"""
from __future__ import annotations

from .qt import QtCore

_installed: list = []   # the translators, kept alive while the application runs

MISSING = {   # (context, source) → Chinese, where qtbase_zh_CN has no entry
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    # the file dialog's 类型 column (not “Folder”, “SQL…ase” in English)
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File"): "文件",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
    # a text box's right-click menu: Qt's translation gives 撤消(U) … 粘贴(P) their letters but
    # not 删除 and 全选 (here every entry has one). Notepad's L and A: a number box
    # (评价年度) adds 升高(S) and 降低(D) to the same menu, and Qt wrote its 全选 with S as well
    **{(box, "Delete"): "删除(&L)" for box in ("QLineEdit", "QWidgetTextControl")},
    **{(box, "Select All"): "全选(&A)" for box in ("QLineEdit", "QWidgetTextControl")},
    ("QAbstractSpinBox", "&Select All"): "全选(&A)",
}


class _Missing(QtCore.QTranslator):
    """The few strings Qt's Chinese translation lacks; None passes everything else on."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 - Qt override
        return MISSING.get((context, source))


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
    # dates (the file dialog's 修改日期) and file types (its MIME comments) in Chinese too
    QtCore.QLocale.setDefault(chinese)
    missing = _Missing(app)
    app.installTranslator(missing)     # asked first (installed last)
    _installed.extend((translator, missing))
    return True
