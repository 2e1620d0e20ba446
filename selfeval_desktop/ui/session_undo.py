"""Undo steps of :class:`selfeval_desktop.ui.session.DocumentSession`.

A step is a pair of callables (do, undo) that the session has already run once when it is pushed,
so the first ``redo()`` that ``QUndoStack.push`` makes is skipped. A macro holds plain Python
steps (not Qt child commands) and runs their undo/redo inside one transaction of the session.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .qt import QUndoCommand

if TYPE_CHECKING:     # the session, as these steps call back into it (_run_from_stack, _batch)
    from .session_base import SessionBase


class Step:
    """One edit inside a macro: plain Python, undone and redone by its macro."""

    def __init__(self, session: SessionBase, do, undo, where=None):
        self._session, self.do, self.undo, self.where = session, do, undo, where


class Command(QUndoCommand):
    """One undo step from two callables. The first redo() (from push) is skipped: already done."""

    MERGE_ID = 0x5E1F
    cancelled = False   # set by DocumentSession.cancel_steps: undone for good, no redo

    def __init__(self, session: SessionBase, text: str, do, undo, merge_key=None,
                 merge=False, where=None, states=None):
        super().__init__(text)
        self._session, self._do, self._undo, self._skip = session, do, undo, True
        self._merge_key, self._merge = merge_key, merge
        self.where = where      # session_where.Where: what the step changed (for the window)
        self.states = states    # (before, after) of a field edit, to see a merge undo itself

    def id(self):  # noqa: A003 - Qt override: edits of one field may merge
        return self.MERGE_ID if self._merge_key is not None else -1

    def mergeWith(self, other):  # noqa: N802 - Qt override
        """A ``set_value(..., merge=True)`` of the same field right after joins this step
        (a text field committed while typing and again on leaving is one Ctrl+Z)."""
        if not getattr(other, "_merge", False) or other._merge_key != self._merge_key:
            return False
        self._do = other._do
        if self.states is not None and other.states is not None:
            self.states = (self.states[0], other.states[1])
            if self.states[0] == self.states[1]:   # typed and typed back: no step at all
                self.setObsolete(True)
        return True

    def redo(self):
        if self._skip:
            self._skip = False
            return
        self._session._run_from_stack(self._do)

    def undo(self):
        if getattr(self, "_skip_undo", False):     # a redo that failed, put back (session)
            self._skip_undo = False
            return
        self._session._run_from_stack(self._undo)
        if self.cancelled:
            self.setObsolete(True)    # QUndoStack drops it: nothing left to redo


class Macro(QUndoCommand):
    """A group of edits (paste, template insert): one undo step, one transaction."""

    cancelled = False   # set by DocumentSession.cancel_steps: undone for good, no redo

    def __init__(self, session: SessionBase, text: str):
        super().__init__(text)
        self._session, self._skip = session, True
        self.steps: list[Step] = []
        self.merge_key = None     # a row created by typing: later commits of that cell join
        self.merge_step: Step | None = None

    def id(self):  # noqa: A003 - Qt override
        return Command.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other):  # noqa: N802 - Qt override
        """The cell typed into the blank row, committed again (after a pause, on Enter):
        the new row and all its commits are one undo step."""
        if self.merge_key is None or self.merge_step is None or \
                not getattr(other, "_merge", False) or other._merge_key != self.merge_key:
            return False
        self.merge_step.do = other._do
        return True

    fixed_where = None    # the place to show after an undo or redo, when not its first edit's

    @property
    def where(self):
        """What the group changed: its first edit's place (or the one it was given)."""
        if self.fixed_where is not None:
            return self.fixed_where
        return next((s.where for s in self.steps if s.where is not None), None)

    def redo(self):
        if self._skip:
            self._skip = False
            return
        self._session._batch(self._redo_steps)

    def undo(self):
        if getattr(self, "_skip_undo", False):     # a redo that failed, put back (session)
            self._skip_undo = False
            return
        self._session._batch(self.undo_steps)
        if self.cancelled:
            self.setObsolete(True)    # QUndoStack drops it: nothing left to redo

    def _redo_steps(self):
        for step in self.steps:
            self._session._run_from_stack(step.do)

    def undo_steps(self):
        for step in reversed(self.steps):
            self._session._run_from_stack(step.undo)
