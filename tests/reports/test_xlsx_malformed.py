"""Malformed workbooks get one clear message, no crash, and the target file is untouched."""

import pytest

from selfeval_desktop.db.document import create_document
from selfeval_desktop.db.repo import load_document
from selfeval_desktop.db.document import open_document
from selfeval_desktop.reports.xlsx_import import (XlsxImportError, import_workbook,
                                                  write_document)

from . import xlsx_builders as build

from tests.file_helpers import sha


@pytest.fixture
def target(tmp_path):
    """An existing document of ours that a failed import must leave byte for byte."""
    path = tmp_path / "target.db"
    create_document(path).close()
    return path


def _refused(path, target, match):
    before = sha(target)
    with pytest.raises(XlsxImportError, match=match):
        write_document(import_workbook(path), target, replace=True)
    assert sha(target) == before
    assert sorted(p.name for p in target.parent.iterdir() if p.name.startswith(".")) == []


def test_not_an_xlsx(tmp_path, target):
    path = tmp_path / "notes.xlsx"
    path.write_text("这不是工作簿", encoding="utf-8")
    _refused(path, target, "不是 Excel 工作簿")


def test_a_zip_that_is_not_a_workbook(tmp_path, target):
    import zipfile
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    _refused(path, target, "不是有效的 Excel 工作簿")


def test_an_encrypted_workbook_asks_to_remove_the_password(tmp_path, target):
    _refused(build.encrypted(tmp_path / "secret.xlsx"), target, "文件已加密，请先在 Excel 中取消密码")


def test_an_old_xls_asks_to_save_as_xlsx(tmp_path, target):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    _refused(path, target, r"另存为 \.xlsx")


def test_an_empty_file(tmp_path, target):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    _refused(path, target, "空文件")


def test_an_empty_workbook(tmp_path, target):
    _refused(build.empty_workbook(tmp_path / "e.xlsx"), target, "工作表是空的")


def test_a_sheet_without_an_indicator_table(tmp_path, target):
    _refused(build.no_table(tmp_path / "n.xlsx"), target, "没有找到绩效指标表")


def test_a_100000_row_sheet_is_refused_without_reading_it_all(tmp_path, target):
    _refused(build.huge(tmp_path / "big.xlsx"), target, "超过 5000 行")


def test_a_huge_sheet_beside_a_real_form_does_not_stop_the_form(tmp_path):
    import openpyxl
    path = build.huge(tmp_path / "big.xlsx", rows=6000)
    wb = openpyxl.load_workbook(path)
    build.write_form(wb.create_sheet("自评"), build.FormSpec())
    wb.save(path)
    result = import_workbook(path)
    assert [p.name for p in result.document.projects] == [build.FormSpec().name]
    assert "超过 5000 行" in result.report.text()


def test_missing_file(tmp_path):
    with pytest.raises(XlsxImportError, match="找不到文件"):
        import_workbook(tmp_path / "nowhere.xlsx")


def test_a_target_that_is_not_ours_is_refused_untouched(tmp_path):
    other = tmp_path / "other.db"
    other.write_text("someone else's notes", encoding="utf-8")
    before = sha(other)
    result = import_workbook(build.standard(tmp_path / "a.xlsx"))
    with pytest.raises(XlsxImportError, match="不是绩效自评文件"):
        write_document(result, other, replace=True)
    assert sha(other) == before


def test_an_existing_document_is_replaced_only_when_asked(tmp_path, target):
    result = import_workbook(build.standard(tmp_path / "a.xlsx"))
    before = sha(target)
    with pytest.raises(XlsxImportError, match="已存在"):
        write_document(result, target)
    assert sha(target) == before
    write_document(result, target, replace=True)
    opened = open_document(target, readonly=True)
    try:
        doc = load_document(opened.conn)
    finally:
        opened.close()
    assert [p.name for p in doc.projects] == [build.FormSpec().name]


def test_a_failure_while_writing_leaves_nothing(tmp_path, monkeypatch):
    from selfeval_desktop.reports import xlsx_import
    result = import_workbook(build.standard(tmp_path / "a.xlsx"))
    out = tmp_path / "new.db"

    def broken(conn, doc, action, detail):
        conn.execute("INSERT INTO history (at, action) VALUES ('x', 'half')")
        raise RuntimeError("disk full")

    monkeypatch.setattr(xlsx_import, "save_document", broken)
    with pytest.raises(XlsxImportError, match="原文件未改动"):
        write_document(result, out)
    assert list(tmp_path.iterdir()) == [tmp_path / "a.xlsx"]


def test_a_word_report_is_named_as_one(tmp_path, target):
    """A .docx given to 导入Excel was “已损坏（InvalidFileException）”."""
    import zipfile
    path = tmp_path / "2021年度自评报告.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    _refused(path, target, "是 Word 文档，不是自评文件")
    _refused(build.compound(tmp_path / "报告.doc", ["WordDocument"]), target, "是 Word 文档")


def test_a_damaged_workbook_is_said_without_an_english_class_name(tmp_path, target):
    import zipfile
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(XlsxImportError) as raised:
        import_workbook(path)
    assert "（" not in str(raised.value).split("或已损坏")[1]
