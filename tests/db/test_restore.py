"""恢复为此版本 (db.restore): the backup's content, the file's journal kept: a
backup from before a 定稿 restored took the 定稿's stored record with it, and the stamped paper's
校验码 was then “not printed from this file”."""
from __future__ import annotations

import pytest

from selfeval_desktop.db import finalize as fin
from selfeval_desktop.db import repo, snapshots
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.db.document import open_document
from selfeval_desktop.db.restore import restore, undone


@pytest.fixture
def stamped(tmp_path):
    """Seed 003 backed up, then its project finalized: (path, store, backup, conn, change)."""
    path, store = tmp_path / "003.sqlite", tmp_path / "备份"
    write_demo(path, seed="003")
    before = snapshots.take(path, store, path, "open")
    opened = open_document(path)
    doc = repo.load_document(opened.conn)
    [change] = fin.finalize(opened.conn, doc, [doc.projects[0]])
    yield path, store, before, opened.conn, change
    opened.close()


def test_a_restore_keeps_the_record_of_a_stamp_made_after_the_backup(stamped):
    path, _store, before, conn, change = stamped
    assert [u.code for u in undone(before, conn)] == [change.code]     # what the question names
    taken_back = restore(before, conn)
    assert [(u.project_id, u.code) for u in taken_back] == [(change.project.id, change.code)]
    now = repo.load_document(conn).projects[0]
    assert not now.finalized_at and not now.digest                  # the backup's content …
    assert change.digest in repo.finalized_snapshots(conn)          # … and the paper's record
    actions = [(r["action"], r["detail"]) for r in repo.history(conn)]
    assert actions[-2][0] == "finalize"                              # the journal goes on
    assert actions[-1][0] == "restore" and change.code in actions[-1][1]
    assert f"恢复为 {before.shown} 的备份（打开时）" in actions[-1][1]
    assert snapshots.current(path)[1] == before.digest          # the backup's content, as shown


def test_a_backup_holding_the_same_stamp_takes_nothing_back(stamped):
    path, store, _before, conn, change = stamped
    after = snapshots.take(conn, store, path, "manual")
    conn.execute("UPDATE project SET leader = '改过'")           # (as a program outside might)
    assert undone(after, conn) == []
    assert restore(after, conn) == []
    assert repo.load_document(conn).projects[0].digest == change.digest
    assert "撤回" not in repo.history(conn)[-1]["detail"]


def test_lines_only_the_backup_has_are_kept_in_time_order(stamped):
    path, _store, before, conn, _change = stamped
    conn.execute("DELETE FROM history WHERE action != 'finalize'")  # (an earlier release's restore)
    restore(before, conn)
    rows = repo.history(conn)
    times = [r["at"] for r in rows]
    assert times == sorted(times)
    assert [r["action"] for r in rows][-2:] == ["finalize", "restore"]
    assert rows[0]["action"] == "demo"                             # from the backup


def test_a_failed_restore_leaves_the_file_and_its_journal(stamped, tmp_path):
    path, _store, before, conn, change = stamped
    broken = snapshots.Snapshot(tmp_path / "x.sqlite", before.time, "open", before.digest)
    (tmp_path / "x.sqlite").write_bytes(b"not a database at all, not even close" * 10)
    with pytest.raises(snapshots.SnapshotError):
        restore(broken, conn)
    assert repo.load_document(conn).projects[0].digest == change.digest
    assert repo.history(conn)[-1]["action"] == "finalize"
