"""新建's dialog asks only the 评分规则 that applies to the 评价内容 chosen (a 部门整体
file was asked a project rule, and the choice was then ignored)."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui import file_actions

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window, save_as
from tests.ui.ui_fixtures import reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.mark.parametrize("scope, project_rule, department_rule", [
    ("project", "评分规则", None), ("department", None, "评分规则"),
    ("both", "项目评分规则", "部门整体评分规则")])
def test_the_new_document_dialog_asks_only_the_rule_that_applies(qtbot, scope, project_rule,
                                                                 department_rule):
    """With 评价内容 部门整体支出 the dialog still asked a project 评分规则, then ignored
    it (the 部门整体 has its own rule). It is asked for projects only; the 部门整体's is said."""
    from selfeval_desktop.ui.new_document_dialog import NewDocumentDialog
    dialog = NewDocumentDialog()
    qtbot.addWidget(dialog)
    dialog.profile.setCurrentIndex(dialog.profile.findData("hubei"))   # chosen, then scope changed
    dialog.scope.setCurrentIndex(dialog.scope.findData(scope))
    assert dialog.profile.isVisibleTo(dialog) == (project_rule is not None)
    assert dialog.department_rule.isVisibleTo(dialog) == (department_rule is not None)
    if project_rule:
        assert dialog.profile_label.text() == project_rule
    if department_rule:
        assert dialog.department_label.text() == department_rule
        assert dialog.department_rule.text() == "部门整体支出绩效自评"
        assert "部门整体支出绩效自评" in dialog.hint.text()
    assert ("不确定时选" in dialog.hint.text()) == (project_rule is not None)
    # what is kept: no project rule the clerk could not see
    assert dialog.values()[2] == (None if scope == "department" else "hubei")


def test_tab_in_a_department_only_new_document_skips_the_hidden_rule(qtbot):
    from selfeval_desktop.ui.new_document_dialog import NewDocumentDialog
    from selfeval_desktop.ui.qt import QApplication, QDialogButtonBox, Qt
    dialog = NewDocumentDialog()
    qtbot.addWidget(dialog)
    dialog.scope.setCurrentIndex(dialog.scope.findData("department"))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.unit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.unit)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    seen = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [dialog.year, dialog.scope, ok]


def test_a_department_only_new_file_keeps_the_default_project_rule(qtbot, tmp_path, monkeypatch,
                                                                   warnings):
    """The real dialog, typed in (单位名称 by an input method) and chosen by keys: the file made is
    a 部门整体 one, scored by the department rule, its project rule the default — not one chosen
    in the dialog before 部门整体支出 was."""
    from selfeval_desktop.ui.new_document_dialog import NewDocumentDialog
    from selfeval_desktop.ui.qt import QApplication, QTimer, Qt
    from tests.ui.shell_helpers import type_ime
    window = make_window(qtbot, tmp_path)
    target = tmp_path / "部门整体"
    save_as(monkeypatch, target)
    answered = []

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewDocumentDialog):
            QTimer.singleShot(20, fill)
            return
        dialog.unit.setFocus()
        type_ime(dialog.unit, "新乡市科学技术局")
        dialog.profile.setCurrentIndex(dialog.profile.findData("hubei"))
        dialog.scope.setFocus()
        qtbot.keyClick(dialog.scope, Qt.Key.Key_Down)        # 部门整体支出
        answered.append(dialog.values())
        dialog.accept()
    QTimer.singleShot(0, fill)
    assert window.file_actions.new_document()
    assert answered == [("新乡市科学技术局", answered[0][1], None, "department")]
    doc = reread(target.with_suffix(".sqlite"))
    assert doc.unit.name == "新乡市科学技术局"
    assert (doc.profile_id, doc.department_profile_id) == (file_actions.DEFAULT_PROFILE,
                                                           "department")
    assert [p.kind.value for p in doc.projects] == ["department"]


def test_the_hint_is_never_cut_off_whatever_is_chosen(qtbot):
    """With 部门整体及所属项目 the hint under the rules was cut off at the bottom."""
    from selfeval_desktop.ui.new_document_dialog import NewDocumentDialog
    dialog = NewDocumentDialog(None, "新乡市科学技术局", 2021)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for index in (2, 1, 0, 2):
        dialog.scope.setCurrentIndex(index)
        qtbot.wait(5)
        hint = dialog.hint
        assert hint.height() >= hint.heightForWidth(hint.width()), dialog.scope.currentText()
        assert hint.geometry().bottom() < dialog.height()


def test_new_document_dialog_defaults_to_the_mof_rule_whatever_the_order(qtbot, monkeypatch):
    from selfeval_desktop.ui import new_document_dialog as module
    real = module.all_profiles
    monkeypatch.setattr(module, "all_profiles", lambda: list(reversed(list(real()))))
    dialog = module.NewDocumentDialog()
    qtbot.addWidget(dialog)
    assert dialog.profile.count() > 1
    assert dialog.values()[2] == "mof2020"
    monkeypatch.setattr(module, "all_profiles", real)
    dialog = module.NewDocumentDialog()
    qtbot.addWidget(dialog)
    assert dialog.values()[2] == "mof2020"
    # which rule to take was nowhere said; each says what it is on hover
    from selfeval_desktop.ui.qt import QLabel, Qt
    assert any("不确定时选" in label.text() for label in dialog.findChildren(QLabel))
    assert all(dialog.profile.itemData(i, Qt.ItemDataRole.ToolTipRole)
               for i in range(dialog.profile.count()))
