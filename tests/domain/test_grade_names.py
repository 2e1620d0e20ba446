"""等次写法: a document may print its grades in the words its region uses (seed 003 prints 优秀,
seed 000 sets 优、良、一般、差). The bands stay the rule's; every output (window, forms, Excel, the
command line) uses the chosen words, and a stored style that does not fit is said, not dropped."""
from __future__ import annotations

from decimal import Decimal
import json

from selfeval_desktop.cli import main
from selfeval_desktop.db import repo
from selfeval_desktop.db.demo import build_demo, write_demo
from selfeval_desktop.db.document import open_document
from selfeval_desktop.domain.checks import run_checks
from selfeval_desktop.domain.digest import project_digest
from selfeval_desktop.domain.evaluation import evaluate_document, profile_for
from selfeval_desktop.domain.profiles import load_profile, named_profile
from selfeval_desktop.domain.rollover import next_year
from selfeval_desktop.domain.scoring import score_project

STYLE = "优秀/良好/一般/较差"


def test_the_names_change_and_the_bands_stay():
    named = named_profile(load_profile("mof2020"), STYLE)
    assert [g for g, _ in named.grades] == ["优秀", "良好", "一般", "较差"]
    assert [f for _, f in named.grades] == [f for _, f in load_profile("mof2020").grades]
    assert (named.grade(Decimal("90")), named.grade(Decimal("89.99"))) == ("优秀", "良好")
    assert (named.grade(Decimal("60")), named.grade(Decimal("59.99"))) == ("一般", "较差")
    assert named_profile(load_profile("mof2020"), "") is load_profile("mof2020")


def test_seed_003_grades_as_its_report_prints_it():
    doc = build_demo("003")
    assert doc.grade_names == STYLE                     # the demo prints the report's 优秀
    doc.grade_names = ""
    project = doc.projects[0]
    assert score_project(project, profile_for(doc, project), doc.year).grade == "优"
    doc.grade_names = STYLE
    score = score_project(project, profile_for(doc, project), doc.year)
    assert (str(score.total), score.grade) == ("100.00", "优秀")      # 综合得分 100分, 自评等次 优秀
    result = evaluate_document(doc)["projects"][0]
    # as printed; in the rule's own words for scripts that count grades
    assert (result["grade"], result["rule_grade"]) == ("优秀", "优")


def test_a_style_that_does_not_fit_is_said_and_the_rules_words_are_used():
    doc = build_demo("003")
    doc.grade_names = "好/坏"
    project = doc.projects[0]
    assert score_project(project, profile_for(doc, project), doc.year).grade == "优"
    found = [f for f in run_checks(doc) if f.code == "grade_names_unusable"]
    assert len(found) == 1 and "“好/坏”" in found[0].message and found[0].place.field == "grade_names"
    doc.grade_names = STYLE
    assert not [f for f in run_checks(doc) if f.code == "grade_names_unusable"]


def test_stored_with_the_file_carried_to_next_year_and_in_the_digest(tmp_path):
    path = tmp_path / "hc.sqlite"
    write_demo(path, seed="003")
    opened = open_document(path)
    doc = repo.load_document(opened.conn)
    assert doc.grade_names == STYLE
    doc.grade_names = ""
    repo.save_document(opened.conn, doc)
    before = project_digest(doc, doc.projects[0])
    doc.grade_names = STYLE
    repo.save_document(opened.conn, doc)
    again = repo.load_document(opened.conn)
    opened.close()
    assert again.grade_names == STYLE
    assert next_year(again).grade_names == STYLE
    # printed words are in the check code once chosen; a file without a style keeps its code
    assert project_digest(again, again.projects[0]) != before
    again.grade_names = ""
    assert project_digest(again, again.projects[0]) == before


def test_the_command_line_prints_the_chosen_words(tmp_path, capsys):
    path = tmp_path / "hc.sqlite"
    doc = build_demo("003")
    doc.grade_names = STYLE
    from selfeval_desktop.db.document import create_document
    opened = create_document(path)
    repo.save_document(opened.conn, doc)
    opened.close()
    assert main(["score", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["projects"][0]["grade"] == "优秀"


def test_the_check_code_follows_what_prints_not_how_it_was_stored(tmp_path):
    """Spaces around the words, the rule's own words stored, or words that do not
    fit each changed the check code though the page printed the same. The code
    holds the words as stored (normalised), never what the installed profiles make of them; a
    project stamped with none stored still verifies once words that print the same are stored."""
    from selfeval_desktop.domain.digest import verify_project
    doc = build_demo("003")
    doc.grade_names = ""
    project = doc.projects[0]
    plain = project_digest(doc, project)
    doc.grade_names = "  "
    assert project_digest(doc, project) == plain
    project.digest, project.finalized_at = plain, "2021-07-20T10:00:00"
    for same in ("优/良/中/差", "好/坏", " 优 / 良／中/差 "):
        doc.grade_names = same
        assert verify_project(doc, project) is True, same
    doc.grade_names = STYLE
    assert verify_project(doc, project) is False
    project.digest = project.finalized_at = None
    styled = project_digest(doc, project)
    doc.grade_names = " 优秀／良好 / 一般/较差 "
    assert project_digest(doc, project) == styled != plain


def test_the_summary_of_several_units_counts_grades_in_the_rules_words(tmp_path, capsys):
    """One unit's 优秀 beside another's 优 in the 汇总's 等次 column: a finance
    bureau counting 优 missed it."""
    from selfeval_desktop.domain.evaluation import shown_rule_grade
    doc = build_demo("003")
    project = doc.projects[0]
    score = score_project(project, profile_for(doc, project), doc.year)
    assert (score.grade, shown_rule_grade(doc, project, score)) == ("优秀", "优")
