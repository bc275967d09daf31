"""The follow-up list model: a query's ordered row ids streamed from a worker, rows by block.

The customer list's shape (``ui.customers.model``), kept smaller: the row ids of the current
filter arrive in chunks from a worker (the first block of rows with the first chunk), and a
block of ``BLOCK`` rows is read by rowid when it scrolls into view. A block is about two
screens: each row costs a random read of its follow-up and of its customer, which on a file
of millions that the page cache cannot hold is a fraction of a millisecond — 200 rows took
60–80 ms there, 50 rows take 15–20. At most ``MAX_BLOCKS`` blocks stay cached. A newer query
supersedes a running one (generation counter). Overdue rows are drawn in red.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from crm_desktop.db.engine import Database
from crm_desktop.services import followup_views as views
from crm_desktop.services.followup_views import FollowUpFilter, FollowUpRow
from crm_desktop.ui.followups.columns import COLUMNS, CONTEXT, cell_text

AnyIndex = QModelIndex | QPersistentModelIndex
BLOCK = 50
MAX_BLOCKS = 60  # 3,000 rows
ID_ROLE = Qt.ItemDataRole.UserRole
OVERDUE_COLOR = QColor("#c62828")


@dataclass(frozen=True)
class ListQuery:
    filter: FollowUpFilter
    sort: str = "due_at"
    descending: bool = False


class _Relay(QObject):
    chunk = Signal(int, object, object)  # generation, rowids, first block ({} after the first)
    done = Signal(int, int)
    failed = Signal(int, object)


class _Stream(QRunnable):
    def __init__(self, db: Database, generation: int, query: ListQuery, now: datetime) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.relay = _Relay()
        self._db, self._generation, self._query, self._now = db, generation, query, now
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    def run(self) -> None:
        q, total = self._query, 0
        try:
            with self._db.session() as session:
                for chunk in views.iter_rowids(session, q.filter, self._now, q.sort, q.descending):
                    if self._cancelled.is_set():
                        return
                    # never None through an ``object`` signal: PySide6 on Python 3.11
                    # releases a reference it did not take, and None's count runs out
                    first = views.fetch_rows(session, chunk[:BLOCK]) if total == 0 else {}
                    total += len(chunk)
                    self.relay.chunk.emit(self._generation, chunk, first)
        except BaseException as exc:  # shown on the GUI thread
            self.relay.failed.emit(self._generation, exc)
        else:
            if not self._cancelled.is_set():
                self.relay.done.emit(self._generation, total)


_streams: set[_Stream] = set()


class FollowUpListModel(QAbstractTableModel):
    """``count_changed(rows, complete)`` follows the stream; ``failed`` carries an error."""

    count_changed = Signal(int, bool)
    failed = Signal(object)

    def __init__(
        self, db: Database, now: Callable[[], datetime], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = now
        self._now = now()
        self._query = ListQuery(FollowUpFilter())
        self._ids: array[int] = array("q")
        self._blocks: OrderedDict[int, dict[int, FollowUpRow]] = OrderedDict()
        self._generation = 0
        self._shown = -1
        self._stream: _Stream | None = None
        self.loading = False

    # --- what the view asks ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate(CONTEXT, COLUMNS[section].header)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row, COLUMNS[index.column()].key)
        if role == ID_ROLE:
            return row.id
        return self._overdue_style(role, index.column()) if row.is_overdue(self._now) else None

    @staticmethod
    def _overdue_style(role: int, column: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(OVERDUE_COLOR)
        if role == Qt.ItemDataRole.FontRole and COLUMNS[column].key == "due_at":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(CONTEXT, "Overdue")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            descending = order == Qt.SortOrder.DescendingOrder
            self.set_query(ListQuery(self._query.filter, COLUMNS[column].key, descending))

    # --- queries ---------------------------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def now(self) -> datetime:
        """The time the shown rows were selected at (what "overdue" is measured against)."""
        return self._now

    def set_filter(self, flt: FollowUpFilter) -> None:
        self.set_query(ListQuery(flt, self._query.sort, self._query.descending))

    def set_query(self, query: ListQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Run the query again; the old rows stay on screen until the new ones arrive."""
        self._generation += 1
        self.cancel_stream()
        self._now = self._clock()
        self.loading = True
        stream = _Stream(self._db, self._generation, self._query, self._now)
        self._stream = stream
        _streams.add(stream)
        stream.relay.chunk.connect(self._on_chunk)
        stream.relay.done.connect(self._on_done)
        stream.relay.failed.connect(self._on_failed)
        stream.relay.done.connect(lambda *_: _streams.discard(stream))
        stream.relay.failed.connect(lambda *_: _streams.discard(stream))
        QThreadPool.globalInstance().start(stream)

    def cancel_stream(self) -> None:
        if self._stream is not None:
            self._stream.cancel()
            _streams.discard(self._stream)
            self._stream = None

    # --- rows ------------------------------------------------------------------------------

    def row(self, number: int) -> FollowUpRow | None:
        if not 0 <= number < len(self._ids):
            return None
        block_number = number // BLOCK
        block = self._blocks.get(block_number)
        if block is None:
            ids = self._ids[block_number * BLOCK : (block_number + 1) * BLOCK]
            with self._db.session() as session:
                block = views.fetch_rows(session, ids)
            self._store(block_number, block)
        return block.get(self._ids[number])

    def record_id(self, number: int) -> str | None:
        row = self.row(number)
        return None if row is None else row.id

    def rowids(self, rows: Sequence[int]) -> list[int]:
        return [self._ids[r] for r in rows if 0 <= r < len(self._ids)]

    def _store(self, number: int, block: dict[int, FollowUpRow]) -> None:
        self._blocks[number] = block
        self._blocks.move_to_end(number)
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)

    def _on_chunk(self, generation: int, chunk: array[int], first: dict[int, FollowUpRow]) -> None:
        if generation != self._generation:
            return
        if self._shown != generation:
            self.beginResetModel()
            self._shown = generation
            self._ids = array("q", chunk)
            self._blocks.clear()
            self._store(0, first)
            self.endResetModel()
        else:
            start = len(self._ids)
            if start % BLOCK:
                self._blocks.pop(start // BLOCK, None)  # a partial block: read it whole later
            self.beginInsertRows(QModelIndex(), start, start + len(chunk) - 1)
            self._ids.extend(chunk)
            self.endInsertRows()
        self.count_changed.emit(len(self._ids), False)

    def _on_done(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        if self._shown != generation:  # nothing matched
            self.beginResetModel()
            self._shown = generation
            self._ids = array("q")
            self._blocks.clear()
            self.endResetModel()
        self.loading = False
        self._stream = None
        self.count_changed.emit(total, True)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.loading = False
            self._stream = None
            self.failed.emit(error)
