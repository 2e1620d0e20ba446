"""The session and 定稿: a finalized project refuses edits (with a Chinese message) until
撤销定稿; the unit, year and profile too while any project is finalized; history before 定稿
cannot be undone into it."""
from __future__ import annotations

import sqlite3

import pytest

from selfeval_desktop.db import finalize as fin
from selfeval_desktop.domain.digest import project_digest
from selfeval_desktop.domain.model import Indicator, Project
from selfeval_desktop.ui import session_rows
from selfeval_desktop.ui.models import indicator_model as im
from selfeval_desktop.ui.models.indicator_model import IndicatorModel
from selfeval_desktop.ui.qt import Qt
from selfeval_desktop.ui.session import SessionError
from selfeval_desktop.ui.session_finalize import DOCUMENT_LOCKED_MESSAGE, FINALIZED_MESSAGE

from tests.ui.ui_fixtures import make_file, reread, sample_document


@pytest.fixture
def path(tmp_path):
    doc = sample_document()
    doc.projects[0].indicators[2].actual = "有效提升"     # as targeted: no check error left
    return make_file(tmp_path, doc)


def test_finalize_locks_the_project_and_says_why(session, pid, path):
    refused = []
    session.refused.connect(refused.append)
    assert session.can_finalize(pid) == (True, [])
    change = session.finalize_project(pid)
    assert change.changed and session.is_finalized(pid) and not session.project_editable(pid)
    assert reread(path).projects[0].digest == project_digest(session.document, session.project(pid))
    ind = session.project(pid).indicators[0]
    assert session.set_value("indicator", pid, ind.id, "actual", "1次") == FINALIZED_MESSAGE
    assert session.set_value("project", pid, None, "name", "改名") == FINALIZED_MESSAGE
    assert session.set_value("unit", None, None, "name", "别的局") == DOCUMENT_LOCKED_MESSAGE
    assert session.set_value("meta", None, None, "year", "2022") == DOCUMENT_LOCKED_MESSAGE
    assert refused == [FINALIZED_MESSAGE, FINALIZED_MESSAGE, DOCUMENT_LOCKED_MESSAGE,
                       DOCUMENT_LOCKED_MESSAGE]
    for attempt in (lambda: session.insert_rows("indicator", pid, None, [Indicator()]),
                    lambda: session.remove_rows("indicator", pid, [ind.id]),
                    lambda: session.move_row("indicator", pid, ind.id, 2),
                    lambda: session.remove_project(pid)):
        with pytest.raises(SessionError, match="定稿"):
            attempt()
    on_disk = reread(path)
    assert on_disk.projects[0].indicators[0].actual == "4次" and on_disk.unit.name == "某县科学技术局"
    assert on_disk.projects[0].name == "科技创新服务项目"


def test_edits_before_finalize_cannot_be_undone_into_it(session, pid, path):
    ind = session.project(pid).indicators[0]
    session.set_value("indicator", pid, ind.id, "actual", "5次")
    assert session.undo_stack.canUndo()
    session.finalize_project(pid)
    assert not session.undo_stack.canUndo()
    session.undo_stack.undo()                       # nothing happens
    assert reread(path).projects[0].indicators[0].actual == "5次"


def test_unfinalize_makes_it_editable_again(session, pid, path):
    session.finalize_project(pid)
    change = session.unfinalize_project(pid)
    assert change.changed and session.project_editable(pid)
    assert reread(path).projects[0].digest is None
    ind = session.project(pid).indicators[0]
    assert session.set_value("indicator", pid, ind.id, "actual", "3次") is None
    assert session.undo_stack.canUndo()


def test_other_projects_stay_editable_and_duplicates_are_not_finalized(session, pid):
    other = session.add_project(Project(name="另一个项目"))
    session.finalize_project(pid)
    assert session.set_value("project", other, None, "name", "第二个项目") is None
    copy = session.duplicate_project(pid)
    assert session.project_editable(copy) and not session.project(copy).digest


def test_a_project_with_errors_is_refused_and_nothing_changes(session, pid, path):
    ind = session.project(pid).indicators[2]
    session.set_value("indicator", pid, ind.id, "actual", "")
    ok, errors = session.can_finalize(pid)
    assert not ok and any("实际完成值未填写" in f.message for f in errors)
    steps = session.undo_stack.count()
    with pytest.raises(fin.FinalizeRefused):
        session.finalize_project(pid)
    assert not session.is_finalized(pid) and reread(path).projects[0].digest is None
    assert session.undo_stack.count() == steps      # the history is kept when nothing happened


def test_grid_cells_are_not_editable_and_the_blank_row_goes(session, pid):
    model = IndicatorModel(session)
    model.set_project(pid)
    rows = model.rowCount()
    session.finalize_project(pid)
    assert model.blank_row() is None and model.rowCount() == rows - 1
    assert not model.flags(model.index(0, im.COL_ACTUAL)) & Qt.ItemFlag.ItemIsEditable
    assert not model.insertRows(0, 1)
    session.unfinalize_project(pid)
    assert model.blank_row() == rows - 1
    assert model.flags(model.index(0, im.COL_ACTUAL)) & Qt.ItemFlag.ItemIsEditable


def test_failed_project_write_is_reported_not_a_crash(session, monkeypatch):
    """A project insert that fails on disk raises the session's error and changes nothing."""
    def broken(conn, project):
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(session_rows, "insert_project", broken)
    before = len(session.document.projects)
    with pytest.raises(SessionError, match="保存失败"):
        session.add_project(Project(name="新项目"))
    assert len(session.document.projects) == before
