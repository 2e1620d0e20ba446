"""The commands after the second review: print warns about unscored rows and a stale check code
and prints the 部门整体 form; score and check speak of the department as it is scored; aggregate
keeps the 部门整体 out of the sums, totals per year and counts units, not files; verify shows the
whole digest; --help is Chinese throughout."""
import shutil
import sqlite3

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db import repo
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.db.document import open_document
from selfeval_desktop.domain.department import new_department
from selfeval_desktop.domain.money import parse_wan
from selfeval_desktop.reports.xlsx_common import text_width
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


def test_print_of_an_altered_finalized_project_warns_and_prints_no_code(tmp_path, capsys):
    doc = tmp_path / "d.sqlite"
    write_demo(doc, "003")
    assert run(capsys, "finalize", doc)[0] == 0
    conn = sqlite3.connect(doc)
    conn.execute("UPDATE indicator SET actual = '未达成' WHERE rowid = (SELECT MIN(rowid) FROM indicator)")
    conn.commit()
    conn.close()
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "print", doc, "-o", out)
    assert code == 0 and "校验码" in err and "改动" in err
    assert "内容已改动，校验码无效" in squeeze(raw_text(out))


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


def test_aggregate_totals_each_year_and_counts_units_not_files(tmp_path, capsys):
    a, b, c = tmp_path / "a.sqlite", tmp_path / "b.sqlite", tmp_path / "c.sqlite"
    write_demo(a, "003")
    shutil.copy(a, b)                    # the same unit sent twice
    write_demo(c, "004")                 # another unit, another year
    out = tmp_path / "s.xlsx"
    code, stdout, err = run(capsys, "aggregate", a, b, c, "-o", out)
    assert code == 0
    assert "已汇总 2 个单位（3 个文件）" in stdout
    assert "年度不同" in err
    rows, ws = summary_sheet(out)
    assert "共 2 个单位（3 个文件）" in rows[1][0]
    totals = [r[0] for r in rows if r[0] and "合计（" in str(r[0])]
    assert len(totals) == 2 and totals[0].startswith("2020年度合计") \
        and totals[1].startswith("2021年度合计")
    # the 万元 columns (全年预算数, 其中专项计划, 全年执行数, 其中专项实际) are wide enough for a
    # bold subtotal (LibreOffice shows ### otherwise)
    for i, col in enumerate("EFGH", 4):
        shown = [text_width(f"{r[i]:,.6f}") for r in rows[3:] if isinstance(r[i], (int, float))]
        assert ws.column_dimensions[col].width >= max(shown, default=0) * 1.15, col


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


def test_verify_shows_the_whole_digest_the_qr_code_holds(tmp_path, capsys):
    doc = tmp_path / "d.sqlite"
    write_demo(doc, "003")
    run(capsys, "finalize", doc)
    opened = open_document(doc, readonly=True)
    digest = repo.load_document(opened.conn).projects[0].digest
    opened.close()
    code, out, _ = run(capsys, "verify", doc)
    assert code == 0 and digest in out


@pytest.mark.parametrize("argv", [["--help"], ["print", "--help"], ["aggregate", "--help"]])
def test_help_headings_are_chinese(capsys, argv):
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr().out
    assert "用法" in out and "选项" in out and "显示本帮助并退出" in out
    assert "\nusage:" not in "\n" + out and "\noptions:" not in out
