"""The 汇总 workbook (``aggregate``) prints readable on A4 landscape (as LibreOffice prints it):
one page wide, the rows flowing onto as many pages as they need, the header rows on every page,
and the 10 pt text printed at 8 pt or more — five units' 汇总 had printed at 57 % (5.7 pt).

LibreOffice measures a column's width in digits of the workbook's default font. With Calibri (the
default of openpyxl) that font is missing on most Linux PCs (统信 UOS, 麒麟 Kylin, LibreOffice
without Carlito) and DejaVu Sans stands in, whose digits are a quarter wider: every column came
out a quarter wider than in Excel, and fit-to-width shrank the page to match.
"""
from __future__ import annotations

from pathlib import Path
import re
import statistics
import subprocess
import unicodedata

import openpyxl
import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.reports.xlsx_aggregate import Source, build_summary, write_summary

from .spreadsheet import printed, soffice

SEEDS = ("000", "001", "002", "003", "004")
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def pages(pdf: Path) -> list[tuple[float, float, list[tuple[float, float, str]]]]:
    """(width, height, [(x0, x1, word)]) of each page, as pdftotext -bbox gives them."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    out = []
    for page in html.split("<page ")[1:]:
        w, h = map(float, _PAGE.match("<page " + page).groups())
        out.append((w, h, [(float(a), float(b), t) for a, b, t in _WORD.findall(page)]))
    return out


def printed_size(words) -> float:
    """The size (pt) the body text is printed at: a Chinese character is as wide as its font is
    tall, so a word of Chinese characters only is its width over its length; the median over the
    words of a page is its 10 pt body (the 16 pt title is one word)."""
    sizes = [(x1 - x0) / len(t) for x0, x1, t in words
             if len(t) >= 2 and all(unicodedata.east_asian_width(c) == "W" for c in t)]
    return statistics.median(sizes)


def aggregate_of_seeds(tmp_path: Path) -> Path:
    out = tmp_path / "汇总.xlsx"
    write_summary([Source(tmp_path / f"{s}.sqlite", build_demo(s)) for s in SEEDS], out)
    return out


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed; CI installs it")
def test_the_aggregate_of_five_units_prints_readable_on_a4_landscape(tmp_path):
    pdf = printed(aggregate_of_seeds(tmp_path), tmp_path)
    sheets = pages(pdf)
    assert len(sheets) >= 2                     # the rows flow on; not squeezed onto one page
    for width, height, words in sheets:
        assert (round(width), round(height)) == (842, 595)            # A4 landscape
        assert all(0 < x0 and x1 < width for x0, x1, _ in words)       # one page wide
        assert "序号" in {t for *_, t in words}                        # the header on each page
        assert printed_size(words) >= 8.0, printed_size(words)         # 10 pt at 80 % or more


def test_the_aggregate_is_narrow_enough_for_a4_landscape_at_85_percent(tmp_path):
    """The same in Excel's measure (no LibreOffice needed): a column of width w is 7w + 5 px at
    96 dpi; A4 landscape within the sheet's margins must hold them all at 85 % or more."""
    wb, _ = build_summary([Source(tmp_path / f"{s}.sqlite", build_demo(s)) for s in SEEDS])
    ws = wb.active
    pixels = sum(7 * ws.column_dimensions[c].width + 5 for c in "ABCDEFGHIJKLM")
    usable = (11.69 - ws.page_margins.left - ws.page_margins.right) * 96
    assert usable / pixels >= 0.85, usable / pixels
    assert ws.print_title_rows and ws.page_setup.fitToHeight == 0


def test_the_aggregate_measures_its_columns_and_numbers_in_a_font_linux_has_a_twin_of(tmp_path):
    """Arial 10 (Excel 2003's default: a digit is 7 px, as Calibri 11's) has metric twins on
    Linux (Liberation Sans, Nimbus Sans); Calibri has none but Carlito, seldom installed. The
    numbers are in it too, so that a digit is one unit of width wherever the file is opened."""
    wb = openpyxl.load_workbook(aggregate_of_seeds(tmp_path))
    normal = next(s for s in wb._named_styles if s.name == "Normal")
    assert (normal.font.name, normal.font.sz) == ("Arial", 10)
    assert (wb._fonts[0].name, wb._fonts[0].sz) == ("Arial", 10)      # of unstyled cells
    ws = wb["汇总"]
    total = next(r for r in range(4, ws.max_row + 1)
                 if str(ws.cell(r, 1).value or "").startswith("2021年度合计"))
    assert (ws.cell(total, 5).font.name, ws.cell(total, 5).font.b) == ("Arial", True)
    assert ws.cell(4, 5).font.name == "Arial" and ws.cell(4, 4).font.name == "宋体"


def test_a_bold_total_that_wraps_gets_a_row_tall_enough(tmp_path):
    """“2021年度合计（3 个文件，31 个项目，不含部门整体）” over 序号 to 项目名称 takes two lines
    in bold (Excel thickens 宋体, LibreOffice's bold Latin digits are wider): it was given one."""
    wb, _ = build_summary([Source(tmp_path / f"{s}.sqlite", build_demo(s)) for s in SEEDS])
    ws = wb.active
    total = next(r for r in range(4, ws.max_row + 1)
                 if str(ws.cell(r, 1).value or "").startswith("2021年度合计"))
    assert ws.row_dimensions[total].height >= 2 * 13.5
