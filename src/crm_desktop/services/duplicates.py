"""Duplicate customers: candidates while typing or importing, groups over the whole file, merge.

Duplicates are found by normalised phone (customers' and contacts'), normalised e-mail, or the
same name and company ignoring case and spaces. They are merged, never prevented: two offline
users may both create the same customer, so nothing here is a unique constraint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from crm_desktop.db.models import (
    Contact,
    Customer,
    CustomerTag,
    CustomFieldValue,
    FollowUp,
    Opportunity,
)
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.customers import CustomerService
from crm_desktop.services.followups import refresh_customer_dates
from crm_desktop.services.journal import Action
from crm_desktop.services.validation import normalize_email, normalize_phone

MERGEABLE_FIELDS = tuple(CustomerService.fields)


@dataclass(frozen=True)
class Candidate:
    customer_id: str
    name: str
    company: str | None
    reason: str  # "phone", "email" or "name"


def _key(name: str | None, company: str | None) -> str:
    return " ".join(f"{name or ''} {company or ''}".casefold().split())


def candidates(
    session: Session,
    ctx: ServiceContext,
    *,
    name: str | None = None,
    company: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    exclude_id: str | None = None,
    limit: int = 20,
) -> list[Candidate]:
    """Live customers that look like the one being entered. Unparseable input is ignored here
    (the editor reports it separately)."""
    found: dict[str, Candidate] = {}

    def add(rows: Any, reason: str) -> None:
        for row in rows:
            if row.id != exclude_id and row.id not in found:
                found[row.id] = Candidate(row.id, row.name, row.company, reason)

    live = Customer.deleted_at.is_(None)
    columns = (Customer.id, Customer.name, Customer.company)

    def normalised(normalize: Callable[[str], str], value: str | None) -> str | None:
        try:
            return normalize(value) if value else None
        except ValidationError:
            return None

    # Contacts' phones and e-mails are stored normalised by the contact service.
    keys = [
        (
            "phone",
            normalised(lambda v: normalize_phone("phone", v, ctx.default_region), phone),
            Customer.phone_normalized,
            Contact.phone_normalized,
        ),
        ("email", normalised(lambda v: normalize_email("email", v), email),
         Customer.email_normalized, Contact.email),
    ]  # fmt: skip
    for reason, key, own, contacts in keys:
        if key is None:
            continue
        owners = select(Contact.customer_id).where(contacts == key, Contact.deleted_at.is_(None))
        query = select(*columns).where(live, or_(own == key, Customer.id.in_(owners)))
        add(session.execute(query.limit(limit)), reason)
    if name and name.strip():
        wanted = _key(name, company)
        same_name = session.execute(
            select(*columns).where(live, Customer.name == " ".join(name.split())).limit(200)
        )
        add((r for r in same_name if _key(r.name, r.company) == wanted), "name")
    return list(found.values())[:limit]


@dataclass(frozen=True)
class DuplicateGroup:
    reason: str
    key: str
    customer_ids: tuple[str, ...]


def duplicate_groups(session: Session, limit: int = 1000) -> list[DuplicateGroup]:
    """Groups of live customers sharing a phone, an e-mail, or a name and company."""
    groups: list[DuplicateGroup] = []
    live = Customer.deleted_at.is_(None)
    for reason, column in (
        ("phone", Customer.phone_normalized),
        ("email", Customer.email_normalized),
    ):
        keys = session.scalars(
            select(column)
            .where(live, column.is_not(None))
            .group_by(column)
            .having(func.count() > 1)
            .limit(limit)
        ).all()
        if keys:
            members: dict[str, list[str]] = defaultdict(list)
            for key, customer_id in session.execute(
                select(column, Customer.id)
                .where(live, column.in_(keys))
                .order_by(Customer.created_at)
            ):
                members[key].append(customer_id)
            groups += [DuplicateGroup(reason, k, tuple(v)) for k, v in members.items()]
    name_key = (
        func.lower(func.trim(Customer.name))
        + "|"
        + func.lower(func.trim(func.coalesce(Customer.company, "")))
    )
    keys = session.scalars(
        select(name_key).where(live).group_by(name_key).having(func.count() > 1).limit(limit)
    ).all()
    if keys:
        members = defaultdict(list)
        for key, customer_id in session.execute(
            select(name_key, Customer.id)
            .where(live, name_key.in_(keys))
            .order_by(Customer.created_at)
        ):
            members[key].append(customer_id)
        groups += [DuplicateGroup("name", k, tuple(v)) for k, v in members.items()]
    return groups[:limit]


def merge_customers(
    ctx: ServiceContext,
    survivor_id: str,
    other_ids: list[str],
    choices: dict[str, str] | None = None,
) -> None:
    """Merge ``other_ids`` into ``survivor_id`` in one transaction.

    ``choices`` maps a field name to the customer whose value the survivor takes. Every contact,
    follow-up and opportunity of the others moves to the survivor; tags are united; custom
    values the survivor lacks are taken over; the others go to the trash with ``merged_into``
    journalled, so the merge shows in the history and can be traced.
    """
    others = [o for o in dict.fromkeys(other_ids) if o != survivor_id]
    if not others:
        raise ValidationError(
            "customers", QT_TRANSLATE_NOOP("Errors", "Choose at least two customers to merge.")
        )
    service = CustomerService(ctx)
    choices = choices or {}
    for field, source in choices.items():
        if field not in MERGEABLE_FIELDS or source not in (survivor_id, *others):
            raise ValidationError(
                field, QT_TRANSLATE_NOOP("Errors", "This value cannot be chosen for the merge.")
            )
    with ctx.db.write() as session:
        action = Action(session, ctx)
        survivor = service.load(session, survivor_id)
        merged = {o: service.load(session, o) for o in others}
        values = {
            field: getattr(merged[source], field)
            for field, source in choices.items()
            if source != survivor_id
        }
        changes: dict[str, tuple[Any, Any]] = {}
        for field, value in service.prepare(session, survivor, dict(values)).items():
            old = getattr(survivor, field)
            if old != value:
                setattr(survivor, field, value)
                if field in service.fields:
                    changes[field] = (old, value)
        action.record("customer", survivor_id, changes)
        _move_children(session, action, survivor_id, others)
        _merge_tags(session, action, survivor_id, others)
        _merge_custom_values(session, action, survivor_id, others)
        for other_id, other in merged.items():
            other.deleted_at = action.when
            other.updated_at = action.when
            action.record(
                "customer",
                other_id,
                {"deleted_at": (None, action.when), "merged_into": (None, survivor_id)},
            )
        survivor.updated_at = action.when
        session.flush()
        refresh_customer_dates(session, survivor_id)


def _move_children(session: Session, action: Action, survivor_id: str, others: list[str]) -> None:
    own = set(session.scalars(select(Contact.id).where(Contact.customer_id == survivor_id)))
    for model, entity in (
        (Contact, "contact"),
        (FollowUp, "followup"),
        (Opportunity, "opportunity"),
    ):
        rows = session.execute(
            select(model.id, model.customer_id).where(model.customer_id.in_(others))
        ).all()
        if not rows:
            continue
        session.execute(
            update(model).where(model.customer_id.in_(others)).values(customer_id=survivor_id)
        )
        for child_id, old in rows:
            action.record(entity, child_id, {"customer_id": (old, survivor_id)})
    # One primary contact: the survivor's own if it had one, else the earliest of the others.
    primaries = sorted(
        session.scalars(
            select(Contact).where(Contact.customer_id == survivor_id, Contact.is_primary.is_(True))
        ),
        key=lambda c: (c.id not in own, c.created_at),
    )
    for extra in primaries[1:]:
        extra.is_primary = False
        action.record("contact", extra.id, {"is_primary": (True, False)})


def _merge_tags(session: Session, action: Action, survivor_id: str, others: list[str]) -> None:
    def tags_of(ids: list[str]) -> set[str]:
        return set(
            session.scalars(select(CustomerTag.tag_id).where(CustomerTag.customer_id.in_(ids)))
        )

    mine, theirs = tags_of([survivor_id]), tags_of(others)
    if theirs - mine:
        session.add_all(CustomerTag(customer_id=survivor_id, tag_id=t) for t in theirs - mine)
        action.record("customer", survivor_id, {"tags": (sorted(mine), sorted(mine | theirs))})


def _merge_custom_values(
    session: Session, action: Action, survivor_id: str, others: list[str]
) -> None:
    mine = {
        row.field_id: row
        for row in session.scalars(
            select(CustomFieldValue).where(CustomFieldValue.record_id == survivor_id)
        )
    }
    for row in session.scalars(
        select(CustomFieldValue).where(CustomFieldValue.record_id.in_(others))
    ):
        if row.value is None:
            continue
        current = mine.get(row.field_id)
        if current is None:
            mine[row.field_id] = CustomFieldValue(
                record_id=survivor_id, field_id=row.field_id, value=row.value
            )
            session.add(mine[row.field_id])
        elif current.value is None:
            current.value = row.value
        else:
            continue
        action.record("customer", survivor_id, {f"custom:{row.field_id}": (None, row.value)})
