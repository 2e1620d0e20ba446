"""``finalize`` on a file of an earlier release: a refused or idle run leaves it byte for byte as it
was, no backup beside it (``--project 999`` upgraded it and wrote ``….v1.0备份.sqlite`` while
saying 未作修改)."""
from pathlib import Path
import shutil

import pytest

from selfeval_desktop.cli import main

from tests.file_helpers import sha, sql

OLD_FORMAT = Path(__file__).parents[1] / "db" / "fixtures" / "schema_1_0.sqlite"


@pytest.fixture
def older(tmp_path):
    path = tmp_path / "单位.sqlite"
    shutil.copy(OLD_FORMAT, path)
    return path


def untouched(path, before):
    assert sha(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_an_unknown_project_id_leaves_it_as_it_was(older, capsys):
    before = sha(older)
    assert main(["finalize", str(older), "--project", "999"]) == 2
    assert "没有编号为 999 的项目" in capsys.readouterr().err
    untouched(older, before)


def test_checks_that_refuse_leave_it_as_it_was(older, capsys):
    sql(older, "UPDATE indicator SET weight = '90' WHERE project_id = 1 AND position = 0")
    before = sha(older)
    assert main(["finalize", str(older)]) == 1
    err = capsys.readouterr().err
    assert "指标分值合计 160 分" in err and err.rstrip().endswith("未作修改")
    untouched(older, before)


@pytest.mark.parametrize("args", [["--undo"], ["--undo", "--project", "2"]])
def test_nothing_to_undo_leaves_it_as_it_was(older, capsys, args):
    before = sha(older)
    assert main(["finalize", str(older), *args]) == 0
    assert "未定稿，无需撤销" in capsys.readouterr().out
    untouched(older, before)


def test_projects_finalized_already_leave_it_as_it_was(older, capsys):
    sql(older, "UPDATE project SET finalized_at = '2021-07-20T10:00:00', digest = '" + "a" * 64 + "'")
    before = sha(older)
    assert main(["finalize", str(older)]) == 0
    assert "早已定稿" in capsys.readouterr().out
    untouched(older, before)


def test_a_finalize_that_writes_upgrades_it_after_a_backup(older, capsys):
    before = older.read_bytes()
    assert main(["finalize", str(older), "--project", "1"]) == 0
    assert "[1] 学术交流活动经费：已定稿，校验码" in capsys.readouterr().out
    assert (older.parent / "单位.v1.0备份.sqlite").read_bytes() == before
    assert main(["verify", str(older)]) == 0
