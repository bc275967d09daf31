"""Board queries and stage moves: columns, cards, totals, won/lost, history, triggers."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from crm_desktop.db.models import CustomerTag, FollowUp, Meta, StageHistory
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services import pipeline
from crm_desktop.services.pipeline import BoardFilter
from crm_desktop.services.pipeline_moves import PipelineService
from crm_desktop.services.stage_triggers import StageTrigger, read_triggers, write_triggers
from crm_desktop.services.workspace import Workspace
from tests.services.pipeline_data import Clock, stages_by_kind


def _service(ws: Workspace) -> PipelineService:
    return PipelineService(ws.ctx, ws.opportunities, ws.followups)


def test_columns_cards_and_totals(workspace: Workspace) -> None:
    ws = workspace
    open_stages, won, _lost = stages_by_kind(ws)
    acme = ws.customers.create(name="Acme")
    zhang = ws.customers.create(name="张三")
    first, second = open_stages[0], open_stages[1]
    a = ws.opportunities.create(
        title="A", customer_id=acme, stage_id=first.id, amount="100.10",
        expected_close=date(2030, 5, 1),
    )  # fmt: skip
    b = ws.opportunities.create(
        title="B", customer_id=zhang, stage_id=first.id, amount="50", currency="USD",
        probability=40, expected_close=date(2030, 4, 1),
    )  # fmt: skip
    ws.opportunities.create(title="C", customer_id=acme, stage_id=second.id, amount="7")
    ws.opportunities.create(title="W", customer_id=acme, stage_id=won.id, amount="9")
    ids = [s.id for s in open_stages]
    with ws.db.session() as session:
        columns = pipeline.column_rowids(session, BoardFilter(), ids)
        cards = pipeline.fetch_cards(session, list(columns[first.id]))
        summaries = pipeline.column_summaries(session, BoardFilter())
    assert [cards[r].id for r in columns[first.id]] == [b, a]  # soonest close first
    assert len(columns[second.id]) == 1
    card_b = cards[columns[first.id][0]]
    assert (card_b.customer, card_b.probability, card_b.amount.amount) == ("张三", 40, Decimal(50))
    assert cards[columns[first.id][1]].probability == first.default_probability
    totals = summaries[first.id].totals
    assert summaries[first.id].count == 2 and won.id not in summaries
    assert totals["CNY"].amount == Decimal("100.10")
    assert totals["CNY"].weighted == Decimal("100.10") * first.default_probability / 100
    assert totals["USD"].weighted == Decimal("20.00")


def test_filters(workspace: Workspace) -> None:
    ws = workspace
    open_stages, _won, _lost = stages_by_kind(ws)
    stage = open_stages[0].id
    tag = ws.tags.create(name="VIP")
    acme = ws.customers.create(name="Acme")
    other = ws.customers.create(name="Other")
    with ws.db.write() as session:
        session.add(CustomerTag(customer_id=acme, tag_id=tag))
    small = ws.opportunities.create(title="S", customer_id=acme, stage_id=stage, amount="10")
    big = ws.opportunities.create(
        title="B", customer_id=other, stage_id=stage, amount="1000", expected_close=date(2030, 1, 9)
    )
    yen = ws.opportunities.create(
        title="Y", customer_id=other, stage_id=stage, amount="500", currency="JPY"
    )

    def ids(flt: BoardFilter) -> set[str]:
        with ws.db.session() as session:
            rows = pipeline.stage_rowids(session, flt, stage)
            return {c.id for c in pipeline.fetch_cards(session, list(rows)).values()}

    assert ids(BoardFilter(amount_min=Decimal(100))) == {big, yen}
    assert ids(BoardFilter(amount_max=Decimal("10.00"))) == {small}
    assert ids(BoardFilter(tag_id=tag)) == {small}
    assert ids(BoardFilter(close_from=date(2030, 1, 1), close_to=date(2030, 1, 31))) == {big}
    assert ids(BoardFilter(owner_id="nobody")) == set()
    ws.customers.delete(other)
    assert ids(BoardFilter()) == {small}


def test_move_records_history_and_triggers_a_followup(workspace: Workspace) -> None:
    ws = workspace
    clock = Clock()
    ws.ctx.clock = clock
    open_stages, _won, _lost = stages_by_kind(ws)
    first, second = open_stages[0], open_stages[1]
    with ws.db.write() as session:
        write_triggers(session, {second.id: StageTrigger("Send the proposal", 3, "email")})
    customer = ws.customers.create(name="Acme")
    deal = ws.opportunities.create(title="D", customer_id=customer, stage_id=first.id)
    clock.advance(days=2)
    result = _service(ws).move(deal, second.id)
    opp = ws.opportunities.get(deal)
    assert opp.stage_id == second.id and opp.stage_changed_at == clock.now
    assert result.followup_id is not None
    followup = ws.followups.get(result.followup_id)
    assert (followup.subject, followup.channel, followup.status) == (
        "Send the proposal", "email", "planned",
    )  # fmt: skip
    assert followup.due_at == clock.now + timedelta(days=3)
    assert followup.opportunity_id == deal and followup.customer_id == customer
    with ws.db.session() as session:
        moves = session.scalars(
            select(StageHistory).where(StageHistory.opportunity_id == deal)
        ).all()
        assert read_triggers(session)[second.id].due_days == 3
    assert sorted((m.from_stage_id or "", m.to_stage_id) for m in moves) == sorted(
        [("", first.id), (first.id, second.id)]
    )
    # moving to the same stage again changes nothing and plans nothing
    assert _service(ws).move(deal, second.id).followup_id is None


def test_trigger_is_in_the_same_transaction(workspace: Workspace) -> None:
    ws = workspace
    open_stages, _won, _lost = stages_by_kind(ws)
    first, second = open_stages[0], open_stages[1]
    customer = ws.customers.create(name="Acme")
    deal = ws.opportunities.create(title="D", customer_id=customer, stage_id=first.id)
    with ws.db.write() as session:  # a trigger whose follow-up cannot be saved
        write_triggers(session, {second.id: StageTrigger("x", 1)})
        meta = session.get(Meta, "opportunities.stage_triggers")
        assert meta is not None
        meta.value = meta.value.replace('"x"', '"' + "y" * 300 + '"')
    with pytest.raises(ValidationError):
        _service(ws).move(deal, second.id)
    assert ws.opportunities.get(deal).stage_id == first.id
    with ws.db.session() as session:
        assert session.scalar(select(FollowUp.id)) is None


def test_win_with_close_date_and_lose_with_reason(workspace: Workspace) -> None:
    ws = workspace
    ws.ctx.clock = Clock()
    open_stages, won, lost = stages_by_kind(ws)
    customer = ws.customers.create(name="Acme")
    a = ws.opportunities.create(title="A", customer_id=customer, stage_id=open_stages[0].id)
    b = ws.opportunities.create(title="B", customer_id=customer, stage_id=open_stages[0].id)
    _service(ws).move(a, won.id, closed_on=date(2030, 2, 20))
    opp = ws.opportunities.get(a)
    assert opp.status == "won" and opp.closed_at is not None
    assert opp.closed_at.date() == date(2030, 2, 20)
    with pytest.raises(ValidationError) as info:
        _service(ws).move(b, lost.id, lost_reason="  ")
    assert info.value.field == "lost_reason"
    assert ws.opportunities.get(b).status == "open"
    _service(ws).move(b, lost.id, lost_reason="Price too high")
    opp = ws.opportunities.get(b)
    assert (opp.status, opp.lost_reason) == ("lost", "Price too high")
    with pytest.raises(ValidationError):
        _service(ws).move(a, won.id, closed_on=date(2031, 1, 1))


def test_create_and_update_run_triggers(workspace: Workspace) -> None:
    ws = workspace
    open_stages, _won, _lost = stages_by_kind(ws)
    first, second = open_stages[0], open_stages[1]
    with ws.db.write() as session:
        write_triggers(
            session, {first.id: StageTrigger("Qualify"), second.id: StageTrigger("Call")}
        )
    customer = ws.customers.create(name="Acme")
    service = _service(ws)
    deal = service.create(title="D", customer_id=customer, stage_id=first.id, amount="1")
    service.update(deal, title="D2")
    service.update(deal, stage_id=second.id)
    with ws.db.session() as session:
        subjects = sorted(session.scalars(select(FollowUp.subject)))
    assert subjects == ["Call", "Qualify"]
