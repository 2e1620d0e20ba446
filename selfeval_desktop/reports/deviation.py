"""偏差原因分析及改进措施 as the forms print it: the text typed, and the reason of an accepted score
adjustment (调整后得分) on a line of its own, “得分调整理由：…”, so a lowered score never prints
without its reason. One wording for the PDF (``form_mof``) and the exported workbook
(``xlsx_export``); the import strips it again (``without_adjustment``) so a round trip keeps the
typed text as it was.
"""
from __future__ import annotations

ADJUSTMENT_LABEL = "得分调整理由："


def adjustment_text(ind, score) -> str:
    """“得分调整理由：…” of an override the scoring accepted (``score`` is the row's
    ``IndicatorScore``); "" when there is none or it was refused (the rule's score counts)."""
    reason = (ind.override_reason or "").strip()
    if not score.override_used or not reason:
        return ""
    return f"{ADJUSTMENT_LABEL}{reason}"


def deviation_text(ind, score) -> str:
    """The 偏差原因分析及改进措施 cell: the typed text, then the adjustment reason below it."""
    text = (ind.deviation or "").strip()
    extra = adjustment_text(ind, score)
    if extra:
        text = f"{text}\n{extra}" if text else extra
    return text


def without_adjustment(deviation: str, reason: str) -> str:
    """The typed 偏差原因 of a cell written by :func:`deviation_text` (its last line
    “得分调整理由：<reason>” removed when ``reason`` is the row's own 调整理由)."""
    line = f"{ADJUSTMENT_LABEL}{(reason or '').strip()}"
    if not (reason or "").strip() or not deviation.endswith(line):
        return deviation
    return deviation[: -len(line)].rstrip("\n")
