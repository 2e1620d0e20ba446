"""Documents for the UI-core tests: a small project on disk, opened in a DocumentSession."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from selfeval_desktop.db import repo
from selfeval_desktop.db.document import create_document, open_document
from selfeval_desktop.domain.model import (BudgetLine, Document, Evaluator, FundBreakdown, FundKind,
                                           Indicator, Project, ProjectKind, Source, SourceAmount,
                                           Unit)

from tests.file_helpers import reread


def sample_document() -> Document:
    p = Project(name="科技创新服务项目", supervisor="县科学技术局", implementer="县科学技术局")
    p.funding.initial_budget = p.funding.annual_budget = 20_000_000   # 20 万元
    p.funding.executed = 19_280_000                                    # 19.28 万元
    p.funding.by_source[Source.LOCAL] = SourceAmount(20_000_000, 20_000_000)
    p.funding.by_kind[FundKind.CURRENT] = FundBreakdown(20_000_000, 20_000_000, 19_280_000)
    p.budget_lines = [BudgetLine("30211", "差旅费", 5_000_000, 4_000_000),
                      BudgetLine("30213", "维修（护）费", 15_000_000, 15_280_000)]
    p.indicators = [
        Indicator("产出指标", "数量指标", "举办培训次数", "≥4次", "4次", Decimal(25)),
        Indicator("产出指标", "质量指标", "培训合格率", "≥90%", "95%", Decimal(25)),
        Indicator("效益指标", "社会效益指标", "科技服务水平", "有效提升", "", Decimal(30)),
        Indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "92%", Decimal(10)),
    ]
    p.evaluators = [Evaluator("张三", "局长", "县科学技术局")]
    return Document(unit=Unit(name="某县科学技术局"), year=2021, projects=[p])


def with_department() -> Document:
    """The sample document with a 部门整体 evaluation of two indicators before its project."""
    doc = sample_document()
    dept = Project(name="县科学技术局部门整体", kind=ProjectKind.DEPARTMENT, indicators=[
        Indicator("投入指标", "预算编制", "预算调整率", "≤5%", "3%", Decimal(15)),
        Indicator("产出指标", "数量指标", "完成项目数", "≥7个", "7个", Decimal(30))])
    doc.projects.insert(0, dept)
    return doc


def many_rows_document() -> Document:
    """The sample document with 30 more 时效指标 rows: 34 in all, more than a grid shows."""
    doc = sample_document()
    doc.projects[0].indicators += [
        Indicator("产出指标", "时效指标", f"第{n}批培训按时完成", "≥90%", "95%", Decimal(0))
        for n in range(1, 31)]
    return doc


def make_file(tmp_path: Path, doc: Document | None = None) -> Path:
    path = Path(tmp_path) / "自评.selfeval"
    opened = create_document(path)
    repo.save_document(opened.conn, doc or sample_document(), action="test")
    opened.close()
    return path


def open_session(path: Path, parent=None):
    from selfeval_desktop.ui.session import DocumentSession
    return DocumentSession(open_document(path), parent)


def indicators(path: Path) -> list[Indicator]:
    """The first project's 绩效指标 rows as on disk."""
    return reread(path).projects[0].indicators


def actuals(path: Path) -> list[str]:
    """The first project's 实际完成值 as on disk, row by row."""
    return [i.actual for i in indicators(path)]
