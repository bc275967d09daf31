"""Kill test: a child process writes through the services and is SIGKILLed at random moments.

``python -m benchmarks.bench_kill [--kills 200] [--seed 1]``

The child opens the encrypted file the way the app does and performs random committed
writes (new customers, edits, follow-ups, batches of 50 customers in one transaction),
printing one line per commit *after* the commit returned. The parent kills it with SIGKILL
at a random moment (some during start-up and opening, most while writing), then checks the
file: it opens with the key, ``PRAGMA integrity_check`` and ``cipher_integrity_check`` pass,
every reported commit is present, and no batch is present in part. It prints the counts.
The test suite runs the same harness with a few dozen kills (tests/safety/test_kill.py).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PASSPHRASE = "kill test passphrase"
BATCH = 50
ROOT = Path(__file__).resolve().parent.parent


# --- the child ----------------------------------------------------------------------------------


def child(path: Path, seed: int) -> None:
    from crm_desktop.services.journal import Action
    from crm_desktop.services.workspace import open_workspace

    rng = random.Random(seed)
    ws = open_workspace(path, PASSPHRASE)
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    mine: list[str] = []
    seq = 0
    while True:
        seq += 1
        tag = f"{seed}-{seq}"
        roll = rng.random()
        if roll < 0.45 or not mine:
            phone = f"13{rng.randrange(10**9):09d}"
            cid = ws.customers.create(name=f"K{tag}", phone=phone, notes="x" * rng.randrange(2000))
            mine.append(cid)
            out.write(f"C {cid} K{tag}\n")
        elif roll < 0.75:
            cid = rng.choice(mine)
            ws.customers.update(cid, notes=f"N{seq}")
            out.write(f"U {cid} {seq}\n")
        elif roll < 0.95:
            cid = rng.choice(mine)
            fid = ws.followups.create(customer_id=cid, subject=f"F{tag}")
            out.write(f"F {fid} F{tag}\n")
        else:
            with ws.db.write() as session:
                action = Action(session, ws.ctx)
                for n in range(BATCH):
                    cleaned = ws.customers.clean({"name": f"B{tag}-{n}"}, creating=True)
                    ws.customers.create_in(action, cleaned)
            out.write(f"B B{tag}- {BATCH}\n")
        out.flush()


# --- the parent ---------------------------------------------------------------------------------


@dataclass
class Ledger:
    """What the children reported as committed."""

    customers: dict[str, str] = field(default_factory=dict)  # id -> name
    notes_seq: dict[str, int] = field(default_factory=dict)  # id -> last reported update
    followups: dict[str, str] = field(default_factory=dict)  # id -> subject
    batches: list[str] = field(default_factory=list)  # name prefixes

    @property
    def commits(self) -> int:
        return len(self.customers) + len(self.followups) + len(self.batches) + self._updates

    _updates: int = 0

    def read(self, line: str) -> None:
        kind, *rest = line.split()
        if kind == "C":
            self.customers[rest[0]] = rest[1]
        elif kind == "U":
            self.notes_seq[rest[0]] = int(rest[1])
            self._updates += 1
        elif kind == "F":
            self.followups[rest[0]] = rest[1]
        elif kind == "B":
            self.batches.append(rest[0])


@dataclass
class Counts:
    kills: int = 0
    kills_before_ready: int = 0
    commits_reported: int = 0
    checks_passed: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _key(path: Path) -> str:
    from crm_desktop.db.keyed_file import raw_key

    return raw_key(path, PASSPHRASE)


def _missing(conn: Any, ledger: Ledger) -> list[str]:
    """Reported commits that the file lacks, and batches present in part."""
    problems: list[str] = []
    names = dict(conn.execute("SELECT id, name FROM customers").fetchall())
    for cid, name in ledger.customers.items():
        if names.get(cid) != name:
            problems.append(f"reported customer {cid} missing")
    notes = dict(conn.execute("SELECT id, notes FROM customers WHERE notes LIKE 'N%'"))
    for cid, seq in ledger.notes_seq.items():
        found = notes.get(cid)
        if found is None or int(found[1:]) < seq:  # a later, unreported edit may follow
            problems.append(f"reported edit {seq} of {cid} missing")
    subjects = dict(conn.execute("SELECT id, subject FROM followups").fetchall())
    for fid, subject in ledger.followups.items():
        if subjects.get(fid) != subject:
            problems.append(f"reported follow-up {fid} missing")
    batch_rows: dict[str, int] = {}
    for (name,) in conn.execute("SELECT name FROM customers WHERE name LIKE 'B%'"):
        prefix = name.rsplit("-", 1)[0] + "-"
        batch_rows[prefix] = batch_rows.get(prefix, 0) + 1
    for prefix in ledger.batches:
        if batch_rows.get(prefix) != BATCH:
            problems.append(f"reported batch {prefix} has {batch_rows.get(prefix, 0)} rows")
    for prefix, rows in batch_rows.items():
        if rows != BATCH:
            problems.append(f"batch {prefix} is partial: {rows} rows")
    return problems


def check_file(path: Path, key: str, ledger: Ledger) -> list[str]:
    """Problems found in the file after a kill (empty: all good)."""
    import sqlcipher3

    problems: list[str] = []
    from crm_desktop.db.keyed_file import register_functions

    conn = sqlcipher3.connect(str(path), isolation_level=None)
    register_functions(conn)  # integrity_check evaluates the expression indexes
    try:
        conn.execute(f"PRAGMA key = {key}")
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:3]}")
        cipher = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if cipher:
            problems.append(f"cipher_integrity_check: {cipher[:3]}")
        problems += _missing(conn, ledger)
    finally:
        conn.close()
    return problems


def _spawn(path: Path, seed: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "benchmarks.bench_kill", "--child", str(path), "--seed", str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def run_kills(kills: int, seed: int = 1, folder: Path | None = None) -> Counts:
    """Create a file, then spawn, kill and check ``kills`` times; returns the counts."""
    from crm_desktop.services.workspace import create_workspace

    rng = random.Random(seed)
    counts = Counts()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        path = Path(tmp) / "kill.db"
        create_workspace(path, PASSPHRASE, owner_name="owner").close()
        key = _key(path)
        ledger = Ledger()
        for round_number in range(kills):
            proc = _spawn(path, seed * 100_000 + round_number)
            assert proc.stdout is not None
            early = rng.random() < 0.15
            if early:  # during start-up, opening or the first writes
                time.sleep(rng.uniform(0.0, 1.5))
            else:
                first = proc.stdout.readline()
                if first.strip() != "READY":
                    proc.kill()
                    proc.wait()
                    proc.stdout.close()
                    counts.failures.append(f"round {round_number}: child did not start")
                    continue
                # its first commit, however busy the machine: every such round has work to
                # lose, and the kill then falls anywhere in the writes that follow
                first_commit = proc.stdout.readline()
                if first_commit.strip():
                    ledger.read(first_commit)
                time.sleep(rng.uniform(0.0, 0.8))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            for line in proc.stdout.read().splitlines():
                if line and line != "READY":
                    ledger.read(line)
            proc.stdout.close()
            counts.kills += 1
            counts.kills_before_ready += early
            problems = check_file(path, key, ledger)
            if problems:
                counts.failures.extend(f"kill {round_number}: {p}" for p in problems[:5])
            else:
                counts.checks_passed += 1
        counts.commits_reported = ledger.commits
    counts.seconds = time.perf_counter() - started
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_kill", description=__doc__)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.child, args.seed)
        return 0
    counts = run_kills(args.kills, args.seed)
    print(f"kills: {counts.kills} ({counts.kills_before_ready} during start-up or opening)")
    print(f"commits reported by the children: {counts.commits_reported}")
    print(f"checks passed after a kill (opens, integrity, every commit): {counts.checks_passed}")
    print(f"failures: {len(counts.failures)}")
    for failure in counts.failures[:20]:
        print(f"  {failure}")
    print(f"time: {counts.seconds:.1f} s")
    return 1 if counts.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
