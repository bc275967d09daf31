"""Reports: the whole Reports tab computed and drawn, and the Excel export of a big list.

Tab: on the big file (1,000,000 customers, ~5,000,000 follow-ups, ~500,000 deals;
``demo_file(20_000)`` with ``--quick``), the time from asking the tab to reload (this
quarter, every owner) until every card shows its figures and has been painted; the median of
a few runs after a first warm-up. The first open of a file made by an older schema builds
the report indexes (migration 0008); that time is printed, not counted.

Beside it, the three reports that read the aggregate tables of migrations 0010/0011
(funnel, follow-up activity, customers by segment), each beside the same report counted from
the rows, and what the report trigger adds to inserting customers (an import's bare INSERTs).

Export: 100,000 customers (20,000 with ``--quick``) written by ``export_customers``, beside
openpyxl's own write-only mode writing the same values (read from the database beforehand,
not timed) into a sheet with no styles; each runs in a child process of its own, which also
reports its peak resident memory.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from benchmarks.data import OUT, PASSPHRASE, big_file, demo_file
from benchmarks.report import Result

RUNS = 5
T = TypeVar("T")
EXPORT_COLUMNS = (
    "name", "company", "phone", "email", "city", "industry", "tier", "status", "owner",
    "last_contact_at", "created_at",
)  # fmt: skip


def _tab_figures(path: Path, quick: bool) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from crm_desktop.services.workbook import ListFilters
    from crm_desktop.services.workspace import open_workspace
    from crm_desktop.ui.reports.deps import report_services
    from crm_desktop.ui.reports.view import ReportsTab
    from crm_desktop.ui.tasks import wait_for_tasks

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    workspace = open_workspace(path, PASSPHRASE)  # runs pending migrations (indexes) once
    opened = time.perf_counter() - started
    print(f"  reports: opened {path.name} in {opened:.1f} s (migrations included)", file=sys.stderr)
    try:
        tab = ReportsTab(report_services(workspace, ListFilters))
        tab.resize(1400, 1000)
        tab.show()
        times = []
        for run in range(RUNS + 1):
            done: list[bool] = []
            tab.computed.connect(lambda d=done: d.append(True))
            t0 = time.perf_counter()
            if run:
                tab.reload()
            while not done or tab.reports is None:
                app.processEvents()
                time.sleep(0.001)
            tab.repaint()
            for card in tab.cards.values():
                card.repaint()
            app.processEvents()
            elapsed = time.perf_counter() - t0
            tab.computed.disconnect()
            if run:  # the first is the warm-up (the tab's construction, a cold cache)
                times.append(elapsed)
        reports = tab.reports
        assert reports is not None
        deals = sum(r.reached for r in reports.funnel[:1])
        wait_for_tasks()
        tab.close()
    finally:
        workspace.close()
    label = "20,000 customers" if quick else "1M customers, 5M follow-ups, 500k deals"
    return [
        Result(
            f"Reports tab computed and drawn, this quarter ({label}; {deals:,} deals opened), "
            f"median of {RUNS}",
            statistics.median(times),
            "s",
            target="≤ 1 s",
        )
    ]


# --- the three big reports: aggregate tables (migration 0010) beside the rows -------------


def _report_figures(path: Path) -> list[Result]:
    """Funnel, follow-up activity and customers by segment, this quarter, every owner: read
    from the aggregate tables beside the same report counted from the rows (what the tab did
    before migration 0010). Each the best of three; the results are checked equal."""
    from datetime import UTC, date, datetime

    from sqlalchemy.orm import Session

    from crm_desktop.db.engine import open_database
    from crm_desktop.services.reports import Period, PeriodKind, ReportFilter
    from crm_desktop.services.reports.activity import activity, activity_from_rows
    from crm_desktop.services.reports.customers import segments, segments_from_rows
    from crm_desktop.services.reports.sales import funnel, funnel_from_rows

    flt = ReportFilter(Period.containing(PeriodKind.QUARTER, date.today()))
    now = datetime.now(UTC)
    pairs: list[tuple[str, Callable[[Session], object], Callable[[Session], object]]] = [
        ("pipeline funnel", lambda s: funnel(s, flt), lambda s: funnel_from_rows(s, flt)),
        (
            "follow-up activity",
            lambda s: activity(s, flt, now),
            lambda s: activity_from_rows(s, flt, now),
        ),
        ("customers by segment", lambda s: segments(s, flt), lambda s: segments_from_rows(s, flt)),
    ]
    db = open_database(path, PASSPHRASE)
    out = []
    try:
        with db.session() as session:
            for label, fast, slow in pairs:
                fast_s, fast_rows = _best(partial(fast, session))
                slow_s, slow_rows = _best(partial(slow, session), runs=1)
                assert fast_rows == slow_rows, label
                out.append(
                    Result(
                        f"Report “{label}”, this quarter, from the aggregate tables",
                        fast_s,
                        "s",
                        floor=slow_s,
                        floor_label="counted from the rows (before migration 0010)",
                    )
                )
    finally:
        db.close()
    return out


def _best(job: Callable[[], T], runs: int = 3) -> tuple[float, T]:
    times = []
    result: T | None = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - t0)
    assert result is not None
    return min(times), result


_INSERTS = r"""
import sys, tempfile, time
from pathlib import Path
from sqlalchemy import text
from crm_desktop.db.engine import create_database
n, passphrase, drop = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "drop"
with tempfile.TemporaryDirectory() as folder:
    db = create_database(Path(folder) / "t.db", passphrase)
    with db.engine.begin() as conn:
        if drop:
            for name in ("report_customers_insert",):
                conn.execute(text(f"DROP TRIGGER {name}"))
        values = [{"id": f"{i:036d}", "name": f"c{i}", "region": f"r{i % 30}",
                   "industry": f"i{i % 20}", "source": "web", "tier": "A",
                   "t": "2026-01-01 00:00:00.000000"} for i in range(n)]
        t0 = time.perf_counter()
        conn.execute(text(
            "INSERT INTO customers (id, kind, name, region, industry, source, tier, status, "
            "created_at, updated_at) VALUES (:id, 'company', :name, :region, :industry, "
            ":source, :tier, 'lead', :t, :t)"), values)
        print(time.perf_counter() - t0)
    db.close()
"""


def _trigger_figures(quick: bool) -> list[Result]:
    """What the report triggers add to writing customers (an import's bare INSERTs, one
    transaction), with and without the trigger, each in a fresh child process."""
    n = 20_000 if quick else 100_000

    def run(mode: str) -> float:
        done = subprocess.run(
            [sys.executable, "-c", _INSERTS, str(n), PASSPHRASE, mode],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return float(done.stdout.strip().splitlines()[-1])

    with_trigger = min(run("keep") for _ in range(2))
    without = min(run("drop") for _ in range(2))
    return [
        Result(
            f"Inserting {n:,} customers (bare SQL) with the report trigger: "
            f"+{(with_trigger - without) / n * 1e6:.1f} µs per customer",
            with_trigger,
            "s",
            floor=without,
            floor_label="the trigger dropped",
        )
    ]


# --- the export, in child processes ---------------------------------------------------------

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, db_path, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
columns = sys.argv[4].split(",")
from crm_desktop.db.engine import open_database
from crm_desktop.services import customer_list, exports
from crm_desktop.services.customer_filters import CustomerFilter
db = open_database(db_path, sys.argv[5])
labels = {k: customer_list.COLUMNS[k].label for k in columns}
with db.session() as session:
    if mode == "ours":
        t0 = time.perf_counter()
        rows = exports.export_customers(
            session, CustomerFilter(), "name", False, columns, out, "xlsx", labels
        )
        seconds = time.perf_counter() - t0
    else:
        from openpyxl import Workbook
        kinds = exports._kinds(session, columns)
        values = list(exports._rows(
            session, CustomerFilter(), "name", False, columns, kinds, exports._english_label,
            None, None,
        ))
        t0 = time.perf_counter()
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Customers")
        sheet.append([labels[k] for k in columns])
        for row in values:
            sheet.append(row)
        book.save(out)
        seconds = time.perf_counter() - t0
        rows = len(values)
db.close()
# VmHWM: this program's own peak (ru_maxrss would include the parent's, kept across exec)
status = Path("/proc/self/status")
hwm = []
if status.exists():
    hwm = [l for l in status.read_text().splitlines() if l.startswith("VmHWM:")]
if hwm:
    peak = int(hwm[0].split()[1]) / 1024
else:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rows": rows, "peak_mb": peak}))
"""


def _child(mode: str, db: Path, out: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, str(db), str(out), ",".join(EXPORT_COLUMNS),
         PASSPHRASE],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    out.unlink(missing_ok=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _export_figures(quick: bool) -> list[Result]:
    customers = 20_000 if quick else 100_000
    source = demo_file(customers).path
    out = OUT / "bench-export.xlsx"
    _child("ours", source, out)  # warm the file cache for both
    ours = _child("ours", source, out)
    floor = _child("floor", source, out)
    rows = int(ours["rows"])
    return [
        Result(
            f"Excel export of the customer list, {rows:,} rows × {len(EXPORT_COLUMNS)} columns",
            ours["seconds"],
            "s",
            floor=floor["seconds"],
            floor_label="openpyxl write-only, same values, no styles",
            target="≤ 1.3",
        ),
        Result(
            f"Excel export of {rows:,} customers: peak memory of the process",
            ours["peak_mb"],
            "MB",
            floor=floor["peak_mb"],
            floor_label="the floor's process (values held in memory)",
            target="< 200 MB",
        ),
    ]


def run(quick: bool) -> list[Result]:
    path = demo_file(20_000).path if quick else big_file().path
    return (
        _tab_figures(path, quick)
        + _report_figures(path)
        + _trigger_figures(quick)
        + _export_figures(quick)
    )


if __name__ == "__main__":
    from benchmarks.report import table

    print(table(run("--quick" in sys.argv)))
