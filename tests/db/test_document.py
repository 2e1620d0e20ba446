"""The one-file document: ours by its header, rollback journal at rest, refused files untouched."""
import hashlib
import os
import sqlite3
import struct

import pytest

from selfeval_desktop.db import repo
from selfeval_desktop.db.document import (DocumentError, copy_document, create_document,
                                          create_in_memory, open_document, schema_version,
                                          transaction, write_atomically)
from selfeval_desktop.db.schema import APPLICATION_ID, CURRENT_VERSION, pack_version

from tests.db.documents import small_document

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def doc_path(tmp_path):
    path = tmp_path / "河池市科协2020.sqlite"
    opened = create_document(path)
    repo.save_document(opened.conn, small_document())
    opened.close()
    return path


def snapshot(path):
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns, len(data)


def header(path):
    raw = path.read_bytes()[:100]
    return {"write_version": raw[18], "read_version": raw[19],
            "user_version": struct.unpack(">i", raw[60:64])[0],
            "application_id": struct.unpack(">i", raw[68:72])[0]}


def set_header(path, user_version=None, application_id=None):
    """Change the header fields through SQLite itself, as another program would."""
    conn = sqlite3.connect(path)
    if user_version is not None:
        conn.execute(f"PRAGMA user_version = {user_version}")
    if application_id is not None:
        conn.execute(f"PRAGMA application_id = {application_id}")
    conn.commit()
    conn.close()


# ------------------------------------------------------------------ identity and journal

def test_new_document_is_marked_as_ours(doc_path):
    h = header(doc_path)
    assert h["application_id"] == APPLICATION_ID
    assert h["user_version"] == pack_version(*CURRENT_VERSION)
    opened = open_document(doc_path)
    assert schema_version(opened.conn) == CURRENT_VERSION
    assert opened.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    opened.close()


def test_rollback_journal_at_rest_after_edits(doc_path):
    opened = open_document(doc_path)
    assert opened.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    pid = repo.load_document(opened.conn).projects[0].id
    repo.update_project(opened.conn, pid, name="学术交流活动经费（调整）")
    repo.update_project(opened.conn, pid, executed=3_900_000)
    # while open, after committed edits: no -wal, no leftover -journal
    names = sorted(p.name for p in doc_path.parent.iterdir())
    assert names == [doc_path.name]
    opened.close()
    h = header(doc_path)
    assert (h["write_version"], h["read_version"]) == (1, 1)  # 1 = rollback journal, 2 = WAL
    assert sorted(p.name for p in doc_path.parent.iterdir()) == [doc_path.name]


def test_a_wal_file_from_elsewhere_is_switched_back_to_rollback(doc_path):
    conn = sqlite3.connect(doc_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    assert header(doc_path)["write_version"] == 2
    opened = open_document(doc_path)
    opened.close()
    assert header(doc_path)["write_version"] == 1
    assert not doc_path.with_name(doc_path.name + "-wal").exists()


def test_foreign_keys_on_and_delete_cascades(doc_path):
    opened = open_document(doc_path)
    conn = opened.conn
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    pid = repo.load_document(conn).projects[0].id
    repo.set_unread(conn, pid, "executed", "三百万")
    repo.add_history(conn, "test")
    repo.delete_project(conn, pid)
    for table in ("indicator", "budget_line", "funding_source", "fund_kind", "conclusion",
                  "unread_input", "evaluator"):
        left = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE project_id = ?", (pid,))
        assert left.fetchone()[0] == 0, table
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO indicator (project_id, position) VALUES (9999, 0)")
    opened.close()


def test_an_editable_document_is_synced_in_full_with_a_rollback_journal(doc_path, tmp_path):
    """DESIGN: a power cut loses at most the keystrokes not yet saved. That needs every commit
    on the disk before it returns (synchronous FULL = 2) and a journal beside the file, never
    WAL (a second file a clerk copies without). Synchronous OFF passed."""
    for opened in (open_document(doc_path), create_document(tmp_path / "new.sqlite")):
        assert opened.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert opened.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        opened.close()


def test_in_memory_document_has_foreign_keys_and_identity():
    conn = create_in_memory()
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert schema_version(conn) == CURRENT_VERSION


def test_money_is_stored_as_integer_fen(doc_path):
    opened = open_document(doc_path)
    conn = opened.conn
    checks = {"project": ["planned_total_fen", "arrived_total_fen", "annual_budget_fen",
                          "executed_fen"],
              "funding_source": ["planned_fen", "arrived_fen"],
              "budget_line": ["planned_fen", "actual_fen"]}
    for table, cols in checks.items():
        for col in cols:
            types = {r[0] for r in conn.execute(f"SELECT typeof({col}) FROM {table} "
                                                f"WHERE {col} IS NOT NULL")}
            assert types == {"integer"}, (table, col, types)
    pid = repo.load_document(conn).projects[0].id
    repo.update_project(conn, pid, spent_total=3_999_999)
    assert conn.execute("SELECT typeof(spent_total_fen), spent_total_fen FROM project "
                        "WHERE id = ?", (pid,)).fetchone()[:] == ("integer", 3_999_999)
    # weights are exact decimal text, never REAL
    assert {r[0] for r in conn.execute("SELECT typeof(weight) FROM indicator")} == {"text"}
    opened.close()


# ------------------------------------------------------------------ refusals leave the file untouched

def _refused(path, *words):
    before = snapshot(path)
    listing = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(DocumentError) as err:
        open_document(path)
    assert snapshot(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == listing  # no backup, no journal
    message = str(err.value)
    assert path.name in message
    for word in words:
        assert word in message, message
    return message


@pytest.mark.parametrize("content", [b"", "项目名称,得分\n学术交流,100\n".encode(), PNG,
                                     b"SQLite format 3\x00" + b"\x00" * 20])
def test_not_sqlite_is_refused(tmp_path, content):
    path = tmp_path / "收到的文件.sqlite"
    path.write_bytes(content)
    _refused(path, "不是绩效自评文件", "未作任何修改")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DocumentError, match="找不到"):
        open_document(tmp_path / "没有.sqlite")
    with pytest.raises(DocumentError, match="文件夹"):
        open_document(tmp_path)


@pytest.mark.parametrize("app_id", [0, 0x0F055112])
def test_foreign_sqlite_database_is_refused(tmp_path, app_id):
    path = tmp_path / "其他程序.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()
    if app_id:
        set_header(path, application_id=app_id)
    _refused(path, "其他程序", "未作任何修改")


def test_our_file_with_foreign_id_is_refused(doc_path):
    set_header(doc_path, application_id=0)
    _refused(doc_path, "不是绩效自评文件")


def test_newer_major_version_is_refused_naming_the_version(doc_path):
    set_header(doc_path, user_version=pack_version(2, 0))
    _refused(doc_path, "2.0", "升级")
    with pytest.raises(DocumentError):
        open_document(doc_path, readonly=True)  # not even read-only


def _corrupt(path, offset, data):
    raw = bytearray(path.read_bytes())
    raw[offset:offset + len(data)] = data
    path.write_bytes(bytes(raw))


def test_corrupt_middle_is_refused(doc_path):
    size = doc_path.stat().st_size
    _corrupt(doc_path, size // 2, b"\xff" * 600)
    _refused(doc_path, "已损坏", "未作任何修改")


def test_truncated_file_is_refused(doc_path):
    raw = doc_path.read_bytes()
    doc_path.write_bytes(raw[:len(raw) // 2])
    _refused(doc_path, "已损坏")


def test_corrupt_index_page_with_undecodable_text_is_refused_not_a_crash(doc_path):
    # overwrite the tail of every b-tree page with bytes that are not UTF-8: quick_check then
    # reports damage quoting those bytes, which must not escape as a UnicodeDecodeError
    page = header_page_size(doc_path)
    raw = bytearray(doc_path.read_bytes())
    for start in range(page, len(raw), page):
        raw[start + page - 700:start + page - 636] = bytes(range(0x80, 0xC0))
    doc_path.write_bytes(bytes(raw))
    _refused(doc_path, "已损坏")


def header_page_size(path):
    size = struct.unpack(">H", path.read_bytes()[16:18])[0]
    return 65536 if size == 1 else size


# ------------------------------------------------------------------ newer minor, read-only

def test_newer_minor_opens_read_only_with_notice(doc_path):
    set_header(doc_path, user_version=pack_version(CURRENT_VERSION[0], CURRENT_VERSION[1] + 1))
    before = snapshot(doc_path)
    opened = open_document(doc_path)
    assert opened.readonly and "只读" in opened.notice
    assert repo.load_document(opened.conn).unit.name == "河池市科学技术协会"
    with pytest.raises(sqlite3.OperationalError):
        repo.update_unit(opened.conn, name="改")
    opened.close()
    assert snapshot(doc_path) == before


def test_read_only_open_never_writes(doc_path):
    before = snapshot(doc_path)
    opened = open_document(doc_path, readonly=True)
    assert opened.readonly
    doc = repo.load_document(opened.conn)
    assert len(doc.projects) == 3
    with pytest.raises(sqlite3.OperationalError):
        repo.add_history(opened.conn, "open")
    opened.close()
    assert snapshot(doc_path) == before
    assert sorted(p.name for p in doc_path.parent.iterdir()) == [doc_path.name]


def test_write_protected_file_opens_read_only(doc_path, monkeypatch):
    """Root may write anything, so ``os.access`` says what a clerk's account would hear (the
    code decides by it): the test runs as root too, where it used to be skipped."""
    real_access = os.access

    def access(path, mode, *args, **kw):
        if mode & os.W_OK and os.path.samefile(path, doc_path):
            return False
        return real_access(path, mode, *args, **kw)
    monkeypatch.setattr(os, "access", access)
    before = snapshot(doc_path)
    os.chmod(doc_path, 0o444)
    try:
        opened = open_document(doc_path)
        assert opened.readonly and opened.notice == "文件为只读，已以只读方式打开"
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            opened.conn.execute("UPDATE project SET name = 'x'")
        opened.close()
    finally:
        os.chmod(doc_path, 0o644)
    assert snapshot(doc_path) == before


# ------------------------------------------------------------------ create, copy, atomic write

def test_create_refuses_an_existing_file(doc_path):
    before = snapshot(doc_path)
    with pytest.raises(DocumentError, match="已存在"):
        create_document(doc_path)
    assert snapshot(doc_path) == before


def test_create_overwrite_that_fails_keeps_the_old_file(doc_path, monkeypatch):
    before = snapshot(doc_path)
    import selfeval_desktop.db.document as document

    def broken(conn):
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(document, "migrate", broken)
    with pytest.raises(Exception):
        create_document(doc_path, overwrite=True)
    assert snapshot(doc_path) == before
    assert sorted(p.name for p in doc_path.parent.iterdir()) == [doc_path.name]


def test_create_overwrite_replaces(doc_path):
    opened = create_document(doc_path, overwrite=True)
    assert repo.load_document(opened.conn).projects == []
    opened.close()


def test_copy_document_is_a_complete_document(doc_path, tmp_path):
    opened = open_document(doc_path)
    target = tmp_path / "副本.sqlite"
    copy_document(opened.conn, target)
    opened.close()
    assert header(target)["application_id"] == APPLICATION_ID
    assert header(target)["write_version"] == 1
    copy, original = open_document(target, readonly=True), open_document(doc_path, readonly=True)
    assert repo.load_document(copy.conn) == repo.load_document(original.conn)
    copy.close()
    original.close()


def test_copy_of_in_memory_document(tmp_path):
    conn = create_in_memory()
    repo.save_document(conn, small_document(1))
    target = tmp_path / "demo.sqlite"
    copy_document(conn, target)
    opened = open_document(target)
    assert repo.load_document(opened.conn).projects[0].name == "学术交流活动经费0"
    opened.close()


def test_write_atomically_failure_leaves_the_target(doc_path):
    before = snapshot(doc_path)

    def build(conn):
        repo.save_document(conn, small_document(1))
        raise ValueError("导入中断")
    with pytest.raises(ValueError):
        write_atomically(doc_path, build)
    assert snapshot(doc_path) == before
    assert sorted(p.name for p in doc_path.parent.iterdir()) == [doc_path.name]


def test_write_atomically_replaces(doc_path):
    write_atomically(doc_path, lambda conn: repo.save_document(conn, small_document(1)))
    opened = open_document(doc_path)
    assert len(repo.load_document(opened.conn).projects) == 1
    opened.close()
    assert sorted(p.name for p in doc_path.parent.iterdir()) == [doc_path.name]


def test_transaction_rolls_back_on_error(doc_path):
    opened = open_document(doc_path)
    with pytest.raises(RuntimeError):
        with transaction(opened.conn):
            opened.conn.execute("DELETE FROM project")
            raise RuntimeError("中途出错")
    assert opened.conn.execute("SELECT COUNT(*) FROM project").fetchone()[0] == 3
    assert not opened.conn.in_transaction
    opened.close()
