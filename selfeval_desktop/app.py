"""Start the window: ``selfeval-desktop [FILE]`` or ``selfeval-desktop --demo``.

Without a file the last one reopens (QSettings); without a last one a welcome page offers 新建 and
打开. High-DPI: Qt's scale factor follows the screen's exactly (PassThrough), so 125 % and 150 %
Windows settings show text at the size the user chose, and the window's minimum size still fits a
1366×768 screen at 100 %.

``SELFEVAL_STARTUP_PROBE=1`` (bench/bench_startup.py) prints ``shown <epoch seconds> <rss kB>``
once the window has painted and the event loop is idle, then ``settled <epoch seconds> <rss kB>``
once the work left for after the first paint (the 问题清单's first run) is done, and quits.
"""
from __future__ import annotations

import gc
import os
from pathlib import Path
import sys
import time

ORG = "selfeval-desktop"
APP = "selfeval-desktop"
DISPLAY_NAME = "绩效自评助手"


def parse_args(argv: list[str]):
    if not any(a.startswith("-") and a != "--demo" for a in argv) and len(argv) <= 1:
        # the usual calls (nothing, a file, --demo) without importing argparse at every start
        demo = argv == ["--demo"]
        from types import SimpleNamespace
        return SimpleNamespace(file=None if demo or not argv else argv[0], demo=demo)
    from .argparse_zh import ChineseParser  # errors in Chinese, one line, exit 2
    parser = ChineseParser(prog="selfeval-desktop",
                           description="打开绩效自评助手窗口 (open the window)")
    parser.add_argument("file", nargs="?", metavar="文件FILE", help="要打开的自评文件")
    parser.add_argument("--demo", action="store_true", help="在演示文件上打开窗口")
    return parser.parse_args(argv)


def rss_kb() -> int:
    """Resident memory of this process in kB (0 where it cannot be read)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:  # pragma: no cover - other systems
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except Exception:  # pragma: no cover
        return 0


def make_application():
    from .ui.qt import QApplication, QGuiApplication, Qt
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0] if sys.argv else APP])
    from .ui.light_theme import keep_light
    keep_light(app)             # light cells on a dark desktop too, as Excel and the forms are
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationDisplayName(DISPLAY_NAME)
    return app


def open_initial(window, args) -> bool:
    """Open what the command line (or the last session) asks for; False leaves the welcome page."""
    opened = _open_initial(window, args)
    if not opened and window.session is None:
        window.stack.setCurrentWidget(window.welcome)
    return opened


def _open_initial(window, args) -> bool:
    actions = window.file_actions
    if args.demo:
        return actions.open_demo()
    if args.file:
        path = Path(args.file)
        if not path.exists():
            from .ui.qt import QMessageBox
            from .ui.translations import install_qt_translations
            install_qt_translations()      # before the first paint: 确定, not OK
            QMessageBox.warning(window, "无法打开", f"找不到文件“{path}”")
            return False
        return actions.open_path(path)
    last = window.settings.value("lastFile")
    if last and Path(last).exists():
        return actions.open_path(last)
    if last:
        return _last_file_missing(window, Path(last))
    return False


def _last_file_missing(window, path: Path) -> bool:
    """The last file is not there (a U盘 not plugged in, a folder renamed): said, with 重试 —
    before, the welcome page came up without a word and the clerk thought the work was gone."""
    from .ui.qt import QMessageBox
    from .ui.translations import install_qt_translations
    install_qt_translations()
    while not path.exists():
        box = QMessageBox(QMessageBox.Icon.Warning, "找不到上次的文件",
                          f"上次打开的文件“{path.name}”现在找不到。\n位置：{path.parent}\n\n"
                          "如果文件在 U 盘或网络盘上，请接好后点“重试”；也可以用“文件 → 打开”另选文件。",
                          QMessageBox.StandardButton.NoButton, window)
        retry = box.addButton("重试", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not retry:
            return False
    return window.file_actions.open_path(path)


def _install_probe(app, window) -> None:
    from .ui.qt import QEvent, QObject, QTimer

    class Probe(QObject):
        done = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, self.report)
            return False

        def report(self):
            print(f"shown {time.time():.6f} {rss_kb()}", flush=True)
            self.wait()

        def wait(self):  # then the work deferred past the first paint (问题清单 …)
            if window.settled():
                print(f"settled {time.time():.6f} {rss_kb()}", flush=True)
                app.quit()
            else:
                QTimer.singleShot(1, self.wait)

    probe = Probe(window)
    window.installEventFilter(probe)


def show_window(window, args) -> None:
    """--demo fills the screen (a 1366×768 office screen shows the whole window); otherwise the
    size remembered from last time (or the default) is kept."""
    if args.demo:
        screen = window.screen()
        if screen is not None:    # without a window manager, "maximized" alone does nothing
            window.setGeometry(screen.availableGeometry())
        window.showMaximized()
    else:
        window.show()


def _end_session(app, window) -> None:
    from .ui import end_session
    end_session.install(app, window)


GC_PAUSE_MS = 5000   # the cyclic garbage collector is back after this long whatever happens


def resume_gc(window) -> None:
    """Garbage collection back on right after the window's first paint (or after GC_PAUSE_MS: a
    window never shown, a box kept open). From PySide6's import on, the start makes some 30 000
    objects that all live on — modules, classes, widgets, the document — and the collector went
    through them some 30 times for nothing (~5 ms) before the first paint."""
    from .ui.qt import QTimer
    window.after_paint(gc.enable)
    QTimer.singleShot(GC_PAUSE_MS, gc.enable)


def run_gui(argv: list[str]) -> int:
    args = parse_args(argv)
    app = make_application()
    gc.disable()                # until the first paint: resume_gc
    from .ui.errors import install_excepthook
    from .ui.main_window import MainWindow
    install_excepthook()        # an error in any slot: a Chinese box and a log, never silence
    window = MainWindow()
    resume_gc(window)
    open_initial(window, args)
    # logout / shutdown: typing written, lock released (set up after the first paint: a quicker
    # start; nothing can have been typed before it)
    window.after_paint(lambda: _end_session(app, window))
    if os.environ.get("SELFEVAL_STARTUP_PROBE"):
        _install_probe(app, window)
    show_window(window, args)
    code = app.exec()
    window.close_document()  # the app quit without closing the window: release the file anyway
    return code
