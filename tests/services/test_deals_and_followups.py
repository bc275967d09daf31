"""Opportunities (exact money, stage history) and follow-ups (due times, customer dates)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from crm_desktop.db.models import StageHistory
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.workspace import Workspace


def test_money_is_exact_minor_units(workspace: Workspace) -> None:
    customer = workspace.customers.create(name="Acme")
    stage = workspace.stages.list()[0]
    deal = workspace.opportunities.create(
        title="Deal", customer_id=customer, amount="1234567.89", stage_id=stage.id
    )
    opp = workspace.opportunities.get(deal)
    assert opp.amount_minor == 123456789
    assert workspace.opportunities.amount(opp).amount == Decimal("1234567.89")
    with pytest.raises(ValidationError, match="JPY amounts have at most 0 decimals"):
        workspace.opportunities.update(deal, amount=Decimal("0.10"), currency="JPY")
    workspace.opportunities.update(deal, amount="125000", currency="JPY")
    assert workspace.opportunities.get(deal).amount_minor == 125000
    with pytest.raises(ValidationError, match="exact"):
        workspace.opportunities.update(deal, amount=0.1)
    with pytest.raises(ValidationError, match="not an amount"):
        workspace.opportunities.update(deal, amount="12abc")


def test_stage_moves_keep_history_and_close(workspace: Workspace) -> None:
    customer = workspace.customers.create(name="Acme")
    stages = {s.kind: s for s in reversed(workspace.stages.list())}
    first = workspace.stages.list()[0]
    deal = workspace.opportunities.create(title="D", customer_id=customer, stage_id=first.id)
    assert workspace.opportunities.get(deal).status == "open"
    workspace.opportunities.update(deal, stage_id=stages["won"].id)
    opp = workspace.opportunities.get(deal)
    assert opp.status == "won" and opp.closed_at is not None
    with workspace.db.session() as session:
        moves = session.scalars(
            select(StageHistory).where(StageHistory.opportunity_id == deal)
        ).all()
    assert [(m.from_stage_id, m.to_stage_id) for m in moves] == [
        (None, first.id),
        (first.id, stages["won"].id),
    ]


def test_opportunity_needs_existing_customer_and_stage(workspace: Workspace) -> None:
    stage = workspace.stages.list()[0]
    with pytest.raises(ValidationError) as info:
        workspace.opportunities.create(title="D", customer_id="missing", stage_id=stage.id)
    assert info.value.field == "customer_id"
    customer = workspace.customers.create(name="Acme")
    with pytest.raises(ValidationError) as info:
        workspace.opportunities.create(title="D", customer_id=customer, stage_id="missing")
    assert info.value.field == "stage_id"


def test_planned_followup_needs_due_time(workspace: Workspace) -> None:
    customer = workspace.customers.create(name="Acme")
    with pytest.raises(ValidationError) as info:
        workspace.followups.create(customer_id=customer, subject="Call")
    assert info.value.field == "due_at"
    with pytest.raises(ValidationError) as info:
        workspace.followups.create(subject="Call", due_at=datetime.now(UTC))
    assert info.value.field == "customer_id"
    with pytest.raises(ValidationError, match="time zone"):
        workspace.followups.create(customer_id=customer, subject="C", due_at=datetime(2026, 1, 1))


def test_followups_keep_customer_dates(workspace: Workspace) -> None:
    now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    customer = workspace.customers.create(name="Acme")
    soon = workspace.followups.create(
        customer_id=customer, subject="Call", due_at=now + timedelta(days=2)
    )
    workspace.followups.create(customer_id=customer, subject="Visit", due_at=now + timedelta(5))
    done = workspace.followups.create(
        customer_id=customer, subject="Met", status="done", occurred_at=now - timedelta(days=3)
    )
    c = workspace.customers.get(customer)
    assert c.next_followup_at == now + timedelta(days=2)
    assert c.last_contact_at == now - timedelta(days=3)
    workspace.followups.update(soon, status="done", occurred_at=now)
    c = workspace.customers.get(customer)
    assert c.next_followup_at == now + timedelta(days=5)
    assert c.last_contact_at == now
    workspace.followups.delete(done)
    workspace.followups.delete(soon)
    assert workspace.customers.get(customer).last_contact_at is None
