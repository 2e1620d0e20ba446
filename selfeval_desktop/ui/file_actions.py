"""The 文件 menu: 新建, 打开, 最近文件, 另存为副本, 从上年文件新建, Excel and PDF, and opening a file
safely (the lock beside it, a clear message for a file that is not ours).

Dialogs are module-level functions or Qt static methods so tests can replace them.
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path

from ..db.document import (DocumentError, copy_document, open_document, would_migrate,
                           write_atomically)
from ..db.repo import load_document, save_document
from ..domain.evaluation import missing_profile_text
from ..domain.model import Document, Unit, new_project
from ..files import same_file
from ..db import file_lock
from . import lock_dialog
from .access_keys import menu_text, numbered
from .errors import action_title, guarded
from .translations import install_qt_translations
from . import qt   # dialogs as qt.QMessageBox …: set up by PySide6 when first shown, not at start
from .qt import QAction, QKeySequence, QObject

FILE_FILTER = "绩效自评文件 (*.sqlite *.selfeval *.db);;所有文件 (*)"
SUFFIX = ".sqlite"
MAX_RECENT = 8
DEMO_NAME = "演示文件.sqlite"
DEFAULT_PROFILE = "mof2020"   # 财政部 财预〔2020〕10号


def ask_new_document(parent) -> tuple[str, int, str | None, str] | None:
    """(unit name, fiscal year, the projects' profile id — None when only the 部门整体 is
    evaluated: none is asked, the default is taken —, scope: project / department / both), or
    None when cancelled."""
    from .new_document_dialog import NewDocumentDialog
    dialog = NewDocumentDialog(parent)
    return dialog.values() if dialog.exec() == qt.QDialog.DialogCode.Accepted else None


def documents_dir() -> str:
    """文档, or the home folder where there is none (a dialog given a missing folder opens in the
    program's own folder)."""
    locations = qt.QStandardPaths.standardLocations(
        qt.QStandardPaths.StandardLocation.DocumentsLocation)
    existing = [folder for folder in locations if Path(folder).is_dir()]
    return existing[0] if existing else str(Path.home())


def _unused(path: Path) -> Path:
    """``path``, or ``name（2）.sqlite`` … when a file of that name is there already."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}（{n}）{path.suffix}")
        n += 1
    return candidate


def demo_path() -> Path:
    folder = qt.QStandardPaths.writableLocation(
        qt.QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder or Path.home()) / DEMO_NAME


def in_use(path: Path) -> bool:
    """Whether another window (here or elsewhere) has ``path`` open for editing."""
    if not Path(path).exists():
        return False
    probe = file_lock.FileLock(path)
    holder = probe.acquire()
    probe.release()
    return holder is not None


def ask_import_instead(parent, name: str) -> bool:
    """打开 on a workbook: offer 导入Excel (a module function, so tests can answer it)."""
    install_qt_translations()      # (it may show before the window has painted)
    box = qt.QMessageBox(qt.QMessageBox.Icon.Information, "这是 Excel 工作簿",
                      f"“{name}”是 Excel 工作簿，不是自评文件。\n"
                      "Excel 自评表请用 文件 → 导入Excel：读入后另存为自评文件。现在导入吗？",
                      qt.QMessageBox.StandardButton.NoButton, parent)
    go = box.addButton("导入Excel…", qt.QMessageBox.ButtonRole.AcceptRole)
    box.addButton("取消", qt.QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go)
    box.exec()
    return box.clickedButton() is go


def unscorable(path: Path, doc: Document) -> str | None:
    """Why the window cannot show ``doc`` (read from ``path``): it names a rule profile this
    program lacks, from a later release (not an open gone half through, the lock held, every
    grid raising). Refused rather than shown unscored: the header, the project list,
    the grids, the 问题清单 and every form show the rule's scores, and a copy that shows none
    would read as a file with nothing scored; upgrading shows it as the unit sent it."""
    missing = missing_profile_text(doc)
    if not missing:
        return None
    return f"“{path.name}”{missing}。\n\n这个文件可能由更新版本的绩效自评助手保存；文件未作任何修改。"


def refusal_on_reading(path: Path) -> str | None:
    """Why ``path`` cannot be opened, found on a read-only open (nothing written); None if it
    can. For a file an editable open would upgrade first (so it is not backed up and upgraded,
    then refused)."""
    try:
        opened = open_document(path, readonly=True)
    except DocumentError as exc:
        return str(exc)
    try:
        doc = load_document(opened.conn)
    except Exception as exc:  # a file of ours whose content cannot be read
        return f"无法读取“{path.name}”的内容：{exc}"
    finally:
        opened.close()
    return unscorable(path, doc)


def _optional(module: str, name: str):
    """A function another part of the app provides, or None while it does not exist."""
    try:
        return getattr(importlib.import_module(f"selfeval_desktop.{module}"), name)
    except (ImportError, AttributeError):
        return None


class FileActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.recent_menu = None
        self._needs_document: list[QAction] = []

    # ------------------------------------------------------------ the menu
    def _action(self, menu, text, slot, shortcut=None, needs_document=False) -> QAction:
        """An entry ``text`` (“打开…”: its letter is added, access_keys) running ``slot``."""
        action = QAction(menu_text(text), self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        run = guarded(self.window, action_title(text), slot)   # an error says so, never silent
        action.triggered.connect(lambda _checked=False: run())
        menu.addAction(action)
        if needs_document:
            self._needs_document.append(action)
        return action

    def build_menu(self, menu) -> None:
        self._action(menu, "新建…", self.new_document, QKeySequence.StandardKey.New)
        self._action(menu, "打开…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = menu.addMenu(menu_text("最近文件"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        self.save_action = self._action(menu, "保存", self.save, QKeySequence.StandardKey.Save,
                                        needs_document=True)
        self._action(menu, "另存为副本…", self.save_copy, needs_document=True)
        self._action(menu, "从上年文件新建下一年度…", self.new_from_last_year)
        self._action(menu, "备份与恢复…", self.backups)
        self.extra_actions(menu)
        menu.addSeparator()
        self._action(menu, "打开演示文件", self.open_demo)
        self._action(menu, "关闭文件", self.window.close_document, needs_document=True)
        self._action(menu, "退出", self.window.close, QKeySequence.StandardKey.Quit)

    def extra_actions(self, menu) -> None:
        """导入Excel / 导出Excel / 打印·导出PDF, wired to the reports package where present."""
        from . import file_reports
        file_reports.add_actions(self, menu)

    def update_enabled(self) -> None:
        has = self.window.session is not None
        for action in self._needs_document:
            action.setEnabled(has)

    def _fill_recent(self) -> None:
        """The recent files; one not found now (a U盘 not plugged in) is listed greyed with where it
        was, not left out: a clerk who did not see it thought the file gone and started again."""
        self.recent_menu.clear()
        files = self.recent_files(include_missing=True)
        if not files:
            self.recent_menu.addAction("（无）").setEnabled(False)
        for i, path in enumerate(files, start=1):
            found = Path(path).exists()
            text = numbered(i, Path(path).name) + ("" if found else "（找不到：U 盘未插入或文件已移动？）")
            action = self.recent_menu.addAction(text)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(found)
            action.triggered.connect(
                guarded(self.window, "打开失败", lambda _c=False, p=path: self.open_path(p)))

    # ------------------------------------------------------------ recent files
    def recent_files(self, include_missing: bool = False) -> list[str]:
        value = self.window.settings.value("recentFiles") or []
        if isinstance(value, str):
            value = [value]
        return [p for p in value if include_missing or Path(p).exists()]

    def remember(self, path: Path) -> None:
        path = str(Path(path).absolute())
        files = [p for p in self.recent_files(include_missing=True) if p != path]
        self.window.settings.setValue("recentFiles", [path, *files][:MAX_RECENT])
        self.window.settings.setValue("lastFile", path)

    # ------------------------------------------------------------ opening
    def open_path(self, path, readonly: bool = False) -> bool:
        """Open ``path`` in this window (the lock first; a refused file gets one message)."""
        from .session import DocumentSession
        path = Path(path).absolute()
        current = self.window.session
        if current is not None and Path(current.path).absolute() == path:
            return True
        # what the file is, looked at once: a workbook by its content (a ZIP package with
        # xl/workbook.xml, an OLE file with a Workbook stream), else by its name — not any ZIP
        # or OLE file: a Word report is one too
        from ..file_kinds import OTHER, WORKBOOK, kind_of, refusal as kind_refusal
        kind = kind_of(path) if path.is_file() else OTHER
        if kind == WORKBOOK:
            if ask_import_instead(self.window, path.name):
                from . import file_reports
                return file_reports.import_excel(self, source=str(path))
            return False
        refusal = kind_refusal(path, kind)
        if refusal is not None:
            install_qt_translations()   # before the first paint: 确定, not OK
            qt.QMessageBox.warning(self.window, "无法打开", refusal)
            return False
        lock = file_lock.FileLock(path)
        unlocked = ""       # no lock could be written (full disk, read-only folder)
        taken_from = None   # another computer's lock taken over (仍然编辑)
        if not readonly:
            holder = lock.acquire()
            if holder is not None:
                answer = lock_dialog.ask_lock(self.window, path, holder)
                if answer is lock_dialog.TAKE_OVER:
                    now = lock.take_over(holder)
                    if now is not None:     # the lock changed while the clerk was asked
                        qt.QMessageBox.warning(
                            self.window, lock_dialog.LOCKED_TITLE,
                            f"“{path.name}”的占用标记刚刚有了变化（{now.describe() if now.pid else '另一个窗口'}），"
                            "没有接管，未作任何修改。请稍后再打开。")
                        return False
                    taken_from = holder
                elif not answer:
                    return False
                else:
                    readonly = True
            elif not lock.held and path.exists():
                # not editable with no word, where a second window could edit it too:
                # read-only, saying why and what to do
                readonly = True
                unlocked = file_lock.unlockable_notice(path, lock.failure or "原因不明")
        refusal = refusal_on_reading(path) if not readonly and would_migrate(path) else None
        try:
            if refusal is not None:
                raise DocumentError(refusal)
            opened = open_document(path, readonly=readonly)
        except DocumentError as exc:
            lock.give_back()    # (a lock taken over is the other computer's again)
            install_qt_translations()   # before the first paint: 确定, not OK
            qt.QMessageBox.warning(self.window, "无法打开", str(exc))
            return False
        if opened.readonly:
            lock.give_back()  # a read-only window guards nothing
        else:
            file_lock.remove_stale_journal(opened.conn, path)
        try:
            session = DocumentSession(opened)
            refusal = unscorable(path, session.document)
        except Exception as exc:  # a file of ours whose content cannot be read
            opened.close()
            lock.give_back()
            install_qt_translations()   # before the first paint: 确定, not OK
            qt.QMessageBox.warning(self.window, "无法打开", f"无法读取“{path.name}”的内容：{exc}")
            return False
        if refusal is not None:     # before the window shows it: nothing written, lock given back
            opened.close()
            session.deleteLater()
            lock.give_back()
            install_qt_translations()
            qt.QMessageBox.warning(self.window, "无法打开", refusal)
            return False
        if not self.window.set_session(session, lock if lock.held else None):
            lock.give_back()
            return False        # the open document has unsaved work and the clerk chose 取消
        if taken_from is not None and lock.held:
            self.window.statusBar().showMessage(
                f"已接管另一台电脑（{taken_from.who()}）留下的占用标记，以可编辑方式打开", 15000)
        self.remember(path)
        if unlocked and self.window.follower is not None:
            self.window.follower.unlocked = True
        notice = "\n\n".join(n for n in (opened.notice, unlocked) if n)
        if notice:
            install_qt_translations()   # before the first paint: 确定, not OK
            qt.QMessageBox.information(self.window, "提示", notice)
        return True

    def open_dialog(self) -> bool:
        path, _ = qt.QFileDialog.getOpenFileName(self.window, "打开自评文件", self._start_dir(),
                                              FILE_FILTER)
        return self.open_path(path) if path else False

    def _start_dir(self) -> str:
        """Where file dialogs open: the open file's folder, or the last one's."""
        session = self.window.session
        if session is not None:
            return str(Path(session.path).parent)
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else documents_dir()

    def save_dir(self) -> str:
        """Where save dialogs open: as ``_start_dir``, unless that folder takes no writing —
        then 文档 (从上年文件新建 from a read-only share does not offer to save into it)."""
        folder = self._start_dir()
        return folder if os.access(folder, os.W_OK) else documents_dir()

    def received_dir(self) -> str:
        """Where the units' files were last picked from (汇总, 加入项目): the folder of the emails'
        attachments, not the open file's, so the dialog does not start over there each time."""
        folder = str(self.window.settings.value("receivedDir") or "")
        return folder if folder and Path(folder).is_dir() else self._start_dir()

    def remember_received(self, path) -> None:
        self.window.settings.setValue("receivedDir", str(Path(path).parent))

    def _ask_save_path(self, title: str, name: str, current: str | None = None) -> Path | None:
        """A new file's path, or None. A name that cannot be used is said and asked again
        (not the end of the whole 新建, unit and year typed for nothing); an existing file can
        be opened instead. The file open in this window is
        refused with ``current``."""
        from . import dialogs
        suggested = _unused(Path(self.save_dir()) / name)
        while True:
            path, _ = qt.QFileDialog.getSaveFileName(
                self.window, title, str(suggested), FILE_FILTER, "",
                qt.QFileDialog.Option.DontConfirmOverwrite)   # we refuse instead of “替换？”
            if not path:
                return None
            path = Path(path)
            if not path.suffix:
                path = path.with_suffix(SUFFIX)
            refusal, can_open = self._refusal(path, current)
            if refusal is None:
                return path
            buttons = ["换一个文件名…"] + (["打开这个文件"] if can_open else []) + ["取消"]
            answer = dialogs.choose(self.window, "无法使用这个文件名", refusal, buttons,
                                    kind=dialogs.WARNING)
            if answer == 0:
                suggested = _unused(path)       # the next free name in the folder chosen
                continue
            if can_open and answer == 1:
                self.open_path(path)
            return None

    def _refusal(self, path: Path, current: str | None) -> tuple[str | None, bool]:
        """Why ``path`` cannot take a new file (None: it can), and whether opening it makes sense."""
        session = self.window.session
        if session is not None and same_file(session.path, path):
            return current or f"“{path.name}”是当前打开的文件，请换一个文件名。", False
        if in_use(path):
            return f"“{path.name}”{lock_dialog.LOCKED_TITLE}，请换一个文件名。", False
        if path.exists():
            # 新建 may suggest the name of this year's filled-in file, Qt asks “替换？”, and 是
            # would leave an empty document in its place. A new file never replaces an existing one.
            return (f"“{path.name}”已存在。为防止覆盖已填写的内容，不会替换已有的文件。\n\n"
                    "请换一个文件名，或打开这个文件接着填写。", True)
        return None, False

    def _create(self, path: Path, doc: Document, action: str, detail: str = "") -> bool:
        try:
            write_atomically(path, lambda conn: save_document(conn, doc, action=action,
                                                              detail=detail))
        except (OSError, DocumentError) as exc:
            qt.QMessageBox.warning(self.window, "无法保存", f"无法写入“{path.name}”：{exc}")
            return False
        return self.open_path(path)

    # ------------------------------------------------------------ the actions
    def new_document(self) -> bool:
        answer = ask_new_document(self.window)
        if answer is None:
            return False
        unit, year, profile, scope = answer
        name = f"{year}年度{unit or ''}绩效自评{SUFFIX}"
        path = self._ask_save_path("新建自评文件：选择保存位置", name)
        if path is None:
            return False
        doc = Document(unit=Unit(name=unit), year=year, profile_id=profile or DEFAULT_PROFILE)
        if scope in ("department", "both"):
            from ..domain.department import new_department
            doc.projects.append(new_department(doc))
        if scope in ("project", "both"):
            doc.projects.append(new_project(doc))     # 实施单位: the unit, as 新增项目 fills it
        if not self._create(path, doc, "create"):
            return False
        # the cursor in its first name, not the project list; a file opened again
        # (or 从上年文件新建, its projects named) starts in the list, to choose from
        self.window.page.start_new()
        return True

    def new_from_last_year(self) -> bool:
        """从上年文件新建: the current document (or a chosen one) → the next fiscal year."""
        session = self.window.session
        if session is not None:
            self.window.page.flush()
            source_doc, source_path = session.document, Path(session.path)
        else:
            chosen, _ = qt.QFileDialog.getOpenFileName(self.window, "选择上一年度的自评文件",
                                                    self._start_dir(), FILE_FILTER)
            if not chosen:
                return False
            source_path = Path(chosen)
            try:
                opened = open_document(source_path, readonly=True)
            except DocumentError as exc:
                qt.QMessageBox.warning(self.window, "无法打开", str(exc))
                return False
            try:
                source_doc = load_document(opened.conn)
            finally:
                opened.close()
            refusal = unscorable(source_path, source_doc)
            if refusal is not None:     # the new year's file would name that rule too
                qt.QMessageBox.warning(self.window, "无法打开", refusal)
                return False
        from ..domain.rollover import next_year
        new_doc = next_year(source_doc)
        year = f"{new_doc.year}年度" if new_doc.year else "下一年度"
        name = f"{year}{new_doc.unit.name}绩效自评{SUFFIX}"
        made = Path(self.save_dir()) / name
        if made.exists() and not same_file(made, source_path):
            # asked: a second 从上年文件新建 must not quietly make a “（2）” file beside the first
            from . import dialogs
            answer = dialogs.choose(self.window, "从上年文件新建",
                                    f"“{made.name}”已存在，{year}的文件可能已经新建过。\n\n"
                                    "打开它接着填写，还是另外再新建一个？",
                                    ["打开这个文件", "仍然新建…", "取消"])
            if answer == 0:
                return self.open_path(made)
            if answer != 1:
                return False
        path = self._ask_save_path(f"新建{year}自评文件：选择保存位置", name)
        if path is None:
            return False
        if path.absolute() == source_path.absolute():
            qt.QMessageBox.warning(self.window, "无法保存", "不能覆盖上一年度的文件，请换一个文件名")
            return False
        if not self._create(path, new_doc, "rollover", f"从“{source_path.name}”新建"):
            return False
        # said: the window turns into the new file, all actuals empty
        self.window.statusBar().showMessage(
            # the amounts are said too, so the empty 预算表 does not look broken; short enough
            # for the status bar of a 1280 px window
            f"已新建{year}文件：带入项目、指标目标、分值和评价人员；实际值、金额、得分和意见已清空，"
            f"起止时间顺延一年；上年文件未改动", 30000)
        return True

    def save(self) -> None:
        """Ctrl+S: everything is saved as typed; commit the field being typed and say so."""
        if self.window.page is not None:
            self.window.page.flush()
        failed = getattr(self.window.session, "write_error", None)
        if failed:   # never “saved” while the last write did not reach the file
            qt.QMessageBox.warning(self.window, "未保存", f"最近的修改没有写入文件。\n\n{failed}")
            return
        self.window.statusBar().showMessage("已自动保存：每次修改都已随时保存，无需手动保存", 4000)

    def save_copy(self) -> bool:
        session = self.window.session
        if session is None:
            return False
        self.window.page.flush()
        stem = Path(session.path).stem
        path = self._ask_save_path("另存为副本", f"{stem}（副本）{SUFFIX}")
        if path is None:
            return False
        if path.absolute() == Path(session.path).absolute():
            qt.QMessageBox.warning(self.window, "无法保存", "副本不能与当前文件同名，请换一个文件名")
            return False
        try:
            copy_document(session.conn, path)
        except DocumentError as exc:      # “无法写入“…”：磁盘空间不足”, not SQLite's English
            qt.QMessageBox.warning(self.window, "无法保存", str(exc))
            return False
        self.window.statusBar().showMessage(f"已另存副本：{path}（当前仍在编辑原文件）", 8000)
        return True

    def backups(self) -> None:
        """备份与恢复: the snapshots of the open file (ui.backup_dialog)."""
        from .backup_dialog import show_backups
        show_backups(self.window)

    def open_demo(self) -> bool:
        """Write a fresh demo document into the user's data folder and open it."""
        path = demo_path()
        write_demo = _optional("db.demo", "write_demo")
        if write_demo is None:
            qt.QMessageBox.warning(self.window, "无法打开演示文件", "本版本未包含演示数据")
            return False
        current = self.window.session
        if current is not None and Path(current.path).absolute() == path.absolute():
            return True
        if not in_use(path):  # else: open the one in use, read-only
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_demo(path, seed="004")
            except Exception as exc:
                qt.QMessageBox.warning(self.window, "无法打开演示文件", f"写入演示文件失败：{exc}")
                return False
        if not self.open_path(path):
            return False
        self._show_clean_project()
        return True

    def _show_clean_project(self) -> None:
        """The demo is a real unit's forms, gaps and all: start on a project the 问题清单 has no
        error for, and say where the rest come from."""
        from ..domain.checks import ERROR, check_project
        session, page = self.window.session, self.window.page
        for project in session.document.project_list():
            found = check_project(session.document, project, session.score(project.id))
            if not any(f.severity == ERROR for f in found):
                page.projects.select_pid(project.id)
                break
        self.window.statusBar().showMessage(
            "演示文件取自一个县科技局的真实自评表：问题清单列出的是原表中的缺漏，可照着练习修改", 15000)
