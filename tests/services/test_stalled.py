"""Stalled deals: no stage change and no follow-up for N days, at an injected now."""

from __future__ import annotations

from datetime import timedelta

from crm_desktop.services import pipeline
from crm_desktop.services.pipeline import BoardFilter
from crm_desktop.services.pipeline_moves import PipelineService
from crm_desktop.services.stalled import (
    DEFAULT_STALLED_DAYS,
    is_stalled,
    read_stalled_days,
    stalled_ids,
    write_stalled_days,
)
from crm_desktop.services.workspace import Workspace
from tests.services.pipeline_data import START, Clock, stages_by_kind


def test_stalled_flags_at_injected_times(workspace: Workspace) -> None:
    ws = workspace
    clock = Clock()
    ws.ctx.clock = clock
    open_stages, _won, _lost = stages_by_kind(ws)
    customer = ws.customers.create(name="Acme")
    quiet = ws.opportunities.create(title="Q", customer_id=customer, stage_id=open_stages[0].id)
    moved = ws.opportunities.create(title="M", customer_id=customer, stage_id=open_stages[0].id)
    called = ws.opportunities.create(title="C", customer_id=customer, stage_id=open_stages[0].id)
    with ws.db.write() as session:
        write_stalled_days(session, 10)
    with ws.db.session() as session:
        assert read_stalled_days(session) == 10

    def stalled(at: timedelta) -> set[str]:
        with ws.db.session() as session:
            return set(stalled_ids(session, START + at, 10))

    assert stalled(timedelta(days=9, hours=23)) == set()
    assert stalled(timedelta(days=10)) == {quiet, moved, called}
    clock.advance(days=6)
    PipelineService(ws.ctx, ws.opportunities, ws.followups).move(moved, open_stages[1].id)
    ws.followups.create(
        customer_id=customer, opportunity_id=called, subject="Call", status="done",
        occurred_at=clock.now,
    )  # fmt: skip
    assert stalled(timedelta(days=10)) == {quiet}
    assert stalled(timedelta(days=16)) == {quiet, moved, called}
    # the cards agree with the SQL
    with ws.db.session() as session:
        rows = pipeline.column_rowids(session, BoardFilter(), [s.id for s in open_stages])
        cards = pipeline.fetch_cards(session, [r for ids in rows.values() for r in ids])
    flags = {
        c.id: is_stalled(c.stage_changed_at, c.last_followup_at, START + timedelta(days=12), 10)
        for c in cards.values()
    }
    assert flags == {quiet: True, moved: False, called: False}


def test_stalled_days_default(workspace: Workspace) -> None:
    with workspace.db.session() as session:
        assert read_stalled_days(session) == DEFAULT_STALLED_DAYS
