"""Cell editors for the grids: plain text (input methods welcome), paragraphs, 达成情况 choice,
catalog picker.

Every editor hands its text to ``model.setData`` (the only edit path); the model and the session
decide how it is read. Editors have no frame so an open cell looks like an Excel cell.
"""
from __future__ import annotations

import time

from .paragraph_edit import ParagraphEdit
from .qt import (QApplication, QComboBox, QCompleter, QEvent, QFrame, QKeyEvent, QLineEdit,
                 QObject, QPersistentModelIndex, QStyledItemDelegate,
                 QStyleOptionViewItem, Qt, QTimer, QToolTip, Signal)

EDIT_ROLE = Qt.ItemDataRole.EditRole
ACHIEVEMENT_CHOICES = ("", "达成", "部分达成", "未达成")


class TextDelegate(QStyledItemDelegate):
    """A plain line edit showing the text as typed (kept unread text included)."""

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        return editor

    def setEditorData(self, editor, index):
        value = index.data(EDIT_ROLE)
        editor.setText("" if value is None else str(value))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.text(), EDIT_ROLE)


class LongTextDelegate(QStyledItemDelegate):
    """Paragraph text (偏差原因分析, 调整理由): a multi-line editor taller than the cell, as Excel
    opens a wrapped cell. Enter commits (the grid moves on), Alt+Enter starts a new line."""

    paragraphs = True   # a PDF's paragraph pasted onto the cell stays in it (grid.clipboard)
    LINES = 5    # the editor shows at least this many lines …
    CHARS = 18   # … of at least this many Chinese characters

    def createEditor(self, parent, option, index):
        editor = ParagraphEdit(parent)
        editor.setFrameShape(QFrame.Shape.Box)
        editor.setTabChangesFocus(True)
        editor.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        editor.setToolTip("Enter 确认，Alt+Enter 换行")
        return editor

    def setEditorData(self, editor, index):
        value = index.data(EDIT_ROLE)
        text = "" if value is None else str(value)
        if editor.property("filled") and editor.toPlainText() == text:
            # the view refreshing the open editor after its text was saved (a pause in typing):
            # the caret stays — selecting all here had the next key replace the paragraph typed
            # so far
            return
        editor.setPlainText(text)
        editor.selectAll()          # typing replaces the text, as in a one-line cell
        editor.setProperty("filled", True)

    def setModelData(self, editor, model, index):
        model.setData(index, editor.toPlainText(), EDIT_ROLE)

    def updateEditorGeometry(self, editor, option, index):
        """Over its own row and the cells below/left, inside the grid, as Excel opens a wrapped
        cell. Near the grid's bottom the rows scroll up (once, as it opens) to make room; at the
        end of the rows, where nothing is left to scroll, it reaches up over the rows above as
        far as it must, its bottom on the grid's, its own row in sight beside and under it.
        (Moved up at once, it hid half the row being edited at the bottom edge; cut to the room
        below instead, it had two or three lines on the last row where every other row has
        ``LINES``.)"""
        rect = option.rect
        metrics = editor.fontMetrics()
        line = metrics.lineSpacing()
        rect.setHeight(max(rect.height(), line * self.LINES + 10))
        rect.setWidth(max(rect.width(), metrics.horizontalAdvance("中") * self.CHARS + 16))
        viewport = editor.parentWidget()
        if viewport is not None:
            if rect.right() > viewport.width():
                rect.moveRight(max(viewport.width() - 1, rect.width() - 1))
            if rect.bottom() >= viewport.height() and not editor.property("placed"):
                rect.moveTop(_room_below(viewport.parentWidget(), index, rect.height()))
            rect.setHeight(min(rect.height(), viewport.height()))    # a grid shorter than it
            if rect.bottom() >= viewport.height():
                rect.moveBottom(viewport.height() - 1)
        editor.setProperty("placed", True)
        editor.setGeometry(rect)


def _room_below(view, index, height: int) -> int:
    """Scroll ``view`` down, a step at a time, until ``height`` pixels fit below the top of
    ``index``'s row (or the rows end, or the row reaches the top); the row's top then."""
    bar = view.verticalScrollBar()
    viewport = view.viewport().height()
    top = view.visualRect(index).top()
    while top + height > viewport and top > 0 and bar.value() < bar.maximum():
        bar.setValue(bar.value() + bar.singleStep())
        top = view.visualRect(index).top()
    return top


class GroupedTextDelegate(TextDelegate):
    """Text that repeats the row above (一级/二级指标 of one group) is drawn once, like merged
    cells; it is still there and editable. ``group_columns``: the heading columns, outermost first."""

    def __init__(self, group_columns: tuple[int, ...], parent=None):
        super().__init__(parent)
        self.group_columns = group_columns

    def repeats_above(self, index) -> bool:
        row = index.row()
        if row == 0:
            return False
        model = index.model()
        for col in self.group_columns:
            here = model.data(model.index(row, col), EDIT_ROLE)
            if not here or here != model.data(model.index(row - 1, col), EDIT_ROLE):
                return False
            if col == index.column():
                return True
        return False

    def initStyleOption(self, option: QStyleOptionViewItem, index):
        super().initStyleOption(option, index)
        if self.repeats_above(index):
            option.text = ""


class ChoiceCombo(QComboBox):
    """A closed choice: ↑/↓ (PgUp/PgDn, Home/End) open the list instead of storing the next
    value at once; in the open list they move and Enter (or a click) chooses."""

    OPENING_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
                    Qt.Key.Key_Home, Qt.Key.Key_End)

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if (event.key() in self.OPENING_KEYS and
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier) or _opens_list(event):
            self.showPopup()
            return
        super().keyPressEvent(event)

    def event(self, event):  # noqa: A003 - Qt override
        # Alt+↓ / F4 open the list here, as in Excel and Windows, before the grid's 下移一行
        # shortcut takes them (else Alt+↓ in an open 达成情况 moves the indicator row)
        if event.type() == QEvent.Type.ShortcutOverride and _opens_list(event):
            event.accept()
            return True
        return super().event(event)

    def wheelEvent(self, event):  # noqa: N802 - Qt override
        event.ignore()      # a passing wheel does not change (and store) the choice


def _opens_list(event) -> bool:
    """Alt+↓ / Alt+↑ / F4: the keys that open a drop-down list."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return (event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
            and mods == Qt.KeyboardModifier.AltModifier) or \
        (event.key() == Qt.Key.Key_F4 and mods == Qt.KeyboardModifier.NoModifier)


# what a clerk types for a 达成情况 (not only ↓ ↓ Enter: typing in the cell must choose)
_TYPED_CHOICES = {"1": "达成", "2": "部分达成", "3": "未达成",
                  "d": "达成", "b": "部分达成", "w": "未达成"}   # numbers, pinyin initials


def achievement_for(text: str) -> str | None:
    """The choice typed text stands for: 达成 / 部分达成 / 未达成, 1 / 2 / 3, d / b / w, a start of
    one (达, 部分, 未) or a word the value parser reads as one (基本完成, 未完成 …); None if none."""
    text = text.strip().lower()
    if not text:
        return None
    if text in _TYPED_CHOICES:
        return _TYPED_CHOICES[text]
    starts = [c for c in ACHIEVEMENT_CHOICES[1:] if c.startswith(text)]
    if len(starts) == 1:
        return starts[0]
    from ..domain.scoring import parsed   # 基本完成 → 部分达成, 未完成 → 未达成 …
    word = parsed(text).achievement
    return word.value if word else None


def continues(word: str, typed: str) -> bool:
    """Whether ``typed`` is the rest of ``word`` after its start (成 or 达成 of 未达成)."""
    return bool(word and typed) and any(word[k:].startswith(typed) for k in range(1, len(word)))


class AchievementCombo(ChoiceCombo):
    """The 达成情况 editor: a typed choice (by keys or an input method) chooses at once.

    ``continuing``: the choice just made in this cell by an editor that closed at its first
    character — the word's other characters, arriving one at a time (an input method committing
    each, xdotool), open this editor and are its rest, not a new choice: 未达成 typed 未 · 达 · 成
    stays 未达成 (达 alone would choose 达成), with no “成”不是可选的达成情况 tooltip."""

    chosen = Signal()
    kept = Signal()      # the typing was the rest of the choice just made: close, change nothing

    def __init__(self, parent=None, continuing: str = ""):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.continuing = continuing
        self._typed = ""    # what was typed into this editor so far

    def choose_typed(self, text: str) -> bool:
        self._typed += text
        typed = self._typed.strip().lower()
        whole = typed in _TYPED_CHOICES or typed in ACHIEVEMENT_CHOICES[1:]
        if not whole and continues(self.continuing, self._typed.strip()):
            QTimer.singleShot(0, self, self.kept.emit)
            return True
        choice = achievement_for(self._typed)
        if choice is None and self._typed != text:
            choice = achievement_for(text)       # a fresh choice typed after another: x then 1
            if choice is not None:
                self._typed = text
        if choice is None:
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()),
                              f"“{self._typed}”不是可选的达成情况：请输入 达成 / 部分达成 / 未达成"
                              "（或 1 / 2 / 3）", self)
            return False
        self.setCurrentIndex(self.findText(choice))
        # after the event: a key that opened the editor arrives before the view is in its editing
        # state, and a commit then is ignored
        QTimer.singleShot(0, self, self.chosen.emit)   # (not at all if the editor is gone)
        return True

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        text = event.text()
        if text and text.isprintable() and text.strip() and \
                not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                          | Qt.KeyboardModifier.KeypadModifier):
            self.choose_typed(text)
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event):  # noqa: N802 - Qt override
        if event.commitString():
            self.choose_typed(event.commitString())
        event.accept()


class AchievementDelegate(QStyledItemDelegate):
    """达成 / 部分达成 / 未达成 for the rows scored by it; a choice is committed at once."""

    CONTINUE_SECONDS = 3.0   # the rest of a word typed a character at a time arrives within this

    def __init__(self, parent=None):
        super().__init__(parent)
        self._last = (None, "", 0.0)     # (cell, choice, when) of the last choice made

    def createEditor(self, parent, option, index):
        here = QPersistentModelIndex(index)
        cell, choice, when = self._last
        recent = cell is not None and cell == here and \
            time.monotonic() - when < self.CONTINUE_SECONDS
        combo = AchievementCombo(parent, choice if recent else "")
        combo.addItems(ACHIEVEMENT_CHOICES)
        combo.setFrame(False)
        combo.setToolTip("选择或输入：达成 / 部分达成 / 未达成（也可输入 1 / 2 / 3）")
        combo.activated.connect(lambda _i, c=combo: self._commit(c, here))
        combo.chosen.connect(lambda c=combo: self._commit(c, here))
        combo.kept.connect(lambda c=combo: self.closeEditor.emit(c))
        return combo

    def _commit(self, combo, cell):
        self._last = (cell, combo.currentText(), time.monotonic())
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor, index):
        value = index.data(EDIT_ROLE) or ""
        i = editor.findText(value)
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText(), EDIT_ROLE)


class CatalogDelegate(QStyledItemDelegate):
    """Pick a spending line from the catalog: type any part of a code or name to search
    (“差旅” finds 30211 差旅费); Enter (or Tab) takes the entry highlighted in the list, else the
    only entry the typed text matches, and commits at once; text matching none or several is
    kept as typed (the cell turns red).

    ``labels`` is a callable giving the picker's entries (the project's catalog may change).
    """

    def __init__(self, labels, parent=None):
        super().__init__(parent)
        self.labels = labels

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setFrame(False)
        combo.setMaxVisibleItems(20)
        combo.addItems(list(self.labels()))
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        combo.lineEdit().setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        completer.popup().installEventFilter(_PickerKeys(combo, completer))
        # the lists as wide as their longest entry, not the 科目编码 column (“302 商品和服…”)
        labels = list(self.labels())
        widest = max((combo.fontMetrics().horizontalAdvance(t) for t in labels), default=0) + 48
        completer.popup().setMinimumWidth(widest)
        combo.view().setMinimumWidth(widest)
        return combo

    def setEditorData(self, editor, index):
        value = index.data(EDIT_ROLE) or ""
        model = index.model()
        other = model.index(index.row(), 1 - index.column()) if index.column() in (0, 1) else None
        if other is not None and other.isValid():
            code, name = (value, other.data(EDIT_ROLE) or "") if index.column() == 0 else \
                (other.data(EDIT_ROLE) or "", value)
            found = editor.findText(f"{code} {name}".strip())
            if found < 0:
                found = editor.findText(name)
            if found >= 0:
                editor.setCurrentIndex(found)
                editor.lineEdit().selectAll()   # typing replaces, as in a plain cell
                return
        editor.setCurrentIndex(-1)
        editor.setEditText(value)
        editor.lineEdit().selectAll()

    def setModelData(self, editor, model, index):
        model.setData(index, picked_label(editor), EDIT_ROLE)


def picked_label(combo) -> str:
    """The entry a catalog picker's text means: an entry as written, the only entry containing
    it, or the text as typed."""
    text = combo.currentText().strip()
    if not text or combo.findText(text, Qt.MatchFlag.MatchFixedString) >= 0:
        return text
    folded = text.casefold()
    matches = [combo.itemText(i) for i in range(combo.count())
               if folded in combo.itemText(i).casefold()]
    return matches[0] if len(matches) == 1 else text


class _PickerKeys(QObject):
    """Enter / Tab in the picker's open list: the highlighted entry (or the only match) is put in
    the cell and the key goes on to the grid, which commits and moves (one Enter, as Excel's
    list). Without this the first Enter only closed the list."""

    KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)

    def __init__(self, combo, completer):
        super().__init__(combo)
        self.combo, self.completer = combo, completer

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or event.key() not in self.KEYS:
            return False
        popup = self.completer.popup()
        current = popup.currentIndex()
        if current.isValid():
            self.combo.setEditText(str(current.data()))
        popup.hide()
        forwarded = QKeyEvent(QEvent.Type.KeyPress, event.key(), event.modifiers(), event.text())
        QApplication.sendEvent(self.combo, forwarded)
        return True
