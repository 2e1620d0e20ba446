"""The view drawn over a :class:`~.view.Grid`'s frozen columns (see :mod:`.frozen`).

Kept apart from the grid's side so that its Qt classes (QStyle, QPainter, QRegion…, built by
PySide6 on first use) are loaded the first time a grid has to freeze, not at the window's start.
"""
from __future__ import annotations

from ..qt import (QAbstractItemView, QApplication, QColor, QEvent, QPainter, QPoint,
                  QRect, QRegion, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, Qt)

MAX_SHARE = 0.5          # frozen columns wider than this share of the grid: not frozen
EDGE_COLOR = QColor("#9e9e9e")   # the line right of the frozen columns while scrolled (Excel's)


class _Mirror(QStyledItemDelegate):
    """Each frozen cell painted (and explained on hover) by the grid's own delegate for it, the
    cursor's cell marked as the grid marks it while it has the focus."""

    def __init__(self, grid, parent):
        super().__init__(parent)
        self.grid = grid

    def paint(self, painter, option, index):
        grid = self.grid
        if index == grid.currentIndex() and (grid.hasFocus() or grid.viewport().hasFocus()):
            option = QStyleOptionViewItem(option)
            option.state |= QStyle.StateFlag.State_HasFocus
        grid.itemDelegateForIndex(index).paint(painter, option, index)

    def sizeHint(self, option, index):  # noqa: N802 - Qt override
        return self.grid.itemDelegateForIndex(index).sizeHint(option, index)

    def helpEvent(self, event, view, option, index):  # noqa: N802 - Qt override
        return self.grid.itemDelegateForIndex(index).helpEvent(event, view, option, index)


class FrozenView(QTableView):
    """The frozen columns, drawn over the grid's left edge (the grid's child, never focused)."""

    def __init__(self, grid):
        super().__init__(grid)
        self.grid = grid
        self.count = 0
        self.active = False
        self._editor = None       # an editor open on a frozen cell: shown through a hole
        self.setObjectName("frozenColumns")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)    # a click gives the grid the focus
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)   # the grid edits
        self.setAutoScroll(False)           # scrolled by the grid only
        self.setTabKeyNavigation(False)
        self.setItemDelegate(_Mirror(grid, self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(grid.customContextMenuRequested)
        self.horizontalScrollBar().valueChanged.connect(self._stay_left)
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self._follow_rows())
        grid.verticalScrollBar().valueChanged.connect(self._follow_rows)
        grid.verticalHeader().sectionResized.connect(self._row_resized)
        grid.horizontalHeader().sectionResized.connect(self._grid_column_resized)
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self._model = None
        self.hide()

    # ------------------------------------------------------------ following the grid

    def attach(self, grid_connected: bool = False) -> None:
        """Show the grid's model, selection and look (again, after its model changed);
        ``grid_connected``: the grid has already connected itself to that model."""
        grid = self.grid
        model = grid.model()
        if model is not self._model:
            self._model = model
            self.setModel(model)
            if model is not None:
                for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                               model.rowsRemoved, model.rowsMoved):
                    signal.connect(self._sync_rows)
                # a reset clears the selection model once more for each view of the model (this
                # one and its headers share the grid's): the grid puts its cursor back after them
                # (test_grid_focus_entry: Alt+3 on a new project left no current cell)
                if grid_connected:
                    model.modelReset.disconnect(grid._cursor_to_first)
                    model.modelReset.connect(grid._cursor_to_first)
        if model is not None and self.selectionModel() is not grid.selectionModel():
            self.setSelectionModel(grid.selectionModel())
        for setting in ("SelectionMode", "SelectionBehavior", "WordWrap", "ShowGrid", "GridStyle",
                        "TextElideMode", "AlternatingRowColors", "VerticalScrollMode"):
            getattr(self, f"set{setting}")(getattr(grid, setting[0].lower() + setting[1:])())
        header, mine = grid.horizontalHeader(), self.horizontalHeader()
        mine.setDefaultAlignment(header.defaultAlignment())
        mine.setMinimumSectionSize(header.minimumSectionSize())
        mine.setHighlightSections(header.highlightSections())
        self.verticalHeader().setMinimumSectionSize(grid.verticalHeader().minimumSectionSize())
        self.follow_row_height()
        self._sync_columns()
        self._sync_rows()
        self.place()

    def follow_row_height(self) -> None:
        """The grid's height for a row nothing has sized: read again when the grid's changes
        with its font (显示比例), else at another zoom a row this view lays out itself
        (inserted, or all of them after a reset) starts at the height of the zoom it was built
        at, and relies on ``_sync_rows`` alone to be drawn as tall as the grid's."""
        grid, mine = self.grid.verticalHeader(), self.verticalHeader()
        mine.setDefaultSectionSize(grid.defaultSectionSize())

    def _sync_columns(self) -> None:
        """The frozen columns as wide (and hidden) as the grid's; one column after them stays
        shown, so that the last frozen header is drawn as a middle one (no lost divider)."""
        grid, model = self.grid, self.grid.model()
        columns = model.columnCount() if model is not None else 0
        shown_after = next((c for c in range(self.count, columns) if not grid.isColumnHidden(c)),
                           None)
        for col in range(columns):
            self.setColumnHidden(col, grid.isColumnHidden(col) if col < self.count
                                 else col != shown_after)
            if col < self.count or col == shown_after:
                self.setColumnWidth(col, grid.columnWidth(col))

    def _sync_rows(self, *_args) -> None:
        grid, model = self.grid, self.grid.model()
        for row in range(model.rowCount() if model is not None else 0):
            if self.rowHeight(row) != grid.rowHeight(row):
                self.setRowHeight(row, grid.rowHeight(row))
            self.setRowHidden(row, grid.isRowHidden(row))
        self._follow_rows()

    def _row_resized(self, row, _old, size) -> None:
        if self.rowHeight(row) != size:
            self.setRowHeight(row, size)

    def _grid_column_resized(self, col, _old, size) -> None:
        if col < self.count or not self.isColumnHidden(col):
            if self.columnWidth(col) != size:
                self.setColumnWidth(col, size)
            self.place()

    def _column_resized(self, col, _old, size) -> None:
        """A frozen column widened by dragging its header here: the grid's too."""
        if col < self.count and self.grid.columnWidth(col) != size:
            self.grid.setColumnWidth(col, size)

    def _follow_rows(self, *_args) -> None:
        bar = self.verticalScrollBar()
        value = self.grid.verticalScrollBar().value()
        if bar.value() != value:
            bar.setValue(value)

    def _stay_left(self, value) -> None:
        if value:
            self.horizontalScrollBar().setValue(0)

    # ------------------------------------------------------------ where it is

    def place(self) -> None:
        """Over the grid's frozen columns, header included — while the grid scrolls sideways and
        they take no more than about half of it; hidden otherwise."""
        grid = self.grid
        model = grid.model()
        width = sum(grid.columnWidth(c) for c in range(min(self.count, grid.horizontalHeader().count()))
                    if not grid.isColumnHidden(c))
        viewport, header = grid.viewport().geometry(), grid.horizontalHeader()
        active = bool(model is not None and width and grid.horizontalScrollBar().maximum() > 0
                      and width <= viewport.width() * MAX_SHARE)
        if active:
            self.horizontalHeader().setFixedHeight(header.height())
            top = viewport.top() - header.height() if header.isVisible() else viewport.top()
            self.horizontalHeader().setVisible(header.isVisible())
            self.setGeometry(viewport.left(), top, width, viewport.bottom() + 1 - top)
            # a page sideways is what is seen right of the names (the scroll bar's handle too)
            grid.horizontalScrollBar().setPageStep(max(1, viewport.width() - width))
            self._follow_rows()
        if active != self.active:
            self.active = active
            self.setVisible(active)
            if active:
                self.raise_()
            if grid.state() == QAbstractItemView.State.EditingState:
                grid.updateEditorGeometries()   # an open frozen cell: to where it is now seen
        self._hole()

    # ------------------------------------------------------------ an editor on a frozen cell

    def watch(self, editor) -> None:
        """The grid opened ``editor`` on a frozen cell: its own viewport holds it, under this
        view, so this view leaves a hole where it is for as long as it is shown."""
        if editor is None:
            return
        self._editor = editor
        editor.installEventFilter(self)
        self._hole()

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if obj is self._editor:
            kind = event.type()
            if kind in (QEvent.Type.Hide, QEvent.Type.Destroy, QEvent.Type.DeferredDelete):
                self._editor = None
                self.clearMask()
            elif kind in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show):
                self._hole()
        return super().eventFilter(obj, event)

    def _hole(self) -> None:
        editor = self._editor
        try:
            shown = editor is not None and editor.isVisible()
        except RuntimeError:           # deleted already
            shown, self._editor = False, None
        if not (shown and self.active):
            self.clearMask()
            return
        corner = editor.mapTo(self.grid, QPoint(0, 0)) - self.pos()
        self.setMask(QRegion(self.rect()).subtracted(QRegion(QRect(corner, editor.size()))))

    # ------------------------------------------------------------ input goes to the grid

    def edit(self, index, trigger=None, event=None):
        """A double-click (or a delegate's click) on a frozen cell: the grid opens it."""
        if trigger is None:
            return self.grid.edit(index)
        if trigger == QAbstractItemView.EditTrigger.CurrentChanged:
            return False           # the grid was told the same and decides
        return self.grid.edit(index, trigger, event)

    def indexAt(self, pos):  # noqa: N802 - Qt override
        """A drag from a frozen cell on into the scrolled ones selects what is seen there."""
        if pos.x() >= self.width():
            return self.grid.indexAt(pos)
        return super().indexAt(pos)

    def wheelEvent(self, event):  # noqa: N802 - Qt override
        QApplication.sendEvent(self.grid.viewport(), event)   # the grid scrolls, this follows

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible):  # noqa: N802
        pass                       # the grid scrolls; this view follows its rows

    def paintEvent(self, event):  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.grid.horizontalScrollBar().value() > 0:   # scrolled: where the freeze is
            painter = QPainter(self.viewport())
            painter.setPen(EDGE_COLOR)
            x = self.viewport().width() - 1
            rows = self.model().rowCount() if self.model() is not None else 0
            bottom = self.viewport().height()
            if rows:     # along the rows only, not down the empty space under them
                bottom = min(bottom, self.rowViewportPosition(rows - 1) + self.rowHeight(rows - 1))
            painter.drawLine(x, 0, x, bottom)
            painter.end()
