"""A huge amount in a received workbook (a code pasted into an amount column): the import keeps it
as typed, red, saying in Chinese which cell and why — it was refused only when the
document was written, in English (“写入…失败（Python int too large to convert to SQLite
INTEGER）”), and nothing was imported."""
import re

import pytest

from selfeval_desktop.reports.xlsx_import import import_workbook, write_document

from tests.file_helpers import reread

from . import xlsx_builders as build

HUGE = "99999999999999999999"       # 20 digits of 万元: past SQLite's 64-bit integers in 分


@pytest.mark.parametrize("value", [HUGE, 1e20], ids=["text", "number"])
def test_a_huge_annual_budget_is_kept_as_typed_with_its_cell_named(tmp_path, value):
    path = build.save(tmp_path / "收到的自评表.xlsx", ("自评", build.FormSpec(annual=value), {}))
    result = import_workbook(path, "wan")
    text = result.report.text()
    said = [line for line in text.splitlines() if "过大" in line]
    assert len(said) == 1 and re.search(r"全年预算数（[A-Z]+\d+）：金额“1?[09]+”过大", said[0])
    assert "（原文已保留）" in said[0]
    target = tmp_path / "out.sqlite"
    write_document(result, target)                    # written: the huge cell does not stop it
    project = reread(target).projects[0]
    assert project.funding.annual_budget is None
    assert project.funding.executed == 190 * 1_000_000
    assert list(project.unread.values()) == [HUGE if isinstance(value, str) else "1e+20"]
