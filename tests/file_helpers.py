"""Helpers on the files the tests write, for every test directory."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from selfeval_desktop.db import repo
from selfeval_desktop.db.document import open_document
from selfeval_desktop.db.file_lock import lock_path_for
from selfeval_desktop.domain.model import Document


def sha(path: Path) -> str:
    """The file's bytes, hashed: compared before and after, it shows a read, a refused or a failed
    operation left the file exactly as it was."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sql(path: Path, statement: str, *params) -> None:
    """``statement`` run on the file with a database tool, behind the program's back: what a unit
    might do to a file after stamping its paper."""
    con = sqlite3.connect(path)
    con.execute(statement, params)
    con.commit()
    con.close()


def stored_digest(path: Path, project_id: int = 1) -> str | None:
    """The 校验码 digest stored in the file for the project ``project_id`` (NULL: not finalized)."""
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT digest FROM project WHERE id = ?", (project_id,)).fetchone()[0]
    finally:
        con.close()


def reread(path: Path) -> Document:
    """The document as a fresh connection sees it on disk."""
    opened = open_document(path, readonly=True)
    try:
        return repo.load_document(opened.conn)
    finally:
        opened.close()


def garbled_old_lock(doc: Path) -> Path:
    """An empty lock file beside ``doc``, an hour old: what a crash while writing it left."""
    path = lock_path_for(doc)
    path.write_text("", encoding="utf-8")
    old = time.time() - 3600
    os.utime(path, (old, old))
    return path


def dead_pid() -> int:
    """The id of a process that has ended: the program that left a lock or a temporary file
    and was killed or crashed."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid
