"""Demo documents built from the seed reports (演示文件).

Each seed's data lives in ``resources/demo/seed_NNN.json``, written to be checked by hand against
the report: amounts as the report writes them in 万元 (``"5元"`` where it wrote 元), indicator
targets and actuals as typed text, and a ``notes`` list saying every reading that was a choice.
``build_demo`` turns it into a :class:`Document`; ``write_demo`` stores it through the repository
functions (``save_document``) into a new file that replaces ``path`` only when the build succeeded.
A demo file is marked with the ``demo_seed`` meta key; ``demo -o`` overwrites a file only while its
content is still exactly the demo it was written as (:func:`unchanged_demo`): a demo someone has
edited or finalized (定稿) is their work now, the marker notwithstanding.

What a seed does not say stays empty: the check list shows the gaps, which is the point of a demo
built from real reports. A report that states only its grade (seed 000: “评价结果为优”, no 执行数
and no figure against its targets) keeps that grade as 自评等次 and shows 未评分 until those are filled.

A project entry with ``"kind": "department"`` is the document's 部门整体 evaluation (seed 001): it is
scored, and its 分值 not given are shared, by the document's department profile
(``department_profile_id``, ``"department"`` by default) instead of the projects' one.
"""
from __future__ import annotations

from dataclasses import fields, is_dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum
import json
from pathlib import Path
import sqlite3

from .. import RESOURCES
from ..domain.catalogs import lookup, split_code_name
from ..domain.cells import CellError
from ..domain.evaluation import profile_for
from ..domain.model import (BudgetLine, Document, Evaluator, FundBreakdown, FundKind, Indicator,
                            Project, ProjectKind, Source, SourceAmount, SpendingScheme, Unit)
from ..domain.money import parse_wan
from ..domain.profiles import ProfileError
from ..domain.weights import even_split
from .document import write_atomically
from .repo import get_meta, load_document, save_document, set_meta

SEEDS = ("000", "001", "002", "003", "004")
DEFAULT_SEED = "004"
DEMO_META_KEY = "demo_seed"

SEED_TITLES = {
    "000": "南宫市科学技术局 2020 年科学技术经费（15 万元，叙述式自评报告：问题、改进、建议，自评等次“优”）",
    "001": "新乡市科学技术局 2021 年度部门整体自评（投入、过程、产出、效益、满意度指标，七个项目）",
    "002": "县科技局 2021 年县域创新跃升计划（四个企业研发项目，科研经费科目）",
    "003": "河池市科协 2020 年学术交流活动经费（项目单位自评基本情况表，100 分、优秀）",
    "004": "石家庄高新区科技局 2021 年度（二十个项目及其绩效指标）",
}

_PROJECT_TEXT = ("name", "supervisor", "implementer", "leader", "phone", "address", "postcode",
                 "start", "end", "background", "implementation", "goal_expected", "goal_actual",
                 "unit_opinion", "supervisor_opinion", "stated_grade")
_PROJECT_KEYS = set(_PROJECT_TEXT) | {"kind", "spending_scheme", "funding", "budget_lines", "indicators",
                                      "evaluators", "conclusions", "stated_total"}
_FUNDING_MONEY = ("planned_total", "arrived_total", "spent_total", "initial_budget",
                  "annual_budget", "executed")
_FUNDING_KEYS = set(_FUNDING_MONEY) | {"execution_rate", "by_source", "by_kind"}
_LINE_KEYS = {"line", "planned", "actual", "special_planned", "special_actual", "note"}
_INDICATOR_KEYS = {"l1", "l2", "name", "target", "actual", "weight", "achievement", "deviation",
                   "stated_score", "note"}
_TOP_KEYS = {"seed", "source", "notes", "year", "profile_id", "department_profile_id",
             "grade_names", "unit",
             "project_defaults", "conclusions_for_all", "projects"}


class DemoError(ValueError):
    """A seed that does not exist or whose data file cannot be used; the message is Chinese."""


def seed_data(seed: str = DEFAULT_SEED) -> dict:
    """The raw JSON data of a seed (``"000"`` … ``"004"``; ``"2"`` and ``"seed_004"`` too)."""
    seed = normalize_seed(seed)
    path = RESOURCES / "demo" / f"seed_{seed}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DemoError(f"演示数据 seed_{seed}.json 无法读取：{exc}") from exc


def normalize_seed(seed: str | int) -> str:
    text = str(seed).strip().removeprefix("seed_").removeprefix("seed")
    if text.isdigit():
        text = text.zfill(3)
    if text not in SEEDS:
        raise DemoError(f"没有演示数据“{seed}”，可选：{'、'.join(SEEDS)}")
    return text


def _unknown_keys(what: str, data: dict, allowed: set) -> None:
    extra = set(data) - allowed
    if extra:
        raise DemoError(f"演示数据中{what}有未知字段：{'、'.join(sorted(extra))}")


def _fen(text, where: str) -> int | None:
    if text is None or str(text).strip() == "":
        return None
    try:
        return parse_wan(str(text))
    except CellError as exc:
        raise DemoError(f"演示数据{where}：{exc}") from exc


def _rate(text: str, where: str) -> Decimal:
    try:
        value = Decimal(str(text).strip().removesuffix("%"))
    except InvalidOperation as exc:
        raise DemoError(f"演示数据{where}的执行率“{text}”无法识别") from exc
    return value / 100


def _funding(project: Project, data: dict) -> None:
    where = f"“{project.name}”的资金"
    _unknown_keys(where, data, _FUNDING_KEYS)
    f = project.funding
    for attr in _FUNDING_MONEY:
        setattr(f, attr, _fen(data.get(attr), where))
    if "execution_rate" in data:
        # 全年执行数 from the stated 预算执行率: 全年预算数 × 执行率, rounded to 分
        if f.annual_budget is None or f.executed is not None:
            raise DemoError(f"演示数据{where}：执行率须与全年预算数同写、且不另写全年执行数")
        executed = Decimal(f.annual_budget) * _rate(data["execution_rate"], where)
        f.executed = int(executed.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    for key, (planned, arrived) in data.get("by_source", {}).items():
        f.by_source[Source(key)] = SourceAmount(_fen(planned, where), _fen(arrived, where))
    for key, (initial, annual, executed) in data.get("by_kind", {}).items():
        f.by_kind[FundKind(key)] = FundBreakdown(_fen(initial, where), _fen(annual, where),
                                                 _fen(executed, where))


def _budget_line(project: Project, data: dict) -> BudgetLine:
    where = f"“{project.name}”的支出明细"
    _unknown_keys(where, data, _LINE_KEYS)
    written = data["line"]
    entry = lookup(written, project.spending_scheme)
    if entry is None:
        raise DemoError(f"演示数据{where}“{written}”不在{project.spending_scheme.value}科目中")
    _, name = split_code_name(written)
    return BudgetLine(code=entry.code, name=name or entry.name,
                      planned=_fen(data.get("planned"), where), actual=_fen(data.get("actual"), where),
                      special_planned=_fen(data.get("special_planned"), where),
                      special_actual=_fen(data.get("special_actual"), where))


def _indicator(project: Project, data: dict) -> Indicator:
    _unknown_keys(f"“{project.name}”的指标", data, _INDICATOR_KEYS)
    return Indicator(level1=data["l1"], level2=data.get("l2", ""), name=data["name"],
                     target=data.get("target", ""), actual=data.get("actual", ""),
                     weight=_decimal(data.get("weight")), achievement=data.get("achievement"),
                     deviation=data.get("deviation", ""),
                     stated_score=_decimal(data.get("stated_score")))


def _decimal(value) -> Decimal | None:
    return None if value is None or value == "" else Decimal(str(value))


def _project(data: dict, defaults: dict, shared_conclusions: dict) -> Project:
    merged = {**defaults, **data}
    _unknown_keys(f"项目“{merged.get('name', '')}”", merged, _PROJECT_KEYS)
    try:
        kind = ProjectKind(merged.get("kind", "project"))
    except ValueError:
        raise DemoError(f"演示数据中项目“{merged.get('name', '')}”的类别“{merged['kind']}”"
                        f"不是 project 或 department") from None
    project = Project(kind=kind,
                      spending_scheme=SpendingScheme(merged.get("spending_scheme", "economic")))
    for attr in _PROJECT_TEXT:
        setattr(project, attr, merged.get(attr, ""))
    _funding(project, merged.get("funding", {}))
    project.budget_lines = [_budget_line(project, d) for d in merged.get("budget_lines", [])]
    project.indicators = [_indicator(project, d) for d in merged.get("indicators", [])]
    project.evaluators = [Evaluator(name, title, org)
                          for name, title, org in merged.get("evaluators", [])]
    project.conclusions = {**shared_conclusions, **merged.get("conclusions", {})}
    project.stated_total = _decimal(merged.get("stated_total"))
    return project


def document_from_data(data: dict) -> Document:
    """A Document from a seed's data; 分值 not given in the data are shared by 平均分配 of the
    project's profile (the department profile for the 部门整体 evaluation)."""
    _unknown_keys("顶层", data, _TOP_KEYS)
    doc = Document(unit=Unit(**data.get("unit", {})), year=data.get("year"),
                   profile_id=data.get("profile_id", "mof2020"),
                   department_profile_id=data.get("department_profile_id", "department"),
                   grade_names=data.get("grade_names", ""))
    for item in data["projects"]:
        project = _project(item, data.get("project_defaults", {}),
                           data.get("conclusions_for_all", {}))
        if project.kind is ProjectKind.DEPARTMENT and doc.department is not None:
            raise DemoError("演示数据中有两个部门整体评价，一个文件只能有一个")
        try:
            profile = profile_for(doc, project)
        except ProfileError as exc:
            raise DemoError(f"演示数据的评分规则无法读取：{exc}") from exc
        shares = even_split(project.indicators, profile)
        for ind, share in zip(project.indicators, shares):
            if ind.weight is None:
                ind.weight = share
        doc.projects.append(project)
    return doc


def build_demo(seed: str = DEFAULT_SEED) -> Document:
    """The demo document of a seed, in memory (not yet stored; ids are None)."""
    return document_from_data(seed_data(seed))


def fill_demo(conn: sqlite3.Connection, seed: str = DEFAULT_SEED) -> Document:
    """Store a seed's demo into an (empty or replaceable) document through the repository."""
    seed = normalize_seed(seed)
    doc = build_demo(seed)
    save_document(conn, doc, action="demo", detail=f"演示文件：{SEED_TITLES[seed]}")
    set_meta(conn, DEMO_META_KEY, seed)
    return doc


def write_demo(path: str | Path, seed: str = DEFAULT_SEED) -> None:
    """Write a seed's demo document to ``path``; an existing file is replaced only on success.

    The caller decides whether an existing ``path`` may be replaced (see ``commands/demo.py``).
    """
    seed = normalize_seed(seed)
    build_demo(seed)  # fail on bad data before any file is created
    write_atomically(path, lambda conn: fill_demo(conn, seed))


def demo_seed_of(conn: sqlite3.Connection) -> str | None:
    """The seed a document was built from, or None for a user's own document."""
    return get_meta(conn, DEMO_META_KEY)


def _content(value):
    """A document's content for comparison: every field but the row ids (None before saving)."""
    if is_dataclass(value):
        return {f.name: _content(getattr(value, f.name)) for f in fields(value) if f.name != "id"}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {_content(k): _content(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_content(v) for v in value]
    return value


def unchanged_demo(conn: sqlite3.Connection) -> str | None:
    """The seed of a demo document whose content is still exactly that demo, else None.

    None for a user's own document, and for a demo that was edited, finalized or upgraded
    since (anything that makes it differ from ``build_demo(seed)``).
    """
    seed = demo_seed_of(conn)
    if seed is None:
        return None
    try:
        demo = build_demo(seed)
    except DemoError:
        return None
    return seed if _content(load_document(conn)) == _content(demo) else None
