"""备份与恢复's store (db.snapshots): consistent snapshots, not duplicated, pruned by the retention
rule, listed with what they hold, restored into the open document through its own connection."""
from datetime import datetime, timedelta
import os
from pathlib import Path
import shutil

import pytest

from selfeval_desktop.db import repo, snapshots
from selfeval_desktop.db.restore import restore
from selfeval_desktop.db.document import create_document, open_document
from selfeval_desktop.domain.model import Document, Project, Unit

FIXTURES = Path(__file__).parent / "fixtures"


def write(path: Path, names=("学术交流活动经费", "科普宣传经费")) -> Path:
    opened = create_document(path)
    doc = Document(unit=Unit(name="河池市科学技术协会"), year=2020,
                   projects=[Project(name=n) for n in names])
    repo.save_document(opened.conn, doc, action="test")
    opened.close()
    return path


def names_in(path: Path) -> list[str]:
    opened = open_document(path, readonly=True)
    try:
        return [p.name for p in repo.load_document(opened.conn).projects]
    finally:
        opened.close()


@pytest.fixture
def doc(tmp_path):
    return write(tmp_path / "2020年度自评.sqlite")


@pytest.fixture
def store(tmp_path):
    return tmp_path / "备份"


def test_a_closed_file_is_snapshotted_into_its_own_folder(doc, store):
    before = doc.read_bytes()
    snap = snapshots.take(doc, store, doc, "open")
    assert snap is not None and snap.path.exists() and snap.label == "打开时"
    assert snap.path.parent == snapshots.folder_for(store, doc)
    assert snap.path.name.startswith(snap.time.strftime("%Y%m%d-%H%M%S") + "_打开时_")
    assert names_in(snap.path) == ["学术交流活动经费", "科普宣传经费"]
    assert doc.read_bytes() == before                      # the document is only read
    assert (snap.path.parent / snapshots.SOURCE_NOTE).read_text(encoding="utf-8").strip() == \
        str(doc.absolute())
    assert [s.path for s in snapshots.list_snapshots(store, doc)] == [snap.path]
    assert not [p for p in snap.path.parent.iterdir() if p.name.startswith("~$")]


def test_content_identical_to_the_latest_is_not_written_again(doc, store):
    first = snapshots.take(doc, store, doc, "open")
    assert snapshots.take(doc, store, doc, "close") is None          # nothing changed
    opened = open_document(doc)
    try:
        assert snapshots.take(opened.conn, store, doc, "periodic") is None
        opened.conn.execute("UPDATE project SET name = '改过的名字' WHERE position = 0")
        second = snapshots.take(opened.conn, store, doc, "periodic")
    finally:
        opened.close()
    assert second is not None and second.digest != first.digest
    assert [s.path for s in snapshots.list_snapshots(store, doc)] == [second.path, first.path]
    assert names_in(second.path)[0] == "改过的名字"


def test_an_edit_and_its_undo_are_the_same_content(doc, store):
    """AUTOINCREMENT counters and page layout are not content: a row added and removed again
    leaves the document as it was, and no second snapshot is written."""
    snapshots.take(doc, store, doc, "open")
    opened = open_document(doc)
    try:
        opened.conn.execute("INSERT INTO history (at, action) VALUES ('x', 'y')")
        opened.conn.execute("DELETE FROM history WHERE action = 'y'")
        opened.conn.execute("VACUUM")
        assert snapshots.take(opened.conn, store, doc, "close") is None
    finally:
        opened.close()


def test_a_connection_in_the_middle_of_a_change_is_not_snapshotted(doc, store):
    opened = open_document(doc)
    try:
        opened.conn.execute("BEGIN IMMEDIATE")
        opened.conn.execute("UPDATE project SET name = '半截'")
        with pytest.raises(snapshots.SnapshotError):
            snapshots.take(opened.conn, store, doc, "periodic")
        opened.conn.execute("ROLLBACK")
    finally:
        opened.close()
    assert snapshots.list_snapshots(store, doc) == []


def test_an_unwritable_store_raises_in_chinese_and_leaves_the_document_alone(doc, tmp_path):
    blocker = tmp_path / "不是文件夹"
    blocker.write_text("x")
    before = doc.read_bytes()
    with pytest.raises(snapshots.SnapshotError, match="备份未完成"):
        snapshots.take(doc, blocker / "备份", doc, "open")
    assert doc.read_bytes() == before


def _fake(folder: Path, when: datetime, reason="periodic", digest=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    digest = digest or f"{abs(hash(when)) % (16 ** 12):012x}"
    path = folder / f"{when:%Y%m%d-%H%M%S}_{snapshots.REASONS[reason]}_{digest}.sqlite"
    path.write_bytes(b"")
    return path


def test_retention_keeps_the_last_day_densely_then_one_a_day():
    now = datetime(2025, 3, 31, 18, 0)
    times = [now - timedelta(minutes=30 * i) for i in range(30)]          # the last 15 hours
    times += [datetime(2025, 3, 20, h) for h in (9, 12, 17)]               # an older day
    times += [datetime(2025, 2, 1, 10)]                                    # older than 30 days
    snaps = sorted((snapshots.Snapshot(Path(f"/s/{t:%Y%m%d%H%M}"), t, "periodic", "0" * 12)
                    for t in times), key=lambda s: s.time, reverse=True)
    gone = {s.time for s in snapshots.expired(snaps, now)}
    kept = [s.time for s in snaps if s.time not in gone]
    assert kept[:20] == times[:20]                                         # all of the last day
    assert datetime(2025, 3, 20, 17) in kept                               # the last of that day
    assert {datetime(2025, 3, 20, 9), datetime(2025, 3, 20, 12)} <= gone
    assert datetime(2025, 2, 1, 10) in gone
    # the last day's 21st onwards: not kept densely, and their day already has its newest
    assert set(times[20:30]) <= gone


def test_the_latest_snapshot_is_kept_however_old():
    old = datetime(2024, 1, 5, 9)
    snaps = [snapshots.Snapshot(Path("/s/a"), old, "close", "1" * 12),
             snapshots.Snapshot(Path("/s/b"), old - timedelta(days=3), "open", "2" * 12)]
    assert [s.path for s in snapshots.expired(snaps, datetime(2025, 1, 1))] == [Path("/s/b")]


def test_pruning_runs_after_each_snapshot(doc, store):
    folder = snapshots.folder_for(store, doc)
    now = datetime.now()
    old = [_fake(folder, now - timedelta(days=40 + i)) for i in range(3)]
    same_day = [_fake(folder, (now - timedelta(days=5)).replace(hour=h)) for h in (8, 9, 10)]
    snapshots.take(doc, store, doc, "open")
    left = {p.name for p in folder.iterdir()}
    assert not any(p.name in left for p in old)
    assert [p.name in left for p in same_day] == [False, False, True]


def test_list_summary_and_comparison(doc, store):
    first = snapshots.take(doc, store, doc, "open")
    opened = open_document(doc)
    try:
        opened.conn.execute("DELETE FROM project WHERE name = '科普宣传经费'")
        second = snapshots.take(opened.conn, store, doc, "delete")
    finally:
        opened.close()
    held = snapshots.summary(first)
    assert (held.unit, held.year, held.projects) == ("河池市科学技术协会", 2020,
                                                     ["学术交流活动经费", "科普宣传经费"])
    now = snapshots.current(doc)
    assert snapshots.compared(held, first.digest, *now) == "比现在多 1 个项目：“科普宣传经费”"
    assert snapshots.compared(snapshots.summary(second), second.digest, *now) == "与现在的内容相同"
    assert [p["name"] for p in snapshots.scores(first)] == ["学术交流活动经费", "科普宣传经费"]


def test_a_snapshot_is_found_by_its_number_or_its_time(doc, store):
    first = snapshots.take(doc, store, doc, "open", now=datetime(2025, 3, 14, 9, 12, 30))
    opened = open_document(doc)
    try:
        opened.conn.execute("UPDATE project SET name = 'x' WHERE position = 0")
        second = snapshots.take(opened.conn, store, doc, "close",
                                now=datetime(2025, 3, 14, 9, 40, 1))
    finally:
        opened.close()
    listed = snapshots.list_snapshots(store, doc)
    assert snapshots.find(listed, "1") == second
    assert snapshots.find(listed, "2025-03-14 09:12") == first
    assert snapshots.find(listed, "20250314-094001") == second
    with pytest.raises(snapshots.SnapshotError, match="请写到秒"):
        snapshots.find(listed, "2025-03-14")
    with pytest.raises(snapshots.SnapshotError, match="没有第 3 个备份"):
        snapshots.find(listed, "3")


def test_the_store_lists_the_documents_it_has_backups_of(tmp_path, store):
    a, b = write(tmp_path / "a.sqlite"), write(tmp_path / "b.sqlite", ("科普",))
    snapshots.take(a, store, a, "open")
    snapshots.take(b, store, b, "open")
    b.unlink()                                   # a file deleted: its backups are still found
    assert sorted(d.path.name for d in snapshots.documents(store)) == ["a.sqlite", "b.sqlite"]


def test_restore_replaces_the_content_through_the_open_connection(doc, store):
    snap = snapshots.take(doc, store, doc, "open")
    inode = os.stat(doc).st_ino
    opened = open_document(doc)
    try:
        opened.conn.execute("DELETE FROM project")
        restore(snap, opened.conn)
        assert [r[0] for r in opened.conn.execute("SELECT name FROM project ORDER BY position")] \
            == ["学术交流活动经费", "科普宣传经费"]
        assert opened.conn.execute("SELECT action, detail FROM history ORDER BY id DESC").fetchone()[0] \
            == "restore"
    finally:
        opened.close()
    assert os.stat(doc).st_ino == inode          # the same file (its lock, a window following it)
    assert names_in(doc) == ["学术交流活动经费", "科普宣传经费"]
    assert snap.path.exists() and names_in(snap.path) == names_in(doc)


def test_a_snapshot_of_an_older_format_is_restored_in_the_current_one(doc, store, tmp_path):
    folder = snapshots.folder_for(store, doc)
    folder.mkdir(parents=True)
    old = folder / "20240101-090000_打开时_0123456789ab.sqlite"
    shutil.copyfile(FIXTURES / "schema_1_0.sqlite", old)
    before = old.read_bytes()
    [snap] = snapshots.list_snapshots(store, doc)
    opened = open_document(doc)
    try:
        restore(snap, opened.conn)
    finally:
        opened.close()
    from selfeval_desktop.db.document import check_file
    from selfeval_desktop.db.schema import CURRENT_VERSION
    assert check_file(doc) == CURRENT_VERSION
    assert old.read_bytes() == before                # the store is never written to
    assert list(folder.iterdir()) == [old]


def test_save_as_copies_a_snapshot_into_a_new_file(doc, store, tmp_path):
    snap = snapshots.take(doc, store, doc, "open")
    out = tmp_path / "找回.sqlite"
    snapshots.save_as(snap, out)
    assert names_in(out) == ["学术交流活动经费", "科普宣传经费"]


def test_the_backup_just_restored_reads_the_same_as_the_file(doc, store):
    """The restore's own line in the 修改记录 made every backup, the one just
    restored too, read “项目相同，内容有不同”; the comparison is of what a clerk sees."""
    kept = snapshots.take(doc, store, doc, "manual")
    opened = open_document(doc)
    try:
        opened.conn.execute("UPDATE project SET leader = '改过' WHERE position = 0")
        restore(kept, opened.conn)
    finally:
        opened.close()
    held, digest = snapshots.current(doc)
    assert snapshots.compared(snapshots.summary(kept), kept.digest, held, digest) == "与现在的内容相同"
    assert snapshots.take(doc, store, doc, "close") is None       # nothing new to keep either


def test_a_project_renamed_is_said_renamed_not_one_more_and_one_fewer(doc, store):
    """A renamed project read “比现在多 1 个项目 ‘未命名项目’；比现在少 1 个项目
    ‘高频…’”, though it is the same project: projects are matched by id, as the pane below does."""
    kept = snapshots.take(doc, store, doc, "manual")
    opened = open_document(doc)
    try:
        opened.conn.execute("UPDATE project SET name = '' WHERE name = '科普宣传经费'")
    finally:
        opened.close()
    held, digest = snapshots.current(doc)
    assert snapshots.compared(snapshots.summary(kept), kept.digest, held, digest) == \
        "项目改名：“科普宣传经费”→“未命名项目”"


def test_the_comparison_says_what_differs_within_a_project(tmp_path, store):
    """“项目相同，内容有不同” never said what differed, so the clerk opened each
    backup; now the project, its 总分 in the backup → now, and each change (the pane's lines)."""
    from selfeval_desktop.db.demo import build_demo
    doc = tmp_path / "2021年度自评.sqlite"
    opened = create_document(doc)
    repo.save_document(opened.conn, build_demo("004"), action="test")
    opened.close()
    kept = snapshots.take(doc, store, doc, "manual")
    opened = open_document(doc)
    try:
        name = opened.conn.execute("SELECT name FROM project ORDER BY position LIMIT 1 OFFSET 1"
                                   ).fetchone()[0]
        opened.conn.execute("UPDATE project SET leader = '张三', executed_fen = executed_fen / 2 "
                            "WHERE name = ?", (name,))
    finally:
        opened.close()
    held, (now, digest) = snapshots.summary(kept), snapshots.current(doc)
    detail = snapshots.differences(kept, held, snapshots.current_document(doc), now)
    assert snapshots.compared(held, kept.digest, now, digest, detail=detail) == \
        f"“{name}”：得分 60.00→55.00，改了 2 处"
    assert detail.lines() == [f"“{name}”：得分 60.00→55.00，改了 2 处",
                              "　· 项目负责人：（空） → “张三”",
                              "　· 预算表·年度资金总额 全年执行数：120 万元 → 60 万元"]
