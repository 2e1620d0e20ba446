"""A 分值 the Excel import could not read (“十分”) opens red with the text as typed, as one typed
in the window does (the import dropped it, the rows having no id yet)."""
import pytest

from selfeval_desktop.reports.xlsx_import import import_workbook, write_document
from selfeval_desktop.ui.models import ErrorRole
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.models.base import ERROR_BRUSH
from selfeval_desktop.ui.qt import Qt

from tests.reports import xlsx_builders as build
from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_an_unreadable_imported_weight_is_red_with_its_text_in_the_window(qtbot, tmp_path):
    result = import_workbook(build.indicator_cell_typed(tmp_path / "w.xlsx", 2, build.WEIGHT,
                                                        "十分"))
    target = tmp_path / "imported.sqlite"
    write_document(result, target)
    window = make_window(qtbot, tmp_path, target)
    tab = window.page.tab_widgets["indicators"]
    window.page.tabs.setCurrentWidget(tab)
    index = tab.grid.model().index(2, im.COL_WEIGHT)
    assert index.data() == "十分"
    assert index.data(Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    assert "无法识别" in index.data(ErrorRole)
    window.checks.refresh()
    texts = [window.checks.list.item(i).text() for i in range(window.checks.list.count())]
    assert any("“十分”无法识别" in t and "平台验收合格率" in t for t in texts)
    window.close()
