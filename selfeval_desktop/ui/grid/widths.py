"""Column widths fitted to the grid's width, as the clerk's screen has it.

At 1366×768 the 绩效指标 grid's fixed widths added up to 1180 px where it had about 1030:
偏差原因 — the column clerks fill most — was off the right edge (“偏差 / 及改” seen) and every row
took a scroll sideways; at 1920×1080 at 150 % none of it showed. Now each column has a narrowest
width — its header and a sample of what it holds on one line, a number column its widest value
(never cut) — and a share of the room left over, and the widths are fitted whenever
the cells area changes width: the window resized, the row numbers getting a digit (10, 100 rows),
the vertical scroll bar coming or going. Cells wrap and rows grow to fit (grid.fit).

Where even the narrowest widths do not fit (1024 px, 1366 at 150 %) the grid scrolls sideways, its
names frozen (grid.frozen) and narrow, and the wide column (偏差原因) is given a useful width.

A column the clerk widens or narrows by dragging its header's edge keeps that width (remembered in
the window's settings, where it has any); the others are fitted around it once the drag ends.
The header's context menu (right click) has 恢复默认列宽.
"""
from __future__ import annotations

from dataclasses import dataclass
import json

from ..access_keys import menu_text
from ..qt import QApplication, QEvent, QMenu, QObject, QSettings, Qt, QTimer

DISPLAY = Qt.ItemDataRole.DisplayRole
WIDEST_NUMBER = "100.00"    # a number column is never narrower than this (分值 and 得分 ≤ 100)
LONGEST_NUMBER = "1000000.00"   # … nor made wider by words typed there (kept as typed, red)
DRAG_END_MS = 150           # a dragged width is kept once the mouse is let go
SETTINGS_KEY = "columns/"   # + the grid's key: {column title: width the clerk gave it}
# a cell's text has 3 px each side (the styles' focus frame margin, 2, and 1), a header's 2–4;
# and a little air. (Not asked of QStyle: its class costs ~10 ms to load.)
CELL_PAD = 2 * 3 + 4
HEADER_PAD = 2 * 4 + 4


@dataclass(frozen=True)
class Column:
    """How one column is fitted: the text it shows on one line at its narrowest (its header is
    always shown whole), its share of the room left over, and for a number column the widest of
    its values (``number``). ``extra``: more room (the arrow of a choice)."""
    sample: str = ""
    share: float = 0
    number: bool = False
    extra: int = 0


def fit_widths(room: int, narrowest: dict[int, int], shares: dict[int, float],
               kept: dict[int, int], wide: int | None = None, wide_width: int = 0,
               frozen: int = 0) -> dict[int, int]:
    """The columns' widths in ``room`` pixels: each its narrowest (or the width the clerk ``kept``),
    the room left over shared by the other columns' ``shares`` — so that they add up to ``room``
    exactly. Where the narrowest do not fit, the grid scrolls: the ``wide`` column is then as wide
    as what is seen right of the first ``frozen`` columns, ``wide_width`` at most."""
    widths = {col: kept.get(col, least) for col, least in narrowest.items()}
    left = room - sum(widths.values())
    sharing = {col: share for col, share in shares.items()
               if share > 0 and col in widths and col not in kept}
    if left >= 0 and sharing:
        total = sum(sharing.values())
        for col, share in sharing.items():
            widths[col] += int(left * share / total)
        rest = room - sum(widths.values())       # the pixels rounding left: the wide column's
        widths[wide if wide in sharing else max(sharing)] += rest
    elif left < 0 and wide in widths and wide not in kept and sum(narrowest.values()) > room:
        # the screen too narrow for the columns (not a column the clerk dragged wider: then the
        # wide one stays as narrow as it may, not 240 px and off the edge)
        names = sum(width for col, width in widths.items() if col < frozen)
        widths[wide] = max(widths[wide], min(wide_width, room - names))
    return widths


class ColumnFit(QObject):
    """Fits the widths of ``grid``'s ``columns`` to its width (see the module's docstring).

    ``wide``/``wide_width``: the column given room when the grid scrolls sideways; ``frozen``: the
    number of frozen leading columns; ``key``: what the clerk's widths are remembered under."""

    def __init__(self, grid, columns: dict[int, Column], wide: int | None = None,
                 wide_width: int = 240, frozen: int = 0, key: str = ""):
        super().__init__(grid)
        self.grid = grid
        self.columns = columns
        self.wide, self.wide_width, self.frozen, self.key = wide, wide_width, frozen, key
        self.kept: dict[int, int] = {}      # column → the width the clerk dragged it to
        self._loaded = False                # the remembered widths read (once shown in a window)
        self._fitting = False
        self._widest: dict[int, int] = {}   # number column → its widest value's text, measured
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.fit)
        self._drag = QTimer(self)
        self._drag.setSingleShot(True)
        self._drag.setInterval(DRAG_END_MS)
        self._drag.timeout.connect(self._drag_ended)
        header = grid.horizontalHeader()
        header.sectionResized.connect(self._resized)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu)
        grid.viewport().installEventFilter(self)
        if grid.model() is not None:
            self.watch(grid.model())
            self._apply(self.narrowest())   # until shown: no sideways scroll to start with

    def watch(self, model) -> None:
        """Number columns as wide as their widest value, measured again as values change."""
        for signal in (model.modelReset, model.layoutChanged, model.rowsRemoved):
            signal.connect(self._measure_all)
        model.rowsInserted.connect(self._inserted)
        model.dataChanged.connect(self._changed)
        self._measure_all()

    def _inserted(self, _parent, first, last) -> None:
        self._measure(range(first, last + 1))

    def _changed(self, top, bottom, *_roles) -> None:
        self._measure(range(top.row(), bottom.row() + 1))

    # ------------------------------------------------------------ when

    def schedule(self) -> None:
        self._timer.start(0)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Show or kind == QEvent.Type.Resize and \
                event.oldSize().width() != event.size().width():
            self.schedule()     # shown again (another project filled it while hidden), wider…
        elif kind == QEvent.Type.FontChange:
            self._measure_all()   # 显示比例 (ui.zoom): every width measured in the new size
        return super().eventFilter(obj, event)

    def _resized(self, col, _old, size) -> None:
        """A column resized by the clerk (dragging its header's edge, also that of a frozen
        column, or a double-click on it): kept at that width."""
        if self._fitting or col not in self.columns or \
                QApplication.mouseButtons() == Qt.MouseButton.NoButton:
            return                       # fitted here, or by Qt itself
        self.kept[col] = size
        self._drag.start()

    def _drag_ended(self) -> None:
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._drag.start()           # still dragging
            return
        self._save()
        self.fit()

    def reset(self) -> None:
        """恢复默认列宽: every column fitted again, nothing the clerk dragged kept."""
        self.kept.clear()
        self._save()
        self.fit()

    def _menu(self, pos) -> None:
        header = self.grid.horizontalHeader()
        menu = QMenu(header)
        action = menu.addAction(menu_text("恢复默认列宽（按窗口宽度排列各列）"))
        action.setEnabled(bool(self.kept))
        action.triggered.connect(self.reset)
        menu.exec(header.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------ how wide

    def narrowest(self) -> dict[int, int]:
        """Each column's narrowest width: its sample (a number column: its widest value) and its
        header's longest line, each whole with the cell's margins."""
        grid = self.grid
        cells, header = grid.fontMetrics(), grid.horizontalHeader()
        heading = header.fontMetrics()
        model = grid.model()
        widths = {}
        for col, column in self.columns.items():
            title = str(model.headerData(col, Qt.Orientation.Horizontal, DISPLAY) or "") \
                if model is not None else ""
            titled = max((heading.horizontalAdvance(line) for line in title.split("\n")), default=0)
            text = cells.horizontalAdvance(column.sample)
            if column.number:
                text = max(text, cells.horizontalAdvance(WIDEST_NUMBER), self._widest.get(col, 0))
            widths[col] = max(text + CELL_PAD + column.extra, titled + HEADER_PAD)
        return widths

    def fit(self) -> None:
        """Set the widths for the grid's width now (see :func:`fit_widths`)."""
        self._timer.stop()
        grid = self.grid
        room = grid.viewport().width()
        if not grid.isVisible() or grid.model() is None or room <= 0:
            return
        self._load()
        self._apply(fit_widths(room, self.narrowest(),
                               {col: column.share for col, column in self.columns.items()},
                               self.kept, self.wide, self.wide_width, self.frozen))

    def _apply(self, widths: dict[int, int]) -> None:
        self._fitting = True
        try:
            for col, width in widths.items():
                if self.grid.columnWidth(col) != width:
                    self.grid.setColumnWidth(col, width)
        finally:
            self._fitting = False

    def _measure_all(self, *_args) -> None:
        self._widest = {}
        model = self.grid.model()
        self._measure(range(model.rowCount() if model is not None else 0))
        self.schedule()          # narrower again too (another project)

    def _measure(self, rows) -> None:
        model = self.grid.model()
        if model is None:
            return
        metrics = self.grid.fontMetrics()
        cap = metrics.horizontalAdvance(LONGEST_NUMBER)
        grown = False
        for col, column in self.columns.items():
            if not column.number:
                continue
            widest = self._widest.get(col, 0)
            for row in rows:
                text = model.index(row, col).data(DISPLAY)
                if text:
                    widest = max(widest, min(cap, metrics.horizontalAdvance(str(text))))
            grown = grown or widest > self._widest.get(col, 0)
            self._widest[col] = widest
        if grown:
            self.schedule()

    # ------------------------------------------------------------ remembered

    def _settings(self) -> QSettings | None:
        settings = getattr(self.grid.window(), "settings", None)
        return settings if self.key and isinstance(settings, QSettings) else None

    def _titles(self) -> dict[int, str]:
        model = self.grid.model()
        return {col: str(model.headerData(col, Qt.Orientation.Horizontal,
                                          Qt.ItemDataRole.ToolTipRole) or col)
                for col in self.columns}

    def _load(self) -> None:
        if self._loaded:
            return
        settings = self._settings()
        if settings is None:
            return
        self._loaded = True
        try:
            stored = json.loads(str(settings.value(SETTINGS_KEY + self.key) or "{}"))
        except ValueError:
            stored = {}
        titles = self._titles()
        for col, title in titles.items():
            width = stored.get(title) if isinstance(stored, dict) else None
            if isinstance(width, int) and width > 0 and col not in self.kept:
                self.kept[col] = width

    def _save(self) -> None:
        settings = self._settings()
        if settings is None:
            return
        titles = self._titles()
        settings.setValue(SETTINGS_KEY + self.key,
                          json.dumps({titles[col]: width for col, width in self.kept.items()},
                                     ensure_ascii=False))
