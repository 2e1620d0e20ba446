"""``aggregate``: the receiving side's summary workbook across several units' documents."""
from decimal import Decimal
import shutil
import sqlite3

import openpyxl
import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.domain.digest import check_code
from selfeval_desktop.domain.evaluation import profile_for, shown_rule_grade
from selfeval_desktop.domain.scoring import score_project, shown_grade
from selfeval_desktop.reports import xlsx_common
from selfeval_desktop.reports.xlsx_common import text_width

from tests.cli.cli_helpers import run, summary_sheet
from tests.file_helpers import reread, sha
from tests.reports.spreadsheet import formula_cells, recalculated, same_value, soffice

WAN = Decimal(1_000_000)


@pytest.fixture
def units(tmp_path, capsys):
    """Three units' files: 002 (nothing scorable), 003 finalized, 004 (20 projects)."""
    paths = []
    for seed in ("002", "003", "004"):
        path = tmp_path / f"unit{seed}.sqlite"
        write_demo(path, seed)
        paths.append(path)
    assert main(["finalize", str(paths[1])]) == 0
    capsys.readouterr()
    return paths


def rows(path):
    ws = openpyxl.load_workbook(path, data_only=True)["汇总"]
    return [[c.value for c in row] for row in ws.iter_rows(min_row=4)]


def test_one_row_per_project_per_unit_with_subtotals_and_a_total(tmp_path, units, capsys):
    before = [sha(p) for p in units]
    out = tmp_path / "summary.xlsx"
    assert main(["aggregate", *map(str, units), "-o", str(out)]) == 0
    assert "已汇总 3 个单位、25 个项目" in capsys.readouterr().out
    assert [sha(p) for p in units] == before  # the units' files are only read
    table = rows(out)
    docs = [reread(p) for p in units]
    i = 0
    for doc in docs:
        for project in doc.projects:
            row = table[i]
            score = score_project(project, profile_for(doc, project))
            assert row[1:4] == [doc.unit.name, doc.year, project.name]
            budget, executed = project.funding.annual_budget, project.funding.executed
            assert row[4] == (None if budget is None else pytest.approx(float(budget / WAN)))
            # F and H: 其中专项计划/实际 (tests/reports/test_xlsx_aggregate_special.py)
            assert row[6] == (None if executed is None else pytest.approx(float(executed / WAN)))
            if score.scored:
                assert Decimal(str(row[9])) == score.total
                assert row[10] == shown_rule_grade(doc, project, score)
                if doc.grade_names:             # seed 003 prints 优秀; counted here as 优
                    assert (shown_grade(score), row[10]) == ("优秀", "优")
                    assert any(str(r[0]).startswith("等次按评分规则的写法") for r in table if r[0])
            else:
                assert row[9] is None and row[10] == "未评分"
            if project.finalized_at:
                assert row[11].startswith("已定稿") and row[12] == check_code(project.digest)
            else:
                assert row[11] == "未定稿" and row[12] is None
            i += 1
        subtotal = table[i]
        assert subtotal[0].startswith(f"{doc.unit.name} 小计（{len(doc.projects)} 个项目）")
        known = [p.funding.annual_budget for p in doc.projects if p.funding.annual_budget is not None]
        assert subtotal[4] == pytest.approx(float(sum(known) / WAN))
        if not any(p.funding.executed is not None for p in doc.projects):
            assert subtotal[6] is None and subtotal[8] is None  # nothing executed known: no 0.00
        i += 1
    years = sorted({d.year for d in docs})
    assert len(years) == 2  # the seeds are of 2020 and 2021: one 合计 per year, never summed
    for year in years:
        total = table[i]
        mine = [d for d in docs if d.year == year]
        count = sum(len(d.projects) for d in mine)
        assert total[0].startswith(f"{year}年度合计（{len(mine)} 个文件，{count} 个项目")
        both = [p.funding for d in mine for p in d.projects
                if p.funding.annual_budget is not None and p.funding.executed is not None]
        rate = Decimal(sum(f.executed for f in both)) / Decimal(sum(f.annual_budget for f in both))
        assert abs(Decimal(str(total[8])) - rate) < Decimal("1e-12")
        i += 1
    both = [p.funding for d in docs for p in d.projects
            if p.funding.annual_budget is not None and p.funding.executed is not None]
    left_out = 25 - len(both)
    assert f"不含 {left_out} 个" in table[i][0]


def test_a_finalized_project_altered_afterwards_is_marked(tmp_path, units, capsys):
    conn = sqlite3.connect(units[1])
    conn.execute("UPDATE project SET name = name || '（改）'")
    conn.commit()
    conn.close()
    out = tmp_path / "s.xlsx"
    assert main(["aggregate", str(units[1]), "-o", str(out)]) == 0
    row = rows(out)[0]
    assert row[11] == "已定稿，但内容与校验码不符" and row[12]


def test_bad_inputs_are_each_named_on_one_line_and_nothing_is_written(tmp_path, units, capsys):
    junk = tmp_path / "notes.sqlite"
    junk.write_text("not a database")
    out = tmp_path / "s.xlsx"
    argv = ["aggregate", str(units[0]), str(junk), str(tmp_path / "missing.sqlite"),
            str(units[0]), "-o", str(out)]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 4
    assert "notes.sqlite" in err[0] and "missing.sqlite" in err[1] and "重复" in err[2]
    assert "3 个文件无法汇总" in err[3] and "未写出" in err[3]
    assert not out.exists() and junk.read_text() == "not a database"


def test_output_rules_existing_needs_force_never_an_input_and_only_xlsx(tmp_path, units, capsys):
    out = tmp_path / "s.xlsx"
    out.write_bytes(b"an older summary")
    assert main(["aggregate", str(units[1]), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err and out.read_bytes() == b"an older summary"
    assert main(["aggregate", str(units[1]), "-o", str(out), "--force"]) == 0
    assert rows(out)[0][3] == reread(units[1]).projects[0].name
    before = sha(units[1])
    for target in (units[1], tmp_path / "s.pdf"):
        assert main(["aggregate", str(units[1]), "-o", str(target), "--force"]) == 2
        assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert sha(units[1]) == before and not (tmp_path / "s.pdf").exists()
    named = tmp_path / "unit.xlsx"  # a document unwisely named .xlsx is never overwritten
    write_demo(named, "003")
    kept = sha(named)
    assert main(["aggregate", str(units[1]), "-o", str(named), "--force"]) == 2
    assert sha(named) == kept


def test_a_failed_write_leaves_the_old_summary_and_no_temporary_file(tmp_path, units, monkeypatch,
                                                                     capsys):
    out = tmp_path / "s.xlsx"
    out.write_bytes(b"old")

    def broken(wb, path, values):
        path.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(xlsx_common, "save_with_values", broken)
    assert main(["aggregate", str(units[1]), "-o", str(out), "--force"]) == 2
    assert "无法写入" in capsys.readouterr().err
    assert out.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()
                                                 if "s.xlsx" in p.name) == ["s.xlsx"]


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed; CI installs it")
def test_saved_values_match_what_libreoffice_computes(tmp_path, units, capsys):
    out = tmp_path / "s.xlsx"
    assert main(["aggregate", *map(str, units), "-o", str(out)]) == 0
    ours, theirs = openpyxl.load_workbook(out, data_only=True), recalculated(out, tmp_path)
    cells = formula_cells(out)["汇总"]
    assert len(cells) > 25
    for ref in cells:
        assert same_value(ours["汇总"][ref].value, theirs["汇总"][ref].value), ref


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
