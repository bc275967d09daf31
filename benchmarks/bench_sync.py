"""Team sync against the local PostgreSQL: push and pull of 10,000 changes, first sync of a
team database made from a demo file, each beside a bare psycopg COPY of the same rows.

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust); without it the figures say so.
A database and roles with unique names are made for the run and dropped after it. Each figure
notes the CPU seconds of this process (the client; the server's are not counted) and the
load average, as the machine is often shared.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from benchmarks.data import PASSPHRASE, demo_file
from benchmarks.report import Result

ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=5"
CHANGES = 10_000
FIELDS = ("name", "city", "tier", "status", "owner_id")
PULL_FLOOR_QUERY = (
    "SELECT seq, change_id, entity, row_id, field, value, hlc, device FROM crm.changes "
    "ORDER BY seq DESC LIMIT 10000"
)


def _make_changes(ws: Any, n: int) -> None:
    """``n`` journalled field changes: customers created through the bulk journal path."""
    from crm_desktop.db.bulk import insert_rows
    from crm_desktop.db.types import to_utc_text, utcnow
    from crm_desktop.domain.ids import new_id
    from crm_desktop.services.journal import BulkJournal

    journal = BulkJournal(ws.ctx)
    rows = []
    now = to_utc_text(utcnow())
    for i in range(n // len(FIELDS)):
        cid = new_id()
        values = (f"客户 {i}", "上海", "A", "lead", ws.ctx.user_id)
        rows.append((cid, "company", *values, now, now))
        for name, value in zip(FIELDS, values, strict=True):
            journal.add("customer", cid, name, None, value)
    with ws.db.write() as session:
        insert_rows(
            session,
            "customers",
            ("id", "kind", *FIELDS, "created_at", "updated_at"),
            rows,
        )
        journal.flush(session)


def _note(cpu_started: float) -> str:
    return f"client CPU {time.process_time() - cpu_started:.1f} s, load {os.getloadavg()[0]:.2f}"


def _copy_floor_push(conn: Any, rows: list[tuple[Any, ...]]) -> float:
    conn.execute(
        "CREATE TEMP TABLE floor_changes (change_id uuid, entity text, row_id text, "
        "field text, value jsonb, hlc text, device text)"
    )
    started = time.perf_counter()
    with conn.transaction(), conn.cursor().copy("COPY floor_changes FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    return time.perf_counter() - started


def _copy_out(conn: Any, query: str) -> float:
    started = time.perf_counter()
    sink = io.BytesIO()
    with conn.cursor().copy(f"COPY ({query}) TO STDOUT") as copy:
        for data in copy:
            sink.write(data)
    return time.perf_counter() - started


def run(quick: bool) -> list[Result]:
    try:
        import psycopg
        from psycopg import sql

        with psycopg.connect(ADMIN, autocommit=True) as conn:
            conn.execute("SELECT 1")
    except Exception as error:  # no server: say so in the table
        reason = str(error).splitlines()[0][:60]
        return [Result(f"team sync (no PostgreSQL: {reason})", None, "s")]
    name = f"crmbench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    roles: list[str] = []
    try:
        return _run(name, roles, quick)
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            for role in roles:
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def _run(name: str, roles: list[str], quick: bool) -> list[Result]:  # noqa: PLR0915
    import psycopg

    from crm_desktop.services.workspace import create_workspace, open_workspace
    from crm_desktop.sync.client import SyncClient
    from crm_desktop.sync.server_admin import add_user, init_server
    from crm_desktop.sync.upload import upload_state

    dsn = f"host=127.0.0.1 port=5432 user=postgres dbname={name}"
    init_server(dsn)

    def member(short: str) -> tuple[str, Any]:
        login = f"{name}_{short}"
        roles.append(login)
        add_user(dsn, login, "pw", "owner", short)
        return login, lambda: psycopg.connect(f"{dsn.replace('user=postgres', 'user=' + login)}",
                                              autocommit=True)  # fmt: skip

    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        login_a, connect_a = member("a")
        login_b, connect_b = member("b")
        a = create_workspace(tmp / "a.db", PASSPHRASE, owner_name="a")
        b = create_workspace(tmp / "b.db", PASSPHRASE, owner_name="b")
        sync_a, sync_b = SyncClient(a.ctx, connect_a), SyncClient(b.ctx, connect_b)
        sync_a.sync()
        sync_b.sync()
        _make_changes(a, CHANGES)
        with connect_a() as conn:
            started, cpu = time.perf_counter(), time.process_time()
            pushed = sync_a.push(conn).pushed
            push_s = time.perf_counter() - started
            push_note = _note(cpu)
            rows = conn.execute(
                "SELECT change_id, entity, row_id, field, value::text, hlc, device "
                "FROM crm.changes WHERE field <> '@access' ORDER BY seq DESC LIMIT %s",
                (CHANGES,),
            ).fetchall()
            floor_push = _copy_floor_push(conn, rows)
        results.append(
            Result(f"sync push of {pushed:,} changes", push_s, "s", floor_push,
                   "bare COPY of the same rows", "≤ 2 s", push_note)
        )  # fmt: skip
        with connect_b() as conn:
            started, cpu = time.perf_counter(), time.process_time()
            pulled = sync_b.pull(conn).pulled
            pull_s = time.perf_counter() - started
            pull_note = _note(cpu)
            floor_pull = _copy_out(
                conn,
                PULL_FLOOR_QUERY,
            )
        results.append(
            Result(f"sync pull of {pulled:,} changes", pull_s, "s", floor_pull,
                   "bare COPY out of the same rows", "≤ 2 s", pull_note)
        )  # fmt: skip
        a.close()
        b.close()

        customers = int(os.environ.get("CRM_BENCH_SYNC_CUSTOMERS") or 0) or (
            20_000 if quick else 100_000
        )
        source = demo_file(customers)
        ws = open_workspace(source.path, PASSPHRASE)
        try:
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute("DELETE FROM crm.rows")
                records = upload_state(ws.db, conn, ws.ctx.device_id)
        finally:
            ws.close()
        login_c, connect_c = member("c")
        del login_a, login_b, login_c
        c = create_workspace(tmp / "c.db", PASSPHRASE, owner_name="c")
        started, cpu = time.perf_counter(), time.process_time()
        got = SyncClient(c.ctx, connect_c).sync().snapshot_rows
        first_s = time.perf_counter() - started
        first_note = _note(cpu)
        c.close()
        with connect_c() as conn:
            floor_first = _copy_out(conn, "SELECT entity, row_id, data, stamps FROM crm.rows")
        results.append(
            Result(f"first sync, {customers:,}-customer team ({got:,} of {records:,} records)",
                   first_s, "s", floor_first, "bare COPY out of the same rows", "≤ 15 s",
                   first_note)
        )  # fmt: skip
    return results


if __name__ == "__main__":
    import sys

    from benchmarks.report import table

    print(table(run("--quick" in sys.argv)))
