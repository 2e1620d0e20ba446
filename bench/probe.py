"""The startup probe of the reference windows (bare, floor): the same signal the app gives with
``SELFEVAL_STARTUP_PROBE=1`` — ``shown <epoch seconds> <rss kB>`` once the window has painted and
the event loop is idle — then quit. Imported by bare_window.py and floor_window.py only."""
import time

from PySide6.QtCore import QEvent, QObject, QTimer


def rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Probe(QObject):
    done = False

    def __init__(self, app):
        super().__init__()
        self.app = app

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        print(f"shown {time.time():.6f} {rss_kb()}", flush=True)
        self.app.quit()


def run(app, window) -> None:
    """Show ``window``, report once it has painted, and quit."""
    probe = Probe(app)
    window.installEventFilter(probe)
    window.show()
    app.exec()
