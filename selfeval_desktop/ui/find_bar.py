"""查找 (Ctrl+F): a find bar under the page, as a clerk knows it from Excel, WPS and her browser.

With 20–50 projects she looks a project or an indicator up by a word every day.
The bar is not a dialog: it sits under the project list and the tabs,
the cursor in its box; what she types is searched in the whole document as she types
(``domain.find``: names, 项目概况, spending lines, every indicator cell, 结论, 评价人员, the 部门整体
page), the first match from where she was is shown, and the bar says 第 3 处，共 12 处 and where
(项目名 · 标签页 · 栏目). Enter / F3 go to the next match, Shift+Enter / Shift+F3 to the previous,
round the end with a word said. Each match is shown as a 问题清单 finding is (``MainWindow.go_to``:
its project selected, its tab shown, the cursor on the cell, the word selected in a text field)
while the keys stay in the box; Esc closes the bar and leaves the cursor on the match. No match:
the box turns light red and says 未找到.

Loaded on the first Ctrl+F (the window's start is measured), one bar per open document.
"""
from __future__ import annotations

from ..domain.find import find, shown_projects, span
from .page_scroll import show_on_page
from .qt import (QAbstractItemView, QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit,
                 QPlainTextEdit, QSizePolicy, QTextCursor, QTimer, QToolButton, Qt)
from .zoom import is_font_change

TYPING_PAUSE_MS = 150   # the search waits for a pause in the typing (50 projects: ~20 ms each)
NOT_FOUND_STYLE = "QLineEdit#findBox { background: #ffd9d9; }"
KEYS_TIP = "Enter 或 F3：下一处；Shift+Enter 或 Shift+F3：上一处；Esc：关闭查找，光标留在找到的位置"


def find_in_window(window, step: int = 0):
    """编辑 → 查找 (Ctrl+F, ``step`` 0): the bar open with the cursor in its box; F3 / Shift+F3
    (``step`` 1 / -1): the next / previous match of the word in the box (the bar opened first).
    Returns the bar, or None without a document."""
    page = window.page
    if page is None:
        window.statusBar().showMessage("没有打开的自评文件：请先新建或打开一个文件，再查找", 5000)
        return None
    bar = getattr(page, "find_bar", None)
    if bar is None:
        bar = page.find_bar = FindBar(window, page)
        page.layout().addWidget(bar)
    bar.open()
    if step:
        bar.step(step)
    return bar


class FindBox(QLineEdit):
    """The bar's text box: Enter / Shift+Enter step, Esc closes (F3 is the 编辑 menu's key)."""

    def __init__(self, bar):
        super().__init__(bar)
        self.bar = bar
        self._fit_width()

    def _fit_width(self) -> None:
        """Sixteen characters wide: when built, and in a new 显示比例 (ui.zoom)."""
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("项") * 16)

    def changeEvent(self, event):  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_font_change(event):
            self._fit_width()

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.bar.step(-1 if shift else 1)
            return
        if key == Qt.Key.Key_Escape:
            self.bar.close_bar()
            return
        super().keyPressEvent(event)


class ElidedLabel(QLabel):
    """Where the match is, cut in the middle when the window is narrow (whole in the tooltip)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full(self, text: str) -> None:
        self.full = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideMiddle, self.width())
        if shown != self.text():
            self.setText(shown)


class FindBar(QFrame):
    def __init__(self, window, page):
        super().__init__(page)
        self.setObjectName("findBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.main_window, self.page, self.session = window, page, page.session
        self.found: list = []           # domain.find.Found, in the window's order
        self.current = None             # the Found shown
        self.stale = True               # the document changed since ``found`` was made
        self.came_from = None           # the widget the keys were in before Ctrl+F

        self.box = FindBox(self)
        self.box.setObjectName("findBox")
        self.box.setPlaceholderText("项目名称、指标或任何文字")
        self.box.setToolTip(KEYS_TIP)
        self.box.setClearButtonEnabled(True)
        self.previous_button = self._button("上一处", "上一处（Shift+Enter 或 Shift+F3）",
                                            lambda: self.step(-1))
        self.next_button = self._button("下一处", "下一处（Enter 或 F3）", lambda: self.step(1))
        self.count = QLabel("", self)
        self.count.setObjectName("findCount")
        self.where = ElidedLabel(self)
        self.where.setObjectName("findWhere")
        self.where.setStyleSheet("color: #555;")
        close = self._button("关闭", "关闭查找（Esc）", self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        label = QLabel("查找", self)
        label.setBuddy(self.box)
        for widget in (label, self.box, self.previous_button, self.next_button, self.count):
            row.addWidget(widget)
        row.addWidget(self.where, 1)
        row.addWidget(close)

        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(TYPING_PAUSE_MS)
        self.pause.timeout.connect(self.search_typed)
        self.box.textChanged.connect(lambda _text: self.pause.start())
        for signal in (self.session.fieldChanged, self.session.rowsChanged):
            signal.connect(self._document_changed)
        for signal in (self.session.projectsChanged, self.session.documentReplaced):
            signal.connect(self._projects_changed)

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)    # a click leaves the keys in the box
        button.clicked.connect(slot)
        return button

    def _document_changed(self, *_args) -> None:
        self.stale = True

    def _projects_changed(self) -> None:
        """A project added, deleted, moved or renamed: 第 n 处，共 m 处 and the place said no
        longer hold, and a match in a project that has gone is dropped (else the bar still names
        the deleted project, and Esc goes to it, which moves her to the first project).
        Enter or F3 searches again from where she is."""
        self.stale = True
        self.count.setText("")
        self.where.set_full("")
        if self.current is not None:
            left = {p.id for p in shown_projects(self.session.document)}
            if self.current.place.project_id not in left:
                self.current = None

    # ------------------------------------------------------------ opening and closing
    def open(self) -> None:
        """Shown with the cursor in the box, its word selected (typing replaces it, as in every
        program's find). A clerk who has moved to another project or tab since searches on from
        there."""
        if not self.isVisible():
            focused = QApplication.focusWidget()
            self.came_from = focused if focused is not None and focused is not self.box else None
        if self.current is not None and self._here() != self.current.order[:2]:
            self.current = None
        self.show()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def close_bar(self) -> None:
        """Esc: the bar goes; the cursor is on the match (the word selected), or back where it
        was when nothing was found."""
        self.pause.stop()
        self.hide()
        if self.current is not None:
            self._show(self.current, keep_keys=False)
        elif self.came_from is not None:
            try:
                self.came_from.setFocus()
            except RuntimeError:     # that widget has gone (its tab rebuilt)
                pass

    # ------------------------------------------------------------ searching
    def search_typed(self) -> None:
        """The word changed: its first match from the one shown (or from where the clerk was)."""
        self.pause.stop()
        self._search()
        if not self.found:
            return
        start = self.current.order if self.current is not None else self._here()
        self._go(next((f for f in self.found if f.order >= start), self.found[0]))

    def step(self, delta: int) -> None:
        """Enter / F3 (``delta`` 1) and Shift+Enter / Shift+F3 (-1): the next or previous match,
        round the end of the document with a word said."""
        if self.pause.isActive():          # Enter before the pause: the word's first match
            self.search_typed()
            return
        if self.stale or not self.found:
            self._search()
        if not self.found:
            return
        shown = self.current.order if self.current is not None else None
        if delta > 0:     # after the match shown; with none, from where the clerk is
            here = self._here()
            later = [f for f in self.found
                     if (f.order > shown if shown is not None else f.order >= here)]
            self._go(later[0] if later else self.found[0],
                     "" if later else "已到最后一处，从头继续")
        else:
            start = shown if shown is not None else self._here()
            earlier = [f for f in self.found if f.order < start]
            self._go(earlier[-1] if earlier else self.found[-1],
                     "" if earlier else "已到第一处，从末尾继续")

    def _search(self) -> None:
        word = self.box.text()
        self.found = find(self.session.document, word)
        self.stale = False
        if self.found:
            self.box.setStyleSheet("")
            return
        self.current = None
        self.box.setStyleSheet(NOT_FOUND_STYLE if word.strip() else "")
        self.count.setText("未找到" if word.strip() else "")
        self.where.set_full("")

    def _here(self) -> tuple:
        """Where the clerk is, as a match's order starts: (project in the list, tab)."""
        projects = [p.id for p in shown_projects(self.session.document)]
        pid = self.page.pid
        if pid not in projects:
            return (0,)
        dept = self.session.document.department
        if dept is not None and dept.id == pid:    # its pages: 部门指标, 资金与目标, 结论
            return projects.index(pid), 1 + self.page.department_page()
        return projects.index(pid), max(self.page.tabs.currentIndex(), 0)

    # ------------------------------------------------------------ showing a match
    def _go(self, found, wrapped: str = "") -> None:
        self.current = found
        number = self.found.index(found) + 1
        said = f"第 {number} 处，共 {len(self.found)} 处"
        self.count.setText(f"{said}（{wrapped}）" if wrapped else said)
        self.where.set_full(found.where)
        self._show(found, keep_keys=True)

    def _show(self, found, keep_keys: bool) -> None:
        """The match's project, tab and cell shown, the cursor put there (the word selected in a
        text field); ``keep_keys``: the keyboard back in the box, for typing on or Enter."""
        self.main_window.go_to(found.place)
        target = QApplication.focusWidget()
        if target is self.box:
            target = None
        if keep_keys:
            self.box.setFocus(Qt.FocusReason.OtherFocusReason)
        if target is not None:
            select_word(target, self.box.text())
            keep_in_view(target)


def keep_in_view(widget, tries: int = 6) -> None:
    """The match kept wholly in sight while the page settles (over the next few event loop
    turns): a grid's current cell in the grid, scrolled to at once, was pushed below the grid's
    edge as the rows above it were fitted to their text (ui.grid.fit; the 部门整体's 第13行); and
    the cell, or the whole field, in the page's own scroll area too (not 支出明细 第5行 half below
    the page's edge on the first jump into the 预算表, nor a 结论 box showing only the line with
    the word)."""
    try:
        if isinstance(widget, QAbstractItemView):
            index = widget.currentIndex()
            if not index.isValid():
                return
            if not widget.viewport().rect().contains(widget.visualRect(index)):
                widget.scrollTo(index)
            cell = widget.visualRect(index).intersected(widget.viewport().rect())
            show_on_page(widget.viewport(), cell)
        else:
            show_on_page(widget, widget.rect())
    except RuntimeError:          # the widget has gone (its tab rebuilt)
        return
    if tries > 1:
        QTimer.singleShot(25, widget, lambda: keep_in_view(widget, tries - 1))


def select_word(widget, word: str) -> bool:
    """Select ``word`` (as ``domain.find`` compares it) in a text field; False when ``widget`` is
    not one or does not hold it. Positions are Qt's (UTF-16: a rare character counts twice)."""
    if isinstance(widget, QLineEdit):
        text = widget.text()
    elif isinstance(widget, QPlainTextEdit):
        text = widget.toPlainText()
    else:
        return False
    where = span(text, word)
    if where is None:
        return False
    start, end = (len(text[:i].encode("utf-16-le")) // 2 for i in where)
    if isinstance(widget, QLineEdit):
        widget.setSelection(start, end - start)
        return True
    cursor = widget.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    widget.setTextCursor(cursor)
    widget.ensureCursorVisible()
    return True
