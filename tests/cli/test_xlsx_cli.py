"""``import-xlsx`` and ``export-xlsx`` as a user runs them."""
import subprocess
import sys
from pathlib import Path

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.db.document import open_document
from selfeval_desktop.db.repo import history, load_document

from tests.file_helpers import sha
from tests.reports import xlsx_builders as build

REPO_ROOT = Path(__file__).resolve().parents[2]


def _load(path: Path):
    opened = open_document(path, readonly=True)
    try:
        return load_document(opened.conn), [r["action"] for r in history(opened.conn)]
    finally:
        opened.close()


def test_import_prints_the_report_and_review_and_writes_the_document(tmp_path, capsys):
    src = build.inconsistent(tmp_path / "received.xlsx")
    out = tmp_path / "received.db"
    assert main(["import-xlsx", str(src), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "读取到 1 个项目" in text and "已读取：绩效指标 6 项" in text
    assert "复核：" in text and "高于该指标分值" in text and "预算执行率得分 10 分" in text
    doc, actions = _load(out)
    assert [p.name for p in doc.projects] == [build.FormSpec().name]
    assert doc.projects[0].stated_total == 99
    assert "import" in actions


def test_import_of_a_consistent_form_says_the_review_found_nothing(tmp_path, capsys):
    assert main(["import-xlsx", str(build.standard(tmp_path / "a.xlsx")), "-o",
                 str(tmp_path / "a.db")]) == 0
    assert "填报的得分与评分规则一致" in capsys.readouterr().out


def test_ambiguous_amounts_are_refused_until_the_unit_is_given(tmp_path, capsys):
    src = build.in_yuan(tmp_path / "yuan.xlsx")
    out = tmp_path / "yuan.db"
    assert main(["import-xlsx", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--amounts yuan" in err and "未写入任何文件" in err and len(err.splitlines()) == 1
    assert not out.exists()
    assert main(["import-xlsx", str(src), "-o", str(out), "--amounts", "yuan"]) == 0
    doc, _ = _load(out)
    assert doc.projects[0].funding.annual_budget == 200 * 1_000_000


def test_an_existing_document_needs_force_and_a_foreign_file_is_never_touched(tmp_path, capsys):
    src = build.standard(tmp_path / "a.xlsx")
    target = tmp_path / "mine.db"
    write_demo(target, "003")
    before = sha(target)
    assert main(["import-xlsx", str(src), "-o", str(target)]) == 2
    assert "--force" in capsys.readouterr().err
    assert sha(target) == before
    foreign = tmp_path / "notes.db"
    foreign.write_bytes(b"not ours")
    assert main(["import-xlsx", str(src), "-o", str(foreign), "--force"]) == 2
    assert foreign.read_bytes() == b"not ours"
    assert main(["import-xlsx", str(src), "-o", str(target), "--force"]) == 0
    assert [p.name for p in _load(target)[0].projects] == [build.FormSpec().name]


def test_malformed_input_is_one_line_and_no_file(tmp_path, capsys):
    for make in (build.encrypted, build.empty_workbook, build.no_table):
        src = make(tmp_path / f"{make.__name__}.xlsx")
        out = tmp_path / f"{make.__name__}.db"
        assert main(["import-xlsx", str(src), "-o", str(out)]) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "selfeval-desktop import-xlsx:" in err
        assert not out.exists()


def test_export_then_import_round_trip_through_the_commands(tmp_path, capsys):
    doc_path = tmp_path / "demo.db"
    write_demo(doc_path, "004")
    before = sha(doc_path)
    xlsx = tmp_path / "demo.xlsx"
    assert main(["export-xlsx", str(doc_path), "-o", str(xlsx)]) == 0
    assert "已导出 20 个项目" in capsys.readouterr().out
    assert sha(doc_path) == before  # export only reads the document
    back = tmp_path / "back.db"
    assert main(["import-xlsx", str(xlsx), "-o", str(back)]) == 0
    original, _ = _load(doc_path)
    imported, _ = _load(back)
    assert [(p.name, p.funding.executed, len(p.indicators)) for p in imported.projects] == \
        [(p.name, p.funding.executed, len(p.indicators)) for p in original.projects]


def test_export_refuses_to_overwrite_a_document(tmp_path, capsys):
    doc_path = tmp_path / "demo.xlsx"  # a document unwisely named .xlsx
    write_demo(doc_path, "003")
    before = sha(doc_path)
    assert main(["export-xlsx", str(doc_path), "-o", str(doc_path), "--force"]) == 2
    assert "就是要导出的自评文件" in capsys.readouterr().err
    assert sha(doc_path) == before


def test_help_is_bilingual():
    run = subprocess.run([sys.executable, "-m", "selfeval_desktop.cli", "import-xlsx", "--help"],
                         cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and "工作簿" in run.stdout and "workbook" in run.stdout


def test_check_on_an_imported_file_still_reviews_the_stated_execution_score(tmp_path, capsys):
    # the stated 预算执行率得分 is kept in the document (schema 1.2), not only in the import report
    src = build.inconsistent(tmp_path / "received.xlsx")
    out = tmp_path / "received.db"
    assert main(["import-xlsx", str(src), "-o", str(out)]) == 0
    capsys.readouterr()
    doc, _ = _load(out)
    assert doc.projects[0].stated_execution_score is not None
    main(["check", str(out)])
    assert "填报的预算执行率得分" in capsys.readouterr().out


def test_export_replaces_an_existing_workbook_only_with_force(tmp_path, capsys):
    doc_path = tmp_path / "demo.db"
    write_demo(doc_path, "003")
    template = tmp_path / "received.xlsx"  # e.g. the unit's own workbook that was imported
    build.standard(template)
    before = sha(template)
    assert main(["export-xlsx", str(doc_path), "-o", str(template)]) == 2
    err = capsys.readouterr().err
    assert "已存在" in err and "--force" in err and len(err.strip().splitlines()) == 1
    assert sha(template) == before
    assert main(["export-xlsx", str(doc_path), "-o", str(template), "--force"]) == 0
    assert sha(template) != before


def test_import_force_never_replaces_a_finalized_document(tmp_path, capsys):
    target = tmp_path / "mine.db"
    write_demo(target, "003")
    assert main(["finalize", str(target)]) == 0
    before = sha(target)
    capsys.readouterr()
    src = build.standard(tmp_path / "a.xlsx")
    assert main(["import-xlsx", str(src), "-o", str(target), "--force"]) == 2
    err = capsys.readouterr().err
    assert "已定稿" in err and len(err.strip().splitlines()) == 1
    assert sha(target) == before


def test_export_help_says_indicator_scores_are_values():
    run = subprocess.run([sys.executable, "-m", "selfeval_desktop.cli", "export-xlsx", "--help"],
                         cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert "各指标得分是本软件按评分规则算出的数值" in run.stdout and "--force" in run.stdout


def test_a_target_typed_with_an_equals_sign_exports_as_text_and_comes_back(tmp_path, capsys):
    # "=100%" is a target people type (等于); it must not become a spreadsheet formula
    from selfeval_desktop.db import repo
    from selfeval_desktop.db.document import open_document
    import openpyxl
    doc_path = tmp_path / "d.sqlite"
    write_demo(doc_path, seed="003")
    opened = open_document(doc_path)
    d = repo.load_document(opened.conn)
    ind = d.projects[0].indicators[0]
    repo.update_indicator(opened.conn, ind.id, target="=100%", actual="100%")
    opened.close()
    out = tmp_path / "d.xlsx"
    assert main(["export-xlsx", str(doc_path), "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out).worksheets[1]
    cells = [c for row in ws.iter_rows() for c in row if c.value == "=100%"]
    assert cells and all(c.data_type == "s" for c in cells)
    back = tmp_path / "back.sqlite"
    assert main(["import-xlsx", str(out), "-o", str(back)]) == 0
    doc, _ = _load(back)
    assert doc.projects[0].indicators[0].target == "=100%"
