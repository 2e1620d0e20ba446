"""Files of every released schema version open in this program, migrated after a backup.

The fixtures are committed files standing for what users already have on disk
(regenerate with ``python tests/db/fixtures/make_fixtures.py``; see that script).
"""
from decimal import Decimal as D
from pathlib import Path
import shutil
import sqlite3

import pytest

from selfeval_desktop.db import repo, schema
from selfeval_desktop.db.document import DocumentError, open_document, schema_version
from selfeval_desktop.db.schema import APPLICATION_ID, CURRENT_VERSION, pack_version
from selfeval_desktop.domain.model import Source

from tests.file_helpers import sha

FIXTURES = Path(__file__).parent / "fixtures"
RELEASED = {"schema_1_0.sqlite": (1, 0), "schema_1_1.sqlite": (1, 1),
            "schema_1_2.sqlite": (1, 2)}


@pytest.fixture(params=sorted(RELEASED))
def released(request, tmp_path):
    """A copy of one released version's file, and that version."""
    path = tmp_path / "河池市科协2020.sqlite"
    shutil.copy(FIXTURES / request.param, path)
    return path, RELEASED[request.param]


def test_every_schema_version_has_a_fixture():
    versions = set(schema.MIGRATION_VERSIONS.values())
    assert versions == set(RELEASED.values())
    assert max(versions) == CURRENT_VERSION
    for name, version in RELEASED.items():
        conn = sqlite3.connect(f"{(FIXTURES / name).as_uri()}?mode=ro", uri=True)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == pack_version(*version)
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        conn.close()


def test_released_file_opens_migrated_with_its_data_intact(released):
    path, version = released
    original = path.read_bytes()
    opened = open_document(path)
    assert not opened.readonly
    assert opened.version == CURRENT_VERSION
    assert schema_version(opened.conn) == CURRENT_VERSION
    applied = [r[0] for r in opened.conn.execute("SELECT name FROM _sqlite_migrations")]
    assert applied == list(schema.MIGRATION_VERSIONS)

    doc = repo.load_document(opened.conn)
    assert doc.unit.name == "河池市科学技术协会" and doc.unit.region_word == "自治区"
    assert doc.year == 2020 and doc.profile_id == "mof2020"
    assert [p.name for p in doc.projects] == ["学术交流活动经费", "科技创新考察学习项目"]
    first, second = doc.projects
    assert first.leader == "杨哲" and first.postcode == "547000"
    assert first.funding.planned_total == 4_000_000 and first.funding.executed == 4_000_000
    assert first.funding.by_source[Source.LOCAL].arrived == 4_000_000
    assert first.funding.by_source[Source.CENTRAL].planned is None
    assert [(b.code, b.name, b.actual) for b in first.budget_lines] == [
        ("302", "商品和服务支出", 4_000_000)]
    assert [i.name for i in first.indicators][:2] == ["入库专家人数", "编印《河池市科技工作者建议》"]
    assert first.indicators[3].achievement == "达成"
    assert [e.name for e in first.evaluators] == ["黄雷", "张丹妮", "韦晓泉"]
    assert first.conclusions["achievement"].startswith("本项目自评分为100分")
    assert first.stated_total == D(100) and first.stated_grade == "优"
    lecture = second.indicators[1]
    assert (lecture.target, lecture.actual, lecture.weight) == ("≥4次", "1次", D("33.33"))
    assert lecture.override == D(25) and lecture.override_reason.startswith("受疫情影响")
    assert second.indicators[0].weight == D("16.67")
    assert second.funding.executed == 9_640_000
    assert second.unread == ({} if version == (1, 0) else {"spent_total": "约九万"})
    assert second.stated_execution_score == (D("9.64") if version >= (1, 2) else None)
    actions = [h["action"] for h in repo.history(opened.conn)]
    assert actions[0] == "create"
    assert actions[1:] == ([] if version == CURRENT_VERSION else ["migrate"])

    # the migrated file takes edits of the new version
    repo.set_unread(opened.conn, second.id, "executed", "九十六万多")
    opened.close()

    if version < CURRENT_VERSION:
        assert opened.backup is not None and opened.backup.parent == path.parent
        assert opened.backup.read_bytes() == original
        assert f"{version[0]}.{version[1]}" in opened.notice and opened.backup.name in opened.notice
    else:
        assert opened.backup is None
        assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_second_open_does_not_migrate_or_back_up_again(released):
    path, _ = released
    open_document(path).close()
    listing = sorted(p.name for p in path.parent.iterdir())
    before = sha(path)
    opened = open_document(path)
    assert opened.backup is None and opened.notice == ""
    opened.close()
    assert sorted(p.name for p in path.parent.iterdir()) == listing
    assert sha(path) == before


def test_read_only_open_of_old_file_neither_migrates_nor_backs_up(tmp_path):
    path = tmp_path / "旧.sqlite"
    shutil.copy(FIXTURES / "schema_1_0.sqlite", path)
    before, mtime = sha(path), path.stat().st_mtime_ns
    opened = open_document(path, readonly=True)
    assert opened.readonly and opened.version == (1, 0) and opened.backup is None
    assert "较旧" in opened.notice
    # what a read command (score, check, print) does next: load it as it is
    doc = repo.load_document(opened.conn)
    assert [p.name for p in doc.projects] == ["学术交流活动经费", "科技创新考察学习项目"]
    assert all(p.unread == {} for p in doc.projects)
    opened.close()
    assert sha(path) == before and path.stat().st_mtime_ns == mtime
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_backup_name_does_not_overwrite_an_earlier_backup(tmp_path):
    path = tmp_path / "单位.sqlite"
    shutil.copy(FIXTURES / "schema_1_0.sqlite", path)
    earlier = tmp_path / "单位.v1.0备份.sqlite"
    earlier.write_bytes(b"an earlier backup the user keeps")
    opened = open_document(path)
    opened.close()
    assert earlier.read_bytes() == b"an earlier backup the user keeps"
    assert opened.backup != earlier and opened.backup.exists()
    assert opened.backup.read_bytes() == (FIXTURES / "schema_1_0.sqlite").read_bytes()


@pytest.fixture
def failing_migration():
    """A next migration that changes the file, then fails halfway."""
    def m999_broken(db):
        db.execute("ALTER TABLE project ADD COLUMN broken TEXT")
        db.execute("UPDATE project SET name = '被破坏'")
        raise sqlite3.OperationalError("disk I/O error")
    schema.migrations._migrations.append(schema.migrations._Migration("m999_broken", m999_broken))
    yield
    schema.migrations._migrations.pop()


def test_failed_migration_restores_the_original(tmp_path, failing_migration):
    path = tmp_path / "单位.sqlite"
    shutil.copy(FIXTURES / "schema_1_0.sqlite", path)
    original = path.read_bytes()
    with pytest.raises(DocumentError) as err:
        open_document(path)
    assert "恢复" in str(err.value) and path.name in str(err.value)
    # m002 had been committed before m999 failed: the original bytes are back all the same
    assert path.read_bytes() == original
    assert not Path(f"{path}-journal").exists()
    # and the file still opens (read-only, so nothing is tried again)
    opened = open_document(path, readonly=True)
    assert opened.version == (1, 0)
    assert repo.load_document(opened.conn).projects[0].name == "学术交流活动经费"
    opened.close()
