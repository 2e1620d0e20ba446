"""定稿 from the command line: finalize stores a digest; verify tells an altered file from an intact one."""
import sqlite3

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db import repo
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.db.document import open_document

from tests.cli.cli_helpers import run
from tests.file_helpers import reread, sha


def test_finalize_then_verify_ok(seed003, capsys):
    assert main(["finalize", str(seed003)]) == 0
    doc = reread(seed003)
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
    _set(seed003, "UPDATE indicator SET actual = '0' WHERE id = (SELECT MIN(id) FROM indicator)")
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
    assert not any(p.digest for p in reread(seed003).projects)
    assert main(["finalize", str(seed003), "--project", "999"]) == 2
    assert "没有编号为 999 的项目" in capsys.readouterr().err


def _set(path, sql, *params):
    con = sqlite3.connect(path)
    con.execute(sql, params)
    con.commit()
    con.close()


def test_verify_with_nothing_finalized_says_so_with_its_own_exit_code(seed003, capsys):
    assert main(["verify", str(seed003)]) == 3
    out = capsys.readouterr().out
    assert "没有定稿项目" in out and "无可核对" in out
    with pytest.raises(SystemExit):
        main(["verify", "--help"])
    assert "3  文件中没有定稿项目" in capsys.readouterr().out  # the exit codes are documented


def test_verify_shows_the_finalization_time_as_people_read_it(seed003, capsys):
    main(["finalize", str(seed003)])
    _set(seed003, "UPDATE project SET finalized_at = '2026-11-21T21:37:47'")
    capsys.readouterr()
    assert main(["verify", str(seed003)]) == 0
    out = capsys.readouterr().out
    assert "定稿于 2026-11-21 21:37）" in out and "T21" not in out
    assert main(["finalize", str(seed003)]) == 0
    assert "早已定稿（2026-11-21 21:37）" in capsys.readouterr().out


@pytest.mark.parametrize("sql, says", [
    ("UPDATE project SET finalized_at = NULL", "没有记录定稿时间"),
    ("UPDATE project SET digest = 'ABC---'", "不是有效的校验码"),
    ("UPDATE project SET digest = NULL", "没有记录校验码"),
])
def test_incomplete_finalization_record_is_a_mismatch(seed003, capsys, sql, says):
    main(["finalize", str(seed003)])
    _set(seed003, sql)
    capsys.readouterr()
    assert main(["verify", str(seed003)]) == 1
    out = capsys.readouterr().out
    assert "不一致" in out and says in out and "None" not in out and "ABC---" not in out.split("：")[0]


def test_finalize_refusal_names_the_project_once(tmp_path, capsys):
    path = tmp_path / "d2.sqlite"
    write_demo(path, seed="002")
    name = reread(path).projects[0].name
    assert main(["finalize", str(path), "--project", "1"]) == 1
    err = capsys.readouterr().err
    assert err.count(name) == 1 and err.count("\n") == 1


def test_finalize_names_the_reminders_left_open(seed003, capsys):
    """Like the window's question: a project finalized with 提醒 open says so (seed 003 has no
    主管部门), on stderr, without refusing; one without reminders says nothing more."""
    assert main(["finalize", str(seed003)]) == 0
    captured = capsys.readouterr()
    assert "已定稿" in captured.out
    assert "定稿时还有 1 条提醒，如：未填写主管部门" in captured.err
    assert "「学术交流活动经费」未填写" not in captured.err      # the project is named once
    main(["finalize", str(seed003), "--undo"])
    _set(seed003, "UPDATE project SET supervisor = '河池市科学技术协会'")
    capsys.readouterr()
    assert main(["finalize", str(seed003)]) == 0
    assert capsys.readouterr().err == ""


def test_finalize_names_the_files_own_reminders_too(seed003, capsys):
    """A 等次写法 that does not fit the rule (a file-level 提醒, locked by 定稿 and
    held in the check code) was never said."""
    _set(seed003, "UPDATE project SET supervisor = '河池市科学技术协会'")
    _set(seed003, "INSERT OR REPLACE INTO meta VALUES ('grade_names', '甲/乙/丙')")
    assert main(["finalize", str(seed003)]) == 0
    assert "定稿时还有 1 条提醒，如：等次写法“甲/乙/丙”" in capsys.readouterr().err


def test_verify_shows_the_whole_digest_the_qr_code_holds(tmp_path, capsys):
    doc = tmp_path / "d.sqlite"
    write_demo(doc, "003")
    run(capsys, "finalize", doc)
    opened = open_document(doc, readonly=True)
    digest = repo.load_document(opened.conn).projects[0].digest
    opened.close()
    code, out, _ = run(capsys, "verify", doc)
    assert code == 0 and digest in out
