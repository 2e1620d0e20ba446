"""SIGKILL right after edits: every committed edit is in the file when it is opened again.

The app runs as a real process (offscreen) with a small driver that types through the real
widgets: a field left with Tab, a field still being typed (committed after the pause), a new
project from the list, an evaluator cell in the grid, the fiscal year. It prints a line after
each edit; the test kills it with SIGKILL right after the last one and reads the file with
db.repo. The stale lock the killed process left is taken over by the next window.
"""
from __future__ import annotations

import os
from pathlib import Path
import signal
import subprocess
import sys

import pytest

from selfeval_desktop.db.file_lock import lock_path_for

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
ROOT = Path(__file__).resolve().parents[2]

DRIVER = r"""
import sys
from selfeval_desktop.app import make_application
app = make_application()
from selfeval_desktop.ui.main_window import MainWindow
from selfeval_desktop.ui.qt import (QApplication, QEvent, QInputMethodEvent, QKeyEvent, QSettings,
                                    Qt, QTimer)
from selfeval_desktop.ui.tabs.fields import IDLE_MS

path, settings = sys.argv[1], sys.argv[2]
window = MainWindow(QSettings(settings, QSettings.Format.IniFormat))
assert window.file_actions.open_path(path)
window.show()
overview = window.page.tab_widgets["overview"]

def ime(widget, text):
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)

def key(widget, k):
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, k, Qt.KeyboardModifier.NoModifier))

def say(text):
    print(text, flush=True)

def step1():
    leader = overview.edits["leader"]
    window.activateWindow()
    leader.setFocus()
    ime(leader, "王小明")
    key(leader, Qt.Key.Key_Tab)          # leaving the field commits it
    say("leader")
    phone = overview.edits["phone"]
    phone.setFocus()
    ime(phone, "0311-66668888")          # still typing: committed after the pause
    QTimer.singleShot(IDLE_MS + 300, step2)

def step2():
    say("phone")
    window.page.projects.add_project()
    window.session.set_value("project", window.page.pid, None, "name", "新增的项目")
    say("project")
    window.page.projects.select_pid(window.session.document.projects[0].id)
    conclusion = window.page.tab_widgets["conclusion"]
    model = conclusion.evaluators.model
    assert model.setData(model.index(0, 1), "副局长", Qt.ItemDataRole.EditRole)
    say("evaluator")
    year = window.page.header.year
    year.setValue(2022)
    year.editingFinished.emit()
    say("year")
    say("done")

QTimer.singleShot(50, step1)
app.exec()
"""


def test_kill_after_edits_loses_nothing_committed(qtbot, tmp_path):
    path = make_file(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    proc = subprocess.Popen([sys.executable, "-c", DRIVER, str(path), str(tmp_path / "s.ini")],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    said = []
    try:
        for line in proc.stdout:
            said.append(line.strip())
            if said[-1] == "done":
                break
    finally:
        proc.send_signal(signal.SIGKILL)  # no closeEvent, no cleanup: as a power cut
        proc.wait(timeout=30)
    assert said == ["leader", "phone", "project", "evaluator", "year", "done"], \
        proc.stderr.read()[-3000:]
    assert proc.returncode == -signal.SIGKILL
    assert lock_path_for(path).exists()  # left behind by the killed window

    doc = reread(path)
    first = doc.projects[0]
    assert first.leader == "王小明"
    assert first.phone == "0311-66668888"
    assert [p.name for p in doc.projects] == ["科技创新服务项目", "新增的项目"]
    assert first.evaluators[0].title == "副局长"
    assert doc.year == 2022

    # the next window takes the stale lock over and edits normally
    window = make_window(qtbot, tmp_path, path, show=False)
    assert not window.session.readonly
    window.close()
    assert not lock_path_for(path).exists()
