"""The customer list on the 1,000,000-customer file: memory, scrolling, closing.

Each measurement runs in a child process (a fresh interpreter, offscreen Qt) that opens the
real window on a file, as a user would:

- memory: resident set size once the list has all its row ids, the status bar's totals are
  counted and the window has settled for a few seconds (follow-ups tab built), on the big file
  and on a 1,000-customer file side by side; the peak (VmHWM) is printed too;
- scrolling: the scroll bar dragged from top to bottom in ``STEPS`` steps; one step is from
  moving the bar until every visible row shows its data (no placeholder), p50/p95, beside
  the bare ``SELECT`` of the same rows by rowid on a raw keyed connection;
- closing: ``close()`` to the database closed while the status bar's totals are still being
  counted, beside how long those totals take (what closing used to wait for).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.data import OUT, PASSPHRASE, big_file, demo_file
from benchmarks.report import Result, table
from benchmarks.timing import p95

STEPS = 100
FLOOR_ROWS = (
    "SELECT c.rowid, c.id, c.name, c.company, c.phone, c.city, c.tier, c.status,"
    " u.display_name, c.last_contact_at, c.next_followup_at FROM customers c"
    " LEFT JOIN users u ON u.id = c.owner_id WHERE c.rowid IN ({marks})"
)
SETTLE_S = 4.0
MEMORY_TARGET = "< 300 MB and ≤ small file + 100 MB"


def _rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size of this process in MB."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def _wait(app: Any, condition: Any, timeout: float = 300.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.002)


def _settle(app: Any, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def _open_window(path: Path) -> tuple[Any, Any, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(OUT / "bench-customers")
    )
    from crm_desktop.services.workspace import open_workspace
    from crm_desktop.ui.main_window import MainWindow

    workspace = open_workspace(path, PASSPHRASE)
    window = MainWindow(workspace, QSettings())
    window.resize(1400, 900)
    window.show()
    return app, window, workspace


def _idle() -> bool:
    from PySide6.QtCore import QThreadPool

    from crm_desktop.ui.customers.loader import list_pool

    pools = (QThreadPool.globalInstance(), list_pool())
    return all(pool.activeThreadCount() == 0 for pool in pools)


def _close(window: Any, workspace: Any) -> None:
    from crm_desktop.ui.tasks import wait_for_tasks

    window.close()
    wait_for_tasks()
    workspace.close()


def _visible_loaded(window: Any) -> bool:
    table = window.customers.table
    model = window.customers.model
    top = table.rowAt(0)
    bottom = table.rowAt(table.viewport().height() - 1)
    if top < 0:
        return bool(model.rowCount() == 0)
    bottom = model.rowCount() - 1 if bottom < 0 else bottom
    return all(model.record_id(row) is not None for row in range(top, bottom + 1))


def child_memory(path: Path) -> dict[str, Any]:
    from crm_desktop.services.name_order import name_order_of

    app, window, workspace = _open_window(path)
    model = window.customers.model
    _wait(app, lambda: not model.loading)
    _wait(app, lambda: bool(window.counts_label.text()))  # the status bar's totals are in
    _settle(app, SETTLE_S)  # the follow-ups tab is built meanwhile
    _wait(app, _idle)  # every background read has finished (filter lists, tab counts)
    order = name_order_of(workspace.db.engine)  # the search's name order is in memory too
    _wait(app, lambda: order.current() is not None)
    _settle(app, 1.0)
    rss, peak = _rss_mb()
    result = {"rows": model.rowCount(), "rss": rss, "peak": peak}
    _close(window, workspace)
    return result


def child_scroll(path: Path) -> dict[str, Any]:
    import sqlcipher3

    from crm_desktop.db.keyed_file import raw_key

    app, window, workspace = _open_window(path)
    model = window.customers.model
    table = window.customers.table
    _wait(app, lambda: not model.loading)
    _settle(app, 1.0)
    bar = table.verticalScrollBar()
    steps: list[float] = []
    visible_ids: list[list[int]] = []
    for step in range(1, STEPS + 1):
        started = time.perf_counter()
        bar.setValue(round(bar.maximum() * step / STEPS))
        _wait(app, lambda: _visible_loaded(window))
        steps.append(time.perf_counter() - started)
        top = max(table.rowAt(0), 0)
        visible_ids.append(list(model.rowids([(top, top + 40)])))
    rss, peak = _rss_mb()
    _close(window, workspace)

    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = {raw_key(path, PASSPHRASE)}")
    floor: list[float] = []
    for ids in visible_ids:
        started = time.perf_counter()
        marks = ",".join("?" * len(ids))
        conn.execute(FLOOR_ROWS.format(marks=marks), ids).fetchall()
        floor.append(time.perf_counter() - started)
    conn.close()
    return {"steps": steps, "floor": floor, "rss": rss, "peak": peak}


def child_close(path: Path) -> dict[str, Any]:
    from crm_desktop.services.counts import live_counts
    from crm_desktop.services.running_reads import running
    from crm_desktop.ui.tasks import wait_for_tasks

    app, window, workspace = _open_window(path)
    _wait(app, lambda: window.customers.model.first_page_loaded)
    window.refresh_counts()
    _wait(app, lambda: running(workspace.db) > 0)
    _settle(app, 0.3)
    busy = running(workspace.db)
    started = time.perf_counter()
    window.close()
    wait_for_tasks()
    workspace.close()
    closing = time.perf_counter() - started

    from crm_desktop.services.workspace import open_workspace

    again = open_workspace(path, PASSPHRASE)
    started = time.perf_counter()
    live_counts(again.db)
    counting = time.perf_counter() - started
    again.close()
    return {"close": closing, "counts": counting, "busy_reads": busy}


CHILDREN = {"memory": child_memory, "scroll": child_scroll, "close": child_close}


def _in_child(kind: str, path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_customers", "--child", kind, str(path)],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return dict(json.loads(line[len("RESULT ") :]))
    tail = (done.stderr.strip().splitlines() or ["no output"])[-3:]
    raise RuntimeError(f"{kind} child failed: {' | '.join(tail)}")


def run(quick: bool = False) -> list[Result]:
    big = demo_file(20_000) if quick else big_file()
    small = demo_file(1_000)
    label = f"{big.customers:,} customers"
    results: list[Result] = []

    memory_big = _in_child("memory", big.path)
    memory_small = _in_child("memory", small.path)
    print(f"  memory {label}: {memory_big}", file=sys.stderr)
    print(f"  memory 1,000 customers: {memory_small}", file=sys.stderr)
    results.append(
        Result(
            f"memory with the list open, {label} (RSS; peak {memory_big['peak']:.0f} MB)",
            memory_big["rss"],
            "MB",
            memory_small["rss"],
            "same window on 1,000 customers",
            MEMORY_TARGET,
        )
    )

    scroll = _in_child("scroll", big.path)
    steps_ms = [s * 1000 for s in scroll["steps"]]
    floor_ms = [s * 1000 for s in scroll["floor"]]
    print(
        f"  scroll: p50 {statistics.median(steps_ms):.1f} ms, p95 {p95(steps_ms):.1f} ms,"
        f" total {sum(steps_ms) / 1000:.2f} s; floor p50 {statistics.median(floor_ms):.2f} ms;"
        f" RSS after {scroll['rss']:.0f} MB",
        file=sys.stderr,
    )
    results.append(
        Result(
            f"scroll top to bottom in {STEPS} drags, {label}: rows shown per drag (p95)",
            p95(steps_ms),
            "ms",
            p95(floor_ms),
            "bare SELECT of the rows by rowid",
        )
    )
    results.append(
        Result(
            f"same, p50 (whole scroll {sum(steps_ms) / 1000:.2f} s;"
            f" RSS after {scroll['rss']:.0f} MB)",
            statistics.median(steps_ms),
            "ms",
            statistics.median(floor_ms),
            "bare SELECT of the rows by rowid",
        )
    )

    closing = _in_child("close", big.path)
    print(f"  close: {closing}", file=sys.stderr)
    results.append(
        Result(
            f"close the window while the totals count ({closing['busy_reads']} reads running)",
            closing["close"],
            "s",
            closing["counts"],
            "counting the totals (what closing waited for)",
        )
    )
    return results


def main(argv: list[str]) -> int:
    if len(argv) > 1 and argv[1] == "--child":
        result = CHILDREN[argv[2]](Path(argv[3]))
        print("RESULT " + json.dumps(result), flush=True)
        return 0
    print(f"load average: {os.getloadavg()}", file=sys.stderr)
    print(table(run(quick="--quick" in argv)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
