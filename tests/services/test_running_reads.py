"""Closing interrupts reads still running, never writes (real encrypted file, real threads)."""

from __future__ import annotations

import threading

from sqlalchemy import text

from crm_desktop.services import running_reads
from crm_desktop.services.workspace import Workspace

# counts for ever, calling mark() on every row so the test knows the statement is running
ENDLESS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT count(*) FROM n WHERE mark() IS NULL"
)


def endless_read(workspace: Workspace, started: threading.Event) -> BaseException | None:
    try:
        with workspace.db.session() as session:
            raw = session.connection().connection.dbapi_connection
            assert raw is not None
            raw.create_function("mark", 0, started.set)
            session.execute(text(ENDLESS)).scalar()
    except Exception as error:  # the interruption, expected
        return error
    return None


def test_only_read_transactions_are_followed(workspace: Workspace) -> None:
    running_reads.track(workspace.db)
    running_reads.track(workspace.db)  # twice: still one listener
    assert running_reads.running(workspace.db) == 0
    with workspace.db.session() as session:
        session.execute(text("SELECT 1")).scalar()
        assert running_reads.running(workspace.db) == 1
    assert running_reads.running(workspace.db) == 0
    with workspace.db.write() as session:
        session.execute(text("SELECT 1")).scalar()
        assert running_reads.running(workspace.db) == 0
        assert running_reads.interrupt(workspace.db) == 0  # the write is not touched
        session.execute(text("SELECT 2")).scalar()
    customer_id = workspace.customers.create(name="Still written")  # writes run on
    assert workspace.customers.get(customer_id).name == "Still written"


def test_interrupt_stops_an_endless_read(workspace: Workspace) -> None:
    running_reads.track(workspace.db)
    started = threading.Event()
    outcome: list[BaseException | None] = []
    reader = threading.Thread(target=lambda: outcome.append(endless_read(workspace, started)))
    reader.start()
    assert started.wait(60)
    assert running_reads.interrupt(workspace.db) == 1
    reader.join(60)
    assert not reader.is_alive()
    assert outcome and outcome[0] is not None and running_reads.was_interrupted(outcome[0])
    assert running_reads.running(workspace.db) == 0
    customer_id = workspace.customers.create(name="After")  # writes still work
    assert workspace.customers.get(customer_id).name == "After"  # so do the GUI's own reads
    refused: list[BaseException] = []

    def background_read() -> None:
        try:
            workspace.customers.get(customer_id)
        except running_reads.ReadsStoppedError as error:
            refused.append(error)

    late = threading.Thread(target=background_read)  # a task queued behind the closing
    late.start()
    late.join(60)
    assert len(refused) == 1 and running_reads.was_interrupted(refused[0])
    running_reads.track(workspace.db)  # a new window: background reads are allowed again
    again = threading.Thread(target=background_read)
    again.start()
    again.join(60)
    assert len(refused) == 1
