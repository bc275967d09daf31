"""Bulk inserts through the DB-API cursor, for imports and demo data (tens of thousands of rows).

The ORM's bulk path costs more per row than SQLite does; here rows arrive as plain tuples
already in their stored form (times as UTC text, see ``db.types``) and go to ``executemany``
on the session's own connection, inside the session's transaction.

A bulk load may also set a trigger aside for its own transaction (``suspended_triggers``) when
it does the trigger's work itself in one batch, such as filling the search index.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session


class AscendingIds:
    """New ids (UUIDv7, as ``domain.ids.new_id`` makes them) that ascend in the order they are
    taken: RFC 9562's method 1, a 12-bit counter after the millisecond time, then 62 random
    bits. Rows inserted in that order are appended to every index on the id, where random
    order within a millisecond would split pages all over the index's last stretch."""

    def __init__(self) -> None:
        self._millis = 0
        self._counter = 0

    def take(self, count: int) -> list[str]:
        now = time.time_ns() // 1_000_000
        if now > self._millis:
            self._millis, self._counter = now, 0
        noise = bytearray(os.urandom(8 * count))
        noise[0::8] = bytes(b & 0x3F | 0x80 for b in noise[0::8])  # the RFC 4122 variant
        tails = noise.hex()
        ids = []
        for start in range(0, 16 * count, 16):
            if self._counter > 0xFFF:  # 4,096 ids in one millisecond: borrow the next one
                self._millis, self._counter = self._millis + 1, 0
            stamp = f"{self._millis & 0xFFFF_FFFF_FFFF:012x}"
            ids.append(
                f"{stamp[:8]}-{stamp[8:]}-7{self._counter:03x}-"
                f"{tails[start : start + 4]}-{tails[start + 4 : start + 16]}"
            )
            self._counter += 1
        return ids


def raw_connection(session: Session) -> Any:
    """The DB-API connection under ``session``, inside its transaction."""
    session.flush()  # rows added through the ORM (tags, say) must exist before bulk rows
    return session.connection().connection.driver_connection


def insert_rows(
    session: Session, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    raw_connection(session).executemany(
        f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608
        rows,
    )


def insert_json_rows(session: Session, table: str, columns: Sequence[str], rows: str) -> None:
    """``insert_rows`` for rows given as one JSON array of arrays (of text, numbers, nulls):
    one statement for them all. It binds no Python value per row, so it runs without Python's
    lock (unless the table's indexes or triggers call Python functions) and another thread
    can work meanwhile; ``executemany`` takes the lock back for every row."""
    names = ", ".join(columns)
    values = ", ".join(f"value ->> {n}" for n in range(len(columns)))
    raw_connection(session).execute(
        f"INSERT INTO {table} ({names}) SELECT {values} FROM json_each(?)",  # noqa: S608
        (rows,),
    )


def next_rowid(session: Session, table: str) -> int:
    """The first free rowid of ``table`` (rows inserted with explicit rowids from here on)."""
    row = raw_connection(session).execute(f"SELECT max(rowid) FROM {table}").fetchone()  # noqa: S608
    return int(row[0] or 0) + 1


@contextmanager
def suspended_triggers(session: Session, names: Sequence[str]) -> Iterator[None]:
    """Drop the triggers ``names`` inside the session's transaction, and create them again
    (with their stored SQL) before leaving, whether the block succeeded or not.

    The drop is part of the transaction: a rollback brings the triggers back by itself, and
    no other connection ever sees the database without them (they read the last committed
    state until the transaction, triggers restored, commits).
    """
    with suspended_triggers_on(raw_connection(session), names):
        yield


@contextmanager
def suspended_triggers_on(conn: Any, names: Sequence[str]) -> Iterator[None]:
    """``suspended_triggers`` on a DB-API connection inside its own open transaction."""
    marks = ", ".join("?" * len(names))
    stored = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",  # noqa: S608
        tuple(names),
    ).fetchall()
    for name, _sql in stored:
        conn.execute(f'DROP TRIGGER "{name}"')
    try:
        yield
    finally:
        # After an error that ended the transaction, SQLite has already brought them back.
        present = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        for name, sql in stored:
            if name not in present:
                conn.execute(sql)
