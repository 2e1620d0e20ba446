"""A file left with a hot journal by a crash: read-only opening shows the last saved state and
changes neither the file nor its journal; an editable open recovers it."""
import hashlib
import subprocess
import sys
import textwrap

from selfeval_desktop.db import repo
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.db.document import open_document

CRASH = textwrap.dedent("""
    import os, sqlite3, sys
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("PRAGMA cache_size = 1")          # spill changed pages into the file early
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE project SET name = name || '（未保存的改动）'")
    con.execute("UPDATE indicator SET actual = actual || '被改'")
    con.execute("INSERT INTO history (at, action, detail) SELECT at, action, "
                "hex(randomblob(2000)) FROM history, (SELECT 1 UNION SELECT 2 UNION SELECT 3)")
    os._exit(9)                                    # killed before COMMIT
""")


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def crashed_document(tmp_path):
    path = tmp_path / "crashed.sqlite"
    write_demo(path, seed="004")
    names = [p.name for p in load_names(path)]
    subprocess.run([sys.executable, "-c", CRASH, str(path)], check=False)
    journal = tmp_path / "crashed.sqlite-journal"
    assert journal.exists() and journal.stat().st_size > 0
    return path, journal, names


def load_names(path, readonly=True):
    opened = open_document(path, readonly=readonly)
    try:
        return repo.load_document(opened.conn).projects
    finally:
        opened.close()


def test_read_only_open_leaves_the_crashed_file_and_journal_untouched(tmp_path):
    path, journal, names = crashed_document(tmp_path)
    before = (digest(path), digest(journal))
    opened = open_document(path, readonly=True)
    try:
        assert opened.readonly and "未正常关闭" in opened.notice
        assert [p.name for p in repo.load_document(opened.conn).projects] == names
    finally:
        opened.close()
    assert (digest(path), digest(journal)) == before


def test_editable_open_recovers_the_last_saved_state(tmp_path):
    path, journal, names = crashed_document(tmp_path)
    assert [p.name for p in load_names(path, readonly=False)] == names
    assert not journal.exists()
