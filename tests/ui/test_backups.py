"""备份与恢复 in the window: snapshots after the first paint, while edited, before what changes
much and on closing; a failure never stops the work; a backup viewed read-only writes nothing;
a restore keeps what it replaced as “恢复前” and editing goes on (ui.backups, ui.backup_actions,
ui.backup_dialog)."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from selfeval_desktop.db import snapshots
from selfeval_desktop.ui import backup_actions, backups, dialogs
from selfeval_desktop.ui.backup_dialog import BackupDialog, BackupModel
from selfeval_desktop.ui.qt import QApplication, QMessageBox, QPushButton, Qt, QWidget

from tests.ui.shell_helpers import OFFSCREEN_NOISE, action_named, focus, make_window, menu_of
from tests.ui.ui_fixtures import make_file, reread, sample_document

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
K, CTRL = Qt.Key, Qt.KeyboardModifier.ControlModifier


def two_projects():
    doc = sample_document()
    second = copy.deepcopy(doc.projects[0])
    second.name = "第二个项目"
    doc.projects.append(second)
    return doc


@pytest.fixture
def path(tmp_path):
    return make_file(tmp_path, two_projects())


@pytest.fixture(autouse=True)
def soon(monkeypatch):
    monkeypatch.setattr(backups, "OPEN_DELAY_MS", 0)


def listed(store, path) -> list[snapshots.Snapshot]:
    return snapshots.list_snapshots(store, path)


def reasons(store, path) -> list[str]:
    return [s.label for s in listed(store, path)]


def names(doc_or_path) -> list[str]:
    doc = reread(doc_or_path) if isinstance(doc_or_path, Path) else doc_or_path
    return [p.name for p in doc.projects]


def opened_and_backed_up(qtbot, tmp_path, path, store):
    window = make_window(qtbot, tmp_path, path)
    qtbot.waitUntil(lambda: reasons(store, path) == ["打开时"], timeout=5000)
    qtbot.waitUntil(lambda: window.backup_keeper.running == 0, timeout=5000)
    return window


def test_a_file_opened_is_backed_up_after_the_first_paint(qtbot, tmp_path, path, backup_store):
    window = make_window(qtbot, tmp_path, path, show=False)
    for _ in range(20):
        QApplication.processEvents()
    assert listed(backup_store, path) == []              # nothing before the window has painted
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: reasons(backup_store, path) == ["打开时"], timeout=5000)
    assert names(listed(backup_store, path)[0].path) == ["科技创新服务项目", "第二个项目"]


def test_a_file_opened_read_only_is_not_backed_up(qtbot, tmp_path, path, backup_store):
    window = make_window(qtbot, tmp_path)
    assert window.file_actions.open_path(path, readonly=True)
    qtbot.wait(300)
    assert listed(backup_store, path) == []


def test_edits_are_backed_up_periodically_and_on_closing(qtbot, tmp_path, path, backup_store,
                                                         monkeypatch):
    monkeypatch.setattr(backups, "PERIOD_MS", 200)
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    qtbot.wait(500)
    assert reasons(backup_store, path) == ["打开时"]      # nothing saved: nothing taken
    session = window.session
    session.set_value("project", session.document.projects[0].id, None, "name", "改名一")
    qtbot.waitUntil(lambda: reasons(backup_store, path) == ["定时", "打开时"], timeout=5000)
    assert names(listed(backup_store, path)[0].path)[0] == "改名一"
    session.set_value("project", session.document.projects[0].id, None, "name", "改名二")
    window.backup_keeper.timer.stop()
    assert window.close_document()
    assert reasons(backup_store, path)[0] == "关闭时"
    assert names(listed(backup_store, path)[0].path)[0] == "改名二"


def test_deleting_a_project_is_backed_up_first(qtbot, tmp_path, path, backup_store, monkeypatch):
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    session = window.session
    second = session.document.projects[1].id
    session.set_value("project", second, None, "leader", "李四")     # typed after the open one
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    window.page.projects.select_pid(second)
    assert window.page.projects.delete_project()
    assert reasons(backup_store, path) == ["删除项目前", "打开时"]
    kept = reread(listed(backup_store, path)[0].path)
    assert [p.leader for p in kept.projects if p.name == "第二个项目"] == ["李四"]
    assert names(path) == ["科技创新服务项目"]


def test_finalizing_is_backed_up_first(qtbot, tmp_path, path, backup_store, monkeypatch):
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    session = window.session
    project = session.document.projects[0]
    session.set_value("indicator", project.id, project.indicators[2].id, "actual", "有效提升")
    pid = project.id
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: 0)
    window.page.projects.select_pid(pid)
    assert window.finalize_actions.finalize_current()
    assert reasons(backup_store, path) == ["定稿前", "打开时"]
    kept = reread(listed(backup_store, path)[0].path).projects[0]
    assert not kept.finalized_at and kept.indicators[2].actual == "有效提升"


def test_restore_keeps_the_state_replaced_and_editing_goes_on(qtbot, tmp_path, path,
                                                              backup_store, monkeypatch):
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    session = window.session
    session.set_value("project", session.document.projects[0].id, None, "name", "改错的名字")
    window.page.projects.select_pid(session.document.projects[1].id)
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    window.page.projects.delete_project()
    assert names(path) == ["改错的名字"]
    monkeypatch.setattr(backup_actions, "ask_restore", lambda window, text: True)
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    rows = [dialog.model.snapshot(r).label for r in range(dialog.model.rowCount())]
    assert rows == ["删除项目前", "打开时"]
    dialog.table.selectRow(1)
    shown = dialog.details.toPlainText()
    assert "2 个项目（1 个与现在不同，1 个现在已没有）" in shown
    assert "项目改名：“科技创新服务项目”→“改错的名字”\n备份中有、现在已没有的项目：“第二个项目”" in shown
    listed_from = shown.splitlines().index("这个备份中的项目：") + 1
    first, second = shown.splitlines()[listed_from:listed_from + 2]
    assert first.startswith("1. 科技创新服务项目") and first.endswith("← 内容与现在不同")  # renamed
    assert second.startswith("2. 第二个项目") and second.endswith("← 现在已没有这个项目")
    assert dialog.restore_button.isEnabled()
    assert dialog.restore()
    assert names(path) == ["科技创新服务项目", "第二个项目"]           # the file holds the backup
    assert names(window.session.document) == ["科技创新服务项目", "第二个项目"]
    assert window.page.projects.model.rowCount() == 2
    assert reasons(backup_store, path)[0] == "恢复前"
    assert names(listed(backup_store, path)[0].path) == ["改错的名字"]
    assert "已恢复为" in window.statusBar().currentMessage()
    assert window.lock is not None and window.lock.held                # still this window's
    # editing goes on, and Ctrl+Z undoes what is typed after the restore
    pid = window.session.document.projects[0].id
    window.page.projects.select_pid(pid)
    window.session.set_value("project", pid, None, "leader", "王五")
    assert reread(path).projects[0].leader == "王五"
    focus(qtbot, window.page.projects.view)
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Z, CTRL)
    assert reread(path).projects[0].leader == ""
    assert names(path) == ["科技创新服务项目", "第二个项目"]


def test_a_backup_viewed_read_only_writes_nothing(qtbot, tmp_path, path, backup_store):
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    window.session.set_value("project", window.session.document.projects[0].id, None, "name",
                             "现在的名字")
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(dialog.model.rowCount() - 1)      # the one taken on opening
    assert dialog.open_view()
    original = path.read_bytes()
    folder = snapshots.folder_for(backup_store, path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    session = window.session
    copy_folder = Path(session.path).parent
    assert session.readonly and names(session.document)[0] == "科技创新服务项目"
    assert window.windowTitle().startswith(f"备份：{path.name}（")
    assert "打开时" in window.windowTitle() and "只读" in window.windowTitle()
    assert window.follower is None                      # no 改为可编辑 offered for the copy
    assert window.findChild(QWidget, "backupViewBar").isVisible()
    assert session.set_value("project", session.document.projects[0].id, None, "name", "x")
    assert window.file_actions.recent_files()[0] == str(path.absolute())   # not the copy
    assert window.close_document()
    assert window.backup_view_bar is None
    qtbot.waitUntil(lambda: window.findChild(QWidget, "backupViewBar") is None, timeout=2000)
    assert not copy_folder.exists()                     # the temporary copy is gone
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert path.read_bytes() == original


def test_back_to_the_file_from_a_backup_viewed(qtbot, tmp_path, path, backup_store):
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.open_view()
    window.findChild(QPushButton, "backToOriginal").click()
    assert Path(window.session.path) == path.absolute() and not window.session.readonly
    assert window.windowTitle().startswith(path.name)


def test_a_failed_backup_leaves_the_document_and_the_editing_alone(qtbot, tmp_path, path,
                                                                  monkeypatch):
    blocker = tmp_path / "占着名字的文件"
    blocker.write_text("x")
    monkeypatch.setenv(backups.ENV, str(blocker / "备份"))
    original = path.read_bytes()
    window = make_window(qtbot, tmp_path, path)
    qtbot.waitUntil(lambda: getattr(window, "backup_keeper", None) is not None
                    and window.backup_keeper.note is not None, timeout=5000)
    assert window.backup_keeper.note.isVisible()
    assert "备份未完成" in window.backup_keeper.note.toolTip()
    assert "文件本身不受影响" in window.statusBar().currentMessage()
    assert path.read_bytes() == original                  # the document is not touched
    assert not window.session.write_error
    pid = window.session.document.projects[0].id
    window.session.set_value("project", pid, None, "leader", "赵六")      # editing goes on
    assert reread(path).projects[0].leader == "赵六"
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    window.page.projects.select_pid(window.session.document.projects[1].id)
    assert window.page.projects.delete_project()          # a backup first fails: it goes on
    assert names(path) == ["科技创新服务项目"]
    assert window.close_document()                        # and closing too


def test_save_as_makes_a_new_file_of_a_backup_and_opens_it(qtbot, tmp_path, path, backup_store,
                                                          monkeypatch):
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    window.session.set_value("project", window.session.document.projects[0].id, None, "name",
                             "现在的名字")
    target = tmp_path / "找回的.sqlite"
    from selfeval_desktop.ui import qt
    monkeypatch.setattr(qt.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    assert dialog.save_as()
    assert Path(window.session.path) == target.absolute()
    assert names(target) == ["科技创新服务项目", "第二个项目"]
    assert names(path)[0] == "现在的名字"
    assert "另存为" in window.statusBar().currentMessage()


def test_the_file_menu_has_the_entry_and_the_dialog_lists_other_files(qtbot, tmp_path, path,
                                                                      backup_store):
    other = make_file(tmp_path / "other" if (tmp_path / "other").mkdir() is None else tmp_path)
    snapshots.take(other, backup_store, other, "open")
    other.unlink()                                        # deleted: its backups are still there
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    entry = action_named(menu_of(window, "文件"), "备份与恢复…")
    assert entry.isEnabled()
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.files.count() == 2 and "当前打开" in dialog.files.itemText(0)
    assert "文件已不在原处" in dialog.files.itemText(1)
    dialog.files.setCurrentIndex(1)
    assert dialog.model.rowCount() == 1
    assert not dialog.restore_button.isEnabled()          # not the file open here
    assert dialog.save_button.isEnabled() and dialog.view_button.isEnabled()
    assert window.close_document()                        # no file open: every file with backups
    assert entry.isEnabled()
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    assert sorted(dialog.files.itemData(i) for i in range(dialog.files.count())) == \
        sorted([str(path.absolute()), str(other.absolute())])
    assert dialog.view_button.isEnabled() and not dialog.restore_button.isEnabled()
    assert "请先打开这个文件" in dialog.restore_button.toolTip()


def test_the_list_says_what_differs_from_the_file_now(qtbot, tmp_path, path, backup_store):
    """Each backup read “项目相同，内容有不同” (the clerk opened one after another
    to learn what), and a project renamed read as one more and one fewer. The column says it
    from the names at once, then what differs within the projects; the pane lists each change."""
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    session = window.session
    first, second = (p.id for p in session.document.projects)
    session.set_value("project", first, None, "name", "改好的名字")
    session.set_value("project", second, None, "leader", "张三")
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    told = lambda: dialog.model.data(dialog.model.index(0, 3))   # noqa: E731
    assert told().startswith("项目改名：“科技创新服务项目”→“改好的名字”")
    qtbot.waitUntil(lambda: told() == "项目改名：“科技创新服务项目”→“改好的名字”；"
                                      "“第二个项目”：项目负责人：（空） → “张三”", timeout=3000)
    shown = dialog.details.toPlainText()
    assert "“第二个项目”：改了 1 处\n    · 项目负责人：（空） → “张三”" in shown


def test_the_snapshot_table_model(qtmodeltester, path, backup_store):
    snapshots.take(path, backup_store, path, "open")
    model = BackupModel()
    model.set_snapshots(listed(backup_store, path), snapshots.current(path))
    qtmodeltester.check(model, force_py=True)
    assert [model.data(model.index(0, c)) for c in range(1, 4)] == ["打开时", "2", "与现在的内容相同"]


SETTLED = """
def report():   # once the work left for after the first paint is done (问题清单 filled)
    if not window.settled():
        QTimer.singleShot(5, report)
        return
    print("selfeval_desktop.db.snapshots" in sys.modules, "hashlib" in sys.modules)
    app.quit()
"""


def test_the_start_does_not_wait_for_the_backup(tmp_path):
    """The snapshot on opening is taken a second after the first paint, on a thread: until the
    window has settled (what bench_startup measures) nothing of it is even imported — db.snapshots
    loads hashlib and OpenSSL, some 10 ms."""
    from tests.ui.shell_helpers import after_first_paint
    out = after_first_paint(tmp_path, make_file(tmp_path), SETTLED)
    assert out.split() == ["False", "False"], out


def test_the_window_and_the_store_agree_on_the_variable():
    assert backups.ENV == snapshots.STORE_ENV and backups.STORE_NAME == snapshots.STORE_NAME


def test_a_window_reading_the_file_follows_a_restore(qtbot, tmp_path, path, backup_store,
                                                     monkeypatch):
    """The restore goes into the file through the editing window's connection: a second window,
    read-only on the same file, sees the restored content as it sees any edit; the lock stays
    the first window's."""
    from selfeval_desktop.ui import lock_dialog
    editing = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    monkeypatch.setattr(lock_dialog, "ask_lock", lambda *a: True)        # 只读打开
    (tmp_path / "second").mkdir()
    reading = make_window(qtbot, tmp_path / "second", path)
    assert reading.session.readonly
    editing.session.set_value("project", editing.session.document.projects[0].id, None, "name",
                              "改错的名字")
    assert reading.follower.check_now()
    assert names(reading.session.document)[0] == "改错的名字"
    monkeypatch.setattr(backup_actions, "ask_restore", lambda window, text: True)
    assert backup_actions.restore(editing, listed(backup_store, path)[-1], path)
    assert reading.follower.check_now()
    assert names(reading.session.document)[0] == "科技创新服务项目"
    assert reading.session.readonly and editing.lock.held
    assert backup_actions.can_restore(reading, path).startswith("文件是只读打开的")


def test_a_restore_names_the_finalize_it_takes_back_and_its_paper_still_verifies(
        qtbot, tmp_path, path, backup_store, monkeypatch):
    """Restoring the 打开时 backup took a 定稿 made since with no word, and with it
    the record that the stamped paper's 校验码 was issued by this file."""
    from selfeval_desktop.domain.digest import check_code
    from selfeval_desktop.domain.finalized_diff import CHANGED
    from selfeval_desktop.ui import verify_box
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    session = window.session
    project = session.document.projects[0]
    session.set_value("indicator", project.id, project.indicators[2].id, "actual", "有效提升")
    opened_at = listed(backup_store, path)[-1]
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: 0)
    window.page.projects.select_pid(project.id)
    assert window.finalize_actions.finalize_current()
    code = session.project(project.id).digest[:16]
    asked = []
    monkeypatch.setattr(backup_actions, "ask_restore", lambda w, text: asked.append(text) or True)
    assert backup_actions.restore(window, opened_at, path)
    [question] = asked
    assert "注意：这个备份中没有下面的定稿，恢复后这个项目不再是定稿" in question
    assert "「科技创新服务项目」：" in question and f"校验码 {check_code(code)}" in question
    assert "纸质表将与文件不再一致" in question
    assert not window.session.document.projects[0].finalized_at
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    status, lines = verify_box.show_paper_check(window, window.session, code)
    assert status == CHANGED            # (the 实际完成值 typed after the backup is not in it)
    assert f"文件恢复为 {opened_at.shown} 的备份（打开时），这次定稿随之撤回" in lines[0]


def test_a_restore_right_after_opening_still_keeps_a_restore_point(qtbot, tmp_path, path,
                                                                    backup_store, monkeypatch):
    """The content equal to the 打开时 backup, no 恢复前 was written, yet the
    window said the content replaced was backed up as 恢复前."""
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    monkeypatch.setattr(backup_actions, "ask_restore", lambda w, text: True)
    assert backup_actions.restore(window, listed(backup_store, path)[0], path)
    assert reasons(backup_store, path) == ["恢复前", "打开时"]


def test_a_restore_from_a_backup_viewed_keeps_the_content_it_replaced(qtbot, tmp_path, path,
                                                                     backup_store, monkeypatch):
    """Restored from the backup shown read-only, no 恢复前 was written (the
    content equal to the 关闭时 just taken), and the 打开时 snapshot due after the file was opened
    again took the restored content under that name."""
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    window.session.set_value("project", window.session.document.projects[0].id, None, "name",
                             "恢复前的名字")
    assert backup_actions.open_view(window, listed(backup_store, path)[0], path)
    assert reasons(backup_store, path) == ["关闭时", "打开时"]
    monkeypatch.setattr(backup_actions, "ask_restore", lambda w, text: True)
    window.findChild(QPushButton, "restoreShown").click()
    assert names(path)[0] == "科技创新服务项目"
    qtbot.wait(200)                                       # what was due after the open
    qtbot.waitUntil(lambda: window.backup_keeper.running == 0, timeout=5000)
    assert reasons(backup_store, path) == ["恢复前", "关闭时", "打开时"]
    assert names(listed(backup_store, path)[0].path)[0] == "恢复前的名字"
    assert "恢复前的内容已备份" in window.statusBar().currentMessage()


def test_a_restore_not_backed_up_first_does_not_say_it_was(qtbot, tmp_path, path, backup_store,
                                                            monkeypatch):
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    monkeypatch.setattr(backup_actions, "ask_restore", lambda w, text: True)
    monkeypatch.setattr(backup_actions, "ask_restore_unbacked", lambda w, text: True)

    def failing(*a, **k):
        raise snapshots.SnapshotError("备份未完成：磁盘已满")
    monkeypatch.setattr(snapshots, "take", failing)
    assert backup_actions.restore(window, listed(backup_store, path)[0], path)
    message = window.statusBar().currentMessage()
    assert "已恢复为" in message and "已备份" not in message and "没有备份" in message


def test_back_up_now_says_what_it_did(qtbot, tmp_path, path, backup_store):
    """After a backup written the bar said “已备份（内容与上一个备份相同时不重复保存）”,
    which reads as nothing saved."""
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    window.session.set_value("project", window.session.document.projects[0].id, None, "leader",
                             "李四")
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.back_up_now()
    manual = listed(backup_store, path)[0]
    assert manual.label == "手动备份"
    assert window.statusBar().currentMessage() == f"已备份：{manual.shown}（手动备份）"
    assert dialog.back_up_now()
    assert window.statusBar().currentMessage() == \
        f"内容与 {manual.shown}（手动备份）的备份相同，已有备份，不再重复保存"


def test_the_saved_time_follows_a_restore(qtbot, tmp_path, path, backup_store, monkeypatch):
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    window.saved_label.setText("已保存 00:00:00")
    monkeypatch.setattr(backup_actions, "ask_restore", lambda w, text: True)
    assert backup_actions.restore(window, listed(backup_store, path)[0], path)
    assert window.saved_label.text().startswith("已保存 ")
    assert window.saved_label.text() != "已保存 00:00:00"


def test_why_a_restore_is_greyed_is_shown_and_the_file_can_be_opened(qtbot, tmp_path, path,
                                                                     backup_store):
    """The reason was only a tooltip; for another file's backups the clerk had
    to find and open that file first."""
    (tmp_path / "other").mkdir()
    other = make_file(tmp_path / "other")
    snapshots.take(other, backup_store, other, "open")
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.restore_why.isHidden() and dialog.open_button.isHidden()
    dialog.files.setCurrentIndex(1)
    assert not dialog.restore_button.isEnabled()
    assert not dialog.restore_why.isHidden()
    assert dialog.restore_why.text() == "不能“恢复为此版本”：只能恢复当前打开的文件；请先打开这个文件"
    assert not dialog.open_button.isHidden()
    dialog.open_button.click()
    assert Path(window.session.path) == other.absolute()
    assert dialog.doc_path() == other.absolute() and "当前打开" in dialog.files.currentText()
    assert dialog.restore_button.isEnabled() and dialog.restore_why.isHidden()


def test_a_file_read_only_itself_is_said_to_be(qtbot, tmp_path, path, backup_store, monkeypatch):
    """It was said to be “可能正在另一个窗口中编辑”."""
    import os
    snapshots.take(path, backup_store, path, "open")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if (
        Path(p) == path and mode == os.W_OK) else real(p, mode, *a, **k))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    window = make_window(qtbot, tmp_path, path)
    assert window.session.readonly
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert "文件本身是只读的" in dialog.restore_why.text() and "另一个窗口" not in dialog.restore_why.text()
    assert dialog.open_button.isHidden()


def test_a_backup_viewed_leaves_no_place_in_the_settings(qtbot, tmp_path, path, backup_store):
    """Each backup viewed added a place key for its temporary copy, never
    removed."""
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    from selfeval_desktop.ui import window_place
    assert backup_actions.open_view(window, listed(backup_store, path)[0], path)
    window.page.projects.select_pid(window.session.document.projects[1].id)
    window.save_settings()
    assert window.close_document()
    places = [k for k in window.settings.allKeys() if k.startswith("place/")]
    assert places == [window_place.key(path)]          # the file's own only


def test_the_file_s_own_backup_folder_is_shown_and_opened(qtbot, tmp_path, path, backup_store,
                                                          monkeypatch):
    """The dialog showed the store's root, not this file's folder in it, as text
    only — on Windows under the hidden %LOCALAPPDATA%, which a clerk cannot find by hand."""
    from selfeval_desktop.reports import export
    opened = []
    monkeypatch.setattr(export, "open_with_system_viewer", lambda p: opened.append(p) or True)
    window = opened_and_backed_up(qtbot, tmp_path, path, backup_store)
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    folder = snapshots.folder_for(backup_store, path)
    assert dialog.where.text() == f"这个文件的备份保存在：{folder}"
    assert dialog.folder_button.text() == "打开备份文件夹" and dialog.folder_button.isEnabled()
    dialog.folder_button.click()
    assert opened == [folder]
    monkeypatch.setattr(export, "open_with_system_viewer", lambda p: False)
    assert not dialog.open_folder()
    assert dialog.where.text() == f"这台电脑上没能打开文件管理器，请自己打开这个文件夹：{folder}"
