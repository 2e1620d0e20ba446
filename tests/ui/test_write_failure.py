"""The file's folder gone (a U盘 pulled out) or the disk full while editing: the
clerk is told why in Chinese, the status bar says 未保存 until a write succeeds, Ctrl+S does not
claim the work is saved, and the text being typed stays in its field."""
from __future__ import annotations

import os
from pathlib import Path


import pytest

from selfeval_desktop.ui.qt import QMessageBox

from tests.ui.shell_helpers import OFFSCREEN_NOISE, focus, leave, make_window, type_text
from tests.ui.ui_fixtures import make_file, reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support")


def enter(qtbot, edit, text: str) -> None:
    """Into the box, type, and leave it: the box is committed."""
    focus(qtbot, edit)
    type_text(qtbot, edit, text)
    leave(qtbot, edit)


def another_units_file(tmp_path):
    """Seed 003's file (another unit's evaluation) and its bytes."""
    from selfeval_desktop.db.demo import write_demo
    other = tmp_path / "另一单位.sqlite"
    write_demo(other, seed="003")
    return other, other.read_bytes()


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "U盘"
    folder.mkdir()
    return make_file(folder)


def test_a_pulled_out_usb_stick_is_said_and_nothing_typed_is_lost(qtbot, tmp_path, usb, monkeypatch):
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(a[2]))
    window = make_window(qtbot, tmp_path, usb)
    edit = window.page.tab_widgets["overview"].edits["leader"]
    gone = usb.parent.with_name("U盘_拔出")
    usb.parent.rename(gone)
    enter(qtbot, edit, "杨哲")
    assert boxes and "找不到文件" in boxes[-1] and "U 盘" in boxes[-1]
    assert "attempt" not in boxes[-1]                        # not SQLite's English
    assert "输入的内容没有丢" in boxes[-1]                    # and that nothing typed is lost
    assert window.saved_label.text().startswith("未保存")
    assert edit.text() == "杨哲"                              # kept where it was typed
    window.file_actions.save()                               # Ctrl+S does not say 已保存
    assert "没有写入文件" in boxes[-1]
    gone.rename(usb.parent)                                  # plugged back in
    enter(qtbot, edit, "老师")
    assert window.saved_label.text().startswith("已保存")
    assert reread(usb).projects[0].leader == "杨哲老师"


def test_a_grid_cell_that_cannot_be_saved_keeps_its_text_on_the_clipboard(
        qtbot, tmp_path, usb, monkeypatch):
    from selfeval_desktop.ui.models import indicator_model as im
    from selfeval_desktop.ui.qt import QApplication, QInputMethodEvent, Qt
    boxes, behind = [], []
    window = make_window(qtbot, tmp_path, usb)
    tab = window.page.tab_widgets["indicators"]

    def box(*a, **k):       # what the cell shows behind the box (it was the old value)
        boxes.append(a[2])
        behind.append(tab.grid.model().index(0, im.COL_DEVIATION).data())
    monkeypatch.setattr(QMessageBox, "warning", box)
    window.page.tabs.setCurrentWidget(tab)
    grid = tab.grid
    focus(qtbot, grid)
    usb.parent.rename(usb.parent.with_name("U盘_拔出"))
    grid.setCurrentIndex(grid.model().index(0, im.COL_DEVIATION))
    event = QInputMethodEvent()
    event.setCommitString("受疫情影响，活动改为线上举办")
    QApplication.sendEvent(grid, event)
    qtbot.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Return)
    assert boxes and "找不到文件" in boxes[-1] and "仍在格中" in boxes[-1]
    assert behind == ["受疫情影响，活动改为线上举办"]
    assert QApplication.clipboard().text() == "受疫情影响，活动改为线上举办"
    assert "剪贴板" in window.statusBar().currentMessage()
    # the cell keeps the text too, red, saying it is not saved (it used to show the old value)
    index = grid.model().index(0, im.COL_DEVIATION)
    assert index.data() == "受疫情影响，活动改为线上举办"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "未保存" in index.data(Qt.ItemDataRole.ToolTipRole)
    from selfeval_desktop.ui import close_guard
    assert close_guard.unsaved_fields(window.page) == [
        ("偏差原因分析及改进措施（第 1 行）", "受疫情影响，活动改为线上举办")]   # closing asks
    usb.parent.with_name("U盘_拔出").rename(usb.parent)       # plugged back in: F2, Enter saves
    grid.setCurrentIndex(index)
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    qtbot.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Return)
    assert reread(usb).projects[0].indicators[0].deviation == "受疫情影响，活动改为线上举办"
    assert "未保存" not in (index.data(Qt.ItemDataRole.ToolTipRole) or "")
    assert not close_guard.unsaved_fields(window.page)


def test_a_file_busy_in_another_program_says_nothing_typed_is_lost_and_what_to_do(
        qtbot, tmp_path, monkeypatch):
    """The 保存失败 box said only why; clerks retyped what was still on screen."""
    import sqlite3
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(a[2]))
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path)
    window.session.conn.execute("PRAGMA busy_timeout = 100")
    reader = sqlite3.connect(path, isolation_level=None)     # a viewer or backup reading it
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM project").fetchone()
    edit = window.page.tab_widgets["overview"].edits["leader"]
    enter(qtbot, edit, "杨哲")
    reader.close()
    assert boxes and "文件正被其他程序使用" in boxes[-1]
    assert "输入的内容没有丢" in boxes[-1] and "另存为副本" in boxes[-1]
    assert edit.text() == "杨哲"


def test_ctrl_z_on_a_full_disk_keeps_the_app_the_red_text_and_the_history(qtbot, tmp_path, usb,
                                                                          monkeypatch):
    """The 保存失败 box of an undo that could not be written ran its event loop
    inside QUndoStack.undo(), the queued clearing of the history deleted the running step and the
    app died (SIGSEGV); without the crash the red text was emptied, the history wiped, and the
    status bar said 已撤销 though nothing was undone."""
    from selfeval_desktop.ui.qt import QApplication
    boxes = []

    def box(*a, **k):        # a real box runs an event loop: what was queued runs in it
        boxes.append(a[2])
        QApplication.processEvents()
    monkeypatch.setattr(QMessageBox, "warning", box)
    window = make_window(qtbot, tmp_path, usb)
    overview = window.page.tab_widgets["overview"]
    background, implementation = overview.edits["background"], overview.edits["implementation"]
    focus(qtbot, background)
    type_text(qtbot, background, "项目依据科技发展规划设立")
    leave(qtbot, background)                                    # saved: one undo step
    stack = window.session.undo_stack
    steps, index = stack.count(), stack.index()
    window.session.conn.execute("CREATE TEMP TRIGGER full BEFORE UPDATE ON project "
                                "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    focus(qtbot, implementation)
    type_text(qtbot, implementation, "资金按计划拨付到位")
    leave(qtbot, implementation)                                # red: not saved
    assert boxes and implementation.property("unsaved")
    window.undo_actions.undo()                                  # its write fails too
    qtbot.wait(50)
    assert len(boxes) == 2 and "保存失败" in boxes[-1]
    assert implementation.toPlainText() == "资金按计划拨付到位"   # still there, still red
    assert implementation.property("unsaved")
    assert (stack.count(), stack.index()) == (steps, index)     # the history kept, as it was
    assert not window.statusBar().currentMessage().startswith("已撤销")
    assert reread(usb).projects[0].background == "项目依据科技发展规划设立"
    window.session.conn.execute("DROP TRIGGER full")            # space again: Ctrl+Z works
    window.undo_actions.undo()
    assert reread(usb).projects[0].background != "项目依据科技发展规划设立"


def test_a_usb_stick_plugged_back_in_is_written_to_again(qtbot, tmp_path, usb, monkeypatch):
    """The file back at its path is another file to the system (a new mount),
    SQLite's connection still held the old one, and every save failed with “文件为只读” and the
    advice to free disk space — only closing and reopening helped, and nothing said so."""
    import shutil
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(a[2]))
    window = make_window(qtbot, tmp_path, usb)
    edit = window.page.tab_widgets["overview"].edits["leader"]
    from selfeval_desktop.db.file_lock import LockInfo, lock_path_for
    shutil.copy2(usb, tmp_path / "插回.sqlite")
    lock_path_for(usb).unlink()                     # the lock went with the old mount
    (tmp_path / "插回.sqlite").replace(usb)          # the same document, as another file
    enter(qtbot, edit, "杨哲")
    assert not boxes and window.saved_label.text().startswith("已保存")
    assert reread(usb).projects[0].leader == "杨哲"
    # and the file is this window's again (with no lock, a CLI 定稿 went through)
    assert window.lock.held and LockInfo.read(lock_path_for(usb)).pid == os.getpid()


def test_another_file_in_its_place_is_never_written_to(qtbot, tmp_path, usb, monkeypatch):
    """Another unit's file put in its place (a new file at the path): the window's next edit
    went into the other unit's evaluation."""
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(a[2]))
    window = make_window(qtbot, tmp_path, usb)
    other, before = another_units_file(tmp_path)
    other.replace(usb)
    edit = window.page.tab_widgets["overview"].edits["leader"]
    enter(qtbot, edit, "赵六")
    assert boxes and "已不是打开时的那个文件" in boxes[-1] and "重新打开" in boxes[-1]
    assert "腾出磁盘空间" not in boxes[-1]
    assert usb.read_bytes() == before and edit.text() == "赵六"   # untouched; kept, red
    assert window.saved_label.text().startswith("未保存")


def test_another_file_copied_over_it_in_place_is_never_written_to(qtbot, tmp_path, usb, monkeypatch):
    """`cp other.sqlite rep.sqlite` (a file manager's 替换, same inode), then an
    edit in the window: it went into the other unit's evaluation, and 已保存 was said."""
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(a[2]))
    window = make_window(qtbot, tmp_path, usb)
    other, before = another_units_file(tmp_path)
    usb.write_bytes(before)                          # over it, in place
    edit = window.page.tab_widgets["overview"].edits["leader"]
    enter(qtbot, edit, "赵六")
    assert boxes and "已不是打开时的那个文件" in boxes[-1]
    assert usb.read_bytes() == before and window.saved_label.text().startswith("未保存")


def test_saved_is_not_said_while_a_field_is_still_red(qtbot, tmp_path, usb, monkeypatch):
    """With 立项背景 red and not in the file, a short text saved elsewhere turned
    the corner to 已保存."""
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    window = make_window(qtbot, tmp_path, usb)
    overview = window.page.tab_widgets["overview"]
    background, leader = overview.edits["background"], overview.edits["leader"]
    window.session.conn.execute("CREATE TEMP TRIGGER full BEFORE UPDATE OF background ON project "
                                "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    enter(qtbot, background, "很长的立项背景")
    assert background.property("unsaved")
    focus(qtbot, leader)
    type_text(qtbot, leader, "杨哲")
    leave(qtbot, leader)                                  # this one is written
    assert reread(usb).projects[0].leader == "杨哲"
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("未保存：1 处红框"), timeout=2000)
    window.session.conn.execute("DROP TRIGGER full")
    focus(qtbot, background)
    leave(qtbot, background)                              # written now: nothing red
    qtbot.wait(10)
    assert window.saved_label.text().startswith("已保存")


def test_a_paste_that_cannot_be_saved_says_it_was_taken_back(qtbot, tmp_path, usb, monkeypatch):
    """On a full disk an 800-row paste was taken back, but the box said the cells
    still held it, red — they were empty — and the error went out of keyPressEvent."""
    from selfeval_desktop.ui.qt import Qt
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(a[2]))
    window = make_window(qtbot, tmp_path, usb)
    tab = window.page.tab_widgets["indicators"]
    window.page.tabs.setCurrentWidget(tab)
    grid = tab.grid
    before = reread(usb).projects[0].indicators
    window.session.conn.execute("CREATE TEMP TRIGGER full BEFORE INSERT ON indicator "
                                "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    grid.setCurrentIndex(grid.model().index(grid.model().data_rows, 2))     # the 新 row
    from selfeval_desktop.ui.qt import QGuiApplication
    QGuiApplication.clipboard().setText("甲\t1个\r\n乙\t2个\r\n丙\t3个\r\n")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)   # nothing escapes
    assert boxes and "未完成" in boxes[-1] and "表格已恢复为操作前的样子" in boxes[-1]
    assert "仍在格中" not in boxes[-1] and "剪贴板" in boxes[-1]
    assert grid.message.startswith("粘贴没有保存")
    assert reread(usb).projects[0].indicators == before
    assert grid.model().data_rows == len(before)


def test_an_older_file_put_in_its_place_is_not_migrated_to_be_compared(qtbot, tmp_path, usb,
                                                                       monkeypatch):
    """Following a re-plugged U盘 opened the file at the path for editing to compare
    it — an older-format file (another unit's, copied there) was backed up and migrated in place,
    then refused as another file."""
    import shutil
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    window = make_window(qtbot, tmp_path, usb)
    older = tmp_path / "旧格式.sqlite"
    shutil.copy(Path(__file__).parents[1] / "db" / "fixtures" / "schema_1_0.sqlite", older)
    before = older.read_bytes()
    older.replace(usb)
    edit = window.page.tab_widgets["overview"].edits["leader"]
    enter(qtbot, edit, "赵六")
    assert usb.read_bytes() == before                          # not migrated, not written
    assert sorted(p.name for p in usb.parent.iterdir() if "备份" in p.name) == []
    assert window.saved_label.text().startswith("未保存")


def test_a_handle_that_reads_no_more_is_followed_to_the_same_file(qtbot, tmp_path, usb, monkeypatch):
    """On Windows a FAT/exFAT U盘 keeps its device and inode numbers across a
    re-plug, so only a handle that no longer reads tells the file came back."""
    from selfeval_desktop.ui import session_replug
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(a[2]))
    window = make_window(qtbot, tmp_path, usb)
    session = window.session
    monkeypatch.setattr(session_replug.Replug, "_handle_alive", lambda self: self.conn is not dead)
    dead = session.conn
    edit = window.page.tab_widgets["overview"].edits["leader"]
    enter(qtbot, edit, "杨哲")
    assert session.conn is not dead and not boxes
    assert reread(usb).projects[0].leader == "杨哲"


def test_the_advice_for_a_group_taken_back_fits_what_it_was():
    """“要粘贴的内容仍在剪贴板中” was said for a clearing or a fill too, and “再做一次”
    beside “请关闭后重新打开”."""
    from selfeval_desktop.ui.save_status import failure_advice
    from selfeval_desktop.ui.session_tx import GROUP_UNDONE
    paste = failure_advice(f"保存失败，“粘贴 3 行 × 2 列”未完成{GROUP_UNDONE}：磁盘空间不足")
    fill = failure_advice(f"保存失败，“向下填充”未完成{GROUP_UNDONE}：磁盘空间不足")
    other = failure_advice(f"保存失败，“清除”未完成{GROUP_UNDONE}：“f.sqlite”已不是打开时的那个文件"
                           "……请关闭后重新打开它，再核对刚才的修改")
    assert "剪贴板" in paste and "再做一次" in paste
    assert "剪贴板" not in fill and "再做一次" in fill
    assert "再做一次" not in other and "剪贴板" not in other


def test_an_undo_whose_file_cannot_be_read_either_raises_nothing(qapp, tmp_path, monkeypatch):
    """With the U盘 really pulled, re-reading the file after a failed undo could raise
    inside QUndoStack, where an error crashes the app (as in the full-disk Ctrl+Z test above)."""
    import sqlite3
    from selfeval_desktop.db import repo
    from tests.ui.ui_fixtures import open_session
    session = open_session(make_file(tmp_path))
    pid = session.document.projects[0].id
    session.set_value("project", pid, None, "leader", "杨哲")
    session.conn.execute("CREATE TEMP TRIGGER gone BEFORE UPDATE ON project "
                         "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")

    def unreadable(conn):
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(repo, "load_document", unreadable)
    session.undo_stack.undo()                                  # nothing escapes
    qapp.processEvents()
    assert session.undo_stack.index() == 1 and session.write_error
    assert session.document.projects[0].leader == "杨哲"         # as on screen
    session.conn.close()
