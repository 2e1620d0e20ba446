"""The window replaces an existing PDF or workbook only when the clerk said so.
The save dialog asks about the name typed, but a name typed without its ending (“汇总表”,
Qt's own dialog on Linux) got “.xlsx” added afterwards and replaced 汇总表.xlsx unasked."""
from __future__ import annotations

import pytest

from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.reports import export
from selfeval_desktop.ui import aggregate_action, dialogs, file_reports
from selfeval_desktop.ui.qt import QFileDialog, QMessageBox

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

EACH_WRITE = pytest.mark.parametrize("what, suffix", [("打印", ".pdf"), ("导出Excel", ".xlsx"),
                                                     ("汇总", ".xlsx")])
OLD = {".pdf": b"%PDF-1.4 the scan of the stamped form", ".xlsx": b"PK\x03\x04 last week's"}


def quiet_window(qtbot, tmp_path, monkeypatch):
    """A window whose print, export and aggregate run without the questions and viewer around
    them: only the “已存在” question is left to watch."""
    window = make_window(qtbot, tmp_path, make_file(tmp_path), show=False)
    monkeypatch.setattr(export, "open_with_system_viewer", lambda path: True)
    monkeypatch.setattr(file_reports, "ask_scope", lambda *a, **k: "all")
    monkeypatch.setattr(file_reports, "ask_print_despite_errors", lambda parent, text: True)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    return window


def write(window, what, tmp_path, typed):
    if what == "打印":
        return file_reports.export_pdf(window.file_actions, "basic")
    if what == "导出Excel":
        return file_reports.export_excel(window.file_actions)
    unit = tmp_path / "单位.sqlite"
    write_demo(unit, "003")
    return aggregate_action.aggregate(window.file_actions, [str(unit)], str(typed))


@EACH_WRITE
def test_a_name_typed_without_its_ending_asks_before_replacing_the_file(
        qtbot, tmp_path, monkeypatch, what, suffix):
    window = quiet_window(qtbot, tmp_path, monkeypatch)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    typed = tmp_path / "表"
    existing = typed.with_suffix(suffix)
    existing.write_bytes(OLD[suffix])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(typed), ""))
    asked = []

    def answer(choice):
        monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, buttons, **k:
                            asked.append((text, buttons)) or choice)
    answer(1)                                            # 取消
    assert not write(window, what, tmp_path, typed)
    assert existing.read_bytes() == OLD[suffix]
    assert len(asked) == 1 and f"“{existing.name}”已存在" in asked[0][0]
    assert asked[0][1][0] == "替换" and asked[0][1][-1] == "取消"
    answer(0)                                            # 替换
    assert write(window, what, tmp_path, typed)
    assert existing.read_bytes() != OLD[suffix] and len(asked) == 2
    assert not typed.exists()


@EACH_WRITE
def test_a_new_name_or_one_the_dialog_asked_about_is_written_without_a_second_question(
        qtbot, tmp_path, monkeypatch, what, suffix):
    window = quiet_window(qtbot, tmp_path, monkeypatch)
    asked = []
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: asked.append(a) or 1)
    for typed in (tmp_path / "新表", tmp_path / f"已有{suffix}"):
        if typed.suffix:
            typed.write_bytes(OLD[suffix])           # the dialog asked “替换？” already
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, **k: (str(typed), ""))
        assert write(window, what, tmp_path, typed)
        assert typed.with_suffix(suffix).read_bytes() != OLD[suffix]
    assert asked == []
