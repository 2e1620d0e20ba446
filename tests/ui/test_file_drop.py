"""A file dragged from the desktop onto the window opens in it (as in Excel/WPS); over a text box
the box used to take the file as text, its path typed into 项目名称."""
from __future__ import annotations

from pathlib import Path

import pytest

from selfeval_desktop.domain.model import Document, Project, Unit
from selfeval_desktop.ui import file_actions
from selfeval_desktop.ui.qt import (QApplication, QDragEnterEvent, QDropEvent, QMimeData,
                                    QPointF, Qt, QUrl)

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window, show_tab
from tests.ui.ui_fixtures import make_file, reread

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
COPY = Qt.DropAction.CopyAction


@pytest.fixture
def window(qtbot, tmp_path, path):
    window = make_window(qtbot, tmp_path, path)
    qtbot.waitUntil(lambda: getattr(window, "file_drops", None) is not None, timeout=3000)
    return window


def other_file(tmp_path) -> Path:
    folder = tmp_path / "收到的"
    folder.mkdir()
    doc = Document(unit=Unit(name="某县科协"), year=2021, projects=[Project(name="学术交流活动经费")])
    return make_file(folder, doc)


def files(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    mime.setText("\n".join(QUrl.fromLocalFile(str(p)).toString() for p in paths))  # as UOS's file manager
    return mime


def drop(widget, mime) -> bool:
    """Drag ``mime`` over ``widget`` and let go, as the file manager does; whether it was taken."""
    at = widget.rect().center()
    enter = QDragEnterEvent(at, COPY, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    let_go = QDropEvent(QPointF(at), COPY, mime, Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, let_go)
    return let_go.isAccepted()


def test_a_file_dropped_on_a_text_box_opens_and_the_box_is_untouched(qtbot, window, tmp_path, path):
    name = show_tab(window, "overview").edits["name"]
    before = name.text()
    other = other_file(tmp_path)
    assert drop(name, files(other))
    qtbot.waitUntil(lambda: Path(window.session.path) == other, timeout=3000)
    assert window.page.header.unit.text() == "某县科协"
    assert window.file_actions.recent_files()[0] == str(other)
    assert reread(path).projects[0].name == before              # no path typed into 项目名称


def test_a_file_dropped_on_the_project_list_opens(qtbot, window, tmp_path):
    other = other_file(tmp_path)
    assert drop(window.page.projects.view.viewport(), files(other))
    qtbot.waitUntil(lambda: Path(window.session.path) == other, timeout=3000)


def test_a_text_dragged_onto_a_box_is_still_the_boxs(qtbot, window):
    name = show_tab(window, "overview").edits["name"]
    mime = QMimeData()
    mime.setText("科技创新")
    enter = QDragEnterEvent(name.rect().center(), COPY, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    assert not window.file_drops.eventFilter(name, enter)      # left to the box


def test_two_files_are_refused_with_where_to_summarise(qtbot, window, tmp_path, path):
    """Refused as the drag enters (the no-drop cursor; it was taken, then refused),
    the reason in the status bar while it is held there."""
    other = other_file(tmp_path)
    assert not drop(window.page.header.unit, files(other, path))
    assert "汇总多个自评文件" in window.statusBar().currentMessage()
    assert Path(window.session.path) == Path(path)


def test_a_folder_is_refused_with_a_word(qtbot, window, tmp_path, path):
    assert not drop(window.page.header.unit, files(tmp_path))
    assert "是文件夹" in window.statusBar().currentMessage()
    assert Path(window.session.path) == Path(path)


def test_a_file_on_a_network_share_is_not_typed_into_a_box(qtbot, window, path):
    """UOS/Kylin's file manager drags a file on a share as smb://…, which is no
    local file: the box took it, and the link was typed into 地址 and saved."""
    address = show_tab(window, "overview").edits["address"]
    before = address.text()
    mime = QMimeData()
    link = QUrl("smb://server/共享/2021自评.sqlite")
    mime.setUrls([link])
    mime.setText(link.toString())
    assert not drop(address, mime)
    assert address.text() == before and reread(path).projects[0].address == before
    assert "“2021自评.sqlite”不在这台电脑上（网络共享）：请先把文件保存到电脑上" in \
        window.statusBar().currentMessage()


def test_a_drop_is_taken_as_a_copy_never_a_move(qtbot, window, tmp_path):
    """The drop accepted the action proposed, a move (Shift held, or the file
    manager's choice), which a file manager honours by deleting the clerk's file."""
    other = other_file(tmp_path)
    target = window.page.projects.view.viewport()
    at = target.rect().center()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    shift = Qt.KeyboardModifier.ShiftModifier
    mime = files(other)          # (kept: the events hold it without owning it)
    enter = QDragEnterEvent(at, actions, mime, Qt.MouseButton.LeftButton, shift)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted() and enter.dropAction() == COPY
    let_go = QDropEvent(QPointF(at), actions, mime, Qt.MouseButton.NoButton, shift)
    assert let_go.proposedAction() == Qt.DropAction.MoveAction
    QApplication.sendEvent(target, let_go)
    assert let_go.isAccepted() and let_go.dropAction() == COPY
    qtbot.waitUntil(lambda: Path(window.session.path) == other, timeout=3000)
    assert other.exists()


def test_a_workbook_is_offered_to_import(qtbot, window, tmp_path, path, monkeypatch):
    asked = []
    monkeypatch.setattr(file_actions, "ask_import_instead", lambda _w, name: asked.append(name))
    book = tmp_path / "自评表.xlsx"
    book.write_bytes(b"PK\x03\x04 not really")
    assert drop(window.page.header.unit, files(book))
    qtbot.waitUntil(lambda: asked == ["自评表.xlsx"], timeout=3000)
    assert Path(window.session.path) == Path(path)                # 取消: nothing else happened


def test_a_word_report_is_refused_as_one_not_offered_to_import(qtbot, window, tmp_path, path,
                                                               monkeypatch):
    """A .docx (a ZIP, like an .xlsx) was “Excel 工作簿”, offered to 导入Excel,
    then “已损坏（InvalidFileException）”."""
    import zipfile
    from selfeval_desktop.ui import qt
    asked, warned = [], []
    monkeypatch.setattr(file_actions, "ask_import_instead", lambda _w, name: asked.append(name))
    monkeypatch.setattr(qt.QMessageBox, "warning",
                        staticmethod(lambda _p, title, text, *a: warned.append(text)))
    report = tmp_path / "2021年度自评报告.docx"
    with zipfile.ZipFile(report, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    assert drop(window.page.header.unit, files(report))
    qtbot.waitUntil(lambda: bool(warned), timeout=3000)
    assert asked == []
    assert "“2021年度自评报告.docx”是 Word 文档，不是自评文件" in warned[0]
    assert "复制到 Excel" in warned[0]
    assert Path(window.session.path) == Path(path)
