"""What a consistency check (问题清单) reports, and the small helpers every check shares.

A :class:`Finding` names its place (:class:`Place`) so the window can jump to the cell, and says
in one Chinese sentence what is wrong there. ``error`` means the forms would print wrong or
incomplete figures, or a score cannot be computed; ``warning`` (提醒) is something to look at.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .model import Document, Project, told_apart
from .money import fen_to_yuan, format_wan
from .profiles import Profile
from .scoring import ProjectScore, num, rate_text

ERROR = "error"
WARNING = "warning"

TABS = ("document", "overview", "budget", "indicators", "conclusion")


@dataclass(frozen=True)
class Place:
    """Where the problem is, so the window can jump to the cell."""
    project_id: int | None
    tab: str            # "overview" | "budget" | "indicators" | "conclusion" | "document"
    # "indicator" | "budget_line" | "source" | "fund_kind" | "evaluator" | None
    table: str | None = None
    row: int | None = None     # row index within that table (0-based, model order)
    field: str | None = None   # attribute name ("weight", "actual", "deviation", "annual_budget" ...)


@dataclass(frozen=True)
class Finding:
    severity: str       # "error" | "warning"
    code: str           # stable id: "weights_sum", "deviation_missing", "yuan_among_wan" ...
    message: str        # one Chinese sentence naming the place
    place: Place


@dataclass
class Context:
    """One project being checked: its profile (None when the profile cannot be loaded), its
    score (None then too) and the findings collected so far."""
    doc: Document
    project: Project
    profile: Profile | None
    score: ProjectScore | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The project as messages name it: 「项目名称」 (「信息化替代（市科技服务中心）」 when two
        projects have that name)."""
        return f"「{told_apart(self.doc, self.project, self.project.name.strip() or '未命名项目')}」"

    def execution_rate(self, executed: int, budget: int) -> str:
        """执行率 as the 预算表 and the forms show it, by the profile's rounding;
        :func:`percent` when the profile cannot be loaded."""
        if self.profile is None:
            return percent(executed, budget)
        return rate_text(Decimal(executed) / Decimal(budget), self.profile)

    def add(self, severity: str, code: str, message: str, tab: str, table: str | None = None,
            row: int | None = None, field: str | None = None) -> None:
        place = Place(self.project.id, tab, table, row, field)
        self.findings.append(Finding(severity, code, message, place))

    def error(self, code: str, message: str, tab: str, table: str | None = None,
              row: int | None = None, field: str | None = None) -> None:
        self.add(ERROR, code, message, tab, table, row, field)

    def warning(self, code: str, message: str, tab: str, table: str | None = None,
                row: int | None = None, field: str | None = None) -> None:
        self.add(WARNING, code, message, tab, table, row, field)


def wan(fen: int) -> str:
    """分 as the 万元 text people read: "0.0005 万元", "681.5307 万元"."""
    return f"{format_wan(fen)} 万元"


def yuan(fen: int) -> str:
    return f"{num(fen_to_yuan(fen))}元"


def percent(part: int | Decimal, whole: int | Decimal) -> str:
    """part / whole as a percentage without needless zeros: "110%", "96.4%", "100.01%"."""
    rate = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{num(rate)}%"


def points(value: Decimal) -> str:
    """A weight or a typed score as people write it: 10 分, 2.5 分."""
    return f"{num(value)} 分"


def shown(score: Decimal) -> str:
    """A computed score as the window and the forms show it (the profile's decimals): 2.50 分."""
    return f"{score} 分"

