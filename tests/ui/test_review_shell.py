"""Fixes from the second review of the window (shell side): 新建's default rule, the import
report dialog, the print warning, 部门整体 creation, the header's guarded boxes, the budget tab's
totals, and the polish lines."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui import file_actions
from selfeval_desktop.ui.qt import QMessageBox

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


# ---------------------------------------------------------------- 5: 新建 defaults to mof2020

def test_new_document_dialog_defaults_to_the_mof_rule_whatever_the_order(qtbot, monkeypatch):
    real = file_actions.all_profiles
    monkeypatch.setattr(file_actions, "all_profiles", lambda: list(reversed(list(real()))))
    dialog = file_actions.NewDocumentDialog()
    qtbot.addWidget(dialog)
    assert dialog.profile.count() > 1
    assert dialog.values()[2] == "mof2020"
    monkeypatch.setattr(file_actions, "all_profiles", real)
    dialog = file_actions.NewDocumentDialog()
    qtbot.addWidget(dialog)
    assert dialog.values()[2] == "mof2020"
