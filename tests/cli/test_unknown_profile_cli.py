"""A file naming a rule profile this program lacks (from a later release that ships a province's
rule): one Chinese line and the documented exit status, never a traceback."""
import sqlite3

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import write_demo

from tests.file_helpers import sha

SAID = "使用评分规则“guangxi”，本程序没有，请升级本程序"


@pytest.fixture
def newer(tmp_path):
    """Seed 003 as a later release writes it with its province's profile."""
    path = tmp_path / "gx.sqlite"
    write_demo(path, "003")
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = 'guangxi' WHERE key = 'profile_id'")
    con.commit()
    con.close()
    return path


def one_line(capsys, command: str) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err, captured.err
    assert lines[0] == f"selfeval-desktop {command}: “gx.sqlite”{SAID}"
    return lines[0]


@pytest.mark.parametrize("args", [["score"], ["score", "--json"], ["print", "-o", "{out}.pdf"],
                                  ["export-xlsx", "-o", "{out}.xlsx"]])
def test_each_command_says_it_in_one_line(newer, tmp_path, capsys, args):
    before = sha(newer)
    command, *rest = args
    rest = [a.format(out=tmp_path / "out") for a in rest]
    assert main([command, str(newer), *rest]) == 2
    one_line(capsys, command)
    assert sha(newer) == before
    assert not list(tmp_path.glob("out*"))


def test_aggregate_names_the_file_and_writes_nothing(newer, tmp_path, capsys):
    other = tmp_path / "d3.sqlite"
    write_demo(other, "003")
    out = tmp_path / "agg.xlsx"
    assert main(["aggregate", str(newer), str(other), "-o", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert "Traceback" not in "\n".join(err)
    assert err[0] == f"“gx.sqlite”{SAID}"
    assert err[1] == "selfeval-desktop aggregate: 1 个文件无法汇总（见上），未写出汇总表"
    assert not out.exists()


def test_check_and_verify_still_read_it(newer, capsys):
    """``check`` lists it among its errors (exit 1); ``verify`` needs no profile."""
    assert main(["check", str(newer)]) == 1
    assert "无法评分" in capsys.readouterr().out
    assert main(["verify", str(newer)]) == 3
    assert "文件中没有定稿项目" in capsys.readouterr().out


def test_a_department_profile_it_lacks_too(tmp_path, capsys):
    path = tmp_path / "gx.sqlite"
    write_demo(path, "001")
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = 'guangxi' WHERE key = 'department_profile_id'")
    con.commit()
    con.close()
    assert main(["score", str(path)]) == 2
    one_line(capsys, "score")
