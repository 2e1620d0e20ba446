"""A long narrative (a pasted 实际完成情况 of many pages) prints whole, and is broken into lines
once — each page broke the whole rest of the text again, so printing took time
growing with the square of the length (20,000 characters 37 s, 100,000 over 10 minutes), in the
window's UI thread. No test here measures a time: they count the characters given to the line
breaking, which the quadratic behaviour drove."""
import pytest

from selfeval_desktop.reports import pdf_wrap
from selfeval_desktop.reports.export import export_pdf, render_pdf
from selfeval_desktop.reports.pdf_common import VALUE, para
from tests.reports.pdf_fixtures import page_count, raw_text, seed003, squeeze, words_outside_page

MM = 72 / 25.4


def long_text(size: int) -> str:
    """``size`` characters of numbered sentences with numbers, units and Latin words (no two
    sentences alike, so a lost or repeated piece shows)."""
    out, n = [], 0
    while sum(map(len, out)) < size:
        n += 1
        out.append(f"第{n}段：完成率≥95%，节约资金0.25万元，于2021年12月前全部拨付，"
                   f"通过WPS和Excel汇总科技工作者状况调查站点设置。")
        if n % 7 == 0:
            out.append("\n")
    return "".join(out)[:size]


def broken_characters(monkeypatch) -> dict:
    """Count the characters ``form_frag_split`` is given to break into lines."""
    seen = {"chars": 0}
    real = pdf_wrap.form_frag_split

    def counting(frags, *args, **kwargs):
        seen["chars"] += sum(len(f.text) for f in frags
                             if isinstance(getattr(f, "text", None), str))
        return real(frags, *args, **kwargs)

    monkeypatch.setattr(pdf_wrap, "form_frag_split", counting)
    return seen


@pytest.mark.parametrize("form", ["basic", "mof"])
def test_a_long_text_is_broken_into_lines_once_not_again_on_each_page(monkeypatch, form):
    seen = broken_characters(monkeypatch)
    extra = {}
    for size in (0, 4000, 8000):
        doc = seed003()
        p = doc.projects[0]
        p.goal_actual = long_text(size)
        seen["chars"] = 0
        render_pdf(doc, [p], form)
        extra[size] = seen["chars"] - (extra[0] if size else 0)
    # each character of the text once (the 基本情况表 broke 18× as many at 4,000 and 33× at 8,000)
    assert extra[4000] <= 1.5 * 4000, extra
    assert extra[8000] <= 1.5 * 8000, extra
    assert extra[8000] <= 2.2 * extra[4000], extra   # linear in the length, not quadratic


def _lines(p) -> list[str]:
    return ["".join(getattr(w, "text", "") for w in line.words) for line in p.blPara.lines]


def test_the_rest_of_a_paragraph_split_at_a_page_end_keeps_its_text_and_lines():
    """The rest takes the lines it had in the whole paragraph; reportlab's split added a space
    at the end of each of its lines (a CJK line loses no space where it breaks), which printed
    as “不 同学科” on every page after the first, one more each page."""
    text = long_text(3000).replace("\n", "")
    width = 150
    whole = para(text, VALUE)
    whole.wrap(width, 10 ** 6)
    expected = _lines(whole)
    assert "".join(expected) == text
    printed, rest = [], para(text, VALUE)
    for _ in range(200):
        rest.wrap(width, 300)
        parts = rest.split(width, 300)
        if len(parts) < 2:
            printed += _lines(rest)
            break
        printed += _lines(parts[0])
        rest = parts[1]
    assert printed == expected
    assert "".join(printed) == text


@pytest.mark.parametrize("form", ["basic", "mof"])
def test_a_text_of_twenty_thousand_characters_prints_whole_in_order(tmp_path, form):
    doc = seed003()
    p = doc.projects[0]
    p.goal_actual = long_text(20000)
    [path] = export_pdf(doc, tmp_path / f"{form}.pdf", form=form)
    want, pos = squeeze(p.goal_actual), 0
    pages = page_count(path)
    for n in range(1, pages + 1):
        page = squeeze(raw_text(path, n, n))
        lo, hi = 0, len(want) - pos       # the longest piece of the rest found on this page
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if want[pos:pos + mid] in page:
                lo = mid
            else:
                hi = mid - 1
        pos += lo
    assert pos == len(want), f"lost after …{want[max(0, pos - 40):pos]}"
    assert pages >= (30 if form == "basic" else 12)
    assert words_outside_page(path, margin=5 * MM) == []
