"""The open document: in-memory Document + SQLite connection + QUndoStack.

Every edit the window makes goes through :class:`DocumentSession`: a QUndoCommand updates the
in-memory object, the score cache is refreshed (one indicator = ``score_indicator`` + ``combine``),
signals tell the views, and the change is written through ``db.repo`` and committed at once
(autosave). Undo and redo write through repo too. A macro (paste, template insert) is one undo step
and one SQLite transaction (session_tx). If a write fails — a statement or its COMMIT — the memory
is put back and nothing on disk changes.

The class is written in several files, joined as mixins. What one file expects of the others is
named in ``session_base.SessionBase``, which every mixin derives from:

- ``session.py`` (here): the state; reading (``project``, ``score``, ``rows``, ``unread``);
  field edits (``set_value``); row edits (``insert_rows``, ``remove_rows``, ``move_row``); the
  undo machinery (``_push``, ``_run_from_stack``, ``cancel_steps``, ``reload`` after a failed
  undo); batching ``scoreChanged``; saying a write failed (``_write_failure``, ``_failed``).
- ``session_tx.Transactions``: one SQLite transaction per edit, COMMIT failures rolled back;
  ``macro()``: edits grouped into one undo step and one transaction.
- ``session_projects.ProjectEdits``: add, remove, move and duplicate projects, and copy one in
  from another file.
- ``session_finalize.FinalizeEdits``: which edits are refused and why (read-only, 定稿), and
  定稿 / 撤销定稿.
- ``session_replug.Replug``: the file come back at its path (a U盘 plugged back in) or replaced.

Helpers, not mixins: ``session_undo`` (the QUndoCommands: Step, Command, Macro),
``session_fields`` (where each field lives, how typed text is read), ``session_rows`` (row writes
that keep ids for undo) and ``session_where`` (an undo step's name and place in the window).
"""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from ..db import repo
from ..db.document import OpenedDocument, sqlite_reason
from ..domain.evaluation import profile_for
from ..domain.model import Document, Project
from ..domain.profiles import Profile
from ..domain.scoring import IndicatorScore, ProjectScore, combine, score_execution, \
    score_indicator, score_project
from . import session_fields as fields
from . import session_rows as rows
from .qt import QObject, QTimer, QUndoStack, Signal
from .session_fields import MONEY, DECIMAL, ROW_LISTS, FieldRef
from .session_finalize import READONLY_MESSAGE, FinalizeEdits
from .session_projects import ProjectEdits
from .session_replug import Replug
from .session_tx import SessionError, Transactions
from .session_undo import Command, Macro, Step
from .session_where import Where, edit_name, rows_name

_SCORE_ENTITIES = ("indicator", "funding", "source", "fund_kind")


class DocumentSession(QObject, ProjectEdits, FinalizeEdits, Transactions, Replug):
    fieldChanged = Signal(str, int, object, str)   # entity, project_id, row_key, attr
    rowsChanged = Signal(str, int)                 # entity, project_id
    projectsChanged = Signal()
    scoreChanged = Signal(int)                     # project_id
    saved = Signal(str)                            # "已保存 14:03:22"
    documentReplaced = Signal()
    writeFailed = Signal(str)                      # Chinese message: a write failed, nothing changed
    refused = Signal(str)                          # Chinese message: an edit refused (read-only, 定稿)
    reconnected = Signal()                         # the file came back at its path (session_replug)

    def __init__(self, opened: OpenedDocument | sqlite3.Connection, parent=None):
        super().__init__(parent)
        if isinstance(opened, sqlite3.Connection):
            opened = OpenedDocument(opened, Path(":memory:"))
        self.opened = opened
        self.conn: sqlite3.Connection = opened.conn
        self.path: Path = opened.path
        self.readonly: bool = opened.readonly
        self.write_error: str | None = None   # the last write's failure, until one succeeds
        self.document: Document = repo.load_document(self.conn)
        self._note_identity()           # the file opened, to see a U盘 plugged back in (replug)
        self.undo_stack = QUndoStack(self)
        self._scores: dict[int, ProjectScore] = {}
        self._macros: list[Macro] = []
        self._batch_depth = 0
        self._held_scores: dict[int, None] = {}   # scoreChanged held back while a batch runs
        self._suspend_writes = False
        self._failure: str | None = None
        self._last_failure: str | None = None   # the message _write_failure gave last
        self._last_reason = ""                  # and its reason alone
        self._history_lost = False
        self._failed_at: int | None = None   # the stack's index before an undo/redo that failed
        self._stack_depth = 0     # > 0 while QUndoStack runs one of our steps

    # ------------------------------------------------------------ reading

    def project(self, pid: int) -> Project:
        for p in self.document.projects:
            if p.id == pid:
                return p
        raise KeyError(f"no project {pid}")

    def profile(self, pid: int) -> Profile:
        return profile_for(self.document, self.project(pid))

    def score(self, pid: int) -> ProjectScore:
        cached = self._scores.get(pid)
        if cached is None:
            cached = self._scores[pid] = score_project(self.project(pid), self.profile(pid),
                                                        self.document.year)
        return cached

    def indicator_score(self, pid: int, row_id: int) -> IndicatorScore:
        project = self.project(pid)
        for ind, s in zip(project.indicators, self.score(pid).indicators):
            if ind.id == row_id:
                return s
        raise KeyError(f"no indicator {row_id} in project {pid}")

    def rows(self, entity: str, pid: int) -> list:
        return getattr(self.project(pid), ROW_LISTS[entity])

    def unread(self, entity: str, pid: int, row_key, attr: str) -> str | None:
        """Text typed into this field that could not be read (kept as typed), or None."""
        return self.project(pid).unread.get(fields.unread_key(entity, row_key, attr))

    def unread_error(self, entity: str, pid: int, row_key, attr: str) -> str | None:
        """The Chinese reason the kept text of this field could not be read, or None."""
        text = self.unread(entity, pid, row_key, attr)
        if text is None:
            return None
        return fields.parse(fields.kind_of(entity, attr), text)[1] or "无法识别"

    # ------------------------------------------------------------ field edits

    def set_value(self, entity: str, pid: int | None, row_key, attr: str, value,
                  merge: bool = False) -> str | None:
        """One undoable edit of one field; returns the Chinese error for unreadable text, else None.

        ``merge=True``: if the last undo step edited the same field, this edit joins it (a text
        field committed while typing and again on leaving is one undo step).

        Money and Decimal fields take the text as typed (read as a pasted cell is read);
        unreadable text is kept in ``Project.unread`` (shown red) and the value cleared, so the
        score never uses an amount the screen does not show. Outside a macro a failed write returns its
        message (and emits ``writeFailed``); inside a macro it raises so the macro is rolled back.
        """
        refusal = self._refuse(entity, pid)
        if refusal is not None:
            return refusal
        if not self._own_tx:          # before the edit touches memory (session_replug)
            self._follow_replugged(judge=True)
        kind = fields.kind_of(entity, attr)
        ref = FieldRef(entity, int(pid or 0), row_key, attr)
        project = None if entity in ("unit", "meta") else self.project(ref.pid)
        old_value = fields.get(self.document, project, ref)
        old_unread = project.unread.get(ref.key) if project is not None else None
        new_value, error = fields.parse(kind, value)
        if error is not None:
            if kind not in (MONEY, DECIMAL) or project is None:
                return error
            new_state = (None, str(value))
        else:
            new_state = (new_value, None)
        old_state = (old_value, old_unread)
        if new_state == old_state:
            return error
        try:
            self._push(edit_name(entity, row_key, attr), lambda: self._apply_field(ref, new_state),
                       lambda: self._apply_field(ref, old_state), merge_key=ref, merge=merge,
                       where=Where(pid or None, entity, row_key, attr),
                       states=(old_state, new_state))
        except SessionError as exc:
            if self._macros:
                raise
            self._failed(str(exc))
            return str(exc)
        return error

    def _apply_field(self, ref: FieldRef, state) -> None:
        value, unread = state
        project = None if ref.entity in ("unit", "meta") else self.project(ref.pid)
        before = (fields.get(self.document, project, ref),
                  project.unread.get(ref.key) if project is not None else None)
        try:
            self._put_field(project, ref, state)
        except Exception:
            # memory as it was: the screen never shows what the file does not hold (a value the
            # scoring could not take must not stay in memory when it is not in the file)
            self._put_field(project, ref, before)
            raise
        if self._suspend_writes:
            return
        try:
            with self._transaction():
                if value != before[0]:
                    fields.write(self.conn, self.document, project, ref, value)
                if project is not None and unread != before[1]:
                    repo.set_unread(self.conn, ref.pid, ref.key, unread)
        except sqlite3.Error as exc:
            self._put_field(project, ref, before)
            raise SessionError(self._write_failure(exc)) from exc
        except Exception:
            # anything else the write refused (an integer past SQLite's 64 bits, once): memory
            # as it was too, so the screen and the forms never hold what the file does not
            self._put_field(project, ref, before)
            raise
        self._after_write()

    def _put_field(self, project, ref: FieldRef, state) -> None:
        value, unread = state
        fields.put(self.document, project, ref, value)
        if project is not None:
            if unread is None:
                project.unread.pop(ref.key, None)
            else:
                project.unread[ref.key] = unread
        self._rescore(ref)
        self.fieldChanged.emit(ref.entity, ref.pid, ref.row_key, ref.attr)
        if ref.entity in _SCORE_ENTITIES:
            self._score_news(ref.pid)
        elif ref.entity == "meta" and ref.attr != "year":
            for p in self.document.projects:
                self._score_news(p.id)
        if ref.entity == "project" and ref.attr == "name":
            self.projectsChanged.emit()

    def _rescore(self, ref: FieldRef) -> None:
        if ref.entity == "meta":
            self._scores.clear()
            return
        cached = self._scores.get(ref.pid)
        if cached is None or ref.entity not in _SCORE_ENTITIES:
            return
        project, profile = self.project(ref.pid), self.profile(ref.pid)
        if ref.entity == "indicator":
            parts = list(cached.indicators)
            for i, ind in enumerate(project.indicators):
                if ind.id == ref.row_key:
                    parts[i] = score_indicator(ind, profile, self.document.year)
            self._scores[ref.pid] = combine(cached.execution, parts, profile)
        else:
            self._scores[ref.pid] = combine(score_execution(project, profile), cached.indicators,
                                            profile)

    # ------------------------------------------------------------ rows

    def insert_rows(self, entity: str, pid: int, position: int | None, objs) -> list[int]:
        """Insert budget lines / indicators / evaluators at ``position`` (None: at the end)."""
        self._check_writable(entity, pid)
        lst, objs = self.rows(entity, pid), list(objs)
        position = len(lst) if position is None else max(0, min(position, len(lst)))

        def write_insert():
            for o in objs:
                rows.insert_row(self.conn, entity, pid, o)

        def write_delete():
            for o in objs:
                rows.delete_row(self.conn, entity, o.id)

        def do():
            lst[position:position] = objs
            self._write_rows(pid, write_insert, lambda: _remove_all(lst, objs), entity)

        def undo():
            _remove_all(lst, objs)
            self._write_rows(pid, write_delete,
                             lambda: lst.__setitem__(slice(position, position), objs), entity)

        self._push(rows_name("插入", entity, len(objs)), do, undo,
                   where=lambda: Where(pid, entity, objs[0].id if objs else None,
                                       position=position))
        return [o.id for o in objs]

    def remove_rows(self, entity: str, pid: int, row_ids) -> None:
        self._check_writable(entity, pid)
        project, ids = self.project(pid), set(row_ids)
        lst = self.rows(entity, pid)
        removed = [(i, o) for i, o in enumerate(lst) if o.id in ids]
        if not removed:
            return
        prefixes = tuple(fields.unread_key(entity, o.id, "") for _, o in removed)
        unread = {k: v for k, v in project.unread.items() if k.startswith(prefixes)}

        def restore():
            for i, o in removed:
                lst.insert(i, o)
            project.unread.update(unread)

        def drop():
            _remove_all(lst, [o for _, o in removed])
            for k in unread:
                project.unread.pop(k, None)

        def do():
            drop()

            def write():
                for _, o in removed:
                    rows.delete_row(self.conn, entity, o.id)
                for k in unread:
                    repo.set_unread(self.conn, pid, k, None)
            self._write_rows(pid, write, restore, entity)

        def undo():
            restore()

            def write():
                for _, o in removed:
                    rows.insert_row(self.conn, entity, pid, o)
                for k, v in unread.items():
                    repo.set_unread(self.conn, pid, k, v)
            self._write_rows(pid, write, drop, entity)

        self._push(rows_name("删除", entity, len(removed)), do, undo,
                   where=Where(pid, entity, removed[0][1].id))

    def move_row(self, entity: str, pid: int, row_id: int, new_position: int) -> None:
        self._check_writable(entity, pid)
        lst = self.rows(entity, pid)
        old = next(i for i, o in enumerate(lst) if o.id == row_id)
        new_position = max(0, min(new_position, len(lst) - 1))
        if old == new_position:
            return

        def mover(src, dst):
            def move():
                lst.insert(dst, lst.pop(src))
                self._write_rows(pid, lambda: None, lambda: lst.insert(src, lst.pop(dst)), entity)
            return move

        self._push("移动行", mover(old, new_position), mover(new_position, old),
                   where=Where(pid, entity, row_id))

    def _write_rows(self, pid: int, write, revert, entity: str) -> None:
        """Persist a row change (then the rows' order); on failure run ``revert`` and raise."""
        project = self.project(pid)
        if not self._suspend_writes:
            try:
                with self._transaction():
                    write()
                    rows.store_order(self.conn, entity, project)
            except sqlite3.Error as exc:
                revert()
                raise SessionError(self._write_failure(exc)) from exc
            except Exception:
                revert()             # memory as the file is (see _apply_field)
                raise
        self._scores.pop(pid, None)
        self.rowsChanged.emit(entity, pid)
        self._score_news(pid)
        if not self._suspend_writes:
            self._after_write()

    # ------------------------------------------------------------ undo machinery

    def _push(self, text: str, do, undo, merge_key=None, merge=False, where=None,
              states=None) -> None:
        """Run ``do`` and record it as an undo step named ``text`` (Chinese: the 编辑 menu shows
        “撤销 text”). ``where`` (a Where, or a callable giving it once ``do`` ran) tells the window
        what to show after an undo or redo."""
        if self._macros:
            step = Step(self, do, undo)
            do()        # a failed ``do`` has taken itself back: it is no step of the group to undo
            self._macros[0].steps.append(step)     # (undoing it raised ValueError and left
            step.where = where() if callable(where) else where   # the earlier ones in memory)
            return
        cmd = Command(self, text, do, undo, merge_key, merge, states=states)
        do()
        cmd.where = where() if callable(where) else where
        self.undo_stack.push(cmd)

    def cancel_steps(self, base: int) -> None:
        """Take back the undo steps made since the stack's index was ``base`` as if they had
        never been made: undone (memory and file) and dropped, so 重做 cannot bring them back
        (Esc on a cell whose typing a pause had already saved)."""
        stack = self.undo_stack
        while stack.index() > base and stack.canUndo():
            command = stack.command(stack.index() - 1)
            if command is not None:
                command.cancelled = True
            stack.undo()

    def _check_writable(self, entity: str | None = None, pid: int | None = None) -> None:
        """Raise SessionError (Chinese) when the file is read-only or, given the entity and
        project, when that edit is refused (a 定稿 project)."""
        if self.readonly:
            raise SessionError(READONLY_MESSAGE)
        if not self._own_tx:          # before the edit touches memory: compared as it is
            self._follow_replugged(judge=True)
        if entity is not None:
            refusal = self._refuse(entity, pid)
            if refusal is not None:
                raise SessionError(refusal)

    def _score_news(self, pid: int) -> None:
        """scoreChanged for ``pid``; inside a batch (a paste, a macro's undo) once, at its end:
        a 200-row paste re-drew the header, the 一级指标分值 line and the list 1200 times and
        took 3 s."""
        if self._batch_depth:
            self._held_scores[pid] = None
        else:
            self.scoreChanged.emit(pid)

    def _release_scores(self) -> None:
        """The batch has ended: the scores held back are said, once each (of projects still
        in the document)."""
        if self._batch_depth or not self._held_scores:
            return
        held, self._held_scores = self._held_scores, {}
        present = {p.id for p in self.document.projects}
        for pid in held:
            if pid in present:
                self.scoreChanged.emit(pid)

    def _run_from_stack(self, fn) -> None:
        if self._history_lost:       # a step failed and is being put back: nothing else runs
            return
        self._stack_depth += 1
        try:
            fn()
        except (SessionError, sqlite3.Error) as exc:
            if self._batch_depth:
                self._failure = str(exc)
            else:
                self._recover(str(exc))
        finally:
            self._stack_depth -= 1

    def _recover(self, message: str) -> None:
        """A write during undo/redo failed: show the file as it is on disk; once QUndoStack has
        returned, its index goes back to the step that did not happen (the history is kept), and
        only then is the failure said — a box's event loop run inside QUndoStack.undo() cleared
        the stack under the running step and the app crashed."""
        self.reload()
        if self._stack_depth:
            self.write_error = message
            QTimer.singleShot(0, lambda: self._failed(message))    # after _restore_index
        else:
            self._failed(message)

    @property
    def in_batch(self) -> bool:
        """A paste, a macro or its undo is under way: what is shown of its sum can wait for
        its end (it writes a field at a time)."""
        return self._batch_depth > 0

    @property
    def step_failed(self) -> bool:
        """The undo/redo just run did not reach the file (it is being put back)."""
        return self._failed_at is not None

    def _after_write(self) -> None:
        self.write_error = None
        if self._batch_depth == 0:
            self.saved.emit(time.strftime("已保存 %H:%M:%S"))

    def _write_failure(self, exc: BaseException, what: str = "修改未生效") -> str:
        """“保存失败，修改未生效：…” in Chinese, saying where the file went when it is gone
        (a U盘 pulled out: SQLite only says "attempt to write a readonly database")."""
        path = Path(self.path) if self.path is not None else None
        if self.replaced_by_another:
            reason = self.replaced_by_another
        elif path is not None and str(path) != ":memory:" and not path.exists():
            reason = (f"找不到文件“{path.name}”（位置：{path.parent}）。U 盘是否已拔出、网络盘是否已断开？"
                      "接回后再修改即可；也可用“文件 → 另存为副本”先保存一份")
        else:
            reason = sqlite_reason(exc)
        self._last_reason = reason
        self._last_failure = f"保存失败，{what}：{reason}"
        return self._last_failure

    def _failed(self, message: str) -> None:
        """A write failed: remembered until the next one succeeds (Ctrl+S must not say saved)."""
        self.write_error = message
        self.writeFailed.emit(message)

    def reload(self) -> None:
        """Read the whole document again from the file (after an import or a failed undo).

        After an import the undo history is forgotten. Called from inside an undo/redo whose
        write failed (the file unchanged), the history is kept: once that step has returned, the
        stack's index is put back without running it (``_restore_index``); until then no other
        step runs."""
        try:
            self.document = repo.load_document(self.conn)
        except (sqlite3.Error, OSError):
            # the file cannot be read either (a U盘 really pulled out): what is on screen stays,
            # and nothing escapes into QUndoStack
            if not self._stack_depth:
                raise
        self._scores.clear()
        if self._stack_depth:
            if self._failed_at is None:
                self._failed_at = self.undo_stack.index()   # QUndoStack moves it on return
                self._history_lost = True
                QTimer.singleShot(0, self._restore_index)
        else:
            self.undo_stack.clear()
        self.documentReplaced.emit()

    def _restore_index(self) -> None:
        """The failed step back where it was: an undo that did not happen is redone without
        running (its ``_skip``), a redo undone likewise (``_skip_undo``); steps pressed while it
        was pending ran nothing and are put back too."""
        target, self._failed_at = self._failed_at, None
        self._history_lost = False
        self._stack_depth = 0     # > 0 while QUndoStack runs one of our steps
        stack = self.undo_stack
        if target is None:
            return
        for _ in range(abs(stack.index() - target)):   # a Ctrl+Z pressed meanwhile ran nothing
            forward = stack.index() < target
            command = stack.command(stack.index() if forward else stack.index() - 1)
            if command is None:
                break
            if forward:
                command._skip = True
                stack.redo()
            else:
                command._skip_undo = True
                stack.undo()


def _remove_all(lst: list, objs) -> None:
    for o in objs:
        for i, x in enumerate(lst):
            if x is o:
                del lst[i]
                break
