"""The boxes to sign and stamp never begin a page alone (六、主管部门审核意见（盖章）
printed alone on page 5 of 5 of seed 001's 部门整体支出绩效自评表, and on the last page of a
基本情况表 of several pages, under nothing but “…（续）”: a sheet to stamp carrying no figure), and
the narrative report ends with its 落款, kept with its last lines.

Each test lays out many forms whose texts grow a few lines at a time, so that the page break runs
through the whole closing block, and reads every page back."""
from __future__ import annotations

from copy import deepcopy
import re
import subprocess

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.reports.export import export_pdf
from tests.reports.pdf_fixtures import pdffonts, seed003, seed003_with_department, squeeze

TEXT = "项目按计划实施，各项指标均已完成，资金使用规范，档案资料齐全。"


def pages(path) -> list[str]:
    """Each page's text, white space removed (``pdftotext`` ends each page with a form feed)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return [squeeze(page) for page in out.split("\f")[:-1]]


def body_of(page: str) -> str:
    """A page without its “…（续）” heading and its footer."""
    page = re.sub(r"第\d+页共\d+页.*$", "", page)
    return re.sub(r"^(项目|部门)名称：.*?（续）", "", page)


def stamp_pages(path, first_box: str, second_box: str) -> list[str]:
    """The pages holding ``second_box`` (六), each checked to hold ``first_box`` (五) too and
    something before the signatures and seals."""
    found = []
    for page in pages(path):
        if second_box not in page:
            continue
        assert first_box in page, page[:80]
        before = body_of(page).split("评价人员")[0]
        assert re.sub(r"[一二三四五六七]、$", "", before), f"signatures and seals alone: {page[:80]}"
        found.append(page)
    return found


def growing(base, lengths, attr=None, key=None):
    """Copies of ``base``, one per length, its ``attr`` (or conclusion ``key``) that long."""
    out = []
    for i, n in enumerate(lengths, start=1):
        p = deepcopy(base)
        p.id, p.name = i, f"{base.name}{i:02d}"
        text = (TEXT * (n // len(TEXT) + 1))[:n]
        if key:
            p.conclusions[key] = text
        else:
            setattr(p, attr, text)
        out.append(p)
    return out


def test_the_basic_forms_seals_stay_with_the_score_they_attest(tmp_path):
    doc = seed003()
    doc.projects = growing(doc.projects[0], range(200, 1250, 50), attr="goal_actual")
    [path] = export_pdf(doc, tmp_path / "basic.pdf", form="basic")
    found = stamp_pages(path, "五、项目单位（评价机构）意见", "六、主管部门审核意见")
    assert len(found) == len(doc.projects)
    for page in found:          # the score and grade on the sheet that is stamped
        assert "综合得分100.00分" in page and "四、评价人员" in page
    assert all(font["emb"] == "yes" for font in pdffonts(path))


def test_a_long_basic_form_puts_its_opinions_side_by_side_rather_than_on_a_page_apart(tmp_path):
    doc = seed003()
    p = doc.projects[0]
    p.goal_actual = TEXT * 33               # the form runs to a second page
    p.unit_opinion, p.supervisor_opinion = "同意。" * 30, "同意。" * 25
    [path] = export_pdf(doc, tmp_path / "b.pdf", form="basic")
    [page] = stamp_pages(path, "五、项目单位（评价机构）意见", "六、主管部门审核意见")
    assert "综合得分" in page and ("同意。" * 25) in page


def departments(lengths):
    """One document with seed 003's 部门整体 evaluation many times, its 结果应用 growing."""
    doc, dept = seed003_with_department()
    dept.conclusions = {"achievement": "部门整体绩效目标基本实现。"}
    copies = growing(dept, lengths, key="application")
    for copy in copies:
        copy.id += 10
    doc.projects = doc.project_list() + copies
    return doc, [c.id for c in copies]


def test_the_departments_seals_are_never_on_a_page_of_their_own(tmp_path):
    doc, ids = departments(range(0, 2400, 160))
    [path] = export_pdf(doc, tmp_path / "dept.pdf", form="mof", project_ids=ids)
    found = stamp_pages(path, "四、部门（评价机构）意见", "五、主管部门审核意见")
    assert len(found) == len(ids)


def test_seed_001s_department_form_stamps_the_page_of_its_conclusions(tmp_path):
    """As seen on seed 001: page 5 of 5 held “部门名称：…（续）” and the empty 六 box only."""
    doc = build_demo("001")
    for number, project in enumerate(doc.projects, start=1):
        project.id = number
    [path] = export_pdf(doc, tmp_path / "d.pdf", form="basic", project_ids=[doc.department.id])
    [page] = stamp_pages(path, "五、部门（评价机构）意见", "六、主管部门审核意见")
    assert "三、自评结论" in page or "结果应用" in page
    assert squeeze(doc.department.conclusions["application"])[-20:] in page


def report_pages(path, unit: str) -> list[str]:
    """The pages of the reports' 落款 (unit, （盖章）, date), each checked to hold some of the text
    before it."""
    found = []
    for page in pages(path):
        if "（盖章）" not in page:
            continue
        body = body_of(page)
        assert body.find(f"{unit}（盖章）") > 0, f"the 落款 alone or split: {page[:80]}"
        found.append(body)
    return found


def test_the_report_ends_with_its_unit_seal_and_date_kept_with_its_last_lines(tmp_path):
    """The report ended with 五、评价人员 or 存在问题; seed 004's ends “高新区科技局 /
    2021年4月29日”, and one sent up without 落款 and 盖章 is returned."""
    doc = seed003()
    doc.projects = growing(doc.projects[0], range(0, 3000, 150), key="application")
    [path] = export_pdf(doc, tmp_path / "report.pdf", form="report")
    found = report_pages(path, "河池市科协")
    assert len(found) == len(doc.projects)
    for body in found:      # the last thing on the page: no date yet, written by pen
        assert body.endswith("河池市科协（盖章）年月日")


def test_the_sign_off_is_right_aligned_and_dated_when_finalized(tmp_path):
    from selfeval_desktop.domain.digest import project_digest
    doc = seed003()
    p = doc.projects[0]
    p.finalized_at, p.digest = "2021-04-29T10:30:00", project_digest(doc, p)
    [path] = export_pdf(doc, tmp_path / "report.pdf", form="report")
    text = pages(path)[-1]
    assert "河池市科协（盖章）2021年4月29日" in text
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    last = html.split("<page ")[-1]
    width = float(re.search(r'width="([\d.]+)"', html).group(1))
    x = {t: float(x0) for x0, t in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', last)}
    assert x["河池市科协"] > width / 2 and x["2021年4月29日"] > width / 2
    p.supervisor_opinion = "改动"       # changed after 定稿: the date is no longer the report's
    [path] = export_pdf(doc, tmp_path / "changed.pdf", form="report")
    assert "河池市科协（盖章）年月日" in pages(path)[-1]
