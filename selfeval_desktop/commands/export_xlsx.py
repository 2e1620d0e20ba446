"""``export-xlsx FILE -o OUT.xlsx``: the MoF 自评表 per project and a summary sheet."""
from __future__ import annotations

from pathlib import Path

from ..db.document import SQLITE_MAGIC
from ..reports.xlsx_export import XlsxExportError, export_workbook
from .common import CommandError, open_for_reading


def register(sub) -> None:
    p = sub.add_parser("export-xlsx", help="导出 Excel 自评表 / export the 自评表 workbook",
                       description="把每个项目导出为财政部项目支出绩效自评表（一个项目一张工作表），"
                                   "另加汇总表；合计与得分为公式。\n"
                                   "Export each project as the MoF self-evaluation form (one sheet "
                                   "per project) plus a summary sheet; totals are formulas.")
    p.add_argument("file", help="自评文件 / document")
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx",
                   help="要写入的工作簿 / workbook to write (.xlsx)")
    p.set_defaults(run=run)


def run(args) -> int:
    out = Path(args.output)
    if out.suffix.lower() not in (".xlsx", ".xlsm"):
        raise CommandError(f"“{out.name}”不是 .xlsx 文件名，请以 .xlsx 结尾")
    if out.exists() and _is_sqlite(out):
        raise CommandError(f"“{out.name}”是一个数据库文件，不能用导出的工作簿覆盖它")
    opened, doc = open_for_reading(args.file)
    opened.close()
    try:
        export_workbook(doc, out)
    except XlsxExportError as exc:
        raise CommandError(str(exc)) from None
    print(f"已导出 {len(doc.projects)} 个项目到“{out}”")
    return 0


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False
