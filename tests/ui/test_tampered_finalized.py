"""A 定稿 file changed outside the program after the paper was stamped showed in the
window as 已定稿 with the paper's check code and 没有发现问题; the window had no 核对."""
from __future__ import annotations

import sqlite3

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.domain.checks import ERROR, check_project
from selfeval_desktop.ui.qt import QMessageBox

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def finalized(tmp_path):
    path = tmp_path / "收到的.sqlite"
    write_demo(path, "003")
    assert main(["finalize", str(path)]) == 0
    return path


def tamper(path):
    """What a unit might do after stamping: raise an actual with a database tool."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE indicator SET actual = '4次' WHERE id = (SELECT MIN(id) FROM indicator)")
    conn.commit()
    conn.close()


def boxes(monkeypatch):
    shown = []

    def exec_(box):
        shown.append((box.icon(), box.text(), box.informativeText()))
        return 0
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def test_a_changed_finalized_project_is_an_error_marked_red_and_verify_says_so(qtbot, tmp_path, finalized,
                                                                              monkeypatch):
    tamper(finalized)
    doc = reread(finalized)
    [finding] = [f for f in check_project(doc, doc.projects[0]) if f.code == "finalized_changed"]
    assert finding.severity == ERROR and "定稿后内容被改动过" in finding.message
    window = make_window(qtbot, tmp_path, finalized)
    note = window.page.header.lock_note
    assert note.isVisibleTo(window) and note.text() == "校验码无效"
    assert "定稿后内容被改动过" in note.toolTip()
    shown = boxes(monkeypatch)
    assert window.finalize_actions.verify() is False
    [(icon, text, detail)] = shown
    assert icon == QMessageBox.Icon.Warning and text.startswith("共 1 个定稿项目，1 个不一致")
    assert "不一致 [1] 学术交流活动经费" in detail
    # the 问题清单 sends the clerk here to find what changed; the content stored at
    # 定稿 now says where
    assert "改动了 1 处" in detail and "实际完成值：“达成” → “4次”" in detail
    assert "上面列出了与定稿时相比改动的内容" in detail
    assert any(line.startswith("   综合得分：纸质表 100.00（") and "现在 83.33" in line
               for line in window.finalize_actions.last_verification)   # the paper's, then now
    assert "核对定稿校验码" in finding.message


def test_an_intact_finalized_file_checks_out(qtbot, tmp_path, finalized, monkeypatch):
    doc = reread(finalized)
    assert not [f for f in check_project(doc, doc.projects[0]) if f.code == "finalized_changed"]
    window = make_window(qtbot, tmp_path, finalized)
    assert window.page.header.lock_note.text() == "已定稿"
    shown = boxes(monkeypatch)
    assert window.finalize_actions.verify() is True
    assert shown[0][1].startswith("共 1 个定稿项目，0 个不一致") and "一致  [1]" in shown[0][2]


def test_verify_is_offered_in_a_read_only_window(qtbot, tmp_path, finalized):
    window = make_window(qtbot, tmp_path)
    assert window.file_actions.open_path(finalized, readonly=True)
    assert window.finalize_actions.verify_action.isEnabled()


def test_the_project_list_marks_a_broken_check_code(qtbot, tmp_path, finalized):
    """A 校验码无效 project had the same padlock in the list as a valid one."""
    from selfeval_desktop.ui.project_list import BROKEN_LOCK_COLOR, LOCK_COLOR, lock_icon
    from selfeval_desktop.ui.qt import Qt
    window = make_window(qtbot, tmp_path, finalized, show=False)
    model = window.page.projects.model
    index = model.index(0, 0)
    assert index.data(Qt.ItemDataRole.DecorationRole).cacheKey() == lock_icon(LOCK_COLOR).cacheKey()
    window.close()
    tamper(finalized)
    window = make_window(qtbot, tmp_path, finalized, show=False)
    index = window.page.projects.model.index(0, 0)
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == lock_icon(BROKEN_LOCK_COLOR).cacheKey()
    assert "校验码无效" in index.data(Qt.ItemDataRole.ToolTipRole)
