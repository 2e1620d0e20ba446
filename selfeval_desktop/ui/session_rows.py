"""Row and project writes for :mod:`selfeval_desktop.ui.session` that keep row ids stable.

Undo re-inserts deleted rows (and projects) with the ids they had, so that later undo steps that
name a row by its id still find it. ``db.repo`` assigns new ids on insert; these helpers insert
through repo and then give the row its old id back, inside one transaction. No Qt here.
"""
from __future__ import annotations

from dataclasses import replace
import sqlite3

from ..db import repo
from ..db.document import transaction
from ..domain.model import Project
from ..domain.unread_keys import resolve_positions
from .session_fields import ROW_LISTS, ROW_TABLES

_INSERT = {"budget_line": repo.insert_budget_line, "indicator": repo.insert_indicator,
           "evaluator": repo.insert_evaluator}


def _restore_id(conn: sqlite3.Connection, table: str, new_id: int, old_id: int | None) -> int:
    if old_id is None or old_id == new_id:
        return new_id
    conn.execute(f"UPDATE {table} SET id = ? WHERE id = ?", (old_id, new_id))
    return old_id


def insert_row(conn: sqlite3.Connection, entity: str, pid: int, obj) -> int:
    """Insert one budget line / indicator / evaluator; a row that had an id gets it back."""
    old = obj.id
    with transaction(conn):
        new = _INSERT[entity](conn, pid, obj)
        obj.id = _restore_id(conn, ROW_TABLES[entity], new, old)
    return obj.id


def store_order(conn: sqlite3.Connection, entity: str, project: Project) -> None:
    """Write the in-memory order of a project's rows as their positions."""
    repo.reorder(conn, ROW_TABLES[entity], [r.id for r in getattr(project, ROW_LISTS[entity])])


def delete_row(conn: sqlite3.Connection, entity: str, row_id: int) -> None:
    repo.delete_row(conn, ROW_TABLES[entity], row_id)


def insert_project(conn: sqlite3.Connection, project: Project) -> int:
    """Insert a project with all its rows; a project (and rows) that had ids get them back."""
    old_pid = project.id
    bare = replace(project, budget_lines=[], indicators=[], evaluators=[], conclusions={},
                   unread={}, funding=replace(project.funding, by_source={}, by_kind={}), id=None)
    with transaction(conn):
        new_pid = repo.insert_project(conn, bare)
        pid = _restore_id(conn, "project", new_pid, old_pid)
        project.id = pid
        for source, amount in project.funding.by_source.items():
            repo.set_source_amount(conn, pid, source, amount.planned, amount.arrived)
        for kind, row in project.funding.by_kind.items():
            repo.set_fund_kind(conn, pid, kind, row.initial, row.annual, row.executed)
        for entity in ROW_LISTS:
            for obj in getattr(project, ROW_LISTS[entity]):
                insert_row(conn, entity, pid, obj)
        for section, text in project.conclusions.items():
            repo.set_conclusion(conn, pid, section, text)
        resolve_positions(project)
        for key, text in project.unread.items():
            repo.set_unread(conn, pid, key, text)
    return pid


def store_project_order(conn: sqlite3.Connection, projects: list[Project]) -> None:
    repo.reorder(conn, "project", [p.id for p in projects])
