"""The 问题清单 of a new year's file and of 全部, and the project list's columns: moved here
from test_main_window."""
from __future__ import annotations

from decimal import Decimal

import pytest

from selfeval_desktop.ui.project_list import COL_GRADE, COL_SCORE
from selfeval_desktop.ui.qt import Qt

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, with_department

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_next_years_file_lists_a_run_of_gaps_once_and_its_click_goes_to_the_first(qtbot, tmp_path):
    """A file made 从上年文件新建 listed 实际完成值未填写 once per row (59 in all), and the
    reminders that need a decision — last year's dates — came last."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.domain.checks_list import CARRIED_OVER
    from selfeval_desktop.domain.rollover import next_year
    doc = next_year(build_demo("004"))
    window = make_window(qtbot, tmp_path, make_file(tmp_path, doc))
    checks = window.checks
    checks.refresh()
    pid = next(p.id for p in window.session.document.projects
               if any(f.code in CARRIED_OVER for f in checks.findings if f.place.project_id == p.id))
    window.page.projects.select_pid(pid)
    texts = [checks.list.item(i).text() for i in range(checks.list.count())]
    shown = checks.shown_findings()
    assert shown[0].code in CARRIED_OVER and texts[0] == f"提醒：{shown[0].message.split('」', 1)[1]}"
    gaps = [f for f in shown if f.code == "actual_missing"]
    merged = [i for i, t in enumerate(texts) if "实际完成值未填写（共" in t]
    assert len(gaps) > 1 and len(merged) == 1 and len(texts) == len(shown) - len(gaps) + 1
    assert f"错误 {sum(f.severity == 'error' for f in shown)} 个" in checks.summary.text()
    checks.list.itemClicked.emit(checks.list.item(merged[0]))
    grid = window.page.tab_widgets["indicators"].grid
    assert window.page.tabs.currentWidget() is window.page.tab_widgets["indicators"]
    first = min(f.place.row for f in gaps)
    assert grid.currentIndex().row() == first
    checks.only_current.setChecked(False)                    # 全部: last year's content on top
    assert "上年内容待核对" not in checks.summary.text()
    listed = checks.shown_findings()
    carried = [f for f in listed if f.code in CARRIED_OVER]
    assert len(carried) > 1 and listed[:len(carried)] == carried
    checks.only_current.setChecked(True)
    assert f"上年内容待核对 {len(carried)} 条" in checks.summary.text() and checks.summary.toolTip()


def test_the_lists_score_and_grade_columns_hold_their_widest_text(qtbot, tmp_path):
    """The bold 部门整体 row showed its 100.00 as “100.…”; 不合格 is the longest
    grade word a 等次写法 gives."""
    from selfeval_desktop.ui.qt import QStyleOptionViewItem
    doc = with_department()
    dept = doc.projects[0]
    for ind in dept.indicators:
        ind.weight = Decimal(50)                         # 100 in all, every target met
    doc.grade_names = "优秀/良好/合格/不合格"
    window = make_window(qtbot, tmp_path, make_file(tmp_path, doc))
    view = window.page.projects.view
    model = view.model()
    assert model.index(0, COL_SCORE).data() == "100.00"
    for col, text in ((COL_SCORE, "100.00"), (COL_GRADE, "不合格")):
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.font = model.index(0, col).data(Qt.ItemDataRole.FontRole) or view.font()
        option.text = text
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        need = view.style().sizeFromContents(view.style().ContentsType.CT_ItemViewItem, option,
                                             option.rect.size(), view).width()
        assert need <= view.columnWidth(col), (text, need, view.columnWidth(col))


def test_the_list_of_all_says_its_lines_and_keeps_the_one_clicked_in_view(qtbot, tmp_path):
    """全部 said 214 findings over 168 lines, and after a click on another project's
    line the list was rebuilt with that line out of view and not selected."""
    from selfeval_desktop.db.demo import build_demo
    from selfeval_desktop.domain.rollover import next_year
    window = make_window(qtbot, tmp_path, make_file(tmp_path, next_year(build_demo("004"))))
    checks = window.checks
    checks.refresh()
    checks.only_current.setChecked(False)
    lines = checks.list.count()
    assert lines < len(checks.findings) and f"合为 {lines} 条" in checks.summary.text()
    far = next(i for i in range(lines - 1, 0, -1)
               if checks.list.item(i).data(Qt.ItemDataRole.UserRole + 1).place.project_id
               != window.page.pid)
    checks.list.scrollToItem(checks.list.item(far))
    checks.list.itemClicked.emit(checks.list.item(far))
    current = checks.list.currentItem()
    assert current is not None and current.text() == checks.list.item(far).text()
    viewport = checks.list.viewport().rect()
    assert viewport.intersects(checks.list.visualItemRect(current))


def test_checks_dock_starts_tall_enough_for_several_findings(qtbot, window):
    from selfeval_desktop.ui.window_size import CHECKS_HEIGHT
    qtbot.waitUntil(lambda: window.checks.height() >= CHECKS_HEIGHT - 2, timeout=2000)
    line = window.checks.list.fontMetrics().lineSpacing()
    assert window.checks.list.height() >= 7 * line
