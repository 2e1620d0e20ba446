"""One line in the status bar of the main window a widget sits in — for widgets that are also
built on their own (tests, a dialog), where there is no status bar and nothing is said."""
from __future__ import annotations


def say(widget, message: str, ms: int = 10000) -> bool:
    """Show ``message`` for ``ms`` in the status bar of ``widget``'s window; False without one."""
    bar = getattr(widget.window(), "statusBar", None)
    if bar is None:
        return False
    bar().showMessage(message, ms)
    return True
