"""The empty 问题清单 kept a fifth of the window (1024×768, 125 %) while the grids above
needed scrolling. It folds to its summary line and opens again when there is something to list."""
from __future__ import annotations

import pytest

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, sample_document

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def clean_window(qtbot, tmp_path):
    """A 1024×700 window on a project with nothing in its 问题清单."""
    doc = sample_document()
    doc.projects[0].indicators[2].actual = "有效提升"          # no finding left
    doc.projects[0].supervisor = "××县人民政府"
    doc.projects[0].budget_lines[-1].planned = 15_280_000       # spent within its plan
    doc.projects[0].budget_lines[0].planned = 4_720_000         # the plan still adds up to 20
    window = make_window(qtbot, tmp_path, make_file(tmp_path, doc), show=False)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_an_empty_checks_list_folds_and_opens_again_with_a_finding(qtbot, tmp_path):
    window = clean_window(qtbot, tmp_path)
    checks = window.checks
    qtbot.waitUntil(lambda: not checks.pending() and checks.summary.text() != "")
    if checks.shown_findings():
        pytest.fail(f"fixture not clean: {[f.message for f in checks.shown_findings()]}")
    qtbot.waitUntil(lambda: checks.height() < 70)
    assert checks.list.isHidden()
    assert "没有发现问题" in checks.summary.text()
    pid = window.page.pid
    row = window.session.project(pid).indicators[2].id
    window.session.set_value("indicator", pid, row, "actual", "")       # 实际完成值未填写
    qtbot.waitUntil(lambda: not checks.list.isHidden())
    qtbot.waitUntil(lambda: checks.height() >= 90)
    assert checks.list.count() >= 1


def test_the_list_does_not_fold_while_typing_only_when_another_project_is_shown(qtbot, tmp_path):
    """The grids and buttons above moved as findings came and went while typing,
    and clicks landed on the wrong button."""
    window = clean_window(qtbot, tmp_path)
    checks = window.checks
    qtbot.waitUntil(lambda: not checks.pending() and checks.summary.text() != "")
    qtbot.waitUntil(lambda: checks.list.isHidden())
    pid = window.page.pid
    row = window.session.project(pid).indicators[2].id
    window.session.set_value("indicator", pid, row, "actual", "")        # a finding: opens
    qtbot.waitUntil(lambda: not checks.list.isHidden())
    window.session.set_value("indicator", pid, row, "actual", "有效提升")  # none again: stays
    qtbot.waitUntil(lambda: "没有发现问题" in checks.summary.text())
    qtbot.wait(50)
    assert not checks.list.isHidden()
    window.page.projects.add_project()                                   # another project shown
    window.page.projects.select_pid(pid)
    qtbot.waitUntil(lambda: not checks.pending())
    qtbot.waitUntil(lambda: checks.list.isHidden(), timeout=2000)
