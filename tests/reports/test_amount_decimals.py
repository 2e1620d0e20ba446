"""万元 and 分值 on paper, one way in every cell.

A 财政局 reader expects 万元 to two decimals: one column read 8.1437 / 15.56 / 4.4 / 0. Money is
exact 分, so a 分 the clerk typed (seed 001 itself writes 8.1437 万元) is never rounded away: two
decimals at least, more only where typed. 分值 print to the 得分's two decimals beside them, as the
narrative report already did (12.50).
"""
from __future__ import annotations

from decimal import Decimal

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.model import FundKind
from selfeval_desktop.domain.money import parse_wan
from selfeval_desktop.reports.export import export_pdf

from .pdf_fixtures import raw_text, seed003, squeeze


def numbered(doc):
    for number, project in enumerate(doc.projects, start=1):
        project.id = number
    return doc


def printed(tmp_path, doc, form, ids=None, name="f.pdf") -> str:
    [path] = export_pdf(doc, tmp_path / name, form=form, project_ids=ids)
    return squeeze(raw_text(path))


def test_the_department_lists_its_projects_amounts_to_two_decimals_keeping_the_typed_ones(tmp_path):
    doc = numbered(build_demo("001"))
    text = printed(tmp_path, doc, "mof", [doc.department.id])
    part = text[text.index("二、部门所属项目"):]
    assert "专业技术职务任职资格评审费新乡市科学技术局8.14378.1499.95%" in part   # as the seed writes it
    assert "科普经费新乡市科学技术局15.5615.56100.00%" in part
    assert "信息化替代新乡市科学技术局4.404.40100.00%" in part                  # was 4.4
    assert "技术创新引导专项（结转项目）新乡市科学技术局0.000.00" in part         # was 0
    assert "合计（7个项目）14315.843714315.84100.00%" in part    # the rate ends 执行数
    assert "年度资金总额14640.8314673.19100.22%" in text                       # its own funds


def seed003_at(budget: str):
    """Seed 003 (分值 16.67 / 16.67 / 16.66 / 15 / 15 / 10) with its 全年预算数 ``budget``."""
    doc = numbered(build_demo("003"))
    p = doc.projects[0]
    p.funding.annual_budget = p.funding.by_kind[FundKind.CURRENT].annual = parse_wan(budget)
    return doc


def test_the_mof_form_and_the_report_print_amounts_to_two_decimals(tmp_path):
    doc = seed003_at("4.4")
    text = printed(tmp_path, doc, "mof")
    assert "年度资金总额4.004.404.00" in text                  # 4 → 4.00, 4.4 → 4.40
    assert "其中：当年财政拨款4.004.404.00—90.91%—" in text
    report = printed(tmp_path, doc, "report", name="r.pdf")
    assert "资金情况：全年预算数4.40万元，全年执行数4.00万元" in report


def test_an_amount_typed_to_the_fen_keeps_every_decimal(tmp_path):
    doc = numbered(build_demo("002"))             # 天成: 差旅费 0.0005, 支出合计 265.0005
    text = printed(tmp_path, doc, "basic", [2])
    assert "0.0005" in text and "265.0005" in text


def test_the_basic_form_prints_its_amounts_to_two_decimals(tmp_path):
    doc = numbered(build_demo("002"))             # 北塑: 240 (专项 52), lines 170/42/1.5/5.5/0.5 …
    text = printed(tmp_path, doc, "basic", [1])
    assert "计划安排资金（万元）240.00实际到位资金（万元）" in text
    assert "170.00（其中专项32.00）" in text and "1.50（其中专项0.50）" in text


def test_the_mof_form_prints_weights_as_its_scores_and_as_the_report(tmp_path):
    doc = seed003_at("4.4")
    text = printed(tmp_path, doc, "mof")
    assert "年度资金总额4.004.404.0010.0090.91%9.09" in text      # 分值 10.00 (was 10)
    assert text.count("15.0015.00") == 2 and "10.0010.00" in text     # 15 and 10 were printed
    assert "16.6716.67" in text and "16.6616.66" in text
    assert "总分100.0099.09" in text                                  # 分值 100 beside 得分 99.09
    report = printed(tmp_path, doc, "report", name="r.pdf")           # the same 分值 in the report
    assert "15.0015.00" in report and "合计100.0099.09" in report


def test_the_department_form_prints_weights_as_its_scores(tmp_path):
    doc = numbered(build_demo("001"))
    text = printed(tmp_path, doc, "mof", [doc.department.id])
    assert "预算执行率100%12.50" in text and "专项资金细化率（达成）3.003.00" in text  # 12.5, 3


def test_a_weight_typed_finer_keeps_every_decimal(tmp_path):
    doc = numbered(seed003())
    doc.projects[0].indicators[-1].weight = Decimal("10.125")
    text = printed(tmp_path, doc, "mof")
    assert "社会公众满意度≥90%100%10.12510.12" in text        # 分值 as typed; 得分 as the rule rounds
