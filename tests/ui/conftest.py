"""Fixtures shared by the window tests: the sample document on disk, opened in a session."""
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


@pytest.fixture(autouse=True)
def _closing_asks_nobody(monkeypatch):
    """A window closed at a test's end with unsaved work (a write-failure test) would wait for an
    answer to close_guard's question that nobody gives: 仍然关闭, unless the test answers itself."""
    from selfeval_desktop.ui import close_guard
    monkeypatch.setattr(close_guard, "ask_unsaved", lambda parent, text: close_guard.CLOSE)
