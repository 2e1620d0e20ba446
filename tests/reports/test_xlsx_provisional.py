"""Exported and aggregated workbooks never show a grade for a provisional total (分值 not adding up
to 100): 自评等次 is “—” with a one-line note saying why, as on the printed forms; a final total
keeps its grade formula; a project with nothing scored says 未评分."""
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from selfeval_desktop.db.demo import build_demo
from selfeval_desktop.domain.evaluation import profile_for, shown_rule_grade
from selfeval_desktop.domain.scoring import score_project
from selfeval_desktop.reports.xlsx_aggregate import Source, build_summary, write_summary
from selfeval_desktop.reports.xlsx_export import export_workbook, sheet_names

from .spreadsheet import recalculated, soffice

needs_soffice = pytest.mark.skipif(not soffice(),
                                   reason="LibreOffice (soffice) is not installed; CI installs it")


def _scores(doc):
    return [score_project(p, profile_for(doc, p)) for p in doc.projects]


def _demo004():
    """Seed 004: projects whose 分值 add up to 70 (provisional) and final ones side by side."""
    doc = build_demo("004")
    scores = _scores(doc)
    assert any(s.provisional for s in scores) and any(s.scored and not s.provisional
                                                      for s in scores)
    return doc, scores


def _grade_row(ws) -> int:
    return next(r for r in range(1, 200) if ws.cell(r, 1).value == "自评等次")


def _texts(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def test_a_provisional_project_sheet_shows_a_dash_and_says_why(tmp_path):
    doc, scores = _demo004()
    out = tmp_path / "demo.xlsx"
    export_workbook(doc, out)
    formulas = openpyxl.load_workbook(out)
    shown = openpyxl.load_workbook(out, data_only=True)
    for name, score in zip(sheet_names(doc), scores):
        ws, values = formulas[name], shown[name]
        row = _grade_row(ws)
        cell = ws.cell(row, 7).value
        if score.provisional:
            assert cell == "—", name                       # a plain value, not a formula
            note = ws.cell(row + 1, 1).value
            assert note and score.provisional_reason in note and "—" in note
            assert ws.print_area.endswith(f"!$A$1:$J${row + 1}")  # the note prints with the form
        else:
            assert cell.startswith("="), name              # the grade follows edited amounts
            assert values.cell(row, 7).value == score.grade
            assert not any("暂不可信" in t for t in _texts(ws))


def test_the_summary_sheet_shows_a_dash_for_provisional_totals_with_a_note(tmp_path):
    doc, scores = _demo004()
    out = tmp_path / "demo.xlsx"
    export_workbook(doc, out)
    summary = openpyxl.load_workbook(out, data_only=True)["汇总"]
    for i, (project, score) in enumerate(zip(doc.projects, scores)):
        assert summary.cell(4 + i, 2).value == project.name
        assert summary.cell(4 + i, 9).value == ("—" if score.provisional else score.grade)
        assert Decimal(str(summary.cell(4 + i, 8).value)) == score.total  # the total stays
    count = sum(s.provisional for s in scores)
    notes = [t for t in _texts(summary) if "暂不可信" in t]
    assert len(notes) == 1 and f"{count} 个项目" in notes[0] and "—" in notes[0]
    # every reason a provisional total has is named (four of them add up to 100 and
    # are provisional because rows have no score, which the note did not say)
    for score in scores:
        if score.provisional:
            assert ("分值合计" in notes[0] if "分值合计" in score.provisional_reason else
                    "尚无得分" in notes[0] if "尚无得分" in score.provisional_reason else
                    "执行率" in notes[0] if "执行率" in score.provisional_reason else
                    False), score.provisional_reason


@needs_soffice
def test_libreoffice_shows_dash_grades_and_unscored_projects_as_a_user_sees_them(tmp_path):
    """What LibreOffice computes from the formulas alone (no saved values): “—” where the total
    is provisional, the band's name where it is final, 未评分 (not 0 or 差) where nothing is."""
    doc, scores = _demo004()
    unscored = build_demo("002")
    assert not any(s.scored for s in _scores(unscored))
    final = [p for p, s in zip(doc.projects, scores) if s.scored and not s.provisional]
    provisional = [p for p, s in zip(doc.projects, scores) if s.provisional]
    doc.projects = provisional[:4] + final[:2] + unscored.projects[:2]
    scores = _scores(doc)
    out = tmp_path / "mixed.xlsx"
    export_workbook(doc, out)
    wb = recalculated(out, tmp_path)
    summary = wb["汇总"]
    for i, (name, score) in enumerate(zip(sheet_names(doc), scores)):
        ws = wb[name]
        row = _grade_row(ws)
        expected = "未评分" if not score.scored else "—" if score.provisional else score.grade
        assert ws.cell(row, 7).value == expected, name
        assert summary.cell(4 + i, 9).value == expected, name
        if not score.scored:
            assert ws.cell(row - 1, 8).value in (None, "")        # no total of 0
            assert summary.cell(4 + i, 8).value in (None, "")
    assert {"—", "未评分"} <= {summary.cell(4 + i, 9).value for i in range(len(scores))}
    assert any(s.scored and not s.provisional for s in scores)


def _sources(tmp_path) -> list[Source]:
    return [Source(Path(tmp_path / f"{seed}.sqlite"), build_demo(seed))
            for seed in ("002", "003", "004")]


def test_the_aggregate_workbook_shows_a_dash_for_provisional_totals_with_a_note(tmp_path):
    sources = _sources(tmp_path)
    out = tmp_path / "summary.xlsx"
    write_summary(sources, out)
    ws = openpyxl.load_workbook(out, data_only=True)["汇总"]
    rows = {(r[1], r[3]): r for r in ws.iter_rows(min_row=4, values_only=True) if r[3]}
    provisional = 0
    for source in sources:
        doc = source.document
        for project, score in zip(doc.projects, _scores(doc)):
            row = rows[(doc.unit.name, project.name)]
            if not score.scored:        # J 总分, K 等次
                assert row[9] is None and row[10] == "未评分"
            elif score.provisional:
                provisional += 1
                assert row[10] == "—" and Decimal(str(row[9])) == score.total
            else:
                assert row[10] == shown_rule_grade(doc, project, score)    # 优, not a unit's 优秀
    assert provisional
    notes = [t for t in _texts(ws) if "暂不可信" in t]
    assert len(notes) == 1 and f"{provisional} 个项目" in notes[0]


def test_an_aggregate_without_provisional_totals_has_no_such_note(tmp_path):
    wb, _ = build_summary([Source(tmp_path / "003.sqlite", build_demo("003"))])
    assert not any("暂不可信" in t for t in _texts(wb["汇总"]))


@needs_soffice
def test_a_project_without_indicators_is_unscored_in_the_workbook_too(tmp_path):
    """Seed 001's six projects without indicators were 未评分 on paper, in `score`
    and in `aggregate`, but 总分 10 / 等次 差 in the exported workbook (the 执行率 score alone)."""
    from selfeval_desktop.domain.model import ProjectKind
    doc = build_demo("001")
    doc.projects = [p for p in doc.projects if p.kind is not ProjectKind.DEPARTMENT]
    bare = [i for i, p in enumerate(doc.projects) if not p.indicators]
    assert bare and all(not _scores(doc)[i].scored for i in bare)
    out = tmp_path / "001.xlsx"
    export_workbook(doc, out)
    for wb in (openpyxl.load_workbook(out, data_only=True), recalculated(out, tmp_path)):
        summary = wb["汇总"]
        for i in bare:
            ws = wb[sheet_names(doc)[i]]
            row = _grade_row(ws)
            assert ws.cell(row - 1, 8).value in (None, "")       # no 总分
            assert ws.cell(row, 7).value == "未评分"
            assert summary.cell(4 + i, 2).value == doc.projects[i].name
            assert summary.cell(4 + i, 8).value in (None, "")   # not 10, not 0
            assert summary.cell(4 + i, 9).value == "未评分"
