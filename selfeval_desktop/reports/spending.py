"""How a 项目支出明细 line is printed: an economic-classification code (302, 30211) is shown with
its name (``302商品和服务支出``, as the paper form writes it); the keys of the R&D cost
categories (``equipment``, ``travel`` …) are the program's own and never printed: 设备费."""
from __future__ import annotations

import re

from ..domain.catalogs import by_code
from ..domain.model import BudgetLine, SpendingScheme

_NUMBERED = re.compile(r"^\d{3,7}$")


def line_code(line: BudgetLine) -> str:
    """The code to show: an economic-classification number, else ""."""
    code = (line.code or "").strip()
    return code if _NUMBERED.match(code) else ""


def line_label(line: BudgetLine) -> str:
    """The line as the form prints it: 302商品和服务支出, 差旅费, 设备费."""
    code, name = line_code(line), (line.name or "").strip()
    if code:
        return name if name.startswith(code) else f"{code}{name}"
    if name:
        return name
    key = (line.code or "").strip()
    for scheme in (SpendingScheme.RD2011, SpendingScheme.RD2021):
        entry = by_code(key, scheme)
        if entry is not None:
            return entry.name
    return key
