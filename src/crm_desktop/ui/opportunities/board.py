"""The pipeline board: one column per open stage, cards you drag between columns or onto
Won / Lost. Each column is a QListView over ``CardModel`` with ``uniformItemSizes``, so
only the visible cards are fetched and painted, however many deals a stage holds.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db.models import Stage
from crm_desktop.domain.errors import CrmError
from crm_desktop.services import pipeline
from crm_desktop.services.pipeline import BoardFilter, ColumnSummary
from crm_desktop.services.pipeline_moves import MoveResult
from crm_desktop.services.stalled import read_stalled_days
from crm_desktop.ui.opportunities.cards import (
    CARD_ROLE,
    CardDelegate,
    CardModel,
    decode,
)
from crm_desktop.ui.opportunities.close_dialog import CloseAnswer, ask_close
from crm_desktop.ui.opportunities.deps import OpportunityServices
from crm_desktop.ui.opportunities.money_text import format_money
from crm_desktop.ui.text import error_text

COLUMN_WIDTH = 270
FIRST_SCREEN = 12  # cards per column fetched with the columns (a tall window's worth)
AskClose = Callable[[str, str, date, QWidget | None], CloseAnswer | None]


class BoardColumn(QFrame):
    """A stage's header (name, count, totals) over its list of cards."""

    def __init__(self, stage: Stage, model: CardModel, delegate: CardDelegate, parent: QWidget):
        super().__init__(parent)
        self.stage = stage
        self.model = model
        self.setObjectName("boardColumn")
        self.setFixedWidth(COLUMN_WIDTH)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.view = QListView(self)
        self.view.setModel(model)
        self.view.setItemDelegate(delegate)
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)

    def show_summary(self, summary: ColumnSummary) -> None:
        """Stage and count, then the totals and weighted totals a currency a line, with
        the amounts right-aligned under each other (currencies are never added up)."""
        totals = sorted(summary.totals.values(), key=lambda t: t.currency)
        lines = []
        for label, weighted in ((self.tr("Total"), False), (self.tr("Weighted"), True)):
            amounts = [
                format_money(t.weighted if weighted else t.amount, t.currency) for t in totals
            ] or ["—"]
            for number, amount in enumerate(amounts):
                caption = html.escape(label) if number == 0 else ""
                lines.append(
                    f"<tr><td>{caption}</td><td align='right'>{html.escape(amount)}</td></tr>"
                )
        title = self.tr("{stage} ({count})").format(
            stage=self.stage.name, count=f"{summary.count:,}"
        )
        self.header.setText(
            f"<b>{html.escape(title)}</b><table width='100%' cellspacing='0'>"
            + "".join(lines)
            + "</table>"
        )


class DropZone(QLabel):
    """Won or Lost: a strip under the board that takes dropped cards."""

    dropped = Signal(str, str)  # opportunity id, stage id of this zone

    def __init__(self, stage: Stage, parent: QWidget) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setAcceptDrops(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(44)
        color = "#2e7d32" if stage.kind == "won" else "#c62828"
        self.setStyleSheet(
            f"QLabel {{ border: 2px dashed {color}; border-radius: 6px; color: {color};"
            " font-weight: bold; }"
        )
        self.setText(
            self.tr("Drop here: {stage} ✓")
            if stage.kind == "won"
            else self.tr("Drop here: {stage} ✗")
        )
        self.setText(self.text().format(stage=stage.name))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if decode(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if decode(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        source = decode(event.mimeData())
        if source is None:
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.dropped.emit(source[0], self.stage.id)


class PipelineBoard(QWidget):
    """``moved`` follows every completed move; ``open_requested`` a double-clicked card."""

    moved = Signal(object)  # MoveResult
    open_requested = Signal(str)

    def __init__(self, services: OpportunityServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.ask_close: AskClose = ask_close
        self.filter = BoardFilter()
        self.columns: dict[str, BoardColumn] = {}
        self.zones: dict[str, DropZone] = {}
        self.stages: dict[str, Stage] = {}
        self._stalled_days = 14
        self.delegate = CardDelegate(services.now, lambda: self._stalled_days, self)
        self.strip = QWidget(self)
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.strip)
        self.scroller.setWidgetResizable(True)
        self.zone_bar = QHBoxLayout()
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller, 1)
        layout.addLayout(self.zone_bar)
        layout.addWidget(self.message)

    # --- loading ---------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Make the columns and drop zones again (after the stages changed), then load."""
        for widget in [*self.columns.values(), *self.zones.values()]:
            widget.setParent(None)
            widget.deleteLater()
        self.columns.clear()
        self.zones.clear()
        stages = self.services.stages.list()
        self.stages = {s.id: s for s in stages}
        for stage in stages:
            if stage.kind == "open":
                model = CardModel(stage.id, self._fetch_cards, self)
                model.card_dropped.connect(self._on_card_dropped)
                column = BoardColumn(stage, model, self.delegate, self.strip)
                column.view.doubleClicked.connect(self._on_double_click)
                self.columns[stage.id] = column
                self.strip_layout.addWidget(column)
            else:
                zone = DropZone(stage, self)
                zone.dropped.connect(self._on_zone_drop)
                self.zones[stage.id] = zone
                self.zone_bar.addWidget(zone)
        self.strip_layout.addStretch(1)
        self.reload()

    def set_filter(self, flt: BoardFilter) -> None:
        self.filter = BoardFilter(**{**flt.__dict__, "status": "open"})
        self.reload()

    def reload(self) -> None:
        """Every column again from the top, with the cards of its first screen."""
        if not self.columns:
            if not self.stages:
                self.rebuild()
            return
        with self.services.db.session() as session:
            self._stalled_days = read_stalled_days(session)
            loaded = pipeline.load_columns(session, self.filter, list(self.columns))
            first = [r for ids in loaded.rowids.values() for r in ids[:FIRST_SCREEN]]
            cards = pipeline.fetch_cards(session, first)
        for stage_id, column in self.columns.items():
            column.model.set_rowids(loaded.rowids[stage_id], cards)
            column.show_summary(loaded.summaries.get(stage_id, ColumnSummary()))

    def _reload_after_move(self, result: MoveResult) -> None:
        """The one or two columns a move changed; the others keep their cards and place."""
        stage_ids = [
            s for s in dict.fromkeys((result.from_stage_id, result.to_stage_id))
            if s in self.columns
        ]  # fmt: skip
        if not stage_ids:
            return
        with self.services.db.session() as session:
            loaded = pipeline.load_columns(session, self.filter, stage_ids)
        for stage_id in stage_ids:
            column = self.columns[stage_id]
            column.model.update_rowids(loaded.rowids[stage_id], result.opportunity_id)
            column.show_summary(loaded.summaries.get(stage_id, ColumnSummary()))

    def _fetch_cards(self, rowids: Sequence[int]) -> dict[int, pipeline.Card]:
        with self.services.db.session() as session:
            return pipeline.fetch_cards(session, rowids)

    # --- moving ----------------------------------------------------------------------------

    def move_card(self, opportunity_id: str, stage_id: str) -> MoveResult | None:
        """Move a deal (asking for the close date or lost reason first); None if cancelled."""
        stage = self.stages.get(stage_id)
        if stage is None:
            return None
        answer = CloseAnswer()
        if stage.kind in ("won", "lost"):
            title = self._title(opportunity_id)
            today = self.services.now().date()
            asked = self.ask_close(stage.kind, title, today, self)
            if asked is None:
                return None
            answer = asked
        try:
            result = self.services.pipeline.move(
                opportunity_id,
                stage_id,
                closed_on=answer.closed_on,
                lost_reason=answer.lost_reason,
            )
        except CrmError as error:
            self.message.setText(error_text(error))
            self.message.setVisible(True)
            return None
        self.message.setVisible(False)
        self._reload_after_move(result)
        self.moved.emit(result)
        return result

    def _title(self, opportunity_id: str) -> str:
        try:
            return self.services.opportunities.get(opportunity_id).title
        except CrmError:
            return ""

    def _on_card_dropped(self, opportunity_id: str, _from: str, to_stage: str) -> None:
        # after the drag has finished: the model is reset and a dialog may open
        QTimer.singleShot(0, lambda: self.move_card(opportunity_id, to_stage))

    def _on_zone_drop(self, opportunity_id: str, stage_id: str) -> None:
        QTimer.singleShot(0, lambda: self.move_card(opportunity_id, stage_id))

    def _on_double_click(self, index: QModelIndex) -> None:
        card = index.data(CARD_ROLE)
        if isinstance(card, pipeline.Card):
            self.open_requested.emit(card.id)

    def current_id(self) -> str | None:
        for column in self.columns.values():
            if column.view.hasFocus() or column.view.currentIndex().isValid():
                card = column.view.currentIndex().data(CARD_ROLE)
                if isinstance(card, pipeline.Card):
                    return card.id
        return None
