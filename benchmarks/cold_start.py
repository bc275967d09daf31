"""Cold start: spawn to main window with the first page of customers, against a bare floor.

The program prints ``FIRST_PAGE_SHOWN`` when the first page of customers is on screen (the
start-up page, painted from plain SQL before SQLAlchemy loads) and ``WINDOW_READY`` when the
real window has painted its own first page; both are compared with the floor, a bare Qt
window plus the keyed ``SELECT`` (``floor_gui.py``). Runs are interleaved with the floor's,
so a machine busy with other work slows both alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.data import OUT, PASSPHRASE
from benchmarks.report import Result
from benchmarks.timing import p95

FLOOR_SCRIPT = Path(__file__).resolve().with_name("floor_gui.py")
MARKER = "FIRST_PAGE_SHOWN"
READY = "WINDOW_READY"
TIMEOUT_S = 120
TARGET = "≤ 1.5"
FLOOR_LABEL = "bare Qt window + sqlcipher3 key + SELECT"


class UnavailableError(Exception):
    """The program did not report its first page (not built yet, crashed or timed out)."""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        CRM_PASSPHRASE=PASSPHRASE,
        CRM_BENCH_FIRST_PAGE="1",
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(OUT / "config"),  # no saved window state from elsewhere
        XDG_DATA_HOME=str(OUT / "data"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    # An installed program has its bytecode cached: the unmeasured warm-up run writes it, so
    # the measured runs do not compile the program's modules again each time.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def spawn_markers(command: list[str]) -> dict[str, float]:
    """Seconds from just before the spawn to each marker the child printed."""
    env = _env()
    env["CRM_BENCH_T0"] = repr(time.time())
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise UnavailableError(f"no first page within {TIMEOUT_S} s") from None
    found = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in (MARKER, READY):
            found[parts[0]] = float(parts[1])
            if len(parts) > 2:  # the CPU seconds the child had used by then
                found[f"{parts[0]} CPU"] = float(parts[2])
    if MARKER not in found:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise UnavailableError(f"exit {done.returncode}: {tail[:120]}")
    return found


def spawn(command: list[str]) -> float:
    """Seconds from just before the spawn to the child's ``FIRST_PAGE_SHOWN`` report."""
    return spawn_markers(command)[MARKER]


def app_command(db: Path) -> list[str]:
    return [sys.executable, "-m", "crm_desktop", "--db", str(db)]


def floor_command(db: Path) -> list[str]:
    return [sys.executable, str(FLOOR_SCRIPT), "--db", str(db)]


def _summary(samples: list[float]) -> str:
    return f"p50 {statistics.median(samples):.3f} s, p95 {p95(samples):.3f} s, n={len(samples)}"


def run(db: Path, customers: int, runs: int = 5) -> list[Result]:
    """Medians of ``runs`` starts of each, interleaved, after one unmeasured warm-up of each."""
    figure = f"cold start to first page, {customers:,} customers (median of {runs})"
    ready_figure = f"cold start to the full window's own first page, {customers:,} customers"
    floor_times: list[float] = []
    first: list[float] = []
    ready: list[float] = []
    floor_cpu: list[float] = []
    first_cpu: list[float] = []
    ready_cpu: list[float] = []
    try:
        spawn(floor_command(db))
        spawn(app_command(db))
        for _ in range(runs):
            floor_markers = spawn_markers(floor_command(db))
            floor_times.append(floor_markers[MARKER])
            markers = spawn_markers(app_command(db))
            first.append(markers[MARKER])
            ready.append(markers.get(READY, markers[MARKER]))
            if f"{MARKER} CPU" in markers and f"{MARKER} CPU" in floor_markers:
                floor_cpu.append(floor_markers[f"{MARKER} CPU"])
                first_cpu.append(markers[f"{MARKER} CPU"])
                ready_cpu.append(markers.get(f"{READY} CPU", markers[f"{MARKER} CPU"]))
    except UnavailableError as exc:
        floor = statistics.median(floor_times) if floor_times else None
        return [Result(figure, None, "s", floor, FLOOR_LABEL, TARGET, note=str(exc))]
    floor = statistics.median(floor_times)
    print(f"  cold start floor: {_summary(floor_times)}", file=sys.stderr)
    print(f"  cold start first page: {_summary(first)}", file=sys.stderr)
    print(f"  cold start window ready: {_summary(ready)}", file=sys.stderr)
    results = [
        Result(figure, statistics.median(first), "s", floor, FLOOR_LABEL, TARGET),
        Result(ready_figure, statistics.median(ready), "s", floor, FLOOR_LABEL),
    ]
    if first_cpu:  # work done, whatever else the machine runs (parallel work counts in full)
        print(
            f"  CPU to first page: floor {_summary(floor_cpu)}; ours {_summary(first_cpu)}",
            file=sys.stderr,
        )
        results.append(
            Result(
                f"CPU seconds used until the first page, {customers:,} customers (median)",
                statistics.median(first_cpu),
                "s",
                statistics.median(floor_cpu),
                "the floor's CPU seconds",
            )
        )
        results.append(
            Result(
                f"CPU seconds used until the full window's own first page, {customers:,}"
                " customers (median)",
                statistics.median(ready_cpu),
                "s",
                statistics.median(floor_cpu),
                "the floor's CPU seconds",
            )
        )
    return results


def main(argv: list[str]) -> int:
    """``python -m benchmarks.cold_start [CUSTOMERS] [RUNS]``: this figure alone."""
    from benchmarks.data import demo_file
    from benchmarks.report import table

    customers = int(argv[1]) if len(argv) > 1 else 100_000
    runs = int(argv[2]) if len(argv) > 2 else 7
    print(f"load average: {os.getloadavg()}", file=sys.stderr)
    print(table(run(demo_file(customers).path, customers, runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
