"""Every form prints a project's 执行率 as the profile rounds it, the same on each
(seed 003 under a truncating profile, 1.9999 of 2 万元, printed 99.99% on the MoF form and
100.00% in the report)."""
from __future__ import annotations

from selfeval_desktop.reports.export import export_pdf
from tests.reports.pdf_fixtures import raw_text, seed003, squeeze


def truncating_seed003():
    doc = seed003()
    doc.profile_id = "mof2020_truncate"
    f = doc.projects[0].funding
    f.annual_budget, f.executed = 2_000_000, 1_999_900      # 2 and 1.9999 万元: 99.995%
    return doc


def test_the_mof_form_and_the_report_print_one_rate(tmp_path):
    doc = truncating_seed003()
    [mof] = export_pdf(doc, tmp_path / "mof.pdf", form="mof")
    [report] = export_pdf(doc, tmp_path / "report.pdf", form="report")
    mof_text, report_text = squeeze(raw_text(mof)), squeeze(raw_text(report))
    assert "年度资金总额4.002.001.999910.0099.99%9.99" in mof_text
    assert "资金情况：全年预算数2.00万元，全年执行数1.9999万元，预算执行率99.99%。" in report_text
    assert "预算执行率99.99%10.009.99" in report_text      # the indicator table's 执行率 row
    assert "100.00%" not in report_text
