"""Fixtures shared by the window tests: the sample document on disk, opened in a session, and
the widgets the tests of several modules drive."""
import pytest

from tests.ui.ui_fixtures import make_file, open_session


@pytest.fixture
def path(tmp_path):
    return make_file(tmp_path)


@pytest.fixture
def session(qapp, path):
    s = open_session(path)
    yield s
    s.conn.close()


@pytest.fixture
def pid(session):
    return session.document.projects[0].id


@pytest.fixture
def window(qtbot, tmp_path, path):
    """The main window (its own settings) with the sample document open, shown at 1366×768."""
    from tests.ui.shell_helpers import make_window
    return make_window(qtbot, tmp_path, path)


@pytest.fixture
def setup(qtbot, path):
    """The 绩效指标 grid alone (no window) on the first project, shown and given the focus:
    (grid, model, session)."""
    from selfeval_desktop.ui.delegates import TextDelegate
    from selfeval_desktop.ui.grid import Grid
    from selfeval_desktop.ui.models.indicator_model import IndicatorModel
    session = open_session(path)
    model = IndicatorModel(session)
    model.set_project(session.document.projects[0].id)
    grid = Grid()
    grid.setItemDelegate(TextDelegate(grid))
    grid.setModel(model)
    qtbot.addWidget(grid)
    grid.resize(1200, 400)
    grid.show()
    qtbot.waitExposed(grid)
    grid.setFocus()
    yield grid, model, session
    session.conn.close()


@pytest.fixture
def tab(qtbot, path):
    """The 绩效指标 tab alone (no window) on the first project, its grade label connected as the
    window connects it: tab.grade_label shows the live score and grade."""
    from selfeval_desktop.ui.qt import QLabel
    from selfeval_desktop.ui.tabs.indicators_tab import IndicatorsTab
    session = open_session(path)
    tab = IndicatorsTab(session, None)
    qtbot.addWidget(tab)
    pid = session.document.projects[0].id
    tab.set_project(pid)
    tab.resize(1300, 600)
    tab.show()
    qtbot.waitExposed(tab)
    tab.grid.setFocus()
    # the grade label as the shell connects it
    tab.grade_label = QLabel()
    session.scoreChanged.connect(lambda p: tab.grade_label.setText(
        f"{session.score(p).total} {session.score(p).grade}"))
    yield tab
    session.conn.close()


@pytest.fixture
def warnings(monkeypatch):
    """The texts of the warning and information boxes shown: recorded, not waiting for a click."""
    from selfeval_desktop.ui.qt import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    return shown


@pytest.fixture(autouse=True)
def _closing_asks_nobody(monkeypatch):
    """A window closed at a test's end with unsaved work (a write-failure test) would wait for an
    answer to close_guard's question that nobody gives: 仍然关闭, unless the test answers itself."""
    from selfeval_desktop.ui import close_guard
    monkeypatch.setattr(close_guard, "ask_unsaved", lambda parent, text: close_guard.CLOSE)


UNANSWERED_AFTER_MS = 5000


@pytest.fixture(autouse=True)
def _no_dialog_waits_forever(monkeypatch):
    """A modal question a test does not answer (a new dialog added to a path the test walks) used
    to wait for ever: pytest-timeout's signal cannot reach Python inside Qt's modal loop, and CI
    ran out of time with no word of which test. Now such a dialog is closed after a few seconds
    and the test fails naming it; tests that answer a real dialog by timer still can."""
    from selfeval_desktop.ui.qt import QDialog, QMessageBox, QTimer
    left = []

    def guarded(original):
        def exec_(self):
            def give_up():
                if self.isVisible():
                    text = self.text() if isinstance(self, QMessageBox) else ""
                    left.append(f"{self.windowTitle()}: {text}")
                    self.reject()
            QTimer.singleShot(UNANSWERED_AFTER_MS, self, give_up)
            return original(self)
        return exec_
    monkeypatch.setattr(QDialog, "exec", guarded(QDialog.exec))
    monkeypatch.setattr(QMessageBox, "exec", guarded(QMessageBox.exec))
    yield
    assert not left, f"a dialog waited for an answer the test never gave: {left}"
