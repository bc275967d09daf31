"""Demo generation speed: customers (with their records) per second, against raw inserts.

The floor is a raw ``executemany`` of as many minimal rows (a random UUID key and one short
text) into a fresh encrypted file, in as many transactions: what inserting that many rows
costs before any realism, indexes, triggers or Python-side generation.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from benchmarks.data import OUT, PASSPHRASE, DemoFile, build, remove
from benchmarks.report import Result

MILLION = 1_000_000
TARGET_1M = "≤ 300 s (a few minutes)"


def _floor(rows: int, transactions: int) -> float:
    import sqlcipher3

    path = OUT / "floor-inserts.db"
    remove(path)
    ids = [(str(uuid.uuid4()), "x" * 20) for _ in range(rows)]
    per = max(1, -(-rows // transactions))
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA key = '{}'".format(PASSPHRASE.replace("'", "''")))
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE t (id VARCHAR(36) PRIMARY KEY, v TEXT)")
        started = time.perf_counter()
        for start in range(0, rows, per):
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT INTO t VALUES (?, ?)", ids[start : start + per])
            conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()
        remove(path)


def run(customers: int) -> list[Result]:
    from crm_desktop.services.demo import CHUNK

    path = OUT / f"generation-{customers}.db"
    rows, seconds, cpu = build(path, customers, quiet=True)
    remove(path)
    floor = _floor(rows, max(1, -(-customers // CHUNK)))
    return [
        Result(
            f"demo generation, {customers:,} customers = {rows:,} rows",
            seconds,
            "s",
            floor,
            "raw executemany of as many minimal rows",
            note=f"CPU {cpu:.1f} s",
        ),
        Result("demo generation rate, customers with their records", customers / seconds, "/s"),
        Result("demo generation rate, rows (all tables)", rows / seconds, "/s"),
        Result(
            "1,000,000 customers, projected from this rate",
            MILLION * seconds / customers,
            "s",
            target=TARGET_1M,
        ),
    ]


def million(demo: DemoFile) -> list[Result]:
    """The measured build of the 1,000,000-customer file (possibly from an earlier run)."""
    return [
        Result(
            f"1,000,000 customers generated ({demo.rows:,} rows)",
            demo.seconds,
            "s",
            target=TARGET_1M,
            note="; ".join(
                ([f"CPU {demo.cpu:.0f} s"] if demo.cpu else [])
                + (["built by an earlier run"] if demo.cached else [])
            ),
        ),
        Result("1,000,000 customers: rows per second", demo.rows / demo.seconds, "/s"),
    ]


def file_size(path: Path) -> float:
    return path.stat().st_size / 2**20
