"""Where the clipboard's text was copied from, by what the program put beside it.

Excel, WPS and LibreOffice put their own formats (and HTML) beside the plain text. Their line ends
are the writer's rows and paragraphs, never a PDF's wrapping, and a spreadsheet's
lines are rows, where a Word paragraph with hard breaks is not. RTF is no sign:
Acrobat puts RTF beside the text too.
"""
from __future__ import annotations

SHEET_FORMATS = ("xml spreadsheet", "biff", "opendocument.spreadsheet", "x-openoffice-calc")
OFFICE_FORMATS = ("opendocument", "x-openoffice")        # any LibreOffice document, a sheet too
DOCUMENT_HTML = ("urn:schemas-microsoft-com:office", "mso-", "msonormal", "kingsoft",
                 "libreoffice", "openoffice")


def _html(mime) -> str:
    return mime.html()[:20000].lower() if mime.hasHtml() else ""


def _formats(mime, keys) -> bool:
    return any(key in fmt.lower() for fmt in mime.formats() for key in keys)


def from_sheet(mime) -> bool:
    """Cells copied from a spreadsheet (Excel, WPS 表格, LibreOffice Calc): a sheet's own format,
    or a table in the HTML. Its lines are rows."""
    return mime is not None and (_formats(mime, SHEET_FORMATS) or "<table" in _html(mime))


def from_office(mime) -> bool:
    """Copied from an office program: a sheet, or a Word / WPS / LibreOffice document."""
    return mime is not None and (from_sheet(mime) or _formats(mime, OFFICE_FORMATS)
                                 or any(key in _html(mime) for key in DOCUMENT_HTML))
