"""Transactions of :class:`selfeval_desktop.ui.session.DocumentSession`.

One edit is one committed transaction; a macro (paste, template insert) and the undo/redo of a
macro are one each. SQLite keeps a transaction open when its COMMIT fails (SQLITE_BUSY: another
program — a CLI export, a backup or sync client, antivirus, a SQLite viewer — reading the file for
longer than busy_timeout). So COMMIT runs inside the try here: on failure the transaction is rolled
back, memory is put back as for a failed statement, and the failure is raised in Chinese. The
session only joins a transaction it opened itself; one left open by anything else is rolled back
before a new one begins (else, after one refused COMMIT, every later edit says 已保存 and is
never written).
"""
from __future__ import annotations

from contextlib import contextmanager
import sqlite3

from .session_base import SessionBase
from .session_undo import Macro


GROUP_UNDONE = "（表格已恢复为操作前的样子，文件没有改动）"


class SessionError(Exception):
    """An edit that was refused or could not be saved; ``str(err)`` is Chinese for the user.

    ``told`` is True when the window has already shown it (a write failure: the 保存失败 box and
    the 未保存 status), so whoever catches it need not show it again."""

    told = False


class Transactions(SessionBase):
    """Mixed into DocumentSession: transactions and macros. Uses the connection, the undo
    stack and the failure reporting of session.py, and Replug's look at the file (SessionBase)."""

    _own_tx = False          # a transaction this session began is open

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, after rolling back a transaction this session did not open; on the
        file come back after a U盘 was pulled out (``session_replug``), or refused when another
        file has taken its place."""
        self._follow_replugged(judge=False)
        if self.replaced_by_another:
            raise sqlite3.OperationalError("the file at the path is another document")
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        self.conn.execute("BEGIN IMMEDIATE")
        self._own_tx = True

    def _commit(self) -> None:
        """COMMIT; on failure (busy, disk I/O) the transaction is rolled back, then it raises."""
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        self._own_tx = False

    def _rollback(self) -> None:
        self._own_tx = False
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:   # left open: the next _begin tries again before it begins
                pass

    @contextmanager
    def _transaction(self):
        """One edit's writes, committed at the end (joined into the open macro's, if any)."""
        if self._own_tx:
            if not self.conn.in_transaction:   # SQLite rolled the macro back (disk full, I/O)
                raise sqlite3.OperationalError("transaction rolled back")
            yield
            return
        self._begin()
        try:
            yield
            self._commit()
        except BaseException:
            self._rollback()
            raise

    @contextmanager
    def macro(self, text: str, where=None):
        """Group the edits made inside into one undo step and one committed transaction;
        ``where`` (a session_where.Where): the place an undo or redo shows, if not the first edit's.

        If anything inside raises, or the COMMIT fails, the edits already made are taken back
        (memory and file) and the exception goes on — a failed write as SessionError in Chinese
        (also shown as 保存失败 and 未保存 by the window), never SQLite's own error. A macro inside a
        macro joins the outer one.
        """
        self._check_writable()
        if self._macros:
            yield self._macros[0]
            return
        cmd = Macro(self, text)
        cmd.fixed_where = where
        try:
            self._begin()
        except sqlite3.Error as exc:
            self._rollback()
            raise self._macro_failed(exc, text) from exc
        self._batch_depth += 1
        self._macros.append(cmd)
        try:
            try:
                yield cmd
            finally:
                self._macros.pop()
                self._batch_depth -= 1
                self._release_scores()
            self._commit()
        except BaseException as exc:
            self._take_back(cmd)
            if isinstance(exc, sqlite3.Error):
                raise self._macro_failed(exc, text) from exc
            if isinstance(exc, SessionError) and str(exc) == self._last_failure:
                # a statement refused by the file: 未保存 too, said of the whole group
                error = SessionError(self._group_failure(text))
                self._failed(str(error))
                error.told = True
                raise error from exc
            raise
        if cmd.steps:
            self.undo_stack.push(cmd)
            self._after_write()

    def _take_back(self, cmd: Macro) -> None:
        """Undo a macro's steps in memory only; the file's transaction is rolled back."""
        self._suspend_writes = True
        try:
            for step in reversed(cmd.steps):
                step.undo()
        finally:
            self._suspend_writes = False
            self._rollback()

    def _group_failure(self, text: str) -> str:
        """The last write failure, said of the group “text” taken back whole."""
        self._last_failure = f"保存失败，“{text}”未完成{GROUP_UNDONE}：{self._last_reason}"
        return self._last_failure

    def _macro_failed(self, exc: sqlite3.Error, text: str) -> SessionError:
        """“保存失败，“粘贴 3 行 × 4 列”未完成：…”: the group is taken back whole, and said so
        (the box must not say the pasted cells are still there, red, when they are not)."""
        self._write_failure(exc)
        error = SessionError(self._group_failure(text))
        self._failed(str(error))
        error.told = True
        return error

    def _batch(self, fn) -> None:
        """Run a macro's undo/redo in one transaction; on a failed write reload from disk."""
        began = not self._own_tx
        failure = None
        if began:
            try:
                self._begin()
            except sqlite3.Error as exc:
                self._rollback()
                failure = self._write_failure(exc)
        if failure is None:
            self._batch_depth += 1
            try:
                fn()
            finally:
                self._batch_depth -= 1
                self._release_scores()
            failure, self._failure = self._failure, None
        if failure is None and began:
            try:
                self._commit()
            except sqlite3.Error as exc:
                failure = self._write_failure(exc)
            else:
                self._after_write()
                return
        if failure is not None:
            if began:
                self._rollback()
            self._stack_depth += 1      # still inside QUndoStack.undo/redo
            try:
                self._recover(failure)
            finally:
                self._stack_depth -= 1
