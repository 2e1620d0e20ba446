"""Every Qt name the UI uses, imported from PySide6 in this one place.

A Qt or binding upgrade (PySide6 → a later major, or a renamed class) touches this module only.
UI modules write ``from ..qt import QTableView, Signal`` (or ``from selfeval_desktop.ui.qt import``),
never ``from PySide6 ...``. Add names here as they are needed, grouped by Qt module.
"""
from __future__ import annotations

import sys

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401  (for rare names; prefer the list below)
from PySide6.QtCore import (  # noqa: F401
    QAbstractItemModel,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QElapsedTimer,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSettings,
    QSignalBlocker,
    QSize,
    QSortFilterProxyModel,
    QStandardPaths,
    QStringListModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
    qVersion,
)
from PySide6.QtGui import (  # noqa: F401
    QAction,
    QBrush,
    QClipboard,
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QPixmap,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
    QUndoCommand,
    QUndoStack,
    QValidator,
)
from PySide6.QtWidgets import (  # noqa: F401
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QSplitter,
    QStatusBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

QT_VERSION = qVersion()


def _keep_singletons_alive() -> None:
    """Work around a PySide6 6.12 reference-count bug on CPython 3.11.

    Its bindings treat ``None``, ``True`` and ``False`` as immortal (as they are from Python 3.12):
    every call of a void Qt method from Python drops one reference to ``None`` and every
    ``Signal.emit`` one to ``True``, without taking it. On 3.11 the count reaches zero after a
    few thousand edits and the interpreter aborts ("none_dealloc" / "bool_dealloc"). Giving these
    singletons a huge reference count makes them effectively immortal, as on 3.12. No effect on
    3.12+ (already immortal) or other interpreters.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes
    for obj in (None, True, False, NotImplemented, Ellipsis):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is PyObject's first field
        if refcnt.value < 1 << 40:
            refcnt.value += 1 << 40


_keep_singletons_alive()
