"""Duplicate candidates, duplicate groups over the file, and merging without losing anything."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from crm_desktop.db.models import ChangeJournal, Contact, FollowUp, Opportunity
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services.duplicates import candidates, duplicate_groups, merge_customers
from crm_desktop.services.journal import from_json
from crm_desktop.services.workspace import Workspace


def _candidates(ws: Workspace, **kwargs: str) -> dict[str, str]:
    with ws.db.session() as session:
        return {c.customer_id: c.reason for c in candidates(session, ws.ctx, **kwargs)}


def test_candidates_by_phone_email_and_name(workspace: Workspace) -> None:
    ws = workspace
    a = ws.customers.create(name="张伟", company="华强电子", phone="+86 138 0013 8000")
    b = ws.customers.create(name="Ada Lovelace", email="ada@example.com")
    c = ws.customers.create(name="Acme")
    ws.contacts.create(customer_id=c, name="Bob", phone="139 1234 5678", email="Bob@Acme.example")
    assert _candidates(ws, phone="13800138000") == {a: "phone"}
    assert _candidates(ws, phone="+86 139-1234-5678") == {c: "phone"}
    assert _candidates(ws, email="ADA@example.com") == {b: "email"}
    assert _candidates(ws, email="bob@acme.example") == {c: "email"}
    assert _candidates(ws, name="  张伟 ", company="华强电子") == {a: "name"}
    assert _candidates(ws, name="张伟", company="别的公司") == {}
    assert _candidates(ws, phone="13800138000", exclude_id=a) == {}
    assert _candidates(ws, phone="not a phone", email="nope") == {}


def test_duplicate_groups(workspace: Workspace) -> None:
    ws = workspace
    a = ws.customers.create(name="张伟", phone="13800138000")
    b = ws.customers.create(name="Zhang Wei", phone="+86 138 0013 8000")
    c = ws.customers.create(name="Acme", company="Acme Ltd")
    d = ws.customers.create(name="acme ", company="ACME LTD")
    ws.customers.create(name="Unique")
    with ws.db.session() as session:
        groups = {(g.reason, frozenset(g.customer_ids)) for g in duplicate_groups(session)}
    assert groups == {("phone", frozenset({a, b})), ("name", frozenset({c, d}))}


def _count(ws: Workspace, model: type, customer_id: str) -> int:
    with ws.db.session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(model).where(model.customer_id == customer_id)
            )
            or 0
        )


def test_merge_keeps_everything(workspace: Workspace) -> None:
    ws = workspace
    now = datetime.now(UTC)
    stage = ws.stages.list()[0]
    keep = ws.customers.create(name="张伟", phone="13800138000", city="深圳市")
    drop1 = ws.customers.create(name="Zhang Wei", email="zw@example.com", tier="VIP")
    drop2 = ws.customers.create(name="张伟 (old)")
    vip, fair = ws.tags.create(name="VIP"), ws.tags.create(name="展会")
    ws.customers.set_tags(keep, [vip])
    ws.customers.set_tags(drop1, [fair])
    size = ws.custom_fields.create(name="Size", field_type="text")
    ws.customers.set_custom_values(drop2, {size: "big"})
    for cid in (keep, drop1, drop2):
        ws.contacts.create(customer_id=cid, name=f"c-{cid[:4]}", is_primary=True)
        ws.followups.create(customer_id=cid, subject="Call", due_at=now + timedelta(days=1))
        ws.followups.create(
            customer_id=cid, subject="Met", status="done", occurred_at=now - timedelta(days=3)
        )
        ws.opportunities.create(title="Deal", customer_id=cid, stage_id=stage.id, amount="100")
    totals = {
        m: sum(_count(ws, m, c) for c in (keep, drop1, drop2))
        for m in (Contact, FollowUp, Opportunity)
    }

    merge_customers(ws.ctx, keep, [drop1, drop2], {"email": drop1, "tier": drop1, "name": keep})

    for model, total in totals.items():
        assert _count(ws, model, keep) == total
    survivor = ws.customers.get(keep)
    assert (survivor.name, survivor.email, survivor.tier) == ("张伟", "zw@example.com", "VIP")
    assert survivor.email_normalized == "zw@example.com"
    assert survivor.city == "深圳市"
    with ws.db.session() as session:
        assert set(ws.customers.tag_ids(session, keep)) == {vip, fair}
        journal = session.scalars(
            select(ChangeJournal).where(ChangeJournal.field == "merged_into")
        ).all()
    assert {(j.record_id, from_json(j.new_value)) for j in journal} == {
        (drop1, keep),
        (drop2, keep),
    }
    assert ws.customers.custom_values(keep) == {size: "big"}
    assert [c.is_primary for c in ws.contacts.for_customer(keep)].count(True) == 1
    for gone in (drop1, drop2):
        with pytest.raises(NotFoundError):
            ws.customers.get(gone)
    assert survivor.last_contact_at is not None and survivor.next_followup_at is not None


def test_merge_refuses_bad_requests_and_changes_nothing(workspace: Workspace) -> None:
    ws = workspace
    a, b = ws.customers.create(name="A"), ws.customers.create(name="B")
    with pytest.raises(ValidationError):
        merge_customers(ws.ctx, a, [a])
    with pytest.raises(ValidationError):
        merge_customers(ws.ctx, a, [b], {"name": "someone-else"})
    with pytest.raises(NotFoundError):
        merge_customers(ws.ctx, a, [b, "missing"])
    assert ws.customers.get(b).deleted_at is None
