"""What a file a clerk opens or drops on the window is: a 自评文件, an Excel/WPS workbook, a Word
report, a PDF — by its content first, then by its name. No Qt.

Taking every ZIP or OLE file for a workbook made the 自评报告.docx a clerk drags (they write
their reports in Word, see the seeds) an “Excel 工作簿”, offered to 导入Excel, then “已损坏”. A .docx and an .xlsx are both ZIP packages, a .doc and an .xls both
OLE compound files: the package's parts, or the compound file's streams, tell them apart.
"""
from __future__ import annotations

from pathlib import Path
import struct

from .files import SQLITE_MAGIC

DOCUMENT, WORKBOOK, WORD, PDF, OTHER = "document", "workbook", "word", "pdf", "other"
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xls", ".et", ".ett")
WORD_SUFFIXES = (".doc", ".docx", ".docm", ".dot", ".dotx", ".wps", ".wpt", ".rtf", ".odt")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE = 0xFFFFFFFA           # sector ids from here on end a chain (or are free)


def kind_of(path: str | Path) -> str:
    """DOCUMENT (an SQLite file: the document's own checks say whose), WORKBOOK, WORD, PDF or
    OTHER (unreadable, or none of these)."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return OTHER
    by_name = _by_suffix(path)
    if head.startswith(SQLITE_MAGIC):
        return DOCUMENT
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path) or by_name
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path) or by_name    # encrypted .xlsx/.docx: an EncryptedPackage only
    if head.startswith(b"%PDF"):
        return PDF
    if head.startswith(b"{\\rtf"):
        return WORD
    return by_name


def _by_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return WORKBOOK
    if suffix in WORD_SUFFIXES:
        return WORD
    return PDF if suffix == ".pdf" else OTHER


def _zip_kind(path: Path) -> str | None:
    import zipfile       # here: every open asks kind_of, and a 自评文件 needs none of it
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    if "xl/workbook.xml" in names:
        return WORKBOOK
    if "word/document.xml" in names:
        return WORD
    return None


def _ole_kind(path: Path) -> str | None:
    streams = ole_streams(path)
    if streams & {"Workbook", "Book"}:         # BIFF8 / BIFF5 (Excel, WPS 表格)
        return WORKBOOK
    if "WordDocument" in streams:              # Word, WPS 文字
        return WORD
    return None


def ole_streams(path: Path, limit: int = 4096) -> set[str]:
    """The names in an OLE compound file's directory (none when it cannot be read): the header's
    FAT sectors (all of a file up to some 7 MB; a larger one's directory is usually near the
    start), then the directory's chain, at most ``limit`` sectors."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(512)
            size = 1 << struct.unpack_from("<H", header, 0x1E)[0]
            if size not in (512, 4096):
                return set()
            fat: list[int] = []
            for sid in struct.unpack_from("<109I", header, 0x4C):
                if sid >= _FREE:
                    continue
                fh.seek((sid + 1) * size)
                block = fh.read(size)
                fat.extend(struct.unpack(f"<{len(block) // 4}I", block[:len(block) // 4 * 4]))
            names, sid, seen = set(), struct.unpack_from("<I", header, 0x30)[0], 0
            while sid < _FREE and seen < limit:
                fh.seek((sid + 1) * size)
                block = fh.read(size)
                for at in range(0, len(block) - 127, 128):
                    length = struct.unpack_from("<H", block, at + 64)[0]
                    if 2 <= length <= 64:
                        names.add(block[at:at + length - 2].decode("utf-16-le", "replace"))
                sid = fat[sid] if sid < len(fat) else _FREE
                seen += 1
            return names
    except (OSError, struct.error):
        return set()


def refusal(path: str | Path, kind: str) -> str | None:
    """Why a Word report or a PDF cannot be opened nor imported, in the clerk's words; None for
    the other kinds."""
    name = Path(path).name
    if kind == WORD:
        what = "WPS 文字文档" if Path(path).suffix.lower() in (".wps", ".wpt") else "Word 文档"
        return (f"“{name}”是 {what}，不是自评文件，不能打开，也不能导入。\n\n"
                "本程序打开自评文件（.sqlite），或导入 Excel 自评表（.xlsx）。报告中的表格可以复制到"
                " Excel 或 WPS 表格，另存为 .xlsx 后用 文件 → 导入Excel。")
    if kind == PDF:
        return (f"“{name}”是 PDF 文件，不是自评文件，不能打开，也不能导入。\n\n"
                "本程序打开自评文件（.sqlite），或导入 Excel 自评表（.xlsx）。")
    return None
