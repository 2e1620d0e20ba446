"""The 文件 menu: 新建, 打开, 最近文件, 另存为副本, 从上年文件新建, 演示, Excel and PDF."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from selfeval_desktop.db.document import open_document
from selfeval_desktop.db.repo import load_document
from selfeval_desktop.ui import file_actions, file_reports, import_into
from selfeval_desktop.ui.qt import QFileDialog, QKeySequence, QMessageBox

from tests.ui.shell_helpers import (OFFSCREEN_NOISE, action_named, make_window, menu_of, open_as,
                                    save_as, texts_of)
from tests.ui.ui_fixtures import make_file, reread, with_department

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def menu_texts(window):
    return texts_of(menu_of(window, "文件"))


def test_menu_has_the_file_entries(qtbot, tmp_path):
    texts = menu_texts(make_window(qtbot, tmp_path, show=False))
    for word in ("新建…", "打开…", "最近文件", "保存", "另存为副本…", "从上年文件新建下一年度…",
                 "导入Excel自评表…", "导出Excel…", "打开演示文件"):
        assert word in texts
    assert any(t.startswith("打印·导出PDF") for t in texts)
    # the narrative report too (no narrative section printed anywhere)
    assert any(t.startswith("打印·导出PDF：项目支出绩效自评报告") for t in texts)


def test_new_document_asks_unit_year_profile_and_a_place(qtbot, tmp_path, monkeypatch, warnings):
    window = make_window(qtbot, tmp_path, show=False)
    monkeypatch.setattr(file_actions, "ask_new_document",
                        lambda parent: ("某县科协", 2022, "hubei", "project"))
    target = tmp_path / "新文件"
    save_as(monkeypatch, target)
    assert window.file_actions.new_document()
    path = target.with_suffix(".sqlite")
    doc = reread(path)
    assert (doc.unit.name, doc.year, doc.profile_id) == ("某县科协", 2022, "hubei")
    assert len(doc.projects) == 1  # one empty project to start typing into
    assert Path(window.session.path) == path
    assert window.page.header.unit.text() == "某县科协"


def test_a_new_file_never_replaces_an_existing_one(qtbot, tmp_path, monkeypatch, warnings):
    """新建 suggested this year's file name, Qt asked “替换？”, and 是 left an empty
    document where the filled-in one had been. Now the suggestion is a free name and an existing
    file chosen anyway is refused, byte for byte untouched."""
    filled = make_file(tmp_path)          # 自评.selfeval, filled in
    before = filled.read_bytes()
    window = make_window(qtbot, tmp_path, show=False)
    monkeypatch.setattr(file_actions, "ask_new_document",
                        lambda parent: ("某县科协", 2022, "hubei", "project"))
    asked = {}

    def dialog(parent, title, suggested, *args):
        asked["suggested"], asked["options"] = suggested, args[-1] if args else None
        return str(filled), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    told = answer(monkeypatch, "取消")
    assert not window.file_actions.new_document()
    assert "已存在" in told[-1][0] and "不会替换" in told[-1][0]
    assert told[-1][1] == ["换一个文件名…", "打开这个文件", "取消"]
    assert filled.read_bytes() == before and window.session is None
    assert asked["options"] == QFileDialog.Option.DontConfirmOverwrite


def answer(monkeypatch, *labels):
    """dialogs.choose answered with ``labels`` in turn; returns what it was told (text, buttons)."""
    from selfeval_desktop.ui import dialogs
    told, left = [], list(labels)

    def choose(parent, title, text, buttons, default=0, kind=None):
        told.append((text, buttons))
        return buttons.index(left.pop(0))
    monkeypatch.setattr(dialogs, "choose", choose)
    return told


def test_a_new_file_on_an_existing_name_asks_again_keeping_what_was_typed(
        qtbot, tmp_path, monkeypatch):
    """A name that exists ended the whole 新建 (unit and year typed again); now the
    save dialog comes back, in the same folder, on a free name."""
    filled = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, show=False)
    monkeypatch.setattr(file_actions, "ask_new_document",
                        lambda parent: ("某县科协", 2022, "hubei", "project"))
    offered = []
    names = iter([filled, tmp_path / "某县科协2022"])

    def dialog(parent, title, suggested, *args):
        offered.append(Path(suggested))
        return str(next(names)), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    answer(monkeypatch, "换一个文件名…")
    assert window.file_actions.new_document()
    assert offered[1].parent == tmp_path and not offered[1].exists()
    assert Path(window.session.path) == tmp_path / "某县科协2022.sqlite"
    assert window.page.header.unit.text() == "某县科协"


def test_a_new_file_on_an_existing_name_can_open_that_file_instead(qtbot, tmp_path, monkeypatch):
    filled = make_file(tmp_path)
    before = filled.read_bytes()
    window = make_window(qtbot, tmp_path, show=False)
    monkeypatch.setattr(file_actions, "ask_new_document",
                        lambda parent: ("某县科协", 2022, "hubei", "project"))
    save_as(monkeypatch, filled)
    answer(monkeypatch, "打开这个文件")
    assert not window.file_actions.new_document()       # nothing new was made
    assert Path(window.session.path) == filled and filled.read_bytes() == before


def test_the_suggested_name_of_a_new_file_is_a_free_one(tmp_path):
    (tmp_path / "某县科协2022年度.sqlite").write_bytes(b"x")
    free = file_actions._unused(tmp_path / "某县科协2022年度.sqlite")
    assert free.name == "某县科协2022年度（2）.sqlite" and not free.exists()


def test_the_first_save_dialog_opens_in_an_existing_folder():
    assert Path(file_actions.documents_dir()).is_dir()


def test_cancelled_new_document_changes_nothing(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path, show=False)
    monkeypatch.setattr(file_actions, "ask_new_document", lambda parent: None)
    assert not window.file_actions.new_document()
    assert window.session is None and list(tmp_path.glob("*.sqlite")) == []


def test_opening_a_file_that_is_not_ours_says_so_and_leaves_it(qtbot, tmp_path, monkeypatch,
                                                              warnings):
    other = tmp_path / "笔记.txt"
    other.write_text("不是自评文件", encoding="utf-8")
    window = make_window(qtbot, tmp_path, show=False)
    open_as(monkeypatch, other)
    assert not window.file_actions.open_dialog()
    assert "不是绩效自评文件" in warnings[0]
    assert other.read_text(encoding="utf-8") == "不是自评文件"
    assert window.session is None and not list(tmp_path.glob("~$*"))


def test_recent_files_newest_first(qtbot, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = make_file(tmp_path / "a"), make_file(tmp_path / "b")
    window = make_window(qtbot, tmp_path, show=False)
    assert window.file_actions.open_path(a) and window.file_actions.open_path(b)
    assert window.file_actions.recent_files()[:2] == [str(b), str(a)]
    window.file_actions._fill_recent()
    assert [x.text() for x in window.file_actions.recent_menu.actions()][:2] == [
        f"&1  {b.name}", f"&2  {a.name}"]
    assert window.file_actions.open_path(a)  # reopening the first replaces the second
    assert Path(window.session.path) == a and not Path(b).with_name(f"~${b.name}.lock").exists()


def test_save_copy_writes_a_whole_document_and_keeps_editing_the_original(
        qtbot, tmp_path, monkeypatch, warnings):
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    pid = window.session.document.projects[0].id
    window.session.set_value("project", pid, None, "leader", "王五")
    copy = tmp_path / "副本.sqlite"
    save_as(monkeypatch, copy)
    assert window.file_actions.save_copy()
    assert reread(copy).projects[0].leader == "王五"
    assert Path(window.session.path) == path
    window.session.set_value("project", pid, None, "leader", "赵六")
    assert reread(copy).projects[0].leader == "王五" and reread(path).projects[0].leader == "赵六"


def test_new_from_last_year_copies_the_plan_and_clears_results(qtbot, tmp_path, monkeypatch,
                                                                warnings):
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    before = path.read_bytes()
    target = tmp_path / "2022.sqlite"
    save_as(monkeypatch, target)
    assert window.file_actions.new_from_last_year()
    doc = reread(target)
    assert doc.year == 2022 and doc.unit.name == "某县科学技术局"
    p = doc.projects[0]
    assert [i.target for i in p.indicators][:2] == ["≥4次", "≥90%"]
    assert all(i.actual == "" for i in p.indicators)
    assert [e.name for e in p.evaluators] == ["张三"]
    assert p.funding.executed is None
    assert Path(window.session.path) == target
    assert path.read_bytes() == before  # last year's file is untouched
    said = window.statusBar().currentMessage()      # it switched without a word
    assert "已新建2022年度文件" in said and "上年文件未改动" in said
    # the sentence was cut off at a 1280 px window's edge
    from selfeval_desktop.ui.qt import QFontMetrics
    assert QFontMetrics(window.statusBar().font()).horizontalAdvance(said) < 1280 - 200


def test_new_from_last_year_offers_the_file_already_made(qtbot, tmp_path, monkeypatch):
    """A second 从上年文件新建 quietly made a “（2）” file beside the first one."""
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    made = tmp_path / "2022年度某县科学技术局绩效自评.sqlite"
    save_as(monkeypatch, made)
    assert window.file_actions.new_from_last_year() and made.exists()
    assert window.file_actions.open_path(path)
    told = answer(monkeypatch, "打开这个文件")
    files = set(tmp_path.glob("*.sqlite"))
    assert window.file_actions.new_from_last_year()
    assert "已存在" in told[0][0] and Path(window.session.path) == made
    assert set(tmp_path.glob("*.sqlite")) == files                # nothing new made


def test_new_from_last_year_refuses_to_overwrite_the_source(qtbot, tmp_path, monkeypatch,
                                                            warnings):
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    save_as(monkeypatch, path)
    told = answer(monkeypatch, "取消")
    assert not window.file_actions.new_from_last_year()
    assert reread(path).year == 2021
    assert "是当前打开的文件" in told[-1][0]   # told why, and asked for another name


def test_demo_opens_a_fresh_demo_document(qtbot, tmp_path, monkeypatch, warnings):
    demo = tmp_path / "data" / "演示文件.sqlite"
    monkeypatch.setattr(file_actions, "demo_path", lambda: demo)
    window = make_window(qtbot, tmp_path, show=False)
    assert window.file_actions.open_demo()
    assert Path(window.session.path) == demo
    assert len(window.session.document.projects) > 5


def test_export_excel_then_import_it_as_a_new_document(qtbot, tmp_path, monkeypatch, warnings):
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    xlsx = tmp_path / "导出.xlsx"
    save_as(monkeypatch, xlsx)
    assert file_reports.export_excel(window.file_actions)
    assert xlsx.stat().st_size > 0
    assert "自评基本情况表，可直接打印" in window.statusBar().currentMessage()   # where to find it
    open_as(monkeypatch, xlsx)
    imported = tmp_path / "导入.sqlite"
    save_as(monkeypatch, imported)
    monkeypatch.setattr(file_reports, "ask_amount_unit", lambda parent, q: "wan")
    monkeypatch.setattr(import_into, "choose", lambda *a: import_into.NEW)   # 另存为新文件
    assert file_reports.import_excel(window.file_actions)
    assert Path(window.session.path) == imported
    doc = reread(imported)
    assert doc.projects[0].name == "科技创新服务项目"
    assert [i.name for i in doc.projects[0].indicators][0] == "举办培训次数"


def test_print_writes_a_pdf_and_opens_the_viewer(qtbot, tmp_path, monkeypatch, warnings):
    from selfeval_desktop.reports import export
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    opened = []
    monkeypatch.setattr(export, "open_with_system_viewer", lambda p: opened.append(p) or True)
    monkeypatch.setattr(file_reports, "ask_print_despite_errors", lambda parent, text: True)
    pdf = tmp_path / "自评表.pdf"
    offered = []

    def dialog(parent, title, suggested, *args):
        offered.append(Path(suggested).name)
        return str(pdf), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    assert file_reports.export_pdf(window.file_actions, "basic")
    assert pdf.read_bytes().startswith(b"%PDF") and opened == [pdf]
    # the year in the name: next year's print does not replace this one
    assert offered[0].startswith(f"{window.session.document.year}年度项目单位自评基本情况表")


def test_without_a_pdf_program_the_clerk_is_told_where_the_pdf_is(qtbot, tmp_path, monkeypatch,
                                                                  warnings):
    """“在PDF阅读器中打开” was said when no viewer existed, and the clerk waited."""
    from selfeval_desktop.reports import export
    window = make_window(qtbot, tmp_path, make_file(tmp_path), show=False)
    monkeypatch.setattr(export, "open_with_system_viewer", lambda p: False)
    monkeypatch.setattr(file_reports, "ask_print_despite_errors", lambda parent, text: True)
    pdf = tmp_path / "自评表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(pdf), ""))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    assert file_reports.export_pdf(window.file_actions, "basic")
    assert pdf.exists()
    [text] = told
    assert str(pdf) in text and "没有找到打开 PDF 的程序" in text
    assert "阅读器中打开" not in window.statusBar().currentMessage()


def test_opened_document_is_read_through_repo(qtbot, tmp_path):
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    opened = open_document(path, readonly=True)
    try:
        assert load_document(opened.conn) == window.session.document
    finally:
        opened.close()


def test_importing_onto_the_open_file_is_refused_and_says_why(qtbot, tmp_path, monkeypatch,
                                                               warnings):
    """Importing into the file open in this window said it was open in another one."""
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    xlsx = tmp_path / "导出.xlsx"
    save_as(monkeypatch, xlsx)
    assert file_reports.export_excel(window.file_actions)
    before = path.read_bytes()
    open_as(monkeypatch, xlsx)
    save_as(monkeypatch, path)
    monkeypatch.setattr(file_reports, "ask_amount_unit", lambda parent, q: "wan")
    monkeypatch.setattr(import_into, "choose", lambda *a: import_into.NEW)   # 另存为新文件
    told = answer(monkeypatch, "取消")
    assert not file_reports.import_excel(window.file_actions)
    assert told[-1][0].startswith("不能导入到当前打开的文件，请另选文件名")
    assert "打开这个文件" not in told[-1][1]
    assert path.read_bytes() == before and Path(window.session.path) == path


def test_an_old_xls_workbook_is_offered_and_gets_the_save_as_xlsx_message(
        qtbot, tmp_path, monkeypatch, warnings):
    """The import dialog listed only .xlsx/.xlsm, so a unit's .xls was not even shown and
    the clear “另存为 .xlsx” message was never reached from the window."""
    filters = []
    xls = tmp_path / "2021年自评表.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0 old excel")

    def dialog(parent, title, folder, filter_text, *rest):
        filters.append(filter_text)
        return str(xls), ""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    window = make_window(qtbot, tmp_path, show=False)
    assert not file_reports.import_excel(window.file_actions)
    assert "*.xls " in filters[0] and "*.et" in filters[0]
    assert "另存为 .xlsx" in warnings[-1]


def test_printing_with_the_department_selected_asks_which_and_prints_it(
        qtbot, tmp_path, monkeypatch, warnings):
    """With 部门整体 selected, 打印 printed all the evaluations without asking."""
    from selfeval_desktop.reports import export
    path = make_file(tmp_path, with_department())
    window = make_window(qtbot, tmp_path, path, show=False)
    dept = window.session.document.department
    window.page.projects.select_pid(dept.id)
    asked = []
    monkeypatch.setattr(file_reports, "ask_scope",
                        lambda parent, name, department=False: asked.append((name, department))
                        or "current")
    monkeypatch.setattr(file_reports, "ask_print_despite_errors", lambda parent, text: True)
    monkeypatch.setattr(export, "open_with_system_viewer", lambda p: True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    written = []
    real = export.export_pdf
    monkeypatch.setattr(export, "export_pdf",
                        lambda doc, out, **kw: written.append(kw) or real(doc, out, **kw))
    offered = []

    def dialog(parent, title, suggested, *args):
        offered.append((title, Path(suggested).name))
        return str(tmp_path / "部门.pdf"), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    assert file_reports.export_pdf(window.file_actions, "basic")
    assert asked == [(dept.name, True)] and written[0]["project_ids"] == [dept.id]
    # named as the form it prints, not 项目单位自评基本情况表
    assert "部门整体支出绩效自评表" in offered[0][0] and "部门整体支出绩效自评表" in offered[0][1]


def test_ctrl_p_prints_the_stamped_form(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, make_file(tmp_path), show=False)
    action = action_named(menu_of(window, "文件"), "打印·导出PDF：项目单位自评基本情况表…")
    assert action.shortcut().matches(QKeySequence(QKeySequence.StandardKey.Print)) == \
        QKeySequence.SequenceMatch.ExactMatch


def test_a_file_whose_lock_cannot_be_written_opens_read_only_and_says_why(
        qtbot, tmp_path, monkeypatch, warnings):
    """On a full disk the lock could not be written, the file opened editable with
    no word, and a second window could edit it too."""
    import errno
    from selfeval_desktop.db import file_lock

    def full(fd, *a, **k):
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device")
    path = make_file(tmp_path)
    before = path.read_bytes()
    monkeypatch.setattr(file_lock.os, "fdopen", full)
    first = make_window(qtbot, tmp_path, show=False)
    assert first.file_actions.open_path(path)
    assert first.session.readonly and "只读" in first.windowTitle()
    assert "磁盘已满" in warnings[-1] and "以只读方式打开" in warnings[-1]
    assert not file_lock.lock_path_for(path).exists()
    second = make_window(qtbot, tmp_path, show=False)
    assert second.file_actions.open_path(path) and second.session.readonly
    assert path.read_bytes() == before


def test_a_folder_that_refuses_the_lock_says_it_is_not_writable(tmp_path, monkeypatch):
    import errno
    from selfeval_desktop.db import file_lock

    def refused(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(file_lock.os, "open", refused)
    lock = file_lock.FileLock(tmp_path / "自评.sqlite")
    assert lock.acquire() is None and not lock.held
    assert "不允许写入" in lock.failure


def test_after_a_full_disk_the_offer_to_edit_waits_for_room_and_says_so(
        qtbot, tmp_path, monkeypatch, warnings):
    """No other window had the file: the offer must not say one closed it, nor come while the
    disk is still full."""
    import errno
    from selfeval_desktop.db import file_lock
    from selfeval_desktop.ui import file_watch
    real = file_lock.os.fdopen

    def full(fd, *a, **k):
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device")
    path = make_file(tmp_path)
    monkeypatch.setattr(file_lock.os, "fdopen", full)
    window = make_window(qtbot, tmp_path, show=False)
    assert window.file_actions.open_path(path) and window.session.readonly
    monkeypatch.setattr(file_watch, "has_room", lambda p: False)
    assert not window.follower.check_editable()
    monkeypatch.setattr(file_watch, "has_room", lambda p: True)
    monkeypatch.setattr(file_lock.os, "fdopen", real)
    assert window.follower.check_editable()
    assert window.follower.offer.text() == "磁盘已有空间 —— 改为可编辑"
    window.follower.offer.click()
    assert not window.session.readonly and file_lock.lock_path_for(path).exists()


def test_save_dialogs_open_in_a_writable_folder(qtbot, tmp_path, monkeypatch):
    """Last year's file on a read-only share; 从上年文件新建 offered to save beside it,
    and the save failed. Save dialogs open in 文档 then; 打开 still opens there."""
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    actions = window.file_actions
    assert actions.save_dir() == str(tmp_path)
    monkeypatch.setattr(file_actions.os, "access", lambda folder, mode: False)
    assert actions.save_dir() == file_actions.documents_dir() != str(tmp_path)
    assert actions._start_dir() == str(tmp_path)


@pytest.mark.parametrize("scope, kinds", [("department", ["department"]),
                                          ("both", ["department", "project"])])
def test_new_document_can_begin_with_the_department_evaluation(qtbot, tmp_path, monkeypatch,
                                                               warnings, scope, kinds):
    """新建 did not lead to 部门整体; the file began with an empty project to delete."""
    window = make_window(qtbot, tmp_path, show=False)
    monkeypatch.setattr(file_actions, "ask_new_document",
                        lambda parent: ("新乡市科学技术局", 2021, file_actions.DEFAULT_PROFILE, scope))
    target = tmp_path / "部门整体"
    save_as(monkeypatch, target)
    assert window.file_actions.new_document()
    doc = reread(target.with_suffix(".sqlite"))
    assert [p.kind.value for p in doc.projects] == kinds
    assert doc.projects[0].name == "新乡市科学技术局部门整体支出" and doc.projects[0].indicators
    if scope == "department":
        assert window.page.pid == doc.projects[0].id               # shown, nothing to delete


def test_the_new_document_dialog_offers_what_is_evaluated(qtbot):
    from selfeval_desktop.ui.new_document_dialog import NewDocumentDialog
    dialog = NewDocumentDialog()
    qtbot.addWidget(dialog)
    assert [dialog.scope.itemData(i) for i in range(dialog.scope.count())] == \
        ["project", "department", "both"]
    dialog.unit.setText("某县科技局")
    dialog.scope.setCurrentIndex(1)
    assert dialog.values()[0] == "某县科技局" and dialog.values()[3] == "department"


def test_tab_in_the_new_document_dialog_follows_the_screen(qtbot):
    """Tab went 评价年度 → 评分规则 → 评价内容, and Tab Tab ↓ changed the rule."""
    from selfeval_desktop.ui.new_document_dialog import NewDocumentDialog
    dialog = NewDocumentDialog()
    qtbot.addWidget(dialog)
    wanted = [dialog.year, dialog.scope, dialog.profile]
    order, widget = [], dialog.unit
    for _ in range(50):                      # the focus chain, as Tab walks it
        widget = widget.nextInFocusChain()
        owner = next((w for w in wanted if w is widget or w.isAncestorOf(widget)), None)
        if owner is not None and owner not in order:
            order.append(owner)
    assert order == wanted


def test_a_new_department_file_opens_without_a_list_of_errors(qtbot, tmp_path, monkeypatch,
                                                              warnings):
    """The new 部门整体 opened on “错误 9 个” and the whole 达成情况 column red before
    anything was typed. Now one line says its indicators are still to fill (as a new project's
    “尚未填写绩效指标” does), no cell is red, and the cell says what it waits for; once a row is
    begun, the rows still empty are red again — all of them, not only the row typed in."""
    from selfeval_desktop.ui.models import indicator_model as im
    from selfeval_desktop.ui.models.base import ErrorRole
    from selfeval_desktop.ui.qt import Qt
    window = make_window(qtbot, tmp_path)
    monkeypatch.setattr(file_actions, "ask_new_document",
                        lambda parent: ("某县科学技术局", 2024, file_actions.DEFAULT_PROFILE,
                                        "department"))
    save_as(monkeypatch, tmp_path / "部门整体")
    assert window.file_actions.new_document()
    checks = window.checks
    qtbot.waitUntil(lambda: not checks.pending() and checks.summary.text() != "")
    assert "错误 1 个" in checks.summary.text(), checks.summary.text()
    [error] = [f for f in checks.findings if f.severity == "error"]
    assert error.code == "indicators_unfilled" and "9 项指标尚未填写" in error.message
    model = window.page.department.indicators.grid.model()
    rows = range(model.data_rows)
    assert not any(model.index(r, c).data(ErrorRole) for r in rows for c in im.RULE_COLUMNS)
    assert "选择达成情况" in model.index(0, im.COL_ACHIEVEMENT).data(Qt.ItemDataRole.ToolTipRole)
    repainted = []
    model.dataChanged.connect(lambda first, last: repainted.append((first.row(), last.row())))
    assert model.setData(model.index(0, im.COL_ACHIEVEMENT), "达成")
    assert (0, model.data_rows - 1) in repainted
    assert not model.index(0, im.COL_ACHIEVEMENT).data(ErrorRole)
    assert all(model.index(r, im.COL_ACHIEVEMENT).data(ErrorRole) for r in rows[1:])


def test_an_older_file_that_cannot_be_read_is_refused_without_being_upgraded(
        qtbot, tmp_path, warnings):
    """An editable open backed the file up and upgraded it, then refused it."""
    import shutil
    import sqlite3
    older = tmp_path / "单位.sqlite"
    shutil.copy(Path(__file__).parents[1] / "db" / "fixtures" / "schema_1_0.sqlite", older)
    con = sqlite3.connect(older)
    con.execute("UPDATE project SET spending_scheme = '不认识' WHERE id = 1")
    con.commit()
    con.close()
    before = older.read_bytes()
    window = make_window(qtbot, tmp_path, show=False)
    assert not window.file_actions.open_path(older)
    assert warnings and "无法读取“单位.sqlite”的内容" in warnings[0]
    assert older.read_bytes() == before and window.session is None
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite"] == ["单位.sqlite"]
    assert not list(tmp_path.glob("~$*"))


def test_opening_a_workbook_offers_to_import_it(qtbot, tmp_path, monkeypatch):
    told, offered = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(a[2]))
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    xlsx = tmp_path / "上报.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), ""))
    assert file_reports.export_excel(window.file_actions)
    window.close_document()
    monkeypatch.setattr(file_actions, "ask_import_instead",
                        lambda parent, name: offered.append(name) or False)
    assert not window.file_actions.open_path(xlsx)
    assert offered == ["上报.xlsx"] and told == [] and window.session is None
    imported = tmp_path / "导入.sqlite"
    monkeypatch.setattr(file_actions, "ask_import_instead", lambda parent, name: True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(imported), ""))
    monkeypatch.setattr(file_reports, "ask_amount_unit", lambda parent, q: "wan")
    assert window.file_actions.open_path(xlsx)
    assert told == [] and window.session is not None
    assert reread(imported).projects[0].name == "科技创新服务项目"
    window.import_report.close()
