"""The main window: header, project list, the four tabs (or the 部门整体 page), 问题清单 dock.

One window shows one document (a :class:`DocumentSession`); without one it shows a welcome page
with 新建 / 打开 / 演示 and the recent files. Geometry, dock and splitter state are kept in QSettings.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from .checks_panel import ChecksPanel
from .file_actions import FileActions
from .keyboard_nav import install_tab_keys
from .document_page import CHECKS_SLICE_MS, DocumentPage, _list_from_top
from .translations import install_qt_translations
from .welcome_page import APP_TITLE, WelcomePage
from .zoom import Zoom, factor as zoom_factor
from .window_size import FRAME, MIN_WIDTH, SHORT_WINDOW, checks_height, first_size, minimum_size
from . import window_place
from .save_status import SaveStatus
from .qt import QLabel, QMainWindow, QSettings, QStackedWidget, QTimer, Qt

LIST_WIDTH_KEY = "window/listWidth"   # the list's width as kept, in px at 100 % (ui.zoom)


class MainWindow(QMainWindow, SaveStatus):
    def __init__(self, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or QSettings()
        self.zoom = Zoom(self)    # a remembered 显示比例 applied before any widget is built
        self.zoom.changed.connect(self._zoomed)
        self.session = None
        self.lock = None
        self.follower = None    # follows the file's changes when it is open read-only
        self._splitter_follows = False   # the list's width follows the window's (never set)
        self._list_base: float | None = None   # the list's width set by the user, at 100 %
        self.page: DocumentPage | None = None
        self.quiet_failures: list | None = None   # write failures while closing (close_guard)
        self._failure_shown: str | None = None
        self._failed_since = False   # a write failed; red fields may still be on screen
        self._painted = False
        self._follows_screen = False
        self._after_paint: list = []
        self.setWindowTitle(APP_TITLE)
        self.fit_to_screen()
        self.file_actions = FileActions(self)
        self._welcome: WelcomePage | None = None  # built when first shown (not when a file opens)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)

        self.checks = ChecksPanel(self)
        self.checks.findingActivated.connect(self.go_to)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.checks)
        self._build_menus()

        # a long status message cut off at the 已保存 label reads whole on hover
        bar = self.statusBar()
        bar.messageChanged.connect(lambda text: bar.setToolTip(text))
        self.saved_label = QLabel("", self)
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)
        screen = self.screen()
        free = screen.availableGeometry() if screen is not None else None
        self.resize(*first_size(free.width() if free else None, free.height() if free else None))
        self._restore_geometry()
        self._show_document_state(welcome=False)
        self.after_paint(self.zoom.install)   # its status bar figure and Ctrl+wheel
        self.after_paint(install_qt_translations)   # 是/否, 复制/粘贴 … in Chinese, after the first paint
        self.after_paint(self._accept_file_drops)

    def _accept_file_drops(self) -> None:
        from .file_drop import accept_file_drops
        self.file_drops = accept_file_drops(self)   # a file dragged onto the window opens

    @property
    def welcome(self) -> WelcomePage:
        """The page shown without a document (built on first use)."""
        if self._welcome is None:
            self._welcome = WelcomePage(self)
            self.stack.addWidget(self._welcome)
        return self._welcome

    # ------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        from .menus import build_menus
        build_menus(self)

    def _update_project_actions(self) -> None:
        from .menus import update_project_actions
        update_project_actions(self)

    def undo(self) -> None:
        self.undo_actions.undo()

    def redo(self) -> None:
        self.undo_actions.redo()

    def _update_undo_actions(self) -> None:
        self.undo_actions.update()

    # ------------------------------------------------------------ the document
    def set_session(self, session, lock=None) -> bool:
        """Show ``session`` (the previous document is closed and its lock released). False when
        the previous one stays open (unsaved work, 取消): ``session`` is closed, its lock released."""
        if not self.close_document():
            session.opened.close()
            if lock is not None:
                lock.release()
            return False
        self.session, self.lock = session, lock
        session.setParent(self)
        self.page = DocumentPage(session, self)
        install_tab_keys(self.page)   # Ctrl+PgUp/PgDn, Alt+1…4: tabs from anywhere
        self.stack.addWidget(self.page)
        self.stack.setCurrentWidget(self.page)
        self._restore_splitter()
        self._restore_place()
        # the keys start in the project list (not on the 问题清单's 只看当前项目 tick box, where
        # typing does nothing)
        self.page.projects.view.setFocus()
        # the place is remembered as it changes, not only on closing (so that after a crash the
        # file reopens on the same project and tab)
        self.page.projectShown.connect(lambda _pid: self.remember_place())
        self.page.tabs.currentChanged.connect(lambda _i: self.remember_place())
        self.page.departmentPageChanged.connect(lambda _i: self.remember_place())
        session.saved.connect(self._saved)
        self.saved_label.setText("只读，不能修改" if session.readonly else "每次修改自动保存")
        session.writeFailed.connect(self._write_failed)
        session.reconnected.connect(self._relock)
        self.undo_actions.set_session(session)
        self.checks.set_session(session, refresh=False)  # checked once the window has painted
        self.checks.set_current(self.page.pid)
        self.page.projectShown.connect(self.checks.set_current)
        self.page.projectShown.connect(lambda _pid: self._update_project_actions())
        self._update_project_actions()     # the menu's shortcuts follow the selected row
        if session.readonly:
            from .file_watch import ReadOnlyFollower
            self.follower = ReadOnlyFollower(self, session)
        else:
            self.follower = None
        self._show_document_state()
        self.after_paint(lambda: self.session is session
                         and self.checks.refresh(budget_ms=CHECKS_SLICE_MS))
        # 备份与恢复: a snapshot soon after the first paint, then while edited (ui.backups)
        self.after_paint(lambda: self.session is session and
                         importlib.import_module(f"{__package__}.backups").watch(self, session))
        return True

    def after_paint(self, work) -> None:
        """Run ``work`` in the event loop once the window has painted (at once if it has).

        What the first view does not need (the 问题清单's first run, ...) waits here, so the window
        shows its document sooner; it runs in the loop turn right after the first paint."""
        if self._painted:
            QTimer.singleShot(0, work)
        else:
            self._after_paint.append(work)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._run_after_paint)

    def settled(self) -> bool:
        """Painted, and the work left for after the first paint is done (问题清单 filled)."""
        return self._painted and not self._after_paint and not self.checks.pending()

    def _run_after_paint(self) -> None:
        work, self._after_paint = self._after_paint, []
        for job in work:
            job()

    def reopen_editable(self) -> bool:
        """改为可编辑: the read-only file again, now with the lock, on the same project."""
        if self.session is None or not self.session.readonly:
            return False
        path, pid = self.session.path, self.page.pid
        if not self.close_document():
            return False
        if not self.file_actions.open_path(path):
            return False
        if pid is not None and self.page is not None:
            self.page.projects.select_pid(pid)
        self.statusBar().showMessage("已改为可编辑", 5000)
        return True

    def close_document(self, ask: bool = True) -> bool:
        """Close the document; when work on screen is not in the file, ask first (close_guard).
        False: the clerk chose 取消, the document stays open."""
        self.remember_place()
        if self.session is None:   # nothing open (the first file opening): close_guard and its
            return True            # box are not loaded before the window has painted
        from . import close_guard
        return close_guard.close_document(self, ask)

    def _show_document_state(self, welcome: bool = True) -> None:
        session = self.session
        # what was said about the file before is not about this one (“已新增 2 个项目…” must
        # not stay in the status bar after another file is opened)
        self.statusBar().clearMessage()
        if session is None:
            self.setWindowTitle(APP_TITLE)
            if welcome:
                self.stack.setCurrentWidget(self.welcome)
                self.welcome.refresh()
            self.checks.hide()
        else:
            path = Path(session.path)
            suffix = "（只读）" if session.readonly else ""
            # the folder too: 2024 and 2025 files of one name are told apart; a
            # backup shown says so (ui.backup_actions)
            title = getattr(session, "title", None) or f"{path.name}{suffix} — {path.parent}"
            self.setWindowTitle(f"{title} — {APP_TITLE}")
            self.checks.show()
        self.file_actions.update_enabled()
        self.finalize_actions.update_enabled()
        self._update_undo_actions()

    def go_to(self, place) -> bool:
        return self.page.focus_place(place) if self.page is not None else False

    # ------------------------------------------------------------ settings
    def fit_to_screen(self) -> None:
        """The minimum size within the screen: 1366×768 at 150 % (Windows' default on many
        laptops) leaves about 910×480, and a 1000×600 minimum pushed the status bar and the
        问题清单 off it with no way to see them."""
        screen = self.screen()
        free = screen.availableGeometry() if screen is not None else None
        self.setMinimumSize(*minimum_size(free.width() if free else None,
                                          free.height() if free else None))

    def keep_within_screen(self) -> None:
        """A size remembered on a larger screen (or at a lower scale) brought back within this
        one, as a first window would be."""
        screen = self.screen()
        free = screen.availableGeometry() if screen is not None else None
        if free is not None and not self.isMaximized() and not self.isFullScreen() and \
                (self.width() > free.width() or self.height() > free.height() - FRAME):
            self.resize(*first_size(free.width(), free.height()))
            self.move(free.topLeft())

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            self.keep_within_screen()
        state = self.settings.value("window/state")
        self._state_restored = state is not None and self.restoreState(state)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.fit_to_screen()
        if not self._follows_screen:   # dragged to another monitor: followed from the first paint
            self._follows_screen = True    # (PySide6 sets up QWindow's enums on first access)
            self.after_paint(self._follow_screen)
        if self.session is None and self._welcome is None:
            self.stack.setCurrentWidget(self.welcome)
        super().showEvent(event)
        if not self._state_restored:  # first start: a short 问题清单 leaves room for the grids
            self._state_restored = True
            self.resizeDocks([self.checks], [checks_height(self.height(), zoom_factor())],
                             Qt.Orientation.Vertical)

    def _follow_screen(self) -> None:
        handle = self.windowHandle()
        if handle is None:
            self._follows_screen = False    # tried again when next shown
            return
        handle.screenChanged.connect(lambda _screen: self.fit_to_screen())

    def _restore_splitter(self) -> None:
        state = self.settings.value("window/splitter")
        if self.page is None:
            return
        # never set by the user: follows the window's width (resizeEvent) until the user moves it
        self._splitter_follows = state is None
        self._list_base = None
        if state is not None:
            self.page.splitter.restoreState(state)
            # as many characters wide as it was: kept at 100 % and reopened at 200 %, the names
            # read “…”. A state kept before the width was: measured once shown
            # (an unshown splitter does not tell the sizes it was given), as kept at 100 %.
            try:
                self._list_base = float(self.settings.value(LIST_WIDTH_KEY))
            except (TypeError, ValueError):
                page = self.page
                self.after_paint(lambda: self.page is page and self._kept_at_100())
                return
            self._scale_splitter()         # at once, and again in the window's final width
            page = self.page
            self.after_paint(lambda: self.page is page and self._scale_splitter())
        else:
            self._fit_splitter()
        self.page.splitter.splitterMoved.connect(self._splitter_moved)

    def _kept_at_100(self) -> None:
        self._list_base = float(self.page.splitter.sizes()[0])
        self._scale_splitter()

    def _splitter_moved(self, *_args) -> None:
        self._splitter_follows = False
        if self.page is not None:
            self._list_base = self.page.splitter.sizes()[0] / zoom_factor()

    def _fit_splitter(self) -> None:
        """A fifth of the window for the project list, 290 px at most, its minimum on small
        screens (at 1024 a list of 290 px put 达成情况 off-screen); at a
        显示比例 of 150 % (ui.zoom) half as much again, a third of the window at most (the names
        in larger type read “科技创新…” three times over)."""
        if self.page is None or not self._splitter_follows:
            return
        width, zoom = max(self.width(), MIN_WIDTH), zoom_factor()
        listed = max(self.page.projects.minimumWidth(),
                     min(round(290 * zoom), round(width * zoom) // 5, width // 3))
        self.page.splitter.setSizes([listed, width - listed])

    def _scale_splitter(self) -> None:
        """A list whose width the user set (or a width remembered): as many characters wide at
        this 显示比例 as at the one it was set at — a third of the window at most where it
        grows (else at 200 % the list kept its 262 px, and the names showed as “高…”, then
        “…”). Back at that 显示比例 it is the width the user chose."""
        if self.page is None or self._splitter_follows or self._list_base is None:
            return
        splitter = self.page.splitter
        sizes = splitter.sizes()
        total = sum(sizes) if splitter.isVisible() and sum(sizes) else max(self.width(), MIN_WIDTH)
        wanted = round(self._list_base * zoom_factor())
        wanted = min(wanted, max(total // 3, round(self._list_base)))
        wanted = max(wanted, self.page.projects.minimumWidth())
        splitter.setSizes([wanted, total - wanted])

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_splitter()
        self._fit_checks()

    def _zoomed(self, _percent: int) -> None:
        """A new 显示比例 (ui.zoom): the list as wide and the 问题清单 as tall as a window of
        that many lines gives them; a list the user made wider or narrower keeps its share."""
        self._fit_splitter()
        self._scale_splitter()
        self._fit_checks()
        QTimer.singleShot(0, self._checks_whole_lines)   # once laid out in the new size

    def _checks_whole_lines(self) -> None:
        """At a 显示比例 over 100 % the 问题清单 as tall as whole lines, three at least."""
        checks = self.checks
        if zoom_factor() <= 1 or not checks.isVisible() or checks.isFloating() or \
                checks.list.isHidden():
            return
        self.resizeDocks([checks], [checks.whole_lines_height()], Qt.Orientation.Vertical)

    def _fit_checks(self) -> None:
        """On a short window the 问题清单 gives the grids their room back (at 910×480 it kept as
        much height as the editor, and 绩效指标 showed three rows)."""
        checks = self.checks
        if self.height() / zoom_factor() >= SHORT_WINDOW or not checks.isVisible() or \
                checks.isFloating():
            return
        limit = checks_height(self.height(), zoom_factor())
        if zoom_factor() > 1 and not checks.list.isHidden():   # three whole lines
            limit = max(limit, checks.whole_lines_height())
        if checks.height() > limit + 20:    # after this resize is laid out (ignored inside it)
            QTimer.singleShot(0, lambda: self.resizeDocks([checks], [limit],
                                                          Qt.Orientation.Vertical))

    def _save_splitter(self) -> None:
        if self.page is not None:
            self.settings.setValue("window/splitter", self.page.splitter.saveState())
            if self._list_base is not None or self._splitter_follows:
                self.settings.setValue(LIST_WIDTH_KEY, round(
                    self.page.splitter.sizes()[0] / zoom_factor(), 1))

    def _place_key(self) -> str:
        return window_place.key(self.session.path)

    def remember_place(self) -> None:
        # not for a backup viewed: its temporary copy is gone on closing, and its key with it
        # never read again (else one settings entry more per backup viewed)
        if self.session is not None and self.page is not None and \
                getattr(self.session, "backup_of", None) is None:
            window_place.remember(self.settings, self.session.path, self.page)

    def _restore_place(self) -> None:
        window_place.restore(self.settings, self.session, self.page)
        page = self.page
        self.after_paint(lambda: self.page is page and _list_from_top(page.projects.view))

    def save_settings(self) -> None:
        self.remember_place()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self._save_splitter()
        self.settings.sync()

    busy = ""        # a long operation under way (ui.busy.Working): what it is
    close_when_done = False   # ✕ was clicked during it

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.busy:    # not halfway through an export: closed once it is done
            self.close_when_done = True
            self.statusBar().showMessage(f"正在{self.busy}，完成后将关闭窗口", 5000)
            event.ignore()
            return
        self.save_settings()
        if not self.close_document():     # unsaved work and 取消: the window stays
            event.ignore()
            return
        super().closeEvent(event)
