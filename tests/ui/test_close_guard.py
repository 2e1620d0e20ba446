"""Closing a document whose work on screen is not in the file.

U盘 pulled out while a field is being typed, then 关闭 / 退出 / × / opening another file: the clerk is
asked (另存为副本… / 仍然关闭 / 取消) — once, with the reason inside the question, not a 保存失败 box
saying “接回后再修改即可” followed by a silent close. 取消 keeps the window and what is typed.
"""
from __future__ import annotations

import pytest

from selfeval_desktop.ui import close_guard, file_actions
from selfeval_desktop.ui.qt import QApplication, QMessageBox

from tests.ui.shell_helpers import OFFSCREEN_NOISE, focus, leave, make_window, type_text
from tests.ui.ui_fixtures import make_file, reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support")


@pytest.fixture
def boxes(monkeypatch):
    """Every message box and every close question, answered by ``boxes.answer``."""
    shown = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda *a, _n=name, **k: shown.append((_n, a[2])))

    def ask(parent, text):
        shown.append(("ask", text))
        return shown.answer
    shown = _Boxes()
    monkeypatch.setattr(close_guard, "ask_unsaved", ask)
    return shown


class _Boxes(list):
    answer = close_guard.CANCEL

    def kinds(self):
        return [kind for kind, _ in self]


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "U盘"
    folder.mkdir()
    return make_file(folder)


def pull_out(usb):
    gone = usb.parent.with_name("U盘_拔出")
    usb.parent.rename(gone)
    return lambda: gone.rename(usb.parent)      # plug it back in


def test_closing_while_the_typed_field_cannot_be_saved_asks_once_and_cancel_keeps_it(
        qtbot, tmp_path, usb, boxes):
    window = make_window(qtbot, tmp_path, usb)
    edit = window.page.tab_widgets["overview"].edits["leader"]
    plug_in = pull_out(usb)
    focus(qtbot, edit)
    type_text(qtbot, edit, "杨哲")                 # still being typed: saved on close, which fails
    assert window.close() is False                 # 取消
    assert boxes.kinds() == ["ask"]                # one question, no separate 保存失败 box
    assert "找不到文件" in boxes[0][1] and "项目负责人：杨哲" in boxes[0][1]
    assert window.isVisible() and window.session is not None
    assert edit.text() == "杨哲"                    # what was typed is still there
    plug_in()
    focus(qtbot, edit)
    leave(qtbot, edit)                             # leaving the field again saves it
    assert reread(usb).projects[0].leader == "杨哲"
    assert window.close() is True                  # nothing unsaved: no question
    assert boxes.kinds() == ["ask"] and window.session is None


def test_close_anyway_puts_the_unsaved_text_on_the_clipboard(qtbot, tmp_path, usb, boxes):
    window = make_window(qtbot, tmp_path, usb)
    edit = window.page.tab_widgets["overview"].edits["leader"]
    pull_out(usb)
    focus(qtbot, edit)
    type_text(qtbot, edit, "杨哲")
    leave(qtbot, edit)                             # the failure is said when the field is left
    assert boxes.kinds() == ["warning"] and window.session.write_error
    boxes.answer = close_guard.CLOSE
    assert window.close_document() is True         # 文件 → 关闭文件
    qtbot.wait(10)                                 # the page goes: no more boxes about it
    assert boxes.kinds() == ["warning", "ask"]
    assert "杨哲" in QApplication.clipboard().text()
    assert window.session is None


def test_save_a_copy_first_then_close(qtbot, tmp_path, usb, boxes, monkeypatch):
    window = make_window(qtbot, tmp_path, usb)
    pid = window.session.document.projects[0].id
    window.session.set_value("project", pid, None, "phone", "2116276")
    pull_out(usb)
    edit = window.page.tab_widgets["overview"].edits["leader"]
    focus(qtbot, edit)
    type_text(qtbot, edit, "杨哲")
    copy = tmp_path / "副本.sqlite"
    monkeypatch.setattr(window.file_actions, "_ask_save_path", lambda *a, **k: copy)
    boxes.answer = close_guard.COPY
    assert window.close() is True
    assert boxes.kinds() == ["ask"]
    assert reread(copy).projects[0].phone == "2116276"     # what the file held, kept elsewhere


def test_a_busy_file_then_opening_another_asks_and_cancel_keeps_both_as_they_were(
        qtbot, tmp_path, boxes):
    import sqlite3
    (tmp_path / "甲").mkdir()
    (tmp_path / "乙").mkdir()
    first, other = make_file(tmp_path / "甲"), make_file(tmp_path / "乙")
    window = make_window(qtbot, tmp_path, first)
    window.session.conn.execute("PRAGMA busy_timeout = 100")
    reader = sqlite3.connect(first, isolation_level=None)   # another program reading the file
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM project").fetchone()
    pid = window.session.document.projects[0].id
    assert window.session.set_value("project", pid, None, "phone", "1")   # refused: busy
    reader.close()
    assert window.file_actions.open_path(other) is False    # asked, 取消
    assert boxes.kinds()[-1] == "ask" and "文件正被其他程序使用" in boxes[-1][1]
    assert window.session is not None and window.session.path == first
    assert not file_actions.in_use(other)                   # the other file's lock given back


def test_a_copy_onto_a_full_disk_says_so_in_chinese_and_leaves_nothing(
        qtbot, tmp_path, usb, boxes, monkeypatch):
    import sqlite3
    from selfeval_desktop.db import document

    class FullDisk:
        def __init__(self, conn):
            self.conn = conn

        def backup(self, dest):
            self.conn.backup(dest)
            raise sqlite3.OperationalError("database or disk is full")

    window = make_window(qtbot, tmp_path, usb)
    target = tmp_path / "副本"
    target.mkdir()
    monkeypatch.setattr(window.file_actions, "_ask_save_path",
                        lambda *a, **k: target / "副本.sqlite")
    monkeypatch.setattr(file_actions, "copy_document",
                        lambda conn, path: document.copy_document(FullDisk(conn), path))
    assert window.file_actions.save_copy() is False
    assert boxes.kinds() == ["warning"]
    assert "磁盘空间不足" in boxes[0][1] and "disk" not in boxes[0][1]
    assert list(target.iterdir()) == []
