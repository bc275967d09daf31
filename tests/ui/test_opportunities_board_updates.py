"""The board's cheap paths: columns shown a page at a time, a drag that updates only the
two columns it touches (one row out, one row in), and the hidden table catching up later."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from datetime import UTC, date, datetime

from PySide6.QtCore import QSettings
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crm_desktop.domain.money import Money
from crm_desktop.services.pipeline import Card
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.opportunities.board import PipelineBoard
from crm_desktop.ui.opportunities.cards import PAGE, CardModel
from crm_desktop.ui.opportunities.deps import opportunity_services
from crm_desktop.ui.opportunities.table import STAGE
from crm_desktop.ui.opportunities.view import TABLE, OpportunityTab

NOW = datetime(2030, 3, 10, 9, 0, tzinfo=UTC)


class Cards:
    """Cards made up for rowids, counting how many were asked for."""

    def __init__(self) -> None:
        self.asked: list[int] = []

    def __call__(self, rowids: Sequence[int]) -> dict[int, Card]:
        self.asked += rowids
        return {r: _card(r) for r in rowids}


def _card(rowid: int, oid: str | None = None) -> Card:
    return Card(
        rowid, oid or f"deal-{rowid}", f"Deal {rowid}", "张三", Money.from_minor(100, "CNY"),
        None, None, "stage", 10, NOW, None,
    )  # fmt: skip


def _events(model: CardModel) -> list[str]:
    seen: list[str] = []
    model.modelReset.connect(lambda: seen.append("reset"))
    model.rowsRemoved.connect(lambda _p, first, last: seen.append(f"removed {first}-{last}"))
    model.rowsInserted.connect(lambda _p, first, last: seen.append(f"inserted {first}-{last}"))
    return seen


def test_a_column_shows_its_rows_a_page_at_a_time(qtmodeltester: ModelTester) -> None:
    fetch = Cards()
    model = CardModel("stage", fetch)
    model.set_rowids(array("q", range(1, PAGE * 2 + 51)))
    assert (model.total, model.rowCount()) == (PAGE * 2 + 50, PAGE)
    assert model.canFetchMore(model.index(-1, 0))
    model.fetchMore(model.index(-1, 0))
    model.fetchMore(model.index(-1, 0))
    assert model.rowCount() == PAGE * 2 + 50
    assert not model.canFetchMore(model.index(-1, 0))
    card = model.card(PAGE * 2 + 49)
    assert card is not None and card.rowid == PAGE * 2 + 50
    assert len(fetch.asked) < 200  # only windows around the rows looked at
    qtmodeltester.check(model)


def test_one_row_out_or_in_is_told_as_such() -> None:
    fetch = Cards()
    model = CardModel("stage", fetch)
    model.set_rowids(array("q", [1, 2, 3, 4, 5]))
    assert model.card(0) is not None
    asked = len(fetch.asked)
    seen = _events(model)
    model.update_rowids(array("q", [1, 2, 4, 5]))
    model.update_rowids(array("q", [1, 9, 2, 4, 5]))
    model.update_rowids(array("q", [1, 9, 2, 4, 5, 7]))  # at the end
    assert seen == ["removed 2-2", "inserted 1-1", "inserted 5-5"]
    assert [model.card(r).rowid for r in range(6)] == [1, 9, 2, 4, 5, 7]  # type: ignore[union-attr]
    assert fetch.asked[asked:] == [9, 7]  # the cards already fetched were kept
    model.update_rowids(array("q", [5, 4, 2]))  # anything else: the column again
    assert seen[-1] == "reset" and model.rowCount() == 3


def test_the_moved_card_is_fetched_again() -> None:
    fetch = Cards()
    model = CardModel("stage", fetch)
    model.set_rowids(array("q", [1, 2]), {1: _card(1, "moved"), 2: _card(2)})
    model.update_rowids(array("q", [1, 2, 3]), changed="moved")
    assert fetch.asked == []
    assert model.card(0) is not None
    assert 1 in fetch.asked and 2 not in fetch.asked


def test_rows_beyond_the_shown_page_change_quietly() -> None:
    model = CardModel("stage", Cards())
    model.set_rowids(array("q", range(PAGE + 10)))
    seen = _events(model)
    model.update_rowids(array("q", [r for r in range(PAGE + 10) if r != PAGE + 5]))
    assert seen == [] and (model.rowCount(), model.total) == (PAGE, PAGE + 9)
    model.update_rowids(array("q", [*range(PAGE + 10), 99_999]))
    assert seen == ["reset"]  # two differences: reset, keeping the depth shown
    assert model.rowCount() == PAGE


def _deals(workspace: Workspace) -> tuple[list[str], list[str]]:
    workspace.ctx.clock = lambda: NOW
    customer = workspace.customers.create(name="张三")
    stages = [s.id for s in workspace.stages.list() if s.kind == "open"]
    ids = [
        workspace.opportunities.create(
            title=f"Deal {n}", customer_id=customer, stage_id=stages[n % 3], amount="10",
            expected_close=date(2030, 4, 1 + n),
        )
        for n in range(6)
    ]  # fmt: skip
    undated = workspace.opportunities.create(
        title="Someday", customer_id=customer, stage_id=stages[1], amount="5"
    )
    return stages, [*ids, undated]


def test_a_drag_touches_only_its_two_columns(
    qtbot: QtBot, workspace: Workspace, settings: QSettings
) -> None:
    stages, ids = _deals(workspace)
    board = PipelineBoard(opportunity_services(workspace))
    qtbot.addWidget(board)
    board.rebuild()
    board.resize(1200, 600)
    board.show()
    first, second, third = (board.columns[s] for s in stages[:3])
    seen = {s: _events(board.columns[s].model) for s in stages[:3]}
    assert [second.model.card(r).id for r in range(3)] == [ids[1], ids[4], ids[6]]  # type: ignore[union-attr]
    with qtbot.waitSignal(board.moved):
        board.move_card(ids[3], stages[1])  # Deal 3 closes on 4 April: between 1 and 4
    assert seen[stages[0]] == ["removed 1-1"]
    assert seen[stages[1]] == ["inserted 1-1"]
    assert seen[stages[2]] == []
    assert [second.model.card(r).id for r in range(4)] == [ids[1], ids[3], ids[4], ids[6]]  # type: ignore[union-attr]
    assert (first.model.total, second.model.total, third.model.total) == (1, 4, 2)
    assert "(4)" in second.header.text() and "(1)" in first.header.text()
    card = second.model.card(1)
    assert card is not None and card.stage_id == stages[1]  # fetched again after the move


def test_the_hidden_table_catches_up_when_shown(
    qtbot: QtBot, workspace: Workspace, settings: QSettings
) -> None:
    stages, ids = _deals(workspace)
    tab = OpportunityTab(opportunity_services(workspace), settings)
    qtbot.addWidget(tab)
    tab.show_view(0)
    model = tab.table.lazy_model
    names = {s.id: s.name for s in workspace.stages.list()}

    def stage_of(deal_title: str) -> str:
        rows = [r for r in range(model.rowCount()) if model.index(r, 0).data() == deal_title]
        return str(model.index(rows[0], STAGE).data())

    assert stage_of("Deal 0") == names[stages[0]]
    tab.board.move_card(ids[0], stages[2])
    assert stage_of("Deal 0") == names[stages[0]]  # not reloaded while hidden
    tab.show_view(TABLE)
    assert stage_of("Deal 0") == names[stages[2]]
