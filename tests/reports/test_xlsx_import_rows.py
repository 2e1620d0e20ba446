"""Import of the indicator table's edge rows: 预算执行率 as a real indicator (部门整体, or a project
whose funds table states the execution 分值), a total labelled 合计, the form's footer lines; and
the wording of the import report and its 复核."""
from decimal import Decimal

import openpyxl

from selfeval_desktop.domain.department import new_department
from selfeval_desktop.domain.evaluation import profile_for
from selfeval_desktop.domain.model import Document, ProjectKind, Unit
from selfeval_desktop.domain.scoring import score_project
from selfeval_desktop.reports.xlsx_export import export_workbook
from selfeval_desktop.reports.xlsx_import import check_amounts, import_workbook
from selfeval_desktop.reports.xlsx_import_review import review, review_lines

from . import xlsx_builders as build
from .xlsx_builders import MOF_INDICATORS

# (目标, 实际) for the department template's rows, in order
DEPARTMENT_VALUES = [("100%", "100%"), ("≥90%", "95%"), ("≥95%", "100%"), ("≤5%", "8%"),
                     ("健全", "达成"), ("规范", "达成"), ("100%", "100%"), ("明显", "部分达成"),
                     ("≥90%", "96%")]


def _department_doc() -> Document:
    doc = Document(unit=Unit(name="河池市科协", supervisor="河池市人民政府"), year=2020)
    dept = new_department(doc)
    for ind, (target, actual) in zip(dept.indicators, DEPARTMENT_VALUES):
        ind.target, ind.actual = target, actual
    dept.id = 1
    doc.projects.append(dept)
    return doc


def _rows(project):
    return [(i.level1, i.level2, i.name, i.target, i.actual, i.weight) for i in project.indicators]


def test_a_department_sheet_round_trips_with_its_execution_rate_indicator(tmp_path):
    doc = _department_doc()
    path = tmp_path / "dept.xlsx"
    export_workbook(doc, path)
    result = import_workbook(path)
    back = result.document.projects[0]
    original = doc.projects[0]
    assert back.kind is ProjectKind.DEPARTMENT
    assert _rows(back) == _rows(original)  # 预算执行率 kept, no 一级 reassigned
    before = score_project(original, profile_for(doc, original))
    after = score_project(back, profile_for(result.document, back))
    assert after.total == before.total


def _form_with_execution_indicator(path, **options):
    inds = list(MOF_INDICATORS)
    inds[2] = ("产出指标", "质量指标", "预算执行率", "≥95%", "96%", 10, 10, "")
    return build.save(path, ("自评", build.with_spec(indicators=inds), options))


def test_an_execution_rate_indicator_under_a_funds_table_with_its_own_weight_is_an_indicator(
        tmp_path):
    result = import_workbook(_form_with_execution_indicator(tmp_path / "e.xlsx"))
    project = result.document.projects[0]
    names = [i.name for i in project.indicators]
    assert names == [i[2] for i in MOF_INDICATORS[:2]] + ["预算执行率"] + \
        [i[2] for i in MOF_INDICATORS[3:]]
    assert [i.level1 for i in project.indicators] == [i[0] for i in MOF_INDICATORS]
    assert [i.level2 for i in project.indicators] == [i[1] for i in MOF_INDICATORS]
    score = score_project(project, profile_for(result.document, project))
    assert score.total == project.stated_total  # its 10 points are there
    assert review(result.document, result.report) == []


def test_rows_after_an_execution_score_row_keep_their_own_level_one(tmp_path):
    """The execution row read as the execution score still sets the headings for what follows."""
    inds = [("产出指标", "数量指标", "资助创新平台数量", "≥8家", "13家", 20, 20, ""),
            ("过程指标", "预算执行", "预算执行率", "100%", "95%", 20, 19, ""),
            ("过程指标", "资金管理", "资金使用合规性", "合规", "达成", 5, 5, "")]
    spec = build.with_spec(indicators=inds, total=44)
    path = build.save(tmp_path / "x.xlsx", ("自评", spec, {"funds_scores": False}))
    project = import_workbook(path).document.projects[0]
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("产出指标", "数量指标", "资助创新平台数量"), ("过程指标", "资金管理", "资金使用合规性")]


def _with_total_label_and_footer(path, label: str, footer: list[tuple[str, str]]):
    path = build.standard(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    total = next(c for row in ws.iter_rows() for c in row if c.value == "总分")
    total.value = label
    r = total.row
    for i, (a, e) in enumerate(footer, 1):
        ws.cell(row=r + i, column=1, value=a)
        if e:
            ws.cell(row=r + i, column=5, value=e)
    wb.save(path)
    return path


def test_a_total_row_labelled_heji_is_read_and_footer_lines_are_not_indicators(tmp_path):
    footer = [("填表人：张三", "联系电话：12345678"), ("填报日期：2022年3月1日", ""),
              ("注：本表金额单位为万元", "")]
    path = _with_total_label_and_footer(tmp_path / "h.xlsx", "合计", footer)
    result = import_workbook(path)
    project = result.document.projects[0]
    assert project.stated_total == Decimal("92")
    assert [i.name for i in project.indicators] == [i[2] for i in MOF_INDICATORS]


def test_footer_lines_end_the_table_even_without_a_total_row(tmp_path):
    path = _with_total_label_and_footer(tmp_path / "f.xlsx", "", [
        ("审核人：李四", "联系电话：87654321"), ("单位负责人：王五", "")])
    project = import_workbook(path).document.projects[0]
    assert len(project.indicators) == len(MOF_INDICATORS)
    assert not any("电话" in i.target or "审核" in i.name for i in project.indicators)


def test_a_qualitative_score_inside_its_met_band_is_not_called_unexplained(tmp_path):
    """13 of 15 on a 定性 row is the unit's 达成 judgement: no “已完成目标…却只有 13 分”."""
    inds = list(MOF_INDICATORS[:4]) + [
        ("效益指标", "经济效益指标", "带动农民增收", "明显", "较明显", 15, 13, ""),
        ("效益指标", "社会效益指标", "带动企业研发投入增长", "≥10%", "12%", 15, 15, ""),
        MOF_INDICATORS[5]]
    spec = build.with_spec(indicators=inds, total=9.5 + 25 + 2.5 + 10 + 5 + 13 + 15 + 10)
    result = import_workbook(build.save(tmp_path / "q.xlsx", ("自评", spec, {})))
    codes = [f.code for f in review(result.document, result.report)]
    assert "stated_below_full_unexplained" not in codes


def test_review_names_the_excel_row_of_an_indicator(tmp_path):
    result = import_workbook(build.inconsistent(tmp_path / "bad.xlsx"))
    findings = review(result.document, result.report)
    differs = next(f for f in findings if f.code == "stated_score_differs"
                   and "举办讲座次数" in f.message)
    wb = openpyxl.load_workbook(tmp_path / "bad.xlsx")
    row = next(c.row for r in wb.active.iter_rows() for c in r if c.value == "举办讲座次数")
    assert f"Excel 第{row}行" in differs.message
    assert "第2行指标" not in differs.message


def test_the_level_labels_note_does_not_claim_merged_cells(tmp_path):
    path = build.save(tmp_path / "blank.xlsx", ("自评", build.FormSpec(), {"merge": False}))
    text = import_workbook(path).report.text()
    assert "合并单元格" not in text
    assert "沿用上一行" in text


def test_amount_question_does_not_invent_a_wan_header(tmp_path):
    spec = build.with_spec(initial=2_100_000, annual=2_000_000, executed=1_900_000,
                           current=(2_100_000, 2_000_000, 1_900_000))
    bare = build.save(tmp_path / "bare.xlsx", ("自评", spec, {"unit": None}))
    question = check_amounts(bare).question
    assert question and "表头为“万元”" not in question and "未写明单位" in question
    labelled = check_amounts(build.in_yuan(tmp_path / "wan.xlsx")).question
    assert "表头为“万元”" in labelled


def test_review_does_not_say_all_agree_when_a_stated_score_could_not_be_read(tmp_path):
    inds = list(MOF_INDICATORS)
    inds[1] = inds[1][:6] + ("两分半", inds[1][7])
    spec = build.with_spec(indicators=inds, total="九十二")
    result = import_workbook(build.save(tmp_path / "u.xlsx", ("自评", spec, {})))
    findings = review(result.document, result.report)
    text = "\n".join(review_lines(result.report, findings))
    assert "复核：填报的得分与评分规则一致" not in text
    assert "未复核" in text and "举办讲座次数" in text and "总分" in text


def test_spending_lines_titled_as_the_seeds_write_them_are_read_without_their_total_row(tmp_path):
    """Seed 002 writes 费用科目 | 预算数（万元） | 实际支出（万元）| 其中专项经费 | 专项实际 and ends with
    a 合计 row: the titles are read and the 合计 row is not a spending line of its own."""
    path = build.standard(tmp_path / "lines.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    top = ws.max_row + 2
    rows = [["费用科目", "预算数（万元）", "实际支出（万元）", "其中专项经费", "专项实际"],
            ["设备费", 170, 170, 32, 32], ["材料费", 42, 42, 16, 16], ["合计", 212, 212, 48, 48]]
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            ws.cell(top + i, 1 + j, value)
    wb.save(path)
    result = import_workbook(path, "wan")
    lines = result.document.projects[0].budget_lines
    assert [(l.name, l.planned, l.actual, l.special_planned, l.special_actual) for l in lines] == [
        ("设备费", 170_000_000, 170_000_000, 32_000_000, 32_000_000),
        ("材料费", 42_000_000, 42_000_000, 16_000_000, 16_000_000)]
    assert any("“合计”行" in item and "未作为支出科目读入" in item
               for item in result.report.projects[0].read)
