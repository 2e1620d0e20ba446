"""A file's kind by its content first, then its name (every ZIP or OLE file was an
Excel workbook, the clerk's Word report too)."""
from pathlib import Path
import zipfile

import openpyxl
import pytest

from selfeval_desktop.db.document import create_document
from selfeval_desktop.file_kinds import (DOCUMENT, OTHER, PDF, WORD, WORKBOOK, kind_of,
                                         ole_streams, refusal)

from tests.reports import xlsx_builders as build


def package(path: Path, *parts: str) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        for part in parts:
            z.writestr(part, "<x/>")
    return path


def test_a_word_package_is_word_whatever_its_name(tmp_path):
    assert kind_of(package(tmp_path / "2021年度自评报告.docx", "word/document.xml")) == WORD
    assert kind_of(package(tmp_path / "改了名.xlsx", "word/document.xml")) == WORD


def test_a_real_workbook_is_a_workbook_whatever_its_name(tmp_path):
    book = openpyxl.Workbook()
    book.save(tmp_path / "自评表.xlsx")
    (tmp_path / "自评表.xlsx").rename(tmp_path / "自评表.docx")
    assert kind_of(tmp_path / "自评表.docx") == WORKBOOK


def test_ole_files_are_told_apart_by_their_streams(tmp_path):
    doc = build.compound(tmp_path / "报告.doc", ["WordDocument", "1Table"])
    assert ole_streams(doc) >= {"Root Entry", "WordDocument", "1Table"}
    assert kind_of(doc) == WORD
    assert kind_of(build.compound(tmp_path / "报告.xls", ["WordDocument"])) == WORD
    assert kind_of(build.compound(tmp_path / "表", ["Workbook"])) == WORKBOOK       # no suffix
    assert kind_of(build.compound(tmp_path / "旧表.bin", ["Book"])) == WORKBOOK     # BIFF5
    # encrypted: EncryptedPackage only, the name says which
    assert kind_of(build.encrypted(tmp_path / "密.xlsx")) == WORKBOOK
    assert kind_of(build.encrypted(tmp_path / "密.docx")) == WORD


@pytest.mark.parametrize("name, content, kind", [
    ("表.pdf", b"%PDF-1.7\n", PDF),
    ("报告.rtf", b"{\\rtf1\\ansi", WORD),
    ("说明.txt", "这是说明".encode(), OTHER),
    ("自评表.xlsx", b"PK\x03\x04 not really", WORKBOOK),     # a damaged one: import says so
])
def test_other_files(tmp_path, name, content, kind):
    (tmp_path / name).write_bytes(content)
    assert kind_of(tmp_path / name) == kind


def test_an_sqlite_file_is_a_document_whatever_its_name(tmp_path):
    create_document(tmp_path / "自评.xlsx").close()
    assert kind_of(tmp_path / "自评.xlsx") == DOCUMENT


def test_the_refusals_say_what_the_program_opens():
    assert "是 Word 文档" in refusal("报告.docx", WORD) and "导入Excel" in refusal("报告.docx", WORD)
    assert "是 WPS 文字文档" in refusal("报告.wps", WORD)
    assert "是 PDF 文件" in refusal("表.pdf", PDF)
    assert refusal("表.xlsx", WORKBOOK) is None and refusal("x", OTHER) is None
