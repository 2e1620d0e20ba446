"""定稿 (finalize) and 撤销定稿 of projects in an open document: one implementation for the CLI
(``selfeval-desktop finalize``) and the window.

Finalizing a project stores the digest of its printed content (``domain.digest.project_digest``)
and the time, and the content it was made of (``domain.finalized_diff``: 核对 says what changed);
from then on the project is read-only and its forms print the check code and QR
code. A project whose checks report errors is refused unless forced: a form with wrong figures
must not carry a check code. Each change is written in one transaction with its ``history`` row;
the in-memory projects are updated only once the transaction has committed, so a refused or failed
call changes neither the file nor the memory. No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass
import sqlite3
from typing import TYPE_CHECKING

from ..domain.digest import check_code
from ..domain.finalized_diff import SNAPSHOT_PREFIX, snapshot_of
from ..domain.model import Document, Project
from ..domain.scoring import ProjectScore
from . import repo
from .document import transaction

if TYPE_CHECKING:  # domain.checks is imported when first needed: the window starts sooner
    from ..domain.checks import Finding


class FinalizeRefused(Exception):
    """Projects with errors were asked to be finalized (not forced); nothing was written.

    ``blocked``: ``[(project, [error findings])]`` in the order asked."""

    def __init__(self, blocked: list[tuple[Project, list[Finding]]]):
        self.blocked = blocked
        project, errors = blocked[0]
        super().__init__(f"「{project.name}」有 {len(errors)} 个错误（如：{errors[0].message}）")


@dataclass(frozen=True)
class Change:
    """What finalize/unfinalize did to one project."""
    project: Project
    changed: bool            # False: it already was in the state asked for
    digest: str | None       # the digest stored (finalize) or dropped (unfinalize)
    at: str | None           # the finalization time (new or earlier)

    @property
    def code(self) -> str | None:
        """The printed 校验码 of the digest."""
        return check_code(self.digest) if self.digest else None


def blocking_errors(doc: Document, project: Project,
                    score: ProjectScore | None = None) -> list[Finding]:
    """The checks' errors that keep a project from being finalized (in the 问题清单's order)."""
    from ..domain.checks import ERROR, check_project
    return [f for f in check_project(doc, project, score) if f.severity == ERROR]


def can_finalize(doc: Document, project: Project,
                 score: ProjectScore | None = None) -> tuple[bool, list[Finding]]:
    """(whether 定稿 is allowed, the errors that forbid it). A finalized project cannot be
    finalized again (nothing to do), which is not an error."""
    if project.finalized_at:
        return False, []
    errors = blocking_errors(doc, project, score)
    return not errors, errors


def finalize(conn: sqlite3.Connection, doc: Document, projects: list[Project],
             force: bool = False, scores: dict[int, ProjectScore] | None = None) -> list[Change]:
    """Finalize ``projects`` (those not finalized yet); one Change per project asked.

    Raises :class:`FinalizeRefused` (nothing written) when one of them has errors and not
    ``force``; ``sqlite3.Error`` leaves file and memory as they were.
    """
    todo = [p for p in projects if not p.finalized_at]
    if not force:
        blocked = [(p, errors) for p in todo
                   if (errors := blocking_errors(doc, p, (scores or {}).get(p.id)))]
        if blocked:
            raise FinalizeRefused(blocked)
    stamp = repo.now()
    snapshots = {id(p): snapshot_of(doc, p, stamp) for p in todo}
    digests = {key: snap.digest for key, snap in snapshots.items()}
    with transaction(conn):
        for p in todo:
            snap = snapshots[id(p)]
            repo.update_project(conn, p.id, finalized_at=stamp, digest=snap.digest)
            # the paper's content, so that 核对 can say what changed since (kept after 撤销定稿:
            # the paper printed then still exists)
            repo.set_meta(conn, SNAPSHOT_PREFIX + snap.digest, snap.record())
            repo.add_history(conn, "finalize", f"{p.id} {p.name} {snap.digest}")
    for p in todo:
        p.finalized_at, p.digest = stamp, digests[id(p)]
    return [Change(p, id(p) in digests, p.digest, p.finalized_at) for p in projects]


def unfinalize(conn: sqlite3.Connection, projects: list[Project]) -> list[Change]:
    """撤销定稿: the projects become editable again; their digests are dropped."""
    todo = [p for p in projects if p.finalized_at]
    with transaction(conn):
        for p in todo:
            repo.update_project(conn, p.id, finalized_at=None, digest=None)
            repo.add_history(conn, "unfinalize", f"{p.id} {p.name}")
    changes = [Change(p, any(p is t for t in todo), p.digest, p.finalized_at) for p in projects]
    for p in todo:
        p.finalized_at, p.digest = None, None
    return changes
