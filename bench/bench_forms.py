"""Printing speed: one 自评基本情况表 against LibreOffice printing the same form, and seed 004 whole.

Ours: seed 003's 项目单位自评基本情况表 rendered to PDF bytes in the process (what the window's
打印 does; fonts registered once per process) and, for a like-for-like cold start, the ``print``
command in a fresh Python process. Baseline, in the same run: LibreOffice (``soffice --headless
--convert-to pdf``, a fresh process each time, its profile created beforehand) converting an xlsx
of the same form (same cells, merges, borders, values; written here with openpyxl).
Goal (issue 4): ours ≤ 1/20 of LibreOffice's time. Also: all ~20 projects of seed 004 in one PDF,
each form; and seed 003's form with a 20,000- and a 100,000-character 实际完成情况 (the time
once grew with the square of the length, 37 s and > 10 min; goals < 3 s and < 30 s), against the
same form with its own short text (the note says how the time grew from 20,000 to 100,000).

    python bench/run.py forms        (or python bench/bench_forms.py)
"""
from __future__ import annotations

from pathlib import Path
import shutil
import subprocess
import sys
import tempfile

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from harness import Result, measure  # noqa: E402

from selfeval_desktop.db.demo import build_demo, write_demo  # noqa: E402
from selfeval_desktop.domain.evaluation import profile_for  # noqa: E402
from selfeval_desktop.domain.model import Source, source_label  # noqa: E402
from selfeval_desktop.domain.money import format_wan, sum_fen  # noqa: E402
from selfeval_desktop.domain.scoring import score_project  # noqa: E402
from selfeval_desktop.reports.export import render_pdf  # noqa: E402
from selfeval_desktop.reports.form_basic import period_text  # noqa: E402


def basic_form_xlsx(doc, project, path: Path) -> None:
    """The 自评基本情况表 as a worksheet: 4 columns, merged cells, thin borders, wrapped 宋体."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    wb = Workbook()
    ws = wb.active
    ws.title = "基本情况表"
    for col, width in zip("ABCD", (18, 24, 18, 24)):
        ws.column_dimensions[col].width = width
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name="宋体", size=10.5)
    rows: list[tuple[list, list[tuple[int, int]]]] = []   # (cells, merged column ranges)
    f = project.funding
    rows.append((["项目名称：" + project.name], [(1, 4)]))
    rows.append((["一、项 目 基 本 概 况"], [(1, 4)]))
    rows.append((["项目负责人", project.leader, "联系电话", project.phone], []))
    rows.append((["地　　址", project.address, "邮　　编", project.postcode], []))
    rows.append((["项目起止时间", period_text(project.start, project.end)], [(2, 4)]))
    rows.append((["计划安排资金（万元）", format_wan(f.planned_total), "实际到位资金（万元）",
                  format_wan(f.arrived_total)], []))
    for i, source in enumerate(Source):
        label = ("其中：" if i == 0 else "") + ("其它" if source is Source.OTHER else
                                                source_label(source, doc.unit.region_word))
        amount = f.by_source[source]
        rows.append(([label, format_wan(amount.planned), label, format_wan(amount.arrived)], []))
    rows.append((["实际支出（万元）", format_wan(f.spent_total)], [(2, 4)]))
    rows.append((["二、项目支出明细"], [(1, 4)]))
    rows.append((["支出内容（按经济科目）", "", "计划支出数", "实际支出数"], [(1, 2)]))
    for line in project.budget_lines:
        rows.append(([f"{line.code}{line.name}", "", format_wan(line.planned),
                      format_wan(line.actual)], [(1, 2)]))
    rows.append((["支出合计", "", format_wan(sum_fen(b.planned for b in project.budget_lines)),
                  format_wan(sum_fen(b.actual for b in project.budget_lines))], [(1, 2)]))
    rows.append((["", "预期（或调整后）", "", "实际"], [(2, 3)]))
    rows.append((["项目绩效目标及实施计划完成情况", project.goal_expected, "", project.goal_actual],
                 [(2, 3)]))
    score = score_project(project, profile_for(doc, project))
    rows.append((["综合得分", f"{score.total}分"], [(2, 4)]))
    rows.append((["自评等次", score.grade], [(2, 4)]))
    rows.append((["四、评价人员"], [(1, 4)]))
    rows.append((["姓名", "职称/职务", "单位", "签字"], []))
    for e in project.evaluators:
        rows.append(([e.name, e.title, e.org, ""], []))
    rows.append((["五、项目单位（评价机构）意见：\n\n\n\n（盖章）\n年　月　日"], [(1, 4)]))
    rows.append((["六、主管部门审核意见：\n\n\n\n（盖章）\n年　月　日"], [(1, 4)]))
    ws.append(["项目单位自评基本情况表"])
    ws.merge_cells(start_row=1, end_row=1, start_column=1, end_column=4)
    ws.cell(1, 1).font = Font(name="黑体", size=18)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    for cells, merges in rows:
        ws.append(cells)
        r = ws.max_row
        for c in range(1, 5):
            cell = ws.cell(r, c)
            cell.border, cell.font = box, font
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for a, b in merges:
            ws.merge_cells(start_row=r, end_row=r, start_column=a, end_column=b)
        if any("盖章" in str(c) for c in cells):
            ws.row_dimensions[r].height = 120
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    wb.save(path)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def benchmarks(quick: bool) -> list[Result]:
    results: list[Result] = []
    doc3 = build_demo("003")
    project = doc3.projects[0]
    repeat = 5 if quick else 30
    ours = measure(lambda: render_pdf(doc3, [project], "basic"), repeat=repeat)
    tmp = Path(tempfile.mkdtemp(prefix="bench_forms_"))
    try:
        document = tmp / "hechi.sqlite"
        write_demo(document, "003")
        cli = [sys.executable, "-m", "selfeval_desktop.cli", "print", str(document),
               "-o", str(tmp / "cli.pdf"), "--force"]   # measured again: replaces
        cold = measure(lambda: subprocess.run(cli, check=True, capture_output=True,
                                              cwd=HERE.parent),
                       repeat=2 if quick else 5, warmup=1)
        office = soffice()
        lo_median = None
        if office:
            xlsx = tmp / "基本情况表.xlsx"
            basic_form_xlsx(doc3, project, xlsx)
            profile = tmp / "lo-profile"
            lo = [office, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                  "--convert-to", "pdf", "--outdir", str(tmp / "lo"), str(xlsx)]
            samples = measure(lambda: subprocess.run(lo, check=True, capture_output=True,
                                                     timeout=300),
                              repeat=1 if quick else 3, warmup=1)
            assert (tmp / "lo" / "基本情况表.pdf").is_file(), "LibreOffice wrote no PDF"
            results.append(Result("LibreOffice: 基本情况表 xlsx → PDF (cold process)", samples,
                                  note="baseline"))
            lo_median = results[-1].median
        else:
            results.append(Result("LibreOffice: not installed, baseline skipped", [0.0],
                                  note="install libreoffice-calc to compare"))
        base = results[-1].name if lo_median else None
        goal = lo_median / 20 if lo_median else None
        mine = Result("ours: 基本情况表 → PDF (in process)", ours, baseline=base, goal=goal,
                      goal_text="≤ 1/20 LibreOffice" if goal else "")
        cli_run = Result("ours: print command, fresh Python process", cold, baseline=base)
        if lo_median:
            mine.note = f"1/{lo_median / mine.median:.0f} of LibreOffice's time (goal: ≤ 1/20)"
            cli_run.note = (f"imports + fonts + document + PDF: 1/{lo_median / cli_run.median:.1f} "
                            "of LibreOffice's time")
        results += [mine, cli_run]
        doc4 = build_demo("004")
        n = len(doc4.project_list())
        for form in ("basic", "mof"):
            samples = measure(lambda: render_pdf(doc4, doc4.project_list(), form),
                              repeat=2 if quick else 5, warmup=1)
            results.append(Result(f"ours: seed 004, {n} projects, {form} → one PDF", samples,
                                  baseline=base))
        results += long_texts(doc3, mine.name, quick)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def long_texts(doc, base: str, quick: bool) -> list[Result]:
    """Seed 003's 基本情况表 and 自评表 with a long 实际完成情况 (once quadratic in its length)."""
    sentence = ("通过对科技专家进行分类，扩大推荐人选完善人员构成，完成率≥95%，节约资金0.25万元，"
                "于2021年12月前全部拨付，优化了科技工作者状况调查站点设置。")
    project = doc.projects[0]
    short = project.goal_actual
    out = []
    try:
        for form in ("basic", "mof"):
            rows = []
            for size, goal in ((20_000, 3.0), (100_000, 30.0)):
                project.goal_actual = (sentence * (size // len(sentence) + 1))[:size]
                samples = measure(lambda: render_pdf(doc, [project], form),
                                  repeat=1 if quick else 3, warmup=0 if quick else 1)
                rows.append(Result(f"ours: 003 {form}, 实际完成情况 of {size:,} characters",
                                   samples, baseline=base, goal=goal, goal_text=f"< {goal:g} s"))
            rows[1].note = (f"5× the text, {rows[1].median / rows[0].median:.1f}× the time "
                            "(was quadratic in an earlier release)")
            out += rows
    finally:
        project.goal_actual = short
    return out


if __name__ == "__main__":
    from run import main  # noqa: E402
    sys.exit(main(["forms"] + sys.argv[1:]))
