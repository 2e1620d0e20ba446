"""A whole document scored: the JSON shape of ``score --json`` and the profile of each project."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from .model import Document, Project, ProjectKind
from .profiles import Profile, ProfileError, load_profile, named_profile
from .scoring import ProjectScore, score_project, shown_grade, shown_rate


def profile_for(doc: Document, project: Project) -> Profile:
    """Projects use the document's profile; the 部门整体 evaluation uses its own. Either names
    its grades as the document's 等次写法 says."""
    if project.kind is ProjectKind.DEPARTMENT:
        return department_profile(doc)
    return project_profile(doc)


def project_profile(doc: Document) -> Profile:
    """The projects' rule profile, its grades named as the document says (ProfileError if the
    document names a profile this program does not have)."""
    return named_profile(load_profile(doc.profile_id), doc.grade_names)


def department_profile(doc: Document) -> Profile:
    return named_profile(load_profile(doc.department_profile_id), doc.grade_names)


def missing_profiles(doc: Document) -> list[str]:
    """The rule profiles the document names that this program does not have: a file from a
    later release, which ships a province's rule (scoring, printing, exporting and the window
    must refuse it in words, not end in a traceback). Both ids count, as the export states both."""
    missing = []
    for pid in dict.fromkeys((doc.profile_id, doc.department_profile_id)):
        try:
            load_profile(pid)
        except ProfileError:
            missing.append(pid)
    return missing


def missing_profile_text(doc: Document) -> str | None:
    """Why this program cannot score ``doc`` (a phrase to follow the file's name: “使用评分规则
    “guangxi”，本程序没有…”), or None when it has every profile the file names."""
    missing = missing_profiles(doc)
    if not missing:
        return None
    names = "、".join(f"“{pid}”" for pid in missing)
    return f"使用评分规则{names}，本程序没有，请升级本程序"


def rule_profile(doc: Document, project: Project) -> Profile:
    """The project's profile with the rule's own grade names (优/良/中/差), whatever the
    document's 等次写法: for scripts and the receiving side's summary, which count grades."""
    return load_profile(doc.department_profile_id if project.kind is ProjectKind.DEPARTMENT
                        else doc.profile_id)


def shown_rule_grade(doc: Document, project: Project, score: ProjectScore) -> str:
    """The grade as printed (— while provisional, 未评分 without a total), in the rule's own
    words: 优秀 under the document's 等次写法 is 优 here."""
    shown = shown_grade(score)
    if not score.scored or shown != score.grade:
        return shown
    return rule_profile(doc, project).grade(score.total)


def _s(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def weight_text(weight: Decimal | None, profile: Profile) -> str | None:
    """A 分值 as the profile shows scores ("15" and "15.00" both → "15.00"); a weight typed with
    more decimals than the profile shows keeps them all ("7.125"), never rounded away."""
    if weight is None:
        return None
    try:
        shown = weight.quantize(profile.quantum)
    except InvalidOperation:  # too many digits to show with the profile's decimals
        shown = None
    return str(shown) if shown == weight else format(weight.normalize(), "f")


def project_result(doc: Document, project: Project, score: ProjectScore | None = None) -> dict:
    profile = profile_for(doc, project)
    score = score or score_project(project, profile, doc.year)
    ex = score.execution
    return {
        "id": project.id, "name": project.name, "kind": project.kind.value,
        "profile": profile.id,
        # the fraction of the shown percentage (0.9999 for 99.99% where the profile truncates)
        "execution": {"rate": _s(None if ex.rate is None
                                  else shown_rate(ex.rate, profile).scaleb(-2)),
                      "score": _s(ex.score), "weight": weight_text(ex.weight, profile),
                      "explanation": ex.explanation},
        "indicators": [{
            "level1": ind.level1, "level2": ind.level2, "name": ind.name,
            "target": ind.target, "actual": ind.actual, "weight": weight_text(ind.weight, profile),
            "score": _s(s.score), "stated": _s(ind.stated_score), "explanation": s.explanation,
        } for ind, s in zip(project.indicators, score.indicators)],
        # 未评分: no total at all (null), never 0.00 / 差
        "scored": score.scored, "total": _s(score.total) if score.scored else None,
        # as printed: “—” for a provisional total (not "中" here and “—” on paper);
        # the band the total falls in, whatever its state, is rule_grade
        "grade": shown_grade(score),
        "rule_grade": score.grade if not score.scored else rule_profile(doc, project).grade(score.total),
        # 分值 not adding up to 100, rows unscored, …: the grade is not to be shown
        "provisional": score.provisional, "provisional_reason": score.provisional_reason,
        "stated_total": _s(project.stated_total), "explanation": score.explanation,
    }


def evaluate_document(doc: Document) -> dict:
    """``{"unit", "year", "profile", "projects": [...]}``, every number a decimal string."""
    profile = project_profile(doc)
    return {"unit": doc.unit.name, "year": doc.year, "profile": profile.id,
            "profile_name": profile.name,
            "projects": [project_result(doc, p) for p in doc.projects]}
