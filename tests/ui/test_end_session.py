"""Logging out or shutting down with the window open: a Linux session ends its
programs with SIGTERM, and the text typed just before was lost and the file's lock left behind."""
from __future__ import annotations

import os
from pathlib import Path
import signal
import subprocess
import sys

import pytest

from selfeval_desktop.db.file_lock import lock_path_for

from tests.ui.ui_fixtures import make_file, reread

ROOT = Path(__file__).resolve().parents[2]

TYPING_APP = r"""
import sys
from selfeval_desktop.app import make_application
app = make_application()
from selfeval_desktop.ui import end_session
from selfeval_desktop.ui.main_window import MainWindow
from selfeval_desktop.ui.qt import QApplication, QInputMethodEvent, QSettings, QTimer
window = MainWindow(QSettings(sys.argv[2], QSettings.Format.IniFormat))
end_session.install(app, window)
assert window.file_actions.open_path(sys.argv[1])
window.show()

def type_leader():
    edit = window.page.tab_widgets["overview"].edits["leader"]
    edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("李四")          # as an input method types it; not yet committed
    QApplication.sendEvent(edit, event)
    print("typed", flush=True)
QTimer.singleShot(0, type_leader)
sys.exit(app.exec())
"""


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32",
                    reason="POSIX signals")
@pytest.mark.parametrize("ending", ["SIGTERM", "SIGHUP"])
def test_the_end_of_a_session_writes_what_was_typed_and_releases_the_file(tmp_path, ending):
    path = make_file(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", TYPING_APP, str(path), str(tmp_path / "s.ini")],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout.readline().strip() == "typed"
        assert lock_path_for(path).exists()
        proc.send_signal(getattr(signal, ending))      # within the 0.7 s before it is committed
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert code == 0, proc.stderr.read()
    assert reread(path).projects[0].leader == "李四"
    assert not lock_path_for(path).exists()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_end_with_a_dialog_open_closes_the_dialog_before_the_document(qtbot, tmp_path):
    """Quitting while a dialog was open ran the dialog's caller against a document
    already closed."""
    from selfeval_desktop.ui import end_session
    from selfeval_desktop.ui.qt import QApplication, QMessageBox, QTimer
    from tests.ui.shell_helpers import make_window
    window = make_window(qtbot, tmp_path, make_file(tmp_path))
    app = QApplication.instance()
    quits = []
    app.aboutToQuit.connect(lambda: quits.append(1))
    seen = {}

    def ask():
        box = QMessageBox(QMessageBox.Icon.Question, "问", "要继续吗？", QMessageBox.StandardButton.Ok,
                          window)
        QTimer.singleShot(50, lambda: end_session.end(FakeApp(app), window))
        box.exec()
        seen["session"] = window.session              # what the caller finds after the box

    class FakeApp:                                     # the real application, without quitting
        def __init__(self, real):
            self.real = real

        def activeModalWidget(self):
            return self.real.activeModalWidget()

        def quit(self):
            seen["quit"] = True
    ask()
    assert seen["session"] is not None                   # still open when the caller went on
    qtbot.waitUntil(lambda: seen.get("quit", False), timeout=2000)
    assert window.session is None
