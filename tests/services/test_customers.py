"""Customer, contact, tag and custom field services: validation and normalisation."""

from __future__ import annotations

import pytest

from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services.workspace import Workspace


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [
        ("138 0013 8000", "+8613800138000"),
        ("+86 138-0013-8000", "+8613800138000"),
        ("(010) 6552 9988", "+861065529988"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_phone_is_normalised(workspace: Workspace, typed: str, normalized: str) -> None:
    customer = workspace.customers.get(workspace.customers.create(name="A", phone=typed))
    assert customer.phone == typed
    assert customer.phone_normalized == normalized


@pytest.mark.parametrize("bad", ["abc", "12", "+86 1"])
def test_bad_phone_is_refused(workspace: Workspace, bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        workspace.customers.create(name="A", phone=bad)
    assert info.value.field == "phone"
    assert bad in info.value.message


def test_email_is_checked_and_normalised(workspace: Workspace) -> None:
    customer_id = workspace.customers.create(name="A", email="Wang.Fang@Example.COM")
    assert workspace.customers.get(customer_id).email_normalized == "wang.fang@example.com"
    with pytest.raises(ValidationError, match="e-mail"):
        workspace.customers.update(customer_id, email="wang@@example")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "A", "tier": "Z"}, "tier"),
        ({"name": "A", "status": "happy"}, "status"),
        ({"name": "A", "birthday": "1990-13-01"}, "birthday"),
        ({"name": "A", "owner_id": "nobody"}, "owner_id"),
        ({"name": "A\x00B"}, "name"),
        ({"name": 42}, "name"),
        ({"name": "A", "colour": "red"}, "colour"),
    ],
)
def test_customer_validation(workspace: Workspace, values: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        workspace.customers.create(**values)
    assert info.value.field == field


def test_name_whitespace_is_tidied_and_chinese_kept(workspace: Workspace) -> None:
    customer_id = workspace.customers.create(name="  深圳市  华强电子 ", notes="line 1\nline 2")
    customer = workspace.customers.get(customer_id)
    assert customer.name == "深圳市 华强电子"
    assert customer.notes == "line 1\nline 2"
    assert customer.owner_id == workspace.ctx.user_id


def test_update_of_missing_customer(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError, match="customer"):
        workspace.customers.update("nope", name="A")


def test_primary_contact_is_unique(workspace: Workspace) -> None:
    customer_id = workspace.customers.create(name="Acme")
    first = workspace.contacts.create(customer_id=customer_id, name="Bob", is_primary=True)
    second = workspace.contacts.create(customer_id=customer_id, name="Sue", is_primary=True)
    contacts = {c.id: c.is_primary for c in workspace.contacts.for_customer(customer_id)}
    assert contacts == {first: False, second: True}


def test_tags_replace_and_refuse_unknown(workspace: Workspace) -> None:
    customer_id = workspace.customers.create(name="Acme")
    vip, fair = workspace.tags.create(name="VIP"), workspace.tags.create(name="展会2026")
    workspace.customers.set_tags(customer_id, [vip, fair])
    with workspace.db.session() as session:
        assert workspace.customers.tag_ids(session, customer_id) == sorted([vip, fair])
    with pytest.raises(NotFoundError):
        workspace.customers.set_tags(customer_id, ["missing"])
    with pytest.raises(ValidationError, match="already exists"):
        workspace.tags.create(name="vip")


def test_custom_fields_by_type(workspace: Workspace) -> None:
    customer_id = workspace.customers.create(name="Acme")
    size = workspace.custom_fields.create(name="Size", field_type="choice", choices=["S", "L"])
    budget = workspace.custom_fields.create(name="Budget", field_type="number")
    workspace.customers.set_custom_values(customer_id, {size: "L", budget: "12.50"})
    assert workspace.customers.custom_values(customer_id) == {size: "L", budget: "12.50"}
    with pytest.raises(ValidationError, match="not one of the choices"):
        workspace.customers.set_custom_values(customer_id, {size: "XL"})
    with pytest.raises(ValidationError, match="not a number"):
        workspace.customers.set_custom_values(customer_id, {budget: "lots"})
    with pytest.raises(ValidationError, match="at least one choice"):
        workspace.custom_fields.create(name="Empty", field_type="choice", choices=[])


def test_users_have_unique_names_and_valid_roles(workspace: Workspace) -> None:
    workspace.users.create(username="li", display_name="李娜", role="sales")
    with pytest.raises(ValidationError, match="already taken"):
        workspace.users.create(username="li", display_name="Li", role="sales")
    with pytest.raises(ValidationError):
        workspace.users.create(username="x", display_name="X", role="admin")
    assert {u.username for u in workspace.users.list()} == {"boss", "li"}
