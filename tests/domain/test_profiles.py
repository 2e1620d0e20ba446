"""Rule profiles: each bundled file holds the weights, rounding and bands its rule states."""
import copy
import json
from decimal import Decimal as D

import pytest

from selfeval_desktop.domain.profiles import (ProfileError, all_profiles, available_profiles,
                                              load_profile, parse_profile)


def weights(profile):
    return {lv.key: lv.weight for lv in profile.level1}


def test_bundled_profiles_are_all_there_and_valid():
    assert {"mof2020", "mof2020_linear", "mof2020_truncate", "hubei", "department"} <= set(
        available_profiles())
    for profile in all_profiles():
        assert profile.execution_weight + profile.indicator_total == 100, profile.id
        assert [b.achievement for b in profile.qualitative_bands] == ["达成", "部分达成", "未达成"]


def test_mof2020():
    p = load_profile("mof2020")
    assert p.execution_weight == 10 and p.kind == "project"
    assert weights(p) == {"产出": 50, "效益": 30, "满意度": 10}
    assert p.negative_method == "ratio" and p.rounding == "half_up" and p.decimals == 2
    assert p.overshoot_threshold == D("1.30")
    assert [g for g, _ in p.grades] == ["优", "良", "中", "差"]


def test_variants_differ_from_mof2020_only_where_named():
    base = load_profile("mof2020")
    linear, trunc = load_profile("mof2020_linear"), load_profile("mof2020_truncate")
    assert linear.negative_method == "linear"
    assert trunc.rounding == "down" and [g for g, _ in trunc.grades] == ["优", "良", "一般", "差"]
    for variant in (linear, trunc):
        assert weights(variant) == weights(base)
        assert variant.execution_weight == base.execution_weight
        assert variant.qualitative_bands == base.qualitative_bands


def test_hubei_execution_twenty_indicators_eighty():
    p = load_profile("hubei")
    assert p.execution_weight == 20 and p.indicator_total == 80


def test_department_weights_and_no_execution_block():
    p = load_profile("department")
    assert p.kind == "department" and p.execution_weight == 0
    assert weights(p) == {"投入": 15, "过程": 25, "产出": 30, "效益": 20, "满意度": 10}
    assert list(weights(p)) == ["投入", "过程", "产出", "效益", "满意度"]  # printed in this order


@pytest.mark.parametrize("value, half_up, down", [
    ("9.685", "9.69", "9.68"), ("9.684", "9.68", "9.68"), ("9.675", "9.68", "9.67"),
    ("89.995", "90.00", "89.99"), ("10", "10.00", "10.00"),
])
def test_rounding_rules(value, half_up, down):
    assert load_profile("mof2020").round(D(value)) == D(half_up)
    assert str(load_profile("mof2020").round(D(value))) == half_up
    assert load_profile("mof2020_truncate").round(D(value)) == D(down)


def test_grade_names_and_floors():
    mof, trunc = load_profile("mof2020"), load_profile("mof2020_truncate")
    cases = [("90", "优"), ("89.99", "良"), ("80", "良"), ("79.99", "中"), ("60", "中"),
             ("59.99", "差"), ("0", "差")]
    for total, grade in cases:
        assert mof.grade(D(total)) == grade
        assert trunc.grade(D(total)) == ("一般" if grade == "中" else grade)


# each bundled file repeats its own bands, so each file gets its own check (hubei 85, department
# 75 or mof2020_linear 85 as a floor passed): the floor and the 0.01 below it
BANDS = {
    "mof2020": ["优", "良", "中", "差"],
    "mof2020_linear": ["优", "良", "中", "差"],
    "mof2020_truncate": ["优", "良", "一般", "差"],
    "hubei": ["优", "良", "中", "差"],
    "department": ["优", "良", "中", "差"],
}


def test_every_bundled_profile_has_its_bands_checked():
    assert set(available_profiles()) <= set(BANDS)


@pytest.mark.parametrize("profile_id", sorted(BANDS))
def test_each_profile_grades_on_its_floors_90_80_60(profile_id):
    profile, names = load_profile(profile_id), BANDS[profile_id]
    cases = [("100", names[0]), ("90", names[0]), ("89.99", names[1]), ("80", names[1]),
             ("79.99", names[2]), ("60", names[2]), ("59.99", names[3]), ("0", names[3])]
    assert [(total, profile.grade(D(total))) for total, _ in cases] == cases


def test_level1_for_matches_what_users_write():
    p = load_profile("mof2020")
    assert p.level1_for("产出指标").key == "产出"
    assert p.level1_for(" 效益指标 ").key == "效益"
    assert p.level1_for("满意度").key == "满意度"
    assert p.level1_for("服务对象满意度指标").key == "满意度"
    assert p.level1_for("投入指标") is None and p.level1_for("") is None


def test_missing_satisfaction_moves_its_weight():
    p = load_profile("mof2020")
    assert p.expected_level1_weights({"产出", "效益", "满意度"}) == {"产出": 50, "效益": 30, "满意度": 10}
    assert p.expected_level1_weights({"产出", "效益"}) == {"产出": 50, "效益": 40}
    d = load_profile("department")
    assert d.expected_level1_weights({"投入", "过程", "产出", "效益"}) == {
        "投入": 15, "过程": 25, "产出": 30, "效益": 30}
    # the moved total is unchanged
    assert sum(p.expected_level1_weights({"产出", "效益"}).values()) == p.indicator_total


def test_missing_satisfaction_without_rule_keeps_weights():
    data = _data()
    data["missing_satisfaction_to"] = None
    p = parse_profile(data)
    assert p.expected_level1_weights({"产出", "效益"}) == {"产出": 50, "效益": 30, "满意度": 10}


def _data():
    from selfeval_desktop.domain.profiles import _profile_dir
    return json.loads((_profile_dir() / "mof2020.json").read_text(encoding="utf-8"))


def test_numbers_written_as_json_numbers_are_exact():
    # a province's file may write 0.8 rather than "0.80": it must not become 0.8000000000000000444
    data = _data()
    for band in data["qualitative_bands"]:
        band["low"], band["high"] = float(band["low"]), float(band["high"])
    data["overshoot_threshold"] = 1.3
    data["level1"][0]["weight"] = 50
    p = parse_profile(data)
    assert p.band("达成").low == D("0.8") and p.band("部分达成").high == D("0.8")
    assert p.overshoot_threshold == D("1.3")


def test_grades_in_any_order_still_grade_from_the_top():
    data = _data()
    data["grades"] = list(reversed(data["grades"]))
    p = parse_profile(data)
    assert p.grade(D(95)) == "优" and p.grade(D(85)) == "良" and p.grade(D(10)) == "差"


@pytest.mark.parametrize("change, words", [
    (lambda d: d["level1"][0].update(weight="55"), "合计"),
    (lambda d: d.update(negative_method="square"), "反向"),
    (lambda d: d.update(rounding="bankers"), "取舍"),
    # once read and ignored, so a province file asking for another 等于型 method
    # scored by the ratio without a word; only the ratio is implemented
    (lambda d: d.update(equal_method="linear"), "等于型指标计分方法须为 ratio"),
    (lambda d: d.update(equal_method=""), "等于型"),
    (lambda d: d.pop("level1"), "格式"),
    (lambda d: d.update(execution_weight="十"), "execution_weight"),
])
def test_bad_profile_is_refused_in_chinese(change, words):
    data = copy.deepcopy(_data())
    change(data)
    with pytest.raises(ProfileError) as err:
        parse_profile(data, "bad.json")
    assert words in str(err.value)


def test_equal_method_defaults_to_the_ratio():
    data = copy.deepcopy(_data())
    data.pop("equal_method", None)
    assert parse_profile(data).equal_method == "ratio"


def test_unknown_profile_names_the_available_ones():
    with pytest.raises(ProfileError) as err:
        load_profile("no_such_rule")
    assert "no_such_rule" in str(err.value) and "mof2020" in str(err.value)
