"""Project-level edits of :class:`selfeval_desktop.ui.session.DocumentSession`: add, remove,
move and duplicate projects, each one undo step written through repo (ids kept on undo)."""
from __future__ import annotations

import copy
import sqlite3

from ..db import repo
from ..domain.model import Project
from . import session_fields as fields
from . import session_rows as rows
from .session_base import SessionBase
from .session_fields import ROW_LISTS
from .session_tx import SessionError
from .session_where import Where


class ProjectEdits(SessionBase):
    """Mixed into DocumentSession: the project list's edits. Uses the document, the undo steps
    of session.py (``_push``) and a transaction of session_tx (SessionBase)."""

    def add_project(self, project: Project, position: int | None = None) -> int:
        self._check_writable()
        projects = self.document.projects
        position = len(projects) if position is None else max(0, min(position, len(projects)))

        def do():
            projects.insert(position, project)
            self._write_projects(lambda: rows.insert_project(self.conn, project),
                                 lambda: projects.remove(project))
            self.scoreChanged.emit(project.id)

        def undo():
            projects.remove(project)
            self._scores.pop(project.id, None)
            self._write_projects(lambda: repo.delete_project(self.conn, project.id),
                                 lambda: projects.insert(position, project))

        self._push(f"新增项目“{project.name}”" if project.name else "新增项目", do, undo,
                   where=lambda: Where(project.id, "projects"))
        return project.id

    def remove_project(self, pid: int) -> None:
        self._check_writable("project", pid)     # a 定稿 project is not deleted
        projects = self.document.projects
        project = self.project(pid)
        position = projects.index(project)

        def do():
            projects.remove(project)
            self._scores.pop(pid, None)
            self._write_projects(lambda: repo.delete_project(self.conn, pid),
                                 lambda: projects.insert(position, project))

        def undo():
            projects.insert(position, project)
            self._write_projects(lambda: rows.insert_project(self.conn, project),
                                 lambda: projects.remove(project))
            self.scoreChanged.emit(pid)

        self._push(f"删除项目“{project.name}”" if project.name else "删除项目", do, undo,
                   where=Where(pid, "projects"))

    def move_project(self, pid: int, new_position: int) -> None:
        self._check_writable()
        projects = self.document.projects
        old = projects.index(self.project(pid))
        new_position = max(0, min(new_position, len(projects) - 1))
        if old == new_position:
            return

        def mover(src, dst):
            def move():
                projects.insert(dst, projects.pop(src))
                self._write_projects(lambda: None, lambda: projects.insert(src, projects.pop(dst)))
            return move

        self._push("移动项目", mover(old, new_position), mover(new_position, old),
                   where=Where(pid, "projects"))

    def duplicate_project(self, pid: int) -> int:
        """A copy of the project (all rows) right after it, not finalized, named “…（副本）”."""
        source = self.project(pid)
        return self.add_copy(source, self.document.projects.index(source) + 1,
                             name=f"{source.name}（副本）")

    def add_copy(self, source: Project, position: int | None = None, name: str | None = None) -> int:
        """A copy of ``source`` (this file's project, or another file's: 从其他自评文件加入项目)
        with all its rows under new ids, not finalized (定稿 vouches for one file's paper), at
        ``position`` (the end by default); text that could not be read stays with its rows."""
        dup = copy.deepcopy(source)
        dup.id, dup.finalized_at, dup.digest = None, None, None
        if name is not None:
            dup.name = name
        for entity in ROW_LISTS:
            for obj in getattr(dup, ROW_LISTS[entity]):
                obj.id = None
        # unread text of rows is keyed by row id: carry it over to the copies' new ids
        row_unread = []
        for entity in ROW_LISTS:
            for src, obj in zip(getattr(source, ROW_LISTS[entity]), getattr(dup, ROW_LISTS[entity])):
                prefix = fields.unread_key(entity, src.id, "")
                row_unread += [(entity, obj, k[len(prefix):], v)
                               for k, v in source.unread.items() if k.startswith(prefix)]
                for k in [k for k in dup.unread if k.startswith(prefix)]:
                    del dup.unread[k]
        pid = self.add_project(dup, position)
        if row_unread:
            with self._transaction():
                for entity, obj, attr, text in row_unread:
                    key = fields.unread_key(entity, obj.id, attr)
                    dup.unread[key] = text
                    repo.set_unread(self.conn, pid, key, text)
        return pid

    def _write_projects(self, write, revert) -> None:
        if not self._suspend_writes:
            try:
                with self._transaction():
                    write()
                    rows.store_project_order(self.conn, self.document.projects)
            except sqlite3.Error as exc:
                revert()
                raise SessionError(self._write_failure(exc)) from exc
        self.projectsChanged.emit()
        if not self._suspend_writes:
            self._after_write()
