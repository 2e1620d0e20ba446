"""A block pasted into a table of fixed, labelled rows (项目资金, 部门预算资金, 资金来源) as Excel
copies it from a form: with the form's title row and its column of row labels.

Pasted as plain cells, “部门资金 | 年初预算数 | 全年预算数 | 全年执行数” over “年度资金总额 | 14640.83 | …”
landed one row down and one column right — the titles in the amount cells (red) and the total's
figures in 当年财政拨款 (not red). Here the title row places the columns by their titles and is not
pasted; the label column places each row on the row it names (其中：当年财政拨款 or 当年财政拨款,
其它 or 其他, 省级财政 or 自治区财政) and is not pasted either. A title stating 元 converts, as the
支出明细's does. A block without titles or labels is pasted as it is, where the cursor is.
"""
from __future__ import annotations

from ...domain.cells import (is_total_label, normalise_label, title_matches, title_money_unit,
                             with_unit)

_SAME = {"其它": "其他"}


def label_key(text) -> str:
    """A row label or column title as compared: “其中：当年财政拨款” → 当年财政拨款, 其它 → 其他."""
    label = normalise_label(text)
    if label.startswith("其中"):
        label = label[2:].lstrip(":：")
    return _SAME.get(label, label)


def prepare_labelled(block: list[list[str]], start_row: int, columns: list[int], headers,
                     row_labels: dict[str, int], computed: frozenset = frozenset(),
                     label_col: int = 0):
    """(block, columns, note, start_row) for the paste: ``headers`` are the grid's column titles,
    ``row_labels`` each row's accepted labels (``label_key`` form) → row; ``computed`` columns
    (执行率, 得分 …) are the program's, not pasted when a title row names them. A row of the block
    whose label names no row of the grid is left out and said; rows between the ones named are
    kept (None: not written)."""
    notes, units = [], {}
    titles = _titled(block[0], columns, headers, label_col) if len(block) > 1 else None
    if titles is not None:
        units = {i: title_money_unit(cell) for i, cell in enumerate(block[0])}
        said = [headers[c] for c in titles if c in computed]
        block, columns = block[1:], [label_col if c in computed else c for c in titles]
        notes.append("第一行是列标题，已按标题把各列粘贴到对应的列"
                     + (f"（{'、'.join(said)}由程序计算，未粘贴）" if said else ""))
    at = _label_position(block, columns, row_labels, label_col)
    if at is None:
        if titles is not None:      # placed by title: what no amount column takes stays out
            keep = [i for i, col in enumerate(columns) if col != label_col]
            block = [[row[i] if i < len(row) else "" for i in keep] for row in block]
            columns = [columns[i] for i in keep]
        return block, columns, "；".join(notes), start_row
    if titles is None and columns[at] != label_col:
        # the cursor was on the first amount, not on the label: the amounts start there
        columns = columns[:at] + [label_col] + columns[at:-1]
    keep = [i for i in range(len(columns)) if i != at and columns[i] != label_col]
    placed: dict[int, list] = {}
    unknown, sums = [], 0
    for row in block:
        label = row[at] if at < len(row) else ""
        target = row_labels.get(label_key(label))
        if target is None and is_total_label(label):
            sums += 1                       # the table adds its rows itself
            continue
        if target is None:
            if any(cell.strip() for cell in row):
                unknown.append(label.strip() or "（空）")
            continue
        placed[target] = [with_unit(row[i], units.get(i)) if i < len(row) else "" for i in keep]
    notes.append("按第一列的行名称粘贴到对应的行")
    if any(u not in (None, "万元", "万") for u in units.values()):
        notes.append("标题注明以元计的列已换算为万元")
    if sums:
        notes.append("“合计”行未粘贴（合计由表格按各行计算）")
    if unknown:
        notes.append(f"{len(unknown)} 行的名称表格中没有，未粘贴（{'、'.join(unknown[:3])}）")
    if not placed:
        return [], [columns[i] for i in keep], "；".join(notes), start_row
    first, last = min(placed), max(placed)
    out = [placed.get(r, [None] * len(keep)) for r in range(first, last + 1)]
    return out, [columns[i] for i in keep], "；".join(notes), first


def _titled(first_row: list[str], columns: list[int], headers, label_col: int) -> list[int] | None:
    """The grid columns a title row names (its label column's title may be anything: 部门资金,
    项目资金（万元）); None when the row is data — no amount title, or a cell after the first that
    is neither a title nor empty (a figure)."""
    names = {label_key(h): col for col, h in enumerate(headers) if col != label_col}
    out, found = [], 0
    for i, cell in enumerate(first_row):
        key = label_key(cell)
        col = names.get(key)          # written out in full first
        if col is None:
            col = next((c for name, c in names.items() if title_matches(key, (name,))), None)
        if col is not None:
            out.append(col)
            found += 1
        elif i == 0 and cell.strip():
            out.append(label_col)          # “部门资金”, “资金来源（万元）”: the labels' title
        elif not cell.strip():
            out.append(label_col if i == 0 else columns[min(i, len(columns) - 1)])
        else:
            return None
    return out if found else None


def _label_position(block, columns, row_labels: dict[str, int], label_col: int) -> int | None:
    """The block column holding row labels: the one the title row put on the label column, or
    else the first, when every filled cell there names a row of the grid."""
    candidates = [i for i, col in enumerate(columns) if col == label_col] or [0]
    for at in candidates:
        cells = [row[at].strip() for row in block if at < len(row) and row[at].strip()]
        if cells and all(label_key(c) in row_labels or not _amount_like(c) for c in cells) \
                and any(label_key(c) in row_labels for c in cells):
            return at
    return None


def _amount_like(text: str) -> bool:
    return any(ch.isdigit() for ch in text)
