"""Reading the 项目基本情况 part of a sheet: contact fields, funds by source, spending lines,
evaluators, opinions and conclusions.

The MoF 自评表 has no place for these; this program writes them below the form (outside the
print area) so that an exported workbook imports back whole, and units' own 基本情况表 sheets
use the same labels. Everything is found by label; whatever is absent stays empty.
"""
from __future__ import annotations

import re

from ..domain.catalogs import by_name
from ..domain.cells import LINE_TITLES, CellError, cell_decimal, is_total_label
from ..domain.model import (CONCLUSION_SECTIONS, BudgetLine, Evaluator, ProjectKind, Source,
                            SpendingScheme)
from ..domain.unread_keys import unread_key
from .xlsx_import_locate import Grid, MoneyCell, locate_field, matches

TEXT_FIELDS = ("leader", "phone", "address", "postcode", "start", "end", "background",
               "implementation", "unit_opinion", "supervisor_opinion")
MONEY_FIELDS = {"planned_total": "计划安排资金合计", "arrived_total": "实际到位资金合计",
                "spent_total": "实际支出"}
KIND_WORDS = {"项目支出": ProjectKind.PROJECT, "部门整体": ProjectKind.DEPARTMENT}
SCHEME_WORDS = {"支出经济分类": SpendingScheme.ECONOMIC, "科研经费11类": SpendingScheme.RD2011,
                "科研经费(2021年起)": SpendingScheme.RD2021, "科研经费3类": SpendingScheme.RD2021}
SOURCE_WORDS = {Source.CENTRAL: ("中央财政",), Source.PROVINCIAL: ("省级财政", "自治区财政", "省财政"),
                Source.LOCAL: ("市县财政", "市县级财政", "市级财政", "县级财政"),
                Source.OTHER: ("其他", "其它", "其他资金", "其它资金")}
LINE_COLUMNS = LINE_TITLES     # shared with a paste into the window's 支出明细
EVALUATOR_COLUMNS = {"name": ("姓名",), "title": ("职称/职务", "职称", "职务"),
                     "org": ("单位", "工作单位")}


def read_extra(grid: Grid, data, from_app: bool = False) -> None:
    project, report = data.project, data.report
    found = []
    for key in TEXT_FIELDS:
        text, _ = locate_field(grid, key)
        if text:
            setattr(project, key, text)
            found.append(key)
    grade_key = "stated_grade" if from_app else "grade"
    project.stated_grade, _ = locate_field(grid, grade_key)
    if from_app:
        for key, label in (("stated_total", "原表综合得分"),
                           ("stated_execution_score", "原表预算执行率得分")):
            text, cell = locate_field(grid, key)
            if text:
                try:
                    setattr(project, key, cell_decimal(text))
                except CellError as exc:   # kept as typed, as the window keeps it
                    project.unread[unread_key("project", None, key)] = text
                    where = f"（{grid.address(*cell)}）" if cell is not None else ""
                    report.problems.append(f"{label}{where}：{exc}（原文已保留）")
    kind, _ = locate_field(grid, "kind")
    if kind in KIND_WORDS:
        project.kind = KIND_WORDS[kind]
    scheme, _ = locate_field(grid, "scheme")
    if scheme in SCHEME_WORDS:
        project.spending_scheme = SCHEME_WORDS[scheme]
    for key, label in MONEY_FIELDS.items():
        text, cell = locate_field(grid, key)
        if text and cell is not None:
            data.money.append(MoneyCell(key, grid.raw(*cell), f"{label}（{grid.address(*cell)}）"))
    for key, title in CONCLUSION_SECTIONS.items():
        text, _ = locate_field(grid, key)
        if text:
            project.conclusions[key] = text
    n_sources = _sources(grid, data)
    n_lines = _lines(grid, data)
    n_evaluators = _evaluators(grid, project)
    parts = []
    if found or project.conclusions:
        parts.append(f"基本情况 {len(found) + len(project.conclusions)} 项")
    if n_sources:
        parts.append(f"资金来源 {n_sources} 行")
    if n_lines:
        parts.append(f"支出明细 {n_lines} 行")
    if n_evaluators:
        parts.append(f"评价人员 {n_evaluators} 人")
    if parts:
        report.read.append("、".join(parts))


def _header(grid: Grid, columns: dict[str, tuple], required: tuple[str, ...]):
    for r in range(grid.height):
        found: dict[str, int] = {}
        for c, label in grid.row_labels(r):
            for key, names in columns.items():
                if key not in found and matches(label, names):
                    found[key] = c
                    break
        if all(k in found for k in required):
            return r, found
    return None, {}


def _sources(grid: Grid, data) -> int:
    header, cols = _header(grid, {"source": ("资金来源",), "planned": ("计划安排资金",),
                                  "arrived": ("实际到位资金",)}, ("source", "planned", "arrived"))
    if header is None:
        return 0
    count = 0
    for r in range(header + 1, min(header + 8, grid.height)):
        label = grid.label(r, cols["source"])
        source = next((s for s, words in SOURCE_WORDS.items() if label in words), None)
        if source is None:
            break
        if source is Source.PROVINCIAL and label.startswith("自治区"):
            data.unit_fields.setdefault("region_word", "自治区")
        for col in ("planned", "arrived"):
            if grid.text(r, cols[col]):
                data.money.append(MoneyCell(f"source.{source.value}.{col}", grid.raw(r, cols[col]),
                                            f"{label}（{grid.address(r, cols[col])}）"))
        count += 1
    return count


def _lines(grid: Grid, data) -> int:
    header, cols = _header(grid, LINE_COLUMNS, ("planned", "actual"))
    if header is None:
        return 0
    for r in range(header + 1, grid.height):
        if grid.blank_row(r):
            break
        line = BudgetLine(code=_text(grid, r, cols, "code"), name=_text(grid, r, cols, "name"))
        if is_total_label(line.name) or is_total_label(line.code):
            data.report.read.append(f"支出明细的“{line.name or line.code}”行（第{r + 1}行）未作为支出科目读入："
                                    "合计由本程序按各行计算")
            continue
        scheme = data.project.spending_scheme
        if not line.code and scheme is not SpendingScheme.ECONOMIC:
            entry = by_name(line.name, scheme)  # R&D categories print no code: 设备费 → equipment
            line.code = entry.code if entry is not None else ""
        index = len(data.project.budget_lines)
        data.project.budget_lines.append(line)
        for key in ("planned", "actual", "special_planned", "special_actual"):
            c = cols.get(key)
            if c is not None and grid.text(r, c):
                data.money.append(MoneyCell(f"line.{index}.{key}", grid.raw(r, c),
                                            f"支出明细“{line.name or line.code}”"
                                            f"（{grid.address(r, c)}）"))
    return len(data.project.budget_lines)


def _evaluators(grid: Grid, project) -> int:
    header, cols = _header(grid, EVALUATOR_COLUMNS, ("name", "title"))
    if header is None:
        return 0
    for r in range(header + 1, grid.height):
        if grid.blank_row(r):
            break
        ev = Evaluator(*(_text(grid, r, cols, k) for k in ("name", "title", "org")))
        if ev.name or ev.title or ev.org:
            project.evaluators.append(ev)
    return len(project.evaluators)


def _text(grid: Grid, r: int, cols: dict[str, int], key: str) -> str:
    c = cols.get(key)
    return "" if c is None else grid.text(r, c)


def profile_id_of(text: str) -> str | None:
    """The rule profile a 评分规则 cell names: by its name as the summary sheet writes it
    ('财政部项目支出绩效自评（财预〔2020〕10号）' → 'mof2020'), or by the id in brackets at the end
    that earlier exports wrote ('…（mof2020）')."""
    m = re.search(r"[（(]([a-z0-9_]+)[)）]\s*$", text or "")
    if m:
        return m.group(1)
    wanted = (text or "").strip()
    if not wanted:
        return None
    from ..domain.profiles import ProfileError, all_profiles
    try:
        return next((p.id for p in all_profiles() if p.name == wanted), None)
    except ProfileError:
        return None
