"""``import-xlsx IN.xlsx -o FILE``: read a filled 项目支出绩效自评表 workbook into a document.

Prints the import report (what was read, what was not and why) and the review (复核) of the
scores the unit stated. The document is written whole or not at all.
"""
from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from ..reports.xlsx_import import XlsxImportError, import_workbook, write_document
from ..reports.xlsx_import_review import review, review_lines
from .common import CommandError
from .writing_lock import add_option, writing


def register(sub) -> None:
    p = sub.add_parser("import-xlsx", help="导入自评表工作簿 / import a 自评表 workbook",
                       description="读取已填写的项目支出绩效自评表工作簿（每个工作表一个项目），写入新的"
                                   "自评文件，并打印导入报告和复核结果。\n"
                                   "Read a filled self-evaluation workbook (one project per sheet) "
                                   "into a new document; print the import report and the review.")
    p.add_argument("input", metavar="IN.xlsx", help="工作簿 / workbook (.xlsx)")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="要写入的自评文件 / document to write")
    p.add_argument("--amounts", choices=("yuan", "wan"),
                   help="表中金额的单位：yuan 元、wan 万元（表头为万元而金额疑似为元时必须指明）"
                        " / unit of the amounts when the workbook is ambiguous")
    p.add_argument("--force", action="store_true",
                   help="替换已存在的自评文件（含已定稿项目的文件不会被替换）"
                        " / replace an existing document (never one with finalized projects)")
    add_option(p)
    p.set_defaults(run=run)


def _in_window(editing: str, name: str) -> str:
    return (f"“{name}”已在窗口中打开{editing}，导入不会替换它；请先关闭那个窗口，或另选一个文件名；"
            f"未写入任何文件")


def run(args) -> int:
    name = Path(args.output).name
    # only a file to be replaced (--force) can be open in a window; without, it is refused anyway
    lock = writing(args.output, args.take_over,
                   lambda editing: _in_window(editing, name)) if args.force else nullcontext(False)
    try:
        result = import_workbook(args.input, amounts=args.amounts)
        with lock as taken:
            write_document(result, args.output, replace=args.force, locked=taken)
    except XlsxImportError as exc:
        if exc.report is not None:
            print(exc.report.text())
        raise CommandError(f"{exc}；未写入任何文件") from None
    print(result.report.text())
    findings = review(result.document, result.report)
    print()
    print("\n".join(review_lines(result.report, findings)))
    print(f"\n已写入“{args.output}”（{len(result.document.projects)} 个项目）")
    return 0
