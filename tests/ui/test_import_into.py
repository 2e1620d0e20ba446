"""导入Excel into the open file: a 处室's workbook joins the year's file as new projects,
one undo step, with what would not fit said — not a new file per workbook."""
from __future__ import annotations

import os

import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.reports.xlsx_export import export_workbook
from selfeval_desktop.ui import file_reports, import_into
from selfeval_desktop.ui.qt import QFileDialog, QMessageBox

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def workbook(tmp_path, doc, name="处室.xlsx"):
    path = tmp_path / name
    export_workbook(doc, path)
    return path


def run_import(window, monkeypatch, xlsx, where=import_into.CURRENT):
    asked = []
    monkeypatch.setattr(import_into, "choose",
                        lambda parent, current, imported: asked.append(imported) or where)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(xlsx), ""))
    monkeypatch.setattr(file_reports, "ask_amount_unit", lambda parent, q: "wan")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(f"warning {a[2]}"))
    done = file_reports.import_excel(window.file_actions)
    return done, asked


def test_a_workbooks_projects_join_the_open_file_as_one_undo_step(qtbot, tmp_path, monkeypatch):
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    before = [p.name for p in reread(path).projects]
    other = build_demo("003")                      # another 处室's project, in its own workbook
    done, asked = run_import(window, monkeypatch, workbook(tmp_path, other))
    assert done and len(asked) == 1
    names = [p.name for p in reread(path).projects]
    assert names == before + ["学术交流活动经费"]
    added = reread(path).projects[-1]
    assert added.indicators and added.funding.annual_budget == other.projects[0].funding.annual_budget
    assert window.session.path == path                                  # no second file
    assert window.page.projects.current_pid() == added.id
    labels = [label.text() for label in window.import_report.findChildren(type(window.import_report.summary))]
    assert any(text.startswith(f"已加入当前文件“{path.name}”：1 个项目") for text in labels)
    window.session.undo_stack.undo()                                    # one Ctrl+Z: all gone
    assert [p.name for p in reread(path).projects] == before
    window.session.undo_stack.redo()
    assert [p.name for p in reread(path).projects] == before + ["学术交流活动经费"]
    window.import_report.close()


def test_another_units_project_keeps_its_unit_as_implementer(qtbot, tmp_path, monkeypatch):
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    other = build_demo("003")
    other.projects[0].implementer = ""
    run_import(window, monkeypatch, workbook(tmp_path, other))
    added = reread(path).projects[-1]
    assert added.implementer == "河池市科协" != reread(path).unit.name
    window.import_report.close()


def test_a_second_department_evaluation_is_left_out_and_said(qtbot, tmp_path, monkeypatch):
    doc = build_demo("001")                       # has its 部门整体 evaluation
    path = make_file(tmp_path, doc)
    window = make_window(qtbot, tmp_path, path, show=False)
    count = len(reread(path).projects)
    done, _ = run_import(window, monkeypatch, workbook(tmp_path, build_demo("001")))
    assert done
    projects = reread(path).projects
    assert len(projects) == 2 * count - 1
    assert sum(p.kind.value == "department" for p in projects) == 1
    assert "未加入：当前文件已有部门整体评价" in window.import_report.text.toPlainText()
    window.import_report.close()


def test_the_question_names_another_year_and_other_rules(qtbot, tmp_path):
    current = build_demo("003")
    imported = build_demo("003")
    imported.year = current.year - 1
    imported.profile_id = "hubei"
    notes = import_into.mismatches(current, imported)
    assert notes[0] == f"工作簿是 {current.year - 1} 年度，当前文件是 {current.year} 年度。"
    assert "得分可能与工作簿不同" in notes[1]
    assert import_into.mismatches(current, build_demo("003")) == []
    # another unit said; a 自评文件 is not called a 工作簿
    other = build_demo("004")
    notes = import_into.mismatches(current, other, "该文件")
    assert f"该文件是“{other.unit.name}”的，当前文件是“{current.unit.name}”的。" in notes
    assert not any("工作簿" in n for n in notes)


def test_choosing_a_new_file_writes_one_as_before(qtbot, tmp_path, monkeypatch):
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    before = [p.name for p in reread(path).projects]
    target = tmp_path / "新.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    done, _ = run_import(window, monkeypatch, workbook(tmp_path, build_demo("003")), import_into.NEW)
    assert done and window.session.path == target
    assert [p.name for p in reread(path).projects] == before
    window.import_report.close()


def test_cancel_adds_nothing(qtbot, tmp_path, monkeypatch):
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    before = [p.name for p in reread(path).projects]
    done, _ = run_import(window, monkeypatch, workbook(tmp_path, build_demo("003")), None)
    assert not done and [p.name for p in reread(path).projects] == before


# ---------------------------------------------------------------- 从其他自评文件加入项目

def other_file(tmp_path, seed="004"):
    from selfeval_desktop.db.demo import write_demo
    folder = tmp_path / "处室"
    folder.mkdir()
    path = folder / "处室.sqlite"
    write_demo(path, seed)
    return path


def test_projects_picked_from_another_file_are_copied_in_one_undo_step(qtbot, tmp_path, monkeypatch):
    from selfeval_desktop.ui import merge_projects
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    before = [p.name for p in reread(path).projects]
    source = other_file(tmp_path)
    untouched = source.read_bytes()
    offered = []

    def pick(parent, current, other, src):
        offered.extend(p.name for p in other.projects)
        return other.projects[1:3]
    monkeypatch.setattr(merge_projects, "ask_projects", pick)
    assert merge_projects.merge_from_file(window.file_actions, str(source))
    theirs = reread(source).projects
    assert offered == [p.name for p in theirs]
    mine = reread(path).projects
    assert [p.name for p in mine] == before + [theirs[1].name, theirs[2].name]
    copied, original = mine[-2], theirs[1]
    assert [(i.name, i.target, i.actual, i.weight) for i in copied.indicators] == \
        [(i.name, i.target, i.actual, i.weight) for i in original.indicators]
    assert copied.funding.annual_budget == original.funding.annual_budget
    assert source.read_bytes() == untouched                      # the other file is only read
    assert "已从“处室.sqlite”加入 2 个项目" in window.statusBar().currentMessage()
    window.session.undo_stack.undo()
    assert [p.name for p in reread(path).projects] == before


def test_a_finalized_project_comes_in_as_not_finalized(qtbot, tmp_path, monkeypatch):
    from selfeval_desktop.cli import main
    from selfeval_desktop.ui import merge_projects
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    source = other_file(tmp_path, "003")
    assert main(["finalize", str(source)]) == 0
    monkeypatch.setattr(merge_projects, "ask_projects", lambda parent, cur, other, src: other.projects)
    assert merge_projects.merge_from_file(window.file_actions, str(source))
    copied = reread(path).projects[-1]
    assert copied.name == "学术交流活动经费" and copied.digest is None and copied.finalized_at is None


def test_the_open_file_itself_is_refused(qtbot, tmp_path, monkeypatch):
    from selfeval_desktop.ui import merge_projects
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(a[2]))
    assert not merge_projects.merge_from_file(window.file_actions, str(path))
    assert told and "就是当前打开的文件" in told[0]
    linked = tmp_path / "邮件附件.selfeval"     # the same file by another name
    os.link(path, linked)
    assert not merge_projects.merge_from_file(window.file_actions, str(linked))
    assert len(told) == 2 and "就是当前打开的文件" in told[1]


def test_the_pick_dialog_ticks_all_but_a_second_department(qtbot, tmp_path):
    from selfeval_desktop.ui.merge_projects import PickProjects
    current, other = build_demo("001"), build_demo("001")
    current.projects = [current.department]            # a file with its own 部门整体 only
    dialog = PickProjects(None, current, other, tmp_path / "x.sqlite")
    qtbot.addWidget(dialog)
    picked = dialog.picked()
    assert len(picked) == len(other.projects) - 1
    assert all(p.kind.value != "department" for p in picked)


def test_projects_the_open_file_has_already_are_left_unticked(qtbot, tmp_path):
    """The same file added again ticked all its projects and doubled the totals."""
    from selfeval_desktop.ui.qt import QLabel, QPushButton
    from selfeval_desktop.ui.merge_projects import PickProjects
    current, other = build_demo("003"), build_demo("003")
    dialog = PickProjects(None, current, other, tmp_path / "x.sqlite")
    qtbot.addWidget(dialog)
    assert dialog.picked() == [] and "（当前文件已有）" in dialog.list.item(0).text()
    assert any("当前文件中已有，未勾选" in label.text() for label in dialog.findChildren(QLabel))
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "全选").click()
    assert dialog.picked() == other.projects                 # still possible, on purpose
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "全不选").click()
    assert dialog.picked() == []


def test_the_import_question_says_when_projects_are_there_already(qtbot, monkeypatch):
    from selfeval_desktop.ui import import_into
    from selfeval_desktop.ui.qt import QMessageBox
    current = build_demo("003")
    assert import_into.already_there(current, build_demo("003").projects[0])
    assert not import_into.already_there(current, build_demo("004").projects[0])
    told = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.informativeText()))
    assert import_into.choose(None, current, build_demo("003")) is None     # nothing clicked
    assert "当前文件中已有" in told[0] and "是否已经导入过" in told[0]


def test_enter_on_the_question_never_adds_a_workbook_already_in_the_file(qtbot, tmp_path, monkeypatch):
    """With every project already there, 加入当前文件 was the default, and a
    double-click and Enter added seven duplicates before the question was seen."""
    current = build_demo("003")
    same = build_demo("003")
    other = build_demo("004")
    other.year = current.year
    older = build_demo("004")
    older.year = current.year - 1
    assert import_into.default_answer(current, same) is None                 # 取消
    assert import_into.default_answer(current, other) == import_into.CURRENT
    assert import_into.default_answer(current, older) == import_into.NEW
    mixed = build_demo("004")
    mixed.year = current.year
    mixed.projects.append(same.projects[0])
    assert import_into.default_answer(current, mixed) == import_into.NEW     # some already here
    shown = {}

    def press_enter(box):
        shown["default"] = box.defaultButton().text()
        box.defaultButton().click()
    monkeypatch.setattr(QMessageBox, "exec", press_enter)
    assert import_into.choose(None, current, same) is None and shown["default"] == "取消"


def test_the_department_is_not_counted_among_the_duplicates_it_is_said_apart(qtbot, monkeypatch):
    """“其中 8 个项目当前文件中已有（如“…部门整体支出”）” and then that the 部门整体
    would not be added."""
    current, imported = build_demo("001"), build_demo("001")
    told = {}

    def press_enter(box):
        told["text"] = box.informativeText()
        box.defaultButton().click()
    monkeypatch.setattr(QMessageBox, "exec", press_enter)
    import_into.choose(None, current, imported)
    assert f"其中 {len(imported.projects) - 1} 个项目当前文件中已有" in told["text"]
    assert "部门整体支出”）" not in told["text"] and "部门整体评价不会加入" in told["text"]


def test_a_workbook_of_this_file_with_its_department_still_defaults_to_cancel():
    """The default counted the 部门整体 as a duplicate while the text did not."""
    assert import_into.default_answer(build_demo("001"), build_demo("001")) is None
