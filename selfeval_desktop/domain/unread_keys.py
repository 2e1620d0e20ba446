"""The keys of ``Project.unread`` (text typed into a number field that could not be read, kept
as typed and shown red): a file format, stored in ``unread_input.field``, so built and read
here only (not built in four places and parsed in two, with two alias tables).

The form written is ``entity:row_key:attr``:

- ``funding::annual_budget``, ``project::stated_total``, ``project::stated_execution_score``;
- ``source:central:planned``, ``fund_kind:current:annual`` (the enum's value);
- ``budget_line:<row id>:planned``, ``indicator:<row id>:weight``, ``evaluator:<row id>:name``.

A row not saved yet has no id: the Excel import keys it by its position, ``indicator:#3:weight``
(:func:`position_key`), and ``db.repo.insert_project`` turns that into the row's id once it has
one (:func:`resolve_positions`).

Read too, since files on disk hold them (:func:`parse_unread_key`): a bare Funding attribute
(``spent_total``, schema 1.1 files), two parts (``funding:planned_total``), ``.`` or ``/`` as
separators, ``None`` as an empty row key, and the entity aliases ``kind``/``by_kind`` (fund_kind),
``by_source``/``funding_source`` (source), ``line`` (budget_line).
"""
from __future__ import annotations

from enum import Enum
import re

FUNDING_AMOUNTS = ("planned_total", "arrived_total", "spent_total", "initial_budget",
                   "annual_budget", "executed")
ROW_ENTITIES = {"budget_line": "budget_lines", "indicator": "indicators",
                "evaluator": "evaluators"}
ENTITY_ALIASES = {"kind": "fund_kind", "by_kind": "fund_kind", "by_source": "source",
                  "funding_source": "source", "line": "budget_line"}
_NO_ROWS = ("funding", "project")


def unread_key(entity: str, row_key, attr: str) -> str:
    """The key of a field; ``row_key`` is a row id, an enum (its value), a position key or None.
    ``attr=""`` gives the prefix of every key of that row."""
    if isinstance(row_key, Enum):
        row_key = row_key.value
    return f"{entity}:{'' if row_key is None else row_key}:{attr}"


def parse_unread_key(key: str) -> tuple[str, str, str]:
    """(entity, row_key, attr) of a key in any form ever written; row_key is "" for the
    project's own fields and its funding."""
    parts = re.split(r"[.:/]", key)
    if len(parts) == 1:
        return ("funding" if key in FUNDING_AMOUNTS else "project"), "", key
    entity = ENTITY_ALIASES.get(parts[0], parts[0])
    row_key = parts[1] if len(parts) > 2 else ""
    if entity in _NO_ROWS or row_key == "None":
        row_key = ""
    return entity, row_key, parts[-1]


def position_key(index: int) -> str:
    """The row key of a row not saved yet: its place in its list (0 for the first)."""
    return f"#{index}"


def row_index(rows, row_key: str) -> int | None:
    """Index in ``rows`` of the row a key names, by id or (unsaved) by position."""
    if row_key.startswith("#"):
        try:
            index = int(row_key[1:])
        except ValueError:
            return None
        return index if 0 <= index < len(rows) else None
    for i, row in enumerate(rows):
        if str(row.id) == row_key:
            return i
    return None


def resolve_positions(project) -> None:
    """Key rows by their ids (just given) instead of their positions: the form written."""
    for key in [k for k in project.unread if ":#" in k]:
        entity, row_key, attr = parse_unread_key(key)
        rows = getattr(project, ROW_ENTITIES.get(entity, ""), None)
        index = row_index(rows, row_key) if rows is not None else None
        if index is not None and rows[index].id is not None:
            project.unread[unread_key(entity, rows[index].id, attr)] = project.unread.pop(key)
