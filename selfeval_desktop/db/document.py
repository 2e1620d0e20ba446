"""Opening, creating and copying the one-file document safely.

Refused files are never touched: the header is read as bytes before SQLite opens the file, and
the integrity check runs on a read-only connection. Every connection uses the rollback journal
(``journal_mode=DELETE``) and ``foreign_keys=ON``; edits are committed as they are made.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
import errno
import os
from pathlib import Path
import shutil
import sqlite3
import struct
from datetime import datetime
import tempfile


from ..files import SQLITE_MAGIC, replace_atomically
from . import schema, temp_files
from .schema import (APPLICATION_ID, CURRENT_VERSION, MIGRATION_VERSIONS,
                     pack_version, unpack_version)


class DocumentError(Exception):
    """A file that cannot be opened; ``str(err)`` is one Chinese sentence for the user."""


# SQLite's English error texts (sqlite3.Error args) as the user reads them
_SQLITE_REASONS = [
    ("malformed", "文件内容已损坏"),
    ("not a database", "不是有效的数据库文件"),
    ("encrypted", "不是有效的数据库文件"),
    ("locked", "文件正被其他程序使用"),
    ("busy", "文件正被其他程序使用"),
    ("readonly", "文件为只读"),
    ("read-only", "文件为只读"),
    ("disk i/o error", "读写文件时出错，磁盘或旁边的 -journal 日志文件可能有问题"),
    ("full", "磁盘空间不足"),
    ("unable to open", "无法打开文件"),
    ("cantopen", "无法打开文件"),
    ("no such table", "文件缺少必要的数据表"),
    ("no such column", "文件缺少必要的数据列"),
    ("corrupt", "文件内容已损坏"),
    ("constraint", "数据不符合文件格式的约束"),
]

_OS_REASONS = {
    errno.ENOENT: "找不到文件", errno.EACCES: "没有权限", errno.EPERM: "没有权限",
    errno.EISDIR: "是一个文件夹", errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.ENOSPC: "磁盘空间不足", errno.EROFS: "磁盘为只读", errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被使用", errno.ENAMETOOLONG: "文件名太长", errno.EIO: "磁盘读写错误",
    errno.EMFILE: "打开的文件过多", errno.EXDEV: "不能跨磁盘移动文件",
}


def sqlite_reason(exc: BaseException) -> str:
    """A SQLite error in Chinese ("database disk image is malformed" → 文件内容已损坏)."""
    if isinstance(exc, OSError):
        return os_reason(exc)
    text = str(exc).lower()
    for key, reason in _SQLITE_REASONS:
        if key in text:
            return reason
    return "数据库错误"


def _os_words(exc: OSError) -> str:
    return _OS_REASONS.get(exc.errno or 0, f"系统错误（代码 {exc.errno}）" if exc.errno
                           else "系统错误")


def os_cause(exc: OSError) -> str:
    """An OS error's cause in Chinese, without the file's name (the message names it): “没有权限”
    for “Permission denied” (a PDF saved into a read-only folder must not end in English)."""
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) and exc.filename:
        refused = _folder_refused(Path(exc.filename).parent)
        if refused:
            return refused
    if exc.errno == errno.ENOENT and exc.filename and not Path(exc.filename).parent.is_dir():
        return f"文件夹“{Path(exc.filename).parent}”不存在"    # a U盘 pulled out, a share gone
    return _os_words(exc)


def os_reason(exc: OSError) -> str:
    """An OS error in Chinese ("[Errno 21] Is a directory" → 是一个文件夹), with the file's name."""
    reason = _os_words(exc)
    name = Path(exc.filename).name if exc.filename else ""
    return f"“{name}”{reason}" if name else reason


@dataclass
class OpenedDocument:
    conn: sqlite3.Connection
    path: Path
    readonly: bool = False
    version: tuple[int, int] = CURRENT_VERSION
    backup: Path | None = None      # the copy written before a migration
    notice: str = ""                # a message to show (migrated, opened read-only ...)
    cleanup: Path | None = None     # a temporary copy to remove on close

    def close(self) -> None:
        self.conn.close()
        if self.cleanup is not None:
            shutil.rmtree(self.cleanup, ignore_errors=True)


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 3000")
    if not readonly:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode.lower() != "delete":  # pragma: no cover - only on exotic file systems
            conn.close()
            raise DocumentError(f"无法以安全的日志模式打开“{path.name}”")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def read_header(path: Path) -> tuple[int, int]:
    """(application_id, user_version) from the file's first 100 bytes, or DocumentError."""
    name = path.name
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except FileNotFoundError:
        raise DocumentError(f"找不到文件“{path}”") from None
    except IsADirectoryError:
        raise DocumentError(f"“{path}”是一个文件夹，不是自评文件") from None
    except PermissionError:
        raise DocumentError(f"没有权限读取“{name}”") from None
    except OSError as exc:
        raise DocumentError(f"无法读取“{name}”：{os_reason(exc)}") from None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise DocumentError(f"“{name}”不是绩效自评文件（自评文件是本程序保存的 .sqlite 文件），未作任何修改")
    user_version, application_id = struct.unpack(">i", header[60:64])[0], \
        struct.unpack(">i", header[68:72])[0]
    return application_id, user_version


def check_file(path: Path) -> tuple[int, int]:
    """Refuse what is not ours, corrupt or too new; return the file's (major, minor)."""
    path = Path(path)
    application_id, user_version = read_header(path)
    if application_id != APPLICATION_ID:
        raise DocumentError(f"“{path.name}”是其他程序的 SQLite 数据库，不是绩效自评文件，未作任何修改")
    major, minor = unpack_version(user_version)
    if major > CURRENT_VERSION[0]:
        raise DocumentError(
            f"“{path.name}”由更新版本的绩效自评助手创建（文件格式 {major}.{minor}），"
            f"本程序只支持到 {CURRENT_VERSION[0]}.x，请升级软件后再打开")
    hot_journal = Path(f"{path}-journal").exists()
    try:
        conn = _connect(path, readonly=not hot_journal)  # a hot journal must be rolled back first
    except sqlite3.Error as exc:
        raise DocumentError(f"“{path.name}”已损坏或无法读取（{sqlite_reason(exc)}），未作任何修改") from None
    # quick_check quotes names and bytes from damaged pages, in its report or its error message:
    # read the report as bytes, and treat a message that is not UTF-8 as damage too
    conn.text_factory = bytes
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DocumentError(f"“{path.name}”已损坏，无法打开（{sqlite_reason(exc)}），未作任何修改") from None
    except UnicodeDecodeError:
        raise DocumentError(f"“{path.name}”已损坏，无法打开（数据页内容无法识别），未作任何修改") from None
    finally:
        conn.close()
    result = "；".join(_text(row[0]) for row in rows[:3])
    if result != "ok":  # SQLite's report (pages, btrees) is English and means nothing to a clerk
        raise DocumentError(f"“{path.name}”已损坏，无法打开（完整性检查未通过），未作任何修改")
    return major, minor


def would_migrate(path: str | Path) -> bool:
    """Whether an editable :func:`open_document` of ``path`` would back it up and upgrade its
    format (a file of an earlier release): a caller that may still refuse the file checks it on
    a read-only open first, so that a refused file is left as it was."""
    try:
        application_id, user_version = read_header(Path(path))
    except DocumentError:
        return False
    return application_id == APPLICATION_ID and unpack_version(user_version) < CURRENT_VERSION


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def open_document(path: str | Path, readonly: bool = False) -> OpenedDocument:
    """Open an existing document: refuse, open read-only, or migrate after a backup."""
    path = Path(path)
    if readonly and _has_journal(path):
        return _open_snapshot(path)
    version = check_file(path)
    notice = ""
    if version > CURRENT_VERSION:
        readonly = True
        notice = (f"此文件由较新版本创建（格式 {version[0]}.{version[1]}），已以只读方式打开；"
                  f"如需修改请升级软件")
    if not readonly and not os.access(path, os.W_OK):
        readonly = True
        notice = "文件为只读，已以只读方式打开"
    backup = None
    if version < CURRENT_VERSION and not readonly:
        backup = backup_path(path, version)
        try:
            shutil.copy2(path, backup)
        except OSError as exc:
            raise DocumentError(f"升级“{path.name}”的文件格式前无法备份：{os_reason(exc)}，"
                                f"未作任何修改") from None
        conn = _connect(path, readonly=False)
        try:
            migrate(conn)
            conn.execute("INSERT INTO history (at, action, detail) VALUES (?, 'migrate', ?)",
                         (datetime.now().isoformat(timespec="seconds"),
                          f"{version[0]}.{version[1]} → {CURRENT_VERSION[0]}.{CURRENT_VERSION[1]}，"
                          f"备份 {backup.name}"))
        except Exception as exc:
            conn.close()
            shutil.copy2(backup, path)
            raise DocumentError(f"升级“{path.name}”的文件格式失败（{sqlite_reason(exc)}），"
                                f"已恢复原文件") from exc
        conn.close()
        notice = (f"文件格式已从 {version[0]}.{version[1]} 升级到 {CURRENT_VERSION[0]}."
                  f"{CURRENT_VERSION[1]}，原文件备份为“{backup.name}”")
        version = CURRENT_VERSION
    elif version < CURRENT_VERSION:
        notice = notice or "此文件格式较旧，只读打开时不会升级"
    try:
        conn = _connect(path, readonly=readonly)
    except sqlite3.Error as exc:
        raise DocumentError(f"无法打开“{path.name}”（{sqlite_reason(exc)}）") from None
    if not readonly:   # a read never writes; an editable open tidies the folder
        temp_files.remove_debris(path.parent, keep=path)
    return OpenedDocument(conn, path, readonly, version, backup, notice)


def _has_journal(path: Path) -> bool:
    journal = Path(f"{path}-journal")
    return journal.exists() and journal.stat().st_size > 0


def _open_snapshot(path: Path) -> OpenedDocument:
    """Read-only open of a file left with a journal by a crash, without touching it.

    Rolling the journal back would change the file's bytes, and a read must never write; so the
    file and its journal are copied to a temporary folder and the copy is recovered and read.
    """
    folder = Path(tempfile.mkdtemp(prefix="selfeval-ro-"))
    copy = folder / path.name
    try:
        shutil.copy2(path, copy)
        shutil.copy2(f"{path}-journal", f"{copy}-journal")
        version = check_file(copy)
        conn = _connect(copy, readonly=True)
    except OSError as exc:  # the journal beside it is a folder, unreadable …
        shutil.rmtree(folder, ignore_errors=True)
        raise DocumentError(f"无法读取“{path.name}”：{os_reason(exc)}，未作任何修改") from None
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    notice = "文件上次未正常关闭，以只读方式显示其最后保存的内容；以可编辑方式打开时将自动恢复"
    return OpenedDocument(conn, path, True, version, None, notice, cleanup=folder)


def backup_path(path: Path, version: tuple[int, int]) -> Path:
    base = path.with_name(f"{path.stem}.v{version[0]}.{version[1]}备份{path.suffix}")
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.stem}-{n}{base.suffix}")
    return candidate


def migrate(conn: sqlite3.Connection) -> None:
    """Apply pending migrations, each in its own transaction."""
    from sqlite_utils import Database
    schema.migrations.apply(Database(conn))


def create_document(path: str | Path, overwrite: bool = False) -> OpenedDocument:
    """Create a new, empty document at ``path`` (an existing file is refused unless overwrite).

    The new file is built beside ``path`` and moved into place only when complete, so a failure
    leaves an existing file as it was.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise DocumentError(f"“{path.name}”已存在，未覆盖")
    replace_atomically(path, _build_empty)
    return open_document(path)


def _build_empty(path: Path) -> None:
    """An empty document of the current format at ``path`` (the temporary file of
    ``files.replace_atomically``, hidden on Windows while it is built)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    finally:
        conn.close()


def create_in_memory() -> sqlite3.Connection:
    """A scratch document in memory (tests, benchmarks)."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn)
    return conn


def _folder_refused(folder: Path) -> str | None:
    """A folder that takes no writing (a read-only share, a U盘 or CD), said with what to do."""
    if os.access(folder, os.W_OK):
        return None
    return (f"文件夹“{folder}”不允许写入（可能是只读的共享文件夹、写保护的 U 盘或光盘），"
            "请另选一个保存位置（如“文档”）")


def folder_refusal(path: Path, exc: BaseException) -> str:
    """Why a new file could not be written at ``path``, in Chinese: a folder that takes no
    writing is said as such (not SQLite's “unable to open database file”); otherwise the
    reason."""
    return _folder_refused(path.parent) or sqlite_reason(exc)


def write_atomically(path: str | Path, build) -> None:
    """Build a new document in a temporary file beside ``path`` and move it into place
    (``files.replace_atomically``, as every file the program writes).

    ``build(conn)`` fills the new document. If it raises, ``path`` is left as it was. A file
    that cannot be written there raises DocumentError, in Chinese. Once it is written, the
    temporary files killed programs left in that folder are removed (killed 从上年文件新建 runs
    left hidden databases that piled up, 16 after 12 kills).
    """
    path = Path(path)

    def fill(tmp: Path) -> None:
        _build_empty(tmp)
        conn = _connect(tmp, readonly=False)   # (not open_document: it would tidy the folder
        try:                                   # before this write has succeeded)
            build(conn)
        finally:
            conn.close()
    try:
        replace_atomically(path, fill)
    except (sqlite3.Error, OSError) as exc:
        raise DocumentError(folder_refusal(path, exc)) from exc
    temp_files.remove_debris(path.parent, keep=path)


def backup_into(conn: sqlite3.Connection, path: Path) -> None:
    """The document of ``conn``, consistent, written through SQLite's backup API into the new
    file ``path`` (its own journal mode: a copy carries no WAL of ours)."""
    dest = sqlite3.connect(path)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def copy_document(conn: sqlite3.Connection, target: str | Path) -> None:
    """另存为副本: a consistent copy through SQLite's backup API (no half-written copy).

    The copy is built in a hidden file beside ``target``; on any failure (disk full, a U盘 pulled
    out) that file and its journal are removed — a leftover as big as the free space kept the disk
    full for every later edit of the open document — and DocumentError says why in
    Chinese (磁盘空间不足 …), never SQLite's English. The hidden file is named as a temporary one
    (``~$…tmp``), and the ones killed copies left in that folder are removed once this one is
    written.
    """
    target = Path(target)
    try:
        replace_atomically(target, lambda tmp: backup_into(conn, tmp))   # gone on any failure
    except OSError as exc:
        raise DocumentError(f"无法写入“{target.name}”：{os_cause(exc)}") from exc
    except sqlite3.Error as exc:
        raise DocumentError(f"无法写入“{target.name}”：{sqlite_reason(exc)}") from exc
    temp_files.remove_debris(target.parent, keep=target)


@contextmanager
def transaction(conn: sqlite3.Connection):
    """One committed unit of work: BEGIN IMMEDIATE … COMMIT, rolled back on error.

    Inside an open transaction it joins it (repo functions called by a caller's transaction).
    The COMMIT is inside the try: SQLite keeps the transaction open when COMMIT fails (SQLITE_BUSY,
    another program reading the file), and a CLI writer must not leave it open.
    """
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        raise


def schema_version(conn: sqlite3.Connection) -> tuple[int, int]:
    return unpack_version(conn.execute("PRAGMA user_version").fetchone()[0])


__all__ = ["DocumentError", "OpenedDocument", "sqlite_reason", "os_reason", "open_document",
           "create_document", "check_file",
           "create_in_memory", "write_atomically", "copy_document", "transaction", "pack_version",
           "schema_version", "MIGRATION_VERSIONS"]
