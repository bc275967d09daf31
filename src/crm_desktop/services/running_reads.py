"""Stopping the database reads still running when the window closes.

Background reads (the status bar's totals, a list's row ids, counts on a million rows) can run
for seconds on a big file. Closing must not wait for them: ``track`` follows every read
transaction of a database (writes are never touched, so no user action is cut short), and
``interrupt`` asks SQLite to abandon the statements those reads are running, and refuses the
reads that background threads start afterwards (tasks still queued behind them; the GUI
thread's own short reads are never in the way of closing). Each reader then sees an
"interrupted" error in its own thread, and its transaction is rolled back as usual.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

from sqlalchemy import Engine, event

from crm_desktop.db.engine import Database


class ReadsStoppedError(Exception):
    """A read began after ``interrupt``: the database is being closed."""

    def __init__(self) -> None:
        super().__init__("interrupted: the database is closing")


class _Reads:
    """The DB-API connections of one engine that are inside a read transaction."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.connections: dict[int, Any] = {}
        self.stopped = False

    def begin(self, conn: Any) -> None:
        if conn.get_execution_options().get("immediate", False):
            return  # a write: it runs to its end
        raw = conn.connection.dbapi_connection
        with self.lock:
            if self.stopped and threading.current_thread() is not threading.main_thread():
                raise ReadsStoppedError  # a background task queued behind the closing
            self.connections[id(raw)] = raw

    def end(self, conn: Any) -> None:
        raw = conn.connection.dbapi_connection
        with self.lock:
            self.connections.pop(id(raw), None)


_tracked: weakref.WeakKeyDictionary[Engine, _Reads] = weakref.WeakKeyDictionary()


def track(db: Database) -> None:
    """Follow the read transactions of ``db`` from now on, and allow reads again after an
    ``interrupt`` (a new window on the same file)."""
    engine = db.engine
    if engine in _tracked:
        _tracked[engine].stopped = False
        return
    reads = _Reads()
    _tracked[engine] = reads
    event.listen(engine, "begin", reads.begin)
    event.listen(engine, "commit", reads.end)
    event.listen(engine, "rollback", reads.end)


def running(db: Database) -> int:
    """How many read transactions of ``db`` are open right now."""
    reads = _tracked.get(db.engine)
    if reads is None:
        return 0
    with reads.lock:
        return len(reads.connections)


def interrupt(db: Database) -> int:
    """Abandon the statements of every open read transaction and refuse new reads (the
    database is about to close); returns how many reads were open."""
    reads = _tracked.get(db.engine)
    if reads is None:
        return 0
    with reads.lock:
        reads.stopped = True
        for raw in reads.connections.values():
            raw.interrupt()
        return len(reads.connections)


def was_interrupted(error: BaseException) -> bool:
    """True for the error a reader gets when ``interrupt`` abandoned its statement."""
    return "interrupted" in str(error).lower()
