"""A file left with a hot journal by a crash: read-only opening shows the last saved state and
changes neither the file nor its journal; an editable open recovers it."""
import subprocess
import sys
import textwrap

from selfeval_desktop.db import repo
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.db.document import open_document

from tests.file_helpers import sha

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
    before = (sha(path), sha(journal))
    opened = open_document(path, readonly=True)
    try:
        assert opened.readonly and "未正常关闭" in opened.notice
        assert [p.name for p in repo.load_document(opened.conn).projects] == names
    finally:
        opened.close()
    assert (sha(path), sha(journal)) == before


def test_editable_open_recovers_the_last_saved_state(tmp_path):
    path, journal, names = crashed_document(tmp_path)
    assert [p.name for p in load_names(path, readonly=False)] == names
    assert not journal.exists()


# a paste killed before SQLite synced its journal: the header's magic is still zero, nothing of
# the file was overwritten, and SQLite never replays (or removes) such a journal
KILLED_EARLY = textwrap.dedent("""
    import os, sqlite3, sys
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("PRAGMA synchronous = FULL")
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE project SET name = name || '（未保存的改动）'")
    os._exit(9)                                    # killed before COMMIT, before the sync
""")


def killed_early(tmp_path):
    path = tmp_path / "kp.sqlite"
    write_demo(path, seed="004")
    subprocess.run([sys.executable, "-c", KILLED_EARLY, str(path)], check=False)
    journal = tmp_path / "kp.sqlite-journal"
    assert journal.stat().st_size > 0 and journal.read_bytes()[:1] == b"\x00"
    return path, journal


def test_a_journal_with_a_zeroed_header_is_removed_on_an_editable_open(tmp_path):
    """A killed paste left a 16 KB kp.sqlite-journal (header zeroed, so not
    hot) through every later open and close; a clerk zipped the folder with it."""
    from selfeval_desktop.db.file_lock import remove_stale_journal
    path, journal = killed_early(tmp_path)
    names = [p.name for p in load_names(path)]
    before = sha(path)
    opened = open_document(path)
    try:
        assert remove_stale_journal(opened.conn, path)
        assert not journal.exists() and not opened.conn.in_transaction
        assert [p.name for p in repo.load_document(opened.conn).projects] == names
    finally:
        opened.close()
    assert sha(path) == before and "（未保存的改动）" not in "".join(names)


def test_a_hot_journal_is_never_taken_for_a_dead_one(tmp_path):
    from selfeval_desktop.db.file_lock import journal_is_dead
    journal = tmp_path / "x.sqlite-journal"
    journal.write_bytes(bytes.fromhex("d9d505f920a163d7") + bytes(504))
    assert not journal_is_dead(journal)
    journal.write_bytes(bytes(512))
    assert journal_is_dead(journal)
    journal.unlink()
    journal.mkdir()          # not a file at all: left alone
    assert not journal_is_dead(journal)


def test_a_read_only_open_leaves_a_dead_journal_alone(tmp_path):
    """A read must never write: only the window that opens the file for editing removes it."""
    path, journal = killed_early(tmp_path)
    before = (sha(path), sha(journal))
    load_names(path, readonly=True)
    assert (sha(path), sha(journal)) == before
