"""What the printed forms share: page, styles, cells, tables that split, page numbers, check code.

A form is a list of platypus flowables. ``build_pdf`` sets one or more forms on A4 pages, each form
starting on a new page, and numbers each form's pages "第 x 页 共 y 页" — a one-page form too
("第 1 页 共 1 页": a one-page report without a footer looks odd beside numbered longer ones);
a form may name itself again at the top of each further page (``FormPart.continued``).
Long texts wrap inside their cells (``pdf_wrap.FormParagraph``: CJK wrapping that keeps a number
with its unit and punctuation inside the cell); tables split between pages with their
header rows repeated, and a row too tall for a page is split inside the row (``splitInRow``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO

import segno
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate,
                                Paragraph, SetTopFlowables, Spacer, Table)

from ..domain.digest import check_code, shown_time, verify_project
from .fonts import HEI, SONG, markup, register_fonts
from .pdf_wrap import FormParagraph

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
LINE = 0.6            # table rule width (pt)
LABEL_FILL = colors.Color(0.94, 0.94, 0.94)  # label cells: lightly shaded
PAD = 3               # cell padding (pt)
ROW_GAP = 20 * mm   # more room than this left at a page end: a long row is cut to use it


def _style(name, font=SONG, size=10.5, leading=None, align=TA_LEFT, **kw) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.4,
                          alignment=align, wordWrap="CJK", **kw)


TITLE = _style("title", HEI, 18, 26, TA_CENTER, spaceAfter=2 * mm)
SUBTITLE = _style("subtitle", SONG, 11, 16, TA_CENTER, spaceAfter=2 * mm)
HEADLINE = _style("headline", SONG, 11, 16, TA_LEFT, spaceAfter=2 * mm)
SECTION = _style("section", HEI, 10.5, 15, TA_LEFT)
LABEL = _style("label", SONG, 10.5, 14, TA_CENTER)
LABEL_LEFT = _style("label_left", SONG, 10.5, 14, TA_LEFT)
VALUE = _style("value", SONG, 10.5, 14, TA_LEFT)
VALUE_CENTER = _style("value_center", SONG, 10.5, 14, TA_CENTER)
VALUE_RIGHT = _style("value_right", SONG, 10.5, 14, TA_RIGHT)
SMALL = _style("small", SONG, 9, 12, TA_LEFT)
SMALL_CENTER = _style("small_center", SONG, 9, 12, TA_CENTER)
SMALL_LABEL = _style("small_label", SONG, 9, 12, TA_CENTER)
TINY = _style("tiny", SONG, 7.5, 9.5, TA_LEFT)
NOTE = _style("note", SONG, 8, 11, TA_LEFT, textColor=colors.Color(0.25, 0.25, 0.25))


def para(text: str | None, style: ParagraphStyle = VALUE) -> Paragraph:
    """A cell or line of text: wrapped, escaped, rare characters in the fallback face."""
    register_fonts()
    # a full-width space as two no-break spaces: a paragraph collapses runs of white space, and
    # "年　　月　　日" must keep its room for the pen (and "地　　址" its spacing)
    text = (text or "").replace("\u3000", "\u00a0\u00a0")
    return FormParagraph(markup(text, base=style.fontName), style)


# ------------------------------------------------------------------ tables

class Hidden(Flowable):
    """A level-one/two heading repeated down a group: drawn only where a page starts the group.

    Rows of one group print their heading once, like the merged cell of the paper form; when the
    table continues on the next page, ``FormTable.split`` shows it again on the first row there.
    """

    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__()
        self.text, self.style = text, style

    def wrap(self, aw, ah):
        return aw, 0

    def split(self, aw, ah):
        return []

    def draw(self):
        pass

    def shown(self) -> Paragraph:
        return para(self.text, self.style)


class FormTable(Table):
    """A Table whose continuation (after a page break) shows its group headings again."""

    def split(self, availWidth, availHeight):
        # A row taller than the space left is split inside the row: its cells are top-aligned
        # first (reportlab pads split middle-aligned cells and the remainder never shrinks).
        self._calc(availWidth, availHeight)
        for r, h in enumerate(self._rowHeights):
            if h > availHeight:
                for style in self._cellStyles[r]:
                    style.valign = "TOP"
        headings = getattr(self, "_headings", None)
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2 and self.splitInRow:
            # Split between rows, the page may keep a gap that the rest would then fill after
            # a second header in mid-page: cut the next row at the page end instead.
            used = parts[0].wrap(availWidth, availHeight)[1]
            if availHeight - used > ROW_GAP:
                cut = self._splitRows(availHeight, doInRowSplit=1)
                if len(cut) == 2:
                    parts = cut
        if len(parts) == 2:
            second = parts[1]
            rr = second.repeatRows
            first = rr if isinstance(rr, int) else len(rr)
            if headings:
                self._carry_headings(parts, first, headings)
            if first < len(second._cellvalues):
                row = second._cellvalues[first]
                for col, cell in enumerate(row):
                    if isinstance(cell, Hidden):
                        row[col] = cell.shown()
                    elif isinstance(cell, (list, tuple)) and any(isinstance(c, Hidden) for c in cell):
                        row[col] = [c.shown() if isinstance(c, Hidden) else c for c in cell]
        return parts

    def _carry_headings(self, parts, repeat: int, headings: list[dict]) -> None:
        """The first row on the next page names its group headings (一级/二级) even when it is
        the rest of a row cut at the page end, whose heading cells were used up above."""
        one, two = parts
        n1, n2 = len(one._cellvalues), len(two._cellvalues) - repeat
        cut = n1 - 1 if n1 + n2 > len(self._cellvalues) else n1  # a row cut in two
        one._headings = headings[:n1]
        two._headings = headings[:repeat] + headings[cut:]
        if cut >= len(headings) or repeat >= len(two._cellvalues):
            return
        row = two._cellvalues[repeat]
        for col, (text, style) in headings[cut].items():
            cell = row[col]
            if isinstance(cell, (list, tuple)):
                cell = [c for c in cell if not isinstance(c, Hidden)]
            if cell is None or cell == "" or cell == [] or isinstance(cell, Hidden):
                row[col] = [para(text, style)]  # a list: reportlab splits a bare one as text


@dataclass
class Grid:
    """Rows of a form table and how its rules are drawn.

    Each added row says which columns start a new cell at its top edge (``joins``: columns where
    the row continues the cell above, so no rule is drawn there), which cells are labels (shaded)
    and which cells span columns. Row spans are never used: they would keep a table from splitting.
    """
    widths: list[float]
    rows: list[list] = field(default_factory=list)
    cmds: list[tuple] = field(default_factory=list)
    headings: list[dict] = field(default_factory=list)  # per row: {column: (text, style)}

    def add(self, cells: list, spans: list[tuple[int, int]] = (), labels: tuple[int, ...] = (),
            joins: tuple[int, ...] = (), fill=None, headings: dict | None = None) -> int:
        """Add a row; ``spans`` are (first, last) column ranges; ``headings`` the group headings
        the row belongs to (named again where a page starts inside the group); returns the
        row index."""
        r = len(self.rows)
        self.headings.append(dict(headings or {}))
        n = len(self.widths)
        # empty cells are None: reportlab cannot split a row through an empty *string* cell
        row = [None if c == "" else c for c in cells]
        self.rows.append(row + [None] * (n - len(row)))
        for a, b in spans:
            self.cmds.append(("SPAN", (a, r), (b, r)))
        for c in labels:
            end = next((b for a, b in spans if a == c), c)
            self.cmds.append(("BACKGROUND", (c, r), (end, r), LABEL_FILL))
        if fill is not None:
            self.cmds.append(("BACKGROUND", (0, r), (-1, r), fill))
        for c in range(n):
            if c not in joins:
                self.cmds.append(("LINEABOVE", (c, r), (c, r), LINE, colors.black))
        # vertical rules: between cells, not inside a span
        inner = {b for a, b in spans}
        covered = {c for a, b in spans for c in range(a, b)}
        for c in range(n - 1):
            if c not in covered or c in inner:
                self.cmds.append(("LINEAFTER", (c, r), (c, r), LINE, colors.black))
        return r

    def table(self, repeat_rows: int = 0) -> FormTable:
        t = FormTable(self.rows, colWidths=self.widths, repeatRows=repeat_rows,
                      splitInRow=1, hAlign="CENTER")
        if any(self.headings):
            t._headings = list(self.headings)
        t.setStyle([("FONT", (0, 0), (-1, -1), SONG, 10.5),  # empty cells: no Helvetica
                    ("BOX", (0, 0), (-1, -1), LINE, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                    ("TOPPADDING", (0, 0), (-1, -1), PAD), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD)]
                   + self.cmds)
        return t


# ------------------------------------------------------------------ check code

class QRCode(Flowable):
    """A QR code drawn as vector squares (no image, no extra library beyond segno)."""

    def __init__(self, data: str, size: float = 24 * mm):
        super().__init__()
        self.data, self.size = data, size

    def wrap(self, aw, ah):
        return self.size, self.size

    def draw(self):
        qr = segno.make(self.data, error="m", micro=False)
        matrix = [list(row) for row in qr.matrix_iter(border=2)]
        n = len(matrix)
        cell = self.size / n
        c = self.canv
        c.setFillColor(colors.black)
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    c.rect(x * cell, self.size - (y + 1) * cell, cell, cell, stroke=0, fill=1)


def digest_of(project) -> str | None:
    """The stored digest of a finalized (定稿) project, else None."""
    if getattr(project, "finalized_at", None) and getattr(project, "digest", None):
        return project.digest
    return None


STALE_TEXT = "内容已改动，校验码无效"


def stale_check_code(doc, project) -> bool:
    """A project marked 定稿 whose content no longer matches its stored digest (changed outside
    the program, or a damaged 定稿 record): its check code must not be printed as valid."""
    if not (getattr(project, "digest", None) or getattr(project, "finalized_at", None)):
        return False
    return verify_project(doc, project) is not True


def _stale_note() -> str:
    return f"定稿后{STALE_TEXT}：本表内容与定稿时不同，不印校验码。请核实改动后重新定稿再打印。"


def _finalized_note(project, sep: str = "<br/>") -> str:
    """定稿时间 and what the code is for (markup)."""
    return (f"定稿时间：{sep}{markup(shown_time(project.finalized_at))}<br/>"
            "本表已定稿。收件方可用本软件“核对”电子文件，校验码一致即与本纸质表内容相同。")


def check_block(doc, project) -> list[Flowable]:
    """QR code and 校验码 of a finalized project; nothing when it has no digest; a plain
    statement instead when the content no longer matches the code (no code, no QR)."""
    if stale_check_code(doc, project):
        return [Spacer(1, 3 * mm), para(_stale_note(), SMALL)]
    digest = digest_of(project)
    if digest is None:
        return []
    text = f"校验码：{check_code(digest)}<br/>" + _finalized_note(project, sep="")
    t = Table([[QRCode(digest), Paragraph(text, SMALL)]], colWidths=[28 * mm, FRAME_WIDTH - 28 * mm],
              hAlign="LEFT")
    t.setStyle([("FONT", (0, 0), (-1, -1), SONG, 9), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (0, 0), 0)])
    t.spaceBefore = 3 * mm
    return [t]


CHECK_QR = 20 * mm  # the QR code of ``check_cell``: 0.5 mm modules, still read by a phone


def check_cell(doc, project, width: float) -> list[Flowable]:
    """What ``check_block`` says, in a cell ``width`` wide (≥ 45 mm) beside the opinions of a
    one-page form: 校验码 on top, the QR code with 定稿时间 and its use beside it; the plain
    statement for a changed project; nothing when it has no digest."""
    if stale_check_code(doc, project):
        return [para(_stale_note(), SMALL)]
    digest = digest_of(project)
    if digest is None:
        return []
    inner = width - 2 * PAD
    t = Table([[QRCode(digest, CHECK_QR), Paragraph(_finalized_note(project), TINY)]],
              colWidths=[CHECK_QR + 2 * mm, inner - CHECK_QR - 2 * mm], hAlign="LEFT")
    t.setStyle([("FONT", (0, 0), (-1, -1), SONG, 7.5), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    t.spaceBefore = 1 * mm
    return [Paragraph(f"校验码：{check_code(digest)}", SMALL), t]


def continued_head(label: str, name: str) -> list:
    """What heads each page of a form after its first: “项目名称：…（续）”."""
    return [para(f"{label}：{name}（续）", HEADLINE)]


def footer_text(doc, project) -> str:
    if stale_check_code(doc, project):
        return STALE_TEXT
    digest = digest_of(project)
    return f"校验码 {check_code(digest)}" if digest else ""


# ------------------------------------------------------------------ pages

class FormStart(Flowable):
    """Marks where a form begins: its pages are numbered together, with its footer. ``reached``
    (if given) is called with the form's number when the layout gets there: a progress report."""

    def __init__(self, key: int, footer: str = "", reached=None):
        super().__init__()
        self.key, self.footer, self.reached = key, footer, reached

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        if self.reached is not None:
            self.reached(self.key)
        self.canv._form_key = self.key
        self.canv._form_footer = self.footer


class NumberedCanvas(Canvas):
    """Holds pages until the end so each can say "第 x 页 共 y 页" of its own form."""

    def __init__(self, *args, **kwargs):
        kwargs["initialFontName"] = SONG  # else the page preamble names an unembedded Helvetica
        super().__init__(*args, **kwargs)
        self._held: list[dict] = []
        self._form_key = None
        self._form_footer = ""

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        totals: dict = {}
        for state in self._held:
            totals[state["_form_key"]] = totals.get(state["_form_key"], 0) + 1
        seen: dict = {}
        for state in self._held:
            self.__dict__.update(state)
            key = state["_form_key"]
            seen[key] = seen.get(key, 0) + 1
            self._draw_footer(seen[key], totals[key], state["_form_footer"])
            super().showPage()
        super().save()

    def _draw_footer(self, page: int, total: int, footer: str):
        y = MARGIN_BOTTOM - 9 * mm
        self.setFont(SONG, 9)
        self.drawCentredString(PAGE_WIDTH / 2, y, f"第 {page} 页 共 {total} 页")
        if footer:
            self.setFont(SONG, 8)
            self.drawRightString(PAGE_WIDTH - MARGIN_X, y, footer)


@dataclass
class FormPart:
    """One form of one project: its flowables, the footer of its pages and what heads each page
    after its first (``continued``: e.g. “项目名称：…（续）”, so no page of it stands alone)."""
    flowables: list
    footer: str = ""
    continued: list = field(default_factory=list)


def build_pdf(parts: list[FormPart], title: str = "", author: str = "", reached=None) -> bytes:
    """Set the forms on A4 pages (each form from a new page) and return the PDF bytes.
    ``reached(i)`` is called as the layout reaches the i-th form (for a progress report)."""
    register_fonts()
    out = BytesIO()
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, FRAME_HEIGHT,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc = BaseDocTemplate(out, pagesize=A4, title=title, author=author,
                          creator="绩效自评助手 selfeval-desktop", invariant=True,
                          pageTemplates=[PageTemplate("form", [frame])])
    story: list = []
    for i, part in enumerate(parts):
        if i:
            story += [SetTopFlowables([]), PageBreak()]  # the next form starts without them
        story.append(FormStart(i, part.footer, reached))
        story.append(SetTopFlowables(part.continued))  # on the pages after this one
        story.extend(part.flowables)
    doc.build(story, canvasmaker=NumberedCanvas)
    return out.getvalue()
