"""Before printing, the window asks one question: the 问题清单's errors (查看问题 goes to the
first), the print warnings and the cells not read said once, together — and nothing when there
is nothing to say."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui import file_reports
from selfeval_desktop.ui.qt import QFileDialog, QMessageBox

from tests.ui.shell_helpers import OFFSCREEN_NOISE

# offscreen cannot raise or grab (a popup opened): no fault of ours
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "This plugin does not support")


def test_printing_with_errors_asks_first_and_can_show_them(qtbot, window, path, monkeypatch,
                                                           tmp_path):
    from selfeval_desktop.reports import export
    asked, saved_as = [], []
    monkeypatch.setattr(export, "open_with_system_viewer", lambda p: True)
    monkeypatch.setattr(file_reports, "ask_print_despite_errors",
                        lambda parent, text: asked.append(text) or False)
    pdf = tmp_path / "表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: saved_as.append(1) or (str(pdf), ""))
    window.page.tabs.setCurrentIndex(0)
    assert not file_reports.export_pdf(window.file_actions, "basic")
    assert asked == ["问题清单中有 1 个错误（如：「科技创新服务项目」第3行指标“科技服务水平”："
                     "实际完成值未填写），打印出的表格可能不完整。仍要打印吗？"]
    assert saved_as == [] and not pdf.exists()                  # 查看问题: nothing printed
    indicators = window.page.tab_widgets["indicators"]
    assert window.page.tabs.currentWidget() is indicators
    assert indicators.grid.currentIndex().row() == 2
    assert window.checks.isVisible()
    monkeypatch.setattr(file_reports, "ask_print_despite_errors", lambda parent, text: True)
    assert file_reports.export_pdf(window.file_actions, "basic")   # 仍然打印
    assert pdf.read_bytes().startswith(b"%PDF")


def test_printing_without_errors_does_not_ask(qtbot, window, path, monkeypatch, tmp_path):
    from selfeval_desktop.reports import export
    asked = []
    monkeypatch.setattr(export, "open_with_system_viewer", lambda p: True)
    monkeypatch.setattr(file_reports, "ask_print_despite_errors",
                        lambda parent, text: asked.append(text) or False)
    session = window.session
    session.set_value("indicator", window.page.pid, session.project(window.page.pid)
                      .indicators[2].id, "actual", "有效提升")
    pdf = tmp_path / "表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    assert file_reports.export_pdf(window.file_actions, "mof")
    assert asked == [] and pdf.exists()


def test_errors_and_print_warnings_are_one_question(qtbot, window, path, monkeypatch, tmp_path):
    """Two boxes in a row with different buttons (仍然打印/查看问题, then 是/否)."""
    from selfeval_desktop.reports import export
    asked, questions = [], []
    monkeypatch.setattr(export, "open_with_system_viewer", lambda p: True)
    monkeypatch.setattr(export, "print_warnings",
                        lambda doc, projects, **k: ["等次印为“—”：分值合计不是 100"])
    monkeypatch.setattr(file_reports, "ask_print_despite_errors",
                        lambda parent, text: asked.append(text) or True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: questions.append(a[2]))
    pdf = tmp_path / "表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    assert file_reports.export_pdf(window.file_actions, "basic")
    assert len(asked) == 1 and "个错误" in asked[0] and "分值合计不是 100" in asked[0]
    assert questions == [] and pdf.read_bytes().startswith(b"%PDF")


def test_an_unread_cell_is_said_once_before_printing(qtbot, window, path, monkeypatch):
    """The question named the unread “5%” as an error and then again under 另请注意
    (“1 处输入未能识别”)."""
    asked = []
    monkeypatch.setattr(file_reports, "ask_print_despite_errors",
                        lambda parent, text: asked.append(text) or False)
    session = window.session
    session.set_value("funding", window.page.pid, None, "executed", "5%")
    assert not file_reports.export_pdf(window.file_actions, "basic")
    assert "个错误" in asked[0] and "输入未能识别" not in asked[0]
