"""A killed or crashed 打印 or 导出Excel left ``.STEM.XXXX.part``,
``.NAME.tmp-PID`` or ``….raw`` in the clerk's folder for good (a leading dot hides nothing on
Windows), and the workbook was renamed into place without being flushed to the disk. Now every
file is written as ``~$NAME.PID.tmp`` (hidden on Windows while it is written), flushed, then
renamed; the next export into that folder, or the next open of a document there, removes what a
killed one left; a failed write leaves the old file as it was."""
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.db.document import create_document, open_document
from selfeval_desktop.reports.export import ExportError, export_pdf
from selfeval_desktop.reports.xlsx_export import XlsxExportError, export_workbook
from tests.reports.pdf_fixtures import seed003

ROOT = Path(__file__).resolve().parents[2]
LONG_AGO = time.time() - 3600

# killed as the finished PDF is about to be flushed to the disk (the data is all written)
KILLED_PRINT = textwrap.dedent("""
    import os, sys
    from selfeval_desktop.reports.export import export_pdf
    from tests.reports.pdf_fixtures import seed003
    doc = seed003()
    os.fsync = lambda fd: os._exit(9)
    export_pdf(doc, sys.argv[1], force=True)
""")

# killed in the middle of writing the workbook's zip
KILLED_EXPORT = textwrap.dedent("""
    import os, sys, zipfile
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.reports.xlsx_export import export_workbook
    doc = build_demo("003")
    for i, p in enumerate(doc.projects, 1):
        p.id = i
    calls = []
    real = zipfile.ZipFile.writestr
    def writestr(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 5:
            os._exit(9)
        return real(self, *args, **kwargs)
    zipfile.ZipFile.writestr = writestr
    export_workbook(doc, sys.argv[1])
""")


def killed(script: str, target: Path) -> set[str]:
    """Run ``script`` writing ``target`` in a process that is killed halfway; the names it left
    (aged past the grace time, as after a restart)."""
    before = {p.name for p in target.parent.iterdir()}
    subprocess.run([sys.executable, "-c", script, str(target)], cwd=ROOT,
                   env=dict(os.environ, PYTHONPATH=str(ROOT)), check=False, timeout=120)
    left = {p.name for p in target.parent.iterdir()} - before
    for name in left:
        os.utime(target.parent / name, (LONG_AGO, LONG_AGO))
    return left


def workbook_doc():
    doc = build_demo("003")
    for i, p in enumerate(doc.projects, 1):
        p.id = i
    return doc


def test_a_killed_print_leaves_a_temporary_name_that_the_next_print_removes(tmp_path):
    target = tmp_path / "2022年度自评表.pdf"
    target.write_bytes(b"%PDF-1.4 the form printed yesterday")
    left = killed(KILLED_PRINT, target)
    assert left == {name for name in left if name.startswith("~$2022年度自评表.pdf.")
                    and name.endswith(".tmp")} != set()       # Office's ~$ name, not a dotted one
    assert target.read_bytes() == b"%PDF-1.4 the form printed yesterday"   # the old one whole
    export_pdf(seed003(), tmp_path / "另一张.pdf")            # the next print into that folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2022年度自评表.pdf", "另一张.pdf"]


def test_a_killed_excel_export_leaves_nothing_after_the_next_open_in_that_folder(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    create_document(elsewhere / "自评.sqlite").close()
    folder = tmp_path / "报表"
    folder.mkdir()
    shutil.copy(elsewhere / "自评.sqlite", folder / "自评.sqlite")   # (a copy tidies nothing)
    target = folder / "自评表.xlsx"
    left = killed(KILLED_EXPORT, target)
    assert left and not target.exists()
    assert all(name.startswith("~$自评表.xlsx.") and name.endswith(".tmp") for name in left)
    open_document(folder / "自评.sqlite").close()            # the next open for editing there
    assert sorted(p.name for p in folder.iterdir()) == ["自评.sqlite"]


def test_a_killed_excel_export_leaves_nothing_after_the_next_export(tmp_path):
    target = tmp_path / "自评表.xlsx"
    assert killed(KILLED_EXPORT, target)
    export_workbook(workbook_doc(), tmp_path / "汇总.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["汇总.xlsx"]


def test_the_leftovers_of_the_old_writers_are_removed_by_the_next_export(tmp_path):
    """``.STEM.XXXXXXXX.part`` (PDF), ``.NAME.tmp-PID`` and ``.NAME.tmp-PID.raw`` (workbook)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    old = {".自评表.k3_x9qz0.part": b"%PDF-1.4 half",
           f".自评表.xlsx.tmp-{proc.pid}": b"PK\x03\x04half",
           f".自评表.xlsx.tmp-{proc.pid}.raw": b"PK\x03\x04half"}
    for name, data in old.items():
        (tmp_path / name).write_bytes(data)
        os.utime(tmp_path / name, (LONG_AGO, LONG_AGO))
    export_pdf(seed003(), tmp_path / "表.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["表.pdf"]


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_the_file_is_flushed_to_the_disk_before_it_replaces_the_old_one(tmp_path, monkeypatch,
                                                                         kind):
    """A power cut after a rename of data still in the cache leaves an empty or torn file where
    yesterday's was: the workbook writer never flushed."""
    target = tmp_path / f"表.{kind}"
    target.write_bytes(b"yesterday's")
    synced = []

    def fsync(fd):
        synced.append(fd)
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(os, "fsync", fsync)
    error = ExportError if kind == "pdf" else XlsxExportError
    with pytest.raises(error, match="无法写入"):
        if kind == "pdf":
            export_pdf(seed003(), target, force=True)
        else:
            export_workbook(workbook_doc(), target)
    assert synced and target.read_bytes() == b"yesterday's"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_a_failed_workbook_write_leaves_the_old_workbook_whole(tmp_path, monkeypatch):
    from selfeval_desktop.reports import xlsx_common
    target = tmp_path / "自评表.xlsx"
    target.write_bytes(b"PK\x03\x04 yesterday's workbook")

    def broken(wb, path, values):
        Path(path).write_bytes(b"PK\x03\x04half")
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(xlsx_common, "save_with_values", broken)
    with pytest.raises(XlsxExportError, match="磁盘空间不足"):
        export_workbook(workbook_doc(), target)
    assert target.read_bytes() == b"PK\x03\x04 yesterday's workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["自评表.xlsx"]


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_the_temporary_file_is_hidden_while_written_and_shown_before_it_is_renamed(
        tmp_path, monkeypatch, kind):
    """On Windows a rename keeps the hidden attribute: the clerk's PDF or workbook must never
    turn hidden, and the temporary one is hidden as Office hides its ``~$`` files."""
    from selfeval_desktop import files
    target = tmp_path / f"表.{kind}"
    seen = []
    monkeypatch.setattr(files, "set_hidden",
                        lambda path, hidden: seen.append((Path(path).name, hidden,
                                                          target.exists())))
    if kind == "pdf":
        export_pdf(seed003(), target)
    else:
        export_workbook(workbook_doc(), target)
    tmp = f"~$表.{kind}.{os.getpid()}.tmp"
    assert seen == [(tmp, True, False), (tmp, False, False)] and target.exists()
