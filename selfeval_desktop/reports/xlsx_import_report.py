"""The import report (导入报告): what was read from each sheet, what was not and why.

Shown in the window after 文件 → 导入Excel and printed by ``import-xlsx``. It also keeps what
the document model has no place for yet: the execution score (预算执行率得分) and its 分值 as the
unit stated them, which the review (复核) compares with the rule's score.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


class XlsxImportError(Exception):
    """An import that cannot go ahead; ``str(err)`` is one Chinese sentence. Nothing is written."""

    def __init__(self, message: str, report: "ImportReport | None" = None):
        super().__init__(message)
        self.report = report


@dataclass
class SheetReport:
    sheet: str
    project_name: str = ""
    project_index: int | None = None      # position of the project in the imported Document
    skipped: str = ""                     # why the sheet gave no project ("" if it gave one)
    # skipped on purpose, nothing of the unit's left behind: an empty sheet, the workbook's own
    # 汇总 — not counted among what was not read (it was counted as 1 处未读入)
    deliberate: bool = False
    read: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    stated_execution_score: Decimal | None = None   # 预算执行率得分 as stated in the sheet
    stated_execution_weight: Decimal | None = None  # its 分值 (10 by MoF, 20 in Hubei)
    indicator_rows: list[int] = field(default_factory=list)  # Excel row (1-based) of each indicator
    unreviewed: list[str] = field(default_factory=list)  # stated scores that could not be read

    @property
    def imported(self) -> bool:
        return self.project_index is not None


@dataclass
class ImportReport:
    source: str
    sheets: list[SheetReport] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # workbook-wide: year, profile, money unit

    @property
    def projects(self) -> list[SheetReport]:
        return [s for s in self.sheets if s.imported]

    @property
    def missed(self) -> int:
        """Places not read: sheets that gave no project though they may hold one, and the
        problems of those that did; sheets skipped on purpose are not among them."""
        return sum(1 for s in self.sheets if not s.imported and not s.deliberate) + \
            sum(len(s.problems) for s in self.sheets if s.imported)

    def for_project(self, index: int) -> SheetReport | None:
        for sheet in self.sheets:
            if sheet.project_index == index:
                return sheet
        return None

    def text(self) -> str:
        """The report as lines of Chinese text (the CLI prints it, the window shows it)."""
        imported = self.projects
        lines = [f"导入“{self.source}”：{len(self.sheets)} 个工作表，读取到 {len(imported)} 个项目"]
        lines += [f"  {note}" for note in self.notes]
        for sheet in self.sheets:
            if not sheet.imported:
                lines.append(f"【{sheet.sheet}】{'已跳过' if sheet.deliberate else '未导入'}："
                             f"{sheet.skipped}")
                continue
            lines.append(f"【{sheet.sheet}】项目“{sheet.project_name or '未命名项目'}”")
            lines += [f"  已读取：{item}" for item in sheet.read]
            lines += [f"  未读取：{item}" for item in sheet.problems]
        return "\n".join(lines)
