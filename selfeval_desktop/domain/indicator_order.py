"""The order of indicator rows under their 一级/二级 headings (指标分组).

The printed 项目支出绩效自评表 merges a 一级 heading over the rows below it only while they follow one
another: a 产出指标 row typed at the end, after 满意度指标, printed 产出指标 a second time.
``split_groups`` finds such headings for the checks; ``grouped_order`` is the
order that brings each heading's rows together, the headings and the rows within them kept in
the order they first appear (a stable regrouping, nothing else moved).

A row with its 一级 (二级) left blank belongs to the heading above it, as a merged cell reads.
"""
from __future__ import annotations

from .model import Indicator


def _keys(indicators: list[Indicator]) -> list[tuple[str, str]]:
    """(一级, 二级) of each row, a blank one taken from the row above."""
    keys, level1, level2 = [], "", ""
    for ind in indicators:
        written1, written2 = ind.level1.strip(), ind.level2.strip()
        if written1 and written1 != level1:
            level1, level2 = written1, ""
        if written2:
            level2 = written2
        keys.append((level1, level2))
    return keys


def _runs(labels: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Each label's runs of consecutive rows, (first, last) 0-based."""
    runs: dict[str, list[tuple[int, int]]] = {}
    for row, label in enumerate(labels):
        if not label:
            continue
        spans = runs.setdefault(label, [])
        if spans and spans[-1][1] == row - 1 and labels[row - 1] == label:
            spans[-1] = (spans[-1][0], row)
        else:
            spans.append((row, row))
    return runs


def split_groups(indicators: list[Indicator]) -> list[tuple[str, list[tuple[int, int]]]]:
    """(一级指标, its runs) for each one whose rows are not together, in the order of the rows;
    [] when every heading's rows follow one another. (二级 headings are left as written: the
    seeds' own reports list 数量指标 again after 质量/时效, e.g. seed 004.)"""
    runs = _runs([key for key, _ in _keys(indicators)])
    return sorted(((label, spans) for label, spans in runs.items() if len(spans) > 1),
                  key=lambda item: item[1][0][0])


def grouped_order(indicators: list[Indicator]) -> list[int]:
    """Row numbers in the order that brings each 一级指标's rows together, and within it each
    二级指标's (a 数量指标 row typed at the end would go after 成本指标, and 数量指标 then print
    twice under 产出): headings in the order they first appear, rows in their own."""
    keys = _keys(indicators)
    first1: dict[str, int] = {}
    first2: dict[tuple[str, str], int] = {}
    for row, (level1, level2) in enumerate(keys):
        first1.setdefault(level1, row)
        first2.setdefault((level1, level2), row)
    return sorted(range(len(indicators)),
                  key=lambda r: (first1[keys[r][0]], first2[keys[r]], r))


def rows_text(spans: list[tuple[int, int]]) -> str:
    """“第1–2行和第5行” for runs (0-based)."""
    parts = [f"第{a + 1}行" if a == b else f"第{a + 1}–{b + 1}行" for a, b in spans]
    return "和".join(parts) if len(parts) <= 2 else "、".join(parts[:-1]) + "和" + parts[-1]
