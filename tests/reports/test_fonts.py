"""The bundled fonts print every character of GBK, and the print path can say what it cannot print."""
import unicodedata

import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.reports import fonts
from selfeval_desktop.reports.export import print_warnings, project_texts
from selfeval_desktop.reports.form_basic import FORM_TITLE as BASIC
from selfeval_desktop.reports.form_mof import FORM_TITLE as MOF


def gbk_characters() -> list[str]:
    out = []
    for b1 in range(0x81, 0xFF):
        for b2 in range(0x40, 0xFF):
            try:
                out.append(bytes([b1, b2]).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return out


def test_the_two_bundled_fonts_together_cover_all_of_gbk_but_five_symbols():
    """Two tone marks and two pinyin letters of GB 2312 are empty outlines in both faces (they
    were counted as printable until the outlines were looked at)."""
    chars = gbk_characters()
    ideographs = [c for c in chars if unicodedata.name(c, "").startswith("CJK")]
    assert len(ideographs) > 20000
    assert fonts.missing_chars(ideographs) == []
    assert fonts.missing_chars(chars) == ["ˊ", "ˋ", "☉", "ɑ", "ɡ"]


def test_a_glyph_that_draws_nothing_or_a_broken_one_is_not_counted_as_printable():
    """The Hei face maps ℃ Ⅴ Ⅹ to empty outlines and draws ½ as “1⁄”; the Song face's ⅰ–ⅹ are
    empty. Each used to print as a blank (or as “1⁄”) with no warning."""
    for ch in "℃ⅤⅩ½¾⅜":
        assert not fonts.covered(ch, fonts.HEI), ch
    for ch in "ⅰⅴⅹ":
        assert not fonts.covered(ch, fonts.SONG), ch
    assert fonts.covered("¼", fonts.HEI) and fonts.covered("℃", fonts.SONG)
    # each is set in the face that draws it
    assert fonts.markup("20℃Ⅴ", base=fonts.HEI) == f'20<font name="{fonts.SONG}">℃Ⅴ</font>'
    assert fonts.markup("第ⅰ项") == f'第<font name="{fonts.HEI}">ⅰ</font>项'


def test_a_fraction_neither_face_draws_whole_prints_spelled_out():
    assert fonts.missing_chars(["完成½项，¾和⅜"]) == []
    assert fonts.markup("完成½项") == f'完成1<font name="{fonts.HEI}">⁄</font>2项'


def test_a_raised_digit_neither_face_draws_prints_raised_never_as_a_plain_digit():
    """10⁵ pasted from Word printed as “105”, with no warning."""
    assert not fonts.covered("⁵")
    assert fonts.markup("≥10⁵人次") == "≥10<super>5</super>人次"
    assert fonts.markup("H₀") == "H<sub>0</sub>"
    assert fonts.missing_chars(["≥10⁵人次", "H₀"]) == []


def test_other_compatibility_characters_are_named_not_replaced():
    """Their plain form would change what is read (Ⓐ → A): the print warning names them."""
    assert not fonts.covered("Ⓐ") and not fonts.covered("㉑")
    assert fonts.missing_chars(["方案Ⓐ", "第㉑条"]) == ["Ⓐ", "㉑"]
    assert fonts.markup("方案Ⓐ") == "方案Ⓐ"


def test_an_invisible_character_pasted_from_the_web_is_never_named_as_missing():
    """A zero-width space or a BOM (pasted from a web page, WeChat, WPS) made
    every print warn “打印时会缺失：” followed by nothing she could see."""
    assert fonts.missing_chars(["张\u200b三", "\ufeff项目", "a\u200cb\u200d\u2060"]) == []


def test_the_printed_form_carries_the_fraction_spelled_out(tmp_path):
    from selfeval_desktop.reports.export import render_pdf
    from tests.reports.pdf_fixtures import pdftotext, seed003
    doc = seed003()
    doc.projects[0].indicators[0].name = "完成½项，温度20℃"
    out = tmp_path / "form.pdf"
    out.write_bytes(render_pdf(doc, doc.projects, form="mof"))
    text = "".join(pdftotext(out).split())
    assert "完成1⁄2项，温度20℃" in text


def test_the_song_face_prints_gb2312_and_full_width_punctuation_itself():
    gb2312 = []
    for b1 in range(0xB0, 0xF8):          # the 6 763 hanzi of GB 2312
        for b2 in range(0xA1, 0xFF):
            try:
                gb2312.append(bytes([b1, b2]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    assert len(gb2312) > 6700
    song = [c for c in gb2312 + list("，。、；：？！“”‘’（）《》〔〕【】—…％≥≤×0123456789.")
            if not fonts.covered(c, fonts.SONG)]
    assert song == []


def test_every_label_and_every_character_of_the_demo_documents_is_printable():
    labels = (BASIC + MOF + "项目名称：一、项目基本概况项目负责人联系电话地址邮编项目起止时间计划安排资金（万元）"
              "实际到位资金其中：中央财政省级自治区财政市县财政其它实际支出二、项目支出明细支出内容（按经济科目）"
              "计划支出数实际支出数支出合计项目绩效目标及实施计划完成情况预期（或调整后）实际综合得分分自评等次"
              "四、评价人员姓名职称/职务单位签字五、项目单位（评价机构）意见：六、主管部门审核意见：（盖章）年月日"
              "年度主管部门实施单位项目资金年初预算数全年预算数全年执行数分值执行率得分年度资金总额当年财政拨款"
              "上年结转资金其他资金年度总体目标预期目标实际完成情况绩效指标一级指标二级指标三级指标年度指标值"
              "实际完成值偏差原因分析及改进措施总分校验码定稿时间第页共优良中差一般—%")
    assert [c for c in labels if not fonts.covered(c, fonts.SONG)] == []
    for seed in ("000", "002", "003", "004"):
        doc = build_demo(seed)
        texts = [t for p in doc.projects for t in project_texts(doc, p)]
        assert fonts.missing_chars(texts) == [], seed


def test_missing_chars_lists_each_unprintable_character_once_in_order():
    assert fonts.missing_chars(["张喆", None, "项目☉😀", "☉\n\t"]) == ["☉", "😀"]


def test_a_character_the_song_face_lacks_is_set_in_the_hei_face():
    assert not fonts.covered("喆", fonts.SONG) and fonts.covered("喆", fonts.HEI)
    text = fonts.markup("张喆<1>&\n祎")
    assert text == (f'张<font name="{fonts.HEI}">喆</font>&lt;1&gt;&amp;<br/>'
                    f'<font name="{fonts.HEI}">祎</font>')


def test_print_warnings_name_the_project_and_the_missing_character():
    doc = build_demo("003")
    assert print_warnings(doc, doc.projects) == []
    doc.projects[0].indicators[0].name += "☉"
    doc.projects[0].unread = {"funding:planned_total": "四万"}
    warnings = print_warnings(doc, doc.projects)
    assert len(warnings) == 2
    assert "学术交流活动经费" in warnings[0] and "☉" in warnings[0]
    assert "1 处输入未能识别" in warnings[1]


@pytest.mark.parametrize("name", [fonts.SONG, fonts.HEI])
def test_bundled_font_files_have_their_licence_beside_them(name):
    folder = fonts.font_path(name).parent
    assert (folder / "ARPHICPL.TXT").is_file() and (folder / "LICENSE-wqy-microhei.txt").is_file()
    assert "ARPHIC PUBLIC LICENSE" in (folder / "ARPHICPL.TXT").read_text(encoding="utf-8")
