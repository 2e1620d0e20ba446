"""What the 部门整体 evaluation prints after its table (its 结论 tab — the narrative,
the 评价人员 to sign, the opinions to stamp — printed nowhere)."""
from __future__ import annotations

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.model import Evaluator
from selfeval_desktop.reports.export import export_pdf
from tests.reports.pdf_fixtures import pdffonts, raw_text, squeeze


def department_file():
    doc = build_demo("001")                      # seed 001: the 部门整体 report and its 7 projects
    for number, project in enumerate(doc.projects, start=1):
        project.id = number
    dept = doc.department
    dept.evaluators = [Evaluator("王伟", "办公室主任", "新乡市科学技术局")]
    dept.unit_opinion = "经自评，我局2021年度部门整体绩效目标全部完成。"
    return doc, dept


def test_the_department_prints_its_projects_conclusions_signatures_and_seals(tmp_path):
    doc, dept = department_file()
    [path] = export_pdf(doc, tmp_path / "dept.pdf", form="basic", project_ids=[dept.id])
    text = squeeze(raw_text(path))
    table = text.index("部门整体支出绩效自评表")
    part = text[text.index("部门整体支出绩效自评情况"):]
    assert table < text.index("部门整体支出绩效自评情况")      # after the table, in one file
    assert "一、基本情况" in part and "部门职责及主要任务" in part and "自评工作开展情况" in part
    assert squeeze(dept.background)[:30] in part and squeeze(dept.implementation)[:30] in part
    assert "二、部门所属项目" in part
    for project in doc.project_list():
        assert squeeze(project.name) in part
    # 全年预算数 14315.8437, 全年执行数 14315.84, 执行率 100.00 %: the rate after it, as 14315.84 is
    # a prefix of 14315.8437 (预算数 printed twice used to pass)
    assert "合计（7个项目）14315.843714315.84100.00%" in part   # as the 部门整体 page adds them
    assert "三、自评结论" in part
    for key, title in (("problems", "存在问题"), ("measures", "改进措施")):
        assert title in part and squeeze(dept.conclusions[key])[:30] in part
    assert "四、评价人员" in part and "王伟办公室主任新乡市科学技术局" in part and "签字" in part
    assert "五、部门（评价机构）意见：" in part and "我局2021年度部门整体绩效目标全部完成" in part
    assert "六、主管部门审核意见：" in part and part.count("（盖章）") == 2
    assert all(font["emb"] == "yes" for font in pdffonts(path))


def test_sections_with_nothing_written_are_left_out_and_the_rest_renumbered(tmp_path):
    doc, dept = department_file()
    doc.projects = [dept]                        # no project of its own
    dept.conclusions = {}
    dept.background = dept.implementation = ""
    [path] = export_pdf(doc, tmp_path / "bare.pdf", form="mof", project_ids=[dept.id])
    part = squeeze(raw_text(path))
    part = part[part.index("部门整体支出绩效自评情况"):]
    assert "部门所属项目" not in part and "自评结论" not in part
    assert "一、评价人员" in part and "二、部门（评价机构）意见：" in part and "三、主管部门审核意见" in part
