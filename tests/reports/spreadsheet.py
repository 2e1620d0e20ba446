"""Reading exported workbooks as a spreadsheet program computes them (LibreOffice, headless)."""
from __future__ import annotations

from decimal import Decimal
import os
from pathlib import Path
import re
import shutil
import subprocess
import uuid
import zipfile

import openpyxl


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def without_values(path: Path, out: Path) -> Path:
    """A copy of ``path`` whose formulas carry no saved result: LibreOffice then computes them
    itself (it trusts saved results on load, whatever fullCalcOnLoad says)."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                text = data.decode("utf-8")
                text = re.sub(r'(<c r="[A-Z]+\d+"[^>]*?)(?: t="str")?(>)(<f>.*?</f>)<v>.*?</v>',
                              r"\1\2\3<v />", text, flags=re.S)
                data = text.encode("utf-8")
            dst.writestr(info, data)
    return out


def recalculated(path: Path, tmp_path: Path) -> openpyxl.Workbook:
    """The workbook's values as LibreOffice computes them from the formulas alone."""
    work = tmp_path / f"lo-{uuid.uuid4().hex}"
    work.mkdir()
    bare = without_values(path, work / path.name)
    outdir = work / "out"
    subprocess.run([soffice(), f"-env:UserInstallation={(work / 'profile').as_uri()}",
                    "--headless", "--convert-to", "xlsx", "--outdir", str(outdir), str(bare)],
                   check=True, capture_output=True, timeout=180,
                   env={**os.environ, "HOME": str(work)})
    return openpyxl.load_workbook(outdir / path.name, data_only=True)


def printed(path: Path, tmp_path: Path) -> Path:
    """The workbook as LibreOffice prints it: the PDF it makes of ``path``."""
    work = tmp_path / f"lo-{uuid.uuid4().hex}"
    work.mkdir()
    subprocess.run([soffice(), f"-env:UserInstallation={(work / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(work), str(path)],
                   check=True, capture_output=True, timeout=180,
                   env={**os.environ, "HOME": str(work)})
    return work / (path.stem + ".pdf")


def same_value(a, b) -> bool:
    """Equal as shown: numbers within 1e-9, "" and empty alike."""
    a = None if a == "" else a
    b = None if b == "" else b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(Decimal(str(a)) - Decimal(str(b))) < Decimal("1e-9")
    return a == b


def formula_cells(path: Path) -> dict[str, list[str]]:
    """Sheet title → the cells holding a formula."""
    wb = openpyxl.load_workbook(path)
    return {ws.title: [c.coordinate for row in ws.iter_rows() for c in row
                       if isinstance(c.value, str) and c.value.startswith("=")]
            for ws in wb.worksheets}
