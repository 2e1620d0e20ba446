"""DocumentSession: every edit is saved at once, undo/redo are saved too, typed text is never lost."""
from __future__ import annotations

from decimal import Decimal

import pytest

from selfeval_desktop.domain.evaluation import profile_for
from selfeval_desktop.domain.model import FundKind, Indicator, Project, Source
from selfeval_desktop.domain.scoring import score_project
from selfeval_desktop.ui.session import READONLY_MESSAGE, SessionError

from tests.ui.ui_fixtures import open_session, reread


@pytest.fixture
def session(qapp, path):
    s = open_session(path)
    yield s
    s.undo_stack.clear()
    s.conn.close()


def pid_of(session):
    return session.document.projects[0].id


def ind_id(session, i=0):
    return session.document.projects[0].indicators[i].id


# entity, row key (from the session), attr, typed text, how to read it back from a Document
FIELD_EDITS = [
    ("unit", lambda s: None, "name", "某县科技局（新）", lambda d: d.unit.name),
    ("meta", lambda s: None, "year", "2022", lambda d: d.year),
    ("meta", lambda s: None, "profile_id", "hubei", lambda d: d.profile_id),
    ("project", lambda s: None, "leader", "李四", lambda d: d.projects[0].leader),
    ("project", lambda s: None, "unit_opinion", "同意", lambda d: d.projects[0].unit_opinion),
    ("project", lambda s: None, "stated_total", "95.5", lambda d: d.projects[0].stated_total),
    ("project", lambda s: None, "stated_execution_score", "9.25",
     lambda d: d.projects[0].stated_execution_score),
    ("funding", lambda s: None, "executed", "19.5", lambda d: d.projects[0].funding.executed),
    ("source", lambda s: Source.CENTRAL, "planned", "3", lambda d:
     d.projects[0].funding.by_source[Source.CENTRAL].planned),
    ("fund_kind", lambda s: FundKind.CARRYOVER, "executed", "1.25", lambda d:
     d.projects[0].funding.by_kind[FundKind.CARRYOVER].executed),
    ("budget_line", lambda s: s.document.projects[0].budget_lines[1].id, "actual", "14",
     lambda d: d.projects[0].budget_lines[1].actual),
    ("budget_line", lambda s: s.document.projects[0].budget_lines[0].id, "name", "会议费",
     lambda d: d.projects[0].budget_lines[0].name),
    ("indicator", lambda s: ind_id(s, 0), "actual", "3次", lambda d: d.projects[0].indicators[0].actual),
    ("indicator", lambda s: ind_id(s, 0), "weight", "２０分", lambda d:
     d.projects[0].indicators[0].weight),
    ("indicator", lambda s: ind_id(s, 2), "achievement", "部分达成",
     lambda d: d.projects[0].indicators[2].achievement),
    ("evaluator", lambda s: s.document.projects[0].evaluators[0].id, "title", "副局长",
     lambda d: d.projects[0].evaluators[0].title),
    ("conclusion", lambda s: "problems", "text", "培训覆盖面不足",
     lambda d: d.projects[0].conclusions.get("problems", "")),
]
EXPECTED = {"2022": 2022, "95.5": Decimal("95.5"), "9.25": Decimal("9.25"), "19.5": 19_500_000, "3": 3_000_000,
            "1.25": 1_250_000, "14": 14_000_000, "２０分": Decimal(20)}


@pytest.mark.parametrize("entity,key,attr,typed,read", FIELD_EDITS,
                         ids=[f"{e[0]}.{e[2]}" for e in FIELD_EDITS])
def test_each_edit_is_on_disk_at_once_and_undo_redo_too(session, path, entity, key, attr, typed,
                                                          read):
    before = read(reread(path))
    expected = EXPECTED.get(typed, typed)
    assert before != expected
    saved = []
    session.saved.connect(saved.append)
    assert session.set_value(entity, pid_of(session), key(session), attr, typed) is None
    assert read(session.document) == expected
    assert read(reread(path)) == expected
    assert saved and saved[-1].startswith("已保存 ")
    session.undo_stack.undo()
    assert read(session.document) == before
    assert read(reread(path)) == before
    session.undo_stack.redo()
    assert read(reread(path)) == expected


def test_money_text_is_read_as_wan(session, path):
    pid = pid_of(session)
    for typed, fen in [("1,500", 1_500_000_000), ("681.5307", 681_530_700), ("５元", 500),
                       ("", None)]:
        assert session.set_value("funding", pid, None, "annual_budget", typed) is None
        assert reread(path).projects[0].funding.annual_budget == fen


def test_unreadable_money_is_kept_as_typed_and_amount_cleared(session, path):
    pid = pid_of(session)
    old = session.project(pid).funding.executed
    error = session.set_value("funding", pid, None, "executed", "abc")
    assert error and "无法识别" in error
    disk = reread(path).projects[0]
    assert disk.funding.executed is None and old is not None   # the score uses what is shown
    assert disk.unread["funding::executed"] == "abc"
    assert session.unread("funding", pid, None, "executed") == "abc"
    assert "无法识别" in session.unread_error("funding", pid, None, "executed")
    # a readable amount afterwards replaces the kept text
    assert session.set_value("funding", pid, None, "executed", "10") is None
    disk = reread(path).projects[0]
    assert disk.funding.executed == 10_000_000 and "funding::executed" not in disk.unread
    # undo brings the kept text back, on disk too
    session.undo_stack.undo()
    assert reread(path).projects[0].unread["funding::executed"] == "abc"
    assert session.unread("funding", pid, None, "executed") == "abc"


def test_unreadable_weight_on_a_row_is_kept(session, path):
    pid, rid = pid_of(session), ind_id(session, 1)
    error = session.set_value("indicator", pid, rid, "weight", "二十五")
    assert error
    disk = reread(path).projects[0]
    assert disk.indicators[1].weight is None
    assert disk.unread[f"indicator:{rid}:weight"] == "二十五"


def test_bad_year_is_refused_with_a_message(session, path):
    error = session.set_value("meta", 0, None, "year", "二〇二二")
    assert error and "年份" in error
    assert reread(path).year == 2021
    assert session.undo_stack.count() == 0


def test_score_changed_fires_with_the_new_total(session, path):
    pid = pid_of(session)
    before = session.score(pid).total
    totals = []
    session.scoreChanged.connect(lambda p: totals.append((p, session.score(p).total)))
    session.set_value("indicator", pid, ind_id(session, 0), "actual", "1次")
    assert totals and totals[-1][0] == pid
    after = totals[-1][1]
    assert after < before
    disk = reread(path)
    independent = score_project(disk.projects[0], profile_for(disk, disk.projects[0]))
    assert after == independent.total
    assert session.score(pid).grade == independent.grade


def test_execution_edit_rescores(session, path):
    pid = pid_of(session)
    totals = []
    session.scoreChanged.connect(lambda p: totals.append(session.score(p).total))
    session.score(pid)
    session.set_value("funding", pid, None, "executed", "10")
    disk = reread(path)
    assert totals[-1] == score_project(disk.projects[0], profile_for(disk, disk.projects[0])).total
    assert session.score(pid).execution.rate == Decimal("0.5")


def test_a_macro_is_one_undo_step_and_one_transaction(session, path):
    pid = pid_of(session)
    ids = [ind_id(session, i) for i in range(3)]
    with session.macro("粘贴"):
        for rid, text in zip(ids, ["1次", "50%", "达成"]):
            session.set_value("indicator", pid, rid, "actual", text)
        session.insert_rows("indicator", pid, None, [Indicator("产出指标", "数量指标", "新指标")])
    assert session.undo_stack.count() == 1
    assert [i.actual for i in reread(path).projects[0].indicators][:3] == ["1次", "50%", "达成"]
    session.undo_stack.undo()
    disk = reread(path).projects[0]
    assert [i.actual for i in disk.indicators] == ["4次", "95%", "", "92%"]
    session.undo_stack.redo()
    disk = reread(path).projects[0]
    assert [i.actual for i in disk.indicators][:3] == ["1次", "50%", "达成"]
    assert disk.indicators[-1].name == "新指标"


def test_a_failing_macro_changes_nothing(session, path):
    pid = pid_of(session)
    with pytest.raises(RuntimeError):
        with session.macro("粘贴"):
            session.set_value("indicator", pid, ind_id(session, 0), "actual", "1次")
            raise RuntimeError("boom")
    assert session.project(pid).indicators[0].actual == "4次"
    assert reread(path).projects[0].indicators[0].actual == "4次"
    assert session.undo_stack.count() == 0


def test_failed_write_changes_nothing_and_says_so(session, path):
    pid, rid = pid_of(session), ind_id(session, 0)
    session.conn.execute("CREATE TEMP TRIGGER no_write BEFORE UPDATE ON indicator "
                         "BEGIN SELECT RAISE(ABORT, 'disk is full'); END")
    failures = []
    session.writeFailed.connect(failures.append)
    message = session.set_value("indicator", pid, rid, "actual", "1次")
    assert message and "保存失败" in message and failures
    assert session.project(pid).indicators[0].actual == "4次"
    assert reread(path).projects[0].indicators[0].actual == "4次"
    assert session.undo_stack.count() == 0


def test_rows_insert_remove_move_undo_keep_ids(session, path):
    pid = pid_of(session)
    [new_id] = session.insert_rows("indicator", pid, 1, [Indicator("产出指标", "时效指标", "完成时间")])
    assert [i.name for i in reread(path).projects[0].indicators][1] == "完成时间"
    session.set_value("indicator", pid, new_id, "target", "2021年12月前")
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert len(reread(path).projects[0].indicators) == 4
    session.undo_stack.redo()
    session.undo_stack.redo()
    disk = reread(path).projects[0]
    assert disk.indicators[1].id == new_id and disk.indicators[1].target == "2021年12月前"

    names = [i.name for i in session.project(pid).indicators]
    victims = [session.project(pid).indicators[k].id for k in (0, 2)]
    session.set_value("indicator", pid, victims[1], "weight", "abc")
    session.remove_rows("indicator", pid, victims)
    disk = reread(path).projects[0]
    assert [i.name for i in disk.indicators] == [n for k, n in enumerate(names) if k not in (0, 2)]
    assert not [k for k in disk.unread if k.startswith(f"indicator:{victims[1]}:")]
    session.undo_stack.undo()
    disk = reread(path).projects[0]
    assert [i.name for i in disk.indicators] == names
    assert [i.id for i in disk.indicators][0] == victims[0]
    assert disk.unread[f"indicator:{victims[1]}:weight"] == "abc"

    session.move_row("indicator", pid, victims[0], 3)
    assert [i.name for i in reread(path).projects[0].indicators][3] == names[0]
    session.undo_stack.undo()
    assert [i.name for i in reread(path).projects[0].indicators] == names


def test_rows_changed_and_score_after_row_insert(session, path):
    pid = pid_of(session)
    seen = []
    session.rowsChanged.connect(lambda e, p: seen.append((e, p)))
    total = session.score(pid).total
    session.remove_rows("indicator", pid, [ind_id(session, 0)])
    assert seen == [("indicator", pid)]
    assert session.score(pid).total < total


def test_projects_add_duplicate_move_remove_with_undo(session, path):
    pid = pid_of(session)
    changed = []
    session.projectsChanged.connect(lambda: changed.append(1))
    session.set_value("indicator", pid, ind_id(session, 1), "weight", "abc")
    dup = session.duplicate_project(pid)
    disk = reread(path)
    assert [p.name for p in disk.projects] == ["科技创新服务项目", "科技创新服务项目（副本）"]
    copy = disk.projects[1]
    assert len(copy.indicators) == 4 and copy.indicators[0].id != ind_id(session, 0)
    assert copy.unread[f"indicator:{copy.indicators[1].id}:weight"] == "abc"
    new = session.add_project(Project(name="第三个项目"), 0)
    session.move_project(new, 2)
    assert [p.id for p in reread(path).projects] == [pid, dup, new]
    session.remove_project(pid)
    assert [p.id for p in reread(path).projects] == [dup, new]
    session.undo_stack.undo()  # the removed project comes back whole, with its ids
    disk = reread(path)
    assert [p.id for p in disk.projects] == [pid, dup, new]
    assert [i.id for i in disk.projects[0].indicators] == [i.id for i in
                                                         session.project(pid).indicators]
    assert disk.projects[0].funding.by_source[Source.LOCAL].planned == 20_000_000
    for _ in range(3):
        session.undo_stack.undo()
    assert [p.id for p in reread(path).projects] == [pid]
    assert changed


def test_read_only_session_refuses_edits(qapp, path):
    from selfeval_desktop.db.document import open_document
    from selfeval_desktop.ui.session import DocumentSession
    s = DocumentSession(open_document(path, readonly=True))
    try:
        assert s.set_value("project", s.document.projects[0].id, None, "name", "x") == READONLY_MESSAGE
        with pytest.raises(SessionError):
            s.insert_rows("indicator", s.document.projects[0].id, None, [Indicator()])
    finally:
        s.conn.close()


def test_failed_undo_write_shows_the_file_as_it_is(qapp, session, path):
    pid, rid = pid_of(session), ind_id(session, 0)
    session.set_value("indicator", pid, rid, "actual", "1次")
    with session.macro("粘贴"):
        session.set_value("indicator", pid, ind_id(session, 1), "actual", "10%")
    session.conn.execute("CREATE TEMP TRIGGER no_write BEFORE UPDATE ON indicator "
                         "BEGIN SELECT RAISE(ABORT, 'disk is full'); END")
    failures, replaced = [], []
    session.writeFailed.connect(failures.append)
    session.documentReplaced.connect(lambda: replaced.append(1))
    index = session.undo_stack.index()
    session.undo_stack.undo()          # the macro: its write fails, nothing half-done
    assert replaced and session.step_failed and session.write_error
    assert not failures                # said once QUndoStack has returned
    assert [i.actual for i in session.document.projects[0].indicators][:2] == ["1次", "10%"]
    assert [i.actual for i in reread(path).projects[0].indicators][:2] == ["1次", "10%"]
    session.undo_stack.undo()          # before the step is put back: does nothing
    assert reread(path).projects[0].indicators[0].actual == "1次"
    qapp.processEvents()
    assert failures and not session.step_failed
    # the history is kept, the failed step back where it was (it was wiped)
    assert session.undo_stack.count() == 2 and session.undo_stack.index() == index
    session.conn.execute("DROP TRIGGER no_write")
    session.undo_stack.undo()          # the disk has room again: the same Ctrl+Z works
    assert reread(path).projects[0].indicators[1].actual != "10%"
    session.undo_stack.redo()
    assert reread(path).projects[0].indicators[1].actual == "10%"


def test_a_failed_redo_is_put_back_too(qapp, session, path):
    pid = pid_of(session)
    session.set_value("indicator", pid, ind_id(session, 0), "actual", "1次")
    session.undo_stack.undo()
    before = reread(path).projects[0].indicators[0].actual
    session.conn.execute("CREATE TEMP TRIGGER no_write BEFORE UPDATE ON indicator "
                         "BEGIN SELECT RAISE(ABORT, 'disk is full'); END")
    session.undo_stack.redo()
    qapp.processEvents()
    assert session.undo_stack.index() == 0 and session.undo_stack.canRedo()
    assert reread(path).projects[0].indicators[0].actual == before
    session.conn.execute("DROP TRIGGER no_write")
    session.undo_stack.redo()
    assert reread(path).projects[0].indicators[0].actual == "1次"


def test_reload_outside_undo_forgets_history_at_once(session, path):
    session.set_value("indicator", pid_of(session), ind_id(session, 0), "actual", "1次")
    session.reload()
    assert session.undo_stack.count() == 0
    assert session.document.projects[0].indicators[0].actual == "1次"


def test_a_25_digit_actual_is_kept_red_and_the_window_does_not_crash(session, path):
    """1234567890123456789012345 typed as 实际完成值 made the scoring raise
    InvalidOperation; an error box, then a segfault (typed) or a screen ≠ file (pasted)."""
    pid, iid = pid_of(session), ind_id(session)
    session.set_value("indicator", pid, iid, "actual", "1234567890123456789012345")
    score = session.score(pid).indicators[0]
    assert score.score is None and "超过 15 位" in (score.error or "")
    assert reread(path).projects[0].indicators[0].actual == "1234567890123456789012345"


def test_a_value_the_scoring_cannot_take_leaves_memory_as_the_file(session, path, monkeypatch):
    """Whatever goes wrong in rescoring, the document in memory is put back: before, only a
    failed write restored it, so the window showed a value the file did not hold."""
    pid, iid = pid_of(session), ind_id(session)
    before = session.project(pid).indicators[0].actual
    real = session._rescore

    def broken(ref):
        if session.project(pid).indicators[0].actual == "42":
            raise ArithmeticError("scoring failed")
        real(ref)

    monkeypatch.setattr(session, "_rescore", broken)
    with pytest.raises(ArithmeticError):
        session.set_value("indicator", pid, iid, "actual", "42")
    assert session.project(pid).indicators[0].actual == before
    assert reread(path).projects[0].indicators[0].actual == before


@pytest.mark.parametrize("entity, row, attr, typed", [
    ("funding", None, "annual_budget", "99999999999999999999"),    # a 20-digit code pasted
    ("funding", None, "executed", "9999999999999"),                # 13 digits of 万元
    ("indicator", 0, "weight", "1" + "0" * 28),                    # past Decimal's 28 digits
])
def test_a_number_too_long_is_kept_red_and_the_file_is_what_the_screen_shows(
        session, path, entity, row, attr, typed):
    """13+ digits of 万元 could not be written (past SQLite's 64-bit integers);
    the screen, the score and the forms kept the figure and the file the old one, with an
    English 程序出错 box. A 29-digit 分值 raised decimal.InvalidOperation. Now both are read as
    what they are, an unreadable cell: kept as typed, red, saying why, in the file too."""
    pid = pid_of(session)
    key = session.document.projects[0].indicators[row].id if row is not None else None
    error = session.set_value(entity, pid, key, attr, typed)
    assert error and ("过大" in error or "超过 15 位" in error)
    assert session.unread(entity, pid, key, attr) == typed
    disk, memory = reread(path).projects[0], session.project(pid)
    if entity == "funding":
        assert getattr(disk.funding, attr) is None is getattr(memory.funding, attr)
    else:
        assert disk.indicators[row].weight is None is memory.indicators[row].weight


def test_a_row_the_file_cannot_take_is_taken_back_from_memory(session, path):
    """A spending line with an amount past SQLite's integers, from a caller that did not read it
    through a cell (the rows' writer is the last guard): neither in memory nor in the file."""
    from selfeval_desktop.domain.model import BudgetLine
    pid = pid_of(session)
    before = len(session.project(pid).budget_lines)
    for inside_a_paste in (False, True):
        with pytest.raises(OverflowError):
            if inside_a_paste:
                with session.macro("粘贴"):
                    session.insert_rows("budget_line", pid, None, [BudgetLine(name="x", planned=10**20)])
            else:
                session.insert_rows("budget_line", pid, None, [BudgetLine(name="x", planned=10**20)])
        assert len(session.project(pid).budget_lines) == before
        assert len(reread(path).projects[0].budget_lines) == before
