"""Every Qt name the UI uses, from PySide6, in this one place.

A Qt or binding upgrade (PySide6 → a later major, or a renamed class) touches this module only.
UI modules write ``from ..qt import QTableView, Signal`` (or ``from selfeval_desktop.ui.qt import``),
never ``from PySide6 ...``. Add names below as they are needed, grouped by Qt module.

Each name is fetched from PySide6 the first time a module asks for it (module ``__getattr__``):
PySide6 builds a class, with all its enums, on first access, and many of these classes (dialogs,
styles, the grids' helpers) are not needed to show the window. This keeps the start quick.
"""
from __future__ import annotations

import importlib

_QTCORE = (
    "QAbstractItemModel", "QAbstractTableModel", "QByteArray", "QCoreApplication", "QDate",
    "QElapsedTimer", "QEvent", "QItemSelection", "QItemSelectionModel", "QLocale", "QMimeData",
    "QModelIndex", "QObject", "QPersistentModelIndex", "QPoint", "QRect", "QSettings",
    "QSignalBlocker", "QSize", "QSortFilterProxyModel", "QStandardPaths", "QStringListModel",
    "Qt", "QTimer", "QUrl", "Signal", "Slot", "qVersion",
)
_QTGUI = (
    "QAction", "QBrush", "QClipboard", "QCloseEvent", "QColor", "QFont", "QFontMetrics",
    "QGuiApplication", "QIcon", "QInputMethodEvent", "QKeyEvent", "QKeySequence", "QPalette",
    "QPixmap", "QShortcut", "QStandardItem", "QStandardItemModel", "QUndoCommand", "QUndoStack",
    "QValidator",
)
_QTWIDGETS = (
    "QAbstractItemDelegate", "QAbstractItemView", "QApplication", "QButtonGroup", "QCheckBox",
    "QComboBox", "QCompleter", "QDialog", "QDialogButtonBox", "QDockWidget", "QFileDialog",
    "QFormLayout", "QFrame", "QGridLayout", "QGroupBox", "QHBoxLayout", "QHeaderView", "QLabel",
    "QLineEdit", "QListWidget", "QListWidgetItem", "QMainWindow", "QMenu", "QMenuBar",
    "QMessageBox", "QPlainTextEdit", "QPushButton", "QRadioButton", "QScrollArea", "QSizePolicy",
    "QSpinBox", "QStackedWidget", "QSplitter", "QStatusBar", "QStyle", "QStyledItemDelegate",
    "QStyleOptionViewItem", "QTableView", "QTabWidget", "QTextEdit", "QToolBar", "QToolButton",
    "QToolTip", "QVBoxLayout", "QWidget",
)

_MODULE_OF = {name: module for module, names in (("QtCore", _QTCORE), ("QtGui", _QTGUI),
                                                 ("QtWidgets", _QTWIDGETS)) for name in names}
_SUBMODULES = ("QtCore", "QtGui", "QtWidgets")  # for rare names; prefer the lists above
__all__ = [*_SUBMODULES, *_MODULE_OF, "QT_VERSION"]


def __getattr__(name: str):
    if name in _MODULE_OF:
        value = getattr(importlib.import_module(f"PySide6.{_MODULE_OF[name]}"), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"PySide6.{name}")
    elif name == "QT_VERSION":
        value = importlib.import_module("PySide6.QtCore").qVersion()
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}: add it to the lists")
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
