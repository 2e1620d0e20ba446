"""``aggregate FILE... -o SUMMARY.xlsx [--force]``: the receiving side's summary of several units.

Every FILE is only read. A FILE that cannot be read is named on a line of its own and nothing is
written (a summary that silently misses a unit is worse than none). SUMMARY.xlsx is written whole
or not at all; an existing one is replaced only with --force, and never when it is one of the
documents (or any SQLite file): ``files.check_target``, as ``print`` and ``export-xlsx``.
"""
from __future__ import annotations

import argparse
from pathlib import Path
import sys

from ..files import TargetError, check_target, same_file
from ..reports.xlsx_aggregate import AggregateError, Source, unit_count, write_summary
from .common import CommandError, open_for_reading


def register(sub) -> None:
    p = sub.add_parser(
        "aggregate", help="汇总多个单位的自评文件 / summary workbook across units",
        description="把收到的多个单位的自评文件汇总为一个 Excel 工作簿：每个单位的每个项目一行"
                    "（单位、年度、项目名称、全年预算数、其中专项计划、全年执行数、其中专项实际、"
                    "执行率、总分、等次、定稿情况、校验码），每个单位一行小计，最后一行合计。\n"
                    "各文件只读不改；有文件无法读取时逐个列出，不写出汇总表（退出码 2）。\n"
                    "汇总表已存在时须加 --force 才替换；各自评文件（或其他数据库文件）和文件夹"
                    "一律不覆盖。\n\n"
                    "Summarise several units' documents in one workbook: a row per project per unit\n"
                    "(unit, year, project, budget and its 专项 part, executed and its 专项 part,\n"
                    "rate, total, grade, finalization, check code), a subtotal per unit and a\n"
                    "grand total. The documents are only read; if any cannot be read, each is\n"
                    "named on one line and nothing is written.\n"
                    "An existing SUMMARY.xlsx is replaced only with --force; a document (or any\n"
                    "database) and a folder never.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE", help="各单位的自评文件 / documents")
    p.add_argument("-o", "--output", required=True, metavar="SUMMARY.xlsx",
                   help="要写出的汇总工作簿 / summary workbook to write (.xlsx)")
    p.add_argument("--force", action="store_true",
                   help="替换已存在的汇总工作簿 / replace an existing summary workbook")
    p.set_defaults(run=run)


def check_output(out: Path, inputs: list[Path], force: bool) -> None:
    """Refuse an output that is not .xlsx, is one of the inputs, a database or a folder, or
    exists without --force (``files.check_target``)."""
    try:
        check_target(out, inputs, (".xlsx",), "汇总表", force=force, inputs_are="要汇总的自评文件之一")
    except TargetError as exc:
        raise CommandError(str(exc)) from None


def read_sources(paths: list[Path]) -> list[Source]:
    """Each document, read-only; every unreadable or repeated file is one line on stderr,
    then CommandError (nothing written)."""
    sources, bad, seen = [], 0, []
    for path in paths:
        if any(same_file(path, other) for other in seen):
            print(f"“{path}”：与前面的文件是同一个文件，重复", file=sys.stderr)
            bad += 1
            continue
        try:
            opened, doc = open_for_reading(str(path))
        except CommandError as exc:
            text = str(exc)
            print(text if path.name in text else f"“{path}”：{text}", file=sys.stderr)
            bad += 1
            continue
        opened.close()
        seen.append(path)
        sources.append(Source(path, doc))
    if bad:
        raise CommandError(f"{bad} 个文件无法汇总（见上），未写出汇总表")
    return sources


def run(args) -> int:
    inputs = [Path(f) for f in args.files]
    out = Path(args.output)
    check_output(out, inputs, args.force)
    sources = read_sources(inputs)
    units: dict[tuple, list[str]] = {}
    for s in sources:
        units.setdefault((s.document.unit.name.strip(), s.document.year), []).append(s.path.name)
    for (name, year), files in units.items():
        if len(files) > 1 and name:
            print(f"提醒：{'、'.join(files)} 都是“{name}”{year or ''}{'年度' if year else ''}的文件，"
                  f"汇总表中各列一次", file=sys.stderr)
    years = sorted({s.document.year for s in sources}, key=lambda y: (y is None, y or 0))
    if len(years) > 1:
        shown = "、".join(f"{y}年度" if y else "未填年度" for y in years)
        print(f"提醒：文件的评价年度不同（{shown}），汇总表按年度分别合计", file=sys.stderr)
    try:
        write_summary(sources, out)
    except AggregateError as exc:
        raise CommandError(str(exc)) from None
    projects = sum(len(s.document.project_list()) for s in sources)
    departments = sum(1 for s in sources if s.document.department is not None)
    units = unit_count(sources)
    files = f"（{len(sources)} 个文件）" if units != len(sources) else ""
    extra = f"、{departments} 个部门整体评价" if departments else ""
    print(f"已汇总 {units} 个单位{files}、{projects} 个项目{extra}到“{out}”")
    return 0
