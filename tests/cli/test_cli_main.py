"""The command line's own messages: unknown commands, bad arguments and no display, in Chinese."""
import os
from pathlib import Path
import subprocess
import sys

import pytest

from selfeval_desktop import cli
from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import write_demo

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "d.sqlite"
    write_demo(path, "003")
    return path


def no_window(monkeypatch):
    """Fail the test if the window would be started."""
    import selfeval_desktop.app as app
    monkeypatch.setattr(app, "run_gui", lambda argv: pytest.fail(f"window started: {argv}"))


@pytest.mark.parametrize("argv, hint", [
    (["socre"], "（是否想用 score？）"),
    (["socre", "FILE"], "（是否想用 score？）"),
    (["chek", "FILE"], "（是否想用 check？）"),
    (["xyzzy"], "可用的命令："),
])
def test_a_mistyped_command_is_named_not_opened_as_a_window(monkeypatch, capsys, argv, hint):
    no_window(monkeypatch)
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert f"未知命令“{argv[0]}”" in err and hint in err


def test_an_existing_file_without_extension_still_opens_the_window(tmp_path, monkeypatch):
    (tmp_path / "自评").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    import selfeval_desktop.app as app
    seen = []
    monkeypatch.setattr(app, "run_gui", lambda argv: seen.append(argv) or 0)
    assert main(["自评"]) == 0 and seen == [["自评"]]


@pytest.mark.parametrize("argv, expected", [
    (["score"], "缺少必填的参数：file"),
    (["score", "{doc}", "--bad"], "无法识别的参数：--bad"),
    (["print", "{doc}", "-o", "x.pdf", "--project", "abc"], "参数 --project：“abc”不是整数"),
    (["print", "{doc}", "-o", "x.pdf", "--form", "xls"], "“xls”不是可选的值（可选：basic、mof、report）"),
    (["print", "{doc}", "-o"], "后面需要写一个值"),
    (["--frob"], "无法识别的参数：--frob"),
])
def test_argument_errors_are_one_chinese_line(doc, monkeypatch, capsys, argv, expected):
    no_window(monkeypatch)
    with pytest.raises(SystemExit) as exc:
        main([a.format(doc=doc) for a in argv])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err
    for english in ("invalid", "required", "unrecognized", "expected", "choose from"):
        assert english not in err


def test_options_are_not_abbreviated(doc, capsys):
    # "--f" used to mean --force: finalizing a document with errors by a typo
    before = doc.read_bytes()
    with pytest.raises(SystemExit):
        main(["finalize", str(doc), "--f"])
    assert "无法识别的参数：--f" in capsys.readouterr().err
    assert doc.read_bytes() == before


def test_window_without_a_display_is_one_chinese_line(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "linux")
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(key, raising=False)
    no_window(monkeypatch)
    for argv in ([], ["--demo"], ["x.sqlite"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "没有可用的图形显示" in err
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # the platform chosen: Qt may start
    assert cli.no_display() is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setattr(sys, "platform", "win32")
    assert cli.no_display() is None


def test_no_display_from_a_real_process_is_not_a_qt_abort():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(REPO_ROOT)
    proc = subprocess.run([sys.executable, "-m", "selfeval_desktop.cli"], env=env,
                          capture_output=True, text=True, timeout=60, cwd=REPO_ROOT)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "没有可用的图形显示" in proc.stderr


def test_the_windows_own_arguments_are_checked_in_chinese(capsys):
    from selfeval_desktop.app import parse_args
    assert parse_args(["a.sqlite"]).file == "a.sqlite"
    with pytest.raises(SystemExit) as exc:
        parse_args(["a.sqlite", "b.sqlite"])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and err.count("\n") == 1 and "无法识别的参数：b.sqlite" in err


@pytest.mark.parametrize("argv", [[], ["--demo"], ["自评.sqlite"], ["D:/自评/2021年.sqlite"]])
def test_the_usual_window_calls_read_as_argparse_reads_them(argv):
    """Nothing, a file or --demo are read without argparse (a quicker start): same result."""
    from selfeval_desktop.app import parse_args
    from selfeval_desktop.argparse_zh import ChineseParser
    parser = ChineseParser(prog="selfeval-desktop")
    parser.add_argument("file", nargs="?")
    parser.add_argument("--demo", action="store_true")
    expected = parser.parse_args(argv)
    got = parse_args(argv)
    assert (got.file, got.demo) == (expected.file, expected.demo)


def test_help_and_unknown_options_of_the_window_still_go_through_argparse(capsys):
    from selfeval_desktop.app import parse_args
    with pytest.raises(SystemExit) as exc:
        parse_args(["--demo", "--verbose"])
    assert exc.value.code == 2 and "--verbose" in capsys.readouterr().err


def test_python_dash_m_runs_the_program(tmp_path):
    """``python -m selfeval_desktop`` (a start-menu entry, a helper's first try) works like the
    installed command: it said “No module named selfeval_desktop.__main__”."""
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    proc = subprocess.run([sys.executable, "-m", "selfeval_desktop", "demo", "-o",
                           str(tmp_path / "演示.sqlite")], env=env, capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "演示.sqlite").exists()
