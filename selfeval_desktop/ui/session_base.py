"""What the files of :class:`selfeval_desktop.ui.session.DocumentSession` share: the seams.

``DocumentSession`` is one object written in several files (modules stay under 600 lines): the
class in ``session.py`` and the mixins it derives from (``session_tx.Transactions``,
``session_projects.ProjectEdits``, ``session_finalize.FinalizeEdits``, ``session_replug.Replug``).
A mixin works on the session's state and calls methods another file defines. Each mixin derives
from :class:`SessionBase`, which names all of that in one place, grouped by the file that owns it,
so a reader (and a linter or IDE) can see what one file expects of the others without opening
them. Anything a mixin uses that it does not define itself is declared here, and so is what the
undo steps of ``session_undo`` call back (``tests/ui/test_session_seams.py`` checks both ways).

Declarations only: the annotations make no attributes and the methods exist only for type
checkers (``TYPE_CHECKING``), so at run time every lookup finds the real one, or fails loudly.
No Qt is imported here at run time.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager
    from pathlib import Path
    import sqlite3

    from ..db.document import OpenedDocument
    from ..domain.model import Document, Project
    from ..domain.scoring import ProjectScore
    from .qt import QUndoStack, SignalInstance
    from .session_undo import Macro
    from .session_where import Where


class SessionBase:
    """The session as its mixins see it (see the module docstring)."""

    # ---- state, set in DocumentSession.__init__ (session.py)
    opened: OpenedDocument           # the open file; replaced when a U盘 comes back (Replug)
    conn: sqlite3.Connection         # opened.conn
    path: Path
    readonly: bool
    document: Document               # what the window shows; every edit changes it, then the file
    undo_stack: QUndoStack
    _scores: dict[int, ProjectScore]   # score cache per project id; popped when rows change
    _macros: list[Macro]             # the open macro (session_tx), at most one
    _batch_depth: int                # > 0 while a macro or a macro's undo/redo runs
    _suspend_writes: bool            # memory only: a macro taken back, its file rolled back
    _stack_depth: int                # > 0 while QUndoStack runs one of the session's steps
    _failure: str | None             # a write failure inside a batch, said once it ends
    _last_failure: str | None        # the message _write_failure gave last
    _last_reason: str                # and its reason alone

    if TYPE_CHECKING:
        # ---- signals of DocumentSession (session.py)
        fieldChanged: SignalInstance
        projectsChanged: SignalInstance
        scoreChanged: SignalInstance
        refused: SignalInstance
        reconnected: SignalInstance

        # ---- session.py: reading, the undo machinery, saying a write failed
        def project(self, pid: int) -> Project: ...

        def score(self, pid: int) -> ProjectScore: ...

        def _push(self, text: str, do: Callable[[], None], undo: Callable[[], None],
                  merge_key: object = None, merge: bool = False,
                  where: Where | Callable[[], Where] | None = None,
                  states: tuple | None = None) -> None: ...

        def _check_writable(self, entity: str | None = None, pid: int | None = None) -> None: ...

        def _after_write(self) -> None: ...

        def _write_failure(self, exc: BaseException, what: str = ...) -> str: ...

        def _failed(self, message: str) -> None: ...

        def _recover(self, message: str) -> None: ...

        def _release_scores(self) -> None: ...

        def _run_from_stack(self, fn: Callable[[], None]) -> None: ...   # session_undo's steps

        # ---- session_tx.Transactions
        _own_tx: bool

        def _transaction(self) -> AbstractContextManager[None]: ...

        def _batch(self, fn: Callable[[], None]) -> None: ...   # session_undo.Macro

        # ---- session_finalize.FinalizeEdits
        def _refuse(self, entity: str, pid: int | None) -> str | None: ...

        # ---- session_replug.Replug
        replaced_by_another: str | None

        def _follow_replugged(self, judge: bool) -> None: ...
