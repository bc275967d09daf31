"""Streaming the ordered row ids of a big list query: a small first chunk, then big ones."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

FIRST_CHUNK = 500
CHUNK = 20_000


def stream_rowids(
    session: Session, query: Any, first: int = FIRST_CHUNK, chunk: int = CHUNK
) -> Iterator[array[int]]:
    """Row ids of ``query`` (one integer column) in arrays; the caller may stop at any time.

    Executed on the session's connection (Core), so ids stream from SQLite as they are fetched;
    an ORM-level execute would buffer every matching row before the first chunk.
    """
    result = session.connection().execute(query).scalars()
    try:
        size = first
        while True:
            ids = array("q", result.fetchmany(size))
            if ids:
                yield ids
            if len(ids) < size:
                return
            size = chunk
    finally:
        result.close()  # a query left half-read would keep its statement busy
