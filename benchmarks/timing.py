"""Timing helpers shared by the benchmark modules."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(work: Callable[[], object], runs: int) -> list[float]:
    """Seconds each of ``runs`` calls of ``work`` took."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return times


def p95(samples: list[float]) -> float:
    """The 95th percentile of the samples (the sample itself when there is one)."""
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]
