"""恢复为此版本: a backup's content into the open document, the file's journal carried over.

The content (unit, projects, their 定稿 state …) becomes the backup's. The file's journal does
not go back with it: a 定稿 made after the backup was taken issued a 校验码, the
paper carrying it may be stamped and sent, and “文件中没有校验码为…的定稿记录：纸质表不是由这个文件
打印的” would then be untrue. So, as after 撤销定稿, the file keeps

- every content stored at a 定稿 (``finalized:<digest>`` in ``meta``, ``domain.finalized_diff``):
  the backup's and the file's, so 核对 by the paper's code still finds it and lists what the
  restore changed;
- its whole 修改记录 (``history``): the file's and any line only the backup has, in time order,
  then the restore's own line, which names each 定稿 it took back (``undone``) — 核对 reads it to
  say the 定稿 ended by a restore, at that time, not by a 撤销定稿.

The journal is put into a staged copy of the backup (in memory), and that copy goes into the
file through the backup API in one journaled write: a crash leaves the old or the new file whole,
never the content without its journal. No Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
import sqlite3

from ..domain.digest import check_code
from ..domain.finalized_diff import SNAPSHOT_PREFIX
from .document import sqlite_reason
from .repo import now
from .snapshots import Snapshot, SnapshotError, read_only, reading


@dataclass(frozen=True)
class Undone:
    """A 定稿 of the file that the backup does not hold: a restore takes it back."""
    project_id: int
    name: str
    digest: str
    at: str                       # its 定稿 time (ISO)

    @property
    def code(self) -> str:
        return check_code(self.digest)


def _finalized(conn) -> list[tuple]:
    return conn.execute("SELECT id, name, digest, finalized_at FROM project "
                        "WHERE digest IS NOT NULL AND digest != '' ORDER BY position, id").fetchall()


def _undone(now_rows: list[tuple], backup: sqlite3.Connection) -> list[Undone]:
    held = dict(backup.execute("SELECT id, digest FROM project").fetchall())
    return [Undone(pid, (name or "").strip() or "未命名项目", digest, at or "")
            for pid, name, digest, at in now_rows if held.get(pid) != digest]


def undone(snapshot: Snapshot, document: sqlite3.Connection | Path) -> list[Undone]:
    """The 定稿 of the document (its open connection, or its file, read) that restoring
    ``snapshot`` would take back: its finalized projects the backup lacks, or holds unfinalized
    or finalized otherwise. The restore's question names them (the stamped papers will no longer
    match the file)."""
    own = not isinstance(document, sqlite3.Connection)
    try:
        conn = read_only(Path(document)) if own else document
        try:
            rows = _finalized(conn)
        finally:
            if own:
                conn.close()
        if not rows:
            return []
        with reading(snapshot) as source:
            return _undone(rows, source)
    except sqlite3.Error as exc:
        raise SnapshotError(f"无法读取（{sqlite_reason(exc)}）") from None


def restored_line(snapshot: Snapshot, taken_back: list[Undone]) -> str:
    """The restore's line in the 修改记录; ``domain.finalized_diff`` finds a 定稿 in it by its
    校验码."""
    line = f"恢复为 {snapshot.shown} 的备份（{snapshot.label}）"
    if taken_back:
        line += "；撤回了定稿：" + "、".join(f"「{u.name}」（校验码 {u.code}）" for u in taken_back)
    return line


def _carry(staged: sqlite3.Connection, history: list[tuple], records: list[tuple],
           line: str) -> None:
    """The file's journal into the staged backup: 定稿 records added (the backup's own kept),
    the 修改记录 made the union of both in time order, then the restore's line."""
    staged.executemany("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", records)
    mine = [tuple(r) for r in staged.execute("SELECT at, action, detail FROM history ORDER BY id")]
    known = set(history)
    # in time order; stable, each side in its own order, and at the same second the backup's
    # first (it is the file's past)
    merged = [r for r in mine if r not in known] + history
    merged.sort(key=lambda r: r[0] or "")
    staged.execute("DELETE FROM history")
    staged.executemany("INSERT INTO history (at, action, detail) VALUES (?, ?, ?)", merged)
    staged.execute("INSERT INTO history (at, action, detail) VALUES (?, 'restore', ?)",
                   (now(), line))


def restore(snapshot: Snapshot, conn: sqlite3.Connection) -> list[Undone]:
    """Replace the open document's content (``conn``, the window's own connection, holding the
    file's lock) with the snapshot's, the journal carried over (above): through the backup API
    into that connection — one journaled write, so the file holds either the old or the new
    content whole, stays the same file (its lock, another window following it, a U盘's
    identity). The 定稿 taken back are returned. The snapshot is checked first (an older format
    migrated in a temporary copy); SnapshotError (Chinese) and the document untouched when it
    cannot be."""
    if conn.in_transaction:
        raise SnapshotError("文件正在写入，请稍后再恢复")
    try:
        history = [tuple(r) for r in conn.execute("SELECT at, action, detail FROM history "
                                                  "ORDER BY id")]
        records = [tuple(r) for r in conn.execute("SELECT key, value FROM meta WHERE key LIKE ?",
                                                  (SNAPSHOT_PREFIX + "%",))]
        finalized = _finalized(conn)
    except sqlite3.Error as exc:
        raise SnapshotError(f"恢复失败，文件未改动：{sqlite_reason(exc)}") from exc
    with reading(snapshot) as source:
        staged = sqlite3.connect(":memory:", isolation_level=None)
        try:
            # an in-memory copy takes the source's page size only if set before it has any
            staged.execute(f"PRAGMA page_size = {int(source.execute('PRAGMA page_size').fetchone()[0])}")
            source.backup(staged)
            taken_back = _undone(finalized, staged)
            staged.execute("BEGIN")
            _carry(staged, history, records, restored_line(snapshot, taken_back))
            staged.execute("COMMIT")
            staged.backup(conn)
        except sqlite3.Error as exc:
            raise SnapshotError(f"恢复失败，文件未改动：{sqlite_reason(exc)}") from exc
        finally:
            staged.close()
    return taken_back
