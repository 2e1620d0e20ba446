"""A grid cell being typed into is saved after a short pause, as the text fields are.

Before, a cell's text reached the file only on Enter/Tab: a power cut (or a kill) after minutes of
typing a 偏差原因 paragraph lost all of it. Now a pause of ``IDLE_MS`` commits the open editor's
text (the editor stays open, the text and caret as they were); the commits of one cell edit — the
pauses and the final Enter — are one undo step (the session merges them, see
``DocumentSession.set_value(merge=True)``).
"""
from __future__ import annotations

from ..qt import QLineEdit, QObject, QPlainTextEdit, QTextEdit, QTimer
from ..tabs.fields import IDLE_MS, MAX_WAIT_MS


def editor_text(editor) -> str | None:
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, (QPlainTextEdit, QTextEdit)):
        return editor.toPlainText()
    return None


class EditorTyping(QObject):
    """Watches the grid's open editor; ``committed`` once a pause has saved its text."""

    def __init__(self, grid):
        super().__init__(grid)
        self.grid = grid
        self.editor = None
        self.committed = False
        self.base: int | None = None   # the undo stack's index before the first saved pause
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self._idle)
        self._deadline = QTimer(self)      # steady typing is saved this often all the same
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(MAX_WAIT_MS)
        self._deadline.timeout.connect(self._idle)

    def watch(self, editor) -> None:
        """A new cell edit starts: its first commit is a new undo step. Only free-text editors
        are saved while typed: a picker (the 支出科目 list, 达成情况) commits its choice, and
        an idle save in the middle of picking stored the half-typed search text (a red “差旅”
        row) and reset the filtered list."""
        self.stop()
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(self.typed)
        elif isinstance(editor, (QPlainTextEdit, QTextEdit)):
            editor.textChanged.connect(self.typed)
        else:
            return
        self.editor = editor

    def stop(self) -> None:
        self._timer.stop()
        self._deadline.stop()
        self.editor = None
        self.committed = False
        self.base = None

    def merging(self, editor) -> bool:
        """Whether a commit of ``editor`` continues this edit's undo step."""
        return self.committed and editor is self.editor

    def typed(self, *_args) -> None:
        """Text changed in the editor: (re)start the pause."""
        if self.editor is not None:
            self._timer.start()
            if not self._deadline.isActive():
                self._deadline.start()

    def _idle(self) -> None:
        self._timer.stop()
        self._deadline.stop()
        editor, grid = self.editor, self.grid
        if editor is None or not grid.is_editing(editor):
            return
        before = editor_text(editor)
        caret = _caret(editor)
        anchor = _anchor(editor)
        stack = getattr(grid.session, "undo_stack", None)
        steps = stack.index() if stack is not None else None
        grid.commitData(editor)
        if stack is None or stack.index() != steps:
            if not self.committed:
                self.base = steps
            self.committed = True        # a step now holds this edit: later commits join it
        if editor_text(editor) != before:     # the view refreshed the editor: put it back
            _restore(editor, before, caret)
        elif (_caret(editor), _anchor(editor)) != (caret, anchor):   # same text, caret moved or
            _restore(editor, before, caret, anchor)                   # all selected: put it back


def _caret(editor):
    if isinstance(editor, QLineEdit):
        return editor.cursorPosition()
    if isinstance(editor, (QPlainTextEdit, QTextEdit)):
        return editor.textCursor().position()
    return None


def _anchor(editor):
    """Where the selection starts (the caret when nothing is selected)."""
    if isinstance(editor, QLineEdit):
        return editor.selectionStart() if editor.hasSelectedText() else editor.cursorPosition()
    if isinstance(editor, (QPlainTextEdit, QTextEdit)):
        return editor.textCursor().anchor()
    return None


def _restore(editor, text, caret, anchor=None) -> None:
    anchor = caret if anchor is None else anchor
    if isinstance(editor, QLineEdit):
        editor.setText(text)
        editor.setCursorPosition(caret)
        if anchor != caret:
            editor.setSelection(min(anchor, caret), abs(caret - anchor))
    elif isinstance(editor, (QPlainTextEdit, QTextEdit)):
        editor.blockSignals(True)
        editor.setPlainText(text)
        editor.blockSignals(False)
        cursor = editor.textCursor()
        cursor.setPosition(min(anchor, len(text)))
        cursor.setPosition(min(caret, len(text)), cursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
