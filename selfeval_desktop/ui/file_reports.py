"""The 文件 menu's Excel and PDF entries: 导入Excel, 导出Excel, 打印·导出PDF.

They call the reports package (no Qt there) and only add dialogs: which file, 元 or 万元 when the
workbook is in doubt, which form and which projects. Dialog helpers are module functions so tests
can replace them.
"""
from __future__ import annotations

from pathlib import Path

from ..domain.model import ProjectKind
from . import qt   # qt.QMessageBox: set up by PySide6 when first shown, not at start
from .qt import QKeySequence

FORM_CHOICES = (("basic", "项目单位自评基本情况表"), ("mof", "项目支出绩效自评表"),
                ("report", "项目支出绩效自评报告（文字）"))
DEPARTMENT_FORM = "部门整体支出绩效自评表"


def add_actions(actions, menu) -> None:
    """Add the entries to ``menu`` (``actions`` is the window's FileActions)."""
    menu.addSeparator()
    actions._action(menu, "导入Excel自评表…", lambda: import_excel(actions))
    actions._action(menu, "从其他自评文件加入项目…", lambda: _merge(actions), needs_document=True)
    actions._action(menu, "导出Excel…", lambda: export_excel(actions), needs_document=True)
    actions._action(menu, "汇总多个自评文件…", lambda: _aggregate(actions))
    for i, (form, title) in enumerate(FORM_CHOICES):
        # Ctrl+P, as every program prints: the first form, the one that is stamped
        actions._action(menu, f"打印·导出PDF：{title}…", lambda f=form: export_pdf(actions, f),
                        QKeySequence.StandardKey.Print if i == 0 else None, needs_document=True)


def _aggregate(actions) -> bool:
    from .aggregate_action import aggregate
    return aggregate(actions)


def _merge(actions) -> bool:
    from .merge_projects import merge_from_file
    return merge_from_file(actions)


def typed_target(typed: str, suffix: str) -> Path:
    """The file a save dialog's answer names: ``suffix`` added to a name typed without one."""
    path = Path(typed)
    return path if path.suffix else path.with_suffix(suffix)


def replace_asked(window, title: str, typed: str, target: Path) -> bool:
    """Whether ``target`` may be written: yes unless it exists under a name the save dialog never
    asked about — ``typed`` without its ending, the ending added afterwards (Qt's own dialog on
    Linux asks “替换？” only about the name typed, so “汇总表” would replace 汇总表.xlsx unasked).
    The window never replaces a file the clerk was not asked about."""
    if Path(typed) == target or not target.exists():
        return True
    from . import dialogs
    answer = dialogs.choose(window, title, f"“{target.name}”已存在。\n\n要替换它吗？（原文件的内容"
                                           f"将被覆盖）", ["替换", "取消"], default=1,
                            kind=dialogs.WARNING)
    return answer == 0


def checked_target(window, typed: str, suffix: str, inputs, kind: str, title: str,
                   refused: str, before: str = "", **check) -> Path | None:
    """The file a save dialog's answer ``typed`` names, once it may be written: ``suffix`` added
    when typed without one, refused (``refused`` as the box's title, ``before`` the message's
    start) when ``files.check_target`` refuses it, and asked about when it exists under a name
    the dialog did not ask about (:func:`replace_asked`). None when not to be written. The
    dialog itself asked before replacing the name typed, hence ``force``."""
    from ..files import TargetError, check_target
    out = typed_target(typed, suffix)
    try:
        check_target(out, inputs, (suffix,), kind, force=True, **check)
    except TargetError as exc:
        qt.QMessageBox.warning(window, refused, f"{before}{exc}")
        return None
    return out if replace_asked(window, title, typed, out) else None


def ask_amount_unit(parent, question: str) -> str | None:
    """“yuan”, “wan”, or None when cancelled."""
    box = qt.QMessageBox(qt.QMessageBox.Icon.Question, "金额单位", question,
                         qt.QMessageBox.StandardButton.NoButton, parent)
    yuan = box.addButton("按元读取", qt.QMessageBox.ButtonRole.AcceptRole)
    wan = box.addButton("按万元读取", qt.QMessageBox.ButtonRole.AcceptRole)
    box.addButton("取消", qt.QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return "yuan" if clicked is yuan else "wan" if clicked is wan else None


def ask_scope(parent, current_name: str, department: bool = False) -> str | None:
    """“current”, “all”, or None when cancelled. The 部门整体 is named as what it is (not
    “只打印当前项目” for the department evaluation)."""
    what = "部门整体评价" if department else "项目"
    box = qt.QMessageBox(qt.QMessageBox.Icon.Question, "打印哪些项目",
                         f"只打印当前{what}“{current_name}”，还是打印全部项目？",
                         qt.QMessageBox.StandardButton.NoButton, parent)
    current = box.addButton(f"当前{what}", qt.QMessageBox.ButtonRole.AcceptRole)
    every = box.addButton("全部项目", qt.QMessageBox.ButtonRole.AcceptRole)
    box.addButton("取消", qt.QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(current)
    box.exec()
    clicked = box.clickedButton()
    return "current" if clicked is current else "all" if clicked is every else None


def ask_print_despite_errors(parent, text: str) -> bool:
    """仍然打印 (True) or 查看问题 (False; also when the box is closed)."""
    box = qt.QMessageBox(qt.QMessageBox.Icon.Warning, "打印前请检查", text,
                         qt.QMessageBox.StandardButton.NoButton, parent)
    go = box.addButton("仍然打印", qt.QMessageBox.ButtonRole.AcceptRole)
    look = box.addButton("查看问题", qt.QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(look)
    box.setEscapeButton(look)
    box.exec()
    return box.clickedButton() is go


def print_errors(session, projects) -> list:
    """The 问题清单's errors (not 提醒) of the projects about to be printed, in list order."""
    from ..domain.checks import ERROR, check_project, sort_key
    found = []
    for p in projects:
        found += [f for f in check_project(session.document, p, session.score(p.id))
                  if f.severity == ERROR]
    return sorted(found, key=sort_key)


def _errors_before_printing(window, projects, warnings=()) -> bool:
    """True to go on printing; on 查看问题 the 问题清单 shows and the first error is selected.
    The print warnings (等次 “—” …) are said in the same box: one question, not two in a row
    with different buttons; without errors they get a box of their own."""
    errors = print_errors(window.session, projects)
    if not errors:
        if not warnings:
            return True
        answer = qt.QMessageBox.question(window, "打印前请注意", "\n".join(warnings) + "\n\n仍要导出吗？")
        return answer == qt.QMessageBox.StandardButton.Yes
    first = errors[0].message
    text = (f"问题清单中有 {len(errors)} 个错误（如：{first}），打印出的表格可能不完整。")
    if warnings:
        text += "\n\n另请注意：\n" + "\n".join(warnings) + "\n\n"
    text += "仍要打印吗？"
    if ask_print_despite_errors(window, text):
        return True
    checks = window.checks
    checks.show()
    if any(f.place.project_id != window.page.pid for f in errors):
        checks.only_current.setChecked(False)
    checks.raise_()
    window.go_to(errors[0].place)
    return False


def import_excel(actions, source: str | None = None) -> bool:
    """Read a filled 自评表 workbook (asked for unless given) into a new document file and open it."""
    from ..reports.xlsx_import import check_amounts, import_workbook, write_document
    from ..reports.xlsx_import_report import XlsxImportError
    from .qt import QFileDialog
    window = actions.window
    if source is None:
        source, _ = QFileDialog.getOpenFileName(window, "导入Excel自评表", actions._start_dir(),
                                                # .xls/.et listed too: they get the message
                                                # to save them as .xlsx, not silence
                                                "Excel 工作簿 (*.xlsx *.xlsm *.xls *.et);;所有文件 (*)")
    if not source:
        return False
    try:
        check = check_amounts(source)
        amounts = None
        if check.needs_answer:
            amounts = ask_amount_unit(window, check.question)
            if amounts is None:
                return False
        result = import_workbook(source, amounts)
    except XlsxImportError as exc:
        qt.QMessageBox.warning(window, "无法导入", str(exc))
        return False
    session = window.session
    if session is not None and not session.readonly:
        from . import import_into
        where = import_into.choose(window, session.document, result.document)
        if where is None:
            return False
        if where == import_into.CURRENT:
            return _import_into_current(window, session, result)
    target = actions._ask_save_path("导入后的自评文件：选择保存位置",
                                    f"{Path(source).stem}{'.sqlite'}",
                                    current="不能导入到当前打开的文件，请另选文件名"
                                            "（导入的内容写成一个新的自评文件）")
    if target is None:
        return False
    try:
        write_document(result, target, replace=target.exists())
    except XlsxImportError as exc:
        qt.QMessageBox.warning(window, "无法导入", str(exc))
        return False
    if not actions.open_path(target):
        return False
    from ..reports.xlsx_import_review import review
    from .import_report_dialog import show_import_report
    window.import_report = show_import_report(window, result.report,
                                              review(result.document, result.report), str(target))
    return True


def _import_into_current(window, session, result) -> bool:
    """The workbook's projects appended to the open file (one undo step), then the report."""
    from ..reports.xlsx_import_review import review
    from . import import_into
    from .import_report_dialog import show_import_report
    window.page.flush()
    from .backups import before
    before(window, "import")     # 备份与恢复: the file as it was before the workbook joined it
    notes = import_into.mismatches(session.document, result.document)
    pids, left = import_into.add_to_session(session, result.document)   # a failed write raises
    if pids:
        window.page.projects.select_pid(pids[0])
    result.report.notes.extend(notes + left)   # in the report too: nothing left out in silence
    placed = (f"已加入当前文件“{Path(session.path).name}”：{len(pids)} 个项目"
              f"（撤销：Ctrl+Z）。未读入的内容请对照原表补填；复核意见在报告末尾。")
    window.import_report = show_import_report(window, result.report,
                                              review(result.document, result.report), placed=placed)
    return bool(pids)


def _latest(window) -> None:
    """A read-only window prints and exports what the file holds now (another window edits it)."""
    follower = getattr(window, "follower", None)
    if follower is not None:
        follower.check_now()


def export_excel(actions) -> bool:
    from ..reports.xlsx_export import XlsxExportError, export_workbook
    from .qt import QFileDialog
    window = actions.window
    session = window.session
    if session is None:
        return False
    window.page.flush()
    _latest(window)
    default = str(Path(actions.save_dir()) / f"{Path(session.path).stem}.xlsx")
    typed, _ = QFileDialog.getSaveFileName(window, "导出Excel", default, "Excel 工作簿 (*.xlsx)")
    if not typed:
        return False
    out = checked_target(window, typed, ".xlsx", [session.path], "Excel 工作簿", "导出Excel",
                         "无法导出")
    if out is None:
        return False
    from .busy import Working
    try:
        with Working(window, "导出Excel") as work:
            warnings = export_workbook(session.document, out, work.step)
    except XlsxExportError as exc:
        qt.QMessageBox.warning(window, "无法导出", str(exc))
        return False
    if warnings:
        qt.QMessageBox.warning(window, "导出Excel", "已导出，但：\n\n" + "\n".join(warnings))
    window.statusBar().showMessage(f"已导出：{out}（汇总表、每个项目一张自评表；最后一张工作表是各项目的"
                                   f"自评基本情况表，可直接打印）", 15000)
    return True


def export_pdf(actions, form: str) -> bool:
    """打印: write the chosen form to a PDF and open it in the system's viewer to print."""
    from ..reports import export
    from .qt import QFileDialog
    window = actions.window
    session = window.session
    if session is None:
        return False
    window.page.flush()
    _latest(window)
    doc = session.document
    pid = window.page.pid
    # the 部门整体 too (with it selected, 打印 must not print all eight without asking)
    current = next((p for p in doc.projects if p.id == pid), None)
    scope = "all"
    if current is not None and len(doc.projects) > 1:
        scope = ask_scope(window, current.name or "未命名项目",
                          department=current.kind == ProjectKind.DEPARTMENT)
        if scope is None:
            return False
    ids = [current.id] if scope == "current" and current is not None else None
    try:
        projects = export.select(doc, ids)
    except export.ExportError as exc:
        qt.QMessageBox.warning(window, "无法导出PDF", str(exc))
        return False
    # unread cells are errors of the 问题清单, named in the question already: not twice
    if not _errors_before_printing(window, projects,
                                   export.print_warnings(doc, projects, unread=False)):
        return False
    title = dict(FORM_CHOICES)[form]
    if ids and current.kind == ProjectKind.DEPARTMENT:   # it prints its own form, whichever chosen
        title = DEPARTMENT_FORM
    name = current.name if ids else doc.unit.name or Path(session.path).stem
    year = f"{doc.year}年度" if doc.year else ""   # next year's print does not replace this one
    default = str(Path(actions.save_dir()) / export.safe_name(f"{year}{title}-{name}.pdf"))
    typed, _ = QFileDialog.getSaveFileName(window, f"导出PDF：{title}", default, "PDF 文件 (*.pdf)")
    if not typed:
        return False
    out = checked_target(window, typed, ".pdf", [session.path], "PDF", "导出PDF", "无法导出PDF")
    if out is None:
        return False
    from .busy import Working
    try:                                # the save dialog (or replace_asked) asked before replacing
        with Working(window, "生成PDF") as work:
            written = export.export_pdf(doc, out, form=form, project_ids=ids, progress=work.step,
                                        inputs=[session.path], force=True)
    except export.ExportError as exc:
        qt.QMessageBox.warning(window, "无法导出PDF", str(exc))
        return False
    if export.open_with_system_viewer(written[0]):
        window.statusBar().showMessage(f"已导出PDF：{written[0]}（正在PDF阅读器中打开，可从那里打印）",
                                       10000)
    else:   # said: no viewer opens, so the clerk does not wait for one
        window.statusBar().showMessage(f"已导出PDF：{written[0]}", 10000)
        qt.QMessageBox.information(window, "PDF 已保存",
                                   f"PDF 已保存到：\n{written[0]}\n\n这台电脑上没有找到打开 PDF 的程序，"
                                   "请用 WPS、福昕等 PDF 阅读器打开这个文件后打印，或拷到能打印的电脑上。")
    return True
