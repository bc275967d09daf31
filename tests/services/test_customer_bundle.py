"""The editor's save: customer, contacts, custom values and tags in one transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from crm_desktop.db.models import ChangeJournal, Contact, Customer
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.customer_bundle import CustomerBundle, save_customer_bundle
from crm_desktop.services.workspace import Workspace


def _count(ws: Workspace, model: type) -> int:
    with ws.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_new_customer_with_everything(workspace: Workspace) -> None:
    ws = workspace
    size = ws.custom_fields.create(name="Size", field_type="text")
    vip = ws.tags.create(name="VIP")
    saved = save_customer_bundle(
        ws.ctx,
        None,
        CustomerBundle(
            values={"name": "华强电子", "phone": "138 0013 8000"},
            contacts=[(None, {"name": "张伟", "is_primary": True}), (None, {"name": "Bob"})],
            custom_values={size: "big"},
            tag_ids=[vip],
            new_tag_names=["展会2026", "vip"],
        ),
    )
    assert ws.customers.get(saved.customer_id).phone_normalized == "+8613800138000"
    assert [c.name for c in ws.contacts.for_customer(saved.customer_id)] == ["张伟", "Bob"]
    assert len(saved.contact_ids) == 2
    assert ws.customers.custom_values(saved.customer_id) == {size: "big"}
    assert len(saved.tag_ids) == 2  # "vip" is the existing VIP tag
    with ws.db.session() as session:
        actions = {
            r.action_id
            for r in session.scalars(
                select(ChangeJournal).where(
                    ChangeJournal.record_id.in_([saved.customer_id, *saved.contact_ids])
                )
            )
        }
    assert len(actions) == 1


def test_a_bad_contact_saves_nothing(workspace: Workspace) -> None:
    ws = workspace
    before = (_count(ws, Customer), _count(ws, Contact), _count(ws, ChangeJournal))
    with pytest.raises(ValidationError) as info:
        save_customer_bundle(
            ws.ctx,
            None,
            CustomerBundle(
                values={"name": "Acme"},
                contacts=[(None, {"name": "Good"}), (None, {"name": "Bad", "phone": "abc"})],
                new_tag_names=["New tag"],
            ),
        )
    assert info.value.field == "contacts[1].phone"
    assert (_count(ws, Customer), _count(ws, Contact), _count(ws, ChangeJournal)) == before


def test_edit_removes_and_updates_contacts(workspace: Workspace) -> None:
    ws = workspace
    first = save_customer_bundle(
        ws.ctx,
        None,
        CustomerBundle({"name": "Acme"}, [(None, {"name": "A"}), (None, {"name": "B"})]),
    )
    keep, drop = first.contact_ids
    save_customer_bundle(
        ws.ctx,
        first.customer_id,
        CustomerBundle({"city": "深圳市"}, [(keep, {"name": "A2"})], removed_contact_ids=[drop]),
    )
    assert [c.name for c in ws.contacts.for_customer(first.customer_id)] == ["A2"]
    assert ws.customers.get(first.customer_id).city == "深圳市"
