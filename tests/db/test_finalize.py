"""db.finalize: the one 定稿 / 撤销定稿 the CLI and the window share."""
from __future__ import annotations

import sqlite3

import pytest

from selfeval_desktop.db import finalize as fin
from selfeval_desktop.db import repo
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.db.document import open_document
from selfeval_desktop.domain.digest import check_code, project_digest

from tests.file_helpers import sha


@pytest.fixture
def clean(tmp_path):
    """Seed 003: a project without check errors."""
    path = tmp_path / "003.sqlite"
    write_demo(path, seed="003")
    opened = open_document(path)
    yield path, opened.conn, repo.load_document(opened.conn)
    opened.close()


@pytest.fixture
def faulty(tmp_path):
    """Seed 002: real gaps (no indicators, no 全年执行数)."""
    path = tmp_path / "002.sqlite"
    write_demo(path, seed="002")
    opened = open_document(path)
    yield path, opened.conn, repo.load_document(opened.conn)
    opened.close()


def test_finalize_stores_digest_time_and_history_in_file_and_memory(clean):
    path, conn, doc = clean
    project = doc.projects[0]
    assert fin.can_finalize(doc, project) == (True, [])
    [change] = fin.finalize(conn, doc, [project])
    assert change.changed and change.project is project
    assert project.digest == project_digest(doc, project) == change.digest
    assert change.code == check_code(project.digest) and project.finalized_at == change.at
    on_disk = repo.load_document(conn).projects[0]
    assert (on_disk.digest, on_disk.finalized_at) == (project.digest, project.finalized_at)
    assert [r["action"] for r in repo.history(conn)][-1] == "finalize"
    assert fin.can_finalize(doc, project) == (False, [])     # nothing more to do


def test_finalizing_again_changes_nothing(clean):
    path, conn, doc = clean
    project = doc.projects[0]
    fin.finalize(conn, doc, [project])
    stamp, before = project.finalized_at, sha(path)
    [change] = fin.finalize(conn, doc, [project])
    assert not change.changed and project.finalized_at == stamp
    assert sha(path) == before


def test_errors_refuse_without_touching_file_or_memory(faulty):
    path, conn, doc = faulty
    before = sha(path)
    ok, errors = fin.can_finalize(doc, doc.projects[0])
    assert not ok and errors and all(f.severity == "error" for f in errors)
    with pytest.raises(fin.FinalizeRefused) as refused:
        fin.finalize(conn, doc, doc.projects)
    project, listed = refused.value.blocked[0]
    assert listed == fin.blocking_errors(doc, project)
    assert "个错误" in str(refused.value)
    assert sha(path) == before
    assert not any(p.finalized_at or p.digest for p in doc.projects)


def test_force_finalizes_despite_errors(faulty):
    path, conn, doc = faulty
    changes = fin.finalize(conn, doc, doc.projects, force=True)
    assert all(c.changed for c in changes)
    assert all(p.digest for p in repo.load_document(conn).projects)


def test_unfinalize_clears_and_records(clean):
    path, conn, doc = clean
    project = doc.projects[0]
    fin.finalize(conn, doc, [project])
    [change] = fin.unfinalize(conn, [project])
    assert change.changed and change.digest            # says which digest was dropped
    assert project.finalized_at is None and project.digest is None
    assert repo.load_document(conn).projects[0].digest is None
    assert [r["action"] for r in repo.history(conn)][-1] == "unfinalize"
    [again] = fin.unfinalize(conn, [project])
    assert not again.changed


def test_a_failed_write_leaves_memory_as_it_was(clean, tmp_path):
    path, conn, doc = clean
    readonly = open_document(path, readonly=True)
    try:
        project = doc.projects[0]
        with pytest.raises(sqlite3.Error):
            fin.finalize(readonly.conn, doc, [project])
        assert project.finalized_at is None and project.digest is None
    finally:
        readonly.close()
