"""Every Qt name the UI uses, from PySide6, in this one place.

A Qt or binding upgrade (PySide6 → a later major, or a renamed class) touches this module only.
UI modules write ``from ..qt import QTableView, Signal`` (or ``from selfeval_desktop.ui.qt import``),
never ``from PySide6 ...``. Add names below as they are needed, grouped by Qt module, and to
``qt.pyi`` beside this file under the same module.

Each name is fetched from PySide6 the first time a module asks for it (module ``__getattr__``):
PySide6 builds a class, with all its enums, on first access, and many of these classes (dialogs,
styles, the grids' helpers) are not needed to show the window. This keeps the start quick.
No linter, type checker or IDE can follow ``__getattr__``: they read ``qt.pyi`` instead, which
imports the same names from their PySide6 modules (``tests/ui/test_qt_names.py`` keeps the two
lists equal). Python never reads the stub, so it costs the start nothing.
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path
import sys

_QTCORE = (
    "QAbstractItemModel", "QAbstractTableModel", "QByteArray", "QCoreApplication", "QDate",
    "QElapsedTimer", "QEvent", "QEventLoop", "QFileSystemWatcher", "QItemSelection", "QItemSelectionModel",
    "QLocale", "QMimeData",
    "QModelIndex", "QObject", "QPersistentModelIndex", "QPoint", "QPointF", "QRect", "QSettings",
    "QSignalBlocker", "QSize", "QSocketNotifier", "QSortFilterProxyModel", "QStandardPaths",
    "QStringListModel",
    "Qt", "QTimer", "QUrl", "Signal", "SignalInstance", "Slot", "qVersion",
)
_QTGUI = (
    "QAction", "QActionGroup", "QBrush", "QClipboard", "QCloseEvent", "QColor", "QDragEnterEvent",
    "QDropEvent", "QFont", "QFontMetrics",
    "QGuiApplication", "QIcon", "QInputMethodEvent", "QKeyEvent", "QKeySequence", "QPainter",
    "QPalette", "QPixmap", "QRegion", "QShortcut", "QStandardItem", "QStandardItemModel",
    "QTextCursor", "QUndoCommand",
    "QUndoStack",
    "QValidator", "QWheelEvent",
)
_QTWIDGETS = (
    "QAbstractItemDelegate", "QAbstractItemView", "QApplication", "QBoxLayout", "QButtonGroup",
    "QCheckBox",
    "QComboBox", "QCompleter", "QDialog", "QDialogButtonBox", "QDockWidget", "QFileDialog",
    "QFormLayout", "QFrame", "QGridLayout", "QGroupBox", "QHBoxLayout", "QHeaderView", "QLabel",
    "QLineEdit", "QListWidget", "QListWidgetItem", "QMainWindow", "QMenu", "QMenuBar",
    "QMessageBox", "QPlainTextEdit", "QPushButton", "QRadioButton", "QScrollArea", "QSizePolicy",
    "QSpinBox", "QStackedWidget", "QSplitter", "QStatusBar", "QStyle", "QStyledItemDelegate",
    "QStyleOptionComboBox", "QStyleOptionViewItem", "QStylePainter", "QTableView", "QTabWidget",
    "QTextBrowser", "QTextEdit", "QToolBar", "QToolButton",
    "QToolTip", "QVBoxLayout", "QWidget",
)

_MODULE_OF = {name: module for module, names in (("QtCore", _QTCORE), ("QtGui", _QTGUI),
                                                 ("QtWidgets", _QTWIDGETS)) for name in names}
_SUBMODULES = ("QtCore", "QtGui", "QtWidgets")  # for rare names; prefer the lists above
__all__ = [*_SUBMODULES, *_MODULE_OF, "QT_VERSION"]
QT_VERSION: str   # qVersion(), e.g. "6.8.1"; an annotation only: made by __getattr__ when asked for


def __getattr__(name: str):
    if name in _MODULE_OF:
        value = getattr(_binding(_MODULE_OF[name]), name)
    elif name in _SUBMODULES:
        value = _binding(name)
    elif name == "QT_VERSION":
        value = _binding("QtCore").qVersion()
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}: add it to the lists")
    globals()[name] = value  # later lookups skip this function
    return value


_loaded = False


def _binding(module: str):
    global _loaded
    if not _loaded:
        importlib.import_module("PySide6.QtCore")
        _loaded = True
        _spare_feature_scan()
    return importlib.import_module(f"PySide6.{module}")


def _spare_feature_scan() -> None:
    """Tell PySide6 that this app's modules (and those already loaded) use no ``__feature__``.

    Once imported, PySide6 reads the whole source of every module named in a later import, once,
    looking for the text "PySide6" (to decide whether its optional ``from __feature__ import
    snake_case`` switches apply there). That is some 80 files read and split at start-up. Marking
    a module -1 ("ignore") is what that scan concludes for every module without "PySide6" in it;
    this module, the only one naming it, is never switched either (the app uses no feature). The
    standard library's modules imported later (json, decimal, sqlite3 …: ~2 ms of reading before
    the first paint) never name it either. Does nothing if PySide6 keeps this table elsewhere.
    """
    features = getattr(sys.modules.get("signature_bootstrap"), "pyside_feature_dict", None)
    if not isinstance(features, dict):
        return
    package = Path(__file__).resolve().parents[1]
    names = set(sys.modules) | set(sys.stdlib_module_names)
    for folder, _dirs, files in os.walk(package):
        parts = Path(folder).relative_to(package.parent).parts
        if "__pycache__" in parts:
            continue
        names.add(".".join(parts))
        names.update(".".join((*parts, f[:-3])) for f in files if f.endswith(".py"))
    for name in names:
        features.setdefault(name, -1)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
