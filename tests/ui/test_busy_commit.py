"""A COMMIT refused because another program is reading the file.

A reader holding SQLite's SHARED lock for longer than busy_timeout (a CLI export of a big file, a
backup or sync client, antivirus, a SQLite viewer) makes COMMIT fail with "database is locked" and
SQLite keeps the transaction open. The session must roll it back, put memory back, say so in
Chinese and show 未保存 — and the next edit, once the reader is gone, must really reach the file
(it used to say 已保存 and be lost on close). busy_timeout is shortened so the tests stay fast.
"""
from __future__ import annotations

from decimal import Decimal
import sqlite3

import pytest

from selfeval_desktop.domain.model import Indicator
from selfeval_desktop.ui.session import SessionError

from tests.ui.ui_fixtures import make_file, open_session, reread


@pytest.fixture
def session(qapp, tmp_path):
    path = make_file(tmp_path)
    s = open_session(path)
    s.conn.execute("PRAGMA busy_timeout = 100")
    yield s
    s.opened.close()


def hold_shared(path) -> sqlite3.Connection:
    """Another program reading the file: an open read transaction keeps its SHARED lock."""
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM project").fetchone()
    return reader


def on_screen(s):
    p = s.document.projects[0]
    return p.leader, p.phone, [i.name for i in p.indicators]


def on_disk(s):
    p = reread(s.path).projects[0]
    return p.leader, p.phone, [i.name for i in p.indicators]


def test_a_refused_commit_is_said_and_the_next_edit_reaches_the_file(session):
    s = session
    pid = s.document.projects[0].id
    failed, saved = [], []
    s.writeFailed.connect(failed.append)
    s.saved.connect(saved.append)
    reader = hold_shared(s.path)
    error = s.set_value("project", pid, None, "leader", "张一")
    assert error is not None and "文件正被其他程序使用" in error
    assert failed == [error] and s.write_error == error and not saved
    assert not s.conn.in_transaction
    assert on_screen(s) == on_disk(s)                     # memory put back: leader unchanged
    reader.close()
    assert s.set_value("project", pid, None, "phone", "12345") is None
    assert s.write_error is None and saved
    assert on_disk(s)[1] == "12345"                       # written, not only said 已保存
    assert on_screen(s) == on_disk(s)


def test_a_paste_whose_commit_is_refused_raises_in_chinese_and_leaves_screen_equal_to_file(session):
    s = session
    pid = s.document.projects[0].id
    failed = []
    s.writeFailed.connect(failed.append)
    reader = hold_shared(s.path)
    with pytest.raises(SessionError) as caught:
        with s.macro("粘贴"):
            s.set_value("project", pid, None, "leader", "张一")
            s.insert_rows("indicator", pid, None,
                          [Indicator("产出指标", "数量指标", "新行", "≥1次", "1次", Decimal(1))])
    assert "文件正被其他程序使用" in str(caught.value) and caught.value.told
    assert failed == [str(caught.value)] and s.write_error == str(caught.value)
    assert not s.conn.in_transaction and s.undo_stack.count() == 0
    assert on_screen(s) == on_disk(s)
    reader.close()
    with s.macro("粘贴"):
        s.set_value("project", pid, None, "phone", "1")
    assert s.undo_stack.count() == 1 and s.write_error is None
    assert on_disk(s)[1] == "1" and on_screen(s) == on_disk(s)


def test_an_undo_whose_commit_is_refused_shows_the_file(session, qtbot):
    s = session
    pid = s.document.projects[0].id
    s.set_value("project", pid, None, "leader", "甲")
    reader = hold_shared(s.path)
    s.undo_stack.undo()                      # one edit's undo: COMMIT refused
    assert s.write_error and "文件正被其他程序使用" in s.write_error
    assert not s.conn.in_transaction
    assert on_screen(s)[:2] == on_disk(s)[:2] == ("甲", "")
    reader.close()
    qtbot.wait(10)                           # the stale history is forgotten after the step
    with s.macro("粘贴"):
        s.set_value("project", pid, None, "phone", "2")
    reader = hold_shared(s.path)
    s.undo_stack.undo()                      # a macro's undo: one transaction, COMMIT refused
    assert s.write_error and "文件正被其他程序使用" in s.write_error
    assert not s.conn.in_transaction
    assert on_screen(s)[:2] == on_disk(s)[:2] == ("甲", "2")
    reader.close()
    qtbot.wait(10)
    s.set_value("project", pid, None, "phone", "3")
    assert on_disk(s)[:2] == ("甲", "3") and on_screen(s) == on_disk(s)


def test_the_session_never_joins_a_transaction_it_did_not_open(session):
    s = session
    pid = s.document.projects[0].id
    s.conn.execute("BEGIN")                  # left open by something else
    s.conn.execute("UPDATE project SET phone = 'stale'")
    assert s.set_value("project", pid, None, "leader", "乙") is None
    assert not s.conn.in_transaction
    assert on_disk(s)[:2] == ("乙", "")       # committed; the stranger's change is not
    s.conn.execute("BEGIN")
    with s.macro("粘贴"):
        s.set_value("project", pid, None, "phone", "9")
    assert not s.conn.in_transaction and on_disk(s)[:2] == ("乙", "9")
