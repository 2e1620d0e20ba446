"""The commands' human-readable lines never name a grade for a provisional total (分值 not adding
up to 100): ``score`` and the warnings of ``print`` say “—” and why, as the window and the forms."""
import re

import pytest

from selfeval_desktop.cli import main
from selfeval_desktop.db.demo import build_demo, write_demo
from selfeval_desktop.domain.evaluation import profile_for
from selfeval_desktop.domain.scoring import score_project
from selfeval_desktop.reports.export import score_warnings

GRADES = ("优", "良", "中", "差")


@pytest.fixture(scope="module")
def demo004(tmp_path_factory):
    path = tmp_path_factory.mktemp("provisional") / "d.sqlite"
    write_demo(path, seed="004")
    return path


def _scores(doc):
    return {p.name: score_project(p, profile_for(doc, p)) for p in doc.projects}


def _blocks(out: str) -> dict[str, str]:
    """``score`` output by project: name → its lines."""
    blocks = {}
    for block in out.split("\n\n")[1:]:
        head = re.match(r"\[\d+\] (.+?)  ", block)
        blocks[head.group(1)] = block
    return blocks


def test_score_names_no_grade_anywhere_in_a_provisional_projects_lines(demo004, capsys):
    assert main(["score", str(demo004)]) == 0
    blocks = _blocks(capsys.readouterr().out)
    scores = _scores(build_demo("004"))
    provisional = [name for name, s in scores.items() if s.provisional]
    assert provisional and len(blocks) == len(scores)
    for name in provisional:
        block = blocks[name]
        assert f"等次 — （{scores[name].provisional_reason}）" in block
        assert not re.search(r"等次[：: ]*[优良中差]", block), block   # the sum line too
    final = next(name for name, s in scores.items() if s.scored and not s.provisional)
    assert f"等次：{scores[final].grade}" in blocks[final]        # a final total keeps its grade


def test_print_warnings_give_no_grade_for_a_provisional_total_and_say_why():
    doc = build_demo("004")
    scores = _scores(doc)
    for project in doc.projects:
        score = scores[project.name]
        warnings = score_warnings(doc, [project])
        if not score.provisional:
            continue
        assert len(warnings) == 1, project.name   # said, also when every row has a score
        [line] = warnings
        rows = "尚无得分" in score.provisional_reason      # the rows: said once
        assert (score.provisional_reason in line or rows and "得分暂不可信" in line) and "—" in line
        assert line.count("尚无得分") <= 1
        assert not any(f"（{g}）" in line or f"等次{g}" in line for g in GRADES), line
        assert str(score.total) not in line or "按 0 分计入总分" in line


def test_print_warns_on_stderr_about_provisional_totals(demo004, tmp_path, capsys):
    assert main(["print", str(demo004), "-o", str(tmp_path / "a.pdf")]) == 0
    err = capsys.readouterr().err
    scores = _scores(build_demo("004"))
    for name, score in scores.items():
        lines = [line for line in err.splitlines() if f"“{name}”" in line]
        if score.provisional:
            rows = "尚无得分" in score.provisional_reason   # the rows: said once
            assert any(score.provisional_reason in line or rows and "尚无得分" in line
                       and "得分暂不可信" in line for line in lines), name
        assert not any(re.search(r"（[优良中差]）", line) for line in lines if score.provisional)
