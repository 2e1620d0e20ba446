"""A list box on a page that the mouse wheel does not turn.

Scrolling the 项目概况 page with the wheel passed over the 起止时间 year list and turned 2025
into 2023, stored and printed, with nothing said. Taking the wheel only once focused was not
enough: after a year was picked the list kept the focus, and the next page scroll
with the pointer resting on it turned it again. The wheel now always scrolls the page; a value is
chosen from the open list (a click) or with the arrow keys — or, for a box whose choice is
printed or changes much (``arrows_open``: 本地区称, the header's 评分规则), only from the open
list, which the arrow keys open instead of stepping (↓ on the way down the 预算表 must not turn
省级财政 into 自治区财政, printed on the forms, with nothing said).
"""
from __future__ import annotations

from .qt import QComboBox, Qt


STEP_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
             Qt.Key.Key_Home, Qt.Key.Key_End}


class PageComboBox(QComboBox):
    """Never turned by the wheel: the page around it scrolls instead (its open list still
    scrolls with the wheel, as any list does). With ``arrows_open`` the arrow, page, Home and End
    keys on the closed box open its list instead of stepping through it."""

    def __init__(self, parent=None, arrows_open: bool = False):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)   # the wheel never gives it the focus
        self.arrows_open = arrows_open

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.ignore()          # to the scroll area around it

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.arrows_open and event.key() in STEP_KEYS and \
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.showPopup()   # see the choices first; nothing changes until one is picked
            event.accept()
            return
        super().keyPressEvent(event)
