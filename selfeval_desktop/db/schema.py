"""The document's schema, as numbered sqlite-utils migrations.

``PRAGMA user_version`` holds ``major << 16 | minor``: a newer minor adds only what an older
program can ignore (opened read-only), a newer major is refused. Each migration is one
transaction; ``db.document`` writes a backup copy beside the file before applying any.
Released versions: 1.0 (first release), 1.1 (``unread_input``: typed text that could not be read),
1.2 (``project.stated_execution_score``: the execution score a received form stated).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils is imported only to create or upgrade a file: it costs start-up
    from sqlite_utils import Database

APPLICATION_ID = 0x53454C46  # "SELF": marks a file as ours in the SQLite header


def pack_version(major: int, minor: int) -> int:
    return (major << 16) | minor


def unpack_version(value: int) -> tuple[int, int]:
    return value >> 16, value & 0xFFFF


def m001_initial(db: "Database") -> None:
    """Schema 1.0."""
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("""CREATE TABLE unit (
        id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL DEFAULT '',
        supervisor TEXT NOT NULL DEFAULT '', region_word TEXT NOT NULL DEFAULT '省级',
        address TEXT NOT NULL DEFAULT '', postcode TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '')""")
    db["project"].create({
        "id": int, "position": int, "kind": str, "name": str, "supervisor": str,
        "implementer": str, "leader": str, "phone": str, "address": str, "postcode": str,
        "start_month": str, "end_month": str, "background": str, "implementation": str,
        "goal_expected": str, "goal_actual": str, "spending_scheme": str,
        "planned_total_fen": int, "arrived_total_fen": int, "spent_total_fen": int,
        "initial_budget_fen": int, "annual_budget_fen": int, "executed_fen": int,
        "unit_opinion": str, "supervisor_opinion": str, "stated_total": str,
        "stated_grade": str, "finalized_at": str, "digest": str,
    }, pk="id", not_null={"position", "kind", "name"}, defaults={"kind": "project", "name": ""})
    child = "project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE"
    db.execute(f"""CREATE TABLE funding_source ({child}, source TEXT NOT NULL,
        planned_fen INTEGER, arrived_fen INTEGER, PRIMARY KEY (project_id, source))""")
    db.execute(f"""CREATE TABLE fund_kind ({child}, kind TEXT NOT NULL, initial_fen INTEGER,
        annual_fen INTEGER, executed_fen INTEGER, PRIMARY KEY (project_id, kind))""")
    db.execute(f"""CREATE TABLE budget_line (id INTEGER PRIMARY KEY, {child},
        position INTEGER NOT NULL, code TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '',
        planned_fen INTEGER, actual_fen INTEGER, special_planned_fen INTEGER,
        special_actual_fen INTEGER)""")
    db.execute(f"""CREATE TABLE indicator (id INTEGER PRIMARY KEY, {child},
        position INTEGER NOT NULL, level1 TEXT NOT NULL DEFAULT '', level2 TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '', target TEXT NOT NULL DEFAULT '',
        actual TEXT NOT NULL DEFAULT '', weight TEXT, achievement TEXT, override TEXT,
        override_reason TEXT NOT NULL DEFAULT '', deviation TEXT NOT NULL DEFAULT '',
        stated_score TEXT)""")
    db.execute(f"""CREATE TABLE evaluator (id INTEGER PRIMARY KEY, {child},
        position INTEGER NOT NULL, name TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
        org TEXT NOT NULL DEFAULT '')""")
    db.execute(f"""CREATE TABLE conclusion ({child}, section TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '', PRIMARY KEY (project_id, section))""")
    db.execute("""CREATE TABLE history (id INTEGER PRIMARY KEY, at TEXT NOT NULL,
        action TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')""")
    for table in ("budget_line", "indicator", "evaluator"):
        db.execute(f"CREATE INDEX {table}_project ON {table}(project_id, position)")
    db.execute("INSERT INTO unit (id) VALUES (1)")
    db.execute(f"PRAGMA user_version = {pack_version(1, 0)}")


def m002_unread_input(db: "Database") -> None:
    """Schema 1.1: text typed into a numeric field that could not be read is kept, not dropped."""
    db.execute("""CREATE TABLE unread_input (
        project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        field TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (project_id, field))""")
    db.execute(f"PRAGMA user_version = {pack_version(1, 1)}")


def m003_stated_execution(db: "Database") -> None:
    """Schema 1.2: the 预算执行率得分 a unit stated on a received form, kept for 复核."""
    db.execute("ALTER TABLE project ADD COLUMN stated_execution_score TEXT")
    db.execute(f"PRAGMA user_version = {pack_version(1, 2)}")


STEPS = [m001_initial, m002_unread_input, m003_stated_execution]  # in order; names are recorded
MIGRATION_VERSIONS = {"m001_initial": (1, 0), "m002_unread_input": (1, 1),
                      "m003_stated_execution": (1, 2)}
CURRENT_VERSION = (1, 2)
_migrations = None


def __getattr__(name: str):
    """``schema.migrations``: the sqlite-utils migration set, built on first use."""
    global _migrations
    if name != "migrations":
        raise AttributeError(name)
    if _migrations is None:
        from sqlite_utils.migrations import Migrations
        _migrations = Migrations("selfeval")
        for step in STEPS:
            _migrations(name=step.__name__)(step)
    return _migrations
