"""备份与恢复: snapshots of a document kept in the user's own store, outside the document.

Every edit is committed to the file at once, and Ctrl+Z works within a session; but a project
deleted or a text overwritten, and the window closed, was gone for good. WPS users expect a
“备份中心”: here it is. The window (``ui.backups``) takes a snapshot when a writable file is opened
(after the first paint), every half hour while it is edited, before the operations that change
much (导入Excel into it, 从其他自评文件加入项目, 定稿/撤销定稿, 删除项目, restoring) and on closing.

- A snapshot is made with SQLite's backup API (never a raw copy of a file being written): from
  the window's own connection, or from a read-only connection of its own to a file (open or
  closed); SQLite's locks make it one consistent state. It is written to a temporary name in the
  store and renamed when complete, so the store never holds half a snapshot.
- One folder per document, ``<name>_<key>``, the key a hash of its absolute path; the folder's
  ``原文件位置.txt`` says whose backups they are (a file deleted or on a U盘 plugged in under
  another drive letter is still found, by its name).
- A snapshot's name holds its time, its reason and a digest of its content:
  ``20250314-091230_打开时_3fa8c1d09b2e.sqlite``. One identical in content to the latest is not
  written (opening and closing a file unchanged adds nothing).
- Retention (``expired``): the latest always; the last day's densely (up to ``DENSE_COUNT``); then
  the last of each day for ``DAILY_DAYS`` days. Pruned after each snapshot.
- A snapshot is only ever read (a read-only connection, or a copy in a temporary folder); it is
  restored into the open document through its own connection (``db.restore``: the backup API
  again, journaled, so a crash leaves the old or the new content whole, and the file's 修改记录
  and 定稿 records carried over), never by replacing the file.

No Qt.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
import hashlib
import os
from pathlib import Path
import re
import shutil
import sqlite3
import tempfile
import threading

from .document import (DocumentError, backup_into, copy_document, open_document, os_reason,
                       sqlite_reason)

REASONS = {   # key → the words shown (and written in the snapshot's name)
    "open": "打开时", "periodic": "定时", "close": "关闭时", "manual": "手动备份",
    "import": "导入Excel前", "merge": "加入项目前", "finalize": "定稿前", "unfinalize": "撤销定稿前",
    "delete": "删除项目前", "restore": "恢复前",
}
_KEYS = {label: key for key, label in REASONS.items()}
DENSE_COUNT = 20                  # the last day: up to this many, every one
DENSE_AGE = timedelta(days=1)
DAILY_DAYS = 30                   # then the last of each day, for this many days
SOURCE_NOTE = "原文件位置.txt"     # in each document's folder: whose backups these are
STORE_ENV = "SELFEVAL_BACKUP_DIR"  # the store, when set (an administrator's choice; the tests')
STORE_NAME = "备份"                # else this folder in the user's data folder (ui.backups)
SUFFIX = ".sqlite"
_TEMP = re.compile(r"^~\$snapshot\.\d+\.\d+\.tmp(-journal)?$")
_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6})_(?P<reason>[^_]+)_(?P<digest>[0-9a-f]{12})\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S"
TEMP_GRACE = timedelta(hours=1)   # a temporary file older than this was left by a killed program
_lock = threading.Lock()          # one snapshot at a time in this process (the window's thread)
_counter = iter(range(1, 1 << 62))


class SnapshotError(Exception):
    """A snapshot that could not be taken, read or restored; ``str(err)`` is Chinese."""


@dataclass(frozen=True)
class Snapshot:
    path: Path
    time: datetime
    reason: str                   # a key of REASONS ("open" …)
    digest: str                   # 12 hex digits of the content's digest

    @property
    def label(self) -> str:
        """The reason in words (打开时, 恢复前 …)."""
        return REASONS.get(self.reason, self.reason)

    @property
    def shown(self) -> str:
        """The time as the dialog and the CLI show it: 2025-03-14 09:12:30."""
        return self.time.strftime("%Y-%m-%d %H:%M:%S")


@dataclass
class Summary:
    """What a snapshot holds, read from it: unit, year and the projects' names."""
    unit: str = ""
    year: int | None = None
    keys: list = field(default_factory=list)      # version_diff.Key of each, in the list's order

    @property
    def projects(self) -> list[str]:
        """The names, as the list shows them."""
        return [k.shown for k in self.keys]

    @property
    def department(self) -> bool:
        """A 部门整体 evaluation among them."""
        return any(k.kind == "department" for k in self.keys)

    @property
    def heading(self) -> str:
        year = f"{self.year}年度" if self.year else "年度未填"
        return f"{self.unit or '单位未填'} {year}"


@dataclass
class StoredDocument:
    """A document that has backups in the store."""
    folder: Path
    path: Path            # where the document was when its backups were taken
    snapshots: int
    latest: datetime | None


# ---------------------------------------------------------------- where

def _doc_key(doc_path: str | Path) -> str:
    text = os.path.normcase(str(Path(doc_path).absolute()))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _safe(stem: str) -> str:
    """A file's stem as part of a folder name on any system (no \\/:*?"<>|, no trailing dot)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", stem).strip(" .")
    return cleaned[:40] or "自评文件"


def folder_for(store: str | Path, doc_path: str | Path) -> Path:
    """The store's folder of one document (by its absolute path)."""
    return Path(store) / f"{_safe(Path(doc_path).stem)}_{_doc_key(doc_path)}"


def _note_source(folder: Path, doc_path: Path) -> None:
    note = folder / SOURCE_NOTE
    text = f"{Path(doc_path).absolute()}\n"
    try:
        if note.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    tmp = folder / f"~${SOURCE_NOTE}.{os.getpid()}.tmp"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, note)


def documents(store: str | Path) -> list[StoredDocument]:
    """Every document with backups in ``store``, the most recently backed up first."""
    found = []
    try:
        folders = [f for f in Path(store).iterdir() if f.is_dir()]
    except OSError:
        return []
    for folder in folders:
        try:
            source = Path((folder / SOURCE_NOTE).read_text(encoding="utf-8").strip())
        except OSError:
            continue
        snaps = _listed(folder)
        if snaps:
            found.append(StoredDocument(folder, source, len(snaps), snaps[0].time))
    return sorted(found, key=lambda d: d.latest or datetime.min, reverse=True)


# ---------------------------------------------------------------- listing

def _parse(path: Path) -> Snapshot | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        when = datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None
    return Snapshot(path, when, _KEYS.get(match["reason"], match["reason"]), match["digest"])


def _order(snap: Snapshot):
    try:
        mtime = snap.path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return snap.time, mtime


def _listed(folder: Path) -> list[Snapshot]:
    try:
        names = list(folder.iterdir())
    except OSError:
        return []
    snaps = [s for s in map(_parse, names) if s is not None]
    return sorted(snaps, key=_order, reverse=True)


def list_snapshots(store: str | Path, doc_path: str | Path) -> list[Snapshot]:
    """The snapshots of the document at ``doc_path``, newest first (none: an empty list)."""
    return _listed(folder_for(store, doc_path))


def find(snapshots: list[Snapshot], wanted: str) -> Snapshot:
    """The snapshot a clerk names: its number in the list (1 = newest) or its time, written as
    shown (2025-03-14 09:12:30) or as a prefix of it (2025-03-14 09:12). SnapshotError (Chinese)
    when none or several match."""
    wanted = " ".join(wanted.split())
    if wanted.isdigit() and len(wanted) < 5:
        number = int(wanted)
        if 1 <= number <= len(snapshots):
            return snapshots[number - 1]
        raise SnapshotError(f"没有第 {number} 个备份（共 {len(snapshots)} 个）")
    compact = re.sub(r"\D", "", wanted)
    matches = [s for s in snapshots if compact and
               s.time.strftime("%Y%m%d%H%M%S").startswith(compact)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise SnapshotError(f"没有时间为“{wanted}”的备份")
    raise SnapshotError(f"时间为“{wanted}”的备份有 {len(matches)} 个（"
                        f"{'、'.join(s.shown for s in matches[:5])}），请写到秒")


# ---------------------------------------------------------------- taking

# rows that are the file's record of what happened to it, not its content: the 修改记录 and the
# contents stored at each 定稿 (``domain.finalized_diff.SNAPSHOT_PREFIX``); a restore carries
# both over (``db.restore``), so they differ from every backup's after it
_JOURNAL = re.compile(r'^INSERT INTO "?history"? |^INSERT INTO "?meta"? VALUES\(\'finalized:')


def content_digest(conn: sqlite3.Connection) -> str:
    """A digest of a document's content (its rows and format; not SQLite's page layout nor its
    AUTOINCREMENT counters): equal for two files holding the same thing. The journal rows
    (``_JOURNAL``) take no part: else after a restore every backup, the one just restored too, would
    read “项目相同，内容有不同”, because the restore's own 修改记录 line differs."""
    digest = hashlib.sha256()
    for pragma in ("application_id", "user_version"):
        digest.update(f"{pragma}={conn.execute(f'PRAGMA {pragma}').fetchone()[0]};".encode())
    for line in conn.iterdump():
        if "sqlite_sequence" not in line and not _JOURNAL.match(line):
            digest.update(line.encode("utf-8"))
            digest.update(b"\n")
    return digest.hexdigest()[:12]


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that reads ``path`` and can write nothing (SQLite's locks keep what it
    reads consistent while another connection writes)."""
    conn = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True,
                           isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _remove(path: Path) -> None:
    for part in (path, Path(f"{path}-journal")):
        try:
            part.unlink()
        except FileNotFoundError:
            pass


def _why(exc: BaseException) -> str:
    return os_reason(exc) if isinstance(exc, OSError) else sqlite_reason(exc)


def take(source: sqlite3.Connection | str | Path, store: str | Path, doc_path: str | Path,
         reason: str, now: datetime | None = None, always: bool = False) -> Snapshot | None:
    """Snapshot the document into the store; the Snapshot, or None when its content is the
    latest snapshot's (nothing written) and not ``always`` — a restore's 恢复前 is written
    whatever the latest holds (its question promises a row of that name to restore back
    from). ``source`` is the open document's connection (not inside a transaction)
    or a document's path (read through a read-only connection of its own). SnapshotError
    (Chinese) when it cannot be taken: nothing is left in the store then, and the document is
    never written to either way."""
    if reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r}")
    folder = folder_for(store, doc_path)
    with _lock:
        tmp = folder / f"~$snapshot.{os.getpid()}.{next(_counter)}.tmp"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _note_source(folder, Path(doc_path))
            _remove(tmp)
            _copy(source, tmp)
            check = read_only(tmp)
            try:
                digest = content_digest(check)
            finally:
                check.close()
            latest = next(iter(_listed(folder)), None)
            if latest is not None and latest.digest == digest and not always:
                _remove(tmp)
                return None
            when = (now or datetime.now()).replace(microsecond=0)
            target = folder / f"{when.strftime(_STAMP)}_{REASONS[reason]}_{digest}{SUFFIX}"
            os.replace(tmp, target)
        except (OSError, sqlite3.Error) as exc:
            try:
                _remove(tmp)
            except OSError:
                pass
            raise SnapshotError(f"备份未完成：{_why(exc)}（备份文件夹：{folder.parent}）") from exc
        prune(folder, now)
        return Snapshot(target, when, reason, digest)


def _copy(source, tmp: Path) -> None:
    """The document, through the backup API, into a new file ``tmp`` (made durable)."""
    own = not isinstance(source, sqlite3.Connection)
    src = read_only(Path(source)) if own else source
    try:
        if not own and src.in_transaction:
            raise sqlite3.OperationalError("the document is in the middle of a change")
        backup_into(src, tmp)
    finally:
        if own:
            src.close()
    _fsync(tmp)


# ---------------------------------------------------------------- retention

def expired(snapshots: list[Snapshot], now: datetime) -> list[Snapshot]:
    """The snapshots the retention rule lets go (``snapshots`` newest first): kept are the
    latest, those of the last day up to DENSE_COUNT, and the last of each of the last DAILY_DAYS
    days."""
    keep: set[Path] = set()
    if snapshots:
        keep.add(snapshots[0].path)
    recent = [s for s in snapshots if now - s.time < DENSE_AGE]
    keep.update(s.path for s in recent[:DENSE_COUNT])
    days: set = set()
    for snap in snapshots:
        day = snap.time.date()
        if (now.date() - day).days < DAILY_DAYS and day not in days:
            days.add(day)
            keep.add(snap.path)
    return [s for s in snapshots if s.path not in keep]


def prune(folder: Path, now: datetime | None = None) -> list[Snapshot]:
    """Remove what the retention rule lets go, and the temporary files a killed snapshot left;
    what could not be removed stays (tried again next time)."""
    now = now or datetime.now()
    gone = []
    for snap in expired(_listed(folder), now):
        try:
            snap.path.unlink()
            gone.append(snap)
        except OSError:
            pass
    try:
        leftovers = [p for p in folder.iterdir() if _TEMP.match(p.name)]
    except OSError:
        leftovers = []
    for path in leftovers:
        try:
            if datetime.now() - datetime.fromtimestamp(path.stat().st_mtime) > TEMP_GRACE:
                path.unlink()
        except OSError:
            pass
    return gone


# ---------------------------------------------------------------- reading

@contextmanager
def reading(snapshot: Snapshot):
    """A read-only connection on the snapshot's content in this program's current format (a
    snapshot of an older format is migrated in a temporary copy; the store is never written)."""
    from .schema import CURRENT_VERSION
    from .document import check_file
    try:
        version = check_file(snapshot.path)
    except DocumentError as exc:
        raise SnapshotError(str(exc)) from None
    if version == CURRENT_VERSION:
        conn = read_only(snapshot.path)
        try:
            yield conn
        finally:
            conn.close()
        return
    folder = Path(tempfile.mkdtemp(prefix="selfeval-backup-"))
    try:
        copy = folder / snapshot.path.name
        shutil.copyfile(snapshot.path, copy)
        try:
            opened = open_document(copy)
        except DocumentError as exc:
            raise SnapshotError(str(exc)) from None
        try:
            yield opened.conn
        finally:
            opened.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def summary(snapshot: Snapshot) -> Summary:
    """Unit, year and the projects' names, read from the snapshot (a few small queries)."""
    try:
        conn = read_only(snapshot.path)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            unit = conn.execute("SELECT name FROM unit WHERE id = 1").fetchone()
            rows = conn.execute("SELECT id, kind, name, implementer FROM project "
                                "ORDER BY position, id").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise SnapshotError(f"无法读取备份（{sqlite_reason(exc)}）") from None
    from ..domain.version_diff import Key
    year = meta.get("year")
    keys = [Key(pid, kind, name or "", implementer or "") for pid, kind, name, implementer in rows]
    return Summary(unit=unit[0] if unit else "", year=int(year) if year and year.isdigit() else None,
                   keys=keys)


def document(snapshot: Snapshot):
    """The snapshot's content as a ``Document`` (an older format migrated in a temporary copy)."""
    from .repo import load_document
    with reading(snapshot) as conn:
        try:
            return load_document(conn)
        except sqlite3.Error as exc:
            raise SnapshotError(f"无法读取备份（{sqlite_reason(exc)}）") from None


def scores(snapshot: Snapshot, now=None, doc=None) -> list[dict]:
    """Each project of the snapshot with its 总分 and 等次, as ``score --json`` gives them; given
    the document as it is now (``now``), each also says ``"now"``: ``"same"``, ``"changed"`` (the
    text overwritten is in this backup) or ``"gone"`` (deleted since). ``doc``: the snapshot
    already loaded (:func:`document`), when the caller has it."""
    from ..domain.evaluation import evaluate_document
    doc = doc if doc is not None else document(snapshot)
    results = evaluate_document(doc)["projects"]
    if now is not None:
        present = {p.id: p for p in now.projects}
        for result, project in zip(results, doc.projects):
            there = present.get(project.id)
            result["now"] = "gone" if there is None else "same" if there == project else "changed"
    return results


def compared(snap: Summary, snap_digest: str, now: Summary | None, now_digest: str | None,
             shown: int = 2, detail=None) -> str:
    """The snapshot against the document as it is now, in a few words: 与现在的内容相同, or the
    projects it has that the document no longer has (“比现在多”), those it lacks (“少”) and those
    renamed, matched by id (a project renamed is not one more and one fewer) —
    ``shown`` names of each at most; given ``detail`` (:func:`differences`) also what differs
    within the projects (“科技创新平台资助项目”：得分 60.00→72.50，改了 3 处)."""
    if now is None:
        return snap.heading
    if now_digest is not None and snap_digest == now_digest:
        return "与现在的内容相同"
    if detail is not None:
        return detail.short(shown)
    from ..domain.version_diff import by_names
    return by_names(snap.keys, now.keys, _heading(snap, now)).short(shown)


def _heading(snap: Summary, now: Summary) -> str | None:
    return snap.heading if (snap.unit, snap.year) != (now.unit, now.year) else None


def differences(snapshot: Snapshot, held: Summary, now_doc, now: Summary, doc=None):
    """What differs between the snapshot (``held``: its summary) and the document as it is now
    (``now_doc``, :func:`current_document`; ``now``: its summary): a ``version_diff.Diff``.
    SnapshotError when the snapshot cannot be read. Loading one costs some ms: the window asks
    row by row once the list is shown; ``doc``, the snapshot already loaded, saves it."""
    from ..domain.version_diff import compare
    return compare(doc if doc is not None else document(snapshot), now_doc, _heading(held, now))


def current_document(doc_path: str | Path):
    """The document as it is now on disk, loaded; None when it cannot be read."""
    path = Path(doc_path)
    if not path.exists():
        return None
    try:
        return document(Snapshot(path, datetime.now(), "manual", ""))
    except SnapshotError:
        return None


def current(doc_path: str | Path) -> tuple[Summary, str] | None:
    """(summary, digest) of the document as it is now on disk, or None when it cannot be read."""
    path = Path(doc_path)
    if not path.exists():
        return None
    try:
        conn = read_only(path)
        try:
            digest = content_digest(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    try:
        return summary(Snapshot(path, datetime.now(), "manual", digest)), digest
    except SnapshotError:
        return None


# ---------------------------------------------------------------- using one

def save_as(snapshot: Snapshot, target: str | Path) -> None:
    """另存为: the snapshot copied into a new file ``target`` (built beside it, then renamed);
    DocumentError (Chinese) when it cannot be written."""
    try:
        conn = read_only(snapshot.path)
    except sqlite3.Error as exc:
        raise DocumentError(f"无法读取备份（{sqlite_reason(exc)}）") from None
    try:
        copy_document(conn, target)
    finally:
        conn.close()

