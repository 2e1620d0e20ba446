"""Titles, headings and cell texts break where a reader would: between words, not before a closing
mark or after an opening one, a number with its unit kept whole, and a centred title over two
lines in two halves — not a full line with 报告 under it.

“…一体化技术的研究与应用绩效 / 自评报告” (seed 002) and “…科技型中小企业贷 / 款补助项目
绩效自评报告” (seed 004) on the narrative report.
"""
from __future__ import annotations

import re

import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.reports.export import export_pdf
from selfeval_desktop.reports.form_report import BODY
from selfeval_desktop.reports.pdf_common import (FRAME_WIDTH, SECTION, SMALL, SMALL_CENTER,
                                                 SMALL_LABEL, TITLE, VALUE, para)

from .pdf_fixtures import pdftotext

LONG_NAME = "2021年新一代电子信息产业和生物医药产业科技型中小企业贷款补助项目"   # seed 004
TITLES = [LONG_NAME, "被动式超低能耗建筑与保温结构一体化技术的研究与应用",        # seed 002
          "空心玻璃微珠填充改性超高分子量聚乙烯管材技术研发与应用",
          "科技金融服务中心装饰改造工程尾款项目", "省重大科技成果转化项目配套资金项目",
          "科技政策汇编及非法集资宣传经费项目"]
WORDS = ("贷款", "补助", "项目", "绩效", "自评", "报告", "科技型", "中小企业", "产业", "技术",
         "研究", "应用", "一体化", "聚乙烯", "资金", "经费", "宣传")


def lines(text: str, width: float, style=TITLE) -> list[str]:
    p = para(text, style)
    p.wrap(width, 10 ** 5)
    return ["".join(getattr(w, "text", "") for w in line.words) for line in p.blPara.lines]


def breaks(parts: list[str]) -> set[int]:
    out, pos = set(), 0
    for part in parts[:-1]:
        pos += len(part)
        out.add(pos)
    return out


def cuts_a_word(text: str, parts: list[str]) -> list[str]:
    return [m.group(0) for word in WORDS for m in re.finditer(word, text)
            if breaks(parts) & set(range(m.start() + 1, m.end()))]


def width_of(text: str, style=TITLE) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    return stringWidth(text, style.fontName, style.fontSize)


@pytest.mark.parametrize("name", TITLES)
def test_a_centred_title_breaks_between_words_into_lines_of_about_one_length(name):
    title = f"{name}绩效自评报告"
    em = TITLE.fontSize
    for width in (FRAME_WIDTH, FRAME_WIDTH * 0.8, FRAME_WIDTH * 0.6, FRAME_WIDTH * 0.45):
        parts = lines(title, width)
        assert "".join(parts) == title
        if len(parts) == 1:
            continue
        assert cuts_a_word(title, parts) == [], (width, parts)
        sizes = [width_of(p) for p in parts]
        assert max(sizes) <= width + 1e-6
        # balanced: no line a word or two long under full ones (a word may shift one over)
        assert max(sizes) - min(sizes) <= 3.5 * em, (width, parts)


def test_the_seed_004_title_reads_as_two_halves_on_the_printed_report(tmp_path):
    doc = build_demo("004")
    doc.projects = [p for p in doc.projects if p.name == LONG_NAME]
    assert doc.projects
    [path] = export_pdf(doc, tmp_path / "r.pdf", form="report")
    text = pdftotext(path, layout=True).splitlines()
    assert text[0].strip() == "2021年新一代电子信息产业和生物医药产业", text[:3]
    assert text[1].strip() == "科技型中小企业贷款补助项目绩效自评报告", text[:3]


@pytest.mark.parametrize("text", [
    "项目资金2,000万元全部拨付到位", "服务对象满意度达到95.00%以上", "开展专题讲座≥4次并形成简报",
    "编印《科技工作者建议》简报（季刊）供决策参考", "加强联系和服务不同学科、领域科技工作者"])
def test_a_short_cell_text_keeps_its_numbers_words_and_marks(text):
    for width in range(45, 200, 3):
        for style in (SMALL, SMALL_CENTER, SECTION):
            parts = lines(text, width, style)
            assert "".join(parts) == text
            for a, b in zip(parts, parts[1:]):
                assert b[:1] not in "，。、；：？！）」》%", (width, parts)
                assert a[-1:] not in "（「《", (width, parts)
            for token in ("2,000万元", "95.00%", "≥4次"):
                if token in text and width_of(token, style) <= width:
                    k = text.index(token)
                    assert not breaks(parts) & set(range(k + 1, k + len(token))), (width, parts)
            if len(parts) > 1 and width >= 8 * style.fontSize:   # no word or two alone below
                assert width_of(parts[-1], style) >= 2.5 * style.fontSize or len(parts[-1]) >= 3, \
                    (width, parts)


def test_prose_fills_its_lines_as_before():
    """The report's paragraphs and any long text are not evened out: a line is filled, and a last
    character left over stays alone as in a book, where a heading's would be balanced."""
    text = "结果应用：一是组织领导到位，成立了以单位项目负责人为组长的绩效管理组织。"
    long = (text * 3)[:-1] + "。"
    for style, words in ((BODY, text), (VALUE, long), (SMALL, text)):
        width = width_of(words[:-1], style) + (style.firstLineIndent or 0) + 0.5
        if style is VALUE:
            width = width_of(words[:len(words) // 2], style) + 0.5
        parts = lines(words, width, style)
        assert "".join(parts) == words
        first = width_of(parts[0], style) + (style.firstLineIndent or 0)
        if style is SMALL:     # a short text in a cell: not 织。 alone (the word is 组织)
            assert len(parts) == 2 and len(parts[-1]) >= 3, parts
        else:
            assert first > width - 2 * style.fontSize, parts


@pytest.mark.parametrize("text", ["100.01", "12345.678", "≥95%", "100.22%"])
def test_a_number_never_breaks_even_in_a_narrow_cell(text):
    for width in (26, 28, 34):  # the 分值 column holds 28 pt of text
        assert lines(text, width, SMALL_CENTER) == [text]


def test_a_heading_breaks_before_zhibiao_not_inside_it():
    assert lines("满意度指标", 36.5, SMALL_LABEL) == ["满意度", "指标"]
