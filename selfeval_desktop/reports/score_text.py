"""What a form says beside a total that is not final yet: the rows without a score, and why no
grade is given. Shared by the PDF forms and the workbook's 基本情况表 (no reportlab here)."""
from __future__ import annotations


def unscored_count(score) -> int:
    """How many parts of a scored total have no score yet (the execution score when it counts,
    and each indicator): they count as 0 in the total printed."""
    execution = score.execution
    missing = sum(1 for s in score.indicators if s.score is None)
    if execution.weight and execution.score is None:
        missing += 1
    return missing


def unscored_note(score) -> str:
    """“（有 2 项未评分，按 0 分计）” under a total that is not final yet; "" when it is (or when
    nothing is scored at all: then no total is printed)."""
    if not getattr(score, "scored", True):
        return ""
    missing = unscored_count(score)
    return f"（有 {missing} 项未评分，按 0 分计）" if missing else ""


def total_note(score) -> str:
    """The rows without a score counted as 0, as said beside a total — "" where the grade's
    reason says them already (the reason is those rows, or the 执行率, not the 分值合计)."""
    if score.provisional and "分值合计" not in score.provisional_reason:
        return ""
    return unscored_note(score)


def grade_note(score) -> str:
    """What the MoF form prints under 自评等次 of a total that is not final: the rows without a
    score, and why no grade is given — once (“（有 2 项未评分，按 0 分计）（1 项指标尚无
    得分（按 0 分计），得分暂不可信）” said the same thing twice, with two counts)."""
    if not (score.scored and score.provisional):
        return unscored_note(score)
    return f"{total_note(score)}（{score.provisional_reason}）"
