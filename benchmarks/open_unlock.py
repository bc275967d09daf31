"""Open and unlock the file through ``open_database`` against raw ``sqlcipher3`` with the key."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from benchmarks.data import PASSPHRASE
from benchmarks.report import Result

FIRST_PAGE = "SELECT id, name FROM customers ORDER BY name LIMIT 100"
TARGET = "≤ 1.2 (proposed)"


def _ours(path: Path) -> float:
    from sqlalchemy import text

    from crm_desktop.db.engine import open_database

    started = time.perf_counter()
    db = open_database(path, PASSPHRASE)
    with db.session() as session:
        session.execute(text(FIRST_PAGE)).all()
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def _floor(path: Path) -> float:
    import sqlcipher3

    started = time.perf_counter()
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = '{}'".format(PASSPHRASE.replace("'", "''")))
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def run(path: Path, customers: int, runs: int = 7) -> list[Result]:
    """Median of ``runs`` interleaved opens of each, after one unmeasured warm-up."""
    _ours(path)
    _floor(path)
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(runs):
        floor.append(_floor(path))
        ours.append(_ours(path))
    return [
        Result(
            f"open + unlock + first page query, {customers:,} customers (median of {runs})",
            statistics.median(ours),
            "s",
            statistics.median(floor),
            "raw sqlcipher3 connect + key + SELECT",
            TARGET,
        )
    ]
