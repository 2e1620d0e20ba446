"""Writes that fail half-way: a refused COMMIT, a copy onto a full disk.

- ``transaction()`` (the CLI writers' unit of work): SQLite keeps a transaction open when COMMIT
  fails with SQLITE_BUSY (another program reading the file); it must be rolled back, not left open
  for the next write to join silently.
- ``copy_document()`` (另存为副本): a failed copy leaves no hidden partial file beside the target
  (it kept the U盘 full for every later edit) and says why in Chinese.
"""
from __future__ import annotations

import sqlite3

import pytest

from selfeval_desktop.db import repo
from selfeval_desktop.db.document import (DocumentError, copy_document, create_document,
                                          open_document)
from selfeval_desktop.domain.model import Document, Project, Unit


@pytest.fixture
def doc_path(tmp_path):
    path = tmp_path / "自评.sqlite"
    opened = create_document(path)
    repo.save_document(opened.conn, Document(unit=Unit(name="某县科学技术局"), year=2021,
                                             projects=[Project(name="科技创新服务项目")]))
    opened.close()
    return path


def phone_on_disk(path) -> str:
    opened = open_document(path, readonly=True)
    try:
        return repo.load_document(opened.conn).projects[0].phone
    finally:
        opened.close()


def test_a_commit_refused_by_a_reader_is_rolled_back(doc_path):
    opened = open_document(doc_path)
    conn = opened.conn
    conn.execute("PRAGMA busy_timeout = 100")     # instead of 3 s
    pid = repo.load_document(conn).projects[0].id
    reader = sqlite3.connect(doc_path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM project").fetchone()   # SHARED lock held
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        repo.update_project(conn, pid, phone="1")
    assert not conn.in_transaction                  # not left open for the next write to join
    reader.close()
    repo.update_project(conn, pid, phone="2")
    opened.close()
    assert phone_on_disk(doc_path) == "2"


class _FullDisk:
    """A connection whose backup fills the disk: the copy is written, then SQLite gives up."""

    def __init__(self, conn):
        self._conn = conn

    def backup(self, dest):
        self._conn.backup(dest)
        raise sqlite3.OperationalError("database or disk is full")


def test_a_failed_copy_leaves_nothing_behind_and_says_why_in_chinese(doc_path, tmp_path):
    target_dir = tmp_path / "U盘"
    target_dir.mkdir()
    opened = open_document(doc_path)
    try:
        with pytest.raises(DocumentError) as caught:
            copy_document(_FullDisk(opened.conn), target_dir / "副本.sqlite")
    finally:
        opened.close()
    assert "磁盘空间不足" in str(caught.value) and "副本.sqlite" in str(caught.value)
    assert "disk" not in str(caught.value)
    assert list(target_dir.iterdir()) == []          # no .副本.sqlite.tmp-…, no -journal


def test_a_copy_into_a_missing_folder_is_said_in_chinese(doc_path, tmp_path):
    opened = open_document(doc_path)
    try:
        with pytest.raises(DocumentError) as caught:
            copy_document(opened.conn, tmp_path / "拔出的U盘" / "副本.sqlite")
    finally:
        opened.close()
    # the folder named (no temporary ~$…tmp name, no SQLite English)
    assert f"文件夹“{tmp_path / '拔出的U盘'}”不存在" in str(caught.value)
    assert "unable" not in str(caught.value) and "~$" not in str(caught.value)


def test_a_copy_that_succeeds_is_complete(doc_path, tmp_path):
    opened = open_document(doc_path)
    try:
        copy_document(opened.conn, tmp_path / "副本.sqlite")
    finally:
        opened.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert phone_on_disk(tmp_path / "副本.sqlite") == phone_on_disk(doc_path)
