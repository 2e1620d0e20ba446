"""Text pasted from a PDF: its wrapped lines joined, the line breaks a person meant kept."""
from __future__ import annotations

from selfeval_desktop.domain.text_wrap import join_hard_breaks

from tests.domain.pasted_text import PDF


def test_a_pdf_paragraph_is_one_paragraph_again():
    text, joined = join_hard_breaks(PDF)
    assert joined == 3
    assert text.split("\n") == [
        "　　为深入实施创新驱动发展战略，加快推进我县科技型中小企业发展，根据《××县科技型中小企业"
        "培育计划》，县科技局安排专项资金用于企业研发补助、科技成果转化和高新技术企业培育。",
        "一、项目基本情况",                            # a heading stays on its own line
        "　　项目资金到位率100%，执行率98.5%，完成了年初设定的各项目标，其中新增高新技术企业3家。"]


def test_breaks_a_person_meant_are_kept():
    # a sentence ends; a numbered item follows; a short line is a paragraph's last
    typed = ("项目按期完成，资金使用规范，各项产出指标均已达到或超过年初设定的目标值。\n"
             "（一）项目立项符合县委县政府关于科技创新的总体部署要求\n"
             "1.资金到位及时，专款专用，未发现挤占挪用等违规情况发生\n"
             "①培训覆盖面还需要进一步扩大，宣传方式还需要进一步创新\n"
             "第二部分 绩效目标完成情况及存在的问题")
    assert join_hard_breaks(typed) == (typed, 0)


def test_a_list_of_short_lines_is_left_alone():
    targets = "科技成果转化项目3个\n高新技术企业认定5家\n专利申请20件"
    assert join_hard_breaks(targets) == (targets, 0)


def test_english_words_keep_their_space_and_windows_line_ends_are_read():
    text = ("本项目引进的质量管理体系依据国际标准化组织发布的 ISO 9001 quality\r\n"
            "management 标准执行，并通过了第三方认证机构的现场审核与年度监督审核工作。")
    joined, n = join_hard_breaks(text)
    assert n == 1
    assert "ISO 9001 quality management 标准" in joined and "\r" not in joined


def test_text_with_nothing_to_join_comes_back_as_it_was():
    for text in ("", "一行文字", "第一段。\r\n第二段。", "A,B\nC,D"):
        assert join_hard_breaks(text) == (text, 0)


def test_long_items_typed_one_per_line_without_punctuation_are_a_list():
    """Lines as wide as a PDF's, none ending a sentence: items (copied from an Excel column), not
    a paragraph — joined they became one run-on line."""
    items = ("组织开展科技特派员服务乡村振兴专项行动\n开展农业实用技术培训班覆盖全县各乡镇\n"
             "建设科技示范基地推广新品种新技术新模式")
    assert join_hard_breaks(items) == (items, 0)


def test_a_paragraph_cut_off_mid_sentence_is_left_as_copied():
    cut = ("为深入实施创新驱动发展战略，加快推进我县科技型中小企业发展，根据《××县科技\n"
           "型中小企业培育计划》，县科技局安排专项资金用于企业研发补助、科技成果转化和高")
    assert join_hard_breaks(cut) == (cut, 0)


def test_a_tables_rows_and_word_paragraphs_ending_in_a_quote_stay_apart():
    """An indicator table pasted into a box ran its rows together; a paragraph
    ending in 。” was joined to the next."""
    table = ("产出指标\t数量指标\t入库专家人数\t≥50人\t54人\t10\t10\n"
             "产出指标\t数量指标\t站点报送信息数量\t≥15篇\t16篇\t10\t10。")
    assert join_hard_breaks(table) == (table, 0)
    quoted = ("按照市委部署，全面推进“科技工作者之家”建设，完成了全部年度任务。”\n"
              "同时加强科技工作者状况调查站点建设，按时报送调查报告，获得市委领导批示。")
    assert join_hard_breaks(quoted) == (quoted, 0)
