"""``print FILE -o OUT.pdf [--form basic|mof] [--project ID]`` from the command line."""
import hashlib

import pytest

from selfeval_desktop.cli import main
from tests.reports.pdf_fixtures import page_count, pdffonts, raw_text, squeeze


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(tmp_path, capsys):
    path = tmp_path / "hechi.sqlite"
    assert run(capsys, "demo", "-o", path, "--seed", "003")[0] == 0
    return path


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("form, title", [("basic", "项目单位自评基本情况表"), ("mof", "项目支出绩效自评表")])
def test_print_writes_the_form_and_leaves_the_document_alone(tmp_path, capsys, demo, form, title):
    before = digest(demo)
    out_pdf = tmp_path / f"{form}.pdf"
    code, out, err = run(capsys, "print", demo, "-o", out_pdf, "--form", form)
    assert code == 0 and err == ""
    assert str(out_pdf) in out
    text = squeeze(raw_text(out_pdf))
    assert text.startswith(title) and "学术交流活动经费" in text
    assert all(row["emb"] == "yes" for row in pdffonts(out_pdf))
    assert digest(demo) == before


def test_default_form_is_the_basic_one_and_project_can_be_chosen(tmp_path, capsys, demo):
    out_pdf = tmp_path / "one.pdf"
    code, _, _ = run(capsys, "print", demo, "-o", out_pdf, "--project", "1")
    assert code == 0
    assert squeeze(raw_text(out_pdf)).startswith("项目单位自评基本情况表")
    assert page_count(out_pdf) == 2


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
