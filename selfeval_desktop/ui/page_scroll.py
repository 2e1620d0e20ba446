"""Scroll a page (the QScrollArea a tab's fields sit in) to show a widget, or part of one, whole.

QScrollArea.ensureWidgetVisible shows a grid's current cell only (its column headings were left
above the edge) and a text box's cursor line only: 查找 and the tab keys want the whole of it.
"""
from __future__ import annotations

from .qt import QPlainTextEdit, QScrollArea


def show_on_page(widget, rect) -> None:
    """Scroll the page (the QScrollArea ``widget`` sits in) so that ``rect`` of ``widget`` is
    wholly in view; a rect taller or wider than the page shows its top or left edge (and a text
    box that tall, the line with its cursor)."""
    scroll = widget.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    inner = scroll.widget() if scroll is not None else None
    if inner is None or not inner.isAncestorOf(widget) or rect.isEmpty():
        return
    room = scroll.viewport().size()
    if rect.height() > room.height() and isinstance(widget, QPlainTextEdit):
        cursor = widget.cursorRect()
        rect = cursor.translated(widget.viewport().mapTo(widget, cursor.topLeft())
                                 - cursor.topLeft())
    top_left = widget.mapTo(inner, rect.topLeft())
    for bar, start, size, span_ in (
            (scroll.verticalScrollBar(), top_left.y(), rect.height(), room.height()),
            (scroll.horizontalScrollBar(), top_left.x(), rect.width(), room.width())):
        if start + size > bar.value() + span_:
            bar.setValue(start + size - span_)
        if start < bar.value():
            bar.setValue(start)
