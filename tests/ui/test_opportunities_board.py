"""The pipeline board: drag a card between columns, win and lose, stalled flags, filters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPointF, QSettings, Qt
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from crm_desktop.db.models import StageHistory
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.opportunities.board import PipelineBoard
from crm_desktop.ui.opportunities.cards import CARD_ROLE, decode
from crm_desktop.ui.opportunities.close_dialog import CloseAnswer, CloseDialog
from crm_desktop.ui.opportunities.deps import opportunity_services
from crm_desktop.ui.opportunities.view import OpportunityTab

NOW = datetime(2030, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def deals(workspace: Workspace) -> Iterator[tuple[Workspace, list[str]]]:
    workspace.ctx.clock = lambda: NOW
    customer = workspace.customers.create(name="张三")
    stage = workspace.stages.list()[0]
    ids = [
        workspace.opportunities.create(
            title=f"Deal {n}",
            customer_id=customer,
            stage_id=stage.id,
            amount=f"{n}000.50",
            expected_close=date(2030, 4, n + 1),
        )
        for n in range(3)
    ]
    yield workspace, ids


@pytest.fixture
def tab(qtbot: QtBot, deals: tuple[Workspace, list[str]], settings: QSettings) -> OpportunityTab:
    workspace, _ids = deals
    widget = OpportunityTab(opportunity_services(workspace), settings)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _history(workspace: Workspace, deal: str) -> list[tuple[str | None, str]]:
    with workspace.db.session() as session:
        rows = session.scalars(select(StageHistory).where(StageHistory.opportunity_id == deal))
        return sorted(((r.from_stage_id, r.to_stage_id) for r in rows), key=lambda p: p[0] or "")


def test_drag_a_card_to_another_column(
    tab: OpportunityTab, deals: tuple[Workspace, list[str]], qtbot: QtBot
) -> None:
    workspace, _ids = deals
    board = tab.board
    first, second = list(board.columns.values())[:2]
    assert first.model.rowCount() == 3 and second.model.rowCount() == 0
    assert "(3)" in first.header.text()
    index = first.model.index(1, 0)
    mime = first.model.mimeData([index])
    card = index.data(CARD_ROLE)
    assert decode(mime) == (card.id, first.stage.id)
    assert second.model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    with qtbot.waitSignal(board.moved) as moved:
        second.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert moved.args[0].to_stage_id == second.stage.id
    assert workspace.opportunities.get(card.id).stage_id == second.stage.id
    assert _history(workspace, card.id) == [
        (None, first.stage.id),
        (first.stage.id, second.stage.id),
    ]
    assert first.model.rowCount() == 2 and second.model.rowCount() == 1
    assert "(1)" in second.header.text()


def test_drop_on_won_asks_for_close_date(
    tab: OpportunityTab, deals: tuple[Workspace, list[str]], qtbot: QtBot
) -> None:
    workspace, ids = deals
    board = tab.board
    asked: list[str] = []

    def ask(kind: str, title: str, today: date, parent: object) -> CloseAnswer:
        asked.append(kind)
        return CloseAnswer(closed_on=date(2030, 3, 1))

    board.ask_close = ask
    won = next(z for z in board.zones.values() if z.stage.kind == "won")
    first = next(iter(board.columns.values()))
    mime = first.model.mimeData([first.model.index(0, 0)])
    event = QDropEvent(
        QPointF(5, 5), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    with qtbot.waitSignal(board.moved):
        won.dropEvent(event)  # what Qt calls when the drag ends over the zone
    assert event.isAccepted()
    opp = workspace.opportunities.get(ids[0])
    assert asked == ["won"] and opp.status == "won"
    assert opp.closed_at is not None and opp.closed_at.date() == date(2030, 3, 1)
    assert first.model.rowCount() == 2


def test_lose_with_reason_and_cancel(
    tab: OpportunityTab, deals: tuple[Workspace, list[str]], qtbot: QtBot
) -> None:
    workspace, ids = deals
    board = tab.board
    lost = next(z for z in board.zones.values() if z.stage.kind == "lost")
    board.ask_close = lambda *_a: None  # the user cancels
    assert board.move_card(ids[1], lost.stage.id) is None
    assert workspace.opportunities.get(ids[1]).status == "open"
    board.ask_close = lambda *_a: CloseAnswer(lost_reason="Chose a competitor")
    assert board.move_card(ids[1], lost.stage.id) is not None
    opp = workspace.opportunities.get(ids[1])
    assert (opp.status, opp.lost_reason) == ("lost", "Chose a competitor")


def test_close_dialog_needs_a_reason(qtbot: QtBot) -> None:
    dialog = CloseDialog("lost", "Deal", date(2030, 3, 10))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0 and dialog.reason_box.error.text()
    dialog.reason.setCurrentText("No budget")
    dialog.accept()
    assert dialog.answer().lost_reason == "No budget"


def test_stalled_marker_and_filters(
    qtbot: QtBot, deals: tuple[Workspace, list[str]], settings: QSettings
) -> None:
    workspace, _ids = deals
    services = opportunity_services(workspace)
    clock = [NOW + timedelta(days=20)]
    services.now = lambda: clock[0]
    board = PipelineBoard(services)
    qtbot.addWidget(board)
    board.rebuild()
    board.resize(1200, 600)
    board.show()
    column = next(iter(board.columns.values()))
    card = column.model.index(0, 0).data(CARD_ROLE)
    assert board.delegate._stalled_days() == 14
    from crm_desktop.services.stalled import is_stalled

    assert is_stalled(card.stage_changed_at, card.last_followup_at, clock[0], 14)
    column.view.grab()  # paints the cards, stalled marker included
    from crm_desktop.services.pipeline import BoardFilter

    board.set_filter(BoardFilter(close_to=date(2030, 4, 2)))
    assert column.model.rowCount() == 2
    board.set_filter(BoardFilter(owner_id="nobody"))
    assert column.model.rowCount() == 0


def test_table_and_toggle(tab: OpportunityTab, qtbot: QtBot) -> None:
    tab.show_view(1)
    assert tab.stack.currentWidget() is tab.table
    model = tab.table.lazy_model
    assert model.rowCount() == 3
    assert model.index(0, 1).data() == "张三"
    tab.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert "2000.50" in model.index(0, 4).data().replace(",", "")
    tab.filters.status.setCurrentIndex(3)  # all statuses
    assert model.rowCount() == 3
    tab.save_layout()
    qtbot.waitUntil(lambda: bool(tab.forecast.rows))
    assert sum(r.count for r in tab.forecast.rows) == 3
