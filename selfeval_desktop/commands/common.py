"""Helpers shared by the headless commands."""
from __future__ import annotations

from pathlib import Path
import sqlite3

from ..db.document import DocumentError, OpenedDocument, open_document, os_reason, sqlite_reason
from ..db.repo import load_document
from ..domain.evaluation import missing_profile_text
from ..domain.model import Document


class CommandError(Exception):
    """A failure to report as one line; ``code`` is the exit status."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


def open_for_reading(path: str, scored: bool = True) -> tuple[OpenedDocument, Document]:
    """Open a document read-only (a read command never modifies its file) and load it.

    ``scored``: the command scores it, so a file naming a rule profile this program lacks (from
    a later release) is refused in one line, not a traceback; ``check`` lists that
    among its errors and ``verify`` needs no profile."""
    try:
        opened = open_document(Path(path), readonly=True)
    except DocumentError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:  # the OS's English ("Is a directory") in Chinese
        raise CommandError(f"无法读取“{Path(path).name}”：{os_reason(exc)}") from None
    try:
        doc = load_document(opened.conn)
    except Exception as exc:  # a file of ours whose content cannot be read
        opened.close()
        raise CommandError(f"无法读取“{Path(path).name}”的内容：{reason(exc)}") from None
    missing = missing_profile_text(doc) if scored else None
    if missing:
        opened.close()
        raise CommandError(f"“{Path(path).name}”{missing}")
    return opened, doc


def reason(exc: BaseException) -> str:
    """Why something failed, in Chinese: OS and SQLite errors translated, our own messages
    (already Chinese) as they are."""
    if isinstance(exc, OSError):
        return os_reason(exc)
    if isinstance(exc, sqlite3.Error):
        return sqlite_reason(exc)
    return str(exc)


def select_projects(doc: Document, project_id: int | None):
    if project_id is None:
        return doc.projects
    chosen = [p for p in doc.projects if p.id == project_id]
    if not chosen:
        ids = "、".join(str(p.id) for p in doc.projects)
        raise CommandError(f"没有编号为 {project_id} 的项目（现有：{ids}）")
    return chosen
