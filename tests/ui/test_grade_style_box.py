"""The header's 等次写法 box: choosing 优秀/良好/一般/较差 regrades every project in those words at
once (badge, list), is saved at once, undoes with Ctrl+Z, and is locked once a project is 定稿."""
from __future__ import annotations

import pytest

from selfeval_desktop.ui.project_list import COL_GRADE, grade_color

from tests.ui.shell_helpers import OFFSCREEN_NOISE, make_window
from tests.ui.ui_fixtures import make_file, reread, sample_document

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

STYLE = "优秀/良好/一般/较差"


@pytest.fixture
def window(qtbot, tmp_path):
    doc = sample_document()
    doc.projects[0].indicators[2].actual = "有效提升"
    return make_window(qtbot, tmp_path, make_file(tmp_path, doc))


def _choose(box, data):
    index = box.findData(data)
    assert index >= 0, [box.itemText(i) for i in range(box.count())]
    box.setCurrentIndex(index)
    box.activated.emit(index)


def test_choosing_words_regrades_in_them_saves_and_undoes(window):
    header, session = window.page.header, window.session
    box = header.grade_style
    texts = [box.itemText(i) for i in range(box.count())]
    assert texts[0] == "优/良/中/差（默认）" and STYLE in texts
    shown = header.badge.grade.text()
    assert shown in ("优", "良", "中", "差")
    _choose(box, STYLE)
    word = {"优": "优秀", "良": "良好", "中": "一般", "差": "较差"}[shown]
    assert header.badge.grade.text() == word
    model = window.page.projects.model
    row = model.row_of(window.page.pid)
    assert model.index(row, COL_GRADE).data() == word
    assert grade_color(word) == grade_color(shown)            # coloured as its band
    assert reread(session.path).grade_names == STYLE
    session.undo_stack.undo()
    assert header.badge.grade.text() == shown and box.currentData() == ""
    assert reread(session.path).grade_names == ""


def test_locked_while_a_project_is_finalized(window, monkeypatch):
    from selfeval_desktop.ui import dialogs
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: 0)
    assert window.finalize_actions.finalize_current()
    box = window.page.header.grade_style
    assert not box.isEnabled() and "不能修改" in box.toolTip()
