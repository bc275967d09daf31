"""Opportunities: the board with ~10,000 open deals (open, drag) and the forecast over many.

Board: a demo file of 30,000 customers holds about 10,000 open deals; the figures are the
p95 of opening the board (columns, header totals, first cards painted) and of one drag in
the Opportunities tab (move, history, the two columns and their totals updated and painted,
the forecast refresh started; the background forecast is waited for between drags, untimed).
Forecast: every open deal of ``big_file()`` (1,000,000 customers, about 500,000 deals; the
100,000-customer demo file in ``--quick``), read from the running totals the triggers keep
(migration 0009), and summed from the deals themselves as a filter by amount or tag does.
Floors are the bare ``sqlcipher3`` queries the same screens need, on the same (migrated)
file, timed in the same run after an untimed first query that pays the key derivation.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from pathlib import Path

from benchmarks.data import OUT, PASSPHRASE, big_file, demo_file
from benchmarks.report import Result
from benchmarks.timing import p95, timed

BOARD_CUSTOMERS = 30_000
RUNS = 20


def _raw(path: Path, sql: str, runs: int) -> list[float]:
    """Seconds of each run of ``sql`` (all rows fetched) on a bare keyed connection."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA key = '{}'".format(PASSPHRASE.replace("'", "''")))
        conn.execute(sql).fetchall()  # key derivation and a warm page cache, untimed
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            conn.execute(sql).fetchall()
            times.append(time.perf_counter() - started)
        return times
    finally:
        conn.close()


BOARD_FLOOR_SQL = (
    "SELECT stage_id, rowid FROM opportunities WHERE status = 'open' "
    "AND deleted_at IS NULL ORDER BY stage_id, expected_close"
)


def _opens(services: object, copy: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds of each board opening, and of the floor query run between them."""
    from PySide6.QtWidgets import QApplication

    from crm_desktop.ui.opportunities.board import PipelineBoard
    from crm_desktop.ui.opportunities.deps import OpportunityServices

    assert isinstance(services, OpportunityServices)
    app = QApplication.instance()
    assert app is not None
    boards: list[PipelineBoard] = []

    def open_board() -> None:
        widget = PipelineBoard(services)
        widget.resize(1400, 800)
        widget.rebuild()
        widget.show()
        widget.repaint()
        app.processEvents()
        boards.append(widget)

    opens: list[float] = []
    floors: list[float] = []
    for _ in range(runs):  # ours and the floor in turn, so both see the same load
        opens += timed(open_board, 1)
        floors += _raw(copy, BOARD_FLOOR_SQL, 1)
    for board in boards:
        board.close()
        board.deleteLater()
    app.processEvents()
    return opens, floors


def _drags(services: object, runs: int) -> tuple[int, list[float]]:
    """(open deals on the board, seconds of each drag in the Opportunities tab)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from crm_desktop.ui.opportunities.deps import OpportunityServices
    from crm_desktop.ui.opportunities.view import OpportunityTab
    from crm_desktop.ui.tasks import wait_for_tasks

    assert isinstance(services, OpportunityServices)
    app = QApplication.instance()
    assert app is not None
    ini = OUT / "board-bench.ini"
    tab = OpportunityTab(services, QSettings(str(ini), QSettings.Format.IniFormat))
    tab.resize(1600, 900)
    tab.show_view(0)
    tab.show()
    app.processEvents()
    wait_for_tasks()
    app.processEvents()
    board = tab.board
    open_count = sum(c.model.total for c in board.columns.values())
    direction = list(board.columns.values())[:2]

    def drag() -> None:
        source_column, target = direction
        card = source_column.model.card(0)
        assert card is not None
        board.move_card(card.id, target.stage.id)
        board.repaint()
        app.processEvents()
        direction.reverse()

    drags: list[float] = []
    for _ in range(runs):
        drags += timed(drag, 1)
        wait_for_tasks()  # the forecast refresh the drag started, before the next drag
        app.processEvents()
    tab.close()
    tab.deleteLater()
    app.processEvents()
    ini.unlink(missing_ok=True)
    return open_count, drags


def board(quick: bool) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from crm_desktop.services.workspace import open_workspace
    from crm_desktop.ui.opportunities.deps import opportunity_services

    source = demo_file(BOARD_CUSTOMERS).path
    copy = OUT / "board-copy.db"
    shutil.copyfile(source, copy)
    _app = QApplication.instance() or QApplication([])
    workspace = open_workspace(copy, PASSPHRASE)  # migrates the copy: same indexes as users
    try:
        services = opportunity_services(workspace)
        opens, floors = _opens(services, copy, 5 if quick else RUNS)
        open_count, drags = _drags(services, 10 if quick else RUNS)
    finally:
        workspace.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
    return [
        Result(
            f"board opens, {open_count:,} open deals (p95 of {len(opens)}; p50 "
            f"{statistics.median(opens) * 1000:.0f} ms, floor p50 "
            f"{statistics.median(floors) * 1000:.0f} ms)",
            p95(opens) * 1000, "ms", p95(floors) * 1000, "raw SELECT of the column ids, p95",
            target="≤ 200 ms",
        ),
        Result(
            f"board drag to another column in the tab, {open_count:,} open deals "
            f"(p95 of {len(drags)}; p50 {statistics.median(drags) * 1000:.0f} ms)",
            p95(drags) * 1000, "ms", target="≤ 200 ms",
        ),
    ]  # fmt: skip


FORECAST_FLOOR_SQL = (
    "SELECT substr(expected_close, 1, 7), owner_id, currency, count(*), sum(amount_minor) "
    "FROM opportunities WHERE status = 'open' GROUP BY 1, 2, 3"
)


def forecast(quick: bool) -> list[Result]:
    from decimal import Decimal

    from sqlalchemy import func, select

    from crm_desktop.db.models import Opportunity
    from crm_desktop.services.forecast import forecast as compute
    from crm_desktop.services.forecast import uses_totals
    from crm_desktop.services.pipeline import BoardFilter
    from crm_desktop.services.workspace import open_workspace

    demo = demo_file(100_000) if quick else big_file()
    workspace = open_workspace(demo.path, PASSPHRASE)  # runs any pending migration first
    # every deal, but a filter the running totals cannot answer: the deals are summed
    scan = BoardFilter(amount_min=Decimal(-(10**15)))
    assert uses_totals(BoardFilter()) and not uses_totals(scan)
    try:
        with workspace.db.session() as session:
            total = int(session.scalar(select(func.count()).select_from(Opportunity)) or 0)
            is_open = Opportunity.status == "open"
            open_deals = int(
                session.scalar(select(func.count()).where(is_open).select_from(Opportunity)) or 0
            )
            compute(session)  # warm the page cache, as a second look at the tab would
            compute(session, scan)
        runs = 3 if quick else 7

        def once(flt: BoardFilter) -> None:
            with workspace.db.session() as session:
                compute(session, flt)

        times: list[float] = []
        scans: list[float] = []
        floors: list[float] = []
        for _ in range(runs):  # ours and the floor in turn, under the same load
            times += timed(lambda: once(BoardFilter()), 1)
            scans += timed(lambda: once(scan), 1)
            floors += _raw(demo.path, FORECAST_FLOOR_SQL, 1)
    finally:
        workspace.close()
    floor = statistics.median(floors) * 1000
    label = "raw GROUP BY month over the deals, no join, median"
    return [
        Result(
            f"forecast, {total:,} deals in the file, {open_deals:,} open: running totals "
            f"(median of {runs}; max {max(times) * 1000:.0f} ms)",
            statistics.median(times) * 1000, "ms", floor, label,
            target="≤ 300 ms (500,000 deals)",
        ),
        Result(
            f"forecast summing the {open_deals:,} open deals (amount or tag filter; median of "
            f"{runs}; max {max(scans) * 1000:.0f} ms)",
            statistics.median(scans) * 1000, "ms", floor, label,
        ),
    ]  # fmt: skip


def run(quick: bool) -> list[Result]:
    return board(quick) + forecast(quick)
