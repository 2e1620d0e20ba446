"""What the exported workbooks share: styles, a sheet writer that remembers each formula's value,
the formulas themselves, row heights, page setup and saving.

Every formula is saved with its result (the ``<v>`` Excel itself would store) so a mail preview,
Protected View, a script reading values (openpyxl ``data_only``) or a viewer that never
recalculates shows the numbers; ``fullCalcOnLoad`` makes Excel, WPS and LibreOffice recalculate on
open all the same. openpyxl cannot write both a
formula and its value, so :func:`save_with_values` fills the values into the sheet XML after
openpyxl has saved. Scores, totals and grades are saved as ``domain.scoring`` gave them, never
worked out again here; the formulas are the spreadsheet's copy of the rule, and
a LibreOffice test checks that they give the same.
"""
from __future__ import annotations

from decimal import Decimal
import io
import math
from pathlib import Path
import re
import unicodedata
from xml.sax.saxutils import escape
import zipfile

from ..db.document import os_cause
from ..db.temp_files import remove_debris
from ..files import replace_atomically
from ..domain.model import Project
from ..domain.money import fen_to_wan
from ..domain.profiles import Profile
from ..domain.scoring import shown_rate
from ..domain.unread_keys import parse_unread_key

UNSCORED = "未评分"
Number = (int, float, Decimal)
# 万元 to two decimals at least and to the 分 (6 decimals) where typed so, as the printed forms
# (``money.printed_wan``): 4.40, 8.1437, 12,102.455792 — the exact value stays in the cell
# (General would show 4.4 beside 12102.455792)
MONEY_FORMAT = "#,##0.00####"
# 分值 to the 得分's two decimals beside it, more where typed so
WEIGHT_FORMAT = "0.00####"


def styles(arial_numbers: bool = False):
    """The shared cell styles. With ``arial_numbers`` a number is written in Arial 10, the
    default font of :func:`new_workbook`, whose digit is the unit of a column's width wherever the
    file is opened: 宋体's Latin digits are DejaVu Sans's on a Linux without 宋体, a seventh wider
    than that unit (a bold 123,465.189012 showed ###), but Arial's metric twins (Liberation Sans,
    Nimbus Sans) are on nearly every Linux, and its bold digits are as wide as its plain ones."""
    from openpyxl.styles import Alignment, Border, Font, Side
    thin = Side(style="thin", color="000000")
    out = {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "wrap": Alignment(wrap_text=True, vertical="center", horizontal="center"),
        "left": Alignment(wrap_text=True, vertical="center", horizontal="left"),
        "right": Alignment(wrap_text=True, vertical="bottom", horizontal="right"),
        "font": Font(name="宋体", size=10),
        "bold": Font(name="宋体", size=10, bold=True),
        "title": Font(name="宋体", size=16, bold=True),
    }
    if arial_numbers:
        out["number"] = Font(name="Arial", size=10, family=2)
        out["number_bold"] = Font(name="Arial", size=10, family=2, bold=True)
    return out


def new_workbook():
    """An empty openpyxl Workbook whose default font (the ``Normal`` style's, and that of cells
    given no font) is Arial 10 rather than openpyxl's Calibri 11.

    A column's width is counted in digits of that font. Excel and WPS on Windows give Arial 10's
    digit the 7 px of Calibri 11's, so the widths here mean what they meant; but LibreOffice on
    统信 UOS / 麒麟 Kylin (any Linux without Carlito) has no Calibri and measures with DejaVu
    Sans, a quarter wider: every column printed a quarter wider and fit-to-width shrank the
    汇总 to 57 %. Arial's metric twins (Liberation Sans, Nimbus Sans) are on nearly every Linux.
    openpyxl has no public setter for the default font: its first font and the Normal style's."""
    from copy import copy
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList
    wb = Workbook()
    font = Font(name="Arial", size=10, family=2)
    wb._fonts = IndexedList([font])
    wb._named_styles["Normal"].font = copy(font)
    return wb


def is_number(value) -> bool:
    """What ISNUMBER says of a cell holding ``value`` (text such as “约4万” is not a number)."""
    return isinstance(value, Number) and not isinstance(value, bool)


CELL_LIMIT = 32767      # Excel's longest cell text, in UTF-16 units
CUT_MARK = "……（超出 Excel 单元格长度上限，以下未导出）"


def fit_cell(text: str) -> tuple[str, bool]:
    """``text`` as one Excel cell holds it: a longer one is cut, said at its end, on a whole
    character (𠮷 and emoji take two UTF-16 units). openpyxl cut at 32,767 characters without a
    word, which is over Excel's limit for such characters."""
    units = len(text.encode("utf-16-le")) // 2
    if units <= CELL_LIMIT:
        return text, False
    room = CELL_LIMIT - len(CUT_MARK.encode("utf-16-le")) // 2
    kept = text.encode("utf-16-le")[:room * 2].decode("utf-16-le", "ignore")
    return kept + CUT_MARK, True


class Sheet:
    """Writing helpers over one worksheet (merges, borders, styles); every formula is written
    with its value (``values``: cell → the formula's result); ``cut``: the cells whose text was
    too long for Excel, cut (said by the export)."""

    def __init__(self, ws, style):
        self.ws, self.s = ws, style
        self.values: dict[str, object] = {}
        self.cut: list[str] = []

    def put(self, ref: str, value, bold=False, left=False, fmt=None, result=None):
        """Write ``value``. A formula is text starting with "=" given with its ``result`` ("" for
        an empty text result); without a result, such text is what a user typed (a target
        "=100%") and is written as text, never as a formula."""
        cell = self.ws[ref]
        if isinstance(value, str) and result is None:
            value, cut = fit_cell(value)
            if cut:
                self.cut.append(ref)
        cell.value = value
        if isinstance(value, str) and value.startswith("=") and result is None:
            cell.data_type = "s"
        numeric = "number" in self.s and (is_number(value) or is_number(result))
        font = ("number_bold" if bold else "number") if numeric else ("bold" if bold else "font")
        self.style(cell, "font", self.s[font])
        self.style(cell, "alignment", self.s["left"] if left else self.s["wrap"])
        if fmt:
            cell.number_format = fmt
        if isinstance(value, str) and value.startswith("=") and result is not None:
            self.values[cell.coordinate] = result
        return cell

    def style(self, cell, kind: str, value) -> None:
        """``cell.font = value`` (or alignment, border) for one of the sheet's shared styles,
        looked up once per workbook: openpyxl hashes the whole style object on every
        assignment, which was 40 % of a 50-project export (4.3 s)."""
        wb = self.ws.parent
        ids = wb.__dict__.setdefault("_style_ids", {})
        found = ids.get((kind, id(value)))
        if found is None:
            found = ids[(kind, id(value))] = (getattr(wb, _COLLECTIONS[kind]).add(value), value)
        if not cell._style:
            setattr(cell, kind, value)        # openpyxl makes the cell's style array
        else:
            setattr(cell._style, _STYLE_KEYS[kind], found[0])

    def merge(self, ref: str, value=None, **kw):
        first, _, last = ref.partition(":")
        self.put(first, value, **kw)
        if last and last != first:
            self.merge_range(ref)

    def merge_range(self, ref: str) -> None:
        """``ws.merge_cells(ref)`` without openpyxl's check of every earlier merge (quadratic:
        12 % of a big export): this sheet's own record of merged cells says whether ``ref``
        overlaps one, and only then is openpyxl left to deal with it as before."""
        from openpyxl.utils.cell import range_boundaries
        from openpyxl.worksheet.merge import MergedCellRange
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        cells = {(r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)}
        merged = self.__dict__.setdefault("_merged", set())
        if cells & merged or not hasattr(self.ws.merged_cells.ranges, "add"):
            self.ws.merge_cells(ref)
            return
        merged |= cells
        mcr = MergedCellRange(self.ws, ref)
        self.ws.merged_cells.ranges.add(mcr)
        start = mcr.start_cell
        if start._style and start._style.borderId:
            self.ws._clean_merge_range(mcr)      # its borders are carried to the edges
            return
        # as openpyxl does, less its copy of the default protection onto every merged cell
        # (hashed each time: most of what is left of a merge's cost)
        from openpyxl.cell import MergedCell
        covered = mcr.cells
        next(covered)
        for row, col in covered:
            self.ws._cells[row, col] = MergedCell(self.ws, row, col)

    def borders(self, first_row: int, last_row: int, ncols: int):
        for row in self.ws.iter_rows(min_row=first_row, max_row=last_row, min_col=1, max_col=ncols):
            for cell in row:
                self.style(cell, "border", self.s["border"])


_COLLECTIONS = {"font": "_fonts", "alignment": "_alignments", "border": "_borders"}
_STYLE_KEYS = {"font": "fontId", "alignment": "alignmentId", "border": "borderId"}


def unread_text(project: Project, entity: str, row_key: str, attr: str) -> str | None:
    """Text typed into a money field that could not be read (``Project.unread``), so the
    workbook shows it as typed instead of an empty cell."""
    for key, text in project.unread.items():
        if parse_unread_key(key) == (entity, row_key, attr):
            return text
    return None


def money_cell(project: Project, fen: int | None, entity: str, row_key: str, attr: str):
    """万元 as a number, or the text typed when it could not be read (``Project.unread``)."""
    if fen is not None:
        return fen_to_wan(fen)
    return unread_text(project, entity, row_key, attr)


# ---------------------------------------------------------------- formulas and their values

def cell_ranges(col: str, rows: list[int]) -> list[str]:
    """Rows of one column as the fewest ranges: [5, 6, 7, 9] → ["C5:C7", "C9"]."""
    ranges, start = [], None
    for k, row in enumerate(rows):
        start = row if start is None else start
        if k + 1 == len(rows) or rows[k + 1] != row + 1:
            ranges.append(f"{col}{start}" + (f":{col}{row}" if row > start else ""))
            start = None
    return ranges


def rate_formula(budget: str, executed: str, profile: Profile) -> str:
    """A project's 执行率 = 执行数 / 预算数; blank unless both are numbers and the budget is not 0.
    Shown as 0.00%, which rounds half-up: where the profile truncates, the rate is cut to what the
    forms and the window show (99.99% for 0.99995, not 100.00%)."""
    rate = f"{executed}/{budget}"
    if profile.rounding != "half_up":
        rate = f"ROUNDDOWN(ROUND({rate},9),{profile.decimals + 2})"
    return f'=IF(AND(ISNUMBER({budget}),ISNUMBER({executed})),IF({budget}=0,"",{rate}),"")'


def rate_value(budget, executed, profile: Profile):
    """The value of :func:`rate_formula`."""
    if not (is_number(budget) and is_number(executed)) or budget == 0:
        return ""
    rate = Decimal(executed) / Decimal(budget)
    return rate if profile.rounding == "half_up" else shown_rate(rate, profile).scaleb(-2)


def rounded(expr: str, profile: Profile) -> str:
    """``expr`` rounded as the profile shows scores (四舍五入 ROUND or 截尾 ROUNDDOWN).

    The inner ROUND to 9 decimals removes binary noise first (9.9999999999 is 10, so a
    truncating profile does not show 9.99 for a sum the rules make 10.00)."""
    fn = "ROUND" if profile.rounding == "half_up" else "ROUNDDOWN"
    return f"{fn}(ROUND({expr},9),{profile.decimals})"


def execution_formula(weight: str, budget: str, executed: str, profile: Profile) -> str:
    """预算执行率得分 = 分值 × min(执行率, 1), rounded by the profile; blank where the app gives
    no score (no budget or executed figure, budget 0, a negative amount)."""
    score = rounded(f"{weight}*MIN({executed}/{budget},1)", profile)
    return (f'=IF(AND(ISNUMBER({budget}),ISNUMBER({executed})),'
            f'IF(AND({budget}>0,{executed}>=0),{score},""),"")')


def total_formula(cells: list[str], profile: Profile) -> str:
    """总分: the sum of the scores, rounded by the profile; blank (未评分) when no score at all."""
    args = ",".join(cells)
    return f'=IF(COUNT({args})=0,"",{rounded(f"SUM({args})", profile)})'


def grade_formula(cell: str, profile: Profile) -> str:
    """自评等次 by the profile's bands and names; 未评分 when the total is blank."""
    bands = list(profile.grades)
    formula = f'"{bands[-1][0]}"'
    for name, floor in reversed(bands[:-1]):
        formula = f'IF({cell}>={floor},"{name}",{formula})'
    return f'=IF({cell}="","{UNSCORED}",{formula})'


def provisional_note(reason: str) -> str:
    """The line under a provisional 自评等次 “—”: why no grade is given (as the printed form)."""
    return f"注：{reason}，自评等次暂记为“—”"


def provisional_summary_note(count: int, where: str = "") -> str:
    """The line under a summary listing ``count`` provisional totals ("" when none); ``where``
    tells where each reason is written."""
    if not count:
        return ""
    return (f"注：{count} 个项目的分值合计不是 100、有指标或执行率尚无得分、或执行率疑为单位填错，得分暂不可信，"
            f"等次暂记为“—”{where}")


# ---------------------------------------------------------------- layout

LINE_HEIGHT = 13.5   # points per line of 10 pt 宋体
MIN_HEIGHT = 15.0
# bold text is drawn wider: Excel thickens 宋体 by a pixel a character, LibreOffice's DejaVu Sans
# Bold (宋体's Latin letters on a Linux without it) is a tenth wider than its plain face — the 汇总's
# “2021年度合计（3 个文件，31 个项目，不含部门整体）” wrapped in a row one line tall
BOLD_WIDER = 1.1


def text_width(text: str) -> float:
    """Width in column units (a digit is 1): a Chinese or full-width character of 10 pt 宋体
    takes about 1.8 (measured in LibreOffice; Excel and WPS are within a few percent)."""
    return sum(1.8 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit_row_heights(ws, values: dict[str, object] | None = None) -> None:
    """Give each row the height its wrapped texts need (Excel does not grow rows whose cells were
    written by a program; a fixed 15 pt row shows one line of a long 三级指标 and hides the rest).

    A cell's width is its column's, or the sum over a merged range one row tall; merges over
    several rows are left to those rows' heights. A formula is measured by its ``values``."""
    widths = {}
    spans: dict[str, float] = {}
    tall: set[str] = set()
    for rng in ws.merged_cells.ranges:
        if rng.min_row == rng.max_row:
            spans[f"{_col(rng.min_col)}{rng.min_row}"] = sum(
                _width(ws, widths, c) for c in range(rng.min_col, rng.max_col + 1))
        else:
            tall.add(f"{_col(rng.min_col)}{rng.min_row}")
    values = values or {}
    for row in ws.iter_rows():
        need = 0.0
        for cell in row:
            value = cell.value
            if isinstance(value, str) and value.startswith("="):
                value = values.get(cell.coordinate)
            if not isinstance(value, str) or cell.coordinate in tall:
                continue
            width = spans.get(cell.coordinate) or _width(ws, widths, cell.column)
            usable = max(width - 1, 1)
            wider = BOLD_WIDER if cell.font is not None and cell.font.b else 1
            lines = sum(max(1, math.ceil(text_width(part) * wider / usable))
                        for part in value.split("\n"))
            size = (cell.font.sz or 10) if cell.font is not None else 10
            need = max(need, lines * LINE_HEIGHT * float(size) / 10 + 3)
        if need > MIN_HEIGHT:
            r = row[0].row
            current = ws.row_dimensions[r].height or 0
            ws.row_dimensions[r].height = max(current, round(need, 1))


def _col(index: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(index)


def _width(ws, cache: dict, index: int) -> float:
    if index not in cache:
        letter = _col(index)
        dim = ws.column_dimensions.get(letter) if letter in ws.column_dimensions else None
        cache[index] = float(dim.width) if dim is not None and dim.width else 8.43
    return cache[index]


def page_setup(ws, area: str, titles: str, landscape: bool = False, side: float = 0.4) -> None:
    """A4, one page wide (as many tall as needed), centred, title rows repeated; ``side``: the
    left and right margins in inches (Excel's 窄 is 0.25)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = titles
    ws.print_area = area
    ws.page_margins.left = ws.page_margins.right = side
    ws.page_margins.top = ws.page_margins.bottom = 0.6


# ---------------------------------------------------------------- saving with values

_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>(.*?)</f><v\s*/></c>|'
                   r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>(.*?)</f><v></v></c>', re.S)


def _number_text(value) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize() if value != value.to_integral_value()
                      else value.quantize(Decimal(1)), "f")
    return repr(value) if isinstance(value, float) else str(value)


def _fill(xml: str, values: dict[str, object]) -> tuple[str, list[str]]:
    missing = []

    def repl(m):
        ref = m.group(1) or m.group(4)
        attrs = m.group(2) if m.group(1) else m.group(5)
        formula = m.group(3) if m.group(1) else m.group(6)
        if ref not in values:
            missing.append(ref)
            return m.group(0)
        value = values[ref]
        attrs = re.sub(r'\s+t="[^"]*"', "", attrs)
        if is_number(value):
            return f'<c r="{ref}"{attrs}><f>{formula}</f><v>{_number_text(value)}</v></c>'
        return f'<c r="{ref}"{attrs} t="str"><f>{formula}</f><v>{escape(str(value))}</v></c>'

    return _CELL.sub(repl, xml), missing


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title → its XML part, from workbook.xml and its relationships."""
    from xml.etree import ElementTree as ET
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.findall("p:Relationship", ns)}
    book = ET.fromstring(zf.read("xl/workbook.xml"))
    out = {}
    for sheet in book.findall("m:sheets/m:sheet", ns):
        target = targets[sheet.get(f"{{{ns['r']}}}id")].lstrip("/")
        out[sheet.get("name")] = target if target.startswith("xl/") else f"xl/{target}"
    return out


def save_with_values(wb, out: Path, values: dict[str, dict[str, object]]) -> None:
    """Save ``wb`` into ``out`` (the empty temporary file of ``files.replace_atomically``) with
    each formula's value filled in.

    ``values``: sheet title → {cell: value}. A formula without a value is a bug of ours:
    raises ValueError rather than write a workbook that shows blanks. openpyxl's own file is
    made in memory (a ``.raw`` file beside the target would outlive a kill), and
    ``out`` is opened ``r+b``: Windows refuses ``wb`` on a hidden file."""
    wb.calculation.fullCalcOnLoad = True
    raw = io.BytesIO()
    wb.save(raw)
    with zipfile.ZipFile(raw) as src, open(out, "r+b") as fh:
        fh.truncate()
        with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as dst:
            parts = {part: title for title, part in sheet_parts(src).items()}
            for info in src.infolist():
                data = src.read(info.filename)
                title = parts.get(info.filename)
                if title is not None:
                    xml, missing = _fill(data.decode("utf-8"), values.get(title, {}))
                    if missing:
                        raise ValueError(f"sheet {title}: formulas without a value: {missing}")
                    data = xml.encode("utf-8")
                dst.writestr(info, data)


def write_workbook_atomically(wb, out: Path, values: dict[str, dict[str, object]], error) -> None:
    """Write through ``files.replace_atomically`` (a hidden ``~$…tmp`` file beside ``out``,
    flushed to the disk, then renamed): ``out`` is complete or unchanged, and what killed
    exports left in that folder is removed once this one is written.
    ``error``: the exception class to raise with a Chinese message."""
    out = Path(out)
    try:
        replace_atomically(out, lambda tmp: save_with_values(wb, tmp, values))
    except PermissionError:
        raise error(f"无法写入“{out.name}”：文件可能正在 Excel 或 WPS 中打开，请关闭后重试") from None
    except OSError as exc:
        raise error(f"无法写入“{out.name}”：{os_cause(exc)}") from None
    remove_debris(out.parent, keep=out)

