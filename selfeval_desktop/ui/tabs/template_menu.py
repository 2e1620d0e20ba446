"""The 插入常用指标 menu: a submenu per 一级指标 with its 二级指标 as headings over their items
(each group ending in 插入全部…), so that one glance shows what a 一级指标 offers.

Where that list is taller than the screen's free height (产出指标's 28 lines at 150 % on
1366×768), Qt put it in two columns and a heading could end one column with its items at the top
of the next (“成本指标” at the foot of column 1). There, and only there, each
二级指标 becomes a submenu of its own (产出指标 → 成本指标 → 培训人均成本…), as short as its
group: a heading is never apart from its items. The choice is made each time the submenu opens,
on the screen it opens on. Keys work in both: ↑/↓ and → to open a submenu, Enter to insert;
and every entry has its letter, as the other menus' (``access_keys.in_turn``: 产出指标(C), 数量指标(S),
the items A, B, C … in order), given to each form on its own since only one is shown at a time.
"""
from __future__ import annotations

from ..access_keys import in_turn
from ..qt import QMenu


def free_height(widget) -> int | None:
    """The height of the free area of the screen ``widget`` is on (None: no screen)."""
    screen = widget.screen()
    return screen.availableGeometry().height() if screen is not None else None


def one_column_height(menu: QMenu) -> int:
    """The height ``menu`` needs to show its items in one column, as Qt measures it before it
    breaks a list taller than the screen into columns (its items, its frame and margins)."""
    from ..qt import QStyle      # not imported before the window's first paint
    style = menu.style()
    frame = sum(style.pixelMetric(metric, None, menu) for metric in (
        QStyle.PixelMetric.PM_MenuPanelWidth, QStyle.PixelMetric.PM_MenuVMargin,
        QStyle.PixelMetric.PM_MenuDesktopFrameWidth))
    margins = menu.contentsMargins()
    items = sum(menu.actionGeometry(a).height() for a in menu.actions() if a.isVisible())
    return items + 2 * frame + margins.top() + margins.bottom()


class TemplateMenu(QMenu):
    """插入常用指标 for ``groups`` (indicator_templates.TemplateGroup); ``insert(group, name)``
    inserts one item, ``insert(group)`` a whole 二级指标."""

    def __init__(self, groups, insert, parent=None):
        super().__init__(parent)
        self._insert = insert
        by_level1: dict[str, list] = {}
        for group in groups:
            by_level1.setdefault(group.level1, []).append(group)
        for level1, its_groups in by_level1.items():
            # each submenu made with its parent: PySide6 6.9 and older let the menu addMenu(str)
            # returns be deleted with its Python name (the pinned UOS/Kylin builds)
            sub = QMenu(level1, self)
            self.addMenu(sub)
            # both forms are built once; the one that fits is shown (hidden actions take no room)
            flat = self._fill_flat(sub, its_groups)
            nested = [self._nest(sub, group) for group in its_groups] if len(its_groups) > 1 else []
            _letter(flat)
            _letter(nested)
            sub.aboutToShow.connect(lambda s=sub, f=flat, n=nested: self._choose_form(s, f, n))
            self._choose_form(sub, flat, nested, measure=False)
        _letter(self.actions())

    def _add_items(self, menu: QMenu, group) -> list:
        actions = []
        for name, target in group.items:
            action = menu.addAction(f"{name}（{target}）" if target else name)
            action.triggered.connect(lambda _c=False, g=group, n=name: self._insert(g, n))
            actions.append(action)
        return actions

    def _add_whole(self, menu: QMenu, group):
        whole = menu.addAction(f"插入全部{group.level2}（{len(group.items)} 项）")
        whole.triggered.connect(lambda _c=False, g=group: self._insert(g))
        return whole

    def _fill_flat(self, sub: QMenu, groups) -> list:
        """Headings (sections) over their items: the form shown wherever it fits."""
        actions = []
        for group in groups:
            actions.append(sub.addSection(group.level2))
            actions += self._add_items(sub, group)
            actions.append(self._add_whole(sub, group))
        return actions

    def _nest(self, sub: QMenu, group):
        """One 二级指标 as a submenu of its own: its items, then 插入全部…."""
        menu = QMenu(group.level2, sub)
        sub.addMenu(menu)
        actions = self._add_items(menu, group)
        menu.addSeparator()
        _letter(actions + [self._add_whole(menu, group)])
        return menu.menuAction()

    def _choose_form(self, sub: QMenu, flat: list, nested: list, measure: bool = True) -> None:
        for action in flat:
            action.setVisible(True)
        for action in nested:
            action.setVisible(False)
        if not nested or not measure:
            return
        room = free_height(self)
        if room is not None and one_column_height(sub) > room:
            for action in flat:
                action.setVisible(False)
            for action in nested:
                action.setVisible(True)


def _letter(actions) -> None:
    """Give the entries of one menu (headings and separators left out) their letters."""
    entries = [a for a in actions if not a.isSeparator()]
    for action, text in zip(entries, in_turn([a.text() for a in entries])):
        action.setText(text)
