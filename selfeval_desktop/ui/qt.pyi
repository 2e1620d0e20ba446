"""What linters, type checkers and IDEs see of ``qt.py``: the same names, typed by PySide6.

``qt.py`` hands each name out through a module ``__getattr__`` (so that PySide6 builds a class only
when it is first asked for), which no static tool can follow. This stub says, for them alone, where
each name comes from; Python never reads it. A name added to a list in ``qt.py`` is added here too,
under its Qt module (``tests/ui/test_qt_names.py`` says which are missing).
"""
from PySide6 import QtCore as QtCore, QtGui as QtGui, QtWidgets as QtWidgets

from PySide6.QtCore import (
    QAbstractItemModel as QAbstractItemModel, QAbstractTableModel as QAbstractTableModel,
    QByteArray as QByteArray, QCoreApplication as QCoreApplication, QDate as QDate,
    QElapsedTimer as QElapsedTimer, QEvent as QEvent, QEventLoop as QEventLoop,
    QFileSystemWatcher as QFileSystemWatcher, QItemSelection as QItemSelection,
    QItemSelectionModel as QItemSelectionModel, QLocale as QLocale, QMimeData as QMimeData,
    QModelIndex as QModelIndex, QObject as QObject, QPersistentModelIndex as QPersistentModelIndex,
    QPoint as QPoint, QPointF as QPointF, QRect as QRect, QSettings as QSettings,
    QSignalBlocker as QSignalBlocker, QSize as QSize, QSocketNotifier as QSocketNotifier,
    QSortFilterProxyModel as QSortFilterProxyModel, QStandardPaths as QStandardPaths,
    QStringListModel as QStringListModel, Qt as Qt, QTimer as QTimer, QUrl as QUrl,
    Signal as Signal, SignalInstance as SignalInstance, Slot as Slot, qVersion as qVersion,
)

from PySide6.QtGui import (
    QAction as QAction, QActionGroup as QActionGroup, QBrush as QBrush, QClipboard as QClipboard,
    QCloseEvent as QCloseEvent, QColor as QColor, QDragEnterEvent as QDragEnterEvent,
    QDropEvent as QDropEvent, QFont as QFont, QFontMetrics as QFontMetrics,
    QGuiApplication as QGuiApplication, QIcon as QIcon, QInputMethodEvent as QInputMethodEvent,
    QKeyEvent as QKeyEvent, QKeySequence as QKeySequence, QPainter as QPainter,
    QPalette as QPalette, QPixmap as QPixmap, QRegion as QRegion, QShortcut as QShortcut,
    QStandardItem as QStandardItem, QStandardItemModel as QStandardItemModel,
    QTextCursor as QTextCursor, QUndoCommand as QUndoCommand, QUndoStack as QUndoStack,
    QValidator as QValidator, QWheelEvent as QWheelEvent,
)

from PySide6.QtWidgets import (
    QAbstractItemDelegate as QAbstractItemDelegate, QAbstractItemView as QAbstractItemView,
    QApplication as QApplication, QBoxLayout as QBoxLayout, QButtonGroup as QButtonGroup,
    QCheckBox as QCheckBox, QComboBox as QComboBox, QCompleter as QCompleter, QDialog as QDialog,
    QDialogButtonBox as QDialogButtonBox, QDockWidget as QDockWidget, QFileDialog as QFileDialog,
    QFormLayout as QFormLayout, QFrame as QFrame, QGridLayout as QGridLayout,
    QGroupBox as QGroupBox, QHBoxLayout as QHBoxLayout, QHeaderView as QHeaderView,
    QLabel as QLabel, QLineEdit as QLineEdit, QListWidget as QListWidget,
    QListWidgetItem as QListWidgetItem, QMainWindow as QMainWindow, QMenu as QMenu,
    QMenuBar as QMenuBar, QMessageBox as QMessageBox, QPlainTextEdit as QPlainTextEdit,
    QPushButton as QPushButton, QRadioButton as QRadioButton, QScrollArea as QScrollArea,
    QSizePolicy as QSizePolicy, QSpinBox as QSpinBox, QStackedWidget as QStackedWidget,
    QSplitter as QSplitter, QStatusBar as QStatusBar, QStyle as QStyle,
    QStyledItemDelegate as QStyledItemDelegate, QStyleOptionComboBox as QStyleOptionComboBox,
    QStyleOptionViewItem as QStyleOptionViewItem, QStylePainter as QStylePainter,
    QTableView as QTableView, QTabWidget as QTabWidget, QTextBrowser as QTextBrowser,
    QTextEdit as QTextEdit, QToolBar as QToolBar, QToolButton as QToolButton, QToolTip as QToolTip,
    QVBoxLayout as QVBoxLayout, QWidget as QWidget,
)

QT_VERSION: str
__all__: list[str]
