"""A quicker start must not change what the window shows: the tab in view is built with the
document's data; the other tabs, the 部门整体 page and the 问题清单 follow on first use or right
after the first paint, with the same content as if they had been built at once."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui import file_actions
from selfeval_desktop.ui.document_page import TAB_KEYS
from selfeval_desktop.ui.qt import Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, after_first_paint, make_window
from tests.ui.ui_fixtures import make_file, with_department

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_the_checks_list_fills_right_after_the_first_paint(qtbot, tmp_path):
    doc = with_department()
    doc.projects[1].name = ""  # a finding: 未填写项目名称
    window = make_window(qtbot, tmp_path, make_file(tmp_path, doc), show=False)
    assert window.checks.session is window.session
    window.checks.only_current.setChecked(False)
    window.show()
    qtbot.waitUntil(lambda: any("未填写项目名称" in window.checks.list.item(i).text()
                                for i in range(window.checks.list.count())), timeout=2000)
    assert "错误" in window.checks.summary.text() or "提醒" in window.checks.summary.text()


def test_a_document_opened_later_is_checked_too(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)  # the welcome page, painted
    doc = with_department()
    doc.projects[1].name = ""
    assert window.file_actions.open_path(make_file(tmp_path, doc))
    window.checks.only_current.setChecked(False)
    qtbot.waitUntil(lambda: any("未填写项目名称" in f.message for f in window.checks.findings),
                    timeout=2000)


def test_only_the_tab_in_view_is_built_at_first(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, make_file(tmp_path), show=False)
    page = window.page
    assert list(page.tab_widgets.built) == ["overview"]
    assert page._department is None
    name = page.tab_widgets.built["overview"].edits["name"]
    assert name.text() == "科技创新服务项目"


@pytest.mark.parametrize("key", TAB_KEYS[1:])
def test_a_tab_shown_later_has_the_current_project(qtbot, tmp_path, key):
    window = make_window(qtbot, tmp_path, make_file(tmp_path))
    page = window.page
    index = TAB_KEYS.index(key)
    page.tabs.setCurrentIndex(index)  # as a click on the tab does
    tab = page.tab_widgets.built[key]
    assert page.tabs.currentWidget() is tab and page.tabs.widget(index) is tab
    assert page.tabs.tabText(index) and page.tabs.count() == len(TAB_KEYS)
    assert tab.pid == page.pid
    assert page.current_tab() is tab


def test_tabs_built_later_follow_the_selected_project(qtbot, tmp_path):
    doc = with_department()
    from copy import deepcopy
    second = deepcopy(doc.projects[1])
    second.name = "第二个项目"
    doc.projects.append(second)
    window = make_window(qtbot, tmp_path, make_file(tmp_path, doc))
    page = window.page
    ids = [p.id for p in window.session.document.projects]
    page.projects.select_pid(ids[2])
    budget = page.tab_widgets["budget"]  # asked for by key: built on the spot
    assert budget.pid == ids[2]
    page.projects.select_pid(ids[1])
    assert budget.pid == ids[1] == page.tab_widgets["overview"].pid
    page.projects.select_pid(ids[0])  # the department: its page is built when first shown
    assert page._department is not None and page.right.currentWidget() is page.department
    assert page.department.pid == ids[0]
    assert budget.pid == ids[1]  # the project tabs keep the last project


def test_score_and_grade_columns_fit_their_widest_texts(qtbot, tmp_path):
    """The project list sizes these columns without asking every row (no ResizeToContents)."""
    from selfeval_desktop.ui.project_list import COL_GRADE, COL_SCORE
    from selfeval_desktop.ui.qt import QFont, QFontMetrics
    window = make_window(qtbot, tmp_path, make_file(tmp_path))
    view = window.page.projects.view
    bold = QFont(view.font())
    bold.setBold(True)
    for text in ("100.00", "99.86"):
        assert view.fontMetrics().horizontalAdvance(text) < view.columnWidth(COL_SCORE)
    for grade in ("优", "良", "中", "一般", "差"):
        assert QFontMetrics(bold).horizontalAdvance(grade) < view.columnWidth(COL_GRADE)


def test_the_welcome_page_is_built_only_when_there_is_no_document(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, make_file(tmp_path))
    assert window._welcome is None and window.stack.currentWidget() is window.page
    window.close_document()
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.recent.count() >= 1  # the file just closed is listed
    empty = make_window(qtbot, tmp_path)  # no document: the welcome page is what shows
    assert empty.stack.currentWidget() is empty.welcome and empty.welcome.isVisible()


def test_the_checks_are_not_imported_to_show_the_window():
    """domain.checks (and its statistics) loads at the 问题清单's first run, after the first paint."""
    import subprocess
    import sys
    code = ("import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "import selfeval_desktop.ui.main_window, selfeval_desktop.ui.session\n"
            "print('selfeval_desktop.domain.checks' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr[-500:]


def test_the_frozen_columns_view_is_not_imported_to_show_the_window():
    """Ui.grid.frozen took QStyle, QPainter… at import, ~10 ms before the first paint;
    the view over the frozen names (and those classes) loads when a grid first scrolls sideways."""
    import subprocess
    import sys
    code = ("import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "import selfeval_desktop.ui.main_window, selfeval_desktop.ui.grid.view\n"
            "print('selfeval_desktop.ui.grid.frozen_view' in sys.modules,"
            " 'QStyle' in vars(sys.modules['selfeval_desktop.ui.qt']))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False False", out.stderr[-500:]


def test_pyside_is_spared_reading_the_apps_sources():
    """PySide6 reads every module imported after it looking for "PySide6" (its __feature__
    switches); the app's modules are marked as not using them, as that scan would conclude."""
    import sys
    from selfeval_desktop.ui import qt
    qt.QWidget  # noqa: B018 - PySide6 loaded through qt
    features = sys.modules["signature_bootstrap"].pyside_feature_dict
    assert features.get("selfeval_desktop.ui.tabs.budget_tab") == -1
    assert features.get("selfeval_desktop.reports") == -1
    assert features.get("wave") == -1   # the standard library's, imported later or never
    assert features.get("PySide6") == 0  # what PySide6 found itself is kept


def test_the_first_check_run_goes_on_in_slices_current_project_first(qtbot, tmp_path):
    from copy import deepcopy
    from tests.ui.ui_fixtures import sample_document
    doc = sample_document()
    for i in range(5):
        extra = deepcopy(doc.projects[0])
        doc.projects.append(extra)
    for p in doc.projects:
        p.name = ""  # each project has a finding: 未填写项目名称
    window = make_window(qtbot, tmp_path, make_file(tmp_path, doc), show=False)
    panel, ids = window.checks, [p.id for p in window.session.document.projects]
    window.page.projects.select_pid(ids[3])

    def unnamed():
        return {f.place.project_id for f in panel.findings if "未填写项目名称" in f.message}

    panel.refresh(budget_ms=0)  # one project per slice: the one shown first
    assert unnamed() == {ids[3]}
    assert any("未填写项目名称" in panel.list.item(i).text() for i in range(panel.list.count()))
    qtbot.waitUntil(lambda: unnamed() == set(ids), timeout=2000)
    panel.refresh()  # a plain run is complete at once
    assert unnamed() == set(ids)


def test_the_startup_probe_reports_shown_then_settled(tmp_path):
    """bench/bench_startup.py reads these lines: shown (usable window), then settled (the
    问题清单's first run done), both with a time and the resident memory."""
    import os
    import subprocess
    import sys
    path = make_file(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SELFEVAL_STARTUP_PROBE="1",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    code = "import sys; from selfeval_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
    out = subprocess.run([sys.executable, "-c", code, str(path)], env=env, capture_output=True,
                         text=True, timeout=120)
    lines = [line.split() for line in out.stdout.splitlines()]
    assert [line[0] for line in lines] == ["shown", "settled"], out.stderr[-500:]
    assert float(lines[0][1]) <= float(lines[1][1]) and int(lines[1][2]) > 0


REPORT = """
def report():   # what is loaded once the window has painted (as the startup probe reports)
    qt = vars(sys.modules["selfeval_desktop.ui.qt"])
    print(json.dumps([name for name in json.loads(ARGS[0]) if name in sys.modules or name in qt]))
    app.quit()
"""


def test_the_first_paint_loads_only_what_it_shows(tmp_path):
    """A quicker start: what the first view (项目概况, the list, the menus) does not show loads on
    first use — the grids (the 编辑 menu's row entries need only their texts, ui.row_keys), the
    message boxes (PySide6 builds QMessageBox's enums on first access), closing's guard, the 定稿
    digest, OpenSSL's hashlib (the place key is a SHA-1 of Python's own), the checks' findings
    (the 邮编 is checked in place by domain.postcode), the cell reader (at the first edit)."""
    import json
    later = ["selfeval_desktop.ui.grid", "selfeval_desktop.ui.models", "QMessageBox",
             "selfeval_desktop.domain.digest", "selfeval_desktop.ui.close_guard", "hashlib",
             "selfeval_desktop.domain.checks_base", "selfeval_desktop.domain.cells"]
    out = after_first_paint(tmp_path, make_file(tmp_path), REPORT, json.dumps(later))
    assert out.strip() == "[]", out


def test_the_edit_menus_row_entries_read_and_work_as_the_grids_own(qtbot, tmp_path):
    """The 编辑 menu is built before any grid is loaded (its texts from ui.row_keys): its row
    entries say what the grids' own actions say, with the keys as the menus write them, and run
    on the grid that has the cursor."""
    from selfeval_desktop.ui.qt import QApplication
    from tests.ui.shell_helpers import menu_of, plain
    window = make_window(qtbot, tmp_path, make_file(tmp_path))
    menu = menu_of(window, "编辑")
    entries = {f"{plain(a.text())}\t{a.text().split(chr(9))[1]}": a
               for a in menu.actions() if "\t" in a.text()}
    assert list(entries)[-5:] == ["在上方插入行\tCtrl+Shift+=", "在下方插入行\tCtrl+=",
                                  "删除所选行\tCtrl+-", "上移一行\tAlt+↑", "下移一行\tAlt+↓"]
    window.page.tabs.setCurrentIndex(TAB_KEYS.index("indicators"))
    grid = window.page.tab_widgets["indicators"].grid
    assert [f"{plain(a.text())}\t{a.shortcut().toString()}" for a in grid.row_actions.values()] == \
        ["在上方插入行\tCtrl+Shift+=", "在下方插入行\tCtrl+=", "删除所选行\tCtrl+-",
         "上移一行\tAlt+Up", "下移一行\tAlt+Down"]
    rows = grid.model().data_rows
    grid.setCurrentIndex(grid.model().index(0, 2))
    window.activateWindow()
    grid.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is grid, timeout=2000)
    menu.aboutToShow.emit()          # as opening the menu does: the entries follow the cursor
    assert entries["在下方插入行\tCtrl+="].isEnabled()
    entries["在下方插入行\tCtrl+="].trigger()
    assert grid.model().data_rows == rows + 1


def test_a_files_place_is_kept_under_the_same_key_as_before(tmp_path):
    """The place key is computed without hashlib now: the same SHA-1, so a file still reopens
    where it was left by an earlier version."""
    import hashlib
    from pathlib import Path
    from selfeval_desktop.ui import window_place
    path = tmp_path / "2021年 自评.sqlite"
    digest = hashlib.sha1(str(Path(path).absolute()).encode("utf-8")).hexdigest()[:16]
    assert window_place.key(path) == "place/" + digest


def test_the_window_follows_its_screen_once_painted(qtbot, tmp_path, monkeypatch):
    """The minimum size is fitted again when the window is dragged to another monitor (set up
    right after the first paint, not before it)."""
    window = make_window(qtbot, tmp_path, make_file(tmp_path))
    qtbot.waitUntil(window.settled, timeout=2000)
    fitted = []
    monkeypatch.setattr(window, "fit_to_screen", lambda: fitted.append(1))
    window.windowHandle().screenChanged.emit(window.screen())
    assert fitted == [1]
    window.hide()
    window.show()                           # shown again: still followed once
    fitted.clear()
    window.windowHandle().screenChanged.emit(window.screen())
    assert fitted == [1]


def test_garbage_collection_is_back_right_after_the_first_paint(qtbot, tmp_path, monkeypatch):
    """run_gui pauses the cyclic garbage collector while the window is built (a quicker start);
    it is on again once the window has painted, or after a few seconds if it never does."""
    import gc
    from selfeval_desktop import app
    try:
        gc.disable()
        window = make_window(qtbot, tmp_path, make_file(tmp_path), show=False)
        app.resume_gc(window)
        assert not gc.isenabled()
        window.show()
        qtbot.waitUntil(gc.isenabled, timeout=2000)
        gc.disable()
        monkeypatch.setattr(app, "GC_PAUSE_MS", 50)
        app.resume_gc(make_window(qtbot, tmp_path, show=False))    # never shown
        qtbot.waitUntil(gc.isenabled, timeout=2000)
    finally:
        gc.enable()


def test_demo_starts_on_a_project_without_errors_and_fills_the_screen(qtbot, tmp_path,
                                                                       monkeypatch):
    from selfeval_desktop.app import parse_args, show_window
    from selfeval_desktop.domain.checks import ERROR, check_project
    monkeypatch.setattr(file_actions, "demo_path", lambda: tmp_path / "data" / "演示.sqlite")
    window = make_window(qtbot, tmp_path, show=False)
    assert window.file_actions.open_demo()
    session = window.session
    pid = window.page.pid
    assert pid != session.document.project_list()[0].id    # the first one has errors
    found = check_project(session.document, session.project(pid))
    assert not [f for f in found if f.severity == ERROR]
    assert "问题清单" in window.statusBar().currentMessage()
    show_window(window, parse_args(["--demo"]))
    assert window.windowState() & Qt.WindowState.WindowMaximized
    free = window.screen().availableGeometry()          # (the window's minimum size allowing)
    assert window.height() >= min(free.height(), 768) and window.width() >= min(free.width(), 1366)
