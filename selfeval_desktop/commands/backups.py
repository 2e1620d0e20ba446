"""``backups FILE [--store DIR] [--save-as 时间 OUT] [--json]``: the snapshots 备份与恢复 keeps.

Lists FILE's backups as the window's 文件 → 备份与恢复… does (newest first: time, reason, number
of projects, how each differs from FILE as it is now), also when FILE itself is gone; with
``--save-as`` copies one into a new file (never over an existing one). The store is the window's
(``SELFEVAL_BACKUP_DIR``, else the user's data folder + 备份), or ``--store``. It only reads the
store and FILE: a restore is the window's (it holds the file's lock).
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from ..db import snapshots
from ..db.document import DocumentError
from .common import CommandError


def register(sub) -> None:
    p = sub.add_parser(
        "backups", help="列出自动备份，或把一个备份另存为新文件 / list the automatic backups",
        description="列出窗口为自评文件自动保存的备份（新的在前：时间、原因、项目数、与现在相比），"
                    "文件已被删除或移走时也能列出；加 --save-as 把其中一个另存为新文件（不覆盖已有文件）。\n"
                    "List the backups the window keeps of a document (newest first), also when the\n"
                    "document itself is gone; --save-as copies one into a new file.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", help="自评文件（可以已不存在）/ document (it may be gone)")
    p.add_argument("--store", metavar="DIR",
                   help="备份文件夹（默认与窗口相同）/ the backup folder (default: the window's)")
    p.add_argument("--save-as", nargs=2, metavar=("时间TIME", "OUT"),
                   help="把编号或时间（如 2 或 \"2025-03-14 09:12:30\"）的备份另存为 OUT / "
                        "save the backup of that number or time as a new file OUT")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(run=run)


def default_store() -> Path:
    """The window's store: ``SELFEVAL_BACKUP_DIR``, else Qt's AppLocalDataLocation (found as the
    window finds it, under its organisation and application names) + 备份."""
    override = os.environ.get(snapshots.STORE_ENV)
    if override:
        return Path(override)
    from PySide6.QtCore import QCoreApplication, QStandardPaths
    from ..app import APP, ORG
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(folder or Path.home() / ".selfeval-desktop") / snapshots.STORE_NAME


def run(args) -> int:
    doc = Path(args.file).absolute()
    store = Path(args.store) if args.store else default_store()
    if args.store and not store.is_dir():
        raise CommandError(f"找不到备份文件夹“{store}”")
    found = snapshots.list_snapshots(store, doc)
    if args.save_as:
        return _save_as(found, doc, *args.save_as)
    now = snapshots.current(doc)
    now_doc = snapshots.current_document(doc) if now is not None else None
    rows = []
    for number, snap in enumerate(found, start=1):
        try:
            held = snapshots.summary(snap)
        except snapshots.SnapshotError as exc:
            rows.append((number, snap, None, str(exc), None))
            continue
        detail = _detail(snap, held, now, now_doc)
        rows.append((number, snap, held, snapshots.compared(held, snap.digest,
                                                              *(now or (None, None)), detail=detail),
                     detail))
    if args.json:
        print(json.dumps([_json(*row) for row in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(f"没有“{doc.name}”的备份（备份文件夹：{store}）")
        _same_name(store, doc)
        return 0
    gone = "" if doc.exists() else "；文件已不在原处"
    print(f"“{doc.name}”的备份 {len(rows)} 个，新的在前（备份文件夹：{found[0].path.parent}{gone}）：")
    for number, snap, held, told, _ in rows:
        count = "—" if held is None else str(len(held.projects))
        print(f"{number:>3}  {snap.shown}  {_padded(snap.label, 10)}{count:>3} 个项目  {told}")
    print("另存某个备份：加 --save-as 编号或时间 新文件名")
    return 0


def _padded(text: str, columns: int) -> str:
    """``text`` padded to ``columns`` terminal columns (a Chinese character takes two)."""
    width = sum(2 if ord(c) > 0x2e80 else 1 for c in text)
    return text + " " * max(1, columns - width)


def _detail(snap, held, now, now_doc):
    """What differs within the projects (the window's words), or None when the
    backup is the file's content or either cannot be read."""
    if now is None or now_doc is None or snap.digest == now[1]:
        return None
    try:
        return snapshots.differences(snap, held, now_doc, now[0])
    except snapshots.SnapshotError:
        return None


def _json(number, snap, held, told, detail) -> dict:
    return {"number": number, "time": snap.time.isoformat(), "reason": snap.label,
            "file": str(snap.path), "unit": held.unit if held else None,
            "year": held.year if held else None,
            "projects": held.projects if held else None, "compared": told,
            "differences": detail.lines() if detail is not None else []}


def _same_name(store: Path, doc: Path) -> None:
    """Backups of a file of the same name elsewhere (moved, or a U盘 under another letter)."""
    for other in snapshots.documents(store):
        if other.path.name == doc.name:
            print(f"同名文件“{other.path}”有 {other.snapshots} 个备份：selfeval-desktop backups "
                  f"\"{other.path}\"")


def _save_as(found, doc: Path, wanted: str, out: str) -> int:
    if not found:
        raise CommandError(f"没有“{doc.name}”的备份")
    try:
        snap = snapshots.find(found, wanted)
    except snapshots.SnapshotError as exc:
        raise CommandError(str(exc)) from None
    target = Path(out)
    if target.suffix == "":
        target = target.with_suffix(snapshots.SUFFIX)
    if target.absolute() == doc:
        raise CommandError(f"“{target.name}”就是原文件，请另取一个文件名（恢复请在窗口中用"
                           f"“文件 → 备份与恢复…”）")
    if target.exists():
        raise CommandError(f"“{target.name}”已存在，未覆盖，请另取一个文件名")
    try:
        snapshots.save_as(snap, target)
    except DocumentError as exc:
        raise CommandError(str(exc)) from None
    print(f"已将 {snap.shown}（{snap.label}）的备份另存为“{target}”")
    return 0
