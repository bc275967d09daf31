"""Where each live customer stands in name order, kept in memory: a search sorts its matches
without reading them.

A search with a few thousand matches scattered over a million customers is slow to show in
name order either way SQLite can do it: reading each match's row for its sort key is a random
page read (and decryption) per match, and walking the name index until enough matches turn up
can cross most of the index when the matches' names sit late in the order (``toneg`` matches
companies called S…tonegate). With the position of every live customer in name order at hand
(``ranks[rowid]``, 4 bytes a customer: 4 MB for a million), the matches' row ids from the
search index are sorted in Python in a few milliseconds.

The positions are read by walking the name index once (about half a second of a worker's time
on a million customers), on a thread of their own, the first time a search wants them and
again after the file changed. Until they are ready a search takes the SQL path. Whether the
file changed is asked of SQLite itself (``PRAGMA data_version`` on a connection kept for
this), so every writer counts: the window's services, the sync, an import, another process.
A search checks it after reading its matches: any commit its reading saw is seen by then.
"""

from __future__ import annotations

import logging
import threading
import weakref
from array import array
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from crm_desktop.db.engine import READ_CACHE_KIB
from crm_desktop.domain.search_text import match_query
from crm_desktop.domain.sort_key import name_prefix_key

_log = logging.getLogger(__name__)
UNRANKED = -1  # not a live customer when the positions were read


class NameOrder:
    """The name-order positions of one database's live customers, rebuilt when stale."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()  # guards the connection and the fields below
        self._conn: Any = None
        self._ranks: array[int] | None = None
        self._version: int | None = None
        self._busy = False  # a thread is waiting to build, or building
        self._closing = threading.Event()

    # --- the positions -------------------------------------------------------------------

    def current(self) -> tuple[array[int], int] | None:
        """The positions and the data version they describe, when they are still current;
        otherwise None, and a rebuild starts (unless one is on its way)."""
        with self._lock:
            if self._closing.is_set():
                return None
            if self._ranks is not None and self._version == self._data_version():
                return self._ranks, self._version
        self.prepare(0.0)
        return None

    def prepare(self, delay: float) -> None:
        """Make sure the positions are current ``delay`` seconds from now, on a thread: the
        list calls this when a query has finished, so that a rebuild after a change does not
        compete with the next keystroke."""
        with self._lock:
            if self._closing.is_set() or self._busy:
                return
            self._busy = True
        threading.Thread(target=self._run, args=(delay,), name="name order", daemon=True).start()

    def still(self, version: int) -> bool:
        """Whether nothing was committed since the positions of ``version`` were read."""
        if not self._lock.acquire(timeout=0.05):
            return False
        try:
            return not self._closing.is_set() and self._data_version() == version
        finally:
            self._lock.release()

    def wait_ready(self, timeout: float = 60.0) -> bool:
        """For tests and benchmarks: wait until the positions are current."""
        for _ in range(int(timeout * 100)):
            if self.current() is not None:
                return True
            self._closing.wait(0.01)
        return False

    def close(self) -> None:
        self._closing.set()
        with self._lock:
            self._ranks = None
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # --- reading them --------------------------------------------------------------------

    def _data_version(self) -> int:
        if self._conn is None:
            self._conn = self._engine.raw_connection()
        return int(self._conn.driver_connection.execute("PRAGMA data_version").fetchone()[0])

    def _run(self, delay: float) -> None:
        try:
            if self._closing.wait(delay):
                return
            with self._lock:
                if self._closing.is_set():
                    return
                version = self._data_version()  # before the read: a later commit shows
                if self._ranks is not None and self._version == version:
                    return
            ranks = self._read()
            with self._lock:
                if not self._closing.is_set():
                    self._ranks, self._version = ranks, version
        except Exception:  # the file went away or is busy: searches take the SQL path
            _log.debug("name order not read", exc_info=True)
        finally:
            with self._lock:
                self._busy = False

    def _read(self) -> array[int]:
        pooled = self._engine.raw_connection()  # a connection of its own: checks go on
        try:
            raw: Any = pooled.driver_connection
            raw.execute(f"PRAGMA cache_size = -{READ_CACHE_KIB}")  # one pass: no big cache
            raw.execute("BEGIN")
            try:
                return _read_ranks(raw)
            finally:
                raw.execute("COMMIT")
        finally:
            pooled.close()


def _read_ranks(raw: Any) -> array[int]:
    top = raw.execute("SELECT coalesce(max(rowid), 0) FROM customers").fetchone()
    ranks = array("i", [UNRANKED]) * (int(top[0]) + 1)
    cursor = raw.execute(
        "SELECT rowid FROM customers WHERE deleted_at IS NULL"
        " ORDER BY crm_name_key(name, kind), rowid"
    )
    position = 0
    while batch := cursor.fetchmany(20_000):
        for (rowid,) in batch:
            ranks[rowid] = position
            position += 1
    return ranks


_orders: weakref.WeakKeyDictionary[Engine, NameOrder] = weakref.WeakKeyDictionary()
_orders_lock = threading.Lock()


def name_order(session: Session) -> NameOrder:
    """The name order of the session's database (one per open database)."""
    engine = session.get_bind()
    if not isinstance(engine, Engine):
        raise TypeError("a session bound to an engine is needed")
    return name_order_of(engine)


def name_order_of(engine: Engine) -> NameOrder:
    with _orders_lock:
        order = _orders.get(engine)
        if order is None:
            order = _orders[engine] = NameOrder(engine)
            event.listen(engine, "engine_disposed", lambda _engine: order.close())
        return order


def _rowids(conn: Any, table: str, expression: str) -> list[int]:
    query = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"  # noqa: S608
    return [r[0] for r in conn.execute(query, (expression,))]


def _begin(session: Session, text: str) -> tuple[NameOrder, str, array[int], int, Any] | None:
    """What a search by the positions starts from: the order, the FTS5 expression, the
    positions and their data version, the session's connection; None when not ready."""
    expression = match_query(text)
    order = name_order(session)
    ready = order.current() if expression is not None else None
    if ready is None or expression is None:
        return None
    ranks, version = ready
    return order, expression, ranks, version, session.connection().connection.driver_connection


def ranked_search(
    session: Session, text: str, first: int, chunk: int, *, by_range: bool, heads_cap: int
) -> Iterator[array[int]] | None:
    """The live customers matching ``text`` in name order, in the tiers the SQL paths of
    ``customer_list`` list them in: with ``by_range`` (a broad search) first the names that
    start with the text as typed (a range of the name order), then other names with a word
    that starts with it (when there are at most ``heads_cap`` name starts), then the rest;
    without, the name starts, then the rest. Streamed as
    ``customer_list.iter_rowids`` does. None when the positions are not ready (or the file
    changed while the matches were read): the caller takes the SQL path."""
    begun = _begin(session, text)
    if begun is None:
        return None
    order, expression, ranks, version, conn = begun
    matches = _rowids(conn, "customer_search", expression)
    heads = set(_rowids(conn, "customer_name_heads", expression))
    if by_range and len(heads) > heads_cap:
        heads = set()
    low = high = 0
    prefix = name_prefix_key(text) if by_range else None
    if prefix is not None:
        low = _position(conn, ranks, prefix, len(matches))
        high = _position(conn, ranks, prefix + "\U0010ffff", len(matches))
    if not order.still(version) or low < 0 or high < 0:
        return None
    top = len(ranks)
    if any(rowid >= top for rowid in matches):  # a customer newer than the positions
        return None
    tiers: tuple[list[tuple[int, int]], ...] = ([], [], [])
    for rowid in matches:
        rank = ranks[rowid]
        if rank == UNRANKED:
            continue
        tier = 0 if low <= rank < high else 1 if rowid in heads else 2
        tiers[tier].append((rank, rowid))
    ordered = array("q")
    for pairs in tiers:
        pairs.sort()
        ordered.extend(rowid for _, rowid in pairs)
    return chunked(ordered, first, chunk)


def _position(conn: Any, ranks: array[int], key: str, end: int) -> int:
    """Where the first live customer whose name key is ``key`` or after stands in the name
    order (one seek in the name index); -1 when it is newer than the positions."""
    row = conn.execute(
        "SELECT rowid FROM customers WHERE deleted_at IS NULL AND crm_name_key(name, kind) >= ?"
        " ORDER BY crm_name_key(name, kind), rowid LIMIT 1",
        (key,),
    ).fetchone()
    if row is None:
        return len(ranks) + end  # past every position
    rowid = int(row[0])
    return ranks[rowid] if rowid < len(ranks) else -1


def name_starts_in_order(session: Session, text: str) -> array[int] | None:
    """The live customers whose name has a word starting with ``text`` (the name-start
    index) but does not itself start with it as typed, in name order: the second part of a
    broad search (``customer_list._name_starts_first``), sorted without reading their rows.
    None when the positions are not ready or the file changed meanwhile."""
    begun = _begin(session, text)
    if begun is None:
        return None
    order, expression, ranks, version, conn = begun
    heads = _rowids(conn, "customer_name_heads", expression)
    low = high = 0
    prefix = name_prefix_key(text)
    if prefix is not None:
        low = _position(conn, ranks, prefix, len(heads))
        high = _position(conn, ranks, prefix + "\U0010ffff", len(heads))
    top = len(ranks)
    if not order.still(version) or low < 0 or high < 0 or any(r >= top for r in heads):
        return None
    pairs = sorted(
        (ranks[rowid], rowid)
        for rowid in heads
        if ranks[rowid] != UNRANKED and not low <= ranks[rowid] < high
    )
    return array("q", [rowid for _, rowid in pairs])


def chunked(ids: array[int], first: int, chunk: int) -> Iterator[array[int]]:
    """``ids`` as a stream of row ids: ``first`` of them, then ``chunk`` at a time."""
    start, size = 0, first
    while start < len(ids):
        yield ids[start : start + size]
        start += size
        size = chunk
