"""Opportunities: the board with ~10,000 open deals (open, drag) and the forecast over many.

Board: a demo file of 30,000 customers holds about 10,000 open deals; the figure is the p95
of opening the board (columns, header totals, first cards painted) and of one drag (move,
history, reload of the columns). Forecast: the SQL aggregation over every open deal of the
largest demo file (1,000,000 customers ≈ 500,000 deals; 100,000 in ``--quick``). Floors are
the bare ``sqlcipher3`` queries the same screens need.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from pathlib import Path

from benchmarks.data import OUT, PASSPHRASE, demo_file
from benchmarks.report import Result
from benchmarks.timing import p95, timed

BOARD_CUSTOMERS = 30_000
RUNS = 20


def _raw(path: Path, sql: str, runs: int) -> float:
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA key = '{}'".format(PASSPHRASE.replace("'", "''")))
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            conn.execute(sql).fetchall()
            times.append(time.perf_counter() - started)
        return p95(times) if runs > 1 else times[0]
    finally:
        conn.close()


def board(quick: bool) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from crm_desktop.services.workspace import open_workspace
    from crm_desktop.ui.opportunities.board import PipelineBoard
    from crm_desktop.ui.opportunities.deps import opportunity_services

    source = demo_file(BOARD_CUSTOMERS).path
    copy = OUT / "board-copy.db"
    shutil.copyfile(source, copy)
    app = QApplication.instance() or QApplication([])
    workspace = open_workspace(copy, PASSPHRASE)
    try:
        services = opportunity_services(workspace)
        boards: list[PipelineBoard] = []

        def open_board() -> None:
            widget = PipelineBoard(services)
            widget.resize(1400, 800)
            widget.rebuild()
            widget.show()
            widget.repaint()
            app.processEvents()
            boards.append(widget)

        opens = timed(open_board, 5 if quick else RUNS)
        widget = boards[-1]
        open_count = sum(c.model.rowCount() for c in widget.columns.values())
        first, second = list(widget.columns.values())[:2]
        direction = [first, second]

        def drag() -> None:
            source_column, target = direction
            card = source_column.model.card(0)
            assert card is not None
            widget.move_card(card.id, target.stage.id)
            app.processEvents()
            direction.reverse()

        drags = timed(drag, 10 if quick else RUNS)
        for b in boards:
            b.close()
            b.deleteLater()
        app.processEvents()
    finally:
        workspace.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
    floor = _raw(
        source,
        "SELECT stage_id, rowid FROM opportunities WHERE status = 'open' "
        "AND deleted_at IS NULL ORDER BY stage_id, expected_close",
        5,
    )
    return [
        Result(
            f"board opens, {open_count:,} open deals (p95 of {len(opens)})",
            p95(opens) * 1000, "ms", floor * 1000, "raw SELECT of the column ids",
            target="≤ 200 ms",
        ),
        Result(
            f"board drag to another column, {open_count:,} open deals (p95 of {len(drags)})",
            p95(drags) * 1000, "ms", target="≤ 200 ms",
        ),
    ]  # fmt: skip


def forecast(quick: bool) -> list[Result]:
    from sqlalchemy import func, select

    from crm_desktop.db.models import Opportunity
    from crm_desktop.services.forecast import forecast as compute
    from crm_desktop.services.workspace import open_workspace

    demo = demo_file(100_000 if quick else 1_000_000)
    workspace = open_workspace(demo.path, PASSPHRASE)
    try:
        with workspace.db.session() as session:
            total = int(session.scalar(select(func.count()).select_from(Opportunity)) or 0)
            compute(session)  # warm the page cache, as a second look at the tab would
        runs = 3 if quick else 7

        def once() -> None:
            with workspace.db.session() as session:
                compute(session)

        times = timed(once, runs)
    finally:
        workspace.close()
    floor = _raw(
        demo.path,
        "SELECT substr(expected_close, 1, 7), owner_id, currency, count(*), sum(amount_minor) "
        "FROM opportunities WHERE status = 'open' GROUP BY 1, 2, 3",
        3,
    )
    return [
        Result(
            f"forecast, {total:,} deals in the file (median of {runs})",
            statistics.median(times) * 1000, "ms", floor * 1000, "raw GROUP BY, no join",
            target="≤ 300 ms (500,000 deals)",
        )
    ]  # fmt: skip


def run(quick: bool) -> list[Result]:
    return board(quick) + forecast(quick)
