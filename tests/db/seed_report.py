"""What the demo tests of a seed share: the demo document, the seed's report text and its flattening."""
from __future__ import annotations

from pathlib import Path
import re

import pytest

from selfeval_desktop.db.demo import fill_demo
from selfeval_desktop.db.document import create_in_memory
from selfeval_desktop.db.repo import load_document


def demo_document(seed: str):
    """The demo of ``seed`` as the window loads it."""
    conn = create_in_memory()
    fill_demo(conn, seed)
    return load_document(conn)


def report_text(path: Path) -> str:
    """The seed's report (skipped where the seeds are not on the machine)."""
    if not path.exists():
        pytest.skip("seed reports not available")
    return path.read_text(encoding="utf-8")


def flat(text: str) -> str:
    """Text without any whitespace: the report's line and page breaks split words (“技术\\n\\n转移”)."""
    return re.sub(r"\s+", "", text)
