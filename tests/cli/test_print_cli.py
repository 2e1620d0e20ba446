"""``print FILE -o OUT.pdf [--form basic|mof] [--project ID]`` from the command line."""
import sqlite3

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import write_demo
from tests.cli.cli_helpers import run
from tests.file_helpers import sha
from tests.reports.pdf_fixtures import page_count, pdffonts, raw_text, squeeze


@pytest.fixture
def demo(tmp_path, capsys):
    path = tmp_path / "hechi.sqlite"
    assert run(capsys, "demo", "-o", path, "--seed", "003")[0] == 0
    return path


@pytest.mark.parametrize("form, title", [("basic", "项目单位自评基本情况表"), ("mof", "项目支出绩效自评表")])
def test_print_writes_the_form_and_leaves_the_document_alone(tmp_path, capsys, demo, form, title):
    before = sha(demo)
    out_pdf = tmp_path / f"{form}.pdf"
    code, out, err = run(capsys, "print", demo, "-o", out_pdf, "--form", form)
    assert code == 0 and err == ""
    assert str(out_pdf) in out
    text = squeeze(raw_text(out_pdf))
    assert text.startswith(title) and "学术交流活动经费" in text
    assert all(row["emb"] == "yes" for row in pdffonts(out_pdf))
    assert sha(demo) == before


def test_default_form_is_the_basic_one_and_project_can_be_chosen(tmp_path, capsys, demo):
    out_pdf = tmp_path / "one.pdf"
    code, _, _ = run(capsys, "print", demo, "-o", out_pdf, "--project", "1")
    assert code == 0
    assert squeeze(raw_text(out_pdf)).startswith("项目单位自评基本情况表")
    assert page_count(out_pdf) == 1  # seed 003's form fits one page to sign and stamp


def test_unknown_project_is_one_line_and_no_file(tmp_path, capsys, demo):
    out_pdf = tmp_path / "x.pdf"
    code, out, err = run(capsys, "print", demo, "-o", out_pdf, "--project", "42")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "没有编号为 42 的项目" in err
    assert not out_pdf.exists()


def test_unwritable_output_folder_is_one_line(tmp_path, capsys, demo):
    code, _, err = run(capsys, "print", demo, "-o", tmp_path / "nope" / "a.pdf")
    assert code == 2 and err.count("\n") == 1 and "不存在" in err


def test_not_a_document_is_refused(tmp_path, capsys):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database", encoding="utf-8")
    code, _, err = run(capsys, "print", bogus, "-o", tmp_path / "a.pdf")
    assert code != 0 and err.count("\n") == 1
    assert bogus.read_text(encoding="utf-8") == "not a database"
    assert not (tmp_path / "a.pdf").exists()


def test_every_project_of_seed_004_one_pdf_per_project(tmp_path, capsys):
    doc = tmp_path / "sjz.sqlite"
    assert run(capsys, "demo", "-o", doc, "--seed", "004")[0] == 0
    folder = tmp_path / "out"
    folder.mkdir()
    code, out, _ = run(capsys, "print", doc, "-o", folder, "--form", "mof", "--per-project")
    assert code == 0
    files = sorted(folder.iterdir())
    assert len(files) == len(out.splitlines()) >= 20
    assert all(f.suffix == ".pdf" and squeeze(raw_text(f)).startswith("项目支出绩效自评表") for f in files)


def test_help_is_bilingual(capsys):
    with pytest.raises(SystemExit):
        main(["print", "--help"])
    out = capsys.readouterr().out
    assert "打印" in out and "Print" in out


# ---------------------------------------------------------------- what -o may not overwrite

@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink"])
def test_output_that_is_the_document_itself_is_refused(tmp_path, capsys, demo, spelling):
    before = sha(demo)
    target = {"same": demo, "dotted": tmp_path / "." / demo.name,
              "symlink": tmp_path / "link.pdf"}[spelling]
    if spelling == "symlink":
        target.symlink_to(demo)
    code, out, err = run(capsys, "print", demo, "-o", target)
    assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert sha(demo) == before


@pytest.mark.parametrize("name", ["report.docx", "表.xlsx", "noext"])
def test_output_not_ending_in_pdf_is_refused_and_left_alone(tmp_path, capsys, demo, name):
    target = tmp_path / name
    target.write_bytes(b"someone's report")
    code, _, err = run(capsys, "print", demo, "-o", target)
    assert code == 2 and ".pdf" in err and err.count("\n") == 1
    assert target.read_bytes() == b"someone's report"
    fresh = tmp_path / f"new-{name}"
    assert run(capsys, "print", demo, "-o", fresh)[0] == 2 and not fresh.exists()


def test_output_that_is_another_document_is_refused_whatever_its_name(tmp_path, capsys, demo):
    other = tmp_path / "去年的.pdf"  # a 自评文件 renamed, or any SQLite database
    other.write_bytes(demo.read_bytes())
    before = sha(other)
    code, _, err = run(capsys, "print", demo, "-o", other)
    assert code == 2 and "自评文件" in err and sha(other) == before


def test_an_existing_pdf_is_replaced_only_with_force(tmp_path, capsys, demo):
    """As export-xlsx and aggregate (it may be the scan of the stamped form)."""
    target = tmp_path / "again.pdf"
    target.write_bytes(b"%PDF-1.4 yesterday's print")
    code, _, err = run(capsys, "print", demo, "-o", target)
    assert code == 2 and "已存在" in err and "--force" in err
    assert target.read_bytes() == b"%PDF-1.4 yesterday's print"
    assert run(capsys, "print", demo, "-o", target, "--force")[0] == 0
    assert squeeze(raw_text(target)).startswith("项目单位自评基本情况表")


def printed_per_project(tmp_path, capsys):
    """The 石家庄 demo (20 projects) and the folder it was printed into, one PDF a project."""
    doc = tmp_path / "sjz.sqlite"
    assert run(capsys, "demo", "-o", doc, "--seed", "004")[0] == 0
    folder = tmp_path / "out"
    folder.mkdir()
    assert run(capsys, "print", doc, "-o", folder, "--per-project")[0] == 0
    return doc, folder


def test_per_project_files_printed_before_are_replaced_only_with_force(tmp_path, capsys):
    doc, folder = printed_per_project(tmp_path, capsys)
    first = sorted(folder.iterdir())
    first[5].write_bytes(b"%PDF-1.4 signed and scanned")
    before = {p: sha(p) for p in first}
    code, out, err = run(capsys, "print", doc, "-o", folder, "--per-project")
    assert code == 2 and out == "" and "--force" in err and first[0].name in err
    assert {p: sha(p) for p in sorted(folder.iterdir())} == before      # nothing written
    assert run(capsys, "print", doc, "-o", folder, "--per-project", "--force")[0] == 0
    assert sorted(folder.iterdir()) == first and sha(first[5]) != before[first[5]]


def test_per_project_collision_with_a_document_writes_nothing(tmp_path, capsys):
    doc, folder = printed_per_project(tmp_path, capsys)
    names = sorted(p.name for p in folder.iterdir())
    for p in folder.iterdir():
        p.unlink()
    victim = folder / names[3]  # a document sitting where the 4th PDF would go
    victim.write_bytes(doc.read_bytes())
    code, _, err = run(capsys, "print", doc, "-o", folder, "--per-project")
    assert code == 2 and victim.name in err
    assert sorted(p.name for p in folder.iterdir()) == [victim.name]  # nothing else written
    assert victim.read_bytes() == doc.read_bytes()


def test_the_windows_export_refuses_a_document_target_too(tmp_path):
    # the window calls export_pdf with the path from its save dialog: same checks
    from selfeval_desktop.db.demo import build_demo, write_demo
    from selfeval_desktop.reports.export import ExportError, export_pdf
    path = tmp_path / "open.sqlite"
    write_demo(path, "003")
    before = sha(path)
    doc = build_demo("003")
    doc.projects[0].id = 1
    for target in (path, tmp_path / "x.docx"):
        with pytest.raises(ExportError):
            export_pdf(doc, target)
    with pytest.raises(ExportError, match="就是打开的自评文件"):
        export_pdf(doc, tmp_path / "copy.pdf", inputs=[tmp_path / "copy.pdf"])
    assert sha(path) == before and not (tmp_path / "x.docx").exists()


def test_print_says_the_check_errors_of_what_it_prints(tmp_path, capsys):
    """Seed 002 天成's 支出合计 265.0005 printed beside 计划安排资金 270 and `print`
    said only 尚未评分, although `check` calls it an error."""
    path = tmp_path / "002.sqlite"
    assert run(capsys, "demo", "-o", path, "--seed", "002")[0] == 0
    code, _out, err = run(capsys, "print", path, "-o", tmp_path / "002.pdf")
    assert code == 0 and "警告：问题清单中有" in err and "个错误" in err and "check" in err
    assert err.count("问题清单中有") == 1


def test_print_of_a_sound_project_has_no_error_line(tmp_path, capsys, demo):
    code, _out, err = run(capsys, "print", demo, "-o", tmp_path / "ok.pdf")
    assert code == 0 and "问题清单中有" not in err


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
