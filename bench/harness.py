"""Small timing helpers shared by the bench/bench_*.py files.

A bench file defines ``benchmarks(quick: bool) -> list[Result]``. Each Result holds the raw
samples (seconds) of one measurement; ``baseline`` names another Result of the same file, measured
in the same run, that the median is compared with (machines differ, ratios travel).
"""
from __future__ import annotations

from dataclasses import dataclass, field
import statistics
import time


@dataclass
class Result:
    name: str
    samples: list[float]                 # seconds, one per repetition
    baseline: str | None = None          # name of the Result this one is compared with
    goal: float | None = None            # the median must stay below this many seconds
    goal_text: str = ""                  # how the goal is stated ("< 1 ms")
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p99(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]

    @property
    def met(self) -> bool | None:
        return None if self.goal is None else self.median < self.goal


def measure(fn, repeat: int, before=None, warmup: int = 3) -> list[float]:
    """Time ``fn()`` ``repeat`` times; ``before()`` runs untimed before each call."""
    for _ in range(warmup):
        if before:
            before()
        fn()
    samples = []
    clock = time.perf_counter
    for _ in range(repeat):
        if before:
            before()
        start = clock()
        fn()
        samples.append(clock() - start)
    return samples


def fmt_time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"
