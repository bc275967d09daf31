"""One board column's model (deal rowids, cards fetched on demand) and the card painter."""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from crm_desktop.services.pipeline import Card
from crm_desktop.services.stalled import is_stalled
from crm_desktop.ui import text
from crm_desktop.ui.opportunities.money_text import format_money

MIME_TYPE = "application/x-crm-opportunity"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
WINDOW = 60  # cards fetched around a missing one
MAX_CACHED = 2_000
PAGE = 200  # rows shown to the view at a time
CARD_HEIGHT_LINES = 4
AnyIndex = QModelIndex | QPersistentModelIndex
FetchCards = Callable[[Sequence[int]], dict[int, Card]]


def encode(opportunity_id: str, stage_id: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(f"{opportunity_id} {stage_id}".encode()))
    return mime


def _one_difference(old: array[int], new: array[int]) -> int | None:
    """The row where ``new`` is ``old`` with one row removed or inserted; None otherwise."""
    if abs(len(old) - len(new)) != 1:
        return None
    longer, shorter = (old, new) if len(old) > len(new) else (new, old)
    pairs = enumerate(zip(longer, shorter, strict=False))
    row = next((n for n, (a, b) in pairs if a != b), len(shorter))
    return row if longer[row + 1 :] == shorter[row:] else None


def decode(mime: QMimeData) -> tuple[str, str] | None:
    """``(opportunity id, stage id it comes from)`` of a dragged card."""
    if not mime.hasFormat(MIME_TYPE):
        return None
    parts = bytes(mime.data(MIME_TYPE).data()).decode().split()
    return (parts[0], parts[1]) if len(parts) == 2 else None


class CardModel(QAbstractListModel):
    """The deals of one stage: their rowids in order, and a bounded cache of cards.

    The view is shown the rows a page at a time (``canFetchMore``/``fetchMore``, as the
    user scrolls down): a QListView lays out every row it is told about, asking the model
    for each one, and 5,000 Python calls per column would cost more than the rest of the
    board's opening. ``total`` is every deal of the column.
    """

    card_dropped = Signal(str, str, str)  # opportunity id, from stage, to stage (this one)

    def __init__(self, stage_id: str, fetch: FetchCards, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self._fetch = fetch
        self._rowids: array[int] = array("q")
        self._shown = 0
        self._cards: OrderedDict[int, Card] = OrderedDict()

    @property
    def total(self) -> int:
        return len(self._rowids)

    def set_rowids(self, rowids: array[int], cards: dict[int, Card] | None = None) -> None:
        """Show these deals from the top (a new filter); ``cards``: some already fetched."""
        self.beginResetModel()
        self._rowids = rowids
        self._shown = min(len(rowids), PAGE)
        self._cards.clear()
        if cards:
            self._cards.update(cards)
        self.endResetModel()

    def update_rowids(self, rowids: array[int], changed: str | None = None) -> None:
        """The column after a move: one deal left or arrived, so tell the view just that
        (it keeps its scroll position and selection); anything else resets the column.
        ``changed``: the id of the moved deal, whose cached card is stale."""
        if changed is not None:
            stale = [rowid for rowid, card in self._cards.items() if card.id == changed]
            for rowid in stale:
                del self._cards[rowid]
        old = self._rowids
        row = _one_difference(old, rowids)
        if row is None:
            shown = self._shown
            self.beginResetModel()
            self._rowids = rowids
            self._shown = min(len(rowids), max(shown, PAGE))
            self.endResetModel()
        elif len(rowids) < len(old):
            if row < self._shown:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._rowids, self._shown = rowids, self._shown - 1
                self.endRemoveRows()
            else:
                self._rowids = rowids
        elif row <= self._shown and (row < self._shown or self._shown == len(old)):
            self.beginInsertRows(QModelIndex(), row, row)
            self._rowids, self._shown = rowids, self._shown + 1
            self.endInsertRows()
        else:
            self._rowids = rowids

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self._shown < len(self._rowids)

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802
        if parent.isValid() or self._shown >= len(self._rowids):
            return
        more = min(len(self._rowids), self._shown + PAGE)
        self.beginInsertRows(QModelIndex(), self._shown, more - 1)
        self._shown = more
        self.endInsertRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._shown

    def card(self, row: int) -> Card | None:
        if not 0 <= row < len(self._rowids):
            return None
        rowid = self._rowids[row]
        found = self._cards.get(rowid)
        if found is None:
            start = max(0, row - WINDOW // 2)
            wanted = [r for r in self._rowids[start : start + WINDOW] if r not in self._cards]
            self._cards.update(self._fetch(wanted))
            while len(self._cards) > MAX_CACHED:
                self._cards.popitem(last=False)
            found = self._cards.get(rowid)
        return found

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == CARD_ROLE:
            return self.card(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            card = self.card(index.row())
            return None if card is None else f"{card.title} — {card.customer}"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid():
            flags |= (
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
        return flags

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        card = self.card(indexes[0].row()) if indexes else None
        return encode(card.id if card else "", self.stage_id)

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        source = decode(data)
        return source is not None and source[1] != self.stage_id

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """A card from another column: ask the board to move it here (it reloads both)."""
        source = decode(data)
        if source is None or source[1] == self.stage_id:
            return False
        self.card_dropped.emit(source[0], source[1], self.stage_id)
        return False  # the board reloads the columns; nothing for the view to remove


class CardDelegate(QStyledItemDelegate):
    """Paints a card: title, customer, amount, expected close, owner, days in stage, stalled."""

    def __init__(
        self, now: Callable[[], datetime], stalled_days: Callable[[], int], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._stalled_days = stalled_days

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        line = option.fontMetrics.height()
        return QSize(200, line * CARD_HEIGHT_LINES + 22)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            return
        now = self._now()
        days = self._stalled_days()
        stalled = is_stalled(card.stage_changed_at, card.last_followup_at, now, days)
        painter.save()
        rect = option.rect.adjusted(4, 3, -4, -3)
        self._frame(painter, option, rect, stalled)
        self._lines(painter, option, rect.adjusted(12, 6, -8, -6), card, now, stalled)
        painter.restore()

    def _frame(
        self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, stalled: bool
    ) -> None:
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = palette.color(QPalette.ColorRole.Highlight) if selected else QColor("#c9ced6")
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 6, 6)
        if stalled:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e67e22"))
            painter.drawRoundedRect(QRect(rect.left(), rect.top(), 5, rect.height()), 2, 2)

    def _lines(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        inner: QRect,
        card: Card,
        now: datetime,
        stalled: bool,
    ) -> None:
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        elide = Qt.TextElideMode.ElideRight
        palette, metrics = option.palette, option.fontMetrics
        line = metrics.height()
        amount = format_money(card.amount.amount, card.amount.currency)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        room = max(20, inner.width() - painter.fontMetrics().horizontalAdvance(amount) - 8)
        row = QRect(inner.left(), inner.top(), inner.width(), line)
        painter.drawText(row, left, painter.fontMetrics().elidedText(card.title, elide, room))
        painter.drawText(row, right, amount)
        painter.setFont(option.font)
        row.translate(0, line)
        painter.drawText(row, left, metrics.elidedText(card.customer, elide, inner.width()))
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        row.translate(0, line)
        close = text.calendar_date(card.expected_close) or "—"
        owner = f"{close} · {card.owner or ''}"
        painter.drawText(row, left, metrics.elidedText(owner, elide, inner.width()))
        row.translate(0, line)
        days = max(0, (now - card.stage_changed_at).days)
        age = self.tr("1 day in stage") if days == 1 else self.tr("{days} days in stage")
        painter.drawText(row, left, age.format(days=days))
        percent = self.tr("{percent} %").format(percent=card.probability)
        if stalled:
            painter.setPen(QColor("#c0392b"))
            percent = self.tr("Stalled · {percent} %").format(percent=card.probability)
        painter.drawText(row, right, percent)
