"""The 基本情况表 as a clerk signs it: one page when it fits, room to write the date by pen,
R&D cost categories by their Chinese names."""
import re
import subprocess

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.reports.export import export_pdf

from .pdf_fixtures import page_count, raw_text, seed003, squeeze

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def _words(path):
    """(text, x0, y0, x1) of every word, page after page."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [(t, float(x0), float(y0), float(x1)) for x0, y0, x1, t in _WORD.findall(html)]


def _numbered(doc):
    for i, p in enumerate(doc.projects, 1):
        p.id = i
    return doc


def test_the_date_has_room_for_year_month_and_day_by_pen(tmp_path):
    [path] = export_pdf(seed003(), tmp_path / "b.pdf")
    words = _words(path)
    years = [w for w in words if w[0] == "年"]
    assert len(years) == 2  # 五 and 六
    for year in years:
        line = sorted((w for w in words if abs(w[2] - year[2]) < 1 and w[1] >= year[1]),
                      key=lambda w: w[1])
        month, day = line[1], line[2]
        assert (month[0], day[0]) == ("月", "日")
        assert month[1] - year[3] >= 18 and day[1] - month[3] >= 18  # two characters each
        before = [w for w in words if abs(w[2] - year[2]) < 1 and w[3] <= year[1]]
        left = max((w[3] for w in before), default=year[1] - 200)
        assert year[1] - left >= 30  # room before 年 for the year


def test_a_form_too_long_for_one_page_keeps_the_full_width_opinion_boxes(tmp_path):
    doc = _numbered(build_demo("002"))
    doc.projects = doc.projects[:1]
    [path] = export_pdf(doc, tmp_path / "b.pdf")
    assert page_count(path) == 2
    words = _words(path)
    five = next(w for w in words if w[0].startswith("五、"))
    six = next(w for w in words if w[0].startswith("六、"))
    assert six[2] > five[2] + 50 and abs(six[1] - five[1]) < 1  # one below the other


def test_rd_cost_categories_print_their_names_not_program_keys(tmp_path):
    doc = _numbered(build_demo("002"))
    [path] = export_pdf(doc, tmp_path / "rd.pdf")
    text = squeeze(raw_text(path))
    assert "设备费" in text and "差旅费" in text and "按科研经费科目" in text
    assert not re.search(r"[A-Za-z_]{4,}", text.replace("selfeval", ""))


def test_the_score_and_its_grade_are_never_on_two_sheets(tmp_path):
    """Seed 000's long 预期目标 left 自评等次 alone at the top of page 2, its 综合得分 at
    the foot of page 1 — on the form that is signed and stamped."""
    line = "1.开展科技特派员服务，组织专家深入乡村开展技术培训与指导，推动农业科技成果转化应用。\n"
    split = []
    for n in range(8, 40, 1):
        doc = seed003()
        doc.projects[0].goal_expected = line * n
        [path] = export_pdf(doc, tmp_path / f"g{n}.pdf")
        pages = [squeeze(raw_text(path, p, p)) for p in range(1, page_count(path) + 1)]
        score = next(i for i, t in enumerate(pages) if "综合得分" in t)
        grade = next(i for i, t in enumerate(pages) if "自评等次" in t)
        if score != grade:
            split.append(n)
    assert split == []
