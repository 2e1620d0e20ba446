"""Undo steps of :class:`selfeval_desktop.ui.session.DocumentSession`.

A step is a pair of callables (do, undo) that the session has already run once when it is pushed,
so the first ``redo()`` that ``QUndoStack.push`` makes is skipped. A macro holds plain Python
steps (not Qt child commands) and runs their undo/redo inside one transaction of the session.
"""
from __future__ import annotations

from .qt import QUndoCommand


class Step:
    """One edit inside a macro: plain Python, undone and redone by its macro."""

    def __init__(self, session: "DocumentSession", do, undo):
        self._session, self.do, self.undo = session, do, undo


class Command(QUndoCommand):
    """One undo step from two callables. The first redo() (from push) is skipped: already done."""

    def __init__(self, session: "DocumentSession", text: str, do, undo):
        super().__init__(text)
        self._session, self._do, self._undo, self._skip = session, do, undo, True

    def redo(self):
        if self._skip:
            self._skip = False
            return
        self._session._run_from_stack(self._do)

    def undo(self):
        self._session._run_from_stack(self._undo)


class Macro(QUndoCommand):
    """A group of edits (paste, template insert): one undo step, one transaction."""

    def __init__(self, session: "DocumentSession", text: str):
        super().__init__(text)
        self._session, self._skip = session, True
        self.steps: list[Step] = []

    def redo(self):
        if self._skip:
            self._skip = False
            return
        self._session._batch(self._redo_steps)

    def undo(self):
        self._session._batch(self.undo_steps)

    def _redo_steps(self):
        for step in self.steps:
            self._session._run_from_stack(step.do)

    def undo_steps(self):
        for step in reversed(self.steps):
            self._session._run_from_stack(step.undo)
