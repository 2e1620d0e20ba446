"""Documents to print: seed 003 (河池市科协, 学术交流活动经费) as typed from its 基本情况表, and big ones."""
from __future__ import annotations

from decimal import Decimal
import re
import subprocess

from selfeval_desktop.domain.model import (BudgetLine, Document, Evaluator, FundKind, Indicator,
                                           Project, Source, Unit)
from selfeval_desktop.domain.money import parse_wan

GOAL_EXPECTED = ("1.通过对科技专家进行分类，扩大推荐人选完善人员构成，加强了联系和服务不同学科、领域科技"
                 "工作者。优化了科技工作者状况调查站点设置。\n2.通过编印《科技工作者建议》简报，供市委、"
                 "市政府和有关部门作决策参考。")


def seed003() -> Document:
    """Seed 003's 项目单位自评基本情况表, value for value."""
    p = Project(name="学术交流活动经费", implementer="河池市科协", leader="杨哲", phone="2116276",
                address="河池市西环路63号", postcode="547000", start="2020-01", end="2020-12",
                goal_expected=GOAL_EXPECTED, goal_actual="均达到预期目标", id=1,
                stated_total=Decimal(100), stated_grade="优秀")
    f = p.funding
    f.planned_total = f.arrived_total = f.spent_total = parse_wan("4")
    f.initial_budget = f.annual_budget = f.executed = parse_wan("4")
    f.by_source[Source.LOCAL].planned = f.by_source[Source.LOCAL].arrived = parse_wan("4")
    k = f.by_kind[FundKind.CURRENT]
    k.initial = k.annual = k.executed = parse_wan("4")
    p.budget_lines = [BudgetLine(code="302", name="商品和服务支出", planned=parse_wan("4"),
                                 actual=parse_wan("4"))]
    rows = [("产出指标", "质量指标", "建设专家智库（科技专家分类，完善人员构成）", "达成", "达成", "17"),
            ("产出指标", "质量指标", "优化科技工作者状况调查站点设置", "达成", "达成", "17"),
            ("产出指标", "数量指标", "编印《科技工作者建议》简报", "≥4期", "4期", "16"),
            ("效益指标", "社会效益指标", "加强联系和服务不同学科、领域科技工作者", "达成", "达成", "15"),
            ("效益指标", "社会效益指标", "为市委、市政府和有关部门决策提供参考", "达成", "达成", "15"),
            ("满意度指标", "服务对象满意度指标", "社会公众满意度", "≥90%", "100%", "10")]
    p.indicators = [Indicator(level1=a, level2=b, name=c, target=t, actual=v, weight=Decimal(w))
                    for a, b, c, t, v, w in rows]
    p.evaluators = [Evaluator("张丹妮", "副主席", "市科协"), Evaluator("覃利引", "四级调研员", "市科协"),
                    Evaluator("谢静", "副部长", "市科协")]
    unit = Unit(name="河池市科协", supervisor="河池市科协", region_word="自治区")
    return Document(unit=unit, year=2020, profile_id="mof2020", projects=[p])


# (目标, 实际) of the department template's rows
DEPARTMENT_VALUES = [("100%", "100%"), ("≥90%", "95%"), ("≥95%", "100%"), ("≤5%", "8%"),
                     ("健全", "达成"), ("规范", "达成"), ("100%", "100%"), ("明显", "达成"),
                     ("≥90%", "96%")]


def seed003_with_department():
    """Seed 003's document with a 部门整体 evaluation (the template's rows filled in, its funds
    as seed 001's 14640.83 万元 scaled down): (document, department)."""
    from selfeval_desktop.domain.department import new_department
    doc = seed003()
    dept = new_department(doc)
    for ind, (target, actual) in zip(dept.indicators, DEPARTMENT_VALUES):
        ind.target, ind.actual = target, actual
    f = dept.funding
    f.initial_budget, f.annual_budget, f.executed = (parse_wan("1464.083"), parse_wan("1464.083"),
                                                     parse_wan("1467.319"))
    dept.id = 2
    doc.projects.append(dept)
    return doc, dept


def pdftotext(path, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdffonts(path) -> list[dict]:
    """Rows of ``pdffonts``: name, type, emb, sub, uni."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    lines = out.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type [encoding words] emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def page_count(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))



def raw_text(path, first: int | None = None, last: int | None = None) -> str:
    """The text in the order it is drawn (``pdftotext -raw``), optionally of some pages only."""
    args = ["pdftotext", "-enc", "UTF-8", "-raw"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run(args + [str(path), "-"], check=True, capture_output=True, text=True).stdout


def squeeze(text: str) -> str:
    """Text without any white space (line breaks inside wrapped cells, 全角 spaces in labels)."""
    return "".join(text.split())


def assert_in_order(text: str, items) -> None:
    """Each item occurs in ``text`` after the previous one (white space ignored)."""
    flat, pos = squeeze(text), 0
    for item in items:
        want = squeeze(str(item))
        found = flat.find(want, pos)
        assert found >= 0, f"“{want[:40]}” not found after …{flat[max(0, pos - 30):pos]}"
        pos = found + len(want)


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">')
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def words_outside_page(path, margin: float = 0) -> list:
    """Word boxes (pdftotext -bbox) that reach past the page's edge less ``margin`` (pt)."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    out = []
    for page in html.split("<page ")[1:]:
        w, h = map(float, _PAGE.match("<page " + page).groups())
        for box in _WORD.findall(page):
            x0, y0, x1, y1 = map(float, box)
            if x0 < margin or y0 < margin or x1 > w - margin or y1 > h - margin:
                out.append(box)
    return out
