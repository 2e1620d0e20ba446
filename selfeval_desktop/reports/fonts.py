"""The fonts embedded in the printed forms, and which characters they can print.

Body text is set in AR PL SungtiL GB (宋体, covers GB 2312), titles and headings in WenQuanYi
Micro Hei (黑体, covers GBK). A character the Song face lacks (喆, 玥 …) is set in the Hei face
instead, run by run (``markup``), so together the two cover all of GBK but ☉.

reportlab silently draws nothing for a character missing from the font: ``missing_chars`` lists
the characters of some text that neither font has, so the print path can warn before printing.
A font may also map a character to a glyph that draws nothing or draws it wrong: the Hei face's
℃, Ⅴ and Ⅹ are empty outlines, its ½ is drawn “1⁄” (the composite lacks its 2), ¾ and ⅜ lack
their numerator; the Song face's ⅰ–ⅹ are empty. Such a character counts as missing from that face,
so it is set in the other; a fraction, a raised or lowered digit or a CJK radical neither face
draws is printed as what it stands for (½ as 1⁄2, 10⁵ with a raised 5), any other is reported.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable
import unicodedata

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import RESOURCES

SONG = "SelfEvalSong"   # AR PL SungtiL GB
HEI = "SelfEvalHei"     # WenQuanYi Micro Hei
_FILES = {SONG: ("gbsn00lp.ttf", 0), HEI: ("wqy-microhei.ttc", 0)}
_FALLBACK = {SONG: HEI, HEI: SONG}

# characters that are layout, not glyphs: never reported as missing
_LAYOUT = set("\n\r\t\u00a0\u3000 ")
# composite glyphs drawn with a part missing (seen rendered by Qt and in the PDF alike)
_BROKEN = {SONG: frozenset(), HEI: frozenset("½¾⅜")}


def font_path(name: str):
    """Path of a bundled font file (resources/fonts)."""
    filename, _ = _FILES[name]
    return RESOURCES / "fonts" / filename


@lru_cache(maxsize=None)
def register_fonts() -> tuple[str, str]:
    """Register the bundled fonts with reportlab once; returns (SONG, HEI)."""
    for name, (_, index) in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(font_path(name)), subfontIndex=index))
    return SONG, HEI


@lru_cache(maxsize=None)
def coverage(name: str) -> frozenset[int]:
    """Code points the named bundled font has a glyph for."""
    register_fonts()
    face = pdfmetrics.getFont(name).face
    ends = face.glyphPos   # a glyph's outline is glyphPos[g]:glyphPos[g + 1]; equal: empty
    broken = {ord(ch) for ch in _BROKEN[name]}
    return frozenset(cp for cp, glyph in face.charToGlyph.items()
                     if glyph and cp not in broken
                     and (ends[glyph + 1] > ends[glyph] or chr(cp).isspace()))


# compatibility forms printed as what they stand for: fractions (½ → 1⁄2), raised and lowered
# digits (10⁵ set as 10 with a raised 5, as the clerk typed it), CJK radicals and compatibility
# ideographs (⼀ → 一). Any other (Ⓐ, ㈱ …) is reported: its plain form would change what is read.
_RAISED = {"<super>": "super", "<sub>": "sub"}


def _stands_for(ch: str) -> bool:
    tag = unicodedata.decomposition(ch).split(" ")[0]
    cp = ord(ch)
    return (tag in ("<fraction>", *_RAISED) or 0x2100 <= cp <= 0x214F   # ℉ as °F, № as No
            or 0x2E80 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


@lru_cache(maxsize=None)
def stand_in(ch: str) -> tuple[str, str | None] | None:
    """What prints for ``ch`` when neither face draws it — (text, "super"/"sub"/None): ½ as 1⁄2,
    ⁵ as a raised 5 — or None: the character is missing (``missing_chars`` names it)."""
    if covered(ch) or not _stands_for(ch):
        return None
    form = unicodedata.normalize("NFKC", ch)
    if form == ch or not all(covered(c) for c in form):
        return None
    return form, _RAISED.get(unicodedata.decomposition(ch).split(" ")[0])


def covered(ch: str, name: str | None = None) -> bool:
    """True if ``ch`` can be printed: by the named font, or by either bundled font."""
    if ch in _LAYOUT or unicodedata.category(ch) == "Cf":
        return True     # prints as nothing, rightly: a zero-width space or a BOM pasted from the web
    cp = ord(ch)
    if name is not None:
        return cp in coverage(name)
    return cp in coverage(SONG) or cp in coverage(HEI)


def missing_chars(texts: Iterable[str | None]) -> list[str]:
    """Characters of ``texts`` that no bundled font can print, in first-seen order."""
    seen: dict[str, None] = {}
    for text in texts:
        for ch in text or "":
            if ch not in seen and not covered(ch) and stand_in(ch) is None:
                seen[ch] = None
    return list(seen)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: str | None, base: str = SONG) -> str:
    """Paragraph markup of plain text: escaped, line breaks kept, fallback font for rare chars.

    Runs of characters the ``base`` font lacks but the other font has are wrapped in
    ``<font name=…>``; a character neither has prints as its ``stand_in`` (½ as 1⁄2, ⁵ raised), or
    is left as it is (``missing_chars`` reports it).
    """
    if not text:
        return ""
    base_cov, other = coverage(base), _FALLBACK[base]
    other_cov = coverage(other)
    out: list[str] = []
    run: list[str] = []

    def flush():
        if run:
            out.append(f'<font name="{other}">{escape("".join(run))}</font>')
            run.clear()

    for ch in text.replace("\r\n", "\n").replace("\r", "\n"):
        cp = ord(ch)
        if cp not in base_cov and cp not in other_cov and (instead := stand_in(ch)):
            flush()
            form, raised = instead
            out.append(f"<{raised}>{markup(form, base)}</{raised}>" if raised else markup(form, base))
            continue
        if ch != "\n" and cp not in base_cov and cp in other_cov:
            run.append(ch)
            continue
        flush()
        out.append("<br/>" if ch == "\n" else escape(ch))
    flush()
    return "".join(out)
