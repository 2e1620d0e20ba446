"""``score FILE [--json]``: scores, grades and explanations of every project."""
from __future__ import annotations

from decimal import Decimal
import json

from ..domain.evaluation import evaluate_document, profile_for
from ..domain.profiles import ProfileError, load_profile
from ..domain.scoring import rate_text
from .common import open_for_reading


def register(sub) -> None:
    p = sub.add_parser("score", help="各项目得分、等次及计算说明 / scores, grades, explanations",
                       description="打印各项目的得分、等次和每一项的计算说明。\n"
                                   "Print every project's scores, grade and explanations.")
    p.add_argument("file", help="自评文件 / document (.sqlite)")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    opened, doc = open_for_reading(args.file)
    opened.close()
    result = evaluate_document(doc)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    rules = f"评分规则：{result['profile_name']}"
    department = doc.department
    if department is not None:
        try:
            rules += f"；部门整体：{profile_for(doc, department).name}"
        except ProfileError as exc:
            rules += f"；部门整体：{exc}"
    print(f"{result['unit']}  {result['year'] or ''}年度  {rules}")
    for p in result["projects"]:
        if p["scored"]:
            grade = f"— （{p['provisional_reason']}）" if p.get("provisional") else p["grade"]
            print(f"\n[{p['id']}] {p['name']}  总分 {p['total']}  等次 {grade}")
        else:
            print(f"\n[{p['id']}] {p['name']}  {p['grade']}")
        ex = p["execution"]
        if p["kind"] == "department" or ex["weight"] in (None, "0", "0.00"):
            rate = ex["rate"]
            shown = "" if rate is None else \
                f"（执行率 {rate_text(Decimal(rate), load_profile(p['profile']))}）"
            print(f"  预算执行率：{ex['explanation']}{shown}")
        else:
            print(f"  预算执行率（{ex['weight']}分）：{ex['score'] or '—'}  {ex['explanation']}")
        for ind in p["indicators"]:
            print(f"  {ind['level1']}/{ind['level2']}/{ind['name']}：{ind['score'] or '—'}"
                  f"（分值 {ind['weight'] or '—'}） {ind['explanation']}")
        print(f"  {p['explanation']}")  # the sum, or why 未评分; says N rows without a score
    return 0
