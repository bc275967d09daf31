"""Customer search: a keystroke's query until its first page of rows is ready, on the big file.

Each kind of query users type (Latin word and fragment, one and two Chinese characters, full
pinyin and initials, phone digits in another format than stored, an e-mail fragment, no
match) is taken from the file itself, so it finds what it should. Measured through the real
path the window uses: the customer list model's ``set_query`` until ``rows_shown`` (worker
thread, SQL, the first block of 200 rows formatted, queued signal), ``RUNS`` times per query
after one warm-up, p50 and p95. Once per query the real Customers tab is driven instead
(``set_search`` until the table has painted the new rows): the "shown" figure.

Floors, with raw ``sqlcipher3`` on a warm connection: the bare FTS query (the same MATCH
expression, its first 500 row ids in index order, then the first 200 rows by rowid), and the
same ordered SQL the list runs (by name), bare.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.data import PASSPHRASE, big_file, demo_file
from benchmarks.report import Result, table
from benchmarks.timing import p95

RUNS = 15
TARGET = "≤ 50 ms p95, ≤ 3× bare FTS"


@dataclass(frozen=True)
class Query:
    kind: str
    text: str


def _file(quick: bool) -> Path:
    return demo_file(20_000).path if quick else big_file().path


def _connect(path: Path) -> Any:
    import sqlcipher3

    from crm_desktop.domain.sort_key import name_sort_key

    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = '{}'".format(PASSPHRASE.replace("'", "''")))
    conn.create_function("crm_name_key", 2, name_sort_key, deterministic=True)  # the name order
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # key derivation, untimed
    return conn


def queries(path: Path) -> list[Query]:
    """One query of each kind, taken from the file's own customers."""
    conn = _connect(path)
    try:

        def first(sql: str) -> str:
            row = conn.execute(sql).fetchone()
            return str(row[0]) if row else ""

        latin = first(
            "SELECT name FROM customers WHERE kind = 'individual' AND name GLOB '[A-Z]* [A-Z]*'"
            " AND deleted_at IS NULL ORDER BY rowid LIMIT 1 OFFSET 100"
        )
        word = latin.split()[-1] if latin else "Smith"
        company = first(
            "SELECT name FROM customers WHERE kind = 'company' AND name GLOB '[A-Z]*'"
            " AND length(name) > 12 AND deleted_at IS NULL ORDER BY rowid LIMIT 1 OFFSET 50"
        )
        longest = max(company.split(), key=len) if company else "Thornbury"
        fragment = longest[1:6].lower() if len(longest) >= 6 else longest.lower()
        phone = first(
            "SELECT phone_normalized FROM customers WHERE phone_normalized GLOB '+861[3-9]*'"
            " AND deleted_at IS NULL ORDER BY rowid LIMIT 1 OFFSET 500"
        )
        digits = phone.removeprefix("+86") or "13800138000"
        email = first(
            "SELECT email FROM customers WHERE email GLOB '*[a-z][a-z][a-z][a-z][a-z]*@*'"
            " AND deleted_at IS NULL ORDER BY rowid LIMIT 1 OFFSET 300"
        )
        local = email.split("@")[0] if email else "zhang.wei"
    finally:
        conn.close()
    return [
        Query("Latin word", word),
        Query("Latin fragment", fragment),
        Query("Chinese, 1 character", "张"),
        Query("Chinese, 2 characters", "王芳"),
        Query("pinyin, full", "zhangwei"),
        Query("pinyin, initials", "zs"),
        Query("phone, other format", f"{digits[:3]} {digits[3:7]} {digits[7:]}"),
        Query("e-mail fragment", local[1:7]),
        Query("no match", "qxzqvj"),
    ]


class Bare:
    """The floors on one raw ``sqlcipher3`` connection: the bare FTS query and the bare
    ordered list query, each with the first 200 rows fetched by rowid."""

    def __init__(self, path: Path) -> None:
        self.conn = _connect(path)

    def matches(self, expression: str) -> int:
        return int(
            self.conn.execute(
                "SELECT count(*) FROM customer_search WHERE customer_search MATCH ?", (expression,)
            ).fetchone()[0]
        )

    def fts(self, expression: str) -> None:
        ids = [
            r[0]
            for r in self.conn.execute(
                "SELECT rowid FROM customer_search WHERE customer_search MATCH ? LIMIT 500",
                (expression,),
            )
        ]
        _rows(self.conn, ids[:200])

    def ordered(self, expression: str) -> None:
        ids = [
            r[0]
            for r in self.conn.execute(
                "SELECT c.rowid FROM customers c WHERE c.deleted_at IS NULL AND c.rowid IN"
                " (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)"
                " ORDER BY crm_name_key(c.name, c.kind), c.rowid LIMIT 500",
                (expression,),
            )
        ]
        _rows(self.conn, ids[:200])


def _rows(conn: Any, ids: list[int]) -> None:
    if ids:
        marks = ",".join("?" * len(ids))
        conn.execute(f"SELECT * FROM customers WHERE rowid IN ({marks})", ids).fetchall()  # noqa: S608


def _time(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _guard_none() -> None:
    """See ``bench_followups._guard_none``: spare references to None for the busy loop."""
    if sys.version_info < (3, 12):
        import ctypes

        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 32


def _app() -> Any:
    _guard_none()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _wait(app: Any, signal: Any) -> None:
    """Run the event loop until ``signal`` fires: the GUI thread sleeps in Qt meanwhile, as in
    the app (a busy ``processEvents`` loop would hold the GIL against the worker)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)  # a guard: never hang the benchmark
    loop.exec()
    signal.disconnect(loop.quit)
    del app


def _settle(app: Any) -> None:
    """Let the rest of the ids stream in (off the clock) before the next keystroke."""
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    app.processEvents()


class ModelSearch:
    """The list model's search: ``set_query`` until the first page of rows is ready."""

    def __init__(self, db: Any) -> None:
        from crm_desktop.ui.customers.model import CustomerListModel

        self.app = _app()
        self.model = CustomerListModel(db)

    def __call__(self, text: str) -> float:
        from crm_desktop.services.customer_filters import CustomerFilter
        from crm_desktop.ui.customers.loader import ListQuery

        started = time.perf_counter()
        self.model.set_query(ListQuery(CustomerFilter(text=text)))
        _wait(self.app, self.model.rows_shown)
        seconds = time.perf_counter() - started
        _settle(self.app)
        return seconds

    def close(self) -> None:
        from crm_desktop.ui.tasks import wait_for_tasks

        self.model.cancel()
        wait_for_tasks()


def widget_times(workspace: Any, texts: list[str]) -> dict[str, float]:
    """The real Customers tab: ``set_search`` until the table has painted the new rows."""
    from PySide6.QtCore import QSettings

    from crm_desktop.ui.customers.view import CustomerTab
    from crm_desktop.ui.main_window import customer_services
    from crm_desktop.ui.tasks import wait_for_tasks

    app = _app()
    ini = str(Path(workspace.path).with_suffix(".bench.ini"))
    settings = QSettings(ini, QSettings.Format.IniFormat)
    tab = CustomerTab(customer_services(workspace), settings)
    tab.resize(1280, 800)
    tab.show()
    result: dict[str, float] = {}
    try:
        for text in ["", *texts]:
            started = time.perf_counter()
            tab.set_search(text)
            _wait(app, tab.model.rows_shown)
            tab.table.viewport().repaint()
            result[text] = time.perf_counter() - started
            _settle(app)
    finally:
        tab.model.cancel()
        wait_for_tasks()
        tab.close()
        tab.deleteLater()
        Path(settings.fileName()).unlink(missing_ok=True)
    return result


def _sql_path(search: ModelSearch, asked: list[Query]) -> list[Result]:
    """The searches that the in-memory name order sorts (``services/name_order.py``), taken
    on the SQL path instead: what the first such search after a change costs, while the order
    is read again."""
    from crm_desktop.services import customer_list

    results: list[Result] = []
    saved = customer_list.NAME_ORDER_MATCHES
    customer_list.NAME_ORDER_MATCHES = 0
    try:
        for query in asked:
            if query.kind not in ("Latin fragment", "Latin word"):
                continue
            times = []
            for round_ in range(6):
                took = search(query.text)
                search("")
                if round_:
                    times.append(took)
            results.append(
                Result(
                    f"search {query.kind} “{query.text}” on the SQL path (the first after a"
                    " change, while the name order is read again), p95",
                    p95(times) * 1000,
                    "ms",
                    note=f"p50 {statistics.median(times) * 1000:.1f} ms",
                )
            )
            print(table(results[-1:]), file=sys.stderr, flush=True)
    finally:
        customer_list.NAME_ORDER_MATCHES = saved
    return results


def run(quick: bool) -> list[Result]:
    """Per query: a warm-up, then ``runs`` rounds of bare FTS, bare ordered SQL and the model's
    search, interleaved so that all three meet the same load on a shared machine."""
    from crm_desktop.domain.search_text import match_query
    from crm_desktop.services.workspace import open_workspace

    path = _file(quick)
    runs = 9 if quick else RUNS
    asked = queries(path)
    workspace = open_workspace(path, PASSPHRASE)
    bare = Bare(path)
    results: list[Result] = []
    try:
        shown = widget_times(workspace, [q.text for q in asked])
        search = ModelSearch(workspace.db)
        for query in asked:
            expression = match_query(query.text) or '""'
            fts: list[float] = []
            ordered: list[float] = []
            ours: list[float] = []
            for round_ in range(runs + 1):
                samples = (
                    _time(partial(bare.fts, expression)),
                    _time(partial(bare.ordered, expression)),
                    search(query.text),
                )
                search("")  # the field cleared: the next search is a new query
                if round_:  # the first round warms the caches
                    fts.append(samples[0])
                    ordered.append(samples[1])
                    ours.append(samples[2])
            note = (
                f"p50 {statistics.median(ours) * 1000:.1f} ms, bare FTS p50 "
                f"{statistics.median(fts) * 1000:.1f} ms; tab shown {shown[query.text] * 1000:.1f}"
                f" ms; bare SQL in name order p50 {statistics.median(ordered) * 1000:.1f} ms"
            )
            results.append(
                Result(
                    f"search {query.kind} “{query.text}” ({bare.matches(expression):,} matches)"
                    ", p95",
                    p95(ours) * 1000,
                    "ms",
                    p95(fts) * 1000,
                    "bare FTS + 200 rows",
                    TARGET,
                    note,
                )
            )
            print(table(results[-1:]), file=sys.stderr, flush=True)
        results += _sql_path(search, asked)
        search.close()
    finally:
        bare.conn.close()
        workspace.close()
    return results


if __name__ == "__main__":
    print(table(run("--quick" in sys.argv)))
