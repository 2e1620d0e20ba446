"""Number cells drawn whole where they are seen, never cut to another number.

A number column partly out of sight — at the grid's right edge by the vertical scroll bar, or
half under the frozen names while the grid scrolls sideways — showed the part of its value that
fell in view: 得分 5.55 and 5.19 read “5.5” and “5.1(”, and a 得分 read as 5.5 is a wrong number.
Here a number cell is drawn in the part of it that is seen: its value whole where it fits there,
else shortened with “…” (“5.…”), as in a column too narrow for it — and it never wraps onto a
second line (“100.” over “00”).
"""
from __future__ import annotations

from ..delegates import TextDelegate
from ..qt import QRect, QStyleOptionViewItem, Qt


def seen_part(view, rect, column: int):
    """The part of a cell's ``rect`` (in ``view``'s viewport) that is seen sideways: within the
    viewport, and — for a column that scrolls — right of the frozen columns drawn over it. (A row
    cut at the bottom is not: it is read once scrolled into view, as in any table.)"""
    area = view.viewport().rect()
    left, right = area.left(), area.right()
    frozen_view = getattr(view, "frozen_view", None)
    frozen = frozen_view() if frozen_view is not None else None
    if frozen is not None and column >= frozen.count:
        left = max(left, frozen.width())
    seen = QRect(rect)
    seen.setLeft(max(rect.left(), left))
    seen.setRight(min(rect.right(), right))
    return seen


class NumberDelegate(TextDelegate):
    """A plain line edit, as :class:`TextDelegate`; the value drawn as said above."""

    def paint(self, painter, option, index):
        shown = QStyleOptionViewItem(option)
        shown.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        shown.textElideMode = Qt.TextElideMode.ElideRight
        view = option.widget
        if view is not None and hasattr(view, "viewport"):
            seen = seen_part(view, shown.rect, index.column())
            if not seen.isEmpty():
                shown.rect = seen
        super().paint(painter, shown, index)
