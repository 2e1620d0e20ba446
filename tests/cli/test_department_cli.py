"""The commands on a file with a 部门整体: print prints its form and
warns of its row without a score; score and check speak of it as it is scored, with no 预算执行率
score; aggregate and export-xlsx keep it out of the sums, and export-xlsx names the rules in
Chinese."""
import pytest

from selfeval_desktop.db import repo
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.db.document import open_document
from selfeval_desktop.domain.department import new_department
from selfeval_desktop.domain.money import parse_wan
from tests.cli.cli_helpers import run, summary_sheet
from tests.reports.pdf_fixtures import raw_text, squeeze


@pytest.fixture
def dept(tmp_path):
    """Seed 003 with the app's 部门整体 template, its budget overspent (100.22%)."""
    path = tmp_path / "dept.sqlite"
    write_demo(path, "003")
    opened = open_document(path)
    try:
        doc = repo.load_document(opened.conn)
        department = new_department(doc)
        for ind in department.indicators:
            ind.target, ind.actual = "≥90%", "96%"
        department.indicators[-2].actual = ""   # one row without a score yet
        f = department.funding
        f.annual_budget, f.executed = parse_wan("1464.083"), parse_wan("1467.319")
        doc.projects.append(department)
        repo.save_document(opened.conn, doc, "test", "部门整体")
    finally:
        opened.close()
    return path


def test_print_all_includes_the_department_form_and_warns_of_its_unscored_row(tmp_path, capsys,
                                                                                 dept):
    out = tmp_path / "all.pdf"
    code, _, err = run(capsys, "print", dept, "-o", out, "--form", "mof")
    assert code == 0
    text = squeeze(raw_text(out))
    assert "项目支出绩效自评表" in text and "部门整体支出绩效自评表" in text
    assert "1 项指标尚无得分" in err and "部门整体" in err


def test_score_and_check_speak_of_the_department_as_it_is_scored(capsys, dept):
    code, out, _ = run(capsys, "score", dept)
    assert code == 0
    header = out.splitlines()[0]
    assert "部门整体：部门整体支出绩效自评" in header
    part = out[out.index("部门整体支出  总分"):]
    assert "预算执行率（0.00分）" not in part and "执行率得分 —" not in part
    assert "执行率 100.22%" in part
    _, out, _ = run(capsys, "check", dept)
    line = next(l for l in out.splitlines() if "超过全年预算数" in l and "部门整体" in l)
    assert "计分" not in line


def test_aggregate_keeps_the_department_out_of_the_sums(tmp_path, capsys, dept):
    out = tmp_path / "s.xlsx"
    code, stdout, _ = run(capsys, "aggregate", dept, "-o", out)
    assert code == 0 and "1 个部门整体评价" in stdout
    rows, _ = summary_sheet(out)
    subtotal = next(r for r in rows if str(r[0]).endswith("小计（1 个项目）"))
    assert subtotal[4] == pytest.approx(4)  # the project's 4 万元 only, not + 1464.083


def test_exported_summary_lists_the_department_apart_and_names_profiles_in_chinese(tmp_path,
                                                                                   capsys, dept):
    out = tmp_path / "e.xlsx"
    assert run(capsys, "export-xlsx", dept, "-o", out)[0] == 0
    rows, _ = summary_sheet(out)
    total = next(r for r in rows if r[0] == "合计")
    assert total[2] == pytest.approx(4)
    assert any(r[0] == "部门整体" and "不计入合计" in r[1] for r in rows)
    flat = " ".join(str(v) for r in rows for v in r if v is not None)
    assert "mof2020" not in flat and "（department）" not in flat
    back = tmp_path / "back.sqlite"
    code, report, _ = run(capsys, "import-xlsx", out, "-o", back)
    assert code == 0 and "评分规则：财政部" in report

