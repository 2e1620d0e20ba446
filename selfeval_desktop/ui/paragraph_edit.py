"""A box for paragraphs (立项背景, 实施情况, 结论's sections, 偏差原因…) that mends text pasted from a PDF.

Text copied out of a PDF ends every line of a paragraph with a line break; pasted as it is, the box
and the printed form break the paragraph where the PDF did. Pasting here joins those breaks
(``domain.text_wrap``) and says so in the status bar; Ctrl+Shift+V (and 按原样粘贴 in the
right-click menu) pastes the text with its line breaks kept, as Word and WPS do for 只粘贴文本.
"""
from __future__ import annotations

from .access_keys import menu_text
from .clipboard_source import from_office
from .qt import QKeySequence, QPlainTextEdit
from .status_line import say
from .zoom import is_font_change

AS_IS_KEYS = "Ctrl+Shift+V"


class ParagraphEdit(QPlainTextEdit):
    """A QPlainTextEdit whose paste joins a PDF's wrapped lines."""

    joined_message = ("已合并从PDF复制带来的 {n} 处断行（段落按原文连起来）。"
                      f"要保留原来的换行，请按 {AS_IS_KEYS} 粘贴。")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._as_is = False
        self._lines: tuple[int, int | None] | None = None

    def set_lines(self, least: int, most: int | None = None) -> None:
        """At least ``least`` lines tall (at most ``most``), in the font shown — measured again
        when the font changes (显示比例, ui.zoom)."""
        self._lines = (least, most)
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(line * least + 14)
        if most is not None:
            self.setMaximumHeight(line * most + 14)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if self._lines is not None and is_font_change(event):
            self.set_lines(*self._lines)

    def paste_as_is(self) -> None:
        """Paste the clipboard's text with its line breaks kept."""
        self._as_is = True
        try:
            self.paste()
        finally:
            self._as_is = False

    def insertFromMimeData(self, source) -> None:  # noqa: N802 - Qt override
        if self._as_is or not source.hasText() or from_office(source):
            self._unsay()
            super().insertFromMimeData(source)
            return
        from ..domain.text_wrap import join_hard_breaks  # at the first paste, not at start
        text, joined = join_hard_breaks(source.text())
        if not joined:
            self._unsay()
            super().insertFromMimeData(source)
            return
        self.insertPlainText(text)
        self._say(self.joined_message.format(n=joined))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if QKeySequence(event.keyCombination()) == QKeySequence(AS_IS_KEYS):
            if not self.isReadOnly():
                self.paste_as_is()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos):
        """The box's own right-click menu with 按原样粘贴 beside 粘贴."""
        menu = self.createStandardContextMenu(pos)
        paste = next((a for a in menu.actions() if a.objectName() == "edit-paste"), None)
        as_is = menu.addAction(menu_text("按原样粘贴（保留换行）", AS_IS_KEYS), self.paste_as_is)
        as_is.setEnabled(paste.isEnabled() if paste is not None else not self.isReadOnly())
        if paste is not None:            # beside 粘贴, where it is looked for
            menu.removeAction(as_is)
            later = menu.actions()[menu.actions().index(paste) + 1:]
            menu.insertAction(later[0] if later else None, as_is)
        return menu

    def _unsay(self) -> None:
        """A paste that joined nothing takes back an earlier “已合并…” (else it stands over a
        Word paste it is not about)."""
        bar = getattr(self.window(), "statusBar", None)
        if bar is not None and bar().currentMessage().startswith(self.joined_message[:6]):
            bar().clearMessage()

    def _say(self, message: str) -> None:
        say(self, message, 15000)
