"""Importing a filled 项目支出绩效自评表 workbook (导入Excel) into a document.

``import_workbook(path, amounts)`` reads every sheet (one project per sheet) into a Document in
memory and returns it with an :class:`ImportReport`; ``write_document`` then writes it with
``db.document.write_atomically``: an import succeeds whole or leaves nothing, and a target that
is not one of our documents is refused untouched.

Amounts: the form says 万元, but units sometimes type 元. ``check_amounts(path)`` returns what
the figures suggest (:class:`AmountCheck`) so the window can ask; ``import_workbook`` refuses a
suspicious workbook unless told ``amounts="yuan"`` or ``"wan"`` — never a silent guess.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
import html
from pathlib import Path
import re
import zipfile

from ..db.document import DocumentError, check_file, open_document, write_atomically
from ..db.file_lock import editing_note
from ..db.repo import save_document
from ..domain.cells import CellError, cell_decimal
from ..domain.evaluation import profile_for
from ..domain.model import Document, Unit
from ..domain.profiles import ProfileError, load_profile, normalize_style, style_of
from ..domain.scoring import num
from ..file_kinds import OLE_MAGIC, kind_of, refusal
from .xlsx_import_extra import profile_id_of
from .xlsx_import_locate import (MAX_ROWS, Grid, SheetTooLarge, locate_field, locate_year,
                                 read_grid)
from .xlsx_import_report import ImportReport, SheetReport, XlsxImportError
from .xlsx_import_sheet import SheetData, apply_money, bands_from_stated, read_sheet

__all__ = ["AmountCheck", "ImportResult", "XlsxImportError", "check_amounts", "import_workbook",
           "write_document", "APP_MARKER"]

APP_MARKER = ("selfeval_desktop", "export")  # custom document property of our own exports
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
SUSPICIOUS_WAN = Decimal(100_000)  # a project of 10 亿元 is not a county unit's


@dataclass
class AmountCheck:
    """What the figures say about the unit of money; ``needs_answer`` → ask 元 or 万元."""
    needs_answer: bool
    evidence: list[str] = field(default_factory=list)
    labelled_yuan: list[str] = field(default_factory=list)   # sheets whose labels say 元
    unlabelled: bool = False   # some evidence comes from a sheet whose header names no unit

    @property
    def question(self) -> str:
        if not self.needs_answer:
            return ""
        header = "表头未写明单位（自评表应为万元）" if self.unlabelled else "但表头为“万元”"
        return (f"表中金额疑似以“元”填写，{header}：" + "；".join(self.evidence)
                + "。请确认这些金额的单位是元还是万元")


@dataclass
class ImportResult:
    document: Document
    report: ImportReport
    amounts: AmountCheck


@dataclass
class _Scan:
    sheets: list[SheetData]
    reports: list[SheetReport]
    from_app: bool
    unit_fields: dict[str, str]


# ---------------------------------------------------------------- opening

def _refuse_unreadable(path: Path) -> None:
    name = path.name
    if not path.exists():
        raise XlsxImportError(f"找不到文件“{path}”")
    if path.is_dir():
        raise XlsxImportError(f"“{name}”是一个文件夹，不是 Excel 工作簿")
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise XlsxImportError(f"无法读取“{name}”：{exc.strerror or exc}") from None
    other = refusal(path, kind_of(path))
    if other is not None:            # a Word report, a PDF: said so, in one line
        raise XlsxImportError(other.replace("\n\n", ""))
    if head == OLE_MAGIC:
        if _is_encrypted(path):
            raise XlsxImportError(f"“{name}”文件已加密，请先在 Excel 中取消密码后再导入")
        raise XlsxImportError(f"“{name}”是旧版 Excel（.xls）或 WPS 格式文件，"
                              f"请在 Excel 或 WPS 中另存为 .xlsx 后再导入")
    if not head:
        raise XlsxImportError(f"“{name}”是空文件，不是 Excel 工作簿")
    if not zipfile.is_zipfile(path):
        raise XlsxImportError(f"“{name}”不是 Excel 工作簿（.xlsx），请在 Excel 或 WPS 中"
                              f"另存为 .xlsx 后再导入")


def _is_encrypted(path: Path) -> bool:
    """An encrypted .xlsx is an OLE2 compound file holding an EncryptedPackage stream."""
    tail = b""
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            if ENCRYPTED_STREAM in tail + chunk:
                return True
            tail = chunk[-len(ENCRYPTED_STREAM):]
    return False


def _open(path: Path):
    import openpyxl  # imported on use: the window starts without it
    _refuse_unreadable(path)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged package
        # (not the exception's English class name: it means nothing to a clerk)
        raise XlsxImportError(f"“{path.name}”不是有效的 Excel 工作簿（.xlsx）或已损坏，"
                              f"无法读取") from None


def _from_app(wb) -> bool:
    try:
        return any((p.name, str(p.value)) == APP_MARKER for p in wb.custom_doc_props.props)
    except Exception:  # pragma: no cover - a workbook without readable custom properties
        return False


def _scan(path: Path) -> _Scan:
    wb = _open(path)
    unsaved = formulas_without_results(path)
    try:
        from_app = _from_app(wb)
        scan = _Scan([], [], from_app, {})
        for ws in wb.worksheets:
            try:
                grid = read_grid(ws, ws.title)
            except SheetTooLarge:
                scan.reports.append(SheetReport(ws.title, skipped=(
                    f"工作表超过 {MAX_ROWS} 行，不像自评表（自评表通常不足 200 行），未导入")))
                continue
            except Exception as exc:
                scan.reports.append(SheetReport(ws.title, skipped=f"工作表无法读取（{exc}）"))
                continue
            data, report = read_sheet(grid, from_app)
            cells = unsaved.get(ws.title)
            if cells and data is not None:
                first, formula = cells[0]
                report.problems.append(
                    f"{len(cells)} 个单元格是公式但没有保存计算结果（如 {first}：={formula}），"
                    f"按空白读取；请在 Excel 或 WPS 中打开、保存后再导入，或直接填写数值")
            scan.reports.append(report)
            if data is not None:
                scan.sheets.append(data)
            else:
                _unit_fields(grid, scan.unit_fields)
        return scan
    finally:
        wb.close()


_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*?)(/?)>')
_FORMULA = re.compile(r"<f(?:\s[^>]*)?(?:/>|>(.*?)</f>)", re.S)
_VALUE = re.compile(r"<v>([^<]*)</v>")


def formulas_without_results(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Sheet title → [(cell, formula)] of formula cells saved without their result (a workbook
    written by a program that does not calculate): they read as empty. Excel, WPS and
    LibreOffice always save the result, "" included (as ``t="str"``)."""
    from .xlsx_common import sheet_parts
    out: dict[str, list[tuple[str, str]]] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            for title, part in sheet_parts(zf).items():
                info = zf.getinfo(part)
                if info.file_size > 50_000_000:
                    continue  # not a 自评表; read_grid refuses it anyway
                xml = zf.read(part).decode("utf-8", errors="replace")
                cells = _unsaved(xml)
                if cells:
                    out[title] = cells
    except Exception:  # a package we cannot look into: openpyxl reports what it can
        return {}
    return out


def _unsaved(xml: str) -> list[tuple[str, str]]:
    found = []
    for m in _CELL.finditer(xml):
        if m.group(3):  # <c .../>: an empty cell
            continue
        end = xml.find("</c>", m.end())
        body = xml[m.end():end]
        f = _FORMULA.search(body)
        if f is None:
            continue
        v = _VALUE.search(body)
        if (v is None or v.group(1) == "") and 't="str"' not in m.group(2):
            found.append((m.group(1), html.unescape(f.group(1) or "")))
    return found


def _unit_fields(grid: Grid, out: dict[str, str]) -> None:
    """单位名称, 评分规则 … from a summary sheet."""
    for key in ("unit_name", "unit_supervisor", "unit_address", "unit_postcode", "unit_phone",
                "region_word", "profile", "department_profile", "grade_names"):
        text, _ = locate_field(grid, key)
        if text and key not in out:
            out[key] = text
    year = locate_year(grid)
    if year and "year" not in out:
        out["year"] = str(year)


# ---------------------------------------------------------------- amounts

def _figure(raw) -> Decimal | None:
    value, fmt = raw
    try:
        return cell_decimal(value, fmt)
    except CellError:
        return None  # text with its own unit ("5元") or unreadable: said when converted


def _amount_check(scan: _Scan) -> AmountCheck:
    check = AmountCheck(False)
    for data in scan.sheets:
        sheet = data.report.sheet
        if data.unit_label == "元":
            check.labelled_yuan.append(sheet)
            continue
        figures = [(cell, _figure(cell.raw)) for cell in data.money]
        figures = [(cell, f) for cell, f in figures if f is not None]
        big = [(cell, f) for cell, f in figures if abs(f) >= SUSPICIOUS_WAN]
        before = len(check.evidence)
        _evidence(check, sheet, data, figures, big)
        if len(check.evidence) > before and data.unit_label is None:
            check.unlabelled = True
    check.needs_answer = bool(check.evidence)
    return check


def _evidence(check: AmountCheck, sheet: str, data, figures, big) -> None:
    """What makes the figures of one sheet look like 元: one line of evidence at most."""
    if big:
        cell, f = big[0]
        check.evidence.append(f"工作表“{sheet}”{cell.where}为 {num(f)}"
                              f"（按万元即 {num(f / 10000)} 亿元）")
        return
    for cell, f in figures:
        match = next((w for w in data.wan_numbers if w and abs(f / (w * 10000) - 1)
                      < Decimal("0.005")), None)
        if match is not None:
            check.evidence.append(f"工作表“{sheet}”{cell.where}为 {num(f)}，而指标中写作 "
                                  f"{num(match)} 万元")
            return


def check_amounts(path: str | Path) -> AmountCheck:
    """For the window: read the workbook and say whether to ask 元 or 万元 before importing."""
    return _amount_check(_scan(Path(path)))


# ---------------------------------------------------------------- the document

def import_workbook(path: str | Path, amounts: str | None = None) -> ImportResult:
    """Read a workbook into a Document in memory. ``amounts``: "yuan" / "wan" / None.

    Raises XlsxImportError (with the report so far) when nothing can be imported or the money
    unit is in doubt and ``amounts`` is None.
    """
    path = Path(path)
    if amounts not in (None, "yuan", "wan"):
        raise XlsxImportError(f"金额单位须为 yuan（元）或 wan（万元），而不是“{amounts}”")
    scan = _scan(path)
    report = ImportReport(path.name, scan.reports)
    if not scan.sheets:
        reasons = "；".join(f"“{r.sheet}”{r.skipped}" for r in scan.reports) or "工作簿没有工作表"
        raise XlsxImportError(f"“{path.name}”中没有可导入的自评表：{reasons}", report)
    check = _amount_check(scan)
    if check.needs_answer and amounts is None:
        raise XlsxImportError(check.question + "（命令行请加 --amounts yuan 或 --amounts wan）")
    doc = Document()
    for data in scan.sheets:
        unit = "元" if data.unit_label == "元" else ("元" if amounts == "yuan" else "万元")
        apply_money(data, unit)
        data.report.project_index = len(doc.projects)
        doc.projects.append(data.project)
    if amounts == "yuan":
        report.notes.append("金额按“元”读取（已换算为万元）")
    elif check.labelled_yuan:
        report.notes.append(f"工作表 {'、'.join(check.labelled_yuan)} 的金额单位为元，已换算为万元")
    _document_fields(doc, scan, report)
    if not scan.from_app:  # our own exports state the 达成 level in a column of its own
        for data in scan.sheets:
            try:
                profile = profile_for(doc, data.project)
            except ProfileError:
                continue
            bands_from_stated(data.project, data.report, profile)
    return ImportResult(doc, report, check)


def _document_fields(doc: Document, scan: _Scan, report: ImportReport) -> None:
    fields, first = scan.unit_fields, scan.sheets[0].project
    if scan.from_app:  # our own summary sheet states the unit: no guessing from a project
        first = type(first)()
    doc.unit = Unit(name=fields.get("unit_name") or first.implementer,
                    supervisor=fields.get("unit_supervisor") or first.supervisor,
                    address=fields.get("unit_address", ""), postcode=fields.get("unit_postcode", ""),
                    phone=fields.get("unit_phone", ""))
    region = fields.get("region_word") or next(
        (d.unit_fields["region_word"] for d in scan.sheets if "region_word" in d.unit_fields), "")
    region = region.removesuffix("财政")  # 省级财政称谓：自治区财政
    if region in ("省级", "自治区"):
        doc.unit.region_word = region
    years = [d.year for d in scan.sheets if d.year] or (
        [int(fields["year"])] if fields.get("year") else [])
    if years:
        doc.year = years[0]
        report.notes.append(f"评价年度：{doc.year}")
        if len(set(years)) > 1:
            seen = "、".join(map(str, sorted(set(years))))
            report.notes.append(f"各工作表标题中的年度不一致（{seen}），按第一个工作表取 {doc.year} 年")
    else:
        report.notes.append("标题中没有年度（如“（2022年度）”），评价年度请在窗口中填写")
    doc.profile_id = _profile(scan, fields, report)
    department = profile_id_of(fields.get("department_profile", ""))
    if department and _exists(department):
        doc.department_profile_id = department
    doc.grade_names = _grade_names(fields.get("grade_names", ""), doc, report)


def _grade_names(text: str, doc, report: ImportReport) -> str:
    """The 等次写法 the summary sheet states; "" when it is the rule's own. One that does not fit
    the rule is kept as written (the checks say so), never dropped."""
    text = normalize_style(text)
    if not text or text == style_of(load_profile(doc.profile_id)):
        return ""
    report.notes.append(f"等次写法：{text}")
    return text


def _exists(profile_id: str) -> bool:
    try:
        load_profile(profile_id)
    except ProfileError:
        return False
    return True


def _profile(scan: _Scan, fields: dict[str, str], report: ImportReport) -> str:
    stated = profile_id_of(fields.get("profile", ""))
    if stated and _exists(stated):
        report.notes.append(f"评分规则：{load_profile(stated).name}")
        return stated
    weights = [d.report.stated_execution_weight for d in scan.sheets
               if d.report.stated_execution_weight]
    for profile_id in ("mof2020", "hubei"):
        profile = load_profile(profile_id)
        if weights and weights[0] == profile.execution_weight:
            report.notes.append(f"预算执行率分值为 {num(weights[0])} 分，评分规则取“{profile.name}”")
            return profile_id
    if weights:
        report.notes.append(f"预算执行率分值为 {num(weights[0])} 分，没有对应的评分规则，"
                            f"暂按财政部规则（10 分）计分，请在窗口中选择评分规则")
    else:
        report.notes.append("表中未写预算执行率分值，按财政部规则（执行率 10 分）计分")
    return "mof2020"


# ---------------------------------------------------------------- writing

def _finalized_count(path: Path) -> int:
    """How many projects of an existing document are finalized (定稿); unreadable counts as 0
    only after ``check_file`` has vouched for the file."""
    opened = open_document(path, readonly=True)
    try:
        row = opened.conn.execute("SELECT COUNT(*) FROM project WHERE finalized_at IS NOT NULL "
                                  "OR digest IS NOT NULL").fetchone()
        return int(row[0])
    finally:
        opened.close()


def write_document(result: ImportResult, target: str | Path, replace: bool = False,
                   locked: bool = False) -> None:
    """Write the imported document to ``target`` atomically.

    A target that exists is refused unless it is one of our documents and ``replace`` is set,
    always while a window has it open for editing, and always when it holds finalized (定稿) projects: that file is what the stamped paper
    forms vouch for, and an import must not silently replace it. On any failure the target is
    left as it was. ``locked``: the caller holds the target's edit lock itself (``import-xlsx
    --take-over`` took over another computer's), so that lock is no window to refuse for.
    """
    target = Path(target)
    if target.exists():
        try:
            check_file(target)
        except DocumentError as exc:
            raise XlsxImportError(f"目标文件{exc}") from None
        if not replace:
            raise XlsxImportError(f"“{target.name}”已存在，未覆盖（如要替换请加 --force）")
        editing = "" if locked else editing_note(target)  # never under a window editing it
        if editing:
            raise XlsxImportError(f"“{target.name}”已在窗口中打开{editing}，导入不会替换它；"
                                  f"请先关闭那个窗口，或另选一个文件名")
        finalized = _finalized_count(target)
        if finalized:
            raise XlsxImportError(f"“{target.name}”中有 {finalized} 个已定稿的项目（与盖章的纸质表"
                                  f"对应），导入不会替换它；请另选一个文件名")
    detail = f"从“{result.report.source}”导入 {len(result.document.projects)} 个项目"
    try:
        write_atomically(target,
                         lambda conn: save_document(conn, result.document, "import", detail))
    except XlsxImportError:
        raise
    except Exception as exc:
        raise XlsxImportError(f"写入“{target.name}”失败（{exc}），原文件未改动") from None
