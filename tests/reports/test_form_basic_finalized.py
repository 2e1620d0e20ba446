"""The 基本情况表 after 定稿: the page with the seals is never detachable from
the data it approves — one page with 五/六 side by side and the QR/校验码 beside them when that
fits, else every further page names the project."""
import re
import subprocess

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import write_demo
from selfeval_desktop.domain.digest import check_code, project_digest

from .pdf_fixtures import page_count, raw_text, seed003, squeeze

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def _words(path, page=1):
    """(text, x0, y0, x1) of every word of one page."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                          check=True, capture_output=True, text=True).stdout
    return [(t, float(x0), float(y0), float(x1)) for x0, y0, x1, t in _WORD.findall(html)]


def _finalized_seed003(tmp_path):
    """Seed 003 as a clerk has it: ``demo --seed 003``, ``finalize``, ``print``."""
    db = tmp_path / "x.sqlite"
    write_demo(db, "003")
    assert main(["finalize", str(db)]) == 0
    out = tmp_path / "x.pdf"
    assert main(["print", str(db), "-o", str(out)]) == 0
    return out


def test_the_finalized_seed_003_form_stays_on_one_page_with_its_check_code(tmp_path, capsys):
    path = _finalized_seed003(tmp_path)
    assert page_count(path) == 1
    text = squeeze(raw_text(path))
    assert "项目名称：学术交流活动经费" in text
    assert re.search(r"校验码：[0-9A-F]{4}(-[0-9A-F]{4}){3}", text)
    assert "定稿时间：" in text and "校验码一致即与本纸质表内容相同" in text
    words = _words(path)
    five = next(w for w in words if w[0].startswith("五、"))
    six = next(w for w in words if w[0].startswith("六、"))
    assert abs(six[2] - five[2]) < 1 and six[1] > five[1] + 100  # side by side


def test_a_finalized_form_whose_content_changed_still_fits_one_page_with_the_notice(tmp_path):
    doc = seed003()
    p = doc.projects[0]
    p.finalized_at, p.digest = "2021-07-20T10:00:00", project_digest(doc, p)
    p.goal_actual = "均达到预期目标。"           # changed after 定稿, behind the program's back
    from selfeval_desktop.reports.export import export_pdf
    [path] = export_pdf(doc, tmp_path / "b.pdf")
    assert page_count(path) == 1
    text = squeeze(raw_text(path))
    assert "内容已改动，校验码无效" in text and check_code(p.digest) not in text


def test_a_form_that_needs_a_second_page_names_the_project_at_its_top(tmp_path):
    doc = seed003()
    p = doc.projects[0]
    p.unit_opinion = "经评价，该项目资金使用规范，绩效目标基本完成。" * 12
    p.supervisor_opinion = "同意项目单位自评结论，请进一步加强绩效管理。" * 12
    p.finalized_at, p.digest = "2021-07-20T10:00:00", project_digest(doc, p)
    from selfeval_desktop.reports.export import export_pdf
    [path] = export_pdf(doc, tmp_path / "b.pdf")
    assert page_count(path) == 2
    first = squeeze(raw_text(path, 1, 1))
    second = squeeze(raw_text(path, 2, 2))
    assert "（续）" not in first
    assert second.startswith("项目名称：学术交流活动经费（续）")
    assert "六、主管部门审核意见" in second and f"校验码：{check_code(p.digest)}" in second


def test_the_next_form_in_the_same_pdf_does_not_carry_the_previous_project_name(tmp_path):
    doc = seed003()
    p = doc.projects[0]
    p.unit_opinion = "经评价，该项目资金使用规范，绩效目标基本完成。" * 12
    other = seed003().projects[0]
    other.name, other.id = "科普宣传经费", 2
    doc.projects.append(other)
    from selfeval_desktop.reports.export import export_pdf
    [path] = export_pdf(doc, tmp_path / "b.pdf")
    pages = page_count(path)
    assert pages == 3
    assert squeeze(raw_text(path, 2, 2)).startswith("项目名称：学术交流活动经费（续）")
    last = squeeze(raw_text(path, 3, 3))
    assert "（续）" not in last and last.startswith("项目单位自评基本情况表项目名称：科普宣传经费")


def test_the_goals_as_seed_003_writes_them_still_give_one_sheet(tmp_path):
    """The seed's 预期目标 has a blank line between its two goals; that one line
    pushed 五/六 (and the 校验码) alone onto a second page of the form that is stamped."""
    from selfeval_desktop.db.document import open_document
    from selfeval_desktop.db.repo import load_document, save_document
    db = tmp_path / "x.sqlite"
    write_demo(db, "003")
    opened = open_document(db)
    doc = load_document(opened.conn)
    project = doc.project_list()[0]
    project.goal_expected = ("1.通过对科技专家进行分类，扩大推荐人选完善人员构成，加强了联系和服务不同学科、"
                             "领域科技工作者。优化了科技工作者状况调查站点设置。\n\n2.通过编印《科技工作者"
                             "建议》简报，供市委、市政府和有关部门作决策参考。")     # as a clerk typed it
    save_document(opened.conn, doc, action="test")
    opened.close()
    assert main(["finalize", str(db)]) == 0
    out = tmp_path / "x.pdf"
    assert main(["print", str(db), "-o", str(out)]) == 0
    assert page_count(out) == 1
    text = squeeze(raw_text(out))
    assert "五、" in text and "六、" in text and "校验码：" in text
