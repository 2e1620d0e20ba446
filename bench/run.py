"""Run every bench/bench_*.py and print one table.

    python bench/run.py            # all benchmarks
    python bench/run.py scoring    # only files whose name contains "scoring"
    python bench/run.py --quick    # fewer repetitions (a smoke run)

Each bench file defines ``benchmarks(quick: bool) -> list[harness.Result]``. Medians and p99 are
printed with the ratio to the baseline measured in the same run; the exit status is 1 when a
stated goal is missed.
"""
from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
import platform
import sys

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from harness import Result, fmt_time  # noqa: E402


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def table(group: str, results: list[Result]) -> list[list[str]]:
    by_name = {r.name: r for r in results}
    rows = []
    for r in results:
        base = by_name.get(r.baseline) if r.baseline else None
        ratio = f"{r.median / base.median:.2f}×" if base and base.median > 0 else "—"
        goal = r.goal_text or ""
        if r.met is not None:
            goal += " ok" if r.met else " MISSED"
        rows.append([group, r.name, str(len(r.samples)), fmt_time(r.median), fmt_time(r.p99),
                     ratio, base.name if base else "", goal.strip()])
    return rows


def print_table(rows: list[list[str]]) -> None:
    head = ["file", "measure", "n", "median", "p99", "× baseline", "baseline", "goal"]
    widths = [max(_width(x) for x in col) for col in zip(head, *rows)]
    for row in [head, ["-" * w for w in widths], *rows]:
        print("  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(row, widths)).rstrip())


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks in bench/.")
    parser.add_argument("only", nargs="*", help="run only files whose name contains one of these")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args(argv)
    files = sorted(HERE.glob("bench_*.py"))
    if args.only:
        files = [f for f in files if any(word in f.stem for word in args.only)]
    print(f"Python {platform.python_version()} on {platform.platform()}; "
          f"{'quick run' if args.quick else 'full run'}")
    rows, missed = [], []
    for path in files:
        results = load(path).benchmarks(args.quick)
        rows += table(path.stem.removeprefix("bench_"), results)
        missed += [f"{path.stem}: {r.name}" for r in results if r.met is False]
        for r in results:
            if r.note:
                print(f"  {path.stem} / {r.name}: {r.note}")
    print()
    print_table(rows)
    if missed:
        print("\ngoal missed: " + "; ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
