"""Line breaking for the forms' Chinese text cells.

reportlab's CJK wrapping cuts "like a knife" between any two characters: a number and its unit
split across lines (``小于681.530`` / ``7万元``), and a line-ending ``、`` or ``，`` is hung past the
right edge of its cell (the kinsoku rule "a comma cannot start a line" kept by overflowing).
:class:`FormParagraph` wraps with three rules more:

- a number with its sign and unit (``≥90%``, ``681.5307万元``, ``2021年12月``) and a Latin word
  are never broken, unless one alone is wider than the line;
- punctuation that cannot start a line (、，。；：）” …) takes the character before it down to
  the next line instead of sticking out of the cell;
- an opening bracket or quote (（《“) does not end a line.

A short text that is not prose — a title, a heading, a name or a figure in a cell (``SHORT``) —
also keeps its words whole (``cjk_words``: 贷款, not 贷 / 款), and its lines are evened out
(``form_frag_split``'s ``settle``): a centred one is balanced (“…产业 / 科技型…自评报告” in two
halves, not a full line with 自评报告 under it), another only when its last line would hold a
character or two.

A long text (a pasted 实际完成情况 of many pages) is broken into lines once: the rest of a
paragraph split at a page end keeps the lines already found instead of breaking its text again
(breaking the whole rest anew on each page, ~20 times, made printing take time growing with the
square of the length — 20,000 characters 37 s, 100,000 not done after 10 minutes).
"""
from __future__ import annotations

import re

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines, _processed_frags, cjkU, makeCJKParaLine

from .cjk_words import inside_words

_FUZZ = 1e-6
SHORT = 80     # characters: a title, a heading, a name or a figure in a cell — not prose
ORPHAN = 2.5   # a last line narrower than this many characters is set by balancing the lines
_UNIT = "万亿千百元角人次个件项家篇场期名户台套所座条册份本批棵株亩吨米天日月年周倍分秒时号届页张位辆艘公里斤克升点"
# a number (with sign and percent or unit), repeated for dates: 2021年12月, 1:2, 3~5个
_TOKEN = re.compile(
    rf"[≥≤<>＜＞=≈±+\-－~～约]?(?:\d[\d.,，:：/~～\-－]*\d|\d)(?:[%‰％]|[{_UNIT}]{{1,4}})?"
    rf"(?:(?:\d[\d.,]*\d|\d)(?:[%‰％]|[{_UNIT}]{{1,4}})?)*"
    r"|[A-Za-z][A-Za-z0-9_.\-]*")
_NO_START = set(ALL_CANNOT_START) | set("、，。；：！？）》」』】〉”’%‰％")
_NO_END = set(ALL_CANNOT_END) | set("（《「『【〈“‘")


_PIECE = re.compile(rf"[≥≤<>＜＞=≈±+\-－~～约]?\d[\d.,]*(?:[%‰％]|[{_UNIT}]{{1,4}})?"
                    r"|[A-Za-z][A-Za-z0-9_.\-]*")
_WORD = re.compile(r"指标")
# a number that never breaks (the font shrinks instead when the cell is narrower): 100.01, ≥90%
_NUMBER = re.compile(r"[≥≤<>＜＞=±+\-－]?\d(?:[\d.,，:：]*\d)?[%‰％]?")
MIN_FONT_SIZE = 5.5
_RUN = re.compile(rf"\d[\d.,]*\d|\d|[{_UNIT}]+|[A-Za-z][A-Za-z0-9_.\-]*")


def _kept_together(text: str, words: bool = False) -> list[set[int]]:
    """Positions k where no line should break between text[k-1] and text[k], from the most
    to the least wanted: inside a whole token (``2021年12月``, ``681.5307万元``) or, with
    ``words``, a known word (``贷款``: ``cjk_words``); inside a whole token; inside a number
    with its unit (``2021年``); inside a number or a unit (``681.5307``, ``万元``). A word is
    given up before a token, and a token only when it is wider than a line."""
    tokens: set[int] = set()
    pieces: set[int] = set()
    runs: set[int] = set()
    for m in _WORD.finditer(text):  # 满意度指标 breaks as 满意度 / 指标, not 满意度指 / 标
        tokens.update(range(m.start() + 1, m.end()))
    for m in _TOKEN.finditer(text):
        tokens.update(range(m.start() + 1, m.end()))
        for level, pattern in ((pieces, _PIECE), (runs, _RUN)):
            for part in pattern.finditer(m.group(0)):
                level.update(range(m.start() + part.start() + 1, m.start() + part.end()))
    return [tokens | inside_words(text) if words else tokens, tokens, pieces, runs]


def _allowed(U, q: int, keep: set[int]) -> bool:
    """A line may end before U[q]: not inside what ``keep`` holds together, no closing mark
    starting the next line (、 takes the character before it down) and no opening one (（)
    ending this one."""
    return q not in keep and U[q] not in _NO_START and U[q - 1] not in _NO_END


def _break_at(U, i: int, start: int, keep: list[set[int]]) -> int:
    """Where to end the line when U[i] no longer fits (U[start:i] does): the last position in
    (start, i] that obeys the rules, giving up first a word, then for a token wider than the line
    what can be given up of it; or i when none does."""
    whole, tokens, pieces, runs = keep
    for level in (whole,) if whole is tokens else (whole, tokens):
        for q in range(i, start, -1):
            if _allowed(U, q, level):
                return q
    if i in tokens:  # a token wider than the line: keep what can be kept
        for level in (pieces, runs):
            for q in range(i, start, -1):
                if _allowed(U, q, level):
                    return q
    # else a token and its comma wider than the line: the comma starts the next line rather
    # than cut the number
    p = i
    while p - 1 > start and U[p - 1] in _NO_END:  # （ does not end a line
        p -= 1
    return p


def form_frag_split(frags, maxWidths, calcBounds, encoding="utf8", settle: str | None = None):
    """reportlab's ``cjkFragSplit`` with the rules above. A short text given a ``settle`` (not
    prose; ``SHORT``: a title, a heading, a name in a cell) also keeps its words whole
    (``cjk_words``) and is settled:
    "balance" sets its lines about as long as each other (a centred title: two halves, not a
    full line and 自评报告 under it); "orphan" does so only when its last line would hold less
    than ``ORPHAN`` characters (“报告” or “款” alone)."""
    U = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            U.extend(cjkU(t, f, encoding) for t in text)
        else:
            U.append(cjkU(text, f, encoding))
    heading = settle is not None and len(U) <= SHORT
    keep = _kept_together("".join(u if len(u) == 1 else "\x00" for u in U), words=heading)
    spans = _spans(U, maxWidths, keep)
    if heading:
        spans = _settled(U, maxWidths, keep, spans, settle)
    lines = []
    for n, (start, stop, hard) in enumerate(spans):
        max_width = maxWidths[min(n, len(maxWidths) - 1)]
        used = sum(_width(u, max_width) for u in U[start:stop] if not hasattr(u.frag, "lineBreak"))
        lines.append(makeCJKParaLine(U[start:stop], max_width, used, max_width - used, hard,
                                     calcBounds))
    return ParaLines(kind=1, lines=lines)


def _spans(U, maxWidths, keep) -> list[tuple[int, int, bool]]:
    """(start, stop, ended by a <br/>) of each line, filled up to its width by the rules."""
    spans = []
    nU = len(U)
    start = i = 0
    width = 0.0
    max_width = maxWidths[0]
    while i < nU:
        u = U[i]
        w = _width(u, max_width)
        if hasattr(u.frag, "lineBreak"):
            i += 1
            spans.append((start, i, True))
        elif width + w > max_width + _FUZZ and i > start:
            i = _break_at(U, i, start, keep)
            spans.append((start, i, False))
        else:
            width += w
            i += 1
            continue
        start, width = i, 0.0
        max_width = maxWidths[min(len(spans), len(maxWidths) - 1)]
    if width > 0:
        spans.append((start, nU, False))
    return spans


def _settled(U, maxWidths, keep, spans, settle: str):
    """The lines of a short text of two or more, broken at the narrowest width that still gives
    as many: about as long as each other. Left as they are when the text has a <br/> of its own,
    its lines differ in width, or (``settle`` "orphan") its last line is long enough."""
    width = maxWidths[0]
    if len(spans) < 2 or any(hard for *_, hard in spans) \
            or any(abs(w - width) > _FUZZ for w in maxWidths):
        return spans
    widths = [_width(u, width) for u in U]
    start, stop, _ = spans[-1]
    if settle == "orphan" and sum(widths[start:stop]) >= ORPHAN * U[-1].frag.fontSize:
        return spans
    count, faults = len(spans), _faults(U, spans, keep[0])
    low, high = sum(widths) / count, width
    for _ in range(14):     # width to 1/16,000 of the line: a few dozen short passes
        middle = (low + high) / 2
        trial = _spans(U, [middle], keep)
        if len(trial) <= count and _faults(U, trial, keep[0]) <= faults:
            high, spans = middle, trial
        else:   # narrower, it takes a line more or cuts a word or a number that fitted
            low = middle
    return spans


def _faults(U, spans, keep: set[int]) -> int:
    """How many line ends break a rule: inside a word or a token, or at a mark."""
    return sum(not _allowed(U, stop, keep) for _, stop, _ in spans[:-1])


def _width(u, max_width):
    w = u.width
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return w


def _widths_key(maxWidths) -> tuple:
    """The widths of lines 1, 2, 3 … as one key: [w, w] and [w] break a text alike."""
    key = list(maxWidths)
    while len(key) > 1 and key[-1] == key[-2]:
        key.pop()
    return tuple(key)


def _split_lines(blPara, start, stop):
    """The frags of lines ``start:stop``, for the rest of a split paragraph.

    reportlab's ``_split_blParaHard`` appends a space to the last word of each line (lines made
    by word wrapping lost the space they broke at), in place: a CJK line loses nothing at its
    end, so the rest printed a stray space at every former line end (“不 同学科”), one more at
    each page. Here the frags are taken as they are."""
    return [w for line in blPara.lines[start:stop] for w in line.words]


class FormParagraph(Paragraph):
    """A Paragraph whose CJK wrapping keeps numbers with their units and punctuation inside.

    A number is never broken: in a cell narrower than its widest number (a 分值 of ``100.01``
    in a narrow column) the paragraph is set in a smaller font, just enough for it to fit.

    The lines found for a width are kept (``_broken``): a table measures a cell several times
    per page, and the rest of a paragraph split at a page end starts with the lines it had in
    the whole (breaking the rest again on each page made a long text quadratic)."""

    def __init__(self, text, style=None, *args, **kwargs):
        super().__init__(text, style, *args, **kwargs)
        self._markup = text      # None for the pieces of a split paragraph
        self._fitted: float | None = None
        self._broken: tuple | None = None   # (widths key, lines) of the last line breaking

    def wrap(self, availWidth, availHeight):
        self._fit_numbers(availWidth)
        return super().wrap(availWidth, availHeight)

    def _fit_numbers(self, width: float) -> None:
        if self._markup is None or self._fitted == width or width <= 0:
            return
        self._fitted = width
        widest = 0.0
        for frag in self.frags:
            text = getattr(frag, "text", "")
            if not isinstance(text, str) or not text:
                continue
            for m in _NUMBER.finditer(text):
                widest = max(widest, stringWidth(m.group(0), frag.fontName, frag.fontSize))
        size = self.style.fontSize
        if widest <= width + _FUZZ:
            return
        smaller = max(MIN_FONT_SIZE, int(size * width / widest * 10) / 10)
        if smaller >= size:
            return
        style = self.style.clone(f"{self.style.name}_fit", fontSize=smaller,
                                 leading=self.style.leading * smaller / size)
        markup = self._markup
        Paragraph.__init__(self, markup, style)
        self._markup, self._fitted, self._broken = markup, width, None

    def breakLinesCJK(self, maxWidths):
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        if not self.frags:
            return super().breakLinesCJK(maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        self.height = 0
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        calc_bounds = auto not in ("", "off")
        key = (_widths_key(maxWidths), calc_bounds)
        if self._broken is None or self._broken[0] != key:
            lines = form_frag_split(self.frags, maxWidths, calc_bounds,
                                    settle=self._settle()).lines
            self._broken = (key, lines)
        return ParaLines(kind=1, lines=list(self._broken[1]))

    def _settle(self) -> str | None:
        """How a short text's lines are evened out (``form_frag_split``): a centred one always
        balanced, another only against a last line of a character or two; a piece of a split
        paragraph and prose (a style with ``prose``: the report's paragraphs, which fill their
        lines as a book's do) not at all."""
        if self._markup is None or getattr(self.style, "prose", False):
            return None
        return "balance" if self.style.alignment == TA_CENTER else "orphan"

    def _get_split_blParaFunc(self):
        if self.blPara.kind == 1 and not _processed_frags(self.frags):
            return _split_lines
        return super()._get_split_blParaFunc()

    def split(self, availWidth, availHeight):
        """As Paragraph.split; the rest keeps the lines it had in the whole."""
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2 or self._broken is None:
            return parts
        (widths, calc_bounds), lines = self._broken
        whole = self.blPara.lines
        kept = len(parts[0].blPara.lines)
        # lines from ``kept`` on were all broken at the last width, as the rest's will be
        if len(whole) == len(lines) and whole[-1] is lines[-1] and kept >= len(widths) - 1:
            parts[1]._broken = ((widths[-1:], calc_bounds), lines[kept:])
        return parts
