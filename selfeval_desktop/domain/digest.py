"""定稿 (finalization): a content digest of a project, printed as a check code and QR code.

The receiving side recomputes the digest from an emailed file and compares it with the code on the
stamped paper: any change to what was printed (a number, a target, a name, an opinion) changes it.
Row ids, the finalization time and text still waiting to be read do not take part.
"""
from __future__ import annotations

from dataclasses import fields, is_dataclass
from decimal import Decimal
from enum import Enum
import hashlib
import json

from .model import Document, Project

DIGEST_VERSION = "1"
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
    content = {
        "v": DIGEST_VERSION,
        "unit": _plain(doc.unit),
        "year": doc.year,
        "profile": doc.department_profile_id if project.kind.value == "department" else doc.profile_id,
        "project": _plain(project),
    }
    data = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def check_code(digest: str) -> str:
    """The printed 校验码: the digest's first 16 hex digits in groups of four (ABCD-1234-…)."""
    head = digest[:16].upper()
    return "-".join(head[i:i + 4] for i in range(0, 16, 4))


def verify_project(doc: Document, project: Project) -> bool | None:
    """True if a finalized project still matches its stored digest, False if not, None if not finalized."""
    if not project.digest:
        return None
    return project_digest(doc, project) == project.digest
