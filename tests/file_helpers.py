"""Helpers on the files the tests write, for every test directory."""
from __future__ import annotations

import hashlib
from pathlib import Path


def sha(path: Path) -> str:
    """The file's bytes, hashed: compared before and after, it shows a read, a refused or a failed
    operation left the file exactly as it was."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
