"""The printed forms, read back as a person's PDF tools read them: text in order, fonts, pages."""
from decimal import Decimal
import re

import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.digest import check_code, project_digest
from selfeval_desktop.domain.evaluation import profile_for, weight_text
from selfeval_desktop.domain.model import Evaluator, FundKind, Indicator, Source
from selfeval_desktop.domain.money import parse_wan, printed_wan
from selfeval_desktop.domain.scoring import score_project
from selfeval_desktop.reports.export import export_pdf, print_warnings
from selfeval_desktop.reports.form_basic import period_text
from selfeval_desktop.reports.spending import line_label
from tests.reports.pdf_fixtures import (assert_in_order, page_count, pdffonts, raw_text, seed003,
                                        squeeze, words_outside_page)

MM = 72 / 25.4


def body(text: str) -> str:
    """The text without the page numbers drawn at the foot of each page."""
    return re.sub(r"第 \d+ 页 共 \d+ 页", "", text)


def write(tmp_path, doc, form, name=None):
    [path] = export_pdf(doc, tmp_path / (name or f"{form}.pdf"), form=form)
    return path


def assert_fonts_embedded(path):
    rows = pdffonts(path)
    assert rows, "no font in the PDF"
    assert [r["name"] for r in rows if r["emb"] != "yes"] == []


def expected_basic(doc, p, side_by_side: bool = False):
    """Every label and every value of the 基本情况表, in the order of the paper form
    (``side_by_side``: 五 and 六 next to each other, as when that makes the form fit one page)."""
    f, score = p.funding, score_project(p, profile_for(doc, p))
    region = f"{doc.unit.region_word}财政"
    src = f.by_source
    items = ["项目单位自评基本情况表", f"项目名称：{p.name}", "一、项目基本概况",
             "项目负责人", p.leader, "联系电话", p.phone, "地址", p.address, "邮编", p.postcode,
             "项目起止时间", period_text(p.start, p.end),
             "计划安排资金（万元）", printed_wan(f.planned_total), "实际到位资金（万元）",
             printed_wan(f.arrived_total)]
    for source, label in [(Source.CENTRAL, "其中：中央财政"), (Source.PROVINCIAL, region),
                          (Source.LOCAL, "市县财政"), (Source.OTHER, "其它")]:
        items += [label, printed_wan(src[source].planned), label, printed_wan(src[source].arrived)]
    items += ["实际支出（万元）", printed_wan(f.spent_total), "二、项目支出明细",
              "支出内容（按经济科目）", "计划支出数（万元）", "实际支出数（万元）"]
    for line in p.budget_lines:
        items += [line_label(line), printed_wan(line.planned), printed_wan(line.actual)]
    items += ["支出合计", "项目绩效目标及实施计划完成情况", "预期（或调整后）", "实际",
              p.goal_expected, p.goal_actual, "综合得分", f"{score.total}分", "自评等次", score.grade,
              "四、评价人员", "姓名", "职称/职务", "单位", "签字"]
    for e in p.evaluators:
        items += [e.name, e.title, e.org]
    if side_by_side:
        items += ["五、项目单位（评价机构）意见：", "六、主管部门审核意见：", p.unit_opinion,
                  p.supervisor_opinion, "（盖章）", "年月日", "（盖章）", "年月日"]
    else:
        items += ["五、项目单位（评价机构）意见：", p.unit_opinion, "（盖章）", "年月日",
                  "六、主管部门审核意见：", p.supervisor_opinion, "（盖章）", "年月日"]
    return [i for i in items if i]


def test_basic_form_of_seed_003_has_every_label_and_value_in_order(tmp_path):
    doc = build_demo("003")
    path = write(tmp_path, doc, "basic")
    text = raw_text(path)
    # it fits one page to sign and stamp, with 五 and 六 side by side
    assert page_count(path) == 1
    assert_in_order(text, expected_basic(doc, doc.projects[0], side_by_side=True))
    # what the clerk sees on seed 003's paper form
    assert_in_order(text, ["杨哲", "2116276", "河池市西环路63号", "547000", "2020年1月至12月",
                           "自治区财政", "自治区财政", "302商品和服务支出", "支出合计", "4", "4",
                           "均达到预期目标", "100.00分", "优", "张丹妮", "副主席", "市科协",
                           "覃利引", "四级调研员", "谢静", "副部长"])
    assert "省级财政" not in text
    assert_fonts_embedded(path)
    assert "第1页共1页" in squeeze(text)  # numbered as the longer forms are
    assert words_outside_page(path, margin=5 * MM) == []


def test_region_word_follows_the_unit(tmp_path):
    doc = seed003()
    doc.unit.region_word = "省级"
    text = raw_text(write(tmp_path, doc, "basic"))
    assert squeeze(text).count("省级财政") == 2 and "自治区" not in text


def test_the_special_funds_typed_in_the_window_are_printed(tmp_path):
    """Seed 002's 其中专项经费 appeared on no printed form."""
    doc = build_demo("002")
    doc.projects = doc.projects[:1]
    line = doc.projects[0].budget_lines[0]                    # 设备费 170, 其中专项 32
    text = squeeze(raw_text(write(tmp_path, doc, "basic")))
    assert f"{printed_wan(line.planned)}（其中专项{printed_wan(line.special_planned)}）" in text


def expected_mof(doc, p):
    f, score = p.funding, score_project(p, profile_for(doc, p))
    ex = score.execution
    profile = profile_for(doc, p)
    items = ["项目支出绩效自评表", f"（{doc.year}年度）", "项目名称", p.name, "主管部门",
             "实施单位", p.implementer or doc.unit.name, "项目资金（万元）",
             "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "年度资金总额",
             printed_wan(f.initial_budget), printed_wan(f.annual_budget), printed_wan(f.executed),
             weight_text(ex.weight, profile), f"{profile.round(ex.rate * 100)}%", str(ex.score)]
    for i, kind in enumerate(FundKind):
        part = f.by_kind[kind]
        items += [("其中：" if i == 0 else "") + {"current": "当年财政拨款", "carryover": "上年结转资金",
                                                  "other": "其他资金"}[kind.value],
                  printed_wan(part.initial), printed_wan(part.annual), printed_wan(part.executed), "—",
                  # 执行率 in the 其中 rows too, as the workbook computes it
                  f"{profile.round(Decimal(part.executed) * 100 / Decimal(part.annual))}%"
                  if part.annual and part.executed is not None else "", "—"]
    items += ["年度总体目标", "预期目标", "实际完成情况", p.goal_expected, p.goal_actual,
              "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施"]
    for ind, s in zip(p.indicators, score.indicators):
        items += [ind.name, ind.target, ind.actual, weight_text(ind.weight, profile), str(s.score),
                  ind.deviation]
    items += ["总分", str(score.total), f"自评等次：{score.grade}"]
    return [i for i in items if i]


def test_mof_form_of_seed_003_has_every_label_and_value_in_order(tmp_path):
    doc = build_demo("003")
    path = write(tmp_path, doc, "mof")
    text = raw_text(path)
    assert_in_order(text, expected_mof(doc, doc.projects[0]))
    # headings of a group are printed once, as in the merged cells of the paper form
    rows = [(i.level1, i.level2) for i in doc.projects[0].indicators]
    assert rows.count(("效益指标", "社会效益指标")) >= 2 and [r[0] for r in rows].count("产出指标") >= 2
    assert squeeze(text).count("产出指标") == 1 and squeeze(text).count("社会效益指标") == 1
    assert_fonts_embedded(path)
    assert page_count(path) == 1
    assert "第1页共1页" in squeeze(text)     # numbered as the longer forms are
    assert words_outside_page(path, margin=5 * MM) == []


def forty_indicators():
    doc = seed003()
    p = doc.projects[0]
    groups = [("产出指标", "数量指标")] * 12 + [("产出指标", "质量指标")] * 10 + \
             [("效益指标", "社会效益指标")] * 12 + [("满意度指标", "服务对象满意度指标")] * 6
    p.indicators = [Indicator(level1=a, level2=b, name=f"第{i + 1:02d}项：举办学术交流活动场次",
                              target="≥4次", actual=f"{2 + i % 3}次", weight=Decimal("2.25"),
                              deviation="受场地影响，部分活动延期。" * (i % 3))
                    for i, (a, b) in enumerate(groups)]
    return doc


def test_forty_indicators_continue_over_pages_with_the_header_repeated(tmp_path):
    doc = forty_indicators()
    path = write(tmp_path, doc, "mof")
    pages = page_count(path)
    assert pages >= 2
    text = raw_text(path)
    assert_in_order(text, expected_mof(doc, doc.projects[0]))
    for n in range(1, pages + 1):
        page = squeeze(raw_text(path, n, n))
        assert f"第{n}页共{pages}页" in page
        assert "一级指标" in page and "偏差原因分析及改进措施" in page   # header on every page
        # a page after the first names its project: stamped pages filed apart still say whose
        assert page.startswith(f"项目名称：{doc.projects[0].name}（续）") == (n > 1), page[:40]
        first_row = page.find("第", page.find("偏差原因分析及改进措施"))
        # a page that starts inside a group names the group again
        assert page.find("指标", page.find("偏差原因分析及改进措施") + 10) < first_row
    assert_fonts_embedded(path)
    assert words_outside_page(path, margin=5 * MM) == []


def numbered(prefix: str, count: int) -> tuple[str, list[str]]:
    """A long text of numbered sentences, and the sentence markers in order."""
    marks = [f"[{prefix}{i}]" for i in range(count)]
    return "".join(f"围绕地方经济社会发展建设专家智库，对科技专家进行分类{m}。" for m in marks), marks


def test_two_thousand_characters_wrap_and_continue_on_the_next_page(tmp_path):
    doc = seed003()
    p = doc.projects[0]
    p.goal_expected, expected_marks = numbered("E", 70)
    p.goal_actual, actual_marks = numbered("A", 50)
    p.unit_opinion, opinion_marks = numbered("O", 30)
    p.indicators[0].deviation, deviation_marks = numbered("D", 60)
    assert len(p.goal_expected) >= 2000
    long = {p.goal_expected, p.goal_actual, p.unit_opinion, p.indicators[0].deviation}
    for form, expect in (("basic", expected_basic), ("mof", expected_mof)):
        path = write(tmp_path, doc, form)
        pages = page_count(path)
        assert pages >= 3, form
        text = body(raw_text(path))
        # every label and short value in order; each long text whole, sentence by sentence
        assert_in_order(text, [i for i in expect(doc, p) if i not in long])
        for marks in (expected_marks, actual_marks) + ((opinion_marks,) if form == "basic" else
                                                       (deviation_marks,)):
            assert_in_order(text, marks)
            assert all(squeeze(text).count(m) == 1 for m in marks)
        assert_in_order(raw_text(path), [f"第{n}页共{pages}页" for n in range(1, pages + 1)])
        assert_fonts_embedded(path)
        assert words_outside_page(path, margin=5 * MM) == []
    # the page names its project, and the goals' header row is repeated where the text continues
    assert squeeze(raw_text(tmp_path / "basic.pdf", 2, 2)).startswith(
        f"项目名称：{p.name}（续）项目绩效目标及实施计划完成情况预期")


def test_evaluators_each_get_an_empty_signature_cell_and_blank_rows_for_more(tmp_path):
    doc = seed003()
    doc.projects[0].evaluators = [Evaluator("王喆", "高级工程师", "河池市科学技术协会")]
    text = raw_text(write(tmp_path, doc, "basic"))
    assert_in_order(text, ["签字", "王喆", "高级工程师", "河池市科学技术协会", "五、"])
    # nothing is printed in the 签字 cell: the next thing after the person is the next section
    flat = squeeze(body(text))
    assert flat[flat.find("河池市科学技术协会") + len("河池市科学技术协会"):].startswith("五、")


def test_finalized_project_prints_its_check_code_and_an_open_one_does_not(tmp_path):
    doc = seed003()
    p = doc.projects[0]
    for form in ("basic", "mof"):
        assert "校验码" not in raw_text(write(tmp_path, doc, form, f"open_{form}.pdf"))
    p.finalized_at, p.digest = "2021-07-20T10:00:00", project_digest(doc, p)
    code = check_code(p.digest)
    for form in ("basic", "mof"):
        path = write(tmp_path, doc, form, f"final_{form}.pdf")
        text = squeeze(raw_text(path))
        assert f"校验码：{code}" in text and "定稿时间：2021-07-2010:00本表" in text  # no seconds
        pages = page_count(path)
        assert text.count(f"校验码{code}") == pages      # in the footer of every page


class _Squares:
    """A canvas that keeps the squares a QR code paints (its dark modules)."""
    def __init__(self):
        self.squares = []

    def setFillColor(self, colour):
        pass

    def rect(self, x, y, w, h, stroke=0, fill=0):
        self.squares.append((round(x / w), round(y / h)))


def _qr_codes(flowables):
    """The QRCode flowables in a list of flowables and the cells of their tables."""
    from selfeval_desktop.reports.pdf_common import QRCode
    found = []
    for f in flowables:
        if isinstance(f, QRCode):
            found.append(f)
        for row in getattr(f, "_cellvalues", []):
            found += [c for c in row if isinstance(c, QRCode)]
    return found


def test_the_qr_code_of_a_finalized_form_holds_its_digest(tmp_path):
    """DESIGN makes the QR code the receiving side's check, yet a QR code of any
    other text passed. The one beside the 校验码 and the one in a one-page form's cell both hold
    the stored digest, and paint exactly its modules (no QR decoder is installed here)."""
    import segno
    from selfeval_desktop.reports.pdf_common import check_block, check_cell
    doc = seed003()
    p = doc.projects[0]
    p.finalized_at, p.digest = "2021-07-20T10:00:00", project_digest(doc, p)
    codes = _qr_codes(check_block(doc, p)) + _qr_codes(check_cell(doc, p, 60 * MM))
    assert len(codes) == 2
    want = segno.make(p.digest, error="m", micro=False)
    n = len([None for _ in want.matrix_iter(border=2)])
    dark = {(x, n - 1 - y) for y, row in enumerate(want.matrix_iter(border=2))
            for x, on in enumerate(row) if on}
    for code in codes:
        assert code.data == p.digest
        code.canv = _Squares()
        code.draw()
        assert set(code.canv.squares) == dark


def test_amounts_are_shown_in_wan_with_the_decimals_entered(tmp_path):
    doc = seed003()
    f = doc.projects[0].funding
    f.planned_total, f.by_source[Source.CENTRAL].planned = 681530700, 1234
    text = squeeze(raw_text(write(tmp_path, doc, "basic")))
    assert "681.5307" in text and "0.001234" in text


@pytest.mark.parametrize("start, end, text", [
    ("2020-01", "2020-12", "2020年1月至12月"), ("2020-03", "2021-06", "2020年3月至2021年6月"),
    ("2020年1月", "", "2020年1月"), ("全年", "长期", "全年至长期")])
def test_period_is_written_as_on_the_form(start, end, text):
    assert period_text(start, end) == text


def test_all_twenty_projects_of_seed_004_in_one_pdf_each_from_a_new_page(tmp_path):
    doc = build_demo("004")
    path = write(tmp_path, doc, "mof")
    projects = doc.project_list()
    assert len(projects) >= 20
    pages = page_count(path)
    assert pages >= len(projects)
    starts = [n for n in range(1, pages + 1) if raw_text(path, n, n).lstrip().startswith("项目支出绩效自评表")]
    assert len(starts) == len(projects)
    assert_in_order(raw_text(path), [p.name for p in projects])
    assert_fonts_embedded(path)


def test_basic_form_prints_the_sums_of_the_parts_where_no_total_was_typed(tmp_path):
    doc = seed003()
    p = doc.projects[0]
    p.funding.planned_total = p.funding.arrived_total = p.funding.spent_total = None
    p.funding.by_source[Source.CENTRAL].planned = p.funding.by_source[Source.CENTRAL].arrived = \
        parse_wan("1.25")
    text = squeeze(raw_text(write(tmp_path, doc, "basic")))
    assert "计划安排资金（万元）5.25实际到位资金（万元）5.25" in text
    assert "实际支出（万元）4.00" in text


def test_each_source_prints_its_planned_and_its_arrived_amount_in_its_own_column(tmp_path):
    """Seed 003 has 计划安排 = 实际到位 for every source, so a form printing the
    planned amount under 实际到位资金 passed. Every amount here differs (hand-written)."""
    doc = seed003()
    f = doc.projects[0].funding
    f.planned_total = f.arrived_total = None
    for source, planned, arrived in [(Source.CENTRAL, "1", "0.8"), (Source.PROVINCIAL, "2", "1.5"),
                                     (Source.LOCAL, "3", "2.7"), (Source.OTHER, "0.5", "0.4")]:
        f.by_source[source].planned, f.by_source[source].arrived = parse_wan(planned), parse_wan(arrived)
    text = squeeze(raw_text(write(tmp_path, doc, "basic")))
    assert_in_order(text, ["计划安排资金（万元）6.50实际到位资金（万元）5.40",
                           "其中：中央财政1.00其中：中央财政0.80",
                           "自治区财政2.00自治区财政1.50",
                           "市县财政3.00市县财政2.70",
                           "其它0.50其它0.40",
                           "实际支出（万元）4.00"])


def test_mof_funds_block_prints_each_of_its_different_figures_in_its_own_cell(tmp_path):
    """Seed 003's 年初 = 全年 = 执行 (4 万元 each) cannot tell the columns apart.
    Hand-written: 5.00 / 4.80 / 4.32 → 90.00 % of a 10.00-point 执行率 → 9.00."""
    doc = seed003()
    f = doc.projects[0].funding
    f.initial_budget, f.annual_budget, f.executed = parse_wan("5"), parse_wan("4.8"), parse_wan("4.32")
    for kind, initial, annual, executed in [(FundKind.CURRENT, "3", "2.8", "2.67"),
                                            (FundKind.CARRYOVER, "1.5", "1.5", "1.2"),
                                            (FundKind.OTHER, "0.5", "0.5", "0.45")]:
        part = f.by_kind[kind]
        part.initial, part.annual, part.executed = parse_wan(initial), parse_wan(annual), parse_wan(executed)
    text = squeeze(raw_text(write(tmp_path, doc, "mof")))
    assert_in_order(text, ["年度资金总额5.004.804.3210.0090.00%9.00",
                           "其中：当年财政拨款3.002.802.67—95.36%—",
                           "上年结转资金1.501.501.20—80.00%—",
                           "其他资金0.500.500.45—90.00%—"])


def test_spending_total_counts_a_detail_line_under_its_class_once(tmp_path):
    from selfeval_desktop.domain.model import BudgetLine
    doc = seed003()
    p = doc.projects[0]
    p.budget_lines = [BudgetLine("302", "商品和服务支出", parse_wan("4"), parse_wan("4")),
                      BudgetLine("30211", "差旅费", parse_wan("1.5"), parse_wan("1.25"))]
    text = squeeze(raw_text(write(tmp_path, doc, "basic")))
    assert "支出合计4.004.00" in text  # 4 and 4, not 5.5 and 5.25


def test_two_projects_of_one_name_are_told_apart_by_their_unit_on_the_basic_form(tmp_path):
    """Seed 001's two 基本情况表 both read “项目名称：信息化替代”."""
    doc = build_demo("001")
    for i, p in enumerate(doc.projects, 1):
        p.id = i
    twins = [p for p in doc.projects if p.name == "信息化替代"]
    assert len(twins) == 2 and twins[0].implementer != twins[1].implementer
    heads = []
    for p in twins:
        [path] = export_pdf(doc, tmp_path / f"{p.id}.pdf", form="basic", project_ids=[p.id])
        heads.append(squeeze(raw_text(path)).split("一、")[0])
    assert heads[0] != heads[1]
    assert all(f"实施单位：{p.implementer}" in h for p, h in zip(twins, heads))
    single = next(p for p in doc.projects if p.name not in ("信息化替代", "") and p.kind.name != "DEPARTMENT")
    [path] = export_pdf(doc, tmp_path / "s.pdf", form="basic", project_ids=[single.id])
    assert "实施单位：" not in squeeze(raw_text(path)).split("一、")[0]


def test_a_stale_check_code_is_not_printed_as_valid(tmp_path):
    doc = seed003()
    p = doc.projects[0]
    p.finalized_at, p.digest = "2021-07-20T10:00:00", project_digest(doc, p)
    code = check_code(p.digest)
    p.indicators[0].actual = "未达成"   # changed after 定稿, behind the program's back
    warnings = print_warnings(doc, [p])
    assert any("校验码" in w and "改动" in w for w in warnings)
    for form in ("basic", "mof"):
        [path] = export_pdf(doc, tmp_path / f"{form}.pdf", form=form)
        text = squeeze(raw_text(path))
        assert code not in text
        assert "内容已改动，校验码无效" in text
        assert "校验码一致即与本纸质表内容相同" not in text


@pytest.mark.parametrize("goal_chars", range(300, 1500, 120))
def test_the_evaluators_heading_stays_with_its_rows(tmp_path, goal_chars):
    doc = seed003()
    p = doc.projects[0]
    p.goal_expected = ("通过项目实施，支持企业开展研发活动，提升企业自主创新能力。" * 60)[:goal_chars]
    p.evaluators = [Evaluator(f"欧阳{i}某", "高级工程师", "某县科学技术局") for i in range(8)]
    [path] = export_pdf(doc, tmp_path / "b.pdf", form="basic")
    pages = [squeeze(raw_text(path, page, page)) for page in range(1, page_count(path) + 1)]
    # printed on exactly one page (with the heading gone from every page this used to pass)
    [text] = [t for t in pages if "四、评价人员" in t]
    assert all(f"欧阳{i}某" in text for i in range(8))
    assert text.count("四、评价人员") == 1


def test_each_continued_page_names_its_level_one_and_has_one_header(tmp_path):
    """Rows too long for a page are cut at the page end; the next page still names 一级 and
    二级 on its first row (also when it is the rest of a cut row), and no second header appears
    in the middle of a page."""
    doc = seed003()
    p = doc.projects[0]
    long = "受新冠肺炎疫情影响，部分企业停工停产，项目实施进度滞后；下一步将加强调度，督促企业加快实施进度。" * 4
    for ind in p.indicators:
        ind.deviation = long
    p.goal_expected = "通过项目实施，提升企业自主创新能力。" * 30
    [path] = export_pdf(doc, tmp_path / "m.pdf", form="mof")
    pages = page_count(path)
    assert pages > 1
    for page in range(2, pages + 1):
        text = squeeze(raw_text(path, page, page))
        assert text.count("偏差原因分析及改进措施") == 1, f"page {page}"
        first_row = text.split("偏差原因分析及改进措施", 1)[1]
        assert first_row.startswith(("产出指标", "效益指标", "满意度指标")), f"page {page}"
