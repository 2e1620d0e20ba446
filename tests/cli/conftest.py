"""Fixtures for the command-line tests."""
import pytest

from selfeval_desktop.db.demo import write_demo


@pytest.fixture
def seed003(tmp_path):
    """The 河池 demo (seed 003) written to a file, as the commands are given it."""
    path = tmp_path / "hc.sqlite"
    write_demo(path, seed="003")
    return path
