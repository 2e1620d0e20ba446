"""Wrapping text in form cells: a number keeps its unit, punctuation stays inside the cell."""
import re

import pytest
from reportlab.platypus import Paragraph

from selfeval_desktop.reports.pdf_common import SMALL, VALUE, para
from selfeval_desktop.reports.pdf_wrap import FormParagraph

from .pdf_fixtures import pdftotext

TEXTS = [
    "小于681.5307万元",
    "成本控制在681.5307万元以内，节约资金0.25万元，完成率≥95%，于2021年12月前全部拨付",
    "举办讲座4期、培训班2期、座谈会3场、现场观摩1次、线上直播5场、发放资料800份",
    "通过编印《科技工作者建议》简报，供市委、市政府和有关部门作决策参考。",
    "满意度达到96.5%，较上年提高2.3个百分点（上年为94.2%）",
]
NUMBER_WITH_UNIT = re.compile(r"[≥≤]?\d[\d.]*(?:%|万元|个百分点|期|场|次|份|年|月)?")


def _lines(text: str, width: float, style=SMALL) -> list[tuple[str, float]]:
    """(text, room left) of each line of ``text`` wrapped at ``width`` points."""
    p = para(text, style)
    assert isinstance(p, FormParagraph)
    p.wrap(width, 1000)
    out = []
    for line in p.blPara.lines:
        out.append(("".join(getattr(w, "text", "") for w in line.words), line.extraSpace))
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_a_number_never_breaks_from_its_unit_when_they_fit_a_line(text):
    for width in range(40, 260, 7):
        lines = _lines(text, width)
        assert "".join(t for t, _ in lines) == text  # nothing lost or repeated
        ends = set()
        pos = 0
        for t, _ in lines[:-1]:
            pos += len(t)
            ends.add(pos)
        for m in NUMBER_WITH_UNIT.finditer(text):
            token_width = _lines(m.group(0), 1000)[0]
            fits = 1000 - token_width[1] <= width
            inside = {k for k in ends if m.start() < k < m.end()}
            assert not (fits and inside), f"{m.group(0)!r} broken at width {width}: {lines}"


@pytest.mark.parametrize("text", TEXTS)
def test_no_line_sticks_out_of_its_cell_or_starts_with_a_comma(text):
    for width in range(60, 260, 7):  # (narrower, a number with its comma may not fit a line)
        lines = _lines(text, width, VALUE)
        for t, room in lines:
            assert room >= -1e-6, f"line {t!r} overflows width {width}"
            assert t[:1] not in "、，。；：）》”%", f"line {t!r} starts with punctuation"
        assert not any(t.endswith(("（", "《", "“")) for t, _ in lines[:-1])


def test_reportlab_alone_would_break_them():
    """The cases above are real: plain CJK wrapping cuts the number or hangs the 、 outside."""
    broken = overflow = False
    for width in range(40, 260, 7):
        p = Paragraph(TEXTS[1], SMALL)
        p.wrap(width, 1000)
        lines = p.blPara.lines
        texts = ["".join(w.text for w in line.words) if hasattr(line, "words") else line[1][0]
                 for line in lines]
        broken |= any(a[-1:].isdigit() and b[:1] in "万0123456789." for a, b in zip(texts, texts[1:]))
        q = Paragraph(TEXTS[2], VALUE)
        q.wrap(width, 1000)
        overflow |= any((line.extraSpace if hasattr(line, "extraSpace") else line[0]) < -0.5
                        for line in q.blPara.lines)
    assert broken and overflow


def test_the_printed_mof_form_keeps_681_5307_whole(tmp_path):
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.reports.export import export_pdf
    doc = build_demo("004")
    chosen = [i for i, p in enumerate(doc.projects)
              if any("681.5307" in ind.target for ind in p.indicators)]
    assert chosen
    doc.projects = [doc.projects[chosen[0]]]
    for i, p in enumerate(doc.projects, 1):
        p.id = i
    out = tmp_path / "m.pdf"
    export_pdf(doc, out, form="mof")
    text = pdftotext(out)
    assert "681.5307" in text and not re.search(r"681\.53?0?\s*\n\s*\d", text)


def test_the_demo_seeds_short_indicator_names_take_at_most_two_lines_on_the_mof_form():
    """三级指标 was the narrowest text column (26 mm) while 年度指标值 and 实际完成值
    held only “达成”: “优化科技 / 工作者状况 / 调查站点设置” took three lines where two do."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.reports import form_mof
    from selfeval_desktop.reports.pdf_common import PAD, SMALL, para
    width = form_mof.WIDTHS[3] - 2 * PAD
    for seed in ("003", "004"):
        for project in build_demo(seed).projects:
            for ind in project.indicators:
                if len(ind.name) > 16:
                    continue        # a sentence for a name wraps further, as it should
                p = para(ind.name, SMALL)
                p.wrap(width, 10_000)
                assert len(p.blPara.lines) <= 2, (seed, ind.name)
