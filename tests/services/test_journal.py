"""Every change made through the services is journalled in the same transaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from crm_desktop.db.models import ChangeJournal, Customer, CustomFieldValue
from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.services.journal import from_json, history
from crm_desktop.services.workspace import Workspace


def _journal(workspace: Workspace) -> list[ChangeJournal]:
    with workspace.db.session() as session:
        return list(session.scalars(select(ChangeJournal).order_by(ChangeJournal.seq)))


def _fields(rows: list[ChangeJournal]) -> dict[str, tuple[Any, Any]]:
    return {r.field: (from_json(r.old_value), from_json(r.new_value)) for r in rows}


def test_create_journals_each_set_field_as_one_action(workspace: Workspace) -> None:
    before = len(_journal(workspace))
    customer_id = workspace.customers.create(name="王芳", phone="13800138000", tier="A")
    rows = _journal(workspace)[before:]
    assert {r.record_id for r in rows} == {customer_id}
    assert len({r.action_id for r in rows}) == 1
    assert len({r.hlc for r in rows}) == len(rows)  # every change has its own stamp
    fields = _fields(rows)
    assert fields["name"] == (None, "王芳")
    assert fields["tier"] == (None, "A")
    assert fields["phone"] == (None, "13800138000")
    assert all(r.user_id == workspace.ctx.user_id for r in rows)
    assert all(r.device_id == workspace.ctx.device_id for r in rows)


def test_update_journals_only_changed_fields_with_old_values(workspace: Workspace) -> None:
    customer_id = workspace.customers.create(name="Ada", city="London", tier="B")
    before = len(_journal(workspace))
    workspace.customers.update(customer_id, city="Leeds", tier="B", name="Ada")
    assert _fields(_journal(workspace)[before:]) == {"city": ("London", "Leeds")}


def test_no_change_writes_nothing(workspace: Workspace) -> None:
    customer_id = workspace.customers.create(name="Ada")
    before = len(_journal(workspace))
    workspace.customers.update(customer_id, name="  Ada ")
    assert len(_journal(workspace)) == before


def test_delete_and_restore_are_journalled(workspace: Workspace) -> None:
    customer_id = workspace.customers.create(name="Ada")
    before = len(_journal(workspace))
    workspace.customers.delete(customer_id)
    with pytest.raises(CrmError):
        workspace.customers.get(customer_id)
    workspace.customers.restore(customer_id)
    assert workspace.customers.get(customer_id).deleted_at is None
    rows = _journal(workspace)[before:]
    assert [r.field for r in rows] == ["deleted_at", "deleted_at"]
    assert from_json(rows[0].old_value) is None and from_json(rows[1].new_value) is None


def test_failed_action_writes_nothing(workspace: Workspace) -> None:
    customer_id = workspace.customers.create(name="Ada")
    good = workspace.custom_fields.create(name="Budget", field_type="number")
    bad = workspace.custom_fields.create(name="Founded", field_type="date")
    before = _journal(workspace)
    # The first value is valid and written to the session before the second one fails.
    with pytest.raises(ValidationError):
        workspace.customers.set_custom_values(customer_id, {good: "1200", bad: "not a date"})
    assert len(_journal(workspace)) == len(before)
    with workspace.db.session() as session:
        assert session.scalars(select(CustomFieldValue)).all() == []


def test_failed_validation_writes_nothing(workspace: Workspace) -> None:
    before = len(_journal(workspace))
    with pytest.raises(ValidationError) as info:
        workspace.customers.create(name="Ada", email="not-an-email")
    assert info.value.field == "email"
    with pytest.raises(ValidationError):
        workspace.contacts.create(customer_id="no-such-customer", name="Bob")
    assert len(_journal(workspace)) == before
    with workspace.db.session() as session:
        assert session.scalars(select(Customer)).all() == []


def test_every_service_journals(workspace: Workspace) -> None:
    ws = workspace
    customer = ws.customers.create(name="Ada")
    stage = ws.stages.list()[0]
    made = {
        "contact": ws.contacts.create(customer_id=customer, name="Bob"),
        "tag": ws.tags.create(name="VIP"),
        "custom_field": ws.custom_fields.create(name="Size", field_type="text"),
        "stage": ws.stages.create(name="Trial", default_probability=30),
        "user": ws.users.create(username="li", display_name="李娜", role="sales"),
        "opportunity": ws.opportunities.create(
            title="Deal", customer_id=customer, amount="10", stage_id=stage.id
        ),
        "followup": ws.followups.create(
            customer_id=customer, subject="Call", due_at=datetime.now(UTC) + timedelta(days=1)
        ),
    }
    journalled = {(r.entity, r.record_id) for r in _journal(ws)}
    for entity, record_id in made.items():
        assert (entity, record_id) in journalled


def test_history_lists_newest_first(workspace: Workspace) -> None:
    customer_id = workspace.customers.create(name="Ada")
    workspace.customers.update(customer_id, tier="A")
    workspace.customers.update(customer_id, tier="VIP")
    with workspace.db.session() as session:
        entries = history(session, [customer_id])
    assert [(e.field, e.old_value, e.new_value) for e in entries[:2]] == [
        ("tier", "A", "VIP"),
        ("tier", None, "A"),
    ]
