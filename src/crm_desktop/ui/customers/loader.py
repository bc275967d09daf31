"""Background work of the customer list: stream a query's row ids, fetch blocks of rows.

Both run on the shared thread pool with their own short-lived session and only hand plain
data (arrays, tuples of display strings) back to the GUI thread through queued signals.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from crm_desktop.db.engine import Database
from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.services.customer_list import fetch_rows, iter_rowids
from crm_desktop.ui.customers.cells import display_row
from crm_desktop.ui.tasks import own_pool

# a row as the model keeps it: the customer id, then one display string per fetched column
CachedRow = tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: a filter and an order."""

    filter: CustomerFilter = field(default_factory=CustomerFilter)
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class Chunk:
    generation: int
    rowids: array[int]
    first_rows: dict[int, CachedRow] | None  # the first block, fetched with the first chunk
    keys: tuple[str, ...]  # the columns of ``first_rows``


def load_rows(
    db: Database, rowids: Sequence[int], keys: Sequence[str], kinds: Sequence[str]
) -> dict[int, CachedRow]:
    """``rowid → (id, display strings)`` for the rows of one block."""
    with db.session() as session:
        return format_rows(fetch_rows(session, rowids, keys), kinds, rowids)


def format_rows(
    raw: dict[int, tuple[object, ...]], kinds: Sequence[str], rowids: Sequence[int]
) -> dict[int, CachedRow]:
    """Display strings per row; a row deleted meanwhile becomes an empty row (id "")."""
    empty = ("", tuple("" for _ in kinds))
    rows = {
        rowid: (str(values[0]), display_row(kinds, values[1:])) for rowid, values in raw.items()
    }
    for rowid in rowids:
        rows.setdefault(rowid, empty)
    return rows


class _StreamRelay(QObject):
    chunk = Signal(object)
    done = Signal(int, int)  # generation, total rows
    failed = Signal(int, object)
    finished = Signal()  # always last, cancelled or not


class RowIdStream(QRunnable):
    """Iterates a query's row ids in a worker; ``cancel()`` stops it after the current chunk."""

    def __init__(
        self,
        db: Database,
        generation: int,
        query: ListQuery,
        now: datetime,
        first_block: tuple[int, Sequence[str], Sequence[str]],
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.relay = _StreamRelay()
        self.generation = generation
        self._db = db
        self._query = query
        self._now = now
        self._first_block = first_block
        self._cancelled = threading.Event()
        self._first_taken = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()
        self._first_taken.set()

    def first_chunk_taken(self) -> None:
        """The GUI has put the first chunk on screen: the rest of the ids may follow."""
        self._first_taken.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        q = self._query
        total = 0
        size, keys, kinds = self._first_block
        try:
            with self._db.session() as session:
                for chunk in iter_rowids(
                    session, q.filter, q.sort, q.descending, self._now, first=size
                ):
                    if self.cancelled:
                        return
                    first = None
                    if total == 0:
                        head = chunk[:size]
                        first = format_rows(fetch_rows(session, head, keys), kinds, head)
                    total += len(chunk)
                    self.relay.chunk.emit(Chunk(self.generation, chunk, first, tuple(keys)))
                    if first is not None and len(chunk) >= size:
                        self._first_taken.wait(FIRST_CHUNK_PAUSE_S)  # more after the paint
                        if self._cancelled.is_set():  # a new keystroke: no further chunk
                            return
        except BaseException as exc:  # delivered to the GUI thread, which shows it
            self.relay.failed.emit(self.generation, exc)
        else:
            if not self.cancelled:
                self.relay.done.emit(self.generation, total)
        finally:
            self.relay.finished.emit()


_streams: set[RowIdStream] = set()
# After the first chunk a stream waits (at most this long) until the GUI has shown it: reading
# the other row ids competes with the first paint for the interpreter.
FIRST_CHUNK_PAUSE_S = 0.5
LIST_THREADS = 2  # a query's row id stream and the block of rows on screen, side by side


def list_pool() -> QThreadPool:
    """The list's own threads (row ids, blocks of rows): scrolling never waits for the
    shared pool's long jobs, such as the status bar's counts on a million rows."""
    return own_pool("customer list", LIST_THREADS)


def start_stream(
    stream: RowIdStream,
    on_chunk: Callable[[Chunk], None],
    on_done: Callable[[int, int], None],
    on_failed: Callable[[int, BaseException], None],
) -> None:
    """Run ``stream`` on the list's pool, keeping it alive until it has reported."""
    _streams.add(stream)
    stream.relay.chunk.connect(on_chunk)
    stream.relay.done.connect(on_done)
    stream.relay.failed.connect(on_failed)
    stream.relay.finished.connect(lambda: _streams.discard(stream))
    list_pool().start(stream)
