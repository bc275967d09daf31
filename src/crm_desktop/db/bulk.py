"""Bulk inserts through the DB-API cursor, for imports and demo data (tens of thousands of rows).

The ORM's bulk path costs more per row than SQLite does; here rows arrive as plain tuples
already in their stored form (times as UTC text, see ``db.types``) and go to ``executemany``
on the session's own connection, inside the session's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session


def insert_rows(
    session: Session, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    session.flush()  # rows added through the ORM (tags, say) must exist before these
    raw: Any = session.connection().connection.driver_connection
    raw.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608
