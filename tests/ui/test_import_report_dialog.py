"""The 导入Excel report window says the same 复核 as ``import-xlsx``: a stated score that could
not be read was not compared, so “一致” is only said of the scores that could be read."""
from selfeval_desktop.cli import main
from selfeval_desktop.reports.xlsx_import import import_workbook
from selfeval_desktop.reports.xlsx_import_review import review
from selfeval_desktop.ui import import_report_dialog as ird

from tests.reports import xlsx_builders as build
from tests.reports.xlsx_builders import MOF_INDICATORS


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
