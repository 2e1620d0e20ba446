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


def test_the_rule_change_question_speaks_in_the_files_words(window, monkeypatch):
    """Under 优秀/良好/一般/较差, switching to the rule that writes 一般 announced
    “中≥60 → 一般≥60”, though the page prints 一般 either way."""
    from selfeval_desktop.ui import header as header_module
    header = window.page.header
    box = header.grade_style
    _choose(box, STYLE)
    asked = []
    monkeypatch.setattr(header_module, "confirm_profile_change",
                        lambda parent, text: asked.append(text) or False)
    profile = header.profile
    index = profile.findData("mof2020_truncate")
    profile.setCurrentIndex(index)
    profile.activated.emit(index)
    assert asked and "等次 " not in asked[0] and "一般≥60" not in asked[0]


def test_the_rules_own_words_stored_are_the_default_not_a_second_entry(qtbot, tmp_path):
    doc = sample_document()
    doc.grade_names = "优/良/中/差"
    window = make_window(qtbot, tmp_path, make_file(tmp_path, doc))
    box = window.page.header.grade_style
    texts = [box.itemText(i) for i in range(box.count())]
    assert texts.count("优/良/中/差（默认）") == 1 and "优/良/中/差" not in texts
    assert box.currentIndex() == 0
