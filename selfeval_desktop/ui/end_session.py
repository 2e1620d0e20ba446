"""Logging out or shutting down with the window open: what is being typed is written and the
file's lock released, as 退出 does — without a question nobody is there to answer.

A Linux session ends its programs with SIGTERM; Python's default is to die at
once, so the 负责人 typed half a second before was lost and the ``~$…lock`` stayed (the next
open then said the file was open elsewhere). Windows and X11 session managers ask through
``commitDataRequest`` first.

A Python signal handler runs only when Python runs; inside Qt's event loop that is never, so
the signal is also written to a socket (``signal.set_wakeup_fd``) that Qt watches: the loop wakes,
Python runs the handler, and the window closes as 退出 closes it.
"""
from __future__ import annotations

import signal
import socket

from .qt import QSocketNotifier, QTimer

ENDING_SIGNALS = ("SIGTERM", "SIGHUP")


def install(app, window) -> None:
    """Make the session's end close ``window``'s document cleanly."""
    app.commitDataRequest.connect(lambda _manager: save_now(window))
    try:
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        signal.set_wakeup_fd(writer.fileno())
    except (OSError, ValueError):      # not the main thread, or no sockets: default handling
        return
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda *_: _drain(reader))
    app._end_session = (reader, writer, notifier)     # kept alive with the application
    for name in ENDING_SIGNALS:
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, lambda *_: QTimer.singleShot(0, lambda: end(app, window)))


def _drain(reader) -> None:
    try:
        while reader.recv(64):
            pass
    except OSError:        # nothing more to read (non-blocking)
        pass


def save_now(window) -> None:
    """Write what is being typed and the place on screen (the session manager asks; the program
    may be ended right after)."""
    if window.page is not None:
        window.page.flush()
    window.save_settings()


def end(app, window) -> None:
    """Close the document without asking (typing written, lock released) and quit. A dialog
    open at that moment is closed first, and the document only once its code has returned
    (else code after the dialog runs against a document already closed)."""
    if getattr(window, "busy", ""):
        # an export under way (ui.busy): its file is finished first, then the end; closing now
        # would be refused by the window and the program would stay running
        QTimer.singleShot(100, lambda: end(app, window))
        return
    modal = app.activeModalWidget()
    if modal is not None:
        modal.reject() if hasattr(modal, "reject") else modal.close()
        QTimer.singleShot(0, lambda: end(app, window))
        return
    window.save_settings()
    window.close_document(ask=False)
    app.quit()
