"""定稿 (finalization): a content digest of a project, printed as a check code and QR code.

The receiving side recomputes the digest from an emailed file and compares it with the code on the
stamped paper: any change to what was printed (a number, a target, a name, an opinion) changes it.
Row ids, the finalization time and text still waiting to be read do not take part.
"""
from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum
import json
import re

from .model import Document, Project
from .profiles import ProfileError, normalize_style, style_of

DIGEST_VERSION = "1"
# a 部门整体's digest covers the 部门所属项目 its form prints (names, 实施单位, funds): projects
# pasted or changed after its 定稿 must not leave its code valid. Digests of version 1 still verify.
DEPARTMENT_VERSION = "2"
MEMBER_FIELDS = ("name", "implementer")
MEMBER_MONEY = ("annual_budget", "executed")
_SKIP = {"id", "finalized_at", "digest", "unread"}


def _plain(value):
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value) if f.name not in _SKIP}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value else str(value)
    if isinstance(value, dict):
        return {str(_plain(k)): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(_plain(kv[0])))}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def project_digest(doc: Document, project: Project) -> str:
    """sha256 (hex) of the project's printed content, with the unit, year and rule profile."""
    return text_digest(digest_text(doc, project))


def text_digest(text: str) -> str:
    """sha256 (hex) of a :func:`digest_text`."""
    import hashlib  # here, not at the top: the window imports this module to start, not to hash
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def digest_text(doc: Document, project: Project, version: str | None = None,
                style: str | None = None) -> str:
    """The canonical JSON whose sha256 is the digest; stored at 定稿 so that 核对 can say what
    changed since (``domain.finalized_diff``). ``version``: the current one unless asked.

    It holds the file's content only: the 等次写法 as stored (normalised), never a value derived
    from the installed rule profiles: a program without the file's profile (the receiving side
    runs an older release; a later one ships a province's rule) would compute another code and
    call a stamped, untouched file changed. ``style``: the 等次写法 to put in instead
    (:func:`candidate_texts`). The version stays: a file stamped by this program verifies on the
    earlier release too, which computes the same text when it has the profile (unless the words
    stored are the rule's own or do not fit it, which the window never stores)."""
    department = project.kind.value == "department"
    version = version or (DEPARTMENT_VERSION if department else DIGEST_VERSION)
    content = {
        "v": version,
        "unit": _plain(doc.unit),
        "year": doc.year,
        "profile": doc.department_profile_id if project.kind.value == "department" else doc.profile_id,
        "project": _plain(project),
    }
    style = normalize_style(doc.grade_names) if style is None else style
    if style:     # none stored: the rule's own words (digests of such files stay what they were)
        content["grade_names"] = style
    if department and version != "1":
        content["members"] = [
            {**{f: getattr(p, f) for f in MEMBER_FIELDS},
             **{f: getattr(p.funding, f) for f in MEMBER_MONEY}} for p in doc.project_list()]
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def finalized_department(doc: Document, pid: int | None = None, entity: str = "projects",
                         attr: str | None = None) -> Project | None:
    """The 定稿 部门整体 whose code an edit of project ``pid`` (as the window names it:
    ``entity``, ``attr``) changes — its projects' names, 实施单位, 全年预算数, 全年执行数; the
    default, "projects", is a project added, removed or moved — or None."""
    department = doc.department
    if department is None or not department.finalized_at or pid == department.id:
        return None
    touched = (entity == "projects" or (entity == "project" and attr in MEMBER_FIELDS)
               or (entity == "funding" and attr in MEMBER_MONEY))
    return department if touched else None


def versions(project: Project) -> tuple[str, ...]:
    """The digest versions a project's stored digest may be of, newest first."""
    return (DEPARTMENT_VERSION, "1") if project.kind.value == "department" else (DIGEST_VERSION,)


def legacy_style(doc: Document, project: Project) -> str | None:
    """The 等次写法 as older releases' digests held it: the words the forms print when not
    the rule's own, as the installed profiles say ("" for the rule's own words stored, or words
    that do not fit its grades). None when this program lacks the profile: such a digest cannot
    be recomputed, and guessing would let a changed 等次写法 pass."""
    from .evaluation import profile_for, rule_profile
    try:
        named, own = profile_for(doc, project), rule_profile(doc, project)
    except ProfileError:
        return None
    style = style_of(named)
    return "" if style == style_of(own) else style


def candidate_texts(doc: Document, project: Project, version: str | None = None) -> list[str]:
    """The texts a digest of ``version`` may have been made of, from the project's content now:
    the stored 等次写法 (how digests are made), then — when it differs — the one the profiles
    gave, as older releases' digests hold it (they must go on verifying)."""
    text = digest_text(doc, project, version)
    style = legacy_style(doc, project)
    if style is None or style == normalize_style(doc.grade_names):
        return [text]
    legacy = digest_text(doc, project, version, style)
    return [text] if legacy == text else [text, legacy]


def matching_text(doc: Document, project: Project) -> str | None:
    """The project's content as its stored digest was made (of that digest's version), if it
    still matches; None when it does not (changed since 定稿) or there is no digest."""
    if not project.digest:
        return None
    for version in versions(project):
        for text in candidate_texts(doc, project, version):
            if text_digest(text) == project.digest:
                return text
    return None


def text_like(doc: Document, project: Project, stored: str | None) -> str:
    """The project's content now, written as the ``stored`` text of a 定稿 was (its version, and
    its way of holding the 等次写法), to set beside it: the one of the same digest when the content
    is unchanged, else the one whose 等次写法 the stored text has (so a 定稿 made by an older
    release lists no change of words that print the same)."""
    if stored is None:
        return digest_text(doc, project)
    texts = candidate_texts(doc, project, text_version(stored))
    digest = text_digest(stored)
    same = [t for t in texts if text_digest(t) == digest]
    if same:
        return same[0]
    try:
        words = json.loads(stored).get("grade_names")
    except (ValueError, AttributeError):
        return texts[0]
    return next((t for t in texts if json.loads(t).get("grade_names") == words), texts[0])


def text_version(text: str) -> str | None:
    """The version a stored ``digest_text`` was made with."""
    try:
        return str(json.loads(text).get("v"))
    except (ValueError, AttributeError):
        return None


def check_code(digest: str) -> str:
    """The printed 校验码: the digest's first 16 hex digits in groups of four (ABCD-1234-…)."""
    head = digest[:16].upper()
    return "-".join(head[i:i + 4] for i in range(0, 16, 4))


_DIGEST = re.compile(r"[0-9a-f]{64}")


def shown_time(stamp: str | None) -> str:
    """A stored ISO time as people read it: 2026-11-21T21:37:47 → 2026-11-21 21:37.
    Text that is not an ISO time is shown as it is."""
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp.strip()).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def finalization_problem(project: Project) -> str | None:
    """Why a project's 定稿 record is incomplete or damaged (one Chinese phrase), else None.

    A finalized project has both a finalization time and a sha256 digest (64 hex digits); a
    record with only one of them, or with a digest that is not one, cannot be verified and must
    count as not matching — a file altered by hand should not pass as intact."""
    if not project.digest and not project.finalized_at:
        return None
    if not project.digest:
        return "已标记定稿，但没有记录校验码"
    if not _DIGEST.fullmatch(project.digest):
        return f"记录的校验码“{project.digest[:20]}”不是有效的校验码"
    if not project.finalized_at:
        return "有校验码，但没有记录定稿时间"
    return None


def verify_project(doc: Document, project: Project) -> bool | None:
    """True if a finalized project still matches its stored digest, False if not (an
    incomplete 定稿 record included, see :func:`finalization_problem`), None if not finalized."""
    if not project.digest and not project.finalized_at:
        return None
    if finalization_problem(project):
        return False
    return matching_text(doc, project) is not None


def verification(doc: Document, snapshots: dict | None = None) -> tuple[list[str], int, int]:
    """核对: what each finalized project's check says, as the ``verify`` command prints it and
    the window's 项目 → 核对定稿校验码 shows it; (lines, finalized count, mismatches).

    ``snapshots``: the contents stored at 定稿 (``db.repo.finalized_snapshots``), from which a
    mismatch lists what changed."""
    finalized = [p for p in doc.projects if p.digest or p.finalized_at]
    if not finalized:
        return [f"文件中没有定稿项目，无可核对（共 {len(doc.projects)} 个项目，均未定稿）"], 0, 0
    lines, bad = [], 0
    for p in finalized:
        problem = finalization_problem(p)
        if problem:
            bad += 1
            lines.append(f"不一致 [{p.id}] {p.name}  定稿记录不完整：{problem}，无法核对")
            continue
        now = project_digest(doc, p)
        if matching_text(doc, p) is not None:
            lines.append(f"一致  [{p.id}] {p.name}  校验码 {check_code(p.digest)}"
                         f"（定稿于 {shown_time(p.finalized_at)}）")
            lines.append(f"      完整摘要（二维码内容）：{p.digest}")
        else:
            bad += 1
            lines.append(f"不一致 [{p.id}] {p.name}  定稿校验码 {check_code(p.digest)}，现在内容的校验码 "
                         f"{check_code(now)}：定稿后内容被改动过")
            lines.append(f"      定稿时的完整摘要（二维码内容）：{p.digest}")
            # the 问题清单 sends the clerk here to find what changed; say what we can
            now_total = score_text(doc, p)
            from .finalized_diff import changes_lines
            snap = (snapshots or {}).get(p.digest)
            if snap is None or not snap.total:      # else said beside the paper's, in the list
                lines.append(f"   现在总分 {now_total}")
            lines += changes_lines(snap, text_like(doc, p, snap.text if snap else None),
                                   now_total)
    unfinal = len(doc.projects) - len(finalized)
    lines.append(f"共 {len(finalized)} 个定稿项目，{bad} 个不一致；{unfinal} 个项目未定稿")
    return lines, len(finalized), bad


def score_text(doc: Document, project: Project) -> str:
    """The project's total and grade as printed now (“98.00（优）”), to set beside the paper."""
    from .evaluation import profile_for
    from .profiles import ProfileError
    from .scoring import score_project, shown_grade
    try:
        score = score_project(project, profile_for(doc, project), doc.year)
    except ProfileError:   # an unknown profile: the checks say so
        return "无法计算"
    return f"{score.total}（{shown_grade(score)}）" if score.scored else "未评分"


def changed_since_finalized(doc: Document, project: Project) -> str | None:
    """Why a project marked 定稿 no longer matches its check code (one Chinese phrase), or None
    when it matches or is not finalized: changed outside the program after the paper was stamped."""
    problem = finalization_problem(project)
    if problem:
        return problem
    if not project.digest:
        return None
    if matching_text(doc, project) is not None:
        return None
    now = project_digest(doc, project)
    return (f"定稿后内容被改动过：定稿校验码 {check_code(project.digest)}，"
            f"现在内容的校验码 {check_code(now)}")
