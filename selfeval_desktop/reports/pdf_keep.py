"""Blocks to sign and stamp that never begin a page alone.

The box 六、主管部门审核意见（盖章） once printed alone on the last page of seed 001's
部门整体支出绩效自评表 (and of a 基本情况表 of several pages), under nothing but “部门名称：…（续）”:
a county office would have stamped a sheet that carries no figure. ``KeepTogether`` cannot help
there: it moves a block whole to the next page, alone, whenever the block does not fit.

:class:`KeepWithTail` keeps a closing block (评价人员, the opinions, a 落款) with the end of what
comes before it: when the two do not fit the space left, the last row (or the last lines) of the
content goes over to the next page with the block. :class:`Either` sets the first of some layouts
that fits the space left (五 above 六 with full room for the seals, else side by side).
"""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table
from reportlab.platypus.doctemplate import NullActionFlowable

MOVE = 25 * mm      # at most this much of a long last row or paragraph goes over with the block
_HUGE = 0xFFFFFF    # the height a flowable that always splits says it needs (as KeepTogether)


def measure(flowable, width: float) -> float:
    """The height ``flowable`` takes ``width`` wide, its spaces included; for an :class:`Either`
    its shortest layout."""
    if isinstance(flowable, KeepWithTail):
        return measure(flowable.body, width) + measure_all(flowable.closing, width)
    if isinstance(flowable, Either):
        return min(measure_all(option, width) for option in flowable.options)
    if isinstance(flowable, KeepTogether):
        return measure_all(flowable._content, width)
    height = flowable.wrap(width, _HUGE)[1]
    return height + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def measure_all(flowables, width: float) -> float:
    return sum(measure(f, width) for f in flowables)


def _placed(flowables: list) -> list:
    """What ``split`` gives the frame to place in turn: led by an action that does nothing, as
    ``KeepTogether`` does (the frame must be able to add the first part of a split at once)."""
    return [NullActionFlowable(), *flowables] if flowables else []


def _splittable(flowable) -> bool:
    return isinstance(flowable, (Table, Paragraph))


def _last_part(flowable, width: float) -> float:
    """The height of what goes over with a closing block: a table's last row, a paragraph's
    last two lines."""
    if isinstance(flowable, Table):
        flowable.wrap(width, _HUGE)
        return flowable._rowHeights[-1]
    return 2 * flowable.style.leading


class KeepWithTail(Flowable):
    """``body`` (a table, a paragraph or a block kept whole), then ``closing``, which never begins a
    page without some of ``body`` above it.

    ``room``: the height free on a further page of the form (under its “（续）” heading). A closing
    block that fits there with the end of ``body`` is never split from it; one taller than that
    is laid out as it comes (it cannot be kept with anything).
    """

    def __init__(self, body, closing: list, room: float, moved: bool = False):
        super().__init__()
        self.body, self.closing, self.room = body, list(closing), room
        self.moved = moved      # the end of a body cut to go over: not cut again

    def wrap(self, aw, ah):
        return aw, _HUGE        # always split: the frame then places what split() gives

    def split(self, aw, ah):
        return _placed(self._split(aw, ah))

    def _split(self, aw, ah):
        whole = [self.body, *self.closing]
        body, closing_h = self.body, measure_all(self.closing, aw)
        body_h = measure(body, aw)
        if body_h + closing_h <= ah:
            return whole
        if isinstance(body, KeepTogether) and body_h + closing_h > self.room:
            # a block kept whole that cannot go over whole with the closing: its end goes over
            inner = [f for f in body._content if measure(f, aw) > 0]
            if len(inner) == 1 and _splittable(inner[0]):
                body = inner[0]
        over = body_h + closing_h <= self.room      # both fit on the next page
        if self.moved or not _splittable(body):
            return [] if over else whole
        cut = ah if body_h > ah else body_h - min(_last_part(body, aw), MOVE)
        body.wrap(aw, cut)
        parts = body.split(aw, cut)
        if len(parts) >= 2:
            return [*parts[:-1], KeepWithTail(parts[-1], self.closing, self.room,
                                              moved=body_h <= ah)]
        # nothing of it fits here (a page end): all of it on the next page, to be kept there
        return [] if over or (body_h > ah and ah < self.room) else whole


class Either(Flowable):
    """The first of ``options`` (lists of flowables) that fits the space left with ``after`` (what
    must follow on the same page: the check block of 定稿); when none does, the next page
    (``room`` as for :class:`KeepWithTail`), or the first laid out as it comes when even the
    shortest is taller than that."""

    def __init__(self, *options: list, room: float, after: list = ()):
        super().__init__()
        self.options = [list(o) + list(after) for o in options]
        self.room = room

    def wrap(self, aw, ah):
        return aw, _HUGE

    def split(self, aw, ah):
        return _placed(self._split(aw, ah))

    def _split(self, aw, ah):
        heights = [measure_all(option, aw) for option in self.options]
        for option, height in zip(self.options, heights):
            if height <= ah:
                return option
        return [] if min(heights) <= self.room else self.options[0]


def room_after(continued: list, width: float, frame_height: float) -> float:
    """The height free on a page after the first, under the form's ``continued`` heading."""
    return frame_height - measure_all(continued, width) - 1 * mm
