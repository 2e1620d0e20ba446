"""Repository functions: the only way the app, the CLI and imports read and write a document.

Each write function commits one unit of work (autosave): a crash loses at most the field being
typed. Money columns are integer 分 (``*_fen``); weights and scores are decimal strings.
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
import sqlite3

from ..domain.model import (BudgetLine, Document, Evaluator, FundBreakdown, FundKind, Indicator,
                            Project, ProjectKind, Source, SourceAmount, SpendingScheme, Unit)
from ..domain.unread_keys import resolve_positions
from .document import transaction

# project attribute → column; money attributes live in Funding and are listed apart
PROJECT_TEXT = {
    "name": "name", "supervisor": "supervisor", "implementer": "implementer", "leader": "leader",
    "phone": "phone", "address": "address", "postcode": "postcode", "start": "start_month",
    "end": "end_month", "background": "background", "implementation": "implementation",
    "goal_expected": "goal_expected", "goal_actual": "goal_actual",
    "unit_opinion": "unit_opinion", "supervisor_opinion": "supervisor_opinion",
    "stated_grade": "stated_grade",
}
FUNDING_MONEY = {
    "planned_total": "planned_total_fen", "arrived_total": "arrived_total_fen",
    "spent_total": "spent_total_fen", "initial_budget": "initial_budget_fen",
    "annual_budget": "annual_budget_fen", "executed": "executed_fen",
}
INDICATOR_TEXT = ("level1", "level2", "name", "target", "actual", "override_reason", "deviation")
INDICATOR_DECIMAL = ("weight", "override", "stated_score")
UNIT_FIELDS = ("name", "supervisor", "region_word", "address", "postcode", "phone")


def _dec(value) -> Decimal | None:
    return None if value is None or value == "" else Decimal(str(value))


def _fen(value):
    """Money goes to disk as integer 分 only: a float or Decimal here is a caller's bug."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise TypeError(f"money must be int 分 or None, not {type(value).__name__}: {value!r}")


def _dec_text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def now() -> str:
    return datetime.now().isoformat(timespec="seconds")


# ---------------------------------------------------------------- whole document

def load_document(conn: sqlite3.Connection) -> Document:
    """Read the whole document into memory."""
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    unit_row = conn.execute("SELECT * FROM unit WHERE id = 1").fetchone()
    unit = Unit(**{k: unit_row[k] for k in UNIT_FIELDS})
    doc = Document(unit=unit, year=int(meta["year"]) if meta.get("year") else None,
                   profile_id=meta.get("profile_id", "mof2020"),
                   department_profile_id=meta.get("department_profile_id", "department"),
                   grade_names=meta.get("grade_names") or "")
    children = _load_children(conn)
    for row in conn.execute("SELECT * FROM project ORDER BY position, id"):
        doc.projects.append(_project_from_row(row, children))
    return doc


def _group(conn, sql):
    out: dict[int, list] = {}
    for row in conn.execute(sql):
        out.setdefault(row["project_id"], []).append(row)
    return out


def _load_children(conn):
    return {
        "source": _group(conn, "SELECT * FROM funding_source"),
        "kind": _group(conn, "SELECT * FROM fund_kind"),
        "line": _group(conn, "SELECT * FROM budget_line ORDER BY position, id"),
        "indicator": _group(conn, "SELECT * FROM indicator ORDER BY position, id"),
        "evaluator": _group(conn, "SELECT * FROM evaluator ORDER BY position, id"),
        "conclusion": _group(conn, "SELECT * FROM conclusion"),
        # a 1.0 file opened read-only (not migrated) has no unread_input table
        "unread": _group(conn, "SELECT * FROM unread_input") if _has_table(conn, "unread_input")
        else {},
    }


def _has_table(conn, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (name,)).fetchone() is not None


def _project_from_row(row, children) -> Project:
    pid = row["id"]
    p = Project(id=pid, kind=ProjectKind(row["kind"]),
                spending_scheme=SpendingScheme(row["spending_scheme"] or "economic"),
                stated_total=_dec(row["stated_total"]), finalized_at=row["finalized_at"],
                stated_execution_score=_dec(row["stated_execution_score"])
                if "stated_execution_score" in row.keys() else None,  # absent before 1.2
                digest=row["digest"])
    for attr, col in PROJECT_TEXT.items():
        setattr(p, attr, row[col] or "")
    for attr, col in FUNDING_MONEY.items():
        setattr(p.funding, attr, row[col])
    for r in children["source"].get(pid, []):
        p.funding.by_source[Source(r["source"])] = SourceAmount(r["planned_fen"], r["arrived_fen"])
    for r in children["kind"].get(pid, []):
        p.funding.by_kind[FundKind(r["kind"])] = FundBreakdown(r["initial_fen"], r["annual_fen"],
                                                               r["executed_fen"])
    p.budget_lines = [_line_from_row(r) for r in children["line"].get(pid, [])]
    p.indicators = [indicator_from_row(r) for r in children["indicator"].get(pid, [])]
    p.evaluators = [Evaluator(r["name"], r["title"], r["org"], r["id"])
                    for r in children["evaluator"].get(pid, [])]
    p.conclusions = {r["section"]: r["text"] for r in children["conclusion"].get(pid, [])}
    p.unread = {r["field"]: r["text"] for r in children["unread"].get(pid, [])}
    return p


def _line_from_row(r) -> BudgetLine:
    return BudgetLine(r["code"], r["name"], r["planned_fen"], r["actual_fen"],
                      r["special_planned_fen"], r["special_actual_fen"], r["id"])


def indicator_from_row(r) -> Indicator:
    ind = Indicator(id=r["id"], achievement=r["achievement"])
    for attr in INDICATOR_TEXT:
        setattr(ind, attr, r[attr] or "")
    for attr in INDICATOR_DECIMAL:
        setattr(ind, attr, _dec(r[attr]))
    return ind


def save_document(conn: sqlite3.Connection, doc: Document, action: str = "save",
                  detail: str = "") -> None:
    """Replace the whole content with ``doc`` in one transaction (demo, import, new year)."""
    with transaction(conn):
        conn.execute("DELETE FROM project")
        conn.execute("DELETE FROM meta WHERE key IN ('year', 'profile_id', 'department_profile_id',"
                     " 'grade_names')")
        set_meta(conn, "year", str(doc.year) if doc.year else None)
        set_meta(conn, "profile_id", doc.profile_id)
        set_meta(conn, "department_profile_id", doc.department_profile_id)
        set_meta(conn, "grade_names", doc.grade_names or None)
        update_unit(conn, **{k: getattr(doc.unit, k) for k in UNIT_FIELDS})
        for position, project in enumerate(doc.projects):
            insert_project(conn, project, position)
        add_history(conn, action, detail)


# ---------------------------------------------------------------- meta and unit

def set_meta(conn, key: str, value: str | None) -> None:
    with transaction(conn):
        if value is None:
            conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) "
                         "DO UPDATE SET value = excluded.value", (key, value))


def get_meta(conn, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return default if row is None else row[0]


def finalized_snapshots(conn) -> dict:
    """Every project content stored at 定稿 (``domain.finalized_diff.Snapshot``) by its digest;
    an unreadable record is left out (核对 then says no record was kept)."""
    from ..domain.finalized_diff import SNAPSHOT_PREFIX, Snapshot
    rows = conn.execute("SELECT key, value FROM meta WHERE key LIKE ?",
                        (SNAPSHOT_PREFIX + "%",)).fetchall()
    found = {}
    for key, value in rows:
        digest = key[len(SNAPSHOT_PREFIX):]
        snap = Snapshot.from_record(digest, value or "")
        if snap is not None:
            found[digest] = snap
    return found


def update_unit(conn, **fields) -> None:
    bad = set(fields) - set(UNIT_FIELDS)
    if bad:
        raise KeyError(f"unknown unit fields: {bad}")
    if not fields:
        return
    with transaction(conn):
        cols = ", ".join(f"{k} = ?" for k in fields)
        conn.execute(f"UPDATE unit SET {cols} WHERE id = 1", tuple(fields.values()))


def add_history(conn, action: str, detail: str = "") -> None:
    with transaction(conn):
        conn.execute("INSERT INTO history (at, action, detail) VALUES (?, ?, ?)",
                     (now(), action, detail))


# ---------------------------------------------------------------- projects

def insert_project(conn, project: Project, position: int | None = None) -> int:
    """Insert a project with all its rows; returns and sets its id."""
    with transaction(conn):
        if position is None:
            position = conn.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM project").fetchone()[0]
        else:
            conn.execute("UPDATE project SET position = position + 1 WHERE position >= ?", (position,))
        cols = {"position": position, "kind": project.kind.value,
                "spending_scheme": project.spending_scheme.value,
                "stated_total": _dec_text(project.stated_total),
                "stated_execution_score": _dec_text(project.stated_execution_score),
                "finalized_at": project.finalized_at, "digest": project.digest}
        cols.update({col: getattr(project, attr) for attr, col in PROJECT_TEXT.items()})
        cols.update({col: _fen(getattr(project.funding, attr)) for attr, col in FUNDING_MONEY.items()})
        names = ", ".join(cols)
        marks = ", ".join("?" for _ in cols)
        cur = conn.execute(f"INSERT INTO project ({names}) VALUES ({marks})", tuple(cols.values()))
        pid = cur.lastrowid
        project.id = pid
        for source, amount in project.funding.by_source.items():
            set_source_amount(conn, pid, source, amount.planned, amount.arrived)
        for kind, row in project.funding.by_kind.items():
            set_fund_kind(conn, pid, kind, row.initial, row.annual, row.executed)
        for i, line in enumerate(project.budget_lines):
            insert_budget_line(conn, pid, line, i)
        for i, ind in enumerate(project.indicators):
            insert_indicator(conn, pid, ind, i)
        for i, ev in enumerate(project.evaluators):
            insert_evaluator(conn, pid, ev, i)
        for section, text in project.conclusions.items():
            set_conclusion(conn, pid, section, text)
        resolve_positions(project)   # rows not saved before (an import) are keyed by their ids now
        for key, text in project.unread.items():
            set_unread(conn, pid, key, text)
    return pid


def update_project(conn, project_id: int, **fields) -> None:
    """Set project text fields (by attribute name), money (Funding attribute names, 分),
    ``stated_total`` (Decimal), ``spending_scheme``, ``finalized_at``, ``digest``."""
    cols = {}
    for attr, value in fields.items():
        if attr in PROJECT_TEXT:
            cols[PROJECT_TEXT[attr]] = value or ""
        elif attr in FUNDING_MONEY:
            cols[FUNDING_MONEY[attr]] = _fen(value)
        elif attr in ("stated_total", "stated_execution_score"):
            cols[attr] = _dec_text(value)
        elif attr == "spending_scheme":
            cols[attr] = SpendingScheme(value).value
        elif attr in ("finalized_at", "digest"):
            cols[attr] = value
        else:
            raise KeyError(f"unknown project field: {attr}")
    if not cols:
        return
    with transaction(conn):
        sets = ", ".join(f"{c} = ?" for c in cols)
        conn.execute(f"UPDATE project SET {sets} WHERE id = ?", (*cols.values(), project_id))


def delete_project(conn, project_id: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM project WHERE id = ?", (project_id,))


def reorder(conn, table: str, ids: list[int]) -> None:
    """Store a new order of rows (projects, indicators, budget lines, evaluators)."""
    if table not in ("project", "indicator", "budget_line", "evaluator"):
        raise KeyError(table)
    with transaction(conn):
        conn.executemany(f"UPDATE {table} SET position = ? WHERE id = ?",
                         [(i, row_id) for i, row_id in enumerate(ids)])


def set_source_amount(conn, project_id: int, source: Source, planned: int | None,
                      arrived: int | None) -> None:
    with transaction(conn):
        conn.execute("INSERT INTO funding_source (project_id, source, planned_fen, arrived_fen) "
                     "VALUES (?, ?, ?, ?) ON CONFLICT(project_id, source) DO UPDATE SET "
                     "planned_fen = excluded.planned_fen, arrived_fen = excluded.arrived_fen",
                     (project_id, Source(source).value, _fen(planned), _fen(arrived)))


def set_fund_kind(conn, project_id: int, kind: FundKind, initial: int | None,
                  annual: int | None, executed: int | None) -> None:
    with transaction(conn):
        conn.execute("INSERT INTO fund_kind (project_id, kind, initial_fen, annual_fen, executed_fen) "
                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT(project_id, kind) DO UPDATE SET "
                     "initial_fen = excluded.initial_fen, annual_fen = excluded.annual_fen, "
                     "executed_fen = excluded.executed_fen",
                     (project_id, FundKind(kind).value, _fen(initial), _fen(annual), _fen(executed)))


def set_conclusion(conn, project_id: int, section: str, text: str) -> None:
    with transaction(conn):
        conn.execute("INSERT INTO conclusion (project_id, section, text) VALUES (?, ?, ?) "
                     "ON CONFLICT(project_id, section) DO UPDATE SET text = excluded.text",
                     (project_id, section, text or ""))


def set_unread(conn, project_id: int, field: str, text: str | None) -> None:
    """Keep (or clear, with None) text typed into a numeric field that could not be read."""
    with transaction(conn):
        if text is None:
            conn.execute("DELETE FROM unread_input WHERE project_id = ? AND field = ?",
                         (project_id, field))
        else:
            conn.execute("INSERT INTO unread_input (project_id, field, text) VALUES (?, ?, ?) "
                         "ON CONFLICT(project_id, field) DO UPDATE SET text = excluded.text",
                         (project_id, field, text))


# ---------------------------------------------------------------- child rows

def _next_position(conn, table: str, project_id: int, position: int | None) -> int:
    if position is None:
        return conn.execute(f"SELECT COALESCE(MAX(position) + 1, 0) FROM {table} WHERE project_id = ?",
                            (project_id,)).fetchone()[0]
    conn.execute(f"UPDATE {table} SET position = position + 1 WHERE project_id = ? AND position >= ?",
                 (project_id, position))
    return position


def insert_indicator(conn, project_id: int, ind: Indicator, position: int | None = None) -> int:
    with transaction(conn):
        pos = _next_position(conn, "indicator", project_id, position)
        cols = {"project_id": project_id, "position": pos, "achievement": ind.achievement}
        cols.update({a: getattr(ind, a) or "" for a in INDICATOR_TEXT})
        cols.update({a: _dec_text(getattr(ind, a)) for a in INDICATOR_DECIMAL})
        cur = conn.execute(f"INSERT INTO indicator ({', '.join(cols)}) VALUES "
                           f"({', '.join('?' for _ in cols)})", tuple(cols.values()))
    ind.id = cur.lastrowid
    return ind.id


def update_indicator(conn, indicator_id: int, **fields) -> None:
    cols = {}
    for attr, value in fields.items():
        if attr in INDICATOR_TEXT:
            cols[attr] = value or ""
        elif attr in INDICATOR_DECIMAL:
            cols[attr] = _dec_text(value)
        elif attr == "achievement":
            cols[attr] = value or None
        else:
            raise KeyError(f"unknown indicator field: {attr}")
    if not cols:
        return
    with transaction(conn):
        sets = ", ".join(f"{c} = ?" for c in cols)
        conn.execute(f"UPDATE indicator SET {sets} WHERE id = ?", (*cols.values(), indicator_id))


def insert_budget_line(conn, project_id: int, line: BudgetLine, position: int | None = None) -> int:
    with transaction(conn):
        pos = _next_position(conn, "budget_line", project_id, position)
        cur = conn.execute(
            "INSERT INTO budget_line (project_id, position, code, name, planned_fen, actual_fen, "
            "special_planned_fen, special_actual_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (project_id, pos, line.code, line.name, _fen(line.planned), _fen(line.actual),
             _fen(line.special_planned), _fen(line.special_actual)))
    line.id = cur.lastrowid
    return line.id


LINE_COLUMNS = {"code": "code", "name": "name", "planned": "planned_fen", "actual": "actual_fen",
                "special_planned": "special_planned_fen", "special_actual": "special_actual_fen"}


def update_budget_line(conn, line_id: int, **fields) -> None:
    cols = {LINE_COLUMNS[k]: (v if k in ("code", "name") else _fen(v)) for k, v in fields.items()}
    if not cols:
        return
    with transaction(conn):
        sets = ", ".join(f"{c} = ?" for c in cols)
        conn.execute(f"UPDATE budget_line SET {sets} WHERE id = ?", (*cols.values(), line_id))


def insert_evaluator(conn, project_id: int, ev: Evaluator, position: int | None = None) -> int:
    with transaction(conn):
        pos = _next_position(conn, "evaluator", project_id, position)
        cur = conn.execute("INSERT INTO evaluator (project_id, position, name, title, org) "
                           "VALUES (?, ?, ?, ?, ?)", (project_id, pos, ev.name, ev.title, ev.org))
    ev.id = cur.lastrowid
    return ev.id


def update_evaluator(conn, evaluator_id: int, **fields) -> None:
    bad = set(fields) - {"name", "title", "org"}
    if bad:
        raise KeyError(bad)
    if not fields:
        return
    with transaction(conn):
        sets = ", ".join(f"{c} = ?" for c in fields)
        conn.execute(f"UPDATE evaluator SET {sets} WHERE id = ?", (*fields.values(), evaluator_id))


def delete_row(conn, table: str, row_id: int) -> None:
    """Delete one indicator, budget line or evaluator."""
    if table not in ("indicator", "budget_line", "evaluator"):
        raise KeyError(table)
    with transaction(conn):
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))


def history(conn) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM history ORDER BY id").fetchall()


def restores(conn) -> list[tuple[str, str]]:
    """(time, text) of each 恢复为此版本 in the 修改记录, oldest first (``db.restore`` writes them;
    核对 by a paper's 校验码 reads which 定稿 each took back)."""
    return [(at, detail) for at, detail in conn.execute(
        "SELECT at, detail FROM history WHERE action = 'restore' ORDER BY id")]
