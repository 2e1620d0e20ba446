"""What a damaged or odd file says: one Chinese line, no SQLite or OS English, never a traceback."""
import errno
import re

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db import repo
from selfeval_desktop.db.document import (DocumentError, create_document, open_document,
                                          os_reason, sqlite_reason)
from selfeval_desktop.domain.model import Document, Project, Unit

ENGLISH = re.compile(r"[A-Za-z]{4,}")  # a word of English (file names here have none)


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "自评.sqlite"
    opened = create_document(path)
    repo.save_document(opened.conn, Document(unit=Unit(name="县科技局"), projects=[
        Project(name=f"项目{i}", background="立项背景。" * 200) for i in range(8)]))
    opened.close()
    return path


def _damage(path, page_index, data=b"\xff\xff"):
    raw = bytearray(path.read_bytes())
    size = int.from_bytes(raw[16:18], "big")
    raw[size * page_index:size * page_index + len(data)] = data
    path.write_bytes(bytes(raw))


def english_free(text):
    return not ENGLISH.search(text.replace(".sqlite", "").replace("-journal", ""))


@pytest.mark.parametrize("page, data", [(1, b"\xff\xff"), (2, b"\xab" * 200)])
def test_damaged_file_is_one_chinese_line(doc, capsys, page, data):
    # "database disk image is malformed" / "*** in database main *** Page 3: btreeInitPage() …"
    _damage(doc, page, data)
    with pytest.raises(DocumentError) as err:
        open_document(doc, readonly=True)
    assert "已损坏" in str(err.value) and english_free(str(err.value)), str(err.value)
    for command in ("score", "check", "verify", "finalize"):
        assert main([command, str(doc)]) == 2
        lines = capsys.readouterr().err.splitlines()
        assert len(lines) == 1 and english_free(lines[0].split(":", 1)[1]), lines


def test_journal_that_is_a_folder_is_said_not_a_traceback(doc, capsys):
    # "IsADirectoryError: [Errno 21] Is a directory" / "disk I/O error" before
    (doc.parent / f"{doc.name}-journal").mkdir()
    assert main(["score", str(doc)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "是一个文件夹" in err and "Traceback" not in err
    assert main(["finalize", str(doc)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and english_free(err.split(":", 1)[1])


def test_reasons_in_chinese():
    import sqlite3
    assert sqlite_reason(sqlite3.DatabaseError("database disk image is malformed")) == "文件内容已损坏"
    assert sqlite_reason(sqlite3.OperationalError("database is locked")) == "文件正被其他程序使用"
    assert os_reason(IsADirectoryError(errno.EISDIR, "Is a directory", "/tmp/x")) == "“x”是一个文件夹"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "磁盘空间不足"
    assert english_free(sqlite_reason(sqlite3.Error("something new")))


def test_a_new_file_in_a_folder_that_takes_no_writing_says_so_in_chinese(tmp_path, monkeypatch):
    """从上年文件新建 into a read-only share gave SQLite's “unable to open database
    file” and “请发给技术支持”. (Run as root here, so the folder's refusal is simulated.)"""
    import os
    from selfeval_desktop.db import document
    from selfeval_desktop.db.document import write_atomically
    target = tmp_path / "只读" / "2022年度.sqlite"            # the folder is not there: writes fail
    monkeypatch.setattr(document.os, "access", lambda path, mode: mode != os.W_OK)
    with pytest.raises(DocumentError) as caught:
        write_atomically(target, lambda conn: None)
    message = str(caught.value).replace(str(target.parent), "")
    assert "不允许写入" in message and "另选" in message and not ENGLISH.search(message)
    assert not target.exists()


def test_an_os_refusal_is_said_in_chinese():
    from selfeval_desktop.db.document import os_cause
    assert os_cause(PermissionError(errno.EACCES, "Permission denied")) == "没有权限"
    assert os_cause(OSError(errno.ENOSPC, "No space left on device")) == "磁盘空间不足"


def test_a_text_file_is_said_not_to_be_ours_in_the_clerks_words(tmp_path):
    """A .txt dropped was “不是 SQLite 数据库”, a word a clerk does not know."""
    path = tmp_path / "说明.txt"
    path.write_text("这是一份说明。" * 20, encoding="utf-8")
    with pytest.raises(DocumentError) as refused:
        open_document(path)
    assert str(refused.value) == ("“说明.txt”不是绩效自评文件（自评文件是本程序保存的 .sqlite 文件），"
                                  "未作任何修改")
