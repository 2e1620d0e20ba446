"""文件 → 汇总多个自评文件…: the summary without the command line."""
from __future__ import annotations

import openpyxl
import pytest

from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.ui import aggregate_action
from selfeval_desktop.ui.qt import QMessageBox

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window, menu_of, texts_of

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def told(monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(("info", a[2])))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(("warning", a[2])))
    return said


def test_the_units_files_become_one_summary_workbook(qtbot, tmp_path, told):
    window = make_window(qtbot, tmp_path)
    assert "汇总多个自评文件…" in texts_of(menu_of(window, "文件(&F)"))
    files = []
    for seed in ("003", "004"):
        path = tmp_path / f"{seed}.sqlite"
        write_demo(path, seed)
        files.append(str(path))
    before = [open(f, "rb").read() for f in files]
    out = tmp_path / "汇总"
    assert aggregate_action.aggregate(window.file_actions, files, str(out))
    book = openpyxl.load_workbook(out.with_suffix(".xlsx"))
    text = "\n".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value)
    assert "河池市科协" in text and "学术交流活动经费" in text
    assert told == [("info", f"已汇总 2 个单位、21 个项目到\n{out.with_suffix('.xlsx')}\n"
                             "各文件的评价年度不同，汇总表按年度分别合计。")]   # 2020 and 2021
    assert [open(f, "rb").read() for f in files] == before          # the units' files only read


def unreadable_choice(monkeypatch, answer):
    from selfeval_desktop.ui import dialogs
    asked = []
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, buttons, **k:
                        asked.append((text, buttons)) or answer)
    return asked


def good_and_broken(tmp_path):
    """A unit's file, an attachment that is no 自评文件, and where the summary would go."""
    good = tmp_path / "good.sqlite"
    write_demo(good, "003")
    broken = tmp_path / "坏.sqlite"
    broken.write_bytes(b"not a database")
    return good, broken, tmp_path / "汇总.xlsx"


def test_a_file_that_cannot_be_read_is_named_and_cancel_writes_nothing(qtbot, tmp_path, told,
                                                                        monkeypatch):
    window = make_window(qtbot, tmp_path)
    good, broken, out = good_and_broken(tmp_path)
    asked = unreadable_choice(monkeypatch, 1)                   # 取消
    assert not aggregate_action.aggregate(window.file_actions, [str(good), str(broken)], str(out))
    text, buttons = asked[0]
    assert text.count("“坏.sqlite”") == 1 and buttons == ["汇总其余 1 个文件", "取消"]
    assert not out.exists()


def test_the_readable_files_can_be_summarised_without_the_broken_one(qtbot, tmp_path, told,
                                                                     monkeypatch):
    """One broken attachment among the units' files stopped the whole summary."""
    window = make_window(qtbot, tmp_path)
    good, broken, out = good_and_broken(tmp_path)
    unreadable_choice(monkeypatch, 0)                           # 汇总其余 1 个文件
    assert aggregate_action.aggregate(window.file_actions, [str(good), str(broken)], str(out))
    assert out.exists() and told[-1][0] == "info" and "未汇总（无法读取）：1 个文件" in told[-1][1]


def test_nothing_readable_is_said_and_writes_nothing(qtbot, tmp_path, told):
    window = make_window(qtbot, tmp_path)
    broken = tmp_path / "坏.sqlite"
    broken.write_bytes(b"not a database")
    out = tmp_path / "汇总.xlsx"
    assert not aggregate_action.aggregate(window.file_actions, [str(broken)], str(out))
    assert told[0][0] == "warning" and "都无法读取" in told[0][1] and not out.exists()


def test_the_summary_never_replaces_one_of_the_units_files(qtbot, tmp_path, told):
    window = make_window(qtbot, tmp_path)
    path = tmp_path / "a.xlsx"
    write_demo(path, "003")            # a 自评文件 however it is named
    before = path.read_bytes()
    assert not aggregate_action.aggregate(window.file_actions, [str(path)], str(path))
    assert told[0][0] == "warning" and path.read_bytes() == before


def test_the_file_dialog_comes_back_to_the_units_folder(qtbot, tmp_path, told, monkeypatch):
    """Each 汇总 started again in the open file's folder, not where the emailed files
    had been saved."""
    from selfeval_desktop.ui.qt import QFileDialog
    received = tmp_path / "收到的文件"
    received.mkdir()
    unit = received / "单位.sqlite"
    write_demo(unit, "003")
    window = make_window(qtbot, tmp_path)
    started = []

    def pick(parent, title, folder, *rest):
        started.append(folder)
        return [str(unit)], ""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", pick)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "汇总.xlsx"), ""))
    assert aggregate_action.aggregate(window.file_actions)
    assert aggregate_action.aggregate(window.file_actions)
    assert started[1] == str(received)
