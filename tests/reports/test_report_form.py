"""项目支出绩效自评报告 (``--form report``): the narrative the seeds are, printed from what the window
holds (none of the narrative sections printed on either form)."""
from __future__ import annotations

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.model import Evaluator, Project
from selfeval_desktop.reports.export import export_pdf
from tests.reports.pdf_fixtures import pdffonts, raw_text, squeeze


def seed003():
    doc = build_demo("003")
    for number, project in enumerate(doc.projects, start=1):
        project.id = number
    return doc


def test_the_report_tells_the_project_in_the_seeds_order(tmp_path):
    doc = seed003()
    project = doc.projects[0]
    [path] = export_pdf(doc, tmp_path / "report.pdf", form="report")
    text = squeeze(raw_text(path))
    assert text.startswith("学术交流活动经费绩效自评报告")
    order = ["一、项目基本情况", "立项背景：", "资金情况：全年预算数4.00万元，全年执行数4.00万元，预算执行率100.00%",
             "二、绩效目标及完成情况", "年度总体目标（预期）：", "三级指标", "三、自评结论",
             "综合得分100.00分，自评等次：优秀", "绩效目标实现情况：", "四、经验做法",
             "五、评价人员张丹妮"]
    places = [text.index(squeeze(part)) for part in order]
    assert places == sorted(places)
    for ind in project.indicators:
        assert squeeze(ind.name)[:8] in text
    assert squeeze(project.background)[:40] in text
    assert all(font["emb"] == "yes" for font in pdffonts(path))


def test_sections_with_nothing_written_are_left_out(tmp_path):
    doc = seed003()
    bare = Project(name="空项目", id=9, evaluators=[Evaluator("张三", "科员", "县科技局")])
    doc.projects = [bare]
    [path] = export_pdf(doc, tmp_path / "bare.pdf", form="report")
    text = squeeze(raw_text(path))
    assert "一、自评结论" in text and "尚未评分" in text and "二、评价人员" in text
    assert "张三（科员，县科技局）" in text
    assert "项目基本情况" not in text and "存在问题" not in text


def test_the_cli_prints_the_report(tmp_path, capsys):
    path = tmp_path / "s003.sqlite"
    assert main(["demo", "-o", str(path), "--seed", "003"]) == 0
    out = tmp_path / "r.pdf"
    assert main(["print", str(path), "-o", str(out), "--form", "report"]) == 0
    assert "绩效自评报告" in squeeze(raw_text(out))


def test_the_indicator_table_adds_up_to_the_total_with_the_execution_row(tmp_path):
    """No 预算执行率 row and no 合计, so the rows added up to 90 while 综合得分 said 100;
    a missing figure printed as “— 万元”."""
    doc = seed003()
    doc.projects[0].funding.executed = None
    [path] = export_pdf(doc, tmp_path / "r.pdf", form="report")
    text = squeeze(raw_text(path))
    assert "预算执行率" in text[text.index("三级指标"):]
    assert "合计100.00" in text or "合计100" in text
    assert "全年执行数未填写" in text and "— 万元" not in text


def test_every_paragraph_written_is_indented_as_the_first(tmp_path):
    """In the report only each field's first paragraph was indented; the others began
    flush left, where the seeds indent every paragraph."""
    import re
    import subprocess
    doc = seed003()
    project = doc.projects[0]
    project.background = ("甲" * 120) + "\n\n乙段开始，" + "丙" * 10
    [path] = export_pdf(doc, tmp_path / "report.pdf", form="report")
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    words = [(float(x), t) for x, t in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', html)]
    flush = min(x for x, t in words if t.startswith("甲"))        # the first paragraph's 2nd line
    second = next(x for x, t in words if t.startswith("乙段"))
    assert 15 < second - flush < 30                                # two characters in, as line one


def test_the_reason_a_point_was_lost_is_in_the_report(tmp_path):
    """The 偏差原因 printed on the 自评表 was not in the report, whose reader saw a lost
    point with no reason."""
    doc = seed003()
    project = doc.projects[0]
    project.indicators[0].deviation = "机构改革期间部门职能调整，一项工作延后"
    [path] = export_pdf(doc, tmp_path / "report.pdf", form="report")
    text = squeeze(raw_text(path))
    assert squeeze(f"“{project.indicators[0].name}”偏差原因：机构改革期间部门职能调整") in text
    assert text.index("偏差原因") > text.index("三级指标")


def test_the_reason_is_quoted_the_mainland_way_and_clear_of_the_table(tmp_path):
    """“「社会公众满意度」偏差原因：…” sat against the table's bottom rule, and
    mainland official text quotes with “”, not 「」."""
    import re
    import subprocess
    doc = seed003()
    project = doc.projects[0]
    project.indicators[-1].deviation = "机构改革期间部门职能调整，一项工作延后"
    [path] = export_pdf(doc, tmp_path / "report.pdf", form="report")
    text = squeeze(raw_text(path))
    assert "“社会公众满意度”偏差原因：" in text and "「" not in text and "」" not in text
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<',
                       html)
    total_bottom = next(float(y1) for y0, y1, t in words if t == "合计")
    reason_top = next(float(y0) for y0, y1, t in words if "偏差原因" in t)
    # the 合计 row's text, its 3 pt padding and the rule, then a gap as between paragraphs
    assert reason_top - total_bottom >= 10


def test_a_total_not_final_says_why_once(tmp_path):
    """“综合得分 65.00 分（有 2 项未评分，按 0 分计），自评等次：—（2 项指标尚无得分
    （按 0 分计），得分暂不可信）” — the same fact twice, which the 自评表 no longer prints either."""
    doc = seed003()
    project = doc.projects[0]
    project.indicators[0].actual = project.indicators[1].actual = ""
    [path] = export_pdf(doc, tmp_path / "report.pdf", form="report")
    text = squeeze(raw_text(path))
    result = text[text.index("三、自评结论"):]
    result = result[:result.index("。")]
    assert result.count("按0分计") == 1 and "2项指标尚无得分" in result
    assert "自评等次：—（" in result and "未评分" not in result


def test_the_suggestions_print_with_the_problems_and_measures(tmp_path):
    """Seed 000's 五、存在问题及下一步工作建议 has (三) 建议, which had no box."""
    doc = seed003()
    project = doc.projects[0]
    project.conclusions.update({"problems": "宣传不足", "measures": "加强宣传",
                                "suggestions": "建议上级部门提前下达资金"})
    [path] = export_pdf(doc, tmp_path / "report.pdf", form="report")
    text = squeeze(raw_text(path))
    order = ["存在问题及改进措施", "存在问题：宣传不足", "改进措施：加强宣传", "建议：建议上级部门提前下达资金"]
    places = [text.index(squeeze(part)) for part in order]
    assert places == sorted(places)


WORK = ("2021年7月16日成立绩效自评工作组，组长黄雷，副组长张丹妮、韦晓泉，成员覃利引、谢静、覃贞燕。\n"
        "2021年7月18日工作组对项目资料进行了核查。")


def test_the_evaluation_work_prints_as_the_seeds_section_two(tmp_path):
    """Seed 003's 二、项目绩效评价工作情况 (工作组, dates) had no place; its
    绩效目标实现情况 began “（一）投入…” run on after the title."""
    doc = seed003()
    project = doc.projects[0]
    project.conclusions["work"] = WORK
    project.conclusions["achievement"] = "（一）投入：资金及时到位。\n（二）产出：各项指标均已完成。"
    [path] = export_pdf(doc, tmp_path / "report.pdf", form="report")
    text = squeeze(raw_text(path))
    order = ["一、项目基本情况", "二、项目绩效评价工作情况", "2021年7月16日成立绩效自评工作组",
             "三、绩效目标及完成情况", "四、自评结论", "绩效目标实现情况：（一）投入"]
    places = [text.index(squeeze(part)) for part in order]
    assert places == sorted(places)
    lines = raw_text(path).splitlines()
    assert any(line.strip() == "绩效目标实现情况：" for line in lines)     # the item on its own line


def test_a_department_report_has_no_second_place_for_its_evaluation_work(tmp_path):
    from tests.reports.pdf_fixtures import seed003_with_department
    doc, dept = seed003_with_department()
    dept.conclusions["work"] = "不应出现的文字"
    dept.implementation = "成立自评工作小组，逐项核对绩效指标。"
    [path] = export_pdf(doc, tmp_path / "d.pdf", form="report", project_ids=[dept.id])
    text = squeeze(raw_text(path))
    assert "不应出现的文字" not in text
    # its one place for the evaluation work is printed (a blank report used to pass)
    assert "部门整体支出绩效自评表（2020年度）部门名称河池市科协" in text
    assert "自评工作开展情况成立自评工作小组，逐项核对绩效指标。" in text
