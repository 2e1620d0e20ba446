"""Long operations (导出Excel, 打印 all projects, 汇总) show that they are working: a busy cursor, the
status bar saying what and how far, the window repainted; it cannot be closed halfway.

A 50-project export froze the window for 4 s with the clicked menu still painted
open, and no sign of work anywhere (Windows greys such a window out as 未响应)."""
from __future__ import annotations

import pytest

from selfeval_desktop.reports import export, xlsx_export
from selfeval_desktop.ui.qt import QApplication, QFileDialog, Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, action_named, make_window, menu_of
from tests.ui.ui_fixtures import make_file

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def file_action(window, text):
    return action_named(menu_of(window, "文件"), text)


def cursor_shape():
    cursor = QApplication.overrideCursor()
    return None if cursor is None else cursor.shape()


@pytest.fixture
def window(qtbot, tmp_path):
    return make_window(qtbot, tmp_path, make_file(tmp_path))


def test_export_excel_shows_a_busy_cursor_and_its_progress_and_keeps_the_window_open(
        qtbot, tmp_path, monkeypatch, window):
    seen = {}
    real = xlsx_export.export_workbook

    def watched(doc, out, progress=None):
        seen["cursor"] = cursor_shape()
        seen["message"] = window.statusBar().currentMessage()
        window.close()                            # the clerk clicks ✕ halfway
        seen["open"] = window.isVisible()
        seen["said"] = window.statusBar().currentMessage()
        monkeypatch.setattr("selfeval_desktop.ui.busy.PUMP_SECONDS", 0)
        progress(1, 2)
        seen["progress"] = window.statusBar().currentMessage()
        return real(doc, out, progress)

    monkeypatch.setattr(xlsx_export, "export_workbook", watched)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "o.xlsx"), ""))
    file_action(window, "导出Excel…").trigger()
    assert seen["cursor"] == Qt.CursorShape.WaitCursor
    assert seen["message"] == "正在导出Excel…"
    assert seen["open"] and "完成后将关闭窗口" in seen["said"]
    assert seen["progress"] == "正在导出Excel… 50%（完成后将关闭窗口）"   # the ✕ still said
    assert cursor_shape() is None                  # given back
    assert (tmp_path / "o.xlsx").exists()
    qtbot.waitUntil(lambda: not window.isVisible())   # the ✕ clicked meanwhile, done now


def test_a_logout_during_an_export_ends_the_program_once_the_file_is_written(
        qtbot, tmp_path, monkeypatch, window):
    """SIGTERM during an export closed the document but the window refused to
    close, so the program stayed running."""
    from selfeval_desktop.ui import end_session
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda *a: quits.append(window.busy))
    real = xlsx_export.export_workbook

    def watched(doc, out, progress=None):
        end_session.end(QApplication.instance(), window)       # the signal arrives meanwhile
        qtbot.wait(150)                                         # its retries run in the pumps
        monkeypatch.setattr("selfeval_desktop.ui.busy.PUMP_SECONDS", 0)
        progress(1, 2)
        assert window.session is not None and quits == []      # the document stays open
        return real(doc, out, progress)

    monkeypatch.setattr(xlsx_export, "export_workbook", watched)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "o.xlsx"), ""))
    file_action(window, "导出Excel…").trigger()
    assert (tmp_path / "o.xlsx").exists()
    qtbot.waitUntil(lambda: quits == [""], timeout=3000)        # quit once it was done
    assert window.session is None


def test_printing_reports_each_form_made_and_laid_out(qtbot, tmp_path, monkeypatch, window):
    steps = []
    real = export.render_pdf
    monkeypatch.setattr(export, "render_pdf",
                        lambda doc, projects, form, progress=None: real(
                            doc, projects, form, lambda d, t: (steps.append((d, t)), progress(d, t))))
    monkeypatch.setattr(export, "open_with_system_viewer", lambda path: True)
    monkeypatch.setattr("selfeval_desktop.ui.file_reports.ask_scope", lambda *a, **k: "all")
    monkeypatch.setattr("selfeval_desktop.ui.file_reports._errors_before_printing", lambda *a: True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "p.pdf"), ""))
    from selfeval_desktop.ui.file_reports import export_pdf
    assert export_pdf(window.file_actions, "basic")
    n = len(window.session.document.projects)
    done = [d for d, _ in steps]
    assert done == sorted(done) and done[-1] == 2 * n and {t for _, t in steps} == {2 * n}
    assert len(steps) == 2 * n + 1          # each form made, each form reached, the end
    assert (tmp_path / "p.pdf").exists() and cursor_shape() is None


@pytest.mark.parametrize("name", ["自评.selfeval", "other.sqlite", "表.txt", "表.xlsm"])
def test_excel_export_never_writes_over_a_document_or_a_non_xlsx_name(
        qtbot, tmp_path, monkeypatch, window, name):
    """The open file's own name typed in the save dialog (and confirmed) had
    the workbook written over the 自评文件."""
    from selfeval_desktop.ui.qt import QMessageBox
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    target = window.session.path if name == "自评.selfeval" else tmp_path / name
    if name == "other.sqlite":
        target.write_bytes((tmp_path / "自评.selfeval").read_bytes())
    before = target.read_bytes() if target.exists() else None
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    file_action(window, "导出Excel…").trigger()
    assert said and ("自评文件" in said[0] or ".xlsx" in said[0])
    assert (target.read_bytes() if target.exists() else None) == before



def test_a_close_asked_during_an_export_that_fails_leaves_the_window_and_its_message(
        qtbot, tmp_path, monkeypatch, window):
    """✕ during an export that then failed (disk full) closed the window under
    the error box; the clerk never saw why."""
    from selfeval_desktop.reports.xlsx_export import XlsxExportError
    from selfeval_desktop.ui.qt import QMessageBox
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))

    def failing(doc, out, progress=None):
        window.close()
        assert "完成后将关闭窗口" in window.statusBar().currentMessage()
        monkeypatch.setattr("selfeval_desktop.ui.busy.PUMP_SECONDS", 0)
        progress(1, 2)
        assert window.statusBar().currentMessage().endswith("（完成后将关闭窗口）")
        raise XlsxExportError("磁盘已满")

    monkeypatch.setattr(xlsx_export, "export_workbook", failing)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "o.xlsx"), ""))
    file_action(window, "导出Excel…").trigger()
    qtbot.wait(50)
    assert said == ["磁盘已满"] and window.isVisible()
