"""核对定稿 says what changed since the paper was stamped, in the clerk's words (not only *that*
something changed: the receiver had to compare the whole form by eye)."""
from copy import deepcopy
from decimal import Decimal

from selfeval_desktop.domain.digest import digest_text, project_digest, score_text
from selfeval_desktop.domain.finalized_diff import (
    CHANGED, MATCH, UNKNOWN, Snapshot, cut_changes, differences, normalized_code, paper_check,
    snapshot_of)
from selfeval_desktop.domain.model import (
    BudgetLine, Document, Evaluator, Indicator, Project, Source, SourceAmount, SpendingScheme, Unit)


def make_doc():
    p = Project(name="学术交流活动经费", leader="杨哲", id=1)
    p.funding.annual_budget = 4_000_000
    p.funding.by_source[Source.LOCAL] = SourceAmount(4_000_000, 4_000_000)
    p.budget_lines = [BudgetLine("302", "商品和服务支出", 4_000_000, 3_900_000)]
    p.indicators = [Indicator("产出指标", "数量指标", "编印简报", "≥4期", "4期", Decimal("20")),
                    Indicator("产出指标", "质量指标", "专家库人数", "≥50人", "52人", Decimal("20")),
                    Indicator("效益指标", "社会效益", "决策参考", "≥2篇", "2篇", Decimal("20"))]
    p.evaluators = [Evaluator("张丹妮", "副主席", "市科协"), Evaluator("谢静", "科员", "市科协")]
    p.background = "为加强科技工作者联系，" * 8
    p.conclusions = {"problems": "经费使用进度偏慢"}
    return Document(unit=Unit(name="河池市科协", region_word="自治区"), year=2020, projects=[p]), p


def changed(edit) -> list[str]:
    doc, p = make_doc()
    before = digest_text(doc, p)
    edit(doc, p)
    return differences(before, digest_text(doc, p))


def test_nothing_changed_lists_nothing():
    assert changed(lambda doc, p: None) == []


def test_a_section_emptied_or_a_source_first_filled_is_said_once():
    def edit(doc, p):
        p.conclusions["problems"] = ""
        p.funding.by_source[Source.CENTRAL] = SourceAmount(1_000_000, None)
    assert changed(edit) == ["预算表·中央财政 计划安排资金：（空） → 1 万元",
                             "存在问题：“经费使用进度偏慢” → （空）"]


def test_an_actual_value_is_named_by_its_row_and_indicator():
    def edit(doc, p):
        p.indicators[1].actual = "48人"
    assert changed(edit) == ["绩效指标第2行「专家库人数」·实际完成值：“52人” → “48人”"]


def test_money_is_shown_in_wan_yuan_with_its_table_and_source():
    def edit(doc, p):
        p.budget_lines[0].actual = 4_000_000
        p.funding.by_source[Source.LOCAL] = SourceAmount(4_000_000, 3_500_000)
    assert changed(edit) == ["预算表·市县财政 实际到位资金：4 万元 → 3.5 万元",
                             "预算表支出明细第1行「商品和服务支出」·实际支出：3.9 万元 → 4 万元"]


def test_an_emptied_amount_says_empty():
    def edit(doc, p):
        p.funding.annual_budget = None
    assert changed(edit) == ["预算表·年度资金总额 全年预算数：4 万元 → （空）"]


def test_inserted_and_deleted_rows_do_not_shift_the_rest_into_changes():
    def edit(doc, p):
        del p.indicators[0]
        p.indicators.insert(1, Indicator("效益指标", "社会效益", "新增指标", "1", "1", Decimal("5")))
        p.evaluators.append(Evaluator("覃利引", "", "市科协"))
    assert changed(edit) == ["绩效指标：删去了定稿时的第1行「编印简报」",
                             "绩效指标：增加了第2行「新增指标」",
                             "评价人员：增加了第3行「覃利引」"]


def test_a_renamed_row_is_one_change_of_its_name():
    def edit(doc, p):
        p.evaluators[1].name = "谢晶"
    assert changed(edit) == ["评价人员第2行「谢晶」·评价人员姓名：“谢静” → “谢晶”"]


def test_a_long_text_is_shown_around_what_differs():
    def edit(doc, p):
        p.background = p.background.replace("联系，为", "联系。为", 1)
    [line] = changed(edit)
    assert line.startswith("立项背景：“…") and "联系，为" in line and "联系。为" in line
    assert len(line) < 80


def test_words_added_to_a_long_text_are_quoted_with_where():
    def edit(doc, p):
        p.background += "本年度新增两次学术交流。"
    assert changed(edit) == ["立项背景：在“…科技工作者联系，”之后增加了“本年度新增两次学术交流。”"]

    doc, p = make_doc()
    p.background = "项目于年初启动。" + p.background
    before = digest_text(doc, p)
    p.background = p.background[8:]
    assert differences(before, digest_text(doc, p)) == ["立项背景：在开头删去了“项目于年初启动。”"]


def test_unit_year_and_conclusions_are_named():
    def edit(doc, p):
        doc.unit.name = "河池市科学技术协会"
        doc.year = 2021
        p.conclusions["problems"] = ""
        p.supervisor_opinion = "同意"
    assert changed(edit) == ["单位信息·单位名称：“河池市科协” → “河池市科学技术协会”",
                             "评价年度：2020 → 2021",
                             "主管部门审核意见：（空） → “同意”",
                             "存在问题：“经费使用进度偏慢” → （空）"]


def test_the_stored_content_proves_itself():
    doc, p = make_doc()
    snap = snapshot_of(doc, p, "2021-07-20T10:00:00")
    assert snap.digest == project_digest(doc, p) and snap.intact
    again = Snapshot.from_record(snap.digest, snap.record())
    assert again == snap
    forged = Snapshot(snap.digest, snap.text.replace("4期", "5期"), snap.at, 1, snap.name)
    assert not forged.intact
    assert Snapshot.from_record(snap.digest, "not json") is None


def test_codes_are_read_as_typed_from_paper():
    assert normalized_code("aeae-2c49-094d-16c5") == "aeae2c49094d16c5"
    assert normalized_code(" AEAE 2C49 094D 16C5 ") == "aeae2c49094d16c5"
    assert normalized_code("AEAE-2C49") is None
    assert normalized_code("AEAE-2C49-094D-16CZ") is None
    assert normalized_code("a" * 64) == "a" * 64


def finalize(doc, p, at="2021-07-20T10:00:00"):
    snap = snapshot_of(doc, p, at)
    p.finalized_at, p.digest = at, snap.digest
    return snap


def test_paper_code_of_the_current_finalization():
    doc, p = make_doc()
    snap = finalize(doc, p)
    snaps = {snap.digest: snap}
    status, lines = paper_check(doc, snap.digest[:16], snaps)
    assert status == MATCH and lines[0].startswith("一致：纸质表是「学术交流活动经费」2021-07-20 10:00 定稿时打印的")
    p.indicators[0].actual = "3期"           # changed outside the program
    status, lines = paper_check(doc, snap.digest[:16], snaps)
    assert status == CHANGED
    assert "   · 绩效指标第1行「编印简报」·实际完成值：“4期” → “3期”" in lines


def test_paper_printed_before_an_unfinalize_is_still_found():
    doc, p = make_doc()
    old = finalize(doc, p)
    p.finalized_at = p.digest = None          # 撤销定稿, a change, 定稿 again
    p.indicators[2].actual = "3篇"
    new = finalize(doc, p, "2021-07-22T09:30:00")
    snaps = {old.digest: old, new.digest: new}
    status, lines = paper_check(doc, old.digest[:16], snaps)
    assert status == CHANGED
    assert "又于 2021-07-22 09:30 重新定稿" in lines[0] and "纸质表上的校验码已作废" in lines[0]
    assert lines[-1] == "   · 绩效指标第3行「决策参考」·实际完成值：“2篇” → “3篇”"


def test_an_unknown_code_and_a_deleted_project():
    doc, p = make_doc()
    snap = finalize(doc, p)
    status, lines = paper_check(doc, "0123456789abcdef", {snap.digest: snap})
    assert status == UNKNOWN and "没有校验码为 0123-4567-89AB-CDEF 的定稿记录" in lines[0]
    gone = deepcopy(doc)
    gone.projects = []
    status, lines = paper_check(gone, snap.digest[:16], {snap.digest: snap})
    assert status == CHANGED and "已不在文件中" in lines[0]


def test_a_long_list_is_cut_with_the_count_of_the_rest():
    doc, p = make_doc()
    snap = finalize(doc, p)
    for ind in p.indicators:
        ind.deviation = "无"
    status, lines = paper_check(doc, snap.digest[:16], {snap.digest: snap})
    lines = cut_changes(lines, 2)
    assert lines[1] == "   改动了 3 处："
    assert lines[-1].startswith("   · ……另有 1 处")


def test_a_change_after_the_new_finalization_is_not_merged_into_it():
    """定稿 (paper), 撤销定稿, 80%→90%, 定稿 again, then 90%→100% by hand: the old
    paper's code listed one change 80%→100%, as if the unit had re-finalized with 100%."""
    doc, p = make_doc()
    old = finalize(doc, p)
    p.finalized_at = p.digest = None
    p.indicators[1].actual = "55人"
    new = finalize(doc, p, "2021-07-22T09:30:00")
    p.indicators[1].actual = "60人"                        # after the new 定稿, outside the program
    status, lines = paper_check(doc, old.digest[:16], {old.digest: old, new.digest: new})
    assert status == CHANGED
    assert "另外：重新定稿后文件内容又被改动过，与新校验码也不符" in lines[0]
    assert [line for line in lines if "综合得分" in line] == []   # 52人, 55人, 60人: one score
    assert lines[1:] == ["重新定稿时与纸质表相比：", "   改动了 1 处：",
                         "   · 绩效指标第2行「专家库人数」·实际完成值：“52人” → “55人”",
                         "重新定稿之后又改动的：", "   改动了 1 处：",
                         "   · 绩效指标第2行「专家库人数」·实际完成值：“55人” → “60人”"]


def test_the_paper_total_is_set_beside_todays():
    doc, p = make_doc()
    snap = finalize(doc, p)
    assert snap.total and Snapshot.from_record(snap.digest, snap.record()).total == snap.total
    p.indicators[0].actual = "1期"
    status, lines = paper_check(doc, snap.digest[:16], {snap.digest: snap})
    assert lines[1].startswith(f"   综合得分：纸质表 {snap.total}，现在 ") and lines[2] == "   改动了 1 处："


def test_another_project_given_the_deleted_ones_id_is_not_compared_with_the_paper():
    """撤销定稿, delete, a new project took the same id: 37 “changes” were listed."""
    doc, p = make_doc()
    snap = finalize(doc, p)
    other = Project(name="另一个新项目", implementer="市科技服务中心", id=p.id)
    doc.projects = [other]
    status, lines = paper_check(doc, snap.digest[:16], {snap.digest: snap})
    assert status == CHANGED and len(lines) == 1
    assert "这个项目已不在文件中（被删除了；现在同一编号的「另一个新项目」是另一个项目）" in lines[0]
    renamed = make_doc()[1]
    renamed.id, renamed.name = p.id, "学术交流活动经费（更名）"     # renamed: still the same project
    doc.projects = [renamed]
    status, lines = paper_check(doc, snap.digest[:16], {snap.digest: snap})
    assert "· 项目名称：“学术交流活动经费” → “学术交流活动经费（更名）”" in "\n".join(lines)


def test_values_are_said_in_words_and_a_region_names_its_own_finance():
    def edit(doc, p):
        doc.profile_id = "hubei"
        p.spending_scheme = SpendingScheme.RD2021
        p.funding.by_source[Source.PROVINCIAL] = SourceAmount(1_000_000, None)
    lines = changed(edit)
    assert "支出分类方式：“支出经济分类” → “科研经费开支范围（2021年起3类）”" in lines
    assert "评分规则：“财政部项目支出绩效自评（财预〔2020〕10号）” → “湖北省项目支出绩效自评（预算执行率20分）”" in lines
    assert "预算表·自治区财政 计划安排资金：（空） → 1 万元" in lines      # 河池市: 自治区


def test_a_code_typed_full_width_is_read():
    assert normalized_code("ＡＥＡＥ－２Ｃ４９－０９４Ｄ－１６Ｃ５") == "aeae2c49094d16c5"
    assert normalized_code("AEAE—2C49—094D—16C5") == "aeae2c49094d16c5"


def department_doc():
    doc, p = make_doc()
    from selfeval_desktop.domain.model import ProjectKind
    dept = Project(name="市科协部门整体", kind=ProjectKind.DEPARTMENT, id=9,
                   indicators=[Indicator("产出指标", "数量指标", "活动次数", "≥4次", "4次", Decimal("100"))])
    doc.projects.insert(0, dept)
    return doc, dept, p


def test_a_departments_code_covers_the_projects_its_form_lists():
    """Projects pasted or changed after the 部门整体's 定稿 left its code valid,
    though its stamped form lists them with their funds and 合计."""
    from selfeval_desktop.domain.digest import changed_since_finalized, verify_project
    doc, dept, p = department_doc()
    snap = finalize(doc, dept)
    assert verify_project(doc, dept)
    p.funding.executed = 3_800_000
    doc.projects.append(Project(name="新增项目", implementer="市科协", id=12))
    assert not verify_project(doc, dept) and changed_since_finalized(doc, dept)
    status, lines = paper_check(doc, snap.digest[:16], {snap.digest: snap})
    assert status == CHANGED
    assert "   · 部门所属项目第1行「学术交流活动经费」·全年执行数：（空） → 3.8 万元" in lines
    assert "   · 部门所属项目：增加了第2行「新增项目」" in lines


def test_a_department_finalized_before_its_code_covered_its_projects_still_verifies():
    from selfeval_desktop.domain.digest import (digest_text, text_digest, verification,
                                                verify_project)
    doc, dept, p = department_doc()
    dept.finalized_at, dept.digest = "2021-07-20T10:00:00", text_digest(digest_text(doc, dept, "1"))
    p.funding.executed = 3_800_000          # not covered by a version-1 code
    assert verify_project(doc, dept)
    lines, finalized, bad = verification(doc)
    assert (finalized, bad) == (1, 0)
    dept.indicators[0].actual = "3次"       # what it did cover still counts
    assert not verify_project(doc, dept)


def test_the_score_at_the_new_finalization_is_not_called_todays():
    """The block of the re-定稿 said “现在 99.00”, the score at the re-定稿."""
    doc, p = make_doc()
    old = finalize(doc, p)
    p.finalized_at = p.digest = None
    p.indicators[0].actual = "2期"
    new = finalize(doc, p, "2021-07-22T09:30:00")
    p.indicators[0].actual = "1期"
    status, lines = paper_check(doc, old.digest[:16], {old.digest: old, new.digest: new})
    scores = [line for line in lines if "综合得分" in line]
    assert scores == [f"   综合得分：纸质表 {old.total}，重新定稿时 {new.total}",
                      f"   综合得分：重新定稿时 {new.total}，现在 {score_text(doc, p)}"]
