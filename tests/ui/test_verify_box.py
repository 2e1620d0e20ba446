"""项目 → 核对定稿校验码… in the window: the receiver sees what changed since 定稿 and can look up
the code printed on a paper form, also one printed before a 撤销定稿."""
from __future__ import annotations

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.domain.digest import check_code
from selfeval_desktop.ui import verify_box
from selfeval_desktop.ui.qt import QDialog, QMessageBox

from tests.file_helpers import sha, sql, stored_digest
from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def paper(tmp_path):
    """A file finalized, its code noted (the paper), then unfinalized and changed."""
    path = tmp_path / "收到的.sqlite"
    write_demo(path, "003")
    assert main(["finalize", str(path)]) == 0
    code = check_code(stored_digest(path))
    assert main(["finalize", str(path), "--undo"]) == 0
    sql(path, "UPDATE project SET leader = '杨哲明' WHERE id = 1")
    return path, code


def run_boxes(monkeypatch, click_paper: bool, typed: list[str]):
    """QMessageBox.exec records the box (and presses 按纸质表校验码核对… when asked);
    the code dialog gets ``typed`` one after another, pressing 核对 after each."""
    shown, dialogs = [], []

    def box_exec(box):
        shown.append((box.text(), box.informativeText(), [b.text() for b in box.buttons()]))
        if click_paper and len(shown) == 1:
            [button] = [b for b in box.buttons() if b.text() == verify_box.PAPER_BUTTON]
            button.click()
        return 0

    def dialog_exec(dialog):
        dialogs.append(dialog)
        for text in typed:
            dialog.edit.setText(text)
            dialog._accept()
            if dialog.result() == QDialog.DialogCode.Accepted:
                break
        return dialog.result()
    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    monkeypatch.setattr(verify_box.PaperCodeDialog, "exec", dialog_exec)
    return shown, dialogs


def test_a_paper_printed_before_unfinalize_is_checked_by_its_code(qtbot, tmp_path, paper, monkeypatch):
    path, code = paper
    before = sha(path)
    window = make_window(qtbot, tmp_path)
    assert window.file_actions.open_path(path, readonly=True)
    shown, dialogs = run_boxes(monkeypatch, True, ["ABCD-12", code.lower().replace("-", " ")])
    assert window.finalize_actions.verify() is None       # nothing finalized now
    assert verify_box.PAPER_BUTTON in shown[0][2]
    [dialog] = dialogs
    assert dialog.edit.text() == code.lower().replace("-", " ")
    text, informative, _ = shown[1]
    assert text == "文件与纸质表不同"
    assert "此后撤销了定稿，现在未定稿" in informative
    assert "· 项目负责人：“杨哲” → “杨哲明”" in informative
    window.close()
    assert sha(path) == before


def test_a_mistyped_code_is_said_in_the_dialog_and_kept(qtbot, tmp_path, paper, monkeypatch):
    path, _code = paper
    window = make_window(qtbot, tmp_path, path)
    shown, dialogs = run_boxes(monkeypatch, True, ["ABCD-12"])
    window.finalize_actions.verify()
    [dialog] = dialogs
    assert dialog.edit.text() == "ABCD-12"
    assert "“ABCD-12”不是校验码" in dialog.problem.text()
    assert len(shown) == 1                      # no result box for a code that cannot be one


def test_a_matching_paper(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "d.sqlite"
    write_demo(path, "003")
    main(["finalize", str(path)])
    code = check_code(stored_digest(path))
    window = make_window(qtbot, tmp_path, path)
    shown, _ = run_boxes(monkeypatch, True, [code])
    assert window.finalize_actions.verify() is True
    assert shown[1][0] == "文件与纸质表相同"
    assert "文件中的内容与纸质表相同" in shown[1][1]
