"""``export-xlsx FILE -o OUT.xlsx [--force]``: the MoF 自评表 per project and a summary sheet.

An existing OUT.xlsx (perhaps the very workbook that was imported) is replaced only with --force;
a database, or the document itself, never (``files.check_target``, as ``print`` and ``aggregate``).
"""
from __future__ import annotations

import argparse
from pathlib import Path
import sys

from ..files import TargetError, check_target
from ..reports.xlsx_export import XlsxExportError, export_workbook
from .common import CommandError, open_for_reading


def register(sub) -> None:
    p = sub.add_parser(
        "export-xlsx", help="导出 Excel 自评表 / export the 自评表 workbook",
        description="把每个项目导出为财政部项目支出绩效自评表（一个项目一张工作表），另加汇总表，"
                    "以及各项目的自评基本情况表（同在最后一张工作表，一页一个项目，可直接打印）。\n"
                    "执行率、预算执行率得分、总分、等次和各合计为公式（改动金额后自动重算，按评分"
                    "规则取舍）；分值合计不是 100 的项目等次写为“—”并注明原因；"
                    "各指标得分是本软件按评分规则算出的数值，不是公式。\n"
                    "OUT.xlsx 已存在时须加 --force 才替换；自评文件（或其他数据库文件）"
                    "和文件夹一律不覆盖。\n\n"
                    "Export each project as the MoF self-evaluation form (one sheet per project)\n"
                    "plus a summary sheet, and every project's 自评基本情况表 on a last sheet, one per\n"
                    "page. Rates, the execution score, totals and grades are\n"
                    "formulas (they follow edited amounts, rounded by the rule profile), but a\n"
                    "total from 分值 not adding up to 100 gets the grade “—” and a note why; indicator\n"
                    "scores are values computed by this program. An existing OUT.xlsx is replaced\n"
                    "only with --force; a document (or any database) and a folder never.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", help="自评文件 / document")
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx",
                   help="要写入的工作簿 / workbook to write (.xlsx)")
    p.add_argument("--force", action="store_true",
                   help="替换已存在的工作簿 / replace an existing workbook")
    p.set_defaults(run=run)


def run(args) -> int:
    out = Path(args.output)
    try:                                 # .xlsm: Excel refuses a workbook without macros so named
        check_target(out, [args.file], (".xlsx",), "导出的工作簿", force=args.force,
                     inputs_are="要导出的自评文件")
    except TargetError as exc:
        raise CommandError(str(exc)) from None
    opened, doc = open_for_reading(args.file)
    opened.close()
    try:
        warnings = export_workbook(doc, out)
    except XlsxExportError as exc:
        raise CommandError(str(exc)) from None
    for warning in warnings:
        print(f"警告：{warning}", file=sys.stderr)
    print(f"已导出 {len(doc.projects)} 个项目到“{out}”")
    return 0

