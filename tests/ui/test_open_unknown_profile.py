"""Opening a file that names a rule profile this program lacks (a later release's province rule):
refused before the window shows it, the file untouched, its lock given back, nothing logged as a
program error (it was 程序出错, the lock held, 22 tracebacks in 错误记录.txt)."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.ui import errors
from selfeval_desktop.ui.qt import QFileDialog, QMessageBox

from tests.file_helpers import sha
from tests.ui.shell_helpers import OFFSCREEN_NOISE, action_named, make_window, menu_of

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

SAID = "“gx.sqlite”使用评分规则“guangxi”，本程序没有，请升级本程序"
OLD_FORMAT = Path(__file__).parents[1] / "db" / "fixtures" / "schema_1_0.sqlite"


def name_guangxi(path):
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = 'guangxi' WHERE key = 'profile_id'")
    con.commit()
    con.close()


@pytest.fixture
def boxes(monkeypatch, tmp_path):
    """What the boxes said, by kind; the error log kept in the test's folder."""
    shown: dict[str, list[str]] = {"warning": [], "critical": [], "information": []}
    for kind in shown:
        monkeypatch.setattr(QMessageBox, kind,
                            lambda *a, _k=kind, **kw: shown[_k].append(a[2]) or QMessageBox.Ok)
    monkeypatch.setattr(errors, "log_dir", lambda: tmp_path / "log")
    return shown


def open_by_menu(window, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    action = action_named(menu_of(window, "文件"), "打开…")
    action.trigger()


@pytest.mark.parametrize("old_format", [False, True], ids=["current", "older format"])
def test_a_file_with_a_rule_this_program_lacks_is_refused_cleanly(
        qtbot, tmp_path, monkeypatch, boxes, old_format):
    path = tmp_path / "gx.sqlite"
    if old_format:       # an editable open would back it up and upgrade it first
        shutil.copy(OLD_FORMAT, path)
    else:
        write_demo(path, "003")
    name_guangxi(path)
    before = sha(path)
    window = make_window(qtbot, tmp_path)
    open_by_menu(window, monkeypatch, path)
    qtbot.wait(50)
    assert boxes["critical"] == [] and boxes["information"] == []
    assert len(boxes["warning"]) == 1 and boxes["warning"][0].startswith(SAID)
    assert window.session is None and window.stack.currentWidget() is window.welcome
    assert [p.name for p in tmp_path.iterdir() if p.name != "settings.ini"] == ["gx.sqlite"]
    assert sha(path) == before          # no upgrade, no backup, no lock left behind
    assert not (tmp_path / "log").exists()


def test_a_read_only_open_is_refused_too(qtbot, tmp_path, monkeypatch, boxes):
    path = tmp_path / "gx.sqlite"
    write_demo(path, "003")
    name_guangxi(path)
    window = make_window(qtbot, tmp_path)
    assert not window.file_actions.open_path(path, readonly=True)
    assert boxes["warning"][0].startswith(SAID) and window.session is None


def test_a_good_file_opens_after_the_refused_one(qtbot, tmp_path, monkeypatch, boxes):
    bad, good = tmp_path / "gx.sqlite", tmp_path / "hc.sqlite"
    write_demo(bad, "003")
    write_demo(good, "003")
    name_guangxi(bad)
    window = make_window(qtbot, tmp_path)
    assert not window.file_actions.open_path(bad)
    assert window.file_actions.open_path(good)
    assert window.session is not None and Path(window.session.path).name == "hc.sqlite"
    assert (tmp_path / "~$hc.sqlite.lock").exists() and not (tmp_path / "~$gx.sqlite.lock").exists()


def test_the_next_year_is_not_made_from_it(qtbot, tmp_path, monkeypatch, boxes):
    path = tmp_path / "gx.sqlite"
    write_demo(path, "003")
    name_guangxi(path)
    window = make_window(qtbot, tmp_path, show=False)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "next.sqlite"), ""))
    assert not window.file_actions.new_from_last_year()
    assert boxes["warning"][0].startswith(SAID)
    assert not (tmp_path / "next.sqlite").exists()


def test_the_summary_names_it_among_the_files_it_cannot_read(qtbot, tmp_path, monkeypatch, boxes):
    from selfeval_desktop.ui import aggregate_action, dialogs
    bad, good = tmp_path / "gx.sqlite", tmp_path / "hc.sqlite"
    write_demo(bad, "003")
    write_demo(good, "003")
    name_guangxi(bad)
    asked = []
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, *a, **k: asked.append(text) or 0)
    window = make_window(qtbot, tmp_path, show=False)
    out = tmp_path / "汇总.xlsx"
    assert aggregate_action.aggregate(window.file_actions, [str(bad), str(good)], str(out))
    assert SAID in asked[0] and boxes["critical"] == []
    assert out.exists()
