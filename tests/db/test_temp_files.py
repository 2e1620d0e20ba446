"""Killed 从上年文件新建 / 导入Excel / 另存为副本 left temporary databases beside the
target (``..X.sqlite.tmp-18423.new-18423``, ``.X.sqlite.tmp-18470`` and its ``-journal``): 16
files after 12 kills, never removed, and a leading dot hides nothing on Windows. Now they are
named ``~$X.sqlite.PID.tmp`` and the next open or write in the folder removes those whose
program is gone — and nothing else."""
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from selfeval_desktop.db import repo, temp_files
from selfeval_desktop.db.document import (copy_document, create_document, open_document,
                                          write_atomically)
from tests.db.documents import small_document
from tests.file_helpers import dead_pid

ROOT = Path(__file__).resolve().parents[2]
LONG_AGO = time.time() - 3600

KILLED_WRITE = textwrap.dedent("""
    import os, sys
    from selfeval_desktop.db import repo
    from selfeval_desktop.db.document import write_atomically
    from tests.db.documents import small_document

    def build(conn):
        conn.execute("BEGIN IMMEDIATE")
        repo.save_document(conn, small_document(3))
        os._exit(9)                                # killed in the middle of building
    write_atomically(sys.argv[1], build)
""")


def age(*paths: Path) -> None:
    for path in paths:
        os.utime(path, (LONG_AGO, LONG_AGO))


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_a_killed_write_leaves_a_temporary_name_that_the_next_open_removes(tmp_path):
    doc = tmp_path / "2021年度科技局绩效自评.sqlite"
    create_document(doc).close()
    target = tmp_path / "2022年度科技局绩效自评.sqlite"
    subprocess.run([sys.executable, "-c", KILLED_WRITE, str(target)], cwd=ROOT,
                   env=dict(os.environ, PYTHONPATH=str(ROOT)), check=False)
    left = names(tmp_path) - {doc.name}
    assert left and not target.exists()
    # named as a temporary file (Office's ~$), not a dotted name close to the real one
    assert all(n.startswith("~$2022年度科技局绩效自评.sqlite.") and ".tmp" in n for n in left)
    age(*(tmp_path / n for n in left))
    open_document(doc).close()                 # the next editable open in that folder
    assert names(tmp_path) == {doc.name}


def test_the_old_names_of_dead_programs_are_removed_when_a_file_is_written(tmp_path):
    pid = dead_pid()
    old = [f".2022年度科技局绩效自评.sqlite.tmp-{pid}",
           f"..2022年度科技局绩效自评.sqlite.tmp-{pid}.new-{pid}",
           f".2022年度科技局绩效自评.sqlite.tmp-{pid}-journal",
           f".副本.sqlite.new-{pid}"]
    source = tmp_path / "源.sqlite"
    create_document(source).close()
    for name in old:
        if name.endswith("-journal"):
            (tmp_path / name).write_bytes(bytes(512))
        else:
            create_document(tmp_path / "scratch.sqlite").close()
            os.replace(tmp_path / "scratch.sqlite", tmp_path / name)
        age(tmp_path / name)
    write_atomically(tmp_path / "新.sqlite", lambda conn: repo.save_document(conn, small_document(1)))
    assert names(tmp_path) == {"源.sqlite", "新.sqlite"}


def _debris(folder: Path, name: str, content: bytes = b"SQLite format 3\x00" + bytes(100),
            old: bool = True) -> Path:
    path = folder / name
    path.write_bytes(content)
    if old:
        age(path)
    return path


def test_nothing_but_our_dead_debris_is_ever_removed(tmp_path):
    dead = dead_pid()
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        kept = [
            _debris(tmp_path, f"~$a.sqlite.{live.pid}.tmp"),           # its program still runs
            _debris(tmp_path, f".a.sqlite.tmp-{live.pid}"),
            _debris(tmp_path, f"~$a.sqlite.{os.getpid()}.tmp"),        # this very program
            _debris(tmp_path, f"~$b.sqlite.{dead}.tmp", old=False),     # maybe another PC, at work
            _debris(tmp_path, f".报表.sqlite.tmp-{dead}", b"PK\x03\x04rest"),  # not what it says
            _debris(tmp_path, f"~$汇总.xlsx.{dead}.tmp", b"SQLite format 3\x00"),
            _debris(tmp_path, f"~$旧表.pdf.{dead}.tmp", b"PK\x03\x04rest"),
            _debris(tmp_path, ".自评表.abcd1234.part", b"not a PDF"),
            _debris(tmp_path, ".自评表.abcd1234.part.bak", b"%PDF-1.4"),
            _debris(tmp_path, ".bashrc", b"export A=1"),
            _debris(tmp_path, f"自评.sqlite.{dead}.tmp"),                # not our name
            _debris(tmp_path, "~$自评.sqlite.lock", b'{"pid": 1}'),
            _debris(tmp_path, "自评.sqlite-journal", bytes(512)),
            _debris(tmp_path, f"~$g.sqlite.lock.{live.pid}.stale", b'{"pid": 1}'),  # still at it
            _debris(tmp_path, f"~$h.sqlite.lock.{dead}.stale", b"not a lock"),
        ]
        (tmp_path / f"~$c.sqlite.{dead}.tmp").mkdir()                # a folder: never
        gone = [_debris(tmp_path, f"~$d.sqlite.{dead}.tmp"),
                _debris(tmp_path, f"~$d.sqlite.{dead}.tmp-journal", b"\xd9\xd5anything"),
                _debris(tmp_path, f"~$e.sqlite.{dead}.tmp", b""),    # killed as it was made
                # what killed 打印 and 导出Excel left, old names and new
                _debris(tmp_path, f"~$表.pdf.{dead}.tmp", b"%PDF-1.4 half"),
                _debris(tmp_path, f"~$报表.xlsx.{dead}.tmp", b"PK\x03\x04half"),
                _debris(tmp_path, f".报表.xlsx.tmp-{dead}", b"PK\x03\x04rest"),
                _debris(tmp_path, f".报表.xlsx.tmp-{dead}.raw", b"PK\x03\x04rest"),
                _debris(tmp_path, ".自评表.k3_x9qz0.part", b"%PDF-1.4 half"),
                # a stale lock moved aside to be deleted, the program killed in between
                _debris(tmp_path, f"~$自评.sqlite.lock.{dead}.stale", b'{"pid": 1}'),
                _debris(tmp_path, f"~$f.sqlite.lock.{dead}.stale", b"")]
        assert sorted(temp_files.remove_debris(tmp_path)) == sorted(gone)
        assert all(p.exists() for p in kept) and (tmp_path / f"~$c.sqlite.{dead}.tmp").is_dir()
    finally:
        live.kill()
        live.wait()


def test_a_failed_write_removes_nothing(tmp_path):
    """No file changed by an operation that failed: the debris waits for one that succeeds."""
    debris = _debris(tmp_path, f"~$x.sqlite.{dead_pid()}.tmp")

    def build(conn):
        raise ValueError("坏数据")
    with pytest.raises(ValueError):
        write_atomically(tmp_path / "新.sqlite", build)
    assert names(tmp_path) == {debris.name}


def test_a_read_only_open_removes_nothing(tmp_path):
    doc = tmp_path / "自评.sqlite"
    create_document(doc).close()
    debris = _debris(tmp_path, f"~$x.sqlite.{dead_pid()}.tmp")
    open_document(doc, readonly=True).close()
    assert debris.exists()
    open_document(doc).close()
    assert not debris.exists()


def test_a_copy_removes_the_debris_of_killed_copies(tmp_path):
    doc = tmp_path / "自评.sqlite"
    opened = create_document(doc)
    debris = _debris(tmp_path, f".自评（副本）.sqlite.tmp-{dead_pid()}")
    try:
        copy_document(opened.conn, tmp_path / "自评（副本）.sqlite")
    finally:
        opened.close()
    assert names(tmp_path) == {"自评.sqlite", "自评（副本）.sqlite"}
    assert not debris.exists()


def test_the_temporary_file_is_hidden_while_built_and_shown_before_it_becomes_the_target(
        tmp_path, monkeypatch):
    """On Windows a rename keeps the hidden attribute: the clerk's file must never turn hidden."""
    seen = []
    from selfeval_desktop import files
    monkeypatch.setattr(files, "set_hidden",
                        lambda path, hidden: seen.append((Path(path).name, hidden,
                                                          (tmp_path / "新.sqlite").exists())))
    write_atomically(tmp_path / "新.sqlite", lambda conn: None)
    tmp = f"~$新.sqlite.{os.getpid()}.tmp"
    assert seen == [(tmp, True, False), (tmp, False, False)]



def test_the_file_opened_or_one_open_in_a_window_is_never_removed(tmp_path):
    """A clerk who opened an old leftover (``.X.sqlite.tmp-PID``) for editing lost
    it — the open's cleanup removed the very file opened; nor may a leftover open in another
    window (a ``~$…lock`` beside it) go."""
    from selfeval_desktop.db.file_lock import lock_path_for
    opened = tmp_path / f".2021年度自评.sqlite.tmp-{dead_pid()}"
    create_document(opened).close()
    held = tmp_path / f".2020年度自评.sqlite.tmp-{dead_pid()}"
    create_document(held).close()
    lock_path_for(held).write_text('{"pid": 1, "host": "x"}', encoding="utf-8")
    for path in (opened, held):
        os.utime(path, (LONG_AGO, LONG_AGO))
    doc = open_document(opened)          # for editing: the folder's debris is cleaned
    try:
        assert opened.exists() and held.exists()
        repo.save_document(doc.conn, small_document(1))
    finally:
        doc.close()
    assert opened.exists()
