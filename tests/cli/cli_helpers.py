"""Helpers for the command-line tests: a command run as a user types it, the summary sheet read."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from selfeval_desktop.cli import main


def run(capsys, *argv):
    """``main`` on ``argv`` (paths and numbers given as text): (exit code, stdout, stderr)."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def summary_sheet(path: Path):
    """The 汇总 sheet's values as saved, row by row from the first, and the sheet."""
    ws = openpyxl.load_workbook(path, data_only=True)["汇总"]
    return [[c.value for c in row] for row in ws.iter_rows(min_row=1)], ws
