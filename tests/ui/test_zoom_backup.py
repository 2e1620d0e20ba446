"""备份与恢复 at a large 显示比例 (ui.zoom) on a 1366×768 screen: at 200 % the dialog kept its
100 % size, its detail pane showed 1½ lines — the heading cut, no project's 总分 in sight. It is
sized with the zoom now, within the screen, the pane a few whole lines tall, its buttons on it."""
from __future__ import annotations

import pytest

from selfeval_desktop.db import snapshots
from selfeval_desktop.ui import backup_dialog, zoom
from selfeval_desktop.ui.backup_dialog import BackupDialog
from selfeval_desktop.ui.qt import QPushButton, QRect

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
FREE = QRect(0, 0, 1366, 728)      # a 1366×768 screen less the taskbar
SCALED = QRect(0, 0, 910, 485)     # the same at Windows' 150 % scaling


@pytest.fixture(autouse=True)
def _back_to_100():
    """The application's font is the process's: every test ends at 100 %, as the others expect."""
    yield
    zoom.apply_font(zoom.DEFAULT)


class _Screen:
    free = FREE

    def availableGeometry(self):  # noqa: N802 - as QScreen's
        return QRect(self.free)


@pytest.fixture
def window(qtbot, tmp_path, backup_store, monkeypatch):
    path = make_file(tmp_path)
    snapshots.take(path, backup_store, path, "open")
    window = make_window(qtbot, tmp_path, path)
    monkeypatch.setattr(window, "screen", lambda: _Screen())
    return window


def opened(qtbot, window) -> BackupDialog:
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.selected() is not None
    return dialog


def assert_fits(dialog) -> None:
    """Within the screen's free room, every button inside the dialog, the detail pane
    ``DETAIL_LINES`` whole lines tall, the first project's 总分 among them."""
    assert dialog.width() <= FREE.width() and dialog.height() <= FREE.height()
    assert dialog.minimumSizeHint().height() <= dialog.height()       # nothing squeezed out
    for button in dialog.findChildren(QPushButton):
        if button.isVisible():
            corner = button.mapTo(dialog, button.rect().topLeft())
            assert dialog.rect().contains(QRect(corner, button.size())), button.text()
    details = dialog.details
    line = details.fontMetrics().lineSpacing()
    room = details.viewport().height() - 2 * details.document().documentMargin()
    assert room >= backup_dialog.DETAIL_LINES * line, (room, line)
    cursor = details.textCursor()
    cursor.setPosition(details.toPlainText().index("总分") + 2)
    assert details.cursorRect(cursor).bottom() < details.viewport().height()


@pytest.mark.parametrize("percent", [150, 200])
def test_the_detail_pane_shows_whole_lines_and_a_score(qtbot, window, percent):
    window.zoom.set_percent(percent)
    dialog = opened(qtbot, window)
    assert dialog.width() >= min(zoom.px(backup_dialog.WIDTH), FREE.width() - 40)
    assert_fits(dialog)


def test_a_zoom_changed_while_it_is_open_sizes_it_again(qtbot, window):
    dialog = opened(qtbot, window)
    assert dialog.width() == backup_dialog.WIDTH
    zoom.apply_font(200)
    qtbot.wait(20)
    assert dialog.width() == FREE.width() - 40
    assert_fits(dialog)


def test_at_150_percent_scaling_too_a_long_path_leaves_the_buttons_on_the_screen(
        qtbot, window, monkeypatch):
    """The file's box was as wide as its path: at 200 % the dialog could be no narrower than 1100–1300 px, on
    a screen of 910, 关闭 and 打开备份文件夹 off its right edge."""
    monkeypatch.setattr(_Screen, "free", SCALED)
    window.zoom.set_percent(200)
    dialog = opened(qtbot, window)
    assert "当前打开" in dialog.files.currentText()
    assert dialog.minimumSizeHint().width() <= SCALED.width() - 40
    assert dialog.width() <= SCALED.width() and dialog.height() <= SCALED.height()
    right = max(b.mapTo(dialog, b.rect().topRight()).x()
                for b in dialog.findChildren(QPushButton) if b.isVisible())
    assert right < dialog.width()
