"""项目 → 定稿 / 撤销定稿 for the project shown in the window.

定稿 asks first, saying what it means; a project whose checks report errors is refused with the
list of errors and an offer to go to the first. 撤销定稿 asks too. The work is the session's
(``finalize_project`` / ``unfinalize_project``, i.e. :mod:`selfeval_desktop.db.finalize`, the
same as the CLI). The session's refusals of edits (定稿, read-only) are shown in the status bar.
"""
from __future__ import annotations

from . import qt   # qt.QMessageBox: set up by PySide6 when first shown, not at start
from .access_keys import menu_text
from .qt import QAction, QObject

SHOWN_ERRORS = 8
FINALIZE_TEXT = ("定稿「{name}」？\n\n"
                 "定稿后项目只读，打印的表格带校验码和二维码，可用于核对收到的文件"
                 "（与纸质表上的校验码对照，可知文件是否被改动过）。"
                 # it locks the file's 单位/年度/评分规则 too: said before, not found out after
                 "文件中有定稿项目时，单位名称、评价年度、评分规则和等次写法也不能再改。\n\n"
                 "如需再修改，可在“项目”菜单中撤销定稿（撤销后须重新定稿、重新打印）。"
                 "定稿前的修改将不能再用“撤销”（Ctrl+Z）恢复。")
UNFINALIZE_TEXT = ("撤销「{name}」的定稿？\n\n"
                   "撤销后项目可以修改，原校验码作废：已打印的带校验码的表格将与文件不再一致。"
                   "修改完成后请重新定稿，并重新打印。")


def _name(project) -> str:
    return project.name.strip() or "（未命名项目）"


def errors_text(name: str, errors) -> str:
    lines = [f"{i}. {f.message}" for i, f in enumerate(errors[:SHOWN_ERRORS], start=1)]
    if len(errors) > SHOWN_ERRORS:
        lines.append(f"……共 {len(errors)} 个错误，其余见问题清单")
    return (f"「{name}」还有 {len(errors)} 个错误，不能定稿：\n\n" + "\n".join(lines) +
            "\n\n请先改正这些错误（问题清单中红色的条目），再定稿。")


SHOWN_WARNINGS = 5


def warnings_text(warnings) -> str:
    """The 提醒 still open, said in 定稿's question: after 定稿 nothing can be changed without
    撤销定稿 and reprinting, so a reminder not looked at is said before, not after."""
    if not warnings:
        return ""
    lines = [f"{i}. {f.message}" for i, f in enumerate(warnings[:SHOWN_WARNINGS], start=1)]
    if len(warnings) > SHOWN_WARNINGS:
        lines.append(f"……共 {len(warnings)} 条，其余见问题清单")
    return (f"\n\n注意：还有 {len(warnings)} 条提醒（问题清单中橙色的条目）：\n" + "\n".join(lines) +
            "\n提醒不妨碍定稿；请确认已核实。")


class FinalizeActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.finalize_action = QAction(menu_text("定稿…"), window)
        self.finalize_action.setToolTip("定稿当前项目：项目改为只读，打印的表格带校验码和二维码")
        self.finalize_action.triggered.connect(self.finalize_current)
        self.unfinalize_action = QAction(menu_text("撤销定稿…"), window)
        self.unfinalize_action.setToolTip("撤销当前项目的定稿，使其可以修改（原校验码作废）")
        self.unfinalize_action.triggered.connect(self.unfinalize_current)
        # the header's button shows these two by their words alone (“定稿…”, not “定稿(G)…”)
        self.finalize_action.setIconText("定稿…")
        self.unfinalize_action.setIconText("撤销定稿…")
        self.verify_action = QAction(menu_text("核对定稿校验码…"), window)
        self.verify_action.setToolTip("核对文件中已定稿项目的内容是否与定稿时一致（与纸质表上的校验码对照）")
        self.verify_action.triggered.connect(self.verify)
        self._session = None
        self._page = None

    def build_menu(self, menu) -> None:
        menu.addAction(self.finalize_action)
        menu.addAction(self.unfinalize_action)
        menu.addAction(self.verify_action)

    def verify(self) -> bool | None:
        """核对: what ``verify`` says, in a box — the printed form tells the receiver to 核对 the
        file it got, and needs no command line for it; a mismatch lists what changed since
        定稿, and the box can look up a paper's code (``ui.verify_box``). True all match, False a
        mismatch, None nothing finalized or no file."""
        from .verify_box import show_verification
        session = self.window.session
        if session is None:
            return None
        result, self.last_verification = show_verification(self.window, session)
        return result

    # ------------------------------------------------------------ state
    def _current(self):
        """(session, pid) of the project shown, or (None, None)."""
        session, page = self.window.session, self.window.page
        if session is None or page is None or page.pid is None:
            return None, None
        return session, page.pid

    def update_enabled(self, *_args) -> None:
        """Follow the window: a new document, another project, 定稿 or 撤销定稿."""
        self._attach()
        session, pid = self._current()
        writable = session is not None and not session.readonly
        finalized = session is not None and session.is_finalized(pid)
        self.finalize_action.setEnabled(writable and pid is not None and not finalized)
        self.unfinalize_action.setEnabled(writable and finalized)
        self.verify_action.setEnabled(session is not None)      # read-only too: the receiver's

    def _attach(self) -> None:
        session, page = self.window.session, self.window.page
        if session is self._session and page is self._page:
            return
        self._session, self._page = session, page
        if session is None:
            return
        session.refused.connect(self._refused)
        session.fieldChanged.connect(self._field_changed)
        self._listed = self._project_ids()
        session.projectsChanged.connect(self._projects_changed)
        page.projectShown.connect(self.update_enabled)
        header = getattr(page, "header", None)
        if header is not None and hasattr(header, "set_lock_actions"):
            header.set_lock_actions(self.finalize_action, self.unfinalize_action)

    def _field_changed(self, entity, pid, row_key, attr) -> None:
        if entity == "project" and attr == "finalized_at":
            self.update_enabled()
            return
        self._member_changed(pid, entity, attr)

    def _member_changed(self, pid=None, entity: str = "projects", attr=None) -> None:
        """A project's name or funds changed (or a project came or went) while the 部门整体,
        whose stamped form lists them, is 定稿: said at once (not found out later, when its code
        no longer verifies)."""
        from ..domain.digest import finalized_department
        session = self.window.session
        if session is None or finalized_department(session.document, pid, entity, attr) is None:
            return
        self.window.statusBar().showMessage(
            "部门整体评价已定稿，其表上列有各项目的名称和资金：这一修改使它的校验码失效；"
            "核实后请撤销部门整体评价的定稿，重新定稿并重新打印", 15000)

    def _projects_changed(self) -> None:
        """新增, 删除, 上移/下移 of projects: the 部门整体's list changed."""
        listed = self._project_ids()
        if listed != self._listed:
            self._listed = listed
            self._member_changed()

    def _project_ids(self) -> tuple:
        session = self.window.session
        return () if session is None else tuple(p.id for p in session.document.project_list())

    def _refused(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)

    # ------------------------------------------------------------ actions
    def finalize_current(self) -> bool:
        session, pid = self._current()
        if session is None or session.readonly or session.is_finalized(pid):
            return False
        from ..db.finalize import FinalizeRefused
        from .session import SessionError
        self.window.page.flush()
        project = session.project(pid)
        ok, errors = session.can_finalize(pid)
        if not ok:
            return self._refuse(project, errors)
        from . import dialogs
        from ..domain.checks import open_reminders
        warnings = open_reminders(session.document, project, session.score(pid))
        buttons = ["定稿", "先看提醒", "取消"] if warnings else ["定稿", "取消"]
        answer = dialogs.choose(self.window, "定稿", FINALIZE_TEXT.format(name=_name(project)) +
                                warnings_text(warnings), buttons, default=len(buttons) - 1)
        if answer != 0:
            if warnings and answer == 1:
                self.window.go_to(warnings[0].place)
            return False
        from .backups import before
        before(self.window, "finalize")      # 备份与恢复: 定稿 clears the undo history
        try:
            change = session.finalize_project(pid)
        except FinalizeRefused as exc:
            return self._refuse(project, exc.blocked[0][1])
        except SessionError as exc:
            qt.QMessageBox.warning(self.window, "定稿失败", str(exc))
            return False
        self.window.statusBar().showMessage(f"「{_name(project)}」已定稿，校验码 {change.code}", 15000)
        return True

    def _refuse(self, project, errors) -> bool:
        from . import dialogs
        answer = dialogs.choose(self.window, "不能定稿", errors_text(_name(project), errors),
                                ["转到第一个问题", "关闭"], default=0, kind=dialogs.WARNING)
        if answer == 0 and errors:
            self.window.go_to(errors[0].place)
        return False

    def unfinalize_current(self) -> bool:
        session, pid = self._current()
        if session is None or session.readonly or not session.is_finalized(pid):
            return False
        from .session import SessionError
        project = session.project(pid)
        from . import dialogs
        answer = dialogs.choose(self.window, "撤销定稿", UNFINALIZE_TEXT.format(name=_name(project)),
                                ["撤销定稿", "取消"], default=1)
        if answer != 0:
            return False
        from .backups import before
        before(self.window, "unfinalize")    # 备份与恢复: the 定稿 state as it was
        try:
            session.unfinalize_project(pid)
        except SessionError as exc:
            qt.QMessageBox.warning(self.window, "撤销定稿失败", str(exc))
            return False
        self.window.statusBar().showMessage(f"「{_name(project)}」已撤销定稿，可以修改", 15000)
        return True
