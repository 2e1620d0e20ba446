"""显示比例 (zoom): the window's text larger or smaller, as in Excel/WPS.

Clerks in county offices are often older, on 1366×768 laptops, and zoom Excel with Ctrl and the
mouse wheel; here nothing did (only the system's scale helped).

- 视图 → 放大 / 缩小 / 恢复默认大小（100%）, with Excel 365's keys Ctrl+Alt+= / Ctrl+Alt+- and
  Ctrl+Alt+0 (Ctrl+= and Ctrl+- insert and delete grid rows, as in Excel, and stay so);
- Ctrl+mouse wheel anywhere in the window — a grid, a text box, the page, the 问题清单: the window
  takes it before the widget under the mouse, so a grid does not scroll a page instead and a
  text box does not zoom only itself; the plain wheel scrolls as before;
- the status bar says 显示比例 125% (a click offers the steps), and so does 视图 → 显示比例.

The zoom is the application's font size, in steps from 80 % to 200 %. Every widget that takes the
application's font follows — menus, dialogs and tooltips too; what sizes itself by its text (the
grids' row heights and fitted columns, the project list's columns, the 总分 and 等次 in large
type, the fixed-height grids of 预算表) measures again on its FontChange event, and a font of
its own is set relative to its parent's there. Pixel sizes that are not text (a caption's width,
a list's narrowest width) follow through :func:`px`. Printed forms and exported workbooks are
drawn by reportlab and openpyxl from the document and never see it.

Remembered in the settings (``view/zoom``) when changed; a window started at 100 % only reads
that setting before its first paint (the wheel and the status bar follow right after it).
"""
from __future__ import annotations

from .access_keys import menu_text
from .qt import QObject, Signal

STEPS = (80, 90, 100, 110, 125, 150, 175, 200)
DEFAULT = 100
SETTINGS_KEY = "view/zoom"
ZOOM_IN, ZOOM_OUT, ZOOM_RESET = "Ctrl+Alt+=", "Ctrl+Alt+-", "Ctrl+Alt+0"
WHEEL_NOTCH = 120        # one notch of a mouse wheel (a touchpad sends parts of it)
TIP = ("显示比例：Ctrl+鼠标滚轮，或 Ctrl+Alt+= 放大、Ctrl+Alt+- 缩小、Ctrl+Alt+0 恢复 100%"
       "（也在“视图”菜单中）；点击选择比例")

_factor = 1.0            # the zoom in force, 1.0 = 100 %
_base_font = None        # the application's own font, kept when it is first zoomed


def factor() -> float:
    return _factor


def px(pixels: int) -> int:
    """``pixels`` at the zoom in force (a width that holds text grows with it)."""
    return round(pixels * _factor)


def stored(settings) -> int:
    """The zoom remembered in ``settings``: one of STEPS, else 100 (a hand-edited value)."""
    try:
        percent = int(settings.value(SETTINGS_KEY, DEFAULT))
    except (TypeError, ValueError):
        return DEFAULT
    return percent if percent in STEPS else DEFAULT


def apply_font(percent: int) -> None:
    """The application's font at ``percent`` of its own size; every widget's font follows before
    this returns (Qt posts the change: sent here, so what measures text measures the new size)."""
    global _factor, _base_font
    from .qt import QApplication, QCoreApplication, QEvent, QFont
    app = QApplication.instance()
    if _base_font is None:
        if percent == DEFAULT:
            return                       # never zoomed: the font is left as the system gave it
        _base_font = QFont(app.font())
    font = QFont(_base_font)
    if _base_font.pointSizeF() > 0:
        font.setPointSizeF(_base_font.pointSizeF() * percent / 100)
    else:                                # a font given in pixels (some desktops)
        font.setPixelSize(max(1, round(_base_font.pixelSize() * percent / 100)))
    _factor = percent / 100              # before: FontChange handlers read px()
    app.setFont(font)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    for widget in app.allWidgets():      # one with a style sheet (a grey hint, a red field)
        sheet = widget.styleSheet()      # keeps the font it had until its sheet is set again
        if sheet:
            widget.setStyleSheet(sheet)


def relative_font(widget, scale: float, bold: bool = False):
    """``widget``'s parent's font (the application's at the zoom in force) times ``scale``: for a
    label in large type, set again on its parent's FontChange so that it follows the zoom."""
    from .qt import QFont
    parent = widget.parentWidget()
    font = QFont(parent.font() if parent is not None else widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    else:
        font.setPixelSize(max(1, round(font.pixelSize() * scale)))
    if bold:
        font.setBold(True)
    widget.setFont(font)
    return font


def is_font_change(event) -> bool:
    from .qt import QEvent
    return event.type() == QEvent.Type.FontChange


class Zoom(QObject):
    """The window's zoom: its menu entries and keys, the Ctrl+wheel, the status bar's figure."""

    changed = Signal(int)                # the new percentage, every widget's font changed

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.percent = stored(window.settings)
        self.actions: dict = {}
        self.button = None               # the status bar's 显示比例 (after the first paint)
        self._steps_menu = None
        self._wheel = 0                  # wheel turned with Ctrl, not yet a whole notch
        self._handle = None
        if self.percent != DEFAULT:      # before the window's widgets are built: no refitting
            apply_font(self.percent)

    # ------------------------------------------------------------ the menu and the keys
    def build_menu(self, menu) -> None:
        """放大, 缩小, 恢复默认大小 and 显示比例 ▸ (the steps) in 视图."""
        from .qt import QKeySequence
        for key, text, keys, slot in (("in", "放大", ZOOM_IN, self.zoom_in),
                                      ("out", "缩小", ZOOM_OUT, self.zoom_out),
                                      ("reset", "恢复默认大小（100%）", ZOOM_RESET, self.reset)):
            action = menu.addAction(menu_text(text), slot)
            action.setShortcut(QKeySequence(keys))
            self.actions[key] = action
        from .qt import QMenu
        self._steps_menu = QMenu(menu)   # made with its parent: PySide6 6.9 and older may delete
        menu.addMenu(self._steps_menu)   # a submenu addMenu(str) returned (installer/README.md)
        self._steps_menu.aboutToShow.connect(self._fill_steps)
        self._update()

    def _fill_steps(self) -> None:
        """The steps, the one in force ticked (built when first opened: not before the paint)."""
        menu = self._steps_menu
        if menu.actions():
            for action in menu.actions():
                action.setChecked(action.data() == self.percent)
            return
        from .qt import QActionGroup
        group = QActionGroup(menu)
        for percent in STEPS:          # (no letters: the ↑↓ keys go through seven steps)
            text = f"{percent}%" + ("（默认）" if percent == DEFAULT else "")
            action = menu.addAction(text, lambda p=percent: self.set_percent(p))
            action.setData(percent)
            action.setCheckable(True)
            action.setChecked(percent == self.percent)
            group.addAction(action)

    def zoom_in(self) -> None:
        self.step(1)

    def zoom_out(self) -> None:
        self.step(-1)

    def reset(self) -> None:
        self.set_percent(DEFAULT)

    def step(self, steps: int) -> None:
        """``steps`` steps larger (or smaller, negative), within 80 %–200 %."""
        index = STEPS.index(self.percent) + steps
        self.set_percent(STEPS[min(max(index, 0), len(STEPS) - 1)])

    def set_percent(self, percent: int) -> None:
        if percent not in STEPS:
            return
        bar = self.window.statusBar()
        if percent == self.percent:
            if percent != DEFAULT:        # at a limit: say so, rather than nothing
                bar.showMessage(f"显示比例已是{'最大' if percent == STEPS[-1] else '最小'}"
                                f"（{percent}%）", 3000)
            return
        self.percent = percent
        apply_font(percent)
        self.window.settings.setValue(SETTINGS_KEY, percent)
        self._update()
        self.changed.emit(percent)
        bar.showMessage(f"显示比例 {percent}%" + ("" if percent == DEFAULT
                                                 else "（Ctrl+Alt+0 恢复 100%）"), 3000)

    def _update(self) -> None:
        if self.actions:
            self.actions["in"].setEnabled(self.percent < STEPS[-1])
            self.actions["out"].setEnabled(self.percent > STEPS[0])
            self.actions["reset"].setEnabled(self.percent != DEFAULT)
        if self._steps_menu is not None:
            self._steps_menu.setTitle(menu_text(f"显示比例（{self.percent}%）", letter="Z"))  # Word's Z
        if self.button is not None:
            self.button.setText(f"显示比例 {self.percent}%")

    # ------------------------------------------------------------ after the first paint
    def install(self) -> None:
        """The status bar's 显示比例 and the Ctrl+wheel (set up once the window has painted)."""
        from .qt import QEvent, Qt, QToolButton
        self._wheel_event, self._ctrl = QEvent.Type.Wheel, Qt.KeyboardModifier.ControlModifier
        if self.button is None:
            self.button = QToolButton(self.window)
            self.button.setObjectName("zoomButton")
            self.button.setAutoRaise(True)
            # no Tab stop: built after the paint, it came in the Tab order between the tab bar
            # and the tabs built later (the keys have 视图 → 显示比例)
            self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.button.setToolTip(TIP)
            self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.button.setMenu(self._steps_menu)
            self.window.statusBar().addPermanentWidget(self.button)
            self._update()
        handle = self.window.windowHandle()
        if handle is not None and handle is not self._handle:
            self._handle = handle
            handle.installEventFilter(self)
        # a dock floated off the window (the 问题清单 dragged out) is a window of its own, its
        # wheel events never pass the main window's: watched as it floats, each time (docked
        # back, its window is gone; floated again, it has a new one)
        from .qt import QDockWidget
        for dock in self.window.findChildren(QDockWidget):
            if not dock.property("zoomWatched"):
                dock.setProperty("zoomWatched", True)
                dock.topLevelChanged.connect(lambda _floating, d=dock: self._watch(d))
            self._watch(dock)

    def _watch(self, dock) -> None:
        handle = dock.windowHandle() if dock.isFloating() else None
        if handle is not None:
            handle.installEventFilter(self)   # installed once: Qt drops an earlier same filter

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        """Ctrl+wheel on the window zooms (before the widget under the mouse sees it): a notch
        a step, up larger as in Excel; a touchpad's small turns add up to a notch."""
        if event.type() != self._wheel_event or not event.modifiers() & self._ctrl:
            return False
        delta = event.angleDelta().y() or event.angleDelta().x()
        if delta and (delta > 0) != (self._wheel > 0) and self._wheel:
            self._wheel = 0               # turned the other way: start again
        self._wheel += delta
        notches = int(self._wheel / WHEEL_NOTCH)
        if notches:
            self._wheel -= notches * WHEEL_NOTCH
            self.step(notches)
        event.accept()
        return True
