"""Reading a workbook back: seed 004's 20-project export through 导入Excel (``import_workbook``).

Before, every field looked up re-normalised every cell's label (5.5 million calls), and the
import took ~6 s, most of it in finding labels rather than reading the file: 28× the baseline
(8.7 s against 0.31 s on the shared 2-core machine), 2.4× once each row's labels were cached.
Baseline, in the same run: openpyxl opening the same workbook read-only and reading every cell of
every sheet (what any import has to pay; ``read_grid``). Goal: the whole import within 3× that.

    python bench/run.py import        (or python bench/bench_import.py)
"""
from __future__ import annotations

from pathlib import Path
import shutil
import sys
import tempfile

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from harness import Result, measure  # noqa: E402

from selfeval_desktop.db.demo import build_demo  # noqa: E402
from selfeval_desktop.reports.xlsx_export import export_workbook  # noqa: E402
from selfeval_desktop.reports.xlsx_import import import_workbook  # noqa: E402
from selfeval_desktop.reports.xlsx_import_locate import read_grid  # noqa: E402


def benchmarks(quick: bool) -> list[Result]:
    import openpyxl
    tmp = Path(tempfile.mkdtemp(prefix="bench_import_"))
    try:
        doc = build_demo("004")
        path = tmp / "seed004.xlsx"
        export_workbook(doc, path)
        n = len(doc.project_list())

        def read_cells():
            wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
            try:
                return [read_grid(ws, ws.title) for ws in wb.worksheets]
            finally:
                wb.close()

        repeat, warmup = (2, 1) if quick else (5, 1)
        base_samples = measure(read_cells, repeat=repeat, warmup=warmup)
        ours = measure(lambda: import_workbook(path), repeat=repeat, warmup=warmup)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    base = Result(f"baseline: openpyxl reads every cell of seed 004's {n}-project export",
                  base_samples)
    result = Result(f"导入Excel: seed 004's {n}-project export → document", ours,
                    baseline=base.name, goal=3 * base.median, goal_text="≤ 3× reading the cells")
    result.note = f"{result.median / base.median:.1f}× reading the cells (28× in an earlier release)"
    return [base, result]


if __name__ == "__main__":
    from run import main  # noqa: E402
    sys.exit(main(["import"] + sys.argv[1:]))
