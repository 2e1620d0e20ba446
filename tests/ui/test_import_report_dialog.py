"""The 导入Excel report window: it fits the screen however long, copies and saves its text, shows
instead of a message box, and says the same 复核 as ``import-xlsx`` — a stated score that could
not be read was not compared, so “一致” is only said of the scores that could be read."""
from selfeval_desktop.cli import main
from selfeval_desktop.reports.xlsx_import import import_workbook
from selfeval_desktop.reports.xlsx_import_report import ImportReport, SheetReport
from selfeval_desktop.reports.xlsx_import_review import review
from selfeval_desktop.ui import file_reports
from selfeval_desktop.ui import import_report_dialog as ird
from selfeval_desktop.ui.qt import QFileDialog, QGuiApplication, QMessageBox

from tests.reports import xlsx_builders as build
from tests.reports.xlsx_builders import MOF_INDICATORS
from tests.ui.shell_helpers import make_window
from tests.ui.ui_fixtures import make_file


def _unreadable_score(tmp_path):
    """A consistent form but for one 得分 typed as “约25”: read as nothing, so not reviewed."""
    inds = list(MOF_INDICATORS)
    inds[0] = inds[0][:6] + ("约25", "")
    return build.standard(tmp_path / "unit.xlsx", build.with_spec(indicators=inds))


def _review_part(text: str) -> list[str]:
    lines = text.splitlines()
    return lines[next(i for i, line in enumerate(lines) if line.startswith("复核")):]


def test_the_window_says_what_the_command_says_about_unread_stated_scores(qtbot, tmp_path,
                                                                          capsys):
    source = _unreadable_score(tmp_path)
    result = import_workbook(source, amounts="wan")
    findings = review(result.document, result.report)
    assert findings == [] and result.report.projects[0].unreviewed
    dialog = ird.ImportReportDialog(result.report, findings, None, str(tmp_path / "a.sqlite"))
    qtbot.addWidget(dialog)
    shown = _review_part(dialog.text.toPlainText())
    assert shown[0] == "复核：可读取的填报得分与评分规则一致"       # not “填报的得分…一致”
    assert "1 处填报得分无法读取，未复核" in shown[1] and "的得分" in shown[1]
    assert main(["import-xlsx", str(source), "-o", str(tmp_path / "b.sqlite"),
                 "--amounts", "wan"]) == 0
    printed = capsys.readouterr().out
    assert _review_part(printed)[:len(shown)] == shown


def test_findings_are_listed_in_the_window_as_by_the_command(qtbot, tmp_path, capsys):
    source = build.inconsistent(tmp_path / "bad.xlsx")
    result = import_workbook(source, amounts="wan")
    findings = review(result.document, result.report)
    assert len(findings) >= 3
    dialog = ird.ImportReportDialog(result.report, findings, None)
    qtbot.addWidget(dialog)
    shown = _review_part(dialog.text.toPlainText())
    assert shown[0] == f"复核：{len(findings)} 处填报得分与评分规则不一致"
    assert dialog.summary.text().endswith(f"{len(findings)} 条复核意见")
    assert main(["import-xlsx", str(source), "-o", str(tmp_path / "b.sqlite"),
                 "--amounts", "wan"]) == 0
    assert _review_part(capsys.readouterr().out)[:len(shown)] == shown


def long_report() -> ImportReport:
    """A workbook of 20 sheets, each with its lines read and a few not: ~150 lines."""
    report = ImportReport(source="/tmp/某县科技局2021.xlsx", notes=["评价年度：2021"])
    for i in range(20):
        report.sheets.append(SheetReport(sheet=f"项目{i + 1}", project_name=f"项目{i + 1}",
                                         project_index=i, read=[f"指标 {n} 行" for n in range(4)],
                                         problems=["联系电话未找到", "邮编未找到"]))
    report.sheets.append(SheetReport(sheet="说明", skipped="不是自评表"))
    return report


def test_a_long_import_report_fits_the_screen_and_scrolls(qtbot):
    dialog = ird.ImportReportDialog(long_report(), [], None, "/tmp/导入.sqlite")
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "20 个项目读入，41 处未读入，0 条复核意见"
    assert dialog.text.isReadOnly()
    assert dialog.text.toPlainText().count("\n") > 140           # all of it, in the box
    free = dialog.screen().availableGeometry()
    assert dialog.width() <= min(ird.WIDTH, free.width())
    assert dialog.height() <= min(ird.HEIGHT, free.height())   # 540: fits 1024×700 and 1366×768
    assert dialog.minimumSizeHint().height() <= 600            # buttons always on screen


def test_import_report_copy_and_save(qtbot, monkeypatch, tmp_path):
    dialog = ird.ImportReportDialog(long_report(), [], None)
    qtbot.addWidget(dialog)
    dialog.copy()
    assert QGuiApplication.clipboard().text() == dialog.text.toPlainText()
    out = tmp_path / "报告"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert dialog.save_text()
    saved = out.with_suffix(".txt").read_bytes()
    assert saved.startswith(b"\xef\xbb\xbf")
    assert saved.decode("utf-8-sig").replace("\r\n", "\n") == dialog.text.toPlainText()


def test_import_excel_shows_the_report_dialog_not_a_message_box(qtbot, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(a))
    path = make_file(tmp_path)
    window = make_window(qtbot, tmp_path, path, show=False)
    xlsx = tmp_path / "导出.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), ""))
    assert file_reports.export_excel(window.file_actions)
    imported = tmp_path / "导入.sqlite"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(xlsx), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(imported), ""))
    monkeypatch.setattr(file_reports, "ask_amount_unit", lambda parent, q: "wan")
    from selfeval_desktop.ui import import_into
    monkeypatch.setattr(import_into, "choose", lambda *a: import_into.NEW)   # 另存为新文件
    assert file_reports.import_excel(window.file_actions)
    dialog = window.import_report
    assert told == [] and dialog.isVisible() and not dialog.isModal()
    assert dialog.summary.text().startswith("1 个项目读入，")
    assert "复核" in dialog.text.toPlainText() and "导出.xlsx" in dialog.text.toPlainText()
    dialog.close()
