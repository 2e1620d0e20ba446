"""编辑 → 撤销 / 重做: the document's QUndoStack from anywhere in the window.

- Ctrl+Z / Ctrl+Y act on the document, also while the cursor is in a text field or a grid cell:
  those widgets would otherwise take the keys for their own little undo of typed characters
  (:func:`pass_undo_keys`), which then got saved on top of the document's last step. Text
  being typed is committed first (as the end of its typing), so one Ctrl+Z takes it back.
- After an undo or redo the window shows what changed: the project is selected, the tab shown
  and the cursor put on the cell, and the status bar says “已撤销：修改 实际完成值（项目名）”.
- The menu names the step: “撤销 修改 实际完成值”, “重做 粘贴 3 行 × 5 列”.
"""
from __future__ import annotations

from .access_keys import REDO_LETTER, UNDO_LETTER, escaped, menu_text
from .qt import QAction, QEvent, QKeySequence, QObject
from .session_where import place_of

UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
REDO_SHORTCUTS = ("Ctrl+Y", "Ctrl+Shift+Z")


def is_undo_key(event) -> bool:
    """A key event that is the document's Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z."""
    if any(event.matches(k) for k in UNDO_KEYS):
        return True
    combo = QKeySequence(event.keyCombination()).toString()
    return combo in REDO_SHORTCUTS


class _PassUndoKeys(QObject):
    """A text widget does not claim Ctrl+Z / Ctrl+Y, so the window's 撤销/重做 get them."""

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            event.ignore()
            return True
        return False


_FILTER: _PassUndoKeys | None = None


def pass_undo_keys(widget) -> None:
    """Let Ctrl+Z / Ctrl+Y typed in ``widget`` (a field, a cell editor) undo the document."""
    global _FILTER
    if _FILTER is None:
        _FILTER = _PassUndoKeys()
    widget.installEventFilter(_FILTER)


class UndoActions(QObject):
    """The 撤销 and 重做 actions of a main window, following its current session."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.undo_action = QAction(menu_text("撤销", letter=UNDO_LETTER), window)
        self.undo_action.setShortcuts([QKeySequence.StandardKey.Undo])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(menu_text("重做", letter=REDO_LETTER), window)
        self.redo_action.setShortcuts([QKeySequence(k) for k in REDO_SHORTCUTS])
        self.redo_action.triggered.connect(self.redo)
        self._stepping = False       # an undo or redo of ours is moving the stack

    def build_menu(self, menu) -> None:
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)

    def set_session(self, session) -> None:
        """Follow ``session``'s stack (the window's current session is read on each update)."""
        self._stale_news()      # “已撤销 …” of another file's project is not about this one
        if session is not None:
            session.undo_stack.indexChanged.connect(self._stack_changed)
            session.undo_stack.cleanChanged.connect(self._stack_changed)
        self.update()

    def _stack_changed(self, *_args) -> None:
        if not self._stepping:  # a new edit: the last 已撤销/已重做 is no longer the news
            self._stale_news()
        self.update()

    def _stale_news(self) -> None:
        """Take back a “已撤销/已重做 …” message (else it stands on after a paste, as if the paste
        had been undone, or names a project of the file opened before)."""
        bar = self.window.statusBar()
        if bar.currentMessage().startswith(("已撤销：", "已重做：")):
            bar.clearMessage()

    def update(self) -> None:
        session = getattr(self.window, "session", None)
        try:
            stack = session.undo_stack if session is not None else None
            can_undo, can_redo = bool(stack and stack.canUndo()), bool(stack and stack.canRedo())
            undo_text = stack.undoText() if can_undo else ""
            redo_text = stack.redoText() if can_redo else ""
        except RuntimeError:   # the stack is being deleted with its window (the app ending)
            can_undo = can_redo = False
            undo_text = redo_text = ""
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        # “撤销 修改 项目负责人(&U)”: the letter after the words, as Word's “撤消键入(U)”
        self.undo_action.setText(menu_text(f"撤销 {escaped(undo_text)}".strip(), letter=UNDO_LETTER))
        self.redo_action.setText(menu_text(f"重做 {escaped(redo_text)}".strip(), letter=REDO_LETTER))

    # ------------------------------------------------------------ acting
    def undo(self) -> None:
        self._step(undo=True)

    def redo(self) -> None:
        self._step(undo=False)

    def _step(self, undo: bool) -> None:
        window = self.window
        session = window.session
        if session is None or window.page is None:
            return
        self.commit_typing()
        stack = session.undo_stack
        if not (stack.canUndo() if undo else stack.canRedo()):
            return
        command = stack.command(stack.index() - 1 if undo else stack.index())
        text = command.text() if command is not None else ""
        where = getattr(command, "where", None)
        self._stepping = True
        try:
            stack.undo() if undo else stack.redo()
        finally:
            self._stepping = False
        if session.step_failed:     # not written: nothing was undone, so no 已撤销
            return
        self.show_change(where, ("已撤销：" if undo else "已重做：") + text)

    def commit_typing(self) -> None:
        """Commit what is being typed anywhere in the window: fields and open grid cells."""
        self.window.page.flush()

    def show_change(self, where, message: str) -> None:
        """Select the project and tab of a change, put the cursor on it, and say it."""
        window, session = self.window, self.window.session
        page = window.page
        if where is not None and page is not None:
            project = next((p for p in session.document.projects if p.id == where.pid), None)
            if where.entity == "projects":
                if project is not None:
                    page.projects.select_pid(project.id)
            elif where.entity in ("unit", "meta"):
                page.header.focus_place(place_of(session.document, where))
            elif project is not None:
                page.focus_place(place_of(session.document, where))
            if project is not None and project.name and where.entity != "projects":
                message += f"（{project.name}）"
        window.statusBar().showMessage(message, 10000)
