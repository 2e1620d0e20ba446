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
