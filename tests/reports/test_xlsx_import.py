"""Importing 自评表 workbooks in the shapes units really send them."""
from decimal import Decimal

import pytest

from selfeval_desktop.domain.scoring import score_project
from selfeval_desktop.domain.profiles import load_profile
from selfeval_desktop.reports.xlsx_import import (XlsxImportError, check_amounts,
                                                  import_workbook)

from . import xlsx_builders as build
from .xlsx_builders import MOF_INDICATORS

WAN = 1_000_000  # 分 per 万元


def _only(result):
    assert len(result.document.projects) == 1
    return result.document.projects[0]


def _assert_standard_project(project, indicators=MOF_INDICATORS):
    spec = build.FormSpec()
    assert project.name == spec.name
    assert project.supervisor == spec.supervisor
    assert project.implementer == spec.implementer
    assert project.goal_expected == spec.expected and project.goal_actual == spec.actual
    f = project.funding
    assert (f.initial_budget, f.annual_budget, f.executed) == (210 * WAN, 200 * WAN, 190 * WAN)
    current = f.by_kind[next(iter(f.by_kind))]
    assert (current.initial, current.annual, current.executed) == (210 * WAN, 200 * WAN, 190 * WAN)
    got = [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.stated_score, i.deviation)
           for i in project.indicators]
    want = [(a, b, c, d, e, Decimal(str(w)), Decimal(str(s)), dev)
            for a, b, c, d, e, w, s, dev in indicators]
    assert got == want
    assert project.stated_total == Decimal("92")


@pytest.mark.parametrize("shape", ["standard", "shifted", "merged_level1", "text_numbers"])
def test_the_same_form_reads_the_same_whatever_its_shape(tmp_path, shape):
    path = getattr(build, shape)(tmp_path / f"{shape}.xlsx")
    result = import_workbook(path)
    _assert_standard_project(_only(result))
    assert result.document.year == 2022
    assert result.document.profile_id == "mof2020"
    sheet = result.report.projects[0]
    assert sheet.stated_execution_score == Decimal("9.5")
    assert sheet.stated_execution_weight == Decimal(10)


def test_level_labels_given_once_are_carried_down_even_without_merges(tmp_path):
    path = build.save(tmp_path / "blank.xlsx", ("自评", build.FormSpec(), {"merge": False}))
    project = _only(import_workbook(path))
    assert [i.level1 for i in project.indicators] == [i[0] for i in MOF_INDICATORS]
    assert [i.level2 for i in project.indicators] == [i[1] for i in MOF_INDICATORS]


def test_imported_scores_match_the_rules_on_a_consistent_form(tmp_path):
    project = _only(import_workbook(build.standard(tmp_path / "a.xlsx")))
    score = score_project(project, load_profile("mof2020"))
    assert score.total == project.stated_total
    assert [s.score for s in score.indicators] == [i.stated_score for i in project.indicators]


def test_hubei_form_with_20_point_execution_picks_the_hubei_profile(tmp_path):
    result = import_workbook(build.hubei(tmp_path / "hb.xlsx"))
    project = _only(result)
    assert result.document.profile_id == "hubei"
    assert result.report.projects[0].stated_execution_weight == Decimal(20)
    score = score_project(project, load_profile("hubei"))
    assert score.execution.score == Decimal("19.00")
    assert score.total == project.stated_total == Decimal("91.5")
    assert "湖北" in result.report.text()


def test_execution_written_as_an_indicator_row_is_read_as_the_execution_score(tmp_path):
    result = import_workbook(build.hubei(tmp_path / "hb.xlsx", exec_in_table=True))
    project = _only(result)
    assert result.document.profile_id == "hubei"
    assert "预算执行率" not in [i.name for i in project.indicators]
    assert len(project.indicators) == 5
    assert result.report.projects[0].stated_execution_score == Decimal(19)


def test_sichuan_nature_and_unit_columns_are_joined_into_the_typed_target(tmp_path):
    project = _only(import_workbook(build.sichuan(tmp_path / "sc.xlsx")))
    _assert_standard_project(project)


def test_a_form_without_weight_columns_imports_with_weights_to_fill_in(tmp_path):
    result = import_workbook(build.no_weights(tmp_path / "nw.xlsx"))
    project = _only(result)
    assert len(project.indicators) == len(MOF_INDICATORS)
    assert all(i.weight is None and i.stated_score is None for i in project.indicators)
    assert "没有“分值”列" in result.report.text()


def test_several_project_sheets_and_a_notes_sheet(tmp_path):
    result = import_workbook(build.several(tmp_path / "m.xlsx"))
    names = [p.name for p in result.document.projects]
    assert names == ["科技创新平台资助项目", "科学技术奖奖励项目"]
    assert result.document.projects[1].funding.annual_budget == 310 * WAN
    text = result.report.text()
    assert "【说明】未导入" in text and "读取到 2 个项目" in text


def test_amounts_in_yuan_under_a_wan_header_are_never_guessed(tmp_path):
    path = build.in_yuan(tmp_path / "yuan.xlsx")
    check = check_amounts(path)
    assert check.needs_answer
    assert "2100000" in check.question and "元" in check.question
    with pytest.raises(XlsxImportError, match="--amounts"):
        import_workbook(path)
    as_yuan = _only(import_workbook(path, amounts="yuan"))
    assert as_yuan.funding.annual_budget == 200 * WAN
    as_wan = _only(import_workbook(path, amounts="wan"))
    assert as_wan.funding.annual_budget == 2_000_000 * WAN


def test_yuan_given_away_by_a_cost_indicator_in_wan(tmp_path):
    path = build.in_yuan_small(tmp_path / "y.xlsx")
    check = check_amounts(path)
    assert check.needs_answer and "4 万元" in check.question
    assert _only(import_workbook(path, amounts="yuan")).funding.annual_budget == 4 * WAN


def test_plausible_wan_amounts_are_not_questioned(tmp_path):
    assert not check_amounts(build.standard(tmp_path / "a.xlsx")).needs_answer


def test_a_form_that_says_yuan_is_read_in_yuan_without_asking(tmp_path):
    spec = build.FormSpec(initial=2_100_000, annual=2_000_000, executed=1_900_000,
                          current=(2_100_000, 2_000_000, 1_900_000))
    path = build.save(tmp_path / "y.xlsx", ("自评", spec, {"unit": "元"}))
    result = import_workbook(path)
    assert _only(result).funding.annual_budget == 200 * WAN
    assert "单位为元" in result.report.text()


def test_unreadable_amount_is_kept_as_typed_and_reported(tmp_path):
    spec = build.FormSpec(executed="约190")
    result = import_workbook(build.save(tmp_path / "u.xlsx", ("自评", spec, {})))
    project = _only(result)
    assert project.funding.executed is None
    assert project.unread == {"funding::executed": "约190"}
    assert "约190" in result.report.text() and "（E6）" in result.report.text()


def test_unreadable_weight_is_reported_with_its_cell(tmp_path):
    inds = list(MOF_INDICATORS)
    inds[2] = inds[2][:5] + ("十分", 10, "")
    result = import_workbook(build.save(tmp_path / "w.xlsx",
                                        ("自评", build.FormSpec(indicators=inds), {})))
    assert _only(result).indicators[2].weight is None
    assert "“平台验收合格率”分值" in result.report.text()


def test_percentages_stored_as_formatted_numbers_read_as_typed(tmp_path):
    import openpyxl
    path = build.standard(tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "95%":
                cell.value, cell.number_format = 0.95, "0%"
    wb.save(path)
    project = _only(import_workbook(path))
    assert project.indicators[2].actual == "95%"


def test_title_without_a_year_leaves_the_year_to_fill_in(tmp_path):
    path = build.save(tmp_path / "ny.xlsx", ("自评", build.FormSpec(year=None), {}))
    result = import_workbook(path)
    assert result.document.year is None
    assert "评价年度请在窗口中填写" in result.report.text()


def test_a_compact_variant_with_labels_and_values_in_one_cell(tmp_path):
    """'项目名称：…' in one cell, goals one per row, amounts with 万元 written in the cell."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    rows = [
        ["2021年度项目支出绩效自评表"],
        ["项目名称：科技创新业务培训项目", None, None, "实施单位：", "高新区科技局"],
        [],
        ["项目资金", "年初预算数", "全年预算数", "全年执行数", "执行率"],
        ["年度资金总额：", "6.3万元", "6.3万元", "63000元", "100%"],
        [],
        ["预期目标", "培训100人次"],
        ["实际完成情况", "培训120人次"],
        ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "90", "90"],
        ["合计得分", None, None, None, None, "100", "100"],
    ]
    for row in rows:
        ws.append(row)
    path = tmp_path / "compact.xlsx"
    wb.save(path)
    result = import_workbook(path)
    project = _only(result)
    assert project.name == "科技创新业务培训项目"
    assert project.implementer == "高新区科技局"
    assert (project.goal_expected, project.goal_actual) == ("培训100人次", "培训120人次")
    assert project.funding.annual_budget == project.funding.executed == 63_000 * 100
    assert result.document.year == 2021
    assert project.stated_total == 100
    assert [i.name for i in project.indicators] == ["培训人次"]


def test_the_footers_phone_is_the_fillers_not_the_projects(tmp_path):
    """A footer “填表人：谢静 … 联系电话：2116276” became the project's 联系电话."""
    import openpyxl
    path = build.standard(tmp_path / "footer.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    row = ws.max_row + 2
    ws.cell(row, 1, "填表人：谢静")
    ws.cell(row, 4, "联系电话：2116276")
    wb.save(path)
    project = import_workbook(path).document.projects[0]
    assert "2116276" not in project.phone
