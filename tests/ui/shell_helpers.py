"""Helpers for the window-shell tests: a window with its own settings, typing as a user does."""
from __future__ import annotations

import re
from pathlib import Path

from selfeval_desktop.ui.qt import (QApplication, QInputMethodEvent, QSettings, QStandardPaths,
                                    Qt)

# the offscreen platform's note when a window is shown: not a problem of ours
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def menu_of(window, starts: str):
    """The menu-bar menu whose title starts with ``starts`` (文件, 项目 …).

    Found among the window's children, not through ``menuBar().actions()[i].menu()``: PySide6 6.7
    (the build for Kylin) invalidates a menu fetched through a temporary action list as soon as
    the list is dropped ("Internal C++ object already deleted"; the menu itself is fine)."""
    from selfeval_desktop.ui.qt import QMenu
    return next(m for m in window.findChildren(QMenu) if m.title().startswith(starts))


def plain(text: str) -> str:
    """A menu entry's text as the guide and the tests name it: without its access letter and the
    keys after the tab — “打开(&O)…\tCtrl+O” → “打开…”, “&1  a&&b.sqlite” → “1  a&b.sqlite”
    (the letters are the menus' business, tested on their own in test_access_keys)."""
    text = re.sub(r"\(&[^&]\)", "", text.split("\t")[0])
    return re.sub(r"&(.)", r"\1", text)


def texts_of(menu) -> list[str]:
    """The plain texts of ``menu``'s entries (separators left out)."""
    return [plain(a.text()) for a in menu.actions() if a.text()]


def action_named(menu, text: str):
    """The entry of ``menu`` whose plain text is ``text`` (see :func:`plain`)."""
    found = [a for a in menu.actions() if a.text() and plain(a.text()) == text]
    assert found, (text, texts_of(menu))
    return found[0]


def temp_settings(tmp_path: Path) -> QSettings:
    """Settings in a file of the test's own (never the user's)."""
    return QSettings(str(Path(tmp_path) / "settings.ini"), QSettings.Format.IniFormat)


def isolate_paths() -> None:
    QStandardPaths.setTestModeEnabled(True)


def make_window(qtbot, tmp_path, path=None, show=True):
    from selfeval_desktop.ui.main_window import MainWindow
    isolate_paths()
    window = MainWindow(temp_settings(tmp_path))
    qtbot.addWidget(window)
    if path is not None:
        assert window.file_actions.open_path(path)
    if show:
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
    return window


def type_ime(widget, text: str) -> None:
    """Type text as an input method sends it (Chinese): one committed string."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_text(qtbot, widget, text: str) -> None:
    """Type ASCII by key clicks and everything else as an input method would."""
    chunk = ""
    for ch in text:
        if ch.isascii():
            chunk += ch
            continue
        if chunk:
            qtbot.keyClicks(widget, chunk)
            chunk = ""
        type_ime(widget, ch)
    if chunk:
        qtbot.keyClicks(widget, chunk)


def type_cell(qtbot, grid, row, col, text: str) -> None:
    """Type ``text`` into a grid cell as a clerk does (keys, or an input method for Chinese) and
    press Enter."""
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(row, col))
    if text.isascii():
        qtbot.keyClicks(grid, text)
    else:
        type_ime(grid, text)
    qtbot.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Return)


def at(grid) -> tuple[int, int]:
    """The grid cursor's cell: (row, column)."""
    cur = grid.currentIndex()
    return cur.row(), cur.column()


def editor_of(grid):
    """The editor open on the grid cursor's cell, or None when no cell is being typed in."""
    return grid.indexWidget(grid.currentIndex())


def show_grid(qtbot, window, tab_name, grid_name="grid"):
    """The window's tab ``tab_name`` shown and its grid ``grid_name`` given the keyboard focus."""
    tab = window.page.tab_widgets[tab_name]
    window.page.tabs.setCurrentWidget(tab)
    grid = getattr(tab, grid_name)
    focus(qtbot, grid)
    return grid


def focus(qtbot, widget, reason=Qt.FocusReason.OtherFocusReason) -> None:
    widget.window().activateWindow()
    widget.setFocus(reason)
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def activate(qtbot, window):
    """``window`` made the active window: real key presses go to its focus widget."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def show_tab(window, name: str):
    """The window's tab ``name`` (overview, budget, indicators, conclusion) shown; the tab."""
    tab = window.page.tab_widgets[name]
    window.page.tabs.setCurrentWidget(tab)
    return tab


def open_many_rows_tab(qtbot, tmp_path, width=900, height=500):
    """The 绩效指标 tab alone (no window) on ui_fixtures.many_rows_document, shown at width×height
    with its rows fitted; the file is tab.path, its session tab.session (the caller closes it)."""
    from selfeval_desktop.ui.tabs.indicators_tab import IndicatorsTab
    from tests.ui.ui_fixtures import make_file, many_rows_document, open_session
    path = make_file(tmp_path, many_rows_document())
    session = open_session(path)
    tab = IndicatorsTab(session, None)
    tab.path = path
    qtbot.addWidget(tab)
    tab.set_project(session.document.projects[0].id)
    tab.resize(width, height)
    tab.show()
    qtbot.waitExposed(tab)
    tab.grid.setFocus()
    qtbot.wait(20)                     # the rows fitted to their text (grid.fit)
    return tab


def save_as(monkeypatch, target: Path) -> None:
    """The save dialog answered with ``target``."""
    from selfeval_desktop.ui.qt import QFileDialog
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))


def open_as(monkeypatch, target: Path) -> None:
    """The open dialog answered with ``target``."""
    from selfeval_desktop.ui.qt import QFileDialog
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))


def cell(grid, row, col, role=Qt.ItemDataRole.DisplayRole):
    """What the grid's model gives for a cell (by default the text shown)."""
    return grid.model().data(grid.model().index(row, col), role)


def leave(qtbot, widget) -> None:
    """Leave a field the way a user does: Tab to the next one."""
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not widget.hasFocus(), timeout=2000)


FIRST_PAINT_RUN = """\
import json, sys
from selfeval_desktop.app import make_application
from selfeval_desktop.ui.main_window import MainWindow
from selfeval_desktop.ui.qt import QEvent, QObject, QSettings, QTimer
app = make_application()
window = MainWindow(QSettings(sys.argv[2], QSettings.Format.IniFormat))
assert window.file_actions.open_path(sys.argv[1])
ARGS = sys.argv[3:]

{report}

class FirstPaint(QObject):
    seen = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, report)
        return False


window.installEventFilter(FirstPaint(window))
window.show()
app.exec()
"""


def after_first_paint(tmp_path: Path, document: Path, report: str, *args: str) -> str:
    """Run the window in a fresh process on ``document`` and, once it has painted, the script's
    ``report()`` (source text defining it; it prints what the test reads and quits ``app``); the
    process's standard output. A fresh process: what is loaded before the first paint is seen as
    a clerk's start has it."""
    import os
    import subprocess
    import sys
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT_RUN.format(report=report),
                          str(document), str(tmp_path / "settings.ini"), *args],
                         env=env, capture_output=True, text=True, timeout=120)
    return out.stdout + ("\n" + out.stderr[-1000:] if out.returncode else "")
