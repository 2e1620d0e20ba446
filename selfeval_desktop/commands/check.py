"""``check FILE [--json]``: the consistency checks (问题清单); exit 1 when any error is found."""
from __future__ import annotations

from dataclasses import asdict
import json

from ..domain.checks import ERROR, Finding, collapse_rows, run_checks, sort_key
from ..domain.model import ProjectKind, told_apart
from .common import open_for_reading

PREFIX = {"error": "错误", "warning": "提醒"}


def register(sub) -> None:
    p = sub.add_parser("check", help="一致性检查（问题清单） / consistency checks",
                       description="检查各项目的金额合计、指标分值、得分、偏差原因等，列出错误和提醒；"
                                   "有错误时退出码为 1。\n"
                                   "Check totals, weights, scores and explanations; list errors and "
                                   "warnings; exit 1 when any error is found.")
    p.add_argument("file", help="自评文件 / document (.sqlite)")
    p.add_argument("--json", action="store_true",
                   help="以 JSON 列出全部问题 / print the findings as a JSON list")
    p.set_defaults(run=run)


def run(args) -> int:
    opened, doc = open_for_reading(args.file, scored=False)
    opened.close()
    findings = run_checks(doc)
    if args.json:
        print(json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2))
    else:
        print_report(doc, findings)
    return 1 if any(f.severity == ERROR for f in findings) else 0


def print_report(doc, findings: list[Finding]) -> None:
    """Findings grouped by project, errors first within each group, then a summary line."""
    title = doc.unit.name.strip() or "（未填写单位名称）"
    print(f"{title}  {doc.year or ''}{'年度' if doc.year else ''}  问题清单")
    general = [f for f in findings if f.place.project_id is None]
    if general:
        print("\n文件")
        _print_group(sorted(general, key=sort_key))
    for project in doc.projects:
        mine = [f for f in findings if f.place.project_id is not None
                and f.place.project_id == project.id]
        kind = "（部门整体）" if project.kind is ProjectKind.DEPARTMENT else ""
        print(f"\n[{project.id}] {told_apart(doc, project, project.name.strip() or '（未命名项目）')}"
              f"{kind}")
        if mine:
            _print_group(collapse_rows(doc, sorted(mine, key=sort_key)))
        else:
            print("  未发现问题")
    errors = sum(1 for f in findings if f.severity == ERROR)
    print(f"\n共 {errors} 个错误、{len(findings) - errors} 个提醒")


def _print_group(findings: list[Finding]) -> None:
    for f in findings:
        print(f"  {PREFIX.get(f.severity, f.severity)}：{f.message}")
