"""定稿 in :class:`selfeval_desktop.ui.session.DocumentSession`: a finalized project is read-only.

The work is :mod:`selfeval_desktop.db.finalize` (shared with the CLI). The session refuses every
edit of a finalized project, and of the unit, year and rule profile while any project is finalized
(they are part of its digest), with a Chinese message (returned, and emitted as ``refused`` for the
status bar). Finalizing clears the undo history: edits made before 定稿 must not be undone into a
finalized project. 定稿 and 撤销定稿 are explicit actions, not undo steps.
"""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from .session_base import SessionBase
from .session_tx import SessionError

if TYPE_CHECKING:
    from ..db import finalize


def _shared():
    """db.finalize (and the digest it computes), imported at the first 定稿 question, not at start."""
    from ..db import finalize
    return finalize


READONLY_MESSAGE = "文件以只读方式打开，不能修改"
FINALIZED_MESSAGE = "项目已定稿，不能修改。如需修改，请先点“项目”菜单中的“撤销定稿”"
DOCUMENT_LOCKED_MESSAGE = ("已有定稿的项目，单位、年度、评分规则和等次写法不能修改（会改变定稿项目的校验码）。"
                           "如需修改，请先撤销定稿")
_DOCUMENT_ENTITIES = ("unit", "meta")


class FinalizeEdits(SessionBase):
    """Mixed into DocumentSession: which edits are refused, and 定稿 itself. Uses the document,
    its scores, the signals and the undo stack of session.py (SessionBase)."""

    def is_finalized(self, pid: int | None) -> bool:
        try:
            return pid is not None and bool(self.project(pid).finalized_at)
        except KeyError:
            return False

    def any_finalized(self) -> bool:
        return any(p.finalized_at for p in self.document.projects)

    def project_editable(self, pid: int | None) -> bool:
        """The project can be edited: the file is writable and the project not 定稿."""
        return not self.readonly and pid is not None and not self.is_finalized(pid)

    def document_editable(self) -> bool:
        """Unit, year and rule profile can be edited: writable, and no project 定稿."""
        return not self.readonly and not self.any_finalized()

    def edit_refusal(self, entity: str, pid: int | None) -> str | None:
        """Why an edit of ``entity`` in project ``pid`` is refused (Chinese), or None."""
        if self.readonly:
            return READONLY_MESSAGE
        if entity in _DOCUMENT_ENTITIES:
            return DOCUMENT_LOCKED_MESSAGE if self.any_finalized() else None
        return FINALIZED_MESSAGE if self.is_finalized(pid) else None

    def _refuse(self, entity: str, pid: int | None) -> str | None:
        message = self.edit_refusal(entity, pid)
        if message is not None:
            self.refused.emit(message)
        return message

    # ------------------------------------------------------------ 定稿 / 撤销定稿

    def can_finalize(self, pid: int):
        """(allowed, error findings) for 定稿 of one project, with the session's cached score."""
        return _shared().can_finalize(self.document, self.project(pid), self.score(pid))

    def finalize_project(self, pid: int) -> finalize.Change:
        """定稿 one project. Raises ``db.finalize.FinalizeRefused`` when its checks report errors
        (nothing changed) and SessionError when the file cannot be written."""
        if self.readonly:
            raise SessionError(READONLY_MESSAGE)
        project = self.project(pid)
        try:
            [change] = _shared().finalize(self.conn, self.document, [project],
                                       scores={pid: self.score(pid)})
        except sqlite3.Error as exc:
            raise SessionError(self._write_failure(exc, "未定稿")) from exc
        if change.changed:
            self.undo_stack.clear()      # edits before 定稿 cannot be undone into it
            self._announce_lock(pid)
        return change

    def unfinalize_project(self, pid: int) -> finalize.Change:
        """撤销定稿: the project is editable again (its check code no longer holds)."""
        if self.readonly:
            raise SessionError(READONLY_MESSAGE)
        try:
            [change] = _shared().unfinalize(self.conn, [self.project(pid)])
        except sqlite3.Error as exc:
            raise SessionError(self._write_failure(exc, "未撤销定稿")) from exc
        if change.changed:
            self._announce_lock(pid)
        return change

    def _announce_lock(self, pid: int) -> None:
        self.fieldChanged.emit("project", pid, None, "finalized_at")
        self._after_write()
