"""The files the program writes beside the clerk's own: one temporary name, one atomic replace,
one test of “the same file”, one check of what an output may be written over (never an
SQLite file).

Before, three writers (new documents, PDFs, workbooks) each had their own temporary
name (``~$NAME.PID.tmp``, ``.STEM.XXXX.part``, ``.NAME.tmp-PID`` and ``.raw``); only the first
was ever cleaned up after a kill, so a killed 导出Excel or 打印 left files in the clerk's folder
for good, and a leading dot hides nothing on Windows. Now every file is written by
:func:`replace_atomically`: built in ``~$NAME.PID.tmp`` beside the target (hidden on Windows
while it is written, as Office hides its ``~$`` files), flushed to the disk, then renamed over
the target; ``db.temp_files.remove_debris`` knows that name and removes what a killed program
left. The checks of an output target (``print``, ``export-xlsx``,
``aggregate`` and the window's 打印, 导出Excel, 汇总) were once written three times; now
:func:`check_target`.

No Qt, and nothing of ours is imported: ``db``, ``reports``, ``commands`` and ``ui`` all use it.
"""
from __future__ import annotations

import os
from pathlib import Path
import stat
import sys
from typing import Callable, Iterable

SQLITE_MAGIC = b"SQLite format 3\x00"
TEMP_PREFIX = "~$"
TEMP_SUFFIX = ".tmp"


def temp_path(target: str | Path) -> Path:
    """Where the new file for ``target`` is written: ``~$NAME.PID.tmp`` in the same folder
    (``os.replace`` stays atomic only within one file system)."""
    target = Path(target)
    return target.with_name(f"{TEMP_PREFIX}{target.name}.{os.getpid()}{TEMP_SUFFIX}")


def replace_atomically(path: str | Path, write: Callable[[Path], None]) -> None:
    """Let ``write(tmp)`` fill a temporary file beside ``path``, then make it ``path``.

    ``tmp`` exists, empty, when ``write`` is called (hidden on Windows, where a hidden file
    refuses to be opened with ``"wb"``: open it with ``"r+b"``, or let SQLite open it). When
    ``write`` returns, the file is flushed to the disk (a power cut after the rename must not
    leave an empty target), shown again (a rename keeps the hidden attribute), given the
    permissions of the file it replaces (a new one gets what any new file gets), and renamed
    over ``path``. Whatever fails or raises, ``path`` is as it was and the temporary file and
    its SQLite journal are gone; the exception is raised as it came (an OS error naming the
    temporary file names ``path`` instead).
    """
    replace_all_atomically([(path, write)])


def replace_all_atomically(jobs: Iterable[tuple[Path, Callable[[Path], None]]]) -> None:
    """:func:`replace_atomically` for several files at once: every ``(path, write)`` done, or
    no file changed.

    Before, 打印 with one file per project that failed on file 3 of 5 left files 1 and 2
    replaced, and said nothing of them. Now every new file is built first (a failure there
    changes nothing); only then are they renamed into place, and when a rename fails (on
    Windows, a PDF open in a viewer refuses it) the files already replaced get their old
    content back (read before anything was replaced) and the new ones are removed. The
    exception is raised as it came, naming the file that failed; a file that could not be put
    back (rarely: the disk failed in between) is listed in its ``left_changed``.
    """
    jobs = [(Path(path), write) for path, write in jobs]
    # a single file has nothing to be put back (:func:`replace_atomically`: a document's whole
    # content is not read for nothing)
    old = {path: path.read_bytes() for path, _ in jobs if path.exists()} if len(jobs) > 1 else {}
    built: list[tuple[Path, Path]] = []
    try:
        for path, write in jobs:
            built.append((_built(path, write), path))
    except BaseException:
        for tmp, path in built:
            _discard(tmp, path)
        raise
    done: list[Path] = []
    for tmp, path in built:
        try:
            os.replace(tmp, path)
        except BaseException as exc:
            for unused, target in built[len(done):]:
                _discard(unused, target, exc)
            left = _put_back(done, old)
            if left and isinstance(exc, OSError):
                exc.left_changed = left
            raise
        done.append(path)
    for folder in {path.parent for path in done}:
        _sync_folder(folder)


def _put_back(done: list[Path], old: dict[Path, bytes]) -> list[Path]:
    """Give the files ``done`` their ``old`` content again (remove them where they were new);
    the ones that could not be."""
    left = []
    for path in done:
        try:
            if path in old:
                replace_atomically(path, lambda tmp, data=old[path]: write_into(tmp, data))
            else:
                path.unlink()
        except OSError:
            left.append(path)
    return left


def _built(path: Path, write: Callable[[Path], None]) -> Path:
    """The temporary file of ``path`` filled by ``write``, flushed, shown, with ``path``'s
    permissions; gone again when anything fails (see :func:`replace_atomically`)."""
    tmp = temp_path(path)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = None
    _remove(tmp)
    try:
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0),
                         0o666))
        set_hidden(tmp, True)
        write(tmp)
        with open(tmp, "r+b") as fh:
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        set_hidden(tmp, False)
    except BaseException as exc:
        _discard(tmp, path, exc)
        raise
    return tmp


def _discard(tmp: Path, path: Path, exc: BaseException | None = None) -> None:
    """Remove the temporary file ``tmp`` (and its journal); an OS error ``exc`` naming it names
    ``path`` instead: the temporary name means nothing to the clerk."""
    try:
        _remove(tmp)
    except OSError:
        pass
    if isinstance(exc, OSError) and exc.filename is not None \
            and Path(exc.filename).name == tmp.name:
        exc.filename = str(path)


def write_into(tmp: Path, data: bytes) -> None:
    """``data`` into the temporary file of :func:`replace_atomically`."""
    with open(tmp, "r+b") as fh:
        fh.write(data)
        fh.truncate()


def _remove(path: Path) -> None:
    for leftover in (path, Path(f"{path}-journal")):
        if leftover.exists():
            leftover.unlink()


def _sync_folder(folder: Path) -> None:
    """The rename itself on the disk too, where the system allows (not Windows)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_HIDDEN = 0x02              # FILE_ATTRIBUTE_HIDDEN
_INVALID = 0xFFFFFFFF       # INVALID_FILE_ATTRIBUTES
_NORMAL = 0x80              # FILE_ATTRIBUTE_NORMAL: what no attribute at all must be said as


def set_hidden(path: str | Path, hidden: bool) -> None:
    """Hide (or show again) ``path`` in Windows' Explorer, as Office hides its ``~$`` files.
    Nothing elsewhere, and nothing when the system refuses: a visible temporary file is no harm."""
    if sys.platform != "win32":
        return
    try:  # pragma: no cover - Windows only
        import ctypes
        kernel32 = ctypes.windll.kernel32
        attributes = kernel32.GetFileAttributesW(str(path))
        if attributes == _INVALID:
            return
        wanted = attributes | _HIDDEN if hidden else (attributes & ~_HIDDEN & _INVALID) or _NORMAL
        if wanted != attributes:
            kernel32.SetFileAttributesW(str(path), wanted)
    except Exception:  # pragma: no cover - no ctypes, an odd file system
        pass


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether ``a`` and ``b`` name one file: the same path once resolved (``.``, ``..``,
    symbolic links; a file not there yet too), or, both existing, the same file on the disk (a
    hard link, another spelling of a Windows name)."""
    a, b = Path(a), Path(b)
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except (OSError, RuntimeError):     # RuntimeError: a symbolic link loop (Python < 3.13)
        return False


class TargetError(Exception):
    """An output refused before anything was written; ``str(err)`` is one Chinese sentence."""


def check_target(path: str | Path, inputs: Iterable = (), suffixes: tuple[str, ...] = (".pdf",),
                 kind: str = "PDF", force: bool = False, inputs_are: str = "打开的自评文件") -> None:
    """Refuse, before anything is written, an output ``path`` that would destroy something.

    The one check of ``print``, ``export-xlsx``, ``aggregate`` and the window's 打印, 导出Excel
    and 汇总 (``kind``: “PDF”, “Excel 工作簿”, “汇总表”). ``path`` must end in one of
    ``suffixes``; it is never one of ``inputs`` (the documents read, said as ``inputs_are``),
    a folder, or an SQLite file (any 自评文件 or other database, whatever its name: a workbook
    must never be written over the open 自评文件), not even with ``force``; its folder must
    exist.
    Another existing file is replaced only with ``force`` (the window asks first in its save
    dialog; the commands need ``--force``). TargetError otherwise.
    """
    path = Path(path)
    if path.suffix.lower() not in suffixes:
        raise TargetError(f"“{path.name}”不是 {suffixes[0]} 文件名，未写出；请用以 {suffixes[0]} 结尾的文件名")
    if any(same_file(path, source) for source in inputs):
        raise TargetError(f"“{path.name}”就是{inputs_are}，不能用{kind}覆盖它；请换一个文件名")
    if path.is_dir():
        raise TargetError(f"“{path}”是一个文件夹，请指定{kind}的文件名")
    if not path.parent.is_dir():
        raise TargetError(f"文件夹“{path.parent}”不存在")
    if not path.exists():
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise TargetError(f"无法检查已有的“{path.name}”：{exc.strerror or exc}") from None
    if head == SQLITE_MAGIC:
        raise TargetError(f"“{path.name}”是自评文件或其他数据库文件，不能用{kind}覆盖它；请换一个文件名")
    if not force:
        raise TargetError(f"“{path.name}”已存在，未覆盖（如要替换请加 --force）")
