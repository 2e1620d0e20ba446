"""What ``print``, ``export-xlsx`` and ``aggregate`` may write over, checked
once (``files.check_target``) and by one rule: an existing output is replaced only with
``--force`` (``print`` replaced a PDF silently — perhaps the scan of the stamped form — while
the two others needed ``--force``); the document read, any SQLite file and a folder never."""

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import write_demo

from tests.file_helpers import sha

COMMANDS = {"print": ".pdf", "export-xlsx": ".xlsx", "aggregate": ".xlsx"}


def run(capsys, command, doc, out, *extra):
    code = main([command, str(doc), "-o", str(out), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "河池市科协.sqlite"
    write_demo(path, "003")
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_an_existing_output_is_replaced_only_with_force(tmp_path, capsys, doc, command):
    target = tmp_path / f"盖章扫描件{COMMANDS[command]}"
    target.write_bytes(b"%PDF-1.4 the scan of the stamped form" if command == "print"
                       else b"PK\x03\x04 a workbook of the unit's own")
    before = sha(target)
    code, out, err = run(capsys, command, doc, target)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "已存在" in err and "--force" in err and "~$" not in err
    assert sha(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([doc.name, target.name])
    assert run(capsys, command, doc, target, "--force")[0] == 0
    assert sha(target) != before


@pytest.mark.parametrize("command", COMMANDS)
def test_never_over_the_document_a_database_or_a_folder_even_with_force(tmp_path, capsys, doc,
                                                                         command):
    suffix = COMMANDS[command]
    named = tmp_path / f"去年的{suffix}"          # a 自评文件 (or any database) so named
    named.write_bytes(doc.read_bytes())
    doc_named = tmp_path / f"本单位{suffix}"       # the document itself, so named
    doc_named.write_bytes(doc.read_bytes())
    folder = tmp_path / f"文件夹{suffix}"
    folder.mkdir()
    kept = {p: sha(p) for p in (doc, named, doc_named)}
    for source, target, said in ((doc, named, "数据库"), (doc_named, doc_named, "自评文件"),
                                 (doc, folder, "文件夹"), (doc, doc, suffix)):
        code, _, err = run(capsys, command, source, target, "--force")
        assert code == 2 and len(err.strip().splitlines()) == 1 and said in err, err
    assert {p: sha(p) for p in kept} == kept and not any(folder.iterdir())


@pytest.mark.parametrize("command", COMMANDS)
def test_help_says_when_an_output_is_replaced_in_both_languages(capsys, command):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "--force" in out and "已存在" in out and "only with --force" in out
