"""Cold start: spawn to main window with the first page of customers, against a bare floor."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.data import OUT, PASSPHRASE
from benchmarks.report import Result

FLOOR_SCRIPT = Path(__file__).resolve().with_name("floor_gui.py")
MARKER = "FIRST_PAGE_SHOWN"
TIMEOUT_S = 120
TARGET = "≤ 1.5"


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
    )
    return env


def spawn(command: list[str]) -> float:
    """Seconds from just before the spawn to the child's ``FIRST_PAGE_SHOWN`` report."""
    env = _env()
    env["CRM_BENCH_T0"] = repr(time.time())
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise UnavailableError(f"no first page within {TIMEOUT_S} s") from None
    for line in done.stdout.splitlines():
        if line.startswith(MARKER):
            return float(line.split()[1])
    tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
    raise UnavailableError(f"exit {done.returncode}: {tail[:120]}")


def app_command(db: Path) -> list[str]:
    return [sys.executable, "-m", "crm_desktop", "--db", str(db)]


def floor_command(db: Path) -> list[str]:
    return [sys.executable, str(FLOOR_SCRIPT), "--db", str(db)]


def run(db: Path, customers: int, runs: int = 5) -> list[Result]:
    """Median of ``runs`` starts of each, interleaved, after one unmeasured warm-up of each."""
    figure = f"cold start to first page, {customers:,} customers (median of {runs})"
    floor_times: list[float] = []
    app_times: list[float] = []
    error = ""
    try:
        spawn(floor_command(db))
        for _ in range(runs):
            floor_times.append(spawn(floor_command(db)))
    except UnavailableError as exc:
        return [Result(figure, None, "s", note=f"floor failed: {exc}", target=TARGET)]
    try:
        spawn(app_command(db))
        for i in range(runs):
            if i:  # interleave: the floor runs between the program's runs
                floor_times.append(spawn(floor_command(db)))
            app_times.append(spawn(app_command(db)))
    except UnavailableError as exc:
        error = str(exc)
    floor = statistics.median(floor_times)
    if error or not app_times:
        return [
            Result(figure, None, "s", floor, "bare Qt + sqlcipher3", TARGET, note=error),
        ]
    return [
        Result(
            figure,
            statistics.median(app_times),
            "s",
            floor,
            "bare Qt window + sqlcipher3 key + SELECT",
            TARGET,
        )
    ]
