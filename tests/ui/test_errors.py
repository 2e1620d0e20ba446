"""An unexpected error in a window action is shown (Chinese) and logged, never silent.

Bug: 导出Excel raised on a target “=100%”; the window showed nothing at all.
"""
from __future__ import annotations

import sys

import pytest

from selfeval_desktop.ui import errors
from selfeval_desktop.ui.qt import QFileDialog, QMessageBox

from tests.ui.shell_helpers import OFFSCREEN_NOISE, action_named, make_window, menu_of
from tests.ui.ui_fixtures import make_file

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def boxes(monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text, *a, **k: shown.append(text))
    monkeypatch.setattr(errors, "log_dir", lambda: tmp_path / "data")
    return shown


def file_action(window, text):
    return action_named(menu_of(window, "文件"), text)


def test_export_that_raises_shows_a_chinese_box_logs_and_leaves_the_file(
        qtbot, tmp_path, monkeypatch, boxes):
    path = make_file(tmp_path)
    before = path.read_bytes()
    window = make_window(qtbot, tmp_path, path)
    from selfeval_desktop.reports import xlsx_export

    def broken(doc, out, progress=None):
        raise ValueError("公式写入出错")
    monkeypatch.setattr(xlsx_export, "export_workbook", broken)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "out.xlsx"), ""))
    file_action(window, "导出Excel…").trigger()
    assert len(boxes) == 1 and boxes[0].startswith("导出Excel失败：公式写入出错")
    log = tmp_path / "data" / errors.LOG_NAME
    assert str(log) in boxes[0]
    assert "ValueError: 公式写入出错" in log.read_text(encoding="utf-8")
    assert path.read_bytes() == before
    assert not (tmp_path / "out.xlsx").exists()


def test_an_error_in_any_other_slot_is_shown_and_logged(qtbot, tmp_path, boxes, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", lambda *a: None)
    monkeypatch.setattr(errors, "_previous_hook", None)
    errors.install_excepthook()
    assert sys.excepthook is errors.handle_uncaught
    for _ in range(3):      # the same error on every repaint: one box, every one logged
        try:
            raise KeyError("某个字段")
        except KeyError:
            sys.excepthook(*sys.exc_info())
    assert boxes == []      # not from inside the handler that raised (Qt crashed)
    qtbot.waitUntil(lambda: len(boxes) == 1)
    assert boxes[0].startswith("程序出错：'某个字段'")
    assert (tmp_path / "data" / errors.LOG_NAME).read_text(encoding="utf-8").count("KeyError: ") == 3
    qtbot.wait(20)
    assert len(boxes) == 1
