"""The customer list model: the ordered row ids of a query, rows fetched block by block.

A query (filter + sort) streams its row ids from a worker
into one compact array; ``rowCount`` is the number received so far. A row on screen that is not
cached asks a worker for its block (``BLOCK`` rows) and shows a placeholder until the block
arrives; at most ``MAX_BLOCKS`` blocks are kept, so memory follows the screen, not the file.
A new query supersedes the old one (generation counter): its stream is cancelled and whatever
it still delivers is ignored. The old rows stay visible until the new first chunk arrives, so
typing never flashes an empty table.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from crm_desktop.db.engine import Database
from crm_desktop.services.first_page import FirstPage
from crm_desktop.services.name_order import name_order_of
from crm_desktop.ui.customers.cells import BUILT_IN, ColumnSpec, display_row
from crm_desktop.ui.customers.loader import (
    CachedRow,
    Chunk,
    ListQuery,
    RowIdStream,
    list_pool,
    load_rows,
    start_stream,
)
from crm_desktop.ui.tasks import Progress, run_task

AnyIndex = QModelIndex | QPersistentModelIndex
BlockResult = tuple[int, int, "dict[int, CachedRow] | Exception"]  # epoch, block, rows or error
NAME_ORDER_DELAY_S = 1.0  # after a query, before the name order is read again if stale
BLOCK = 100  # rows read at a time: about two screens
MAX_BLOCKS = 30  # 3,000 rows at most
MAX_WANTED = 6  # blocks asked for while scrolling fast: only the latest few are fetched
MAX_IN_FLIGHT = 2  # blocks read side by side (the list has two threads of its own)
FIRST_PAINT_WAIT_MS = 250  # a new query's first rows count as painted after this at most
ID_ROLE = Qt.ItemDataRole.UserRole
PLACEHOLDER = "…"
TOOLTIP_LENGTH = 40
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ID = int(ID_ROLE.value)
_ROW_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND, _ID})
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _local_now() -> datetime:
    return datetime.now().astimezone()


class CustomerListModel(QAbstractTableModel):
    """``count_changed(rows, complete)`` follows the stream; ``failed`` carries an error."""

    count_changed = Signal(int, bool)
    rows_shown = Signal()  # the first block of a new query is on screen
    rows_painted = Signal()  # … and has been painted (see ``first_rows_painted``)
    failed = Signal(object)

    def __init__(
        self,
        db: Database,
        columns: Sequence[ColumnSpec] = BUILT_IN,
        now: Callable[[], datetime] = _local_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._now = now
        self._columns: list[ColumnSpec] = list(columns)
        self._visible: set[str] = {c.key for c in self._columns}
        self._cell_positions: list[int] = []
        self._alignments: list[Qt.AlignmentFlag] = []
        self._update_positions()
        self._query = ListQuery()
        self._ids: array[int] = array("q")
        self._complete = False
        self._generation = 0  # of the latest query asked for
        self._shown_generation = -1  # of the rows on screen
        self._epoch = 0  # changes whenever cached rows stop matching (ids or columns)
        self._stream: RowIdStream | None = None
        self._blocks: OrderedDict[int, dict[int, CachedRow]] = OrderedDict()
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._in_flight: set[int] = set()
        self._placeholder_brush: QBrush | None = None
        self._paint_pending = False  # a new query's first rows wait for their first paint
        self._paused_stream: RowIdStream | None = None
        self.started = False

    # --- what the view asks ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:  # noqa: PLR0911 - hot path, flat
        """Called thousands of times per paint: plain int roles, no allocations on the hot
        path, unknown roles rejected first."""
        if role not in _ROW_ROLES:
            return None
        number = index.row()
        if not index.isValid() or number >= len(self._ids):
            return None
        column = index.column()
        if role == _ALIGNMENT:
            return self._alignments[column]
        block = self._blocks.get(number // BLOCK)
        row = None if block is None else block.get(self._ids[number])
        if row is None:
            self._request(number // BLOCK)
            return self._placeholder(column, role)
        if role == _FOREGROUND:
            return None
        if role == _ID:
            return row[0]
        position = self._cell_positions[column]
        text = row[1][position] if position >= 0 else ""
        if role == _DISPLAY or len(text) > TOOLTIP_LENGTH:
            return text
        return None

    def _placeholder(self, column: int, role: int) -> Any:
        if role == _FOREGROUND:
            if self._placeholder_brush is None:  # made once per query, not once per cell
                color = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
                self._placeholder_brush = QBrush(color)
            return self._placeholder_brush
        if role == _DISPLAY and column == 0:
            return PLACEHOLDER
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in SQL; the view calls this with a header click."""
        if 0 <= column < len(self._columns):
            descending = order == Qt.SortOrder.DescendingOrder
            self.set_query(ListQuery(self._query.filter, self._columns[column].key, descending))

    # --- queries ---------------------------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        return self._query

    def set_query(self, query: ListQuery) -> None:
        """Show ``query``'s rows; a running older query is cancelled and its results ignored."""
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Run the current query again (after a change); the old rows stay until it answers."""
        self.started = True
        self._generation += 1
        if self._stream is not None:
            self._stream.cancel()
        keys = self.fetch_keys()
        stream = RowIdStream(
            self._db,
            self._generation,
            self._query,
            self._now(),
            (BLOCK, keys, [self._kind(k) for k in keys]),
        )
        self._stream = stream
        start_stream(stream, self._on_chunk, self._on_done, self._on_failed)

    def cancel(self) -> None:
        """Stop the running query (the window is closing)."""
        self._generation += 1
        if self._stream is not None:
            self._stream.cancel()

    @property
    def loading(self) -> bool:
        """True until the latest query has delivered all its row ids."""
        return self._shown_generation != self._generation or not self._complete

    @property
    def first_page_loaded(self) -> bool:
        return self._shown_generation >= 0 and (not self._ids or 0 in self._blocks)

    def preload(self, page: FirstPage) -> None:
        """Show the start-up page's rows until the first query's own rows arrive (the window
        then replaces the start-up page without a blank moment). Ignored once rows came."""
        if self._shown_generation >= 0:
            return
        positions = {key: n for n, key in enumerate(page.keys)}
        keys = self.fetch_keys()
        kinds = [self._kind(k) for k in keys]
        rows: dict[int, CachedRow] = {}
        for row in page.rows:
            values = [row[2 + positions[k]] if k in positions else None for k in keys]
            rows[int(row[0])] = (str(row[1]), display_row(kinds, values))
        self.beginResetModel()
        self._ids = array("q", rows)
        self._forget_rows()
        if rows:
            self._store(0, rows)
        self.endResetModel()

    # --- columns ---------------------------------------------------------------------------

    @property
    def columns(self) -> tuple[ColumnSpec, ...]:
        return tuple(self._columns)

    def column_of(self, key: str) -> int:
        for number, column in enumerate(self._columns):
            if column.key == key:
                return number
        return -1

    def set_extra_columns(self, extra: Sequence[ColumnSpec]) -> None:
        """Replace the custom field columns (they follow the built-in ones)."""
        built_in = len(BUILT_IN)
        if len(self._columns) > built_in:
            self.beginRemoveColumns(QModelIndex(), built_in, len(self._columns) - 1)
            del self._columns[built_in:]
            self._update_positions()
            self.endRemoveColumns()
        if extra:
            self.beginInsertColumns(QModelIndex(), built_in, built_in + len(extra) - 1)
            self._columns.extend(extra)
            self._update_positions()
            self.endInsertColumns()
        self._visible &= {c.key for c in self._columns}
        self._update_positions()

    def set_visible_keys(self, keys: Sequence[str]) -> None:
        """Fetch only the columns on screen; showing another column refetches the rows."""
        wanted = {k for k in keys if self.column_of(k) >= 0}
        if wanted == self._visible:
            return
        self._visible = wanted
        self._update_positions()
        self._forget_rows()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1)
            )

    def fetch_keys(self) -> list[str]:
        return [c.key for c in self._columns if c.key in self._visible]

    # --- rows for the views ----------------------------------------------------------------

    def record_id(self, row: int) -> str | None:
        """The customer id of a row, if its block is loaded."""
        cached = self._cached(row) if 0 <= row < len(self._ids) else None
        return cached[0] if cached is not None and cached[0] else None

    def rowids(self, ranges: Sequence[tuple[int, int]]) -> array[int]:
        """The row ids of inclusive row ranges (a selection), whether loaded or not."""
        result = array("q")
        for top, bottom in ranges:
            result.extend(self._ids[max(top, 0) : bottom + 1])
        return result

    def cached_rows(self) -> int:
        return sum(len(block) for block in self._blocks.values())

    # --- internals: the stream -------------------------------------------------------------

    def _on_chunk(self, chunk: Chunk) -> None:
        if chunk.generation != self._generation:
            return  # an older query, superseded
        if self._shown_generation != chunk.generation:
            self.beginResetModel()
            self._shown_generation = chunk.generation
            self._ids = array("q", chunk.rowids)
            self._complete = False
            self._forget_rows()
            if chunk.first_rows is not None and list(chunk.keys) == self.fetch_keys():
                self._store(0, chunk.first_rows)
            self.endResetModel()
            self.rows_shown.emit()
            self._await_first_paint(self._stream)
        else:
            start = len(self._ids)
            last_block = (start - 1) // BLOCK
            if start % BLOCK:
                self._blocks.pop(last_block, None)  # a partial block: fetch it whole later
            self.beginInsertRows(QModelIndex(), start, start + len(chunk.rowids) - 1)
            self._ids.extend(chunk.rowids)
            self.endInsertRows()
        self.count_changed.emit(len(self._ids), False)

    def _await_first_paint(self, stream: RowIdStream | None) -> None:
        self._paint_pending = True
        self._paused_stream = stream
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self.first_rows_painted)

    @property
    def awaiting_paint(self) -> bool:
        return self._paint_pending

    def first_rows_painted(self) -> None:
        """The view has painted a new query's first rows (or waited long enough for it): the
        rest of the row ids may follow, then ``rows_painted``."""
        if not self._paint_pending:
            return
        self._paint_pending = False
        stream, self._paused_stream = self._paused_stream, None
        if stream is not None:
            stream.first_chunk_taken()
        self.rows_painted.emit()

    def _on_done(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        if self._shown_generation != generation:  # nothing matched: no chunk came
            self.beginResetModel()
            self._shown_generation = generation
            self._ids = array("q")
            self._forget_rows()
            self.endResetModel()
            self.rows_shown.emit()
            self._await_first_paint(None)
        self._complete = True
        self.count_changed.emit(total, True)
        # the in-memory name order a search sorts its matches by: made current while idle
        name_order_of(self._db.engine).prepare(NAME_ORDER_DELAY_S)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._complete = True
            self.failed.emit(error)

    # --- internals: the row cache ----------------------------------------------------------

    def _kind(self, key: str) -> str:
        return self._columns[self.column_of(key)].kind

    def _update_positions(self) -> None:
        """Per column: where its text is in a cached row (-1: not fetched), its alignment."""
        positions = {key: n for n, key in enumerate(self.fetch_keys())}
        self._cell_positions = [positions.get(c.key, -1) for c in self._columns]
        self._alignments = [_RIGHT if c.numeric else _LEFT for c in self._columns]

    def _forget_rows(self) -> None:
        self._placeholder_brush = None
        self._epoch += 1
        self._blocks.clear()
        self._wanted.clear()

    def _cached(self, row: int) -> CachedRow | None:
        block = self._blocks.get(row // BLOCK)
        return None if block is None else block.get(self._ids[row])

    def _store(self, number: int, rows: dict[int, CachedRow]) -> None:
        self._blocks[number] = rows
        self._blocks.move_to_end(number)
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)

    def _request(self, number: int) -> None:
        if number in self._blocks or number in self._in_flight:
            return
        self._wanted[number] = None
        self._wanted.move_to_end(number)
        while len(self._wanted) > MAX_WANTED:
            self._wanted.popitem(last=False)
        self._fetch_next()

    def _fetch_next(self) -> None:
        """Fetch the latest wanted blocks, ``MAX_IN_FLIGHT`` at a time (a screen often spans
        two blocks: both are read side by side)."""
        while self._wanted and len(self._in_flight) < MAX_IN_FLIGHT:
            number, _ = self._wanted.popitem(last=True)  # the latest request is on screen
            rowids = self._ids[number * BLOCK : (number + 1) * BLOCK]
            if rowids and number not in self._in_flight:
                self._start_fetch(number, rowids)

    def _start_fetch(self, number: int, rowids: array[int]) -> None:
        keys = self.fetch_keys()
        kinds = [self._kind(k) for k in keys]
        epoch = self._epoch
        db = self._db
        self._in_flight.add(number)

        def work(_progress: Progress) -> BlockResult:
            try:
                return epoch, number, load_rows(db, rowids, keys, kinds)
            except Exception as error:  # delivered with its block number, shown by the tab
                return epoch, number, error

        run_task(work, self._on_block, pool=list_pool())

    def _on_block(self, result: BlockResult) -> None:
        epoch, number, rows = result
        self._in_flight.discard(number)
        if isinstance(rows, Exception):
            self.failed.emit(rows)
        elif epoch == self._epoch:
            self._store(number, rows)
            first = number * BLOCK
            last = min(first + BLOCK, len(self._ids)) - 1
            if last >= first:
                self.dataChanged.emit(
                    self.index(first, 0), self.index(last, len(self._columns) - 1)
                )
        self._fetch_next()
