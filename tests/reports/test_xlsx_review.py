"""复核 of received forms: every stated score that does not follow from the rules is listed."""
from selfeval_desktop.reports.xlsx_import import import_workbook
from selfeval_desktop.reports.xlsx_import_review import review

from . import xlsx_builders as build
from .xlsx_builders import MOF_INDICATORS


def _review(path):
    result = import_workbook(path)
    return review(result.document, result.report)


def _codes(findings):
    return sorted(f.code for f in findings)


def test_a_consistent_form_passes_review_silently(tmp_path):
    assert _review(build.standard(tmp_path / "a.xlsx")) == []


def test_a_consistent_hubei_form_passes_review_under_the_hubei_profile(tmp_path):
    assert _review(build.hubei(tmp_path / "hb.xlsx")) == []


def test_review_of_several_consistent_sheets_is_silent(tmp_path):
    assert _review(build.several(tmp_path / "m.xlsx")) == []


def test_each_inconsistency_is_listed_with_both_values(tmp_path):
    findings = _review(build.inconsistent(tmp_path / "bad.xlsx"))
    by_code = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    # 2.5 by the rule (1 of 4 lectures), stated 5
    differs = [f for f in by_code["stated_score_differs"] if "举办讲座次数" in f.message]
    assert differs and "5 分" in differs[0].message and "2.50" in differs[0].message
    assert "1 / 4 次" in differs[0].message  # the explanation
    # stated 12 of a 10-point indicator
    above = by_code["stated_above_weight"][0]
    assert "12 分" in above.message and "10 分" in above.message
    assert above.place.row == 2
    # target met (13 ≥ 8) but stated 20 of 25 with no reason
    unexplained = by_code["stated_below_full_unexplained"]
    assert len(unexplained) == 1 and "资助创新平台数量" in unexplained[0].message
    assert unexplained[0].place.field == "deviation"
    # 95% executed under MoF → 9.5, stated 10
    execution = by_code["execution_stated_differs"][0]
    assert "10 分" in execution.message and "9.50" in execution.message
    # stated total 99 vs the stated parts 10 + 82 = 92
    summed = by_code["stated_total_sum"][0]
    assert "99" in summed.message and "92" in summed.message


def test_a_met_target_below_full_with_a_reason_is_not_flagged_as_unexplained(tmp_path):
    inds = list(MOF_INDICATORS)
    inds[0] = inds[0][:6] + (20, "部分平台资助延至次年")
    spec = build.FormSpec(indicators=inds, total=87)
    findings = _review(build.save(tmp_path / "r.xlsx", ("自评", spec, {})))
    assert "stated_below_full_unexplained" not in _codes(findings)
    assert "stated_score_differs" in _codes(findings)  # still differs from the rule's 25


def test_an_execution_score_that_follows_from_the_rate_is_accepted(tmp_path):
    spec = build.FormSpec(exec_score=9.5)
    codes = _codes(_review(build.save(tmp_path / "e.xlsx", ("自评", spec, {}))))
    assert not [c for c in codes if c.startswith("execution")]


def test_a_10_point_execution_under_a_20_point_form_is_flagged(tmp_path):
    spec = build.FormSpec(exec_weight=20, exec_score=19)
    result = import_workbook(build.save(tmp_path / "e.xlsx", ("自评", spec, {})))
    result.document.profile_id = "mof2020"  # the user chose the MoF rules for this file
    codes = _codes(review(result.document, result.report))
    assert "execution_weight_differs" in codes and "execution_stated_differs" in codes


def test_a_stated_total_that_does_not_add_up(tmp_path):
    spec = build.FormSpec(total=95)
    findings = _review(build.save(tmp_path / "t.xlsx", ("自评", spec, {})))
    assert "stated_total_sum" in _codes(findings)
    assert "stated_total_differs" in _codes(findings)
    summed = [f for f in findings if f.code == "stated_total_sum"][0]
    assert "95" in summed.message and "92" in summed.message
