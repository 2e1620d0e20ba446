"""平均分配: even weight split that never loses or creates a point."""
from decimal import Decimal

from selfeval_desktop.domain.model import Indicator
from selfeval_desktop.domain.profiles import load_profile
from selfeval_desktop.domain.weights import even_split

D = Decimal


def rows(*level1s):
    return [Indicator(level1=l1, name=f"指标{i}") for i, l1 in enumerate(level1s)]


def test_fifty_over_three_rows_sums_exactly():
    profile = load_profile("mof2020")
    shares = even_split(rows("产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"), profile)
    assert shares[:3] == [D("16.67"), D("16.67"), D("16.66")]
    assert sum(shares[:3]) == D(50)
    assert shares[3:] == [D(30), D(10)]
    assert sum(shares) == profile.indicator_total


def test_remainder_goes_to_first_rows_and_every_level_sums_to_its_weight():
    profile = load_profile("mof2020")
    inds = rows(*["产出指标"] * 7, *["效益指标"] * 9, *["满意度指标"] * 3)
    shares = even_split(inds, profile)
    assert sum(shares[:7]) == 50 and sum(shares[7:16]) == 30 and sum(shares[16:]) == 10
    assert shares[16:] == [D("3.34"), D("3.33"), D("3.33")]
    assert all(s == s.quantize(D("0.01")) for s in shares)
    assert shares[:7] == sorted(shares[:7], reverse=True)


def test_missing_satisfaction_moves_its_weight_per_profile():
    profile = load_profile("mof2020")
    shares = even_split(rows("产出指标", "效益指标", "效益指标"), profile)
    moved_to = profile.missing_satisfaction_to
    assert moved_to == "效益"
    assert shares == [D(50), D(20), D(20)]       # 效益 30 + 满意度 10 shared by two rows


def test_department_profile_weights():
    profile = load_profile("department")
    inds = rows("投入", "投入", "过程", "过程", "过程", "产出", "效益", "满意度")
    shares = even_split(inds, profile)
    assert shares == [D("7.50"), D("7.50"), D("8.34"), D("8.33"), D("8.33"), D(30), D(20), D(10)]
    assert sum(shares) == 100


def test_hubei_profile_shares_its_own_weights():
    profile = load_profile("hubei")
    inds = rows("产出指标", "产出指标", "产出指标", "效益指标", "满意度指标")
    shares = even_split(inds, profile)
    assert sum(shares) == profile.indicator_total


def test_unknown_level_one_gets_no_share():
    """The window's 平均分配 leaves such a row's 分值 as it is (tests/ui/test_indicators_tab.py)."""
    profile = load_profile("mof2020")
    inds = rows("产出指标", "其他", "满意度指标")
    inds[1].weight = D(5)
    assert even_split(inds, profile) == [D(50), None, D(10)]


def test_empty_list():
    assert even_split([], load_profile("mof2020")) == []


def test_each_level_one_heading_adds_up_its_weights_and_its_scores():
    """Seed 001 writes “过程指标 25 分，自评得分 24 分”; the window showed only 分值."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.domain.evaluation import profile_for
    from selfeval_desktop.domain.scoring import score_project
    from selfeval_desktop.domain.weights import level1_totals
    doc = build_demo("004")
    project = next(p for p in doc.projects if p.name == "信息动态公示平台建设项目")   # 82.48
    profile = profile_for(doc, project)
    score = score_project(project, profile, doc.year)
    totals = level1_totals(project.indicators, score.indicators, profile)
    assert [t.label for t in totals] == [lv.label for lv in profile.level1
                                          if any(t.label == lv.label for t in totals)]
    assert sum(t.score for t in totals) + (score.execution.score or 0) == score.total
    benefit = next(t for t in totals if t.label == "效益指标")
    assert benefit.score == Decimal("22.50") < benefit.weight == benefit.expected
    heading = project.indicators[0].level1
    before = next(t.unscored for t in totals if t.label == heading)
    project.indicators[0].actual = ""                            # a row without a score
    score = score_project(project, profile, doc.year)
    first = next(t for t in level1_totals(project.indicators, score.indicators, profile)
                 if t.label == project.indicators[0].level1)
    assert first.unscored == before + 1
