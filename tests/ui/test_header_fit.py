"""The header on office screens: at 150 % on 1366×768 (a 910 px window) the 定稿
button sat on the 等次写法 box, after 定稿 the dark “已定稿” mark covered that box's arrow and a
menu arrow was drawn over 撤销定稿's “稿”, and 评分规则 read “财政部项目支出绩效自”. At each
office size, before and after 定稿: no two of the header's widgets overlap, each lies within the
header, the rule's whole name shows, and the live 总分/等次 keep their room."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.qt import QtWidgets, QWidget, Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, sample_document, with_department

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

# the window a first start gives on each screen: its free area in Qt's (scaled) pixels, less the
# taskbar and the frame (window_size.first_size); fonts scale with the screen, so this is the
# layout a clerk sees at that scaling
OFFICE_WINDOWS = {"1366×768 100 %": (1280, 688), "1366×768 125 %": (1093, 574),
                  "1366×768 150 %": (910, 472), "1024×600 100 %": (1024, 560)}


def document():
    doc = sample_document()
    doc.unit.name = "某某县科学技术局（县科学技术协会）"
    doc.projects[0].name = "2021年新一代电子信息产业和生物医药产业科技型中小企业贷款补助项目"
    doc.projects[0].indicators[2].actual = "有效提升"      # no error: it can be 定稿
    return doc


@pytest.fixture(params=list(OFFICE_WINDOWS), ids=list(OFFICE_WINDOWS))
def window(request, qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, make_file(tmp_path, document()), show=False)
    window.resize(*OFFICE_WINDOWS[request.param])
    window.show()
    qtbot.waitExposed(window)
    return window


def shown_children(widget):
    return [w for w in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w.isVisible()]


def clashes(widget) -> list[str]:
    """Pairs of the widget's visible children that overlap, and children outside it."""
    children = shown_children(widget)
    found = [f"{name(w)} outside" for w in children if not widget.rect().contains(w.geometry())]
    for i, a in enumerate(children):
        found += [f"{name(a)} × {name(b)}" for b in children[i + 1:]
                  if a.geometry().intersects(b.geometry())]
    return found


def name(w) -> str:
    return w.objectName() or f"{type(w).__name__}「{getattr(w, 'text', lambda: '')()}」"


def settle(qtbot, window):
    window.layout().activate()
    qtbot.wait(20)


def assert_header_fits(header):
    assert clashes(header) == []
    assert clashes(header.badge) == []
    badge = header.badge
    for label in (badge.total, badge.grade):     # the live score: never squeezed or hidden
        assert label.isVisible() and label.width() >= label.minimumSizeHint().width()
    assert header.grade_style.width() >= header.grade_style.sizeHint().width()
    if header.profile.isVisible():       # room for the rule's whole name
        assert header.profile.width() >= header.profile.sizeHint().width()


def test_nothing_overlaps_and_the_rule_reads_whole_before_and_after_finalizing(qtbot, window):
    header, session = window.page.header, window.session
    pid = window.page.pid
    settle(qtbot, window)
    assert header.lock_button.isVisible() and header.lock_button.text().startswith("定稿")
    assert_header_fits(header)
    assert header.profile.shown_text() == "财政部项目支出绩效自评（财预〔2020〕10号）"

    session.finalize_project(pid)
    settle(qtbot, window)
    assert header.lock_note.isVisible() and header.lock_note.text() == "已定稿"
    assert header.lock_button.text().startswith("撤销定稿")
    assert_header_fits(header)
    assert header.profile.shown_text() == header.profile.currentText()

    session.unfinalize_project(pid)
    settle(qtbot, window)
    assert not header.lock_note.isVisible()
    assert_header_fits(header)


def test_the_department_pages_rule_fits_too(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, make_file(tmp_path, with_department()), show=False)
    window.resize(*OFFICE_WINDOWS["1366×768 150 %"])
    window.show()
    qtbot.waitExposed(window)
    window.page.projects.select_pid(window.session.document.department.id)
    settle(qtbot, window)
    header = window.page.header
    assert header.department_profile.isVisible()
    assert_header_fits(header)
    assert header.department_profile.width() >= header.department_profile.sizeHint().width()


def has_menu_arrow(button) -> bool:
    option = QtWidgets.QStyleOptionToolButton()
    button.initStyleOption(option)
    return bool(option.features & QtWidgets.QStyleOptionToolButton.ToolButtonFeature.HasMenu)


def test_the_lock_button_holds_one_action_and_draws_no_menu_arrow(qtbot, tmp_path):
    """The button kept 定稿… when it took 撤销定稿…: Qt drew a menu arrow over “稿”, and a long
    press offered both."""
    window = make_window(qtbot, tmp_path, make_file(tmp_path, document()))
    header, session, pid = window.page.header, window.session, window.page.pid
    actions = window.finalize_actions
    session.finalize_project(pid)
    assert header.lock_button.actions() == [actions.unfinalize_action]
    assert not has_menu_arrow(header.lock_button)
    session.unfinalize_project(pid)
    assert header.lock_button.actions() == [actions.finalize_action]
    assert not has_menu_arrow(header.lock_button)


def test_a_rule_name_too_long_for_a_narrower_screen_is_elided_in_its_middle(qtbot, tmp_path):
    """Narrower than any office size (800 px): the name keeps its beginning and its document
    number, with “…” between, and the tooltip gives it whole — never cut at the box's edge."""
    window = make_window(qtbot, tmp_path, make_file(tmp_path, document()), show=False)
    window.resize(800, 472)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window)
    box = window.page.header.profile
    full = box.currentText()
    shown = box.shown_text()
    assert shown != full and "…" in shown
    assert shown.startswith("财政部") and shown.endswith("10号）")
    assert box.fontMetrics().horizontalAdvance(shown) <= box.width()
    assert full in box.toolTip()


def test_a_box_wide_enough_for_its_own_rule_paints_it_as_any_box(qtbot, tmp_path):
    """Measured against the list's longest name, a box wide enough for the rule in force took
    the eliding painter, and its QStyle enums cost ~20 ms at the window's first paint."""
    window = make_window(qtbot, tmp_path, make_file(tmp_path, document()), show=False)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window)
    box = window.page.header.profile
    names = [box.itemText(i) for i in range(box.count())]
    metrics = box.fontMetrics()
    longest = max(metrics.horizontalAdvance(n) for n in names)
    box.blockSignals(True)      # shown only: the document's rule is not switched
    box.setCurrentIndex(min(range(len(names)), key=lambda i: metrics.horizontalAdvance(names[i])))
    box.blockSignals(False)
    own = metrics.horizontalAdvance(box.currentText())
    assert own < longest, "the test needs a rule shorter than the longest in the list"
    box.setFixedWidth(box.sizeHint().width() - (longest - own) // 2)   # own fits, longest not
    assert box._roomy() and box.shown_text() == box.currentText()
