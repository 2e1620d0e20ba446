"""``print FILE -o OUT.pdf [--form basic|mof|report] [--project ID]``: the printed forms as a PDF.

The document is only read. OUT.pdf is written whole or not at all; with ``--per-project`` one PDF
per project is written (in OUT when it is a folder, else beside it, named after each project).
An existing PDF is replaced only with ``--force``, as ``export-xlsx`` and ``aggregate`` replace
a workbook (never silently: it may be the scan of the stamped form); a document (or any
database) and a folder never.
Warnings about characters the fonts lack or typed amounts that could not be read go to stderr.
"""
from __future__ import annotations

import argparse
import sys

from ..reports.export import ExportError, export_pdf, print_warnings, score_warnings, select
from .common import CommandError, open_for_reading, select_projects


def register(sub) -> None:
    p = sub.add_parser(
        "print", help="打印表格为 PDF / print the forms to PDF",
        description="把项目单位自评基本情况表（basic）、项目支出绩效自评表（mof）或绩效自评报告"
                    "（report，文字部分）打印为 A4 PDF，"
                    "字体嵌入文件中。\n不指定 --project 时打印全部项目，每个项目从新的一页开始；"
                    "部门整体评价总是按部门整体支出绩效自评表打印。\n"
                    "有指标尚未评分、分值合计不是 100（表上等次印为“—”）、或定稿后内容被改动的项目，"
                    "在标准错误输出中逐个提醒。\n"
                    "OUT.pdf（或 --per-project 的某个 PDF）已存在时须加 --force 才替换；"
                    "自评文件（或其他数据库文件）和文件夹一律不覆盖。\n\n"
                    "Print the 自评基本情况表 (basic), the MoF 项目支出绩效自评表 (mof) or the\n"
                    "narrative 绩效自评报告 (report) as an A4 PDF\n"
                    "with its fonts embedded. Without --project every project is printed, each from\n"
                    "a new page; the 部门整体 evaluation prints as the 部门整体支出绩效自评表.\n"
                    "Projects with rows not scored yet, with 分值 not adding up to 100 (grade\n"
                    "printed as —), or changed after 定稿, are warned about on stderr.\n"
                    "An existing PDF is replaced only with --force; a document (or any\n"
                    "database) and a folder never.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", help="自评文件 / document (.sqlite)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf",
                   help="要写出的 PDF / PDF to write")
    p.add_argument("--form", choices=["basic", "mof", "report"], default="basic",
                   help="basic：自评基本情况表（默认）；mof：项目支出绩效自评表；report：绩效自评报告"
                        "（文字部分）/ which form")
    p.add_argument("--project", type=int, metavar="ID", action="append",
                   help="只打印该编号的项目（可重复）/ print only this project id (repeatable)")
    p.add_argument("--per-project", action="store_true",
                   help="每个项目一个 PDF / one PDF per project")
    p.add_argument("--force", action="store_true",
                   help="替换已存在的 PDF / replace an existing PDF")
    p.set_defaults(run=run)


def check_errors(doc, projects) -> list[str]:
    """The errors ``check`` finds in the printed projects, in one line (so that no 支出合计
    265.0005 prints beside 计划安排资金 270 without a word); cells that could not be read are
    among them."""
    from ..domain.checks import ERROR, check_project, sort_key
    errors = sorted((f for p in projects for f in check_project(doc, p) if f.severity == ERROR),
                    key=sort_key)
    if not errors:
        return []
    return [f"问题清单中有 {len(errors)} 个错误（如：{errors[0].message}），打印出的表格可能不完整；"
            f"用 check 命令查看全部"]


def run(args) -> int:
    opened, doc = open_for_reading(args.file)
    opened.close()
    ids = None
    if args.project:
        for pid in args.project:
            select_projects(doc, pid)  # one clear line for an unknown id
        ids = args.project
    try:
        projects = select(doc, ids)
        for warning in check_errors(doc, projects) + print_warnings(doc, projects, unread=False) \
                + score_warnings(doc, projects):
            print(f"警告：{warning}", file=sys.stderr)
        written = export_pdf(doc, args.output, form=args.form, project_ids=ids,
                             one_file=not args.per_project, inputs=[args.file], force=args.force)
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    for path in written:
        print(path)
    return 0
