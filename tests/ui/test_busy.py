"""Long operations (导出Excel, 打印 all projects, 汇总) show that they are working: a busy cursor, the
status bar saying what and how far, the window repainted; it cannot be closed halfway.

Review 23b P1: a 50-project export froze the window for 4 s with the clicked menu still painted
open, and no sign of work anywhere (Windows greys such a window out as 未响应)."""
from __future__ import annotations

import pytest

from selfeval_desktop.reports import export, xlsx_export
from selfeval_desktop.ui.qt import QApplication, QFileDialog, Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window, menu_of
from tests.ui.ui_fixtures import make_file

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def file_action(window, starts):
    return next(a for a in menu_of(window, "文件").actions() if a.text().startswith(starts))


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
    file_action(window, "导出Excel").trigger()
    assert seen["cursor"] == Qt.CursorShape.WaitCursor
    assert seen["message"] == "正在导出Excel…"
    assert seen["open"] and "完成后才能关闭窗口" in seen["said"]
    assert seen["progress"] == "正在导出Excel… 1/2"
    assert cursor_shape() is None                  # given back
    assert (tmp_path / "o.xlsx").exists() and window.statusBar().currentMessage().startswith("已导出")
    assert window.close()                          # and closes once it is done


def test_printing_reports_each_form_made_and_laid_out(qtbot, tmp_path, monkeypatch, window):
    steps = []
    real = export.render_pdf
    monkeypatch.setattr(export, "render_pdf",
                        lambda doc, projects, form, progress=None: real(
                            doc, projects, form, lambda d, t: (steps.append((d, t)), progress(d, t))))
    monkeypatch.setattr(export, "open_with_system_viewer", lambda path: None)
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
