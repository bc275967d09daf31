"""A read-only table model that pages rows in from the database as the view scrolls.

The model knows nothing about the database: it calls ``fetch_page(offset, limit, sort_key,
descending)`` for pages of ``(id, value, ...)`` tuples, in the order of its columns. Rows are
added with ``canFetchMore``/``fetchMore`` one page at a time; loaded pages live in a bounded
cache, so memory stays flat however far the user scrolls (an evicted page is fetched again
when it is shown). Sorting re-queries in SQL.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from crm_desktop.ui.text import plain

Row = tuple[Any, ...]
FetchPage = Callable[[int, int, str, bool], list[Row]]
AnyIndex = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
MAX_CACHED_PAGES = 25
ID_ROLE = Qt.ItemDataRole.UserRole  # the record id of a row, for opening it
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    """One column: the list's sort key, its header (marked for translation) and formatting."""

    key: str
    header: str
    context: str
    display: Callable[[Any], str] = plain
    numeric: bool = False
    width: int = 120  # default width in pixels, until the user resizes it


class LazyTableModel(QAbstractTableModel):
    def __init__(
        self,
        columns: Sequence[Column],
        fetch_page: FetchPage,
        *,
        default_sort: int = 0,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._fetch_page = fetch_page
        self._page_size = page_size
        self._sort_column = default_sort
        self._descending = False
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._rows = 0
        self._exhausted = False

    # --- what the view asks ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(column.context, column.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._rows:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, ID_ROLE, Qt.ItemDataRole.TextAlignmentRole):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        row = self.row(index.row())
        if row is None:
            return None
        if role == ID_ROLE:
            return row[0]
        return column.display(row[index.column() + 1])

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        page_number = self._rows // self._page_size
        rows = self._load(page_number)
        if len(rows) < self._page_size:
            self._exhausted = True
        if rows:
            self.beginInsertRows(QModelIndex(), self._rows, self._rows + len(rows) - 1)
            self._rows += len(rows)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # --- for the views ---------------------------------------------------------------------

    def row(self, number: int) -> Row | None:
        """The tuple of one loaded row, fetching its page again if it was evicted."""
        if not 0 <= number < self._rows:
            return None
        page_number, offset = divmod(number, self._page_size)
        page = self._pages.get(page_number)
        if page is None:
            page = self._load(page_number)
        else:
            self._pages.move_to_end(page_number)
        return page[offset] if offset < len(page) else None

    def record_id(self, number: int) -> str | None:
        row = self.row(number)
        return None if row is None else str(row[0])

    def reload(self) -> None:
        """Forget every loaded row and show the first page again (after a change or a sort)."""
        self.beginResetModel()
        self._pages.clear()
        rows = self._load(0)
        self._rows = len(rows)
        self._exhausted = len(rows) < self._page_size
        self.endResetModel()

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    @property
    def first_page_loaded(self) -> bool:
        return self._rows > 0 or self._exhausted

    @property
    def sort_key(self) -> str:
        return self._columns[self._sort_column].key

    @property
    def descending(self) -> bool:
        return self._descending

    # --- internals -------------------------------------------------------------------------

    def _load(self, page_number: int) -> list[Row]:
        rows = self._fetch_page(
            page_number * self._page_size, self._page_size, self.sort_key, self._descending
        )
        self._pages[page_number] = rows
        self._pages.move_to_end(page_number)
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return rows
