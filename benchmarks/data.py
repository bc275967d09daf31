"""Demo database files for the benchmarks, built once into ``benchmarks/out`` and reused."""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
PASSPHRASE = "benchmark passphrase"
SEED = 1


@dataclass(frozen=True)
class DemoFile:
    path: Path
    customers: int
    rows: int
    seconds: float  # generation time when the file was built
    cpu: float  # CPU seconds of that build (all threads): less affected by other processes
    cached: bool


def _fingerprint() -> str:
    """Changes whenever the generator changes, so stale files are rebuilt. A newer schema
    does not make a file stale: opening it runs the migrations, as for a user's file."""
    from crm_desktop.services import demo

    source = Path(demo.__file__).read_bytes()
    return hashlib.sha256(source).hexdigest()[:16]


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".json"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build(
    path: Path, customers: int, *, quiet: bool = False, followup_scale: float = 1.0
) -> tuple[int, float, float]:
    """A new demo file at ``path``; returns (rows inserted, seconds, CPU seconds)."""
    from crm_desktop.services.demo import generate_demo
    from crm_desktop.services.workspace import create_workspace

    remove(path)

    def progress(done: int, total: int) -> None:
        if not quiet:
            print(f"\r  {path.name}: {done:,} / {total:,} customers", end="", file=sys.stderr)

    workspace = create_workspace(path, PASSPHRASE, owner_name="bench")
    try:
        started, cpu_started = time.perf_counter(), time.process_time()
        rows = generate_demo(
            workspace.db, customers, seed=SEED, progress=progress, followup_scale=followup_scale
        )
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    finally:
        workspace.close()
    if not quiet:
        print(file=sys.stderr)
    return rows, seconds, cpu


def demo_file(customers: int, *, followup_scale: float = 1.0) -> DemoFile:
    """The cached file with ``customers`` customers, built first if missing or stale.

    ``followup_scale`` as in ``generate_demo``: 1.0 gives about 3 follow-ups per customer.
    """
    OUT.mkdir(parents=True, exist_ok=True)
    name = "demo" if followup_scale == 1.0 else f"demo-f{followup_scale:g}"
    path = OUT / f"{name}-{customers}.db"
    meta_path = Path(f"{path}.json")
    wanted = {
        "customers": customers,
        "seed": SEED,
        "fingerprint": _fingerprint(),
        "followup_scale": followup_scale,
    }
    with _exclusive(Path(f"{path}.lock")):  # two benchmark runs must not build it at once
        if path.exists() and meta_path.exists():
            meta = json.loads(meta_path.read_text())
            if all(meta.get(k) == v for k, v in wanted.items()):
                return DemoFile(
                    path, customers, meta["rows"], meta["seconds"], meta.get("cpu", 0.0), True
                )
        meta_path.unlink(missing_ok=True)
        rows, seconds, cpu = build(path, customers, followup_scale=followup_scale)
        meta = {**wanted, "rows": rows, "seconds": seconds, "cpu": cpu}
        meta_path.write_text(json.dumps(meta))
    return DemoFile(path, customers, rows, seconds, cpu, cached=False)


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """Holds an exclusive lock on ``lock_path`` (waits for another process holding it)."""
    if sys.platform == "win32":
        yield
        return
    import fcntl

    with lock_path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


BIG_FOLLOWUP_SCALE = 1.67  # about 5 follow-ups per customer


def big_file(customers: int = 1_000_000) -> DemoFile:
    """The file the report and follow-up benchmarks share: at 1,000,000 customers it holds
    about 5,000,000 follow-ups and 500,000 opportunities."""
    return demo_file(customers, followup_scale=BIG_FOLLOWUP_SCALE)
