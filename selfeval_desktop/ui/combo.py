"""A list box on a page that a passing mouse wheel does not turn.

Review 9: scrolling the 项目概况 page with the wheel passed over the 起止时间 year list and turned
2025 into 2023, stored and printed, with nothing said. The header's boxes were guarded already
(``header_guards``); the page's lists now take the wheel only once clicked or tabbed to.
"""
from __future__ import annotations

from .qt import QComboBox, Qt


class PageComboBox(QComboBox):
    """Changed by the wheel only while it has the keyboard focus; otherwise the page scrolls."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)   # the wheel never gives it the focus

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.hasFocus():
            event.ignore()      # to the scroll area around it
            return
        super().wheelEvent(event)
