"""A list box on a page that the mouse wheel does not turn.

Review 9: scrolling the 项目概况 page with the wheel passed over the 起止时间 year list and turned
2025 into 2023, stored and printed, with nothing said. Taking the wheel only once focused was not
enough (review 10): after a year was picked the list kept the focus, and the next page scroll
with the pointer resting on it turned it again. The wheel now always scrolls the page; a value is
chosen from the open list (a click) or with the arrow keys.
"""
from __future__ import annotations

from .qt import QComboBox, Qt


class PageComboBox(QComboBox):
    """Never turned by the wheel: the page around it scrolls instead (its open list still
    scrolls with the wheel, as any list does)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)   # the wheel never gives it the focus

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.ignore()          # to the scroll area around it
