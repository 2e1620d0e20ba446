"""定稿 from the command line: finalize stores a digest; verify tells an altered file from an intact one."""
import hashlib
import sqlite3

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db import repo
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.db.document import open_document


@pytest.fixture
def seed003(tmp_path):
    path = tmp_path / "hc.sqlite"
    write_demo(path, seed="003")
    return path


def load(path):
    opened = open_document(path, readonly=True)
    try:
        return repo.load_document(opened.conn)
    finally:
        opened.close()


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_finalize_then_verify_ok(seed003, capsys):
    assert main(["finalize", str(seed003)]) == 0
    doc = load(seed003)
    assert all(p.digest and p.finalized_at for p in doc.projects)
    out = capsys.readouterr().out
    assert "已定稿" in out and "校验码" in out
    assert main(["verify", str(seed003)]) == 0
    assert "一致" in capsys.readouterr().out
    opened = open_document(seed003, readonly=True)
    assert "finalize" in [r["action"] for r in repo.history(opened.conn)]
    opened.close()


def test_verify_detects_a_change_after_finalize(seed003, capsys):
    main(["finalize", str(seed003)])
    con = sqlite3.connect(seed003)
    con.execute("UPDATE indicator SET actual = '0' WHERE id = (SELECT MIN(id) FROM indicator)")
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["verify", str(seed003)]) == 1
    assert "不一致" in capsys.readouterr().out


def test_verify_never_writes(seed003):
    main(["finalize", str(seed003)])
    before = sha(seed003)
    main(["verify", str(seed003)])
    assert sha(seed003) == before


def test_finalize_refuses_a_project_with_errors_and_leaves_the_file(tmp_path, capsys):
    path = tmp_path / "d2.sqlite"
    write_demo(path, seed="002")  # real gaps: no indicators, no 全年执行数
    before = sha(path)
    assert main(["finalize", str(path)]) == 1
    assert "未作修改" in capsys.readouterr().err
    assert sha(path) == before


def test_unfinalize_and_unknown_project(seed003, capsys):
    main(["finalize", str(seed003)])
    assert main(["finalize", str(seed003), "--undo"]) == 0
    assert not any(p.digest for p in load(seed003).projects)
    assert main(["finalize", str(seed003), "--project", "999"]) == 2
    assert "没有编号为 999 的项目" in capsys.readouterr().err
