"""The department's 7 projects (seed 001) had to be made one by one — some 35 fields of
typing for a list the clerk has on one sheet — and Ctrl+V on 部门所属项目 did nothing. A pasted
list now becomes new projects, with their funds, after one question, as one undo step."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui import dialogs
from selfeval_desktop.ui.qt import QGuiApplication, QMessageBox, Qt
from selfeval_desktop.ui.tabs.department_tab import COL_BUDGET, COL_EXECUTED, COL_NAME

from tests.file_helpers import sha
from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, reread, with_department

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support")

LIST = ("实施单位\t项目名称\t全年预算数（万元）\t全年执行数（万元）\r\n"
        "新乡市科学技术局\t1. 专业技术职务任职资格评审费\t8.1437\t8.14\r\n"
        "新乡市科学技术局\t2. 科普经费\t15.56\t约15万\r\n"
        "新乡市科技服务中心\t信息化替代\t1.24\t1.24\r\n"
        "\t合计\t24.9437\t\r\n")


@pytest.fixture
def path(tmp_path):
    """The sample document with a 部门整体 before its project."""
    return make_file(tmp_path, with_department())


@pytest.fixture
def window(qtbot, tmp_path, path):
    window = make_window(qtbot, tmp_path, path)
    window.page.projects.select_pid(window.session.document.department.id)
    page = window.page.department
    page.pages.setCurrentWidget(page.info)
    return window


def answers(monkeypatch, *given):
    """dialogs.choose answers ``given`` in turn and records each question."""
    asked = []

    def choose(parent, title, text, buttons, *args, **kwargs):
        asked.append((title, text, buttons))
        return given[len(asked) - 1]
    monkeypatch.setattr(dialogs, "choose", choose)
    return asked


def added(path, before):
    return [p for p in reread(path).project_list() if p.name not in before]


def test_a_pasted_list_becomes_projects_with_their_funds_in_one_undo_step(qtbot, window, path,
                                                                         monkeypatch):
    before = {p.name for p in reread(path).project_list()}
    asked = answers(monkeypatch, 0)
    page = window.page.department
    view = page.projects
    view.setFocus()
    QGuiApplication.clipboard().setText(LIST)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    [(title, text, buttons)] = asked
    assert buttons[0] == "新增 3 个项目"
    assert "专业技术职务任职资格评审费（新乡市科学技术局）　预算 8.1437 万元　执行 8.14 万元" in text
    assert "按标题行：第1列→实施单位，第2列→项目名称" in text and "第5行是合计" in text
    new = added(path, before)
    assert [(p.name, p.implementer, p.funding.annual_budget, p.funding.executed) for p in new] == [
        ("专业技术职务任职资格评审费", "新乡市科学技术局", 8_143_700, 8_140_000),
        ("科普经费", "新乡市科学技术局", 15_560_000, None),
        ("信息化替代", "新乡市科技服务中心", 1_240_000, 1_240_000)]
    assert "约15万" in new[1].unread.values()         # kept as pasted, red in its 预算表
    names = [page.model.index(r, COL_NAME).data() for r in range(page.model.rowCount())]
    assert "科普经费" in names and names[-1] == "合计（4 个项目）"
    assert page.model.index(names.index("信息化替代"), COL_BUDGET).data() == "1.24"
    assert "已新增 3 个项目" in window.statusBar().currentMessage()
    window.session.undo_stack.undo()                  # one step takes all three back
    assert added(path, before) == []
    window.session.undo_stack.redo()
    assert len(added(path, before)) == 3


def test_the_same_list_pasted_again_adds_nothing_and_says_so(window, path, monkeypatch):
    answers(monkeypatch, 0)
    page = window.page.department
    assert len(page.paste_projects(LIST)) == 3
    size = len(reread(path).projects)
    asked = answers(monkeypatch)
    assert page.paste_projects(LIST) == []
    assert not asked and len(reread(path).projects) == size
    assert "没有新增项目：3 个项目文件中已有" in page.last_message


def test_amounts_in_yuan_with_a_currency_sign_are_asked_once(window, path, monkeypatch):
    asked = answers(monkeypatch, 0, 0)         # 是元, then 新增
    page = window.page.department
    page.paste_projects("项目名称\t全年预算数\r\n科普经费\t¥155,600.00\r\n")
    assert asked[0][0] == "粘贴的金额单位不明"
    assert "科普经费　预算 15.56 万元" in asked[1][1]    # not “¥155,600.00 万元”
    [new] = added(path, {p.name for p in window.session.document.project_list()} - {"科普经费"})
    assert new.funding.annual_budget == 15_560_000


def test_cancel_and_a_read_only_file_change_nothing(qtbot, tmp_path, window, path, monkeypatch):
    digest = sha(path)
    answers(monkeypatch, 1)                    # 取消
    page = window.page.department
    assert page.paste_projects(LIST) == []
    assert "已取消粘贴" in page.last_message
    assert sha(path) == digest
    window.close()
    other = make_window(qtbot, tmp_path)
    assert other.file_actions.open_path(path, readonly=True)
    other.page.projects.select_pid(other.session.document.department.id)
    asked = answers(monkeypatch)
    assert other.page.department.paste_projects(LIST) == []
    assert not asked and "只读" in other.page.department.last_message
    assert sha(path) == digest


def test_an_unreadable_amount_is_said_before_and_shown_red_after(window, path, monkeypatch):
    """“一点二四” read as if it were an amount, then a blank in the list."""
    asked = answers(monkeypatch, 0)
    page = window.page.department
    page.paste_projects(LIST)
    assert "执行 “约15万”（无法识别，将照原样保留并标红）" in asked[0][1]
    model = page.model
    row = [model.index(r, COL_NAME).data() for r in range(model.rowCount())].index("科普经费")
    cell = model.index(row, COL_EXECUTED)
    assert cell.data() == "约15万"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "无法识别" in cell.data(Qt.ItemDataRole.ToolTipRole)


def test_undo_and_redo_of_the_paste_come_back_to_the_department(window, path, monkeypatch):
    """Ctrl+Y went to the first new project's 项目概况, and the next Ctrl+V
    pasted the list into its 实施情况."""
    answers(monkeypatch, 0)
    page = window.page.department
    assert len(page.paste_projects(LIST)) == 3
    department = window.session.document.department.id
    window.undo_actions.undo()
    assert window.page.pid == department
    window.undo_actions.redo()
    assert window.page.pid == department and page.pages.currentWidget() is page.info


def test_the_empty_project_of_a_new_file_gives_way_to_the_pasted_list(qtbot, tmp_path, monkeypatch):
    """新建 (部门整体及所属项目) made an empty project that stayed among them."""
    from selfeval_desktop.domain.model import new_project
    doc = with_department()
    doc.projects = [p for p in doc.projects if p.kind.value == "department"]
    doc.projects.append(new_project(doc))
    path = make_file(tmp_path, doc)
    window = make_window(qtbot, tmp_path, path)
    window.page.projects.select_pid(window.session.document.department.id)
    asked = answers(monkeypatch, 0)
    window.page.department.paste_projects(LIST)
    assert "空白项目" in asked[0][1]
    assert [p.name for p in reread(path).project_list()] == [
        "专业技术职务任职资格评审费", "科普经费", "信息化替代"]
    window.session.undo_stack.undo()
    assert [p.name for p in reread(path).project_list()] == [""]


def test_a_write_failing_midway_takes_the_whole_paste_back_in_memory_too(window, path, monkeypatch):
    """The second project's write failed (U盘 pulled); undoing the group undid the
    failed step too, raised ValueError, and left the first project in the window only."""
    import sqlite3

    from selfeval_desktop.ui import session_rows
    answers(monkeypatch, 0)
    real, calls = session_rows.insert_project, []

    def failing(conn, project):
        calls.append(project.name)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        return real(conn, project)
    monkeypatch.setattr(session_rows, "insert_project", failing)
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: 0)     # 新增
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(a[2]))
    page = window.page.department
    before = [p.name for p in window.session.document.projects]
    assert page.paste_projects(LIST) == []
    assert "保存失败" in page.last_message and "未完成" in page.last_message
    assert [p.name for p in window.session.document.projects] == before
    assert [p.name for p in reread(path).projects] == before


def test_a_project_twice_in_one_block_is_added_once(window, path, monkeypatch):
    """A block copied twice over doubled the 部门所属项目 合计."""
    asked = answers(monkeypatch, 0)
    page = window.page.department
    pids = page.paste_projects("项目名称\t全年预算数\r\n新项目甲\t10\r\n新项目甲\t10\r\n新项目乙\t5\r\n")
    assert len(pids) == 2 and "1 个项目文件中已有或重复粘贴" in asked[0][1]


def test_no_paste_while_the_department_is_finalized(qtbot, tmp_path, window, path, monkeypatch):
    """Its stamped form lists the projects and their 合计; a paste after 定稿
    changed that table and 核对 still said 一致."""
    from selfeval_desktop.cli import main
    window.close()
    assert main(["finalize", str(path), "--project", str(reread(path).department.id), "--force"]) == 0
    digest = sha(path)
    other = make_window(qtbot, tmp_path / "again", path)
    other.page.projects.select_pid(other.session.document.department.id)
    asked = answers(monkeypatch)
    assert other.page.department.paste_projects(LIST) == []
    assert not asked and "部门整体评价已定稿" in other.page.department.last_message
    assert sha(path) == digest


def test_a_project_changed_after_the_departments_finalization_is_flagged_on_it(qtbot, tmp_path,
                                                                              path, monkeypatch):
    """The 部门整体's stamped form lists its projects' funds; one changed after its
    定稿 left its code valid. Now its lock turns red and the 问题清单 says so."""
    from selfeval_desktop.cli import main
    from selfeval_desktop.domain.checks import check_project
    assert main(["finalize", str(path), "--project", str(reread(path).department.id), "--force"]) == 0
    window = make_window(qtbot, tmp_path, path)
    session = window.session
    department = session.document.department
    member = session.document.project_list()[0]
    listed = window.page.projects.model
    assert listed.broken(department) is None
    window.checks.only_current.setChecked(False)
    window.checks.refresh()                          # the first run done: only changes from now
    assert not any(f.code == "finalized_changed" for f in window.checks.findings)
    session.set_value("funding", member.id, None, "executed", "1.5")
    assert "部门整体评价已定稿" in window.statusBar().currentMessage()     # said at once
    assert listed.broken(department) and "定稿后内容被改动过" in listed.broken(department)
    assert any(f.code == "finalized_changed" for f in check_project(session.document, department))
    window.checks.refresh()
    assert any(f.code == "finalized_changed" and f.place.project_id == department.id
               for f in window.checks.findings)     # re-checked though another project changed


def test_a_project_added_while_the_department_is_finalized_is_said_at_once(qtbot, tmp_path, path):
    from selfeval_desktop.cli import main
    assert main(["finalize", str(path), "--project", str(reread(path).department.id), "--force"]) == 0
    window = make_window(qtbot, tmp_path, path)
    window.statusBar().clearMessage()
    window.page.projects.add_project()
    assert "部门整体评价已定稿" in window.statusBar().currentMessage()
