"""An Excel-like table view: keys move and edit as in Excel/WPS, blocks copy and paste as TSV.

- Enter commits and moves down (Shift+Enter up; after Tabs, back to the column they started
  from); Tab moves right and wraps to the next row (Shift+Tab back) — past the last (first) cell,
  and with Ctrl+Tab from any cell, the focus leaves the grid; arrows move; F2 or double-click
  edits; typing a character, or a Chinese phrase committed by an input method, starts editing.
- The cell being typed is saved after a short pause (grid.typing); Ctrl+Z/Ctrl+Y there undo the
  document. Typing on a cell that takes no typing says why in the status bar.
- Delete/Backspace clear, Ctrl+C copies as TSV, Ctrl+V pastes a TSV block (grid.clipboard); rows
  can be inserted, deleted and moved (grid.rows). Each is one undo step (session.macro).
- Leading columns can be frozen, as Excel's 冻结窗格 (``freeze_columns``, grid.frozen): the
  绩效指标 names stay in sight while the grid scrolls sideways.
- Why a red cell is red is said in the window's status bar when the cursor lands on it and right
  after it was typed (the tooltip says it too), so Enter-and-go typing still sees the reason.
Edits go through ``model.setData`` only; the model (a :class:`SessionTableModel`) talks to the session.
"""
from __future__ import annotations

from contextlib import nullcontext
import re

from ..models.base import ErrorRole, KindRole
from ..session_fields import MONEY
from ..status_line import say
from ..undo_actions import is_undo_key
from ..qt import (QAbstractItemDelegate, QAbstractItemView, QApplication, QEvent, QHeaderView,
                  QItemSelection, QItemSelectionModel, QKeySequence, QLineEdit, QMainWindow,
                  QPersistentModelIndex, QPlainTextEdit, QTableView, QTextCursor, QTextEdit, Qt)
from .clipboard import ClipboardOps
from .fit import RowFitter
from .focus import FocusOps
from .frozen import FrozenOps
from .navigation import NavigationOps
from .rows import RowOps
from .typing import EditorTyping, editor_text

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
UNIT_OR_WIDE = re.compile(r"[^\d.,+\-\s]")   # a unit (元, 万, 千元) or full-width digits
ARROWS = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Left: (0, -1),
          Qt.Key.Key_Right: (0, 1)}
PAGE_KEYS = {Qt.Key.Key_PageUp: QAbstractItemView.CursorAction.MovePageUp,
             Qt.Key.Key_PageDown: QAbstractItemView.CursorAction.MovePageDown}
_USER_TRIGGERS = (QAbstractItemView.EditTrigger.AnyKeyPressed,
                  QAbstractItemView.EditTrigger.DoubleClicked,
                  QAbstractItemView.EditTrigger.EditKeyPressed)


class Grid(FrozenOps, FocusOps, NavigationOps, ClipboardOps, RowOps, QTableView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.message = ""   # the last thing the grid wants to tell the user (Chinese)
        self.row_actions = self._make_row_actions()
        self._edited = QPersistentModelIndex()   # the cell whose editor is open
        self._enter_mode = False                 # that editor was opened by typing (Excel 输入)
        self._forwarding = False                 # a key is being passed on to the editor
        self._told = ""                          # the reason last put in the status bar
        self._told_about = QPersistentModelIndex()   # … and the cell it is about
        self._told_typed = False                 # … said because it was just typed there
        self._tab_anchor: int | None = None      # the column a run of Tabs started from
        self._typing = EditorTyping(self)          # saves the open cell after a pause
        self._tabbing = False
        self._focus_look(False)                    # grey selection until it has the focus

    def changeEvent(self, event):  # noqa: N802 - Qt override
        """The font changed (显示比例, ui.zoom): rows as tall as its text, wrapped ones fitted again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
            if self._freeze is not None:           # the frozen columns' rows too
                self._freeze.follow_row_height()
            fitter = getattr(self, "_fitter", None)
            if fitter is not None:
                fitter.fit_all()

    def fit_rows_to_text(self, max_lines: int = 3) -> None:
        """Rows grow with their wrapped text, up to ``max_lines`` (grid.fit)."""
        self._fitter = RowFitter(self, max_lines)
        if self.model() is not None:
            self._fitter.watch(self.model())

    def setModel(self, model):  # noqa: N802 - Qt override
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self._cursor_to_first)
            model.rowsInserted.connect(self._cursor_to_first)
        fitter = getattr(self, "_fitter", None)
        if fitter is not None and model is not None:
            fitter.watch(model)

    # ------------------------------------------------------------ helpers

    @property
    def session(self):
        return getattr(self.model(), "session", None)

    def _macro(self, text: str):
        session = self.session
        return session.macro(text) if session is not None and self._project_editable() \
            else nullcontext()

    def _project_editable(self) -> bool:
        editable = getattr(self.model(), "project_editable", None)
        return True if editable is None else bool(editable())

    def _refused(self) -> bool:
        """When the shown project cannot be edited (read-only file, 定稿), say why in the status
        bar and return True."""
        model, session = self.model(), self.session
        if session is None or getattr(model, "pid", None) is None or self._project_editable():
            return False
        refusal = getattr(session, "edit_refusal", None)
        message = refusal(model.ROW_ENTITY or "project", model.pid) if refusal else None
        window = self.window()
        if message and isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 10000)
        self.message = message or ""
        return True

    def _editable(self, index) -> bool:
        return bool(index.isValid() and self.model().flags(index) & Qt.ItemFlag.ItemIsEditable)

    def _rows_model(self) -> bool:
        return getattr(self.model(), "ROW_ENTITY", None) is not None

    def _data_rows(self) -> int:
        model = self.model()
        return getattr(model, "data_rows", model.rowCount())

    def setCurrentIndex(self, index):  # noqa: N802 - Qt override (for our callers)
        """Move the cursor to a cell, that cell alone selected. Qt's own reads the keys held at
        that moment: after Ctrl+Shift+= inserted a row, the old row stayed selected with the new
        one, and Ctrl+- then deleted a real row too."""
        selection = self.selectionModel()
        if selection is None or not index.isValid():
            super().setCurrentIndex(index)
            return
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _set_current(self, row: int, col: int) -> None:
        index = self.model().index(row, col)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    # ------------------------------------------------------------ keys

    def keyPressEvent(self, event):
        key, mods = event.key(), event.modifiers()
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if key == Qt.Key.Key_V and mods == (Qt.KeyboardModifier.ControlModifier
                                            | Qt.KeyboardModifier.ShiftModifier):
            self.paste(as_rows=True)      # 按原样粘贴: each line a row, never one paragraph
            return
        if key in (Qt.Key.Key_D, Qt.Key.Key_R) and mods == Qt.KeyboardModifier.ControlModifier \
                and self.state() != QAbstractItemView.State.EditingState:
            self.fill(down=key == Qt.Key.Key_D)       # Ctrl+D / Ctrl+R: Excel's fill
            return
        if event.matches(QKeySequence.StandardKey.Cut) and \
                self.state() != QAbstractItemView.State.EditingState:
            self.cut_selection()             # Ctrl+X: copied, then cleared as one undo step
            return
        editor = self.indexWidget(self.currentIndex())
        if self.state() == QAbstractItemView.State.EditingState and editor is not None:
            # keys that reached the grid while its editor is open (typed before the focus moved)
            # go to the editor. A key the editor ignores (Shift or Ctrl alone, F12, …) comes
            # back up here from it: passed on at most once more, then it stops (bouncing it back
            # each time recursed until the app crashed)
            if self._forwarding:
                return
            self._forwarding = True
            try:
                QApplication.sendEvent(editor.focusProxy() or editor, event)
            finally:
                self._forwarding = False
            return
        if key in ENTER_KEYS:
            self._enter(up=bool(mods & Qt.KeyboardModifier.ShiftModifier))
            return
        if event.text().strip() and event.text().isprintable() and \
                not mods & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier) \
                and self.to_editable_in_row():
            pass   # typed on a row label: typing starts in the row's first cell that takes it
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and mods & Qt.KeyboardModifier.ControlModifier:
            self.leave(not (key == Qt.Key.Key_Backtab or mods & Qt.KeyboardModifier.ShiftModifier))
            return
        if key in CLEAR_KEYS and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            if key == Qt.Key.Key_Backspace:
                # Excel: Backspace empties the cursor's cell and starts typing there; Esc gives
                # the old text back, Enter keeps it empty. The other selected cells
                # stay as they are (it does not clear them all, as Delete does)
                cur = self.currentIndex()
                if not cur.isValid() or self._refused():
                    return
                if self._editable(cur):
                    self.edit(cur, QAbstractItemView.EditTrigger.AnyKeyPressed, event)
                else:
                    self._no_typing_here(cur)
                return
            self.clear_selection()
            return
        if key == Qt.Key.Key_Space and mods & (Qt.KeyboardModifier.ShiftModifier
                                               | Qt.KeyboardModifier.ControlModifier) \
                and not mods & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
                                 | Qt.KeyboardModifier.KeypadModifier):
            # Excel/WPS: Shift+Space selects the row(s), Ctrl+Space the column(s), both all; never
            # an edit (not the cell opened with its text replaced by a space)
            self.select_lines(rows=bool(mods & Qt.KeyboardModifier.ShiftModifier),
                              columns=bool(mods & Qt.KeyboardModifier.ControlModifier))
            return
        if self.ctrl_navigation(event) or self.extend_lines(event):   # Ctrl+arrows: data's edge
            return
        if key == Qt.Key.Key_Plus and mods & Qt.KeyboardModifier.ControlModifier and \
                not mods & ~(Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
                             | Qt.KeyboardModifier.KeypadModifier):
            self.insert_row(0)               # Ctrl+数字键盘+ (and Ctrl++): insert, as Excel
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search):  # noqa: N802 - Qt override
        """Typing on a cell that takes no typing (合计, 得分, a label) does not search.

        Qt's default jumps to the next cell starting with the typed text, so the next key typed
        edited that other cell (“20” on 合计 overwrote 市县财政). The status bar says why."""
        index = self.currentIndex()
        if not search or not index.isValid() or self._refused():
            return
        self._no_typing_here(index)

    def _no_typing_here(self, index) -> None:
        reason = getattr(self.model(), "readonly_reason", None)
        self._say(reason(index.row(), index.column()) if reason else "这一格不能输入")

    def _say(self, message: str, ms: int = 10000) -> None:
        self.message = message
        if message:
            say(self, message, ms)

    def focusNextPrevChild(self, next_):
        """Tab/Shift+Tab inside the grid move between cells (wrapping), not out of the grid."""
        if self.tabKeyNavigation() and self.model() is not None and self.model().rowCount():
            self._tab(back=not next_)
            return True
        return super().focusNextPrevChild(next_)

    # ------------------------------------------------------------ why a cell is red

    def cell_reason(self, index) -> str:
        """“列名：reason” for a red cell, "" for a fine one."""
        error = index.data(ErrorRole) if index.isValid() else None
        if not error:
            return ""
        title = self.model().headerData(index.column(), Qt.Orientation.Horizontal,
                                        Qt.ItemDataRole.ToolTipRole) or \
            self.model().headerData(index.column(), Qt.Orientation.Horizontal)
        return f"{title}：{error}" if title else str(error)

    def _tell(self, index, edited: bool = False) -> None:
        """Say in the status bar why ``index`` is red; correcting the red cell (``edited``) or
        moving on to a fine cell takes back what was said — except the move that ends the typing
        of a red cell (Enter, Tab, an arrow), so Enter-and-go typing still reads why."""
        reason = self.cell_reason(index)
        window = self.window()
        bar = window.statusBar() if isinstance(window, QMainWindow) else None
        if reason:
            self.message = self._told = reason
            self._told_about = QPersistentModelIndex(index)
            self._told_typed = edited
            if bar is not None:
                bar.showMessage(reason, 15000)
        elif self._told and not edited and self._told_typed:
            self._told_typed = False          # the move right after typing it: still shown
        elif self._told and (not edited or self._told_about == QPersistentModelIndex(index)):
            if bar is not None and bar.currentMessage() == self._told:
                bar.clearMessage()
            self._told = ""

    def currentChanged(self, current, previous):  # noqa: N802 - Qt override
        super().currentChanged(current, previous)
        if not self._tabbing:
            self._tab_anchor = None      # moved by a click or an arrow: Enter goes straight down
        if self.message and self.message != self._told:     # “… 不能直接输入”: about the cell left
            window = self.window()
            if isinstance(window, QMainWindow) and window.statusBar().currentMessage() == self.message:
                window.statusBar().clearMessage()
            self.message = ""
        if self.state() != QAbstractItemView.State.EditingState:
            self._tell(current)

    def commitData(self, editor):  # noqa: N802 - Qt override
        if not self.is_editing(editor):
            return   # a late commit (the delegate's queued focus-out) of an editor already closed
        model = self.model()
        merging = self._typing.merging(editor)
        if merging and hasattr(model, "merge_edits"):
            model.merge_edits = True     # this cell's earlier pause-commits and this: one step
        typed = editor_text(editor)
        try:
            super().commitData(editor)
        finally:
            if hasattr(model, "merge_edits"):
                model.merge_edits = False
        self._keep_unsaved(model, typed)
        if self._edited.isValid():
            index = self.model().index(self._edited.row(), self._edited.column())
            self._tell(index, edited=True)
            self._say_conversion(index, typed, getattr(model, "last_note", ""))

    def _say_conversion(self, index, typed: str | None, note: str = "") -> None:
        """What was typed was stored in another form — an amount with its unit or in full-width
        digits (40000元, 10万) in 万元, a 科目 under its catalogue name (``note``): say what it
        became."""
        if not (typed or note) or self.message == self._told and self._told:
            return
        shown = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not note and index.data(KindRole) == MONEY and shown and shown != typed.strip() \
                and UNIT_OR_WIDE.search(typed):
            note = f"已换算：“{typed.strip()}”记为 {shown} 万元"
        if note:
            # said as a cell's reason is: it stays through the move that ends the typing
            self._say(note, 8000)
            self._told, self._told_typed = self.message, True
            self._told_about = QPersistentModelIndex(index)

    def edit(self, index, trigger=None, event=None):
        if trigger is None:          # the edit(index) overload
            return super().edit(index)
        opened = super().edit(index, trigger, event)
        if not opened and trigger in _USER_TRIGGERS and index.isValid():
            self._refused()
        if opened:
            self._edited = QPersistentModelIndex(index)
            self._enter_mode = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
            editor = self.indexWidget(index)
            if editor is not None:
                self._watch(editor)
                if self._enter_mode:
                    self._typing.typed()      # the key that opened it was typed into it
                if not self._enter_mode:
                    _caret_for_editing(editor, self.viewport(), trigger, event)
        return opened

    def _watch(self, editor) -> None:
        editor.installEventFilter(self)   # after the delegate's filter: we see keys first
        self._typing.watch(editor)

    def is_editing(self, editor) -> bool:
        """``editor`` is the open editor of this grid's edited cell."""
        if self.state() != QAbstractItemView.State.EditingState or not self._edited.isValid():
            return False
        return self.indexWidget(self.model().index(self._edited.row(), self._edited.column())) \
            is editor

    def _keep_unsaved(self, model, typed: str | None) -> None:
        """A write that did not reach the file (U盘 pulled out, disk full): what was typed in the
        cell is put on the clipboard, to paste back once the file is there again — nothing typed
        is lost (the text fields keep theirs in place)."""
        failure = getattr(model, "last_error", None)
        session = self.session
        if not typed or not failure or session is None or failure != getattr(session, "write_error", None):
            return
        QApplication.clipboard().setText(typed)
        window = self.window()   # not the grid's own note: that one goes when the cursor moves
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                "这一格的修改没有保存：红字仍是输入的内容，也已复制到剪贴板；"
                "文件恢复后选中这一格按 F2、Enter 即可保存", 30000)

    def closeEditor(self, editor, hint):  # noqa: N802 - Qt override
        """Esc cancels the whole cell edit: what a pause already saved is taken back and
        dropped (no 重做 brings it back), and the cursor stays on the cell — on the 新 row
        too, whose row the pause had created (it went to the row above, and the next keys
        overwrote a real row)."""
        revert = hint == QAbstractItemDelegate.EndEditHint.RevertModelCache and \
            self._typing.merging(editor)
        base = self._typing.base
        cell = (self._edited.row(), self._edited.column()) if self._edited.isValid() else None
        self._typing.stop()
        super().closeEditor(editor, hint)
        session = self.session
        if revert and session is not None and base is not None:
            session.cancel_steps(base)
            if cell is not None:
                self._set_current(min(cell[0], self.model().rowCount() - 1), cell[1])

    def eventFilter(self, obj, event):
        """Keys in an open editor: Enter commits and moves down, Tab commits and moves right.

        As in Excel, an editor opened by typing is in “输入” (Enter) mode: the arrow keys commit
        and move to the next cell. Opened with F2 or a double-click (“编辑” mode) — or after F2
        or a click inside it — the arrows move the caret in the text.
        """
        if event.type() == QEvent.Type.MouseButtonPress and obj is self.indexWidget(self.currentIndex()):
            self._enter_mode = False
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            event.ignore()       # Ctrl+Z / Ctrl+Y in a cell: the document's undo, not the editor's
            return True
        if event.type() == QEvent.Type.KeyPress and obj is self.indexWidget(self.currentIndex()):
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_F2:
                self._enter_mode = False
                return True
            if key in PAGE_KEYS and self._enter_mode and not mods & ~Qt.KeyboardModifier.KeypadModifier:
                self._commit_and_page(obj, PAGE_KEYS[key])
                return True
            if key in ARROWS and isinstance(obj, QLineEdit) and \
                    not mods & ~Qt.KeyboardModifier.KeypadModifier:
                down, right = ARROWS[key]
                if self._enter_mode:
                    self._commit_and_move(obj, down=down, right=right, wrap=False)
                    return True
                if down:          # 编辑 mode, one line: Up/Down stay in the cell
                    return True
            multiline = isinstance(obj, (QTextEdit, QPlainTextEdit))
            if key in ENTER_KEYS and mods & Qt.KeyboardModifier.AltModifier:
                if multiline:
                    obj.insertPlainText("\n")      # Alt+Enter: a new line in the cell (Excel)
                else:     # said: not committed and moved down, as Enter does
                    self._say("这一格只能填一行，不能换行（Alt+Enter 只在偏差原因等段落格里换行）；"
                              "按 Enter 确认")
                return True
            if key in ENTER_KEYS and mods & Qt.KeyboardModifier.ControlModifier:
                self._ctrl_enter(obj)
                return True
            if key in ENTER_KEYS:
                self._commit_and_close(obj)
                self._enter(up=bool(mods & Qt.KeyboardModifier.ShiftModifier))
                return True
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                back = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
                self._commit_and_close(obj)
                if mods & Qt.KeyboardModifier.ControlModifier:
                    self.leave(not back)
                else:
                    self._tab(back)
                return True
        return super().eventFilter(obj, event)

    def commit_editor(self) -> None:
        """Commit and close the cell being typed into, if any (undo, closing, switching)."""
        if self.state() != QAbstractItemView.State.EditingState or not self._edited.isValid():
            return
        editor = self.indexWidget(self.model().index(self._edited.row(), self._edited.column()))
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _commit_and_page(self, editor, action) -> None:
        """PgUp/PgDn in a cell opened by typing: commit and move a page up or down (Excel)."""
        self.commitData(editor)
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        target = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if target.isValid():
            self._set_current(target.row(), self.currentIndex().column())

    def _ctrl_enter(self, editor) -> None:
        """Ctrl+Enter in an open cell (Excel/WPS): with several cells selected, what was typed
        goes into all of them (``fill_typed``, one undo step — a pause's save of this cell taken
        back into it); the selection and the cursor stay. One cell: committed, the cursor stays
        (not moved down, as Enter)."""
        if len(self.selected_cells()) <= 1:
            self._commit_and_close(editor)
            return
        model, index = self.model(), self.currentIndex()
        cells = [(r.top(), r.left(), r.bottom(), r.right()) for r in self.selectionModel().selection()]
        stack = getattr(self.session, "undo_stack", None)
        base = self._typing.base if self._typing.merging(editor) else \
            (stack.index() if stack is not None else None)
        typed = editor_text(editor)
        if typed is None:               # a picker (达成情况, 支出科目): what it chose
            self._commit_and_close(editor)
            value = model.data(index, Qt.ItemDataRole.EditRole)
            typed = "" if value is None else str(value)
        else:
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if stack is not None and base is not None and stack.index() > base:
            self.session.cancel_steps(base)    # this cell's own step: the fill holds it
            # a pause on the 新 row had made a row, taken back now: the cursor and the selection
            # moved up with it, and the fill overwrote the row above (as they were, then)
            selection = QItemSelection()
            for top, left, bottom, right in cells:
                selection.select(model.index(top, left), model.index(bottom, right))
            self.selectionModel().setCurrentIndex(model.index(index.row(), index.column()),
                                                  QItemSelectionModel.SelectionFlag.NoUpdate)
            self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.fill_typed(typed)

    def _commit_and_close(self, editor) -> None:
        self.commitData(editor)
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _commit_and_move(self, editor, down=0, right=0, wrap=True):
        self._commit_and_close(editor)
        self._step(down=down, right=right, wrap=wrap)

    def inputMethodEvent(self, event):
        """A phrase committed by an input method on a cell not being edited starts editing it."""
        commit = event.commitString()
        if self.state() != QAbstractItemView.State.EditingState and commit and \
                not event.preeditString() and self._editable(self.currentIndex()):
            index = self.currentIndex()
            if super().edit(index, QAbstractItemView.EditTrigger.AnyKeyPressed, None):
                self._edited = QPersistentModelIndex(index)
                self._enter_mode = True
                editor = self.indexWidget(index)
                if editor is not None:
                    self._watch(editor)
                    if isinstance(editor, QLineEdit):
                        editor.setText(commit)
                        self._typing.typed()
                        return
                    if isinstance(editor, QPlainTextEdit):
                        editor.setPlainText(commit)
                        editor.moveCursor(QTextCursor.MoveOperation.End)
                        return
                    choose = getattr(editor, "choose_typed", None)   # 达成情况: a choice
                    if choose is not None:
                        choose(commit)
                        return
                    line = getattr(editor, "lineEdit", lambda: None)()
                    if line is not None:
                        line.setText(commit)
                        return
        super().inputMethodEvent(event)


def _caret_for_editing(editor, viewport, trigger, event) -> None:
    """F2 (or a double-click) opens the cell to go on writing, as in Excel: the caret at the end
    (or where the cell was clicked), nothing selected. Qt selected the whole text, so the next
    key replaced the value (F2, “0” on “4次” made it “0” and the 得分 0.00)."""
    if isinstance(editor, QPlainTextEdit):
        editor.moveCursor(QTextCursor.MoveOperation.End)
        return
    line = editor if isinstance(editor, QLineEdit) else editor.findChild(QLineEdit)
    if line is None:
        return
    line.deselect()
    line.end(False)
    position = getattr(event, "position", None)
    if trigger == QAbstractItemView.EditTrigger.DoubleClicked and position is not None:
        point = line.mapFrom(viewport, position().toPoint())
        if line.rect().contains(point):
            line.setCursorPosition(line.cursorPositionAt(point))
