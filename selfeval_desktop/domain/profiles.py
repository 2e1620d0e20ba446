"""Rule profiles (评分规则): the scoring rules as data files in ``resources/profiles``.

A province's variant is a new JSON file, not new code. Each profile names the execution-rate
weight (预算执行率分值), the level-one weights (一级指标权重), the method for 反向 indicators
(DESIGN: ``ratio`` 分值 × 目标 / 实际, or ``linear``), the method for 等于型 indicators (only
``ratio``: 分值 × the smaller of 目标 and 实际 / the larger — DESIGN names no other, so a file
asking for one is refused rather than scored by the ratio in silence), the overshoot threshold
(超出目标 130% 需说明), the rounding rule, the grade bands and the 定性 bands.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache
import json

from .. import RESOURCES


class ProfileError(ValueError):
    """A profile file that cannot be used; the message is Chinese."""


@dataclass(frozen=True)
class Level1:
    key: str      # stem matched against what users write: 产出 matches 产出指标
    label: str    # 产出指标
    weight: Decimal


@dataclass(frozen=True)
class QualitativeBand:
    achievement: str        # 达成 / 部分达成 / 未达成
    low: Decimal            # fraction of 分值
    high: Decimal
    high_inclusive: bool


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    description: str
    kind: str                      # "project" or "department"
    execution_weight: Decimal
    level1: tuple[Level1, ...]
    missing_satisfaction_to: str | None
    negative_method: str           # "ratio" or "linear"
    equal_method: str              # "ratio" (the only one: see the module's docstring)
    overshoot_threshold: Decimal
    rounding: str                  # "half_up" or "down"
    decimals: int
    grades: tuple[tuple[str, Decimal], ...]
    qualitative_bands: tuple[QualitativeBand, ...]

    @property
    def quantum(self) -> Decimal:
        return Decimal(1).scaleb(-self.decimals)

    def round(self, value: Decimal, places: int | None = None) -> Decimal:
        """Round a shown score by the profile's rule (四舍五入 or 截尾), to its decimals or to
        ``places`` (the 执行率 explanation's extra decimals)."""
        mode = ROUND_HALF_UP if self.rounding == "half_up" else ROUND_DOWN
        quantum = self.quantum if places is None else Decimal(1).scaleb(-places)
        return value.quantize(quantum, rounding=mode)

    def grade(self, total: Decimal) -> str:
        for name, floor in self.grades:
            if total >= floor:
                return name
        return self.grades[-1][0]

    def level1_for(self, written: str) -> Level1 | None:
        """The profile's level-one heading that a written 一级指标 belongs to."""
        text = (written or "").strip()
        for level in self.level1:
            if text.startswith(level.key) or level.key in text:
                return level
        return None

    def band(self, achievement: str) -> QualitativeBand | None:
        for band in self.qualitative_bands:
            if band.achievement == achievement:
                return band
        return None

    def expected_level1_weights(self, present: set[str]) -> dict[str, Decimal]:
        """Level-one weights the indicators should carry, given which level-one keys are present.

        A missing satisfaction heading moves its weight by the profile's rule (to 效益 by default).
        """
        weights = {lv.key: lv.weight for lv in self.level1}
        if "满意度" in weights and "满意度" not in present and self.missing_satisfaction_to:
            moved = weights.pop("满意度")
            target = self.missing_satisfaction_to
            weights[target] = weights.get(target, Decimal(0)) + moved
        return weights

    @property
    def indicator_total(self) -> Decimal:
        return sum((lv.weight for lv in self.level1), Decimal(0))


def _profile_dir():
    return RESOURCES / "profiles"


def _exact(value) -> Decimal:
    """A number from JSON as written: 0.8 (a JSON number) is 0.8, not 0.8000000000000000444."""
    if isinstance(value, bool):
        raise TypeError("not a number")
    return Decimal(str(value))


def _decimal(data: dict, key: str, source: str) -> Decimal:
    try:
        return _exact(data[key])
    except Exception as exc:
        raise ProfileError(f"评分规则文件 {source} 的“{key}”无效") from exc


EQUAL_METHODS = ("ratio",)   # 等于型: 分值 × min(实际, 目标) / max(实际, 目标) (scoring._score_equal)


def parse_profile(data: dict, source: str = "") -> Profile:
    """Build a Profile from its JSON data; raise ProfileError with a Chinese message."""
    try:
        level1 = tuple(Level1(d["key"], d["label"], _exact(d["weight"])) for d in data["level1"])
        bands = tuple(QualitativeBand(b["achievement"], _exact(b["low"]), _exact(b["high"]),
                                      bool(b["high_inclusive"])) for b in data["qualitative_bands"])
        # highest floor first, whatever order the file lists them in: grade() takes the first met
        grades = tuple(sorted(((g[0], _exact(g[1])) for g in data["grades"]),
                              key=lambda g: g[1], reverse=True))
        profile = Profile(
            id=data["id"], name=data["name"], description=data.get("description", ""),
            kind=data.get("kind", "project"),
            execution_weight=_decimal(data, "execution_weight", source),
            level1=level1, missing_satisfaction_to=data.get("missing_satisfaction_to"),
            negative_method=data.get("negative_method", "ratio"),
            equal_method=data.get("equal_method", "ratio"),
            overshoot_threshold=_decimal(data, "overshoot_threshold", source),
            rounding=data.get("rounding", "half_up"), decimals=int(data.get("decimals", 2)),
            grades=grades, qualitative_bands=bands)
    except ProfileError:
        raise
    except Exception as exc:
        raise ProfileError(f"评分规则文件 {source} 格式不正确：{exc}") from exc
    if profile.negative_method not in ("ratio", "linear"):
        raise ProfileError(f"评分规则 {profile.id}：反向指标计分方法须为 ratio 或 linear")
    if profile.equal_method not in EQUAL_METHODS:
        raise ProfileError(f"评分规则 {profile.id}：等于型指标计分方法须为 "
                           f"{'、'.join(EQUAL_METHODS)}（按实际与目标之比计分），"
                           f"本程序不支持“{profile.equal_method}”")
    if profile.rounding not in ("half_up", "down"):
        raise ProfileError(f"评分规则 {profile.id}：取舍方式须为 half_up 或 down")
    total = profile.execution_weight + profile.indicator_total
    if total != 100:
        raise ProfileError(f"评分规则 {profile.id}：执行率与一级指标分值合计为 {total}，应为 100")
    return profile


# 等次写法: the words a unit prints for the grades. The bands (90/80/60) stay the profile's; only
# the names change. Seed 003 prints 优秀, seed 000 sets 优、良、一般、差; 财预〔2020〕10号 says 优/良/中/差.
# Stored in the document as the names joined by “/” ("" = the profile's own).
GRADE_STYLES = ("优/良/中/差", "优/良/一般/差", "优秀/良好/一般/较差", "优秀/良好/合格/不合格")


# 自评等次 as units write it → the band's name in 财预〔2020〕10号's words
GRADE_WORDS = {"优秀": "优", "良好": "良", "一般": "中", "中等": "中", "合格": "中", "较差": "差",
               "不合格": "差"}


def band_word(name: str) -> str:
    """优秀 → 优, 一般/合格 → 中, 较差/不合格 → 差; the rule's own words (and any other) as they are."""
    return GRADE_WORDS.get(name, name)


def normalize_style(text: str) -> str:
    """A 等次写法 as stored and compared: full-width ／ read as /, spaces around names gone."""
    text = (text or "").replace("／", "/").strip()
    return "/".join(n.strip() for n in text.split("/")) if text else ""


def grade_names_of(text: str) -> tuple[str, ...] | None:
    """“优秀/良好/一般/较差” → its names; None for "" or a text that names an empty grade."""
    text = normalize_style(text)
    names = tuple(text.split("/"))
    return names if text and all(names) else None


def style_of(profile: Profile) -> str:
    """A profile's own grade names as a 等次写法 (“优/良/中/差”)."""
    return "/".join(name for name, _ in profile.grades)


def grade_style_problem(text: str, profile: Profile) -> str:
    """Why a stored 等次写法 cannot name ``profile``'s grades ("" if it can, or if none is set)."""
    if not (text or "").strip():
        return ""
    names = grade_names_of(text)
    if names is None or len(names) != len(profile.grades):
        return (f"等次写法“{text}”与评分规则的 {len(profile.grades)} 个等次对不上，"
                f"按评分规则的“{style_of(profile)}”打印")
    return ""


@lru_cache(maxsize=None)
def named_profile(profile: Profile, grade_names: str) -> Profile:
    """``profile`` with its grades named as the document's 等次写法 says; the profile itself when
    none is set or the names do not fit its bands (the checks say so)."""
    if grade_style_problem(grade_names, profile) or not (grade_names or "").strip():
        return profile
    names = grade_names_of(grade_names)
    return replace(profile, grades=tuple((name, floor)
                                         for name, (_, floor) in zip(names, profile.grades)))


@lru_cache(maxsize=None)
def load_profile(profile_id: str) -> Profile:
    """The bundled profile with this id. Raises ProfileError if there is none."""
    path = _profile_dir() / f"{profile_id}.json"
    if not path.is_file():
        raise ProfileError(f"找不到评分规则“{profile_id}”，可用的有：{'、'.join(available_profiles())}")
    return parse_profile(json.loads(path.read_text(encoding="utf-8")), str(profile_id))


def profile_name(profile_id: str) -> str:
    """A profile's name as people read it (财政部项目支出绩效自评…); the id if it is unknown."""
    try:
        return load_profile(profile_id).name
    except ProfileError:
        return profile_id


def available_profiles() -> list[str]:
    return sorted(p.name[:-5] for p in _profile_dir().iterdir() if p.name.endswith(".json"))


def all_profiles() -> list[Profile]:
    return [load_profile(pid) for pid in available_profiles()]
