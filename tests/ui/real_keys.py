"""Typing as a keyboard does: separate press and release events to the widget that has the focus
(the focus moves between keys: grid → editor → completer popup), pauses past the idle save."""
from __future__ import annotations

import shiboken6

from selfeval_desktop.ui.qt import QApplication, QInputMethodEvent, Qt
from selfeval_desktop.ui.tabs.fields import IDLE_MS

K = Qt.Key
NO_MOD = Qt.KeyboardModifier.NoModifier


def _target():
    """Where a key goes: an open popup (its focus widget: a list view), else the focus widget."""
    popup = QApplication.activePopupWidget()
    focused = QApplication.focusWidget()
    if popup is not None and not (focused is not None and popup.isAncestorOf(focused)):
        return popup         # a completer's list: the keys go to it, the focus stays outside
    return focused


def key(qtbot, k, mods=NO_MOD, widget=None) -> None:
    """One key: press, then release, each to the widget with the focus at that moment."""
    from PySide6.QtTest import QTest
    target = widget or _target()
    assert target is not None, "no widget has the keyboard focus"
    QTest.keyPress(target, k, mods)
    if shiboken6.isValid(target) and target is (widget or _target()):
        QTest.keyRelease(target, k, mods)   # (not when the press closed an editor or a popup)
    qtbot.wait(5)


def type_keys(qtbot, text: str) -> None:
    """ASCII as key presses; other characters as an input method commits them, one at a time."""
    for ch in text:
        if ch.isascii():
            key(qtbot, ch)
        else:
            event = QInputMethodEvent("", [])      # to the focus widget, past any popup
            event.setCommitString(ch)
            QApplication.sendEvent(QApplication.focusWidget(), event)
            qtbot.wait(5)


def idle(qtbot) -> None:
    """A pause long enough for the open cell to be saved (grid.typing)."""
    qtbot.wait(IDLE_MS + 300)
