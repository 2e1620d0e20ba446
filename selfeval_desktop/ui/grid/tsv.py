"""Clipboard text as Excel and WPS write and read it: tab-separated, CRLF rows.

Reading is :func:`selfeval_desktop.domain.cells.parse_tsv` (shared with Excel import); this module
writes, and turns one pasted cell into the text a column expects, reading it with the shared
cell parser (``cells.cell_money`` for 万元 columns, ``cells.cell_decimal`` for 分值). No Qt.
"""
from __future__ import annotations

from ...domain import cells
from ...domain.money import format_wan

_NEEDS_QUOTES = ("\t", "\n", "\r", '"')


def quote(cell: str) -> str:
    """A cell as Excel writes it: quoted (inner quotes doubled) when it holds a tab, line break
    or quote; as is otherwise."""
    if any(ch in cell for ch in _NEEDS_QUOTES):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def to_tsv(rows: list[list[str]]) -> str:
    """Rows of cell texts as clipboard text (CRLF after every row, as Excel does)."""
    return "".join("\t".join(quote(c or "") for c in row) + "\r\n" for row in rows)


def read_tsv(text: str) -> list[list[str]]:
    return cells.parse_tsv(text or "")


def cell_for_column(text: str, kind: str, currency_unit: str = "万元") -> str:
    """What to store for a pasted cell in a column of ``kind`` (money in 万元, decimal, text).

    Readable numbers are normalised (``1,234.50`` in a 万元 column → ``1234.5``; ``85分`` →
    ``85``); an amount whose unit is unclear (``¥1,234.50``, ``3,200,000.00``: ``cells.unit_unclear``)
    is in ``currency_unit``, as the user answered (``¥12,345.00`` in 元 → ``1.2345``); unreadable
    text is returned as
    pasted so that the cell keeps it and turns red.
    """
    raw = cells.cell_text(text)
    if kind == "money":
        try:
            fen = cells.cell_money(raw, currency_unit if cells.unit_unclear(raw) else "万元")
        except cells.CellError:
            return raw
        return format_wan(fen)
    if kind == "decimal":
        try:
            value = cells.cell_decimal(raw)
        except cells.CellError:
            return raw
        return "" if value is None else format(value, "f")
    return raw
