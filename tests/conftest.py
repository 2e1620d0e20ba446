"""Shared test set-up: offscreen Qt, a temporary document per test, backups in a temporary
folder (never the user's own: ``SELFEVAL_BACKUP_DIR``, which child processes inherit too)."""
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def backup_store(tmp_path_factory, monkeypatch):
    """Where this test's window and commands keep their snapshots (备份与恢复)."""
    store = tmp_path_factory.mktemp("backups")
    monkeypatch.setenv("SELFEVAL_BACKUP_DIR", str(store))
    return store
