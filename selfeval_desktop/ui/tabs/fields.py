"""Text fields bound to the document: what the 项目概况 and 结论 tabs are made of.

A field commits through ``session.set_value`` when the user leaves it (editingFinished / focus out)
and also after a short pause while typing, so a kill or a power cut loses at most the last
keystrokes of the field being typed. The session merges consecutive writes to one field into one
undo step, so typing in a field and leaving it is one Ctrl+Z. Changes from elsewhere (undo, redo,
an import) are shown as they arrive through ``session.fieldChanged``.
"""
from __future__ import annotations

import re

from ...domain.money import format_wan
from ..combo import PageComboBox
from ..undo_actions import pass_undo_keys
from ..qt import (QEvent, QHBoxLayout, QLabel, QLineEdit, QObject, QPlainTextEdit, Qt,
                  QSignalBlocker, QTimer, QWidget, Signal)

IDLE_MS = 700  # a pause in typing this long commits the field
# steady typing with no such pause is committed this often all the same (else 42 characters
# typed over 10 s without a pause are all lost to a kill)
MAX_WAIT_MS = 3000


class YearBox(PageComboBox):
    """The year list of 起止时间. Unset, it opens on the evaluation year (``hint``), and ↑/↓ open
    the list there instead of stepping: ↓ on an empty box picked 2035 for a 2021 evaluation, and
    the year wanted was a long scroll away."""

    hint = None           # a callable giving the year to open on (the document's 评价年度)

    def _unset(self) -> bool:
        return self.currentData() is None

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        super().showPopup()
        year = self.hint() if self.hint is not None and self._unset() else None
        row = self.findData(year) if year else -1
        if row > 0:
            index = self.model().index(row, 0)
            self.view().setCurrentIndex(index)
            self.view().scrollTo(index)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._unset() and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and \
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.showPopup()
            event.accept()
            return
        super().keyPressEvent(event)


class MonthPicker(QWidget):
    """起止时间 as a year and a month chosen from lists; the value is "2021-03" (or "" unset)."""

    edited = Signal()

    def __init__(self, parent=None, first_year: int = 2000, last_year: int = 2035):
        super().__init__(parent)
        self.year = YearBox(self)
        self.month = PageComboBox(self)
        self.year.addItem("年份", None)
        for y in range(last_year, first_year - 1, -1):
            self.year.addItem(f"{y}年", y)
        self.month.addItem("月份", None)
        for m in range(1, 13):
            self.month.addItem(f"{m}月", m)
        self.year.setMaxVisibleItems(15)
        self.month.setMaxVisibleItems(13)
        self.year.setToolTip("选择年份")
        self.month.setToolTip("选择月份")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.year)
        layout.addWidget(self.month)
        self.year.activated.connect(lambda _: self.edited.emit())
        self.month.activated.connect(lambda _: self.edited.emit())
        self._kept = ""

    def value(self) -> str:
        y, m = self.year.currentData(), self.month.currentData()
        if y is None and m is None:
            return self._kept  # an unreadable stored value stays until a choice replaces it
        if y is None:
            return f"{m}月"
        return f"{y}-{m:02d}" if m is not None else str(y)

    def set_value(self, text: str) -> None:
        text = (text or "").strip()
        mt = re.match(r"^(\d{4})(?:\D{1,2}(\d{1,2})\D?)?$", text)
        y = int(mt.group(1)) if mt else None
        m = int(mt.group(2)) if mt and mt.group(2) else None
        if m is not None and not 1 <= m <= 12:
            y = m = None
        with QSignalBlocker(self.year), QSignalBlocker(self.month):
            yi = self.year.findData(y) if y is not None else 0
            if y is not None and yi < 0:  # a year outside the list: add it
                self.year.addItem(f"{y}年", y)
                yi = self.year.count() - 1
            self.year.setCurrentIndex(yi)
            self.month.setCurrentIndex(self.month.findData(m) if m is not None else 0)
        readable = mt is not None and (m is not None or not mt.group(2))
        self._kept = "" if readable or not text else text
        self.setToolTip(f"原填写：{text}（请重新选择年月）" if self._kept else "")

    def setReadOnly(self, readonly: bool) -> None:  # noqa: N802 - Qt naming, like QLineEdit
        self.year.setEnabled(not readonly)
        self.month.setEnabled(not readonly)


class _FocusOut(QObject):
    """Commits a QPlainTextEdit when focus leaves it (it has no editingFinished)."""

    def __init__(self, binder, widget):
        super().__init__(widget)
        self.binder, self.widget = binder, widget

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusOut:
            self.binder.commit(self.widget)
        return False


class _EnterMovesOn(QObject):
    """Enter in a one-line field commits it and goes on to the next field, as Tab does (the
    habit of WPS and Excel forms); Shift+Enter to the field before. A
    paragraph box keeps Enter for its line breaks.

    - Never out of the page (the binder's parent: a tab, the header): on its last field Enter
      commits and stays (Enter in 实际支出 must not go on to the 问题清单's “只看当前项目”,
      where the next Space would turn its filter).
    - While an input method composes in the field (a pre-edit “zhong” on screen) Enter is the
      input method's, to confirm its candidate (else the word goes to the next field)."""

    def __init__(self, binder):
        super().__init__(binder)
        self.binder = binder
        self._composing = None       # the field with an input method's pre-edit in it

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.InputMethod:
            self._composing = obj if event.preeditString() else None
            return False
        if kind == QEvent.Type.FocusOut and self._composing is obj:
            self._composing = None
            return False
        if kind != QEvent.Type.KeyPress or \
                event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier) or \
                self._composing is obj:
            return False
        self.binder.commit(obj)      # as QLineEdit's own Enter did (editingFinished)
        back = mods == Qt.KeyboardModifier.ShiftModifier
        page = self.binder.parent()
        after = tab_stop(obj, back)
        if after is None or not isinstance(page, QWidget) or not page.isAncestorOf(after):
            return True              # the page's last (first) field: committed, the cursor stays
        from ..qt import QApplication, QKeyEvent
        QApplication.sendEvent(obj, QKeyEvent(     # the Tab key's own way on (the page scrolls)
            QEvent.Type.KeyPress, Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab, mods))
        return True


def tab_stop(widget, back: bool = False):
    """The widget Tab (``back``: Shift+Tab) goes to from ``widget``, as Qt chooses it: the next in
    the focus chain that takes Tab, is shown and enabled, in the same window; None if none."""
    window = widget.window()
    other = widget
    for _ in range(2000):
        other = other.previousInFocusChain() if back else other.nextInFocusChain()
        if other is None or other is widget:
            return None
        if other.focusPolicy() & Qt.FocusPolicy.TabFocus and other.focusProxy() is None and \
                other.window() is window and other.isVisibleTo(window) and other.isEnabled():
            return other
    return None


class FieldBinder(QObject):
    """Binds widgets to fields ``(entity, row_key, attr)`` of the current project (or the unit)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.pid: int | None = None
        self._keys: dict[QWidget, tuple] = {}
        self._widgets: dict[tuple, QWidget] = {}
        self._errors: dict[QWidget, QLabel] = {}
        self._pending: QWidget | None = None   # typed into, not yet committed
        self._typing: QWidget | None = None    # committed while typing, not yet left
        self._enter: _EnterMovesOn | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self._idle)
        self._deadline = QTimer(self)      # from the first keystroke not yet committed
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(MAX_WAIT_MS)
        self._deadline.timeout.connect(self._idle)
        session.fieldChanged.connect(self._external)
        session.documentReplaced.connect(self._replaced)

    # ------------------------------------------------------------ binding
    def bind(self, widget, entity: str, attr: str, row_key=None, error_label: QLabel | None = None):
        key = (entity, row_key, attr)
        self._keys[widget] = key
        self._widgets[key] = widget
        if error_label is not None:
            self._errors[widget] = error_label
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _t, w=widget: self._typed(w))
            widget.editingFinished.connect(lambda w=widget: self.commit(w))
            widget.installEventFilter(self._enter_moves_on())
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(lambda w=widget: self._typed(w))
            widget.installEventFilter(_FocusOut(self, widget))
        elif isinstance(widget, MonthPicker):
            # a year typed key by key (2, 20, 202, 2020) and then its month are one undo step
            # (not six steps for one date); any other field's commit ends the run
            widget.edited.connect(lambda w=widget: self.commit(w, finished=False))
            for box in (widget.year, widget.month):   # a choice is committed when made
                box.installEventFilter(self._enter_moves_on())
        else:  # pragma: no cover - a programming error
            raise TypeError(type(widget))
        if not isinstance(widget, MonthPicker):
            pass_undo_keys(widget)     # Ctrl+Z here undoes the document (typing committed first)
        widget.setReadOnly(self._locked(key))
        return widget

    def _enter_moves_on(self) -> _EnterMovesOn:
        """The one Enter filter of the page's one-line fields and 起止时间's lists (Enter on the
        closed year or month list goes on too, as everywhere on the page)."""
        if self._enter is None:
            self._enter = _EnterMovesOn(self)
        return self._enter

    def _locked(self, key) -> bool:
        """The field cannot be edited: read-only file, a 定稿 project (for the unit: any)."""
        if key[0] == "unit":
            editable = getattr(self.session, "document_editable", None)
            return self.session.readonly if editable is None else not editable()
        editable = getattr(self.session, "project_editable", None)
        if editable is None:
            return self.session.readonly
        return self.pid is not None and not editable(self.pid) or self.session.readonly

    def widget_for(self, entity: str, attr: str, row_key=None):
        return self._widgets.get((entity, row_key, attr))

    # ------------------------------------------------------------ values
    def stored(self, key) -> str:
        entity, row_key, attr = key
        if entity == "unit":
            return getattr(self.session.document.unit, attr) or ""
        if self.pid is None:
            return ""
        project = self.session.project(self.pid)
        if entity == "conclusion":
            return project.conclusions.get(row_key, "") or ""
        if entity == "funding":   # money in 万元, or the text kept as typed when unreadable
            kept = self.session.unread(entity, self.pid, row_key, attr)
            return kept if kept is not None else format_wan(getattr(project.funding, attr))
        return getattr(project, attr) or ""

    @staticmethod
    def text_of(widget) -> str:
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, MonthPicker):
            return widget.value()
        return widget.text()

    def _show(self, widget, text: str) -> None:
        if self.text_of(widget) == text:
            return
        with QSignalBlocker(widget):
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(text)
            elif isinstance(widget, MonthPicker):
                widget.set_value(text)
            else:
                widget.setText(text)
                widget.setCursorPosition(0)

    # ------------------------------------------------------------ committing
    def _typed(self, widget) -> None:
        if self._pending is not None and self._pending is not widget:
            self.commit(self._pending)
        self._pending = widget
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def commit(self, widget, finished: bool = True) -> None:
        """Write the widget's text if it differs from the document.

        Commits of one field while it is being typed (``finished=False``, after a pause) and the
        one when it is left are one undo step.
        """
        if widget is self._pending:
            self._pending = None
            self._timer.stop()
            self._deadline.stop()
        key = self._keys.get(widget)
        continuing = self._typing is widget
        self._typing = None if finished else widget
        if key is None or self._locked(key):
            return
        entity, row_key, attr = key
        if entity != "unit" and (self.pid is None or not any(
                p.id == self.pid for p in self.session.document.projects)):
            return      # no project, or one just taken away (undo of 新增): nothing to write to
        text = self.text_of(widget)
        if text == self.stored(key):
            return
        error = self.session.set_value(entity, self.pid if entity != "unit" else None, row_key,
                                       attr, text, merge=continuing)
        self._mark_unsaved(widget, text, error if error and error == getattr(
            self.session, "write_error", None) else None)
        label = self._errors.get(widget)
        if label is not None:
            label.setText(error or "")
            label.setVisible(bool(error))

    def _mark_unsaved(self, widget, text: str, failure: str | None) -> None:
        """A write that did not reach the file (U盘 pulled out, disk full): the text stays in the
        field as typed, red, saying why, to be saved by the next commit once the file is back."""
        if failure is None:
            if widget.property("unsaved"):
                widget.setProperty("unsaved", False)
                widget.setStyleSheet("")
                widget.setToolTip(widget.property("tip") or "")
            return
        if not widget.property("unsaved"):
            widget.setProperty("tip", widget.toolTip())
        widget.setProperty("unsaved", True)
        if self.text_of(widget) != text:
            self._show(widget, text)
            if isinstance(widget, QLineEdit):
                widget.setCursorPosition(len(text))     # typing goes on where it stopped
        widget.setStyleSheet("border: 1px solid #d32f2f; background: #ffebee;")
        widget.setToolTip(f"未保存（离开此格时会再试）：{failure}")

    def commit_pending(self) -> None:
        """Commit the field being typed, as the end of its typing (undo, project switch, close)."""
        if self._pending is not None:
            self.commit(self._pending)
        self._typing = None

    def _idle(self) -> None:
        if self._pending is not None:
            self.commit(self._pending, finished=False)

    # ------------------------------------------------------------ showing
    def set_project(self, pid: int | None) -> None:
        self.commit_pending()
        same = pid == self.pid          # shown again (the file read again): red text stays
        self.pid = pid
        self.refresh(keep_unsaved=same)

    def refresh(self, keep_unsaved: bool = False) -> None:
        for widget, key in self._keys.items():
            if not (keep_unsaved and widget.property("unsaved")):
                self._show(widget, self.stored(key))
            widget.setReadOnly(self._locked(key))

    def _replaced(self) -> None:
        """The file read again (an import, an undo that could not be written): a field still red
        with text that did not reach the file keeps it, as the 保存失败 box has just promised."""
        self.refresh(keep_unsaved=True)

    def _external(self, entity, pid, row_key, attr) -> None:
        if entity == "project" and attr == "finalized_at":   # 定稿 or 撤销定稿
            for widget, key in self._keys.items():
                widget.setReadOnly(self._locked(key))
            return
        if entity != "unit" and pid != self.pid:
            return
        widget = self._widgets.get((entity, row_key, attr))
        if widget is not None and widget is not self._pending:
            self._show(widget, self.stored(self._keys[widget]))


def to_top(scroll, another_project: bool) -> None:
    """A page shown for another project starts at its top (with the last project's scroll kept,
    the clerk's clicks on the 预算表 landed one table lower than meant)."""
    if another_project and scroll is not None:
        scroll.verticalScrollBar().setValue(0)
        scroll.horizontalScrollBar().setValue(0)


class WrappedHint(QLabel):
    """A line of hint that wraps to the width it is given (a second line at a large 显示比例) and
    otherwise lays out as a plain label does. A word-wrapped QLabel gives its page
    height-for-width, and Qt's scroll area then lays the page out at its *preferred* height, its
    stretching grid's too: at 100 % 预算表's 支出明细 grew past a 1366×768 window (实际支出 out of
    sight), at 1024 the grid squeezed 资金来源 over its own 合计, and 资金与目标's goal boxes doubled.
    This label answers no height-for-width; its least height follows its width instead."""

    def __init__(self, text: str, parent=None):
        super().__init__(text, parent)
        self.setWordWrap(True)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return False

    def minimumSizeHint(self):  # noqa: N802 - Qt override
        least = super().minimumSizeHint()
        if self.width() > least.width():
            least.setHeight(max(least.height(), self.heightForWidth(self.width())))
        return least

    def sizeHint(self):  # noqa: N802 - Qt override
        hint = super().sizeHint()
        if self.width() > 0:
            hint.setHeight(self.heightForWidth(max(self.width(), 1)))
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()          # its height for the new width


def scrolled_page(tab: QWidget, page: QWidget):
    """``page`` as ``tab``'s only content, in a frameless scroll area (a tab of fields scrolls on a
    small screen instead of squeezing its boxes); returns the scroll area."""
    from ..qt import QFrame, QScrollArea, QVBoxLayout
    scroll = QScrollArea(tab)
    # not a Tab stop of its own: its fields are (no Tab to the scroll area, where nothing shows
    # it, between the tab bar and 项目名称 and after 删除行)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page)
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
    return scroll
