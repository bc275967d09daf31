"""Saving everything the customer editor holds — fields, contacts, custom values, tags — at once.

One transaction: either the customer and all its parts are saved, or nothing is. A contact's
problem is raised with the field ``contacts[i].<field>`` so the editor can show it on that row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from crm_desktop.db.models import Tag
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.contacts import ContactService
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.customers import CustomerService
from crm_desktop.services.journal import Action
from crm_desktop.services.tags import TagService


@dataclass
class CustomerBundle:
    values: dict[str, Any]
    contacts: list[tuple[str | None, dict[str, Any]]] = field(default_factory=list)
    removed_contact_ids: list[str] = field(default_factory=list)
    custom_values: dict[str, Any] = field(default_factory=dict)
    tag_ids: list[str] = field(default_factory=list)
    new_tag_names: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SavedBundle:
    customer_id: str
    contact_ids: list[str]  # in the order of ``CustomerBundle.contacts``
    tag_ids: list[str]


def _contact_error(index: int, error: ValidationError) -> ValidationError:
    return ValidationError(f"contacts[{index}].{error.field}", error.template, **error.params)


def save_customer_bundle(
    ctx: ServiceContext, customer_id: str | None, bundle: CustomerBundle
) -> SavedBundle:
    customers, contacts, tags = CustomerService(ctx), ContactService(ctx), TagService(ctx)
    values = customers.clean(bundle.values, creating=customer_id is None)
    cleaned_contacts = []
    for index, (contact_id, raw) in enumerate(bundle.contacts):
        try:
            cleaned_contacts.append(
                (
                    contact_id,
                    contacts.clean({**raw, "customer_id": "-"}, creating=contact_id is None),
                )
            )
        except ValidationError as error:
            raise _contact_error(index, error) from None
    with ctx.db.write() as session:
        action = Action(session, ctx)
        if customer_id is None:
            customer_id = customers.create_in(action, values)
        else:
            customers.update_in(action, customer_id, values)
        for contact_id in bundle.removed_contact_ids:
            contacts.set_deleted_in(action, contact_id, deleted=True)
        contact_ids = []
        for index, (known_id, cleaned) in enumerate(cleaned_contacts):
            cleaned["customer_id"] = customer_id
            try:
                if known_id is None:
                    contact_ids.append(contacts.create_in(action, cleaned))
                else:
                    contacts.update_in(action, known_id, cleaned)
                    contact_ids.append(known_id)
            except ValidationError as error:
                raise _contact_error(index, error) from None
        customers.set_custom_values_in(action, customer_id, bundle.custom_values)
        tag_ids = list(bundle.tag_ids)
        for name in bundle.new_tag_names:
            existing = session.scalar(
                select(Tag.id).where(
                    func.lower(Tag.name) == name.casefold(), Tag.deleted_at.is_(None)
                )
            )
            tag_ids.append(
                existing or tags.create_in(action, tags.clean({"name": name}, creating=True))
            )
        customers.set_tags_in(action, customer_id, tag_ids)
    return SavedBundle(customer_id, contact_ids, sorted(set(tag_ids)))
