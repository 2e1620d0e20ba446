"""The self-evaluation document in memory: unit, projects, funds, spending, indicators.

Pure data (no Qt, no SQL). Money is integer 分 (``int | None``); weights and scores are
``Decimal | None``. Text a user typed into a numeric field that could not be read is kept in
``Project.unread`` (field key → text), never dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from .catalogs import class_code, item_class
from .money import sum_fen
from .schemes import SpendingScheme


class Source(str, Enum):
    """资金来源."""
    CENTRAL = "central"        # 中央财政
    PROVINCIAL = "provincial"  # 省级财政 / 自治区财政
    LOCAL = "local"            # 市县财政
    OTHER = "other"            # 其他（其它）


SOURCE_LABELS = {Source.CENTRAL: "中央财政", Source.PROVINCIAL: "省级财政",
                 Source.LOCAL: "市县财政", Source.OTHER: "其他"}


def source_label(source: Source, region_word: str = "省级") -> str:
    """The label of a source as the unit's region writes it (自治区财政 in Guangxi)."""
    if source is Source.PROVINCIAL:
        return f"{region_word}财政"
    return SOURCE_LABELS[source]


class FundKind(str, Enum):
    """年度资金总额的构成 (MoF 自评表)."""
    CURRENT = "current"      # 当年财政拨款
    CARRYOVER = "carryover"  # 上年结转资金
    OTHER = "other"          # 其他资金


FUND_KIND_LABELS = {FundKind.CURRENT: "当年财政拨款", FundKind.CARRYOVER: "上年结转资金",
                    FundKind.OTHER: "其他资金"}


class ProjectKind(str, Enum):
    PROJECT = "project"        # 项目支出
    DEPARTMENT = "department"  # 部门整体


@dataclass
class SourceAmount:
    planned: int | None = None   # 计划安排资金 (分)
    arrived: int | None = None   # 实际到位资金 (分)


def execution_ratio(executed: int | None, budget: int | None) -> Decimal | None:
    """执行率 = 全年执行数 / 全年预算数 as a fraction, not capped; None without both figures or
    with a 全年预算数 of 0."""
    if executed is None or not budget:
        return None
    return Decimal(executed) / Decimal(budget)


def project_key(project: "Project") -> tuple:
    """What makes two projects the same one when a file or workbook is added twice: name,
    实施单位 and kind (seed 001's two units' 信息化替代 are two projects)."""
    return project.name.strip(), project.implementer.strip(), project.kind


@dataclass
class FundBreakdown:
    """One row of the MoF funds block: 年初预算数 / 全年预算数 / 全年执行数 (分)."""
    initial: int | None = None
    annual: int | None = None
    executed: int | None = None

    def rate(self) -> Decimal | None:
        """执行率 of the row; the 其中 rows show and print it, only 年度资金总额 scores."""
        return execution_ratio(self.executed, self.annual)


@dataclass
class Funding:
    planned_total: int | None = None   # 计划安排资金合计
    arrived_total: int | None = None   # 实际到位资金合计
    spent_total: int | None = None     # 实际支出
    initial_budget: int | None = None  # 年初预算数（年度资金总额）
    annual_budget: int | None = None   # 全年预算数
    executed: int | None = None        # 全年执行数
    by_source: dict[Source, SourceAmount] = field(
        default_factory=lambda: {s: SourceAmount() for s in Source})
    by_kind: dict[FundKind, FundBreakdown] = field(
        default_factory=lambda: {k: FundBreakdown() for k in FundKind})

    def sources_sum(self, attr: str) -> int | None:
        """各来源之和 of ``planned`` or ``arrived``; None when no source is filled."""
        return sum_fen(getattr(a, attr) for a in self.by_source.values())

    def effective_planned_total(self) -> int | None:
        """计划安排资金 as checked and printed: the total typed, else the sum of the sources."""
        return self.planned_total if self.planned_total is not None else self.sources_sum("planned")

    def effective_arrived_total(self) -> int | None:
        """实际到位资金 as checked and printed: the total typed, else the sum of the sources."""
        return self.arrived_total if self.arrived_total is not None else self.sources_sum("arrived")


@dataclass
class BudgetLine:
    """项目支出明细: one spending line, planned and actual, optional 其中专项."""
    code: str = ""                     # 302, 30211, or R&D category key
    name: str = ""                     # 商品和服务支出, 差旅费, 设备费
    planned: int | None = None
    actual: int | None = None
    special_planned: int | None = None  # 其中专项经费（计划）
    special_actual: int | None = None   # 其中专项经费（实际）
    id: int | None = None


@dataclass
class Indicator:
    """A level-three performance indicator (三级指标) with its level-one/two headings."""
    level1: str = ""          # 一级指标: 产出指标 / 效益指标 / 满意度指标 (投入/过程 for 部门整体)
    level2: str = ""          # 二级指标: 数量指标, 质量指标, 时效指标, 成本指标, 社会效益指标 ...
    name: str = ""            # 三级指标
    target: str = ""          # 年度指标值, as typed
    actual: str = ""          # 实际完成值, as typed
    weight: Decimal | None = None          # 分值
    achievement: str | None = None         # 定性: 达成 / 部分达成 / 未达成, as the user states it
    override: Decimal | None = None        # 调整后得分
    override_reason: str = ""              # 调整理由 (printed)
    deviation: str = ""                    # 偏差原因分析及改进措施
    stated_score: Decimal | None = None    # the score the unit itself stated (imports, paper forms)
    id: int | None = None


@dataclass
class Evaluator:
    """评价人员."""
    name: str = ""
    title: str = ""   # 职称/职务
    org: str = ""     # 单位
    id: int | None = None


def counted_lines(lines: list[BudgetLine], attr: str) -> list[tuple[int, BudgetLine]]:
    """(index, line) of the lines whose ``attr`` adds into the 支出合计 of that column: filled in,
    and not an item (款) whose class (类) is listed and filled in too, as the 支出经济分类 catalog
    says (30211 差旅费 under a filled 302 is not added twice). Under a 302 left blank its details
    count: 从上年文件新建 carries the 302 line over with its amounts cleared, the clerk fills
    30201 below it, and the 合计 and the printed 实际支出 must not stay blank. A code the catalog
    does not know is a line of its own and counts, as every R&D category does (their catalogs
    are flat): lines coded 1 and 10 both count, the 10 not left out of the 合计 as if under the 1.
    The catalog's numbers say what they are whatever the project's classification, so the 合计
    does not change when the classification is switched."""
    filled = {class_code(line.code) for line in lines if getattr(line, attr) is not None}
    out = []
    for i, line in enumerate(lines):
        if getattr(line, attr) is None:
            continue
        parent = item_class(line.code)
        if parent is not None and parent in filled:
            continue
        out.append((i, line))
    return out


def details_of(line: BudgetLine, lines: list[BudgetLine]) -> list[BudgetLine]:
    """The lines listed as items of ``line``'s class (30201, 30211 … under 302); [] for any other
    line."""
    code = class_code(line.code)
    if code is None:
        return []
    return [d for d in lines if item_class(d.code) == code]


def lines_total(lines: list[BudgetLine], attr: str) -> int | None:
    """支出合计 of one column (planned, actual …), of :func:`counted_lines`; None when none is
    filled."""
    return sum_fen(getattr(line, attr) for _, line in counted_lines(lines, attr))


CONCLUSION_SECTIONS = {
    "work": "评价工作情况",          # seed 003: 二、项目绩效评价工作情况 (工作组, 时间, 方式)
    "achievement": "绩效目标实现情况",
    "problems": "存在问题",
    "measures": "改进措施",
    "suggestions": "建议",          # seed 000: 五、…下一步工作建议 (三) 建议, which had no box
    "experience": "经验做法",
    "application": "结果应用",
}
# a 部门整体 says how its evaluation was done in its own 自评工作开展情况 (项目概况 page)
PROJECT_ONLY_SECTIONS = frozenset({"work"})


@dataclass
class Project:
    name: str = ""
    kind: ProjectKind = ProjectKind.PROJECT
    supervisor: str = ""       # 主管部门
    implementer: str = ""      # 实施单位
    leader: str = ""           # 项目负责人
    phone: str = ""            # 联系电话
    address: str = ""          # 地址
    postcode: str = ""         # 邮编
    start: str = ""            # 起始年月 "2020-01"
    end: str = ""              # 终止年月 "2020-12"
    background: str = ""       # 立项背景
    implementation: str = ""   # 实施情况
    goal_expected: str = ""    # 年度总体目标：预期目标
    goal_actual: str = ""      # 年度总体目标：实际完成情况
    spending_scheme: SpendingScheme = SpendingScheme.ECONOMIC
    funding: Funding = field(default_factory=Funding)
    budget_lines: list[BudgetLine] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    evaluators: list[Evaluator] = field(default_factory=list)
    conclusions: dict[str, str] = field(default_factory=dict)
    unit_opinion: str = ""         # 项目单位（评价机构）意见
    supervisor_opinion: str = ""   # 主管部门审核意见
    stated_total: Decimal | None = None   # 综合得分 as the unit stated it
    stated_execution_score: Decimal | None = None  # 预算执行率得分 as the unit stated it
    stated_grade: str = ""                # 自评等次 as the unit stated it
    unread: dict[str, str] = field(default_factory=dict)  # field key → text that could not be read
    finalized_at: str | None = None       # 定稿 time (ISO) or None
    digest: str | None = None             # content digest stored at 定稿
    id: int | None = None

    def effective_spent_total(self) -> int | None:
        """实际支出 as checked and printed: the figure typed, else the sum of the spending lines'
        实际支出数 (a line inside a listed line, 30211 under 302, is not added twice)."""
        if self.funding.spent_total is not None:
            return self.funding.spent_total
        return lines_total(self.budget_lines, "actual")


@dataclass
class Unit:
    name: str = ""             # 单位名称
    supervisor: str = ""       # 主管部门
    region_word: str = "省级"  # "省级" or "自治区": how 省级财政 is written in this region
    address: str = ""
    postcode: str = ""
    phone: str = ""


@dataclass
class Document:
    unit: Unit = field(default_factory=Unit)
    year: int | None = None             # 评价年度 (the fiscal year evaluated)
    profile_id: str = "mof2020"         # rule profile for projects
    department_profile_id: str = "department"
    grade_names: str = ""               # 等次写法, e.g. “优秀/良好/一般/较差”; "" = the profile's
    projects: list[Project] = field(default_factory=list)

    @property
    def department(self) -> Project | None:
        """The whole-department (部门整体) evaluation, if the document has one."""
        for p in self.projects:
            if p.kind is ProjectKind.DEPARTMENT:
                return p
        return None

    def project_list(self) -> list[Project]:
        return [p for p in self.projects if p.kind is ProjectKind.PROJECT]


def told_apart(doc: Document, project: Project, name: str) -> str:
    """``name`` (how the project is shown), with its 实施单位 when another project of the file has
    the same name (seed 001: 信息化替代 of the 科技局 and of its 服务中心; else the list, the
    问题清单 and ``check`` show two identical lines)."""
    own = project.name.strip()
    unit = project.implementer.strip()
    if not own or not unit:
        return name
    if any(p is not project and p.kind is project.kind and p.name.strip() == own
           for p in doc.projects):
        return f"{name}（{unit}）"
    return name


def is_untouched(project: Project) -> bool:
    """Nothing typed into the project since it was made (新建's first, empty project): what
    ``new_project`` fills in from the unit aside, it holds nothing."""
    blank = Project(kind=project.kind, supervisor=project.supervisor,
                    implementer=project.implementer, address=project.address,
                    postcode=project.postcode, spending_scheme=project.spending_scheme,
                    id=project.id)
    return project == blank


def new_project(doc: Document) -> Project:
    """A new, empty project of ``doc``'s unit: 主管部门, 实施单位 (the unit itself), 地址 and 邮编
    filled in from the unit, editable (a unit with 20 projects would type them 20 times),
    and the spending classification of the last project."""
    unit = doc.unit
    # the spending classification of the file's last project: a unit's R&D projects are listed
    # one after another (each new one would start under 支出经济分类 again)
    last = next((p for p in reversed(doc.projects) if p.kind is ProjectKind.PROJECT), None)
    return Project(name="", supervisor=unit.supervisor, implementer=unit.name,
                   address=unit.address, postcode=unit.postcode,
                   spending_scheme=last.spending_scheme if last else SpendingScheme.ECONOMIC)
