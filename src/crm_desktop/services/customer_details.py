"""Everything the customer detail panel and the list's bulk actions need, without Qt.

Reading: a customer's fields, contacts, custom values, tags and one timeline merging its
follow-ups, opportunities and journalled field changes (newest first). Writing: bulk edits of
many customers as one action (one transaction, one journal ``action_id``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, distinct, literal_column, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import (
    Contact,
    Customer,
    CustomerTag,
    CustomFieldDef,
    CustomFieldValue,
    FollowUp,
    Opportunity,
    Stage,
    Tag,
    User,
)
from crm_desktop.domain.money import Money
from crm_desktop.services.customers import CustomerService
from crm_desktop.services.journal import Action, history

DISTINCT_LIMIT = 500
RESOLVE_BATCH = 10_000
TIMELINE_LIMIT = 300
DEALS_LIMIT = 200
_ROWID: ColumnElement[int] = literal_column("customers.rowid")
_DISTINCT_COLUMNS = {
    "region": Customer.region,
    "city": Customer.city,
    "industry": Customer.industry,
}
# fields the journal records that the timeline does not show as "changes"
_HIDDEN_HISTORY = frozenset({"phone_normalized", "email_normalized", "updated_at"})


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline; ``kind`` is ``followup``, ``opportunity`` or ``change``."""

    when: datetime
    kind: str
    user_name: str | None
    title: str
    status: str | None = None  # follow-up status, opportunity stage, or the changed field key
    channel: str | None = None
    amount: Money | None = None
    old_value: Any = None
    new_value: Any = None


@dataclass(frozen=True)
class CustomField:
    name: str
    field_type: str
    value: str | None


@dataclass(frozen=True)
class Deal:
    """One of the customer's opportunities, as the detail panel lists them."""

    id: str
    title: str
    stage: str
    status: str  # open, won, lost
    amount: Money
    expected_close: date | None


@dataclass(frozen=True)
class CustomerDetails:
    customer: Customer
    owner_name: str | None
    contacts: list[Contact]
    custom_fields: list[CustomField]
    tags: list[str]
    timeline: list[TimelineEntry] = field(default_factory=list)
    deals: list[Deal] = field(default_factory=list)


def distinct_values(session: Session, key: str, limit: int = DISTINCT_LIMIT) -> list[str]:
    """The distinct non-empty values of ``region``, ``city`` or ``industry`` among live
    customers, sorted, at most ``limit`` of them (for the filter panel's lists)."""
    column = _DISTINCT_COLUMNS[key]
    query = (
        select(distinct(column))
        .where(Customer.deleted_at.is_(None), column.is_not(None), column != "")
        .order_by(column)
        .limit(limit)
    )
    return [str(value) for value in session.scalars(query)]


def ids_for_rowids(session: Session, rowids: Sequence[int]) -> list[str]:
    """Customer ids of list rows (rowids), in batches; rows that vanished are skipped."""
    result: list[str] = []
    for start in range(0, len(rowids), RESOLVE_BATCH):
        batch = list(rowids[start : start + RESOLVE_BATCH])
        result.extend(session.scalars(select(Customer.id).where(_ROWID.in_(batch))))
    return result


def _user_names(session: Session) -> dict[str, str]:
    return {user.id: user.display_name for user in session.scalars(select(User))}


def _readable(session: Session, field: str, value: Any, names: dict[str, str]) -> Any:
    """Journal values that are ids, as names: owners as users, tag sets as tag names."""
    if field == "owner_id" and isinstance(value, str):
        return names.get(value, value)
    if field == "tags" and isinstance(value, list):
        query = select(Tag.id, Tag.name).where(Tag.id.in_(value))
        tags = {tag_id: name for tag_id, name in session.execute(query)}
        return sorted(tags.get(tag_id, tag_id) for tag_id in value)
    return value


def _field_title(session: Session, field: str) -> str:
    """A custom field's change is titled with the field's name; others with their key."""
    if field.startswith("custom:"):
        definition = session.get(CustomFieldDef, field.removeprefix("custom:"))
        return definition.name if definition is not None else field
    return field


def _timeline(
    session: Session, customer_id: str, names: dict[str, str], limit: int
) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    for followup in session.scalars(
        select(FollowUp)
        .where(FollowUp.customer_id == customer_id, FollowUp.deleted_at.is_(None))
        .order_by(FollowUp.created_at.desc())
        .limit(limit)
    ):
        when = followup.occurred_at or followup.due_at or followup.created_at
        entries.append(
            TimelineEntry(
                when,
                "followup",
                names.get(followup.owner_id or ""),
                followup.subject,
                status=followup.status,
                channel=followup.channel,
            )
        )
    for opportunity, stage_name in session.execute(
        select(Opportunity, Stage.name)
        .join(Stage, Stage.id == Opportunity.stage_id)
        .where(Opportunity.customer_id == customer_id, Opportunity.deleted_at.is_(None))
        .order_by(Opportunity.created_at.desc())
        .limit(limit)
    ):
        entries.append(
            TimelineEntry(
                opportunity.created_at,
                "opportunity",
                names.get(opportunity.owner_id or ""),
                opportunity.title,
                status=stage_name,
                amount=Money.from_minor(opportunity.amount_minor, opportunity.currency),
            )
        )
    for change in history(session, [customer_id], limit):
        if change.field in _HIDDEN_HISTORY:
            continue
        entries.append(
            TimelineEntry(
                change.changed_at,
                "change",
                names.get(change.user_id or ""),
                _field_title(session, change.field),
                status=change.field,
                old_value=_readable(session, change.field, change.old_value, names),
                new_value=_readable(session, change.field, change.new_value, names),
            )
        )
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]


def deals_of(session: Session, customer_id: str, limit: int = DEALS_LIMIT) -> list[Deal]:
    """The customer's live opportunities: open ones first, each group by expected close."""
    query = (
        select(
            Opportunity.id,
            Opportunity.title,
            Stage.name,
            Opportunity.status,
            Opportunity.amount_minor,
            Opportunity.currency,
            Opportunity.expected_close,
        )
        .join(Stage, Stage.id == Opportunity.stage_id)
        .where(Opportunity.customer_id == customer_id, Opportunity.deleted_at.is_(None))
        .order_by(
            (Opportunity.status != "open"),
            Opportunity.expected_close.is_(None),
            Opportunity.expected_close,
            Opportunity.title,
        )
        .limit(limit)
    )
    return [
        Deal(deal_id, title, stage, status, Money.from_minor(minor, currency), expected)
        for deal_id, title, stage, status, minor, currency, expected in session.execute(query)
    ]


def customer_details(
    session: Session, customer_id: str, timeline_limit: int = TIMELINE_LIMIT
) -> CustomerDetails | None:
    """The detail panel's content for one customer (deleted ones too), or None if gone."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        return None
    names = _user_names(session)
    contacts = list(
        session.scalars(
            select(Contact)
            .where(Contact.customer_id == customer_id, Contact.deleted_at.is_(None))
            .order_by(Contact.is_primary.desc(), Contact.name)
        )
    )
    custom = [
        CustomField(definition.name, definition.field_type, value)
        for definition, value in session.execute(
            select(CustomFieldDef, CustomFieldValue.value)
            .join(CustomFieldValue, CustomFieldValue.field_id == CustomFieldDef.id)
            .where(
                CustomFieldValue.record_id == customer_id,
                CustomFieldDef.deleted_at.is_(None),
                CustomFieldValue.value.is_not(None),
            )
            .order_by(CustomFieldDef.position, CustomFieldDef.name)
        )
    ]
    tags = list(
        session.scalars(
            select(Tag.name)
            .join(CustomerTag, CustomerTag.tag_id == Tag.id)
            .where(CustomerTag.customer_id == customer_id, Tag.deleted_at.is_(None))
            .order_by(Tag.name)
        )
    )
    return CustomerDetails(
        customer,
        names.get(customer.owner_id or ""),
        contacts,
        custom,
        tags,
        _timeline(session, customer_id, names, timeline_limit),
        deals_of(session, customer_id),
    )


# --- bulk actions ---------------------------------------------------------------------------


def bulk_update(customers: CustomerService, customer_ids: Sequence[str], **values: Any) -> int:
    """Set the same fields (owner, tier…) on many customers as one journalled action.

    Returns how many customers were given. A failure leaves every customer as it was.
    """
    cleaned = customers.clean(values, creating=False)
    unique = list(dict.fromkeys(customer_ids))
    with customers.ctx.db.write() as session:
        action = Action(session, customers.ctx)
        for customer_id in unique:
            customers.update_in(action, customer_id, cleaned)
    return len(unique)


def bulk_set_deleted(
    customers: CustomerService, customer_ids: Sequence[str], *, deleted: bool
) -> int:
    """Move many customers to the trash (or restore them) as one journalled action."""
    changed = 0
    with customers.ctx.db.write() as session:
        action = Action(session, customers.ctx)
        for customer_id in dict.fromkeys(customer_ids):
            obj = customers.load(session, customer_id, include_deleted=True)
            old = obj.deleted_at
            new = action.when if deleted else None
            if (old is None) == (new is None):
                continue
            obj.deleted_at = new
            obj.updated_at = action.when
            action.record(customers.entity, customer_id, {"deleted_at": (old, new)})
            session.flush()
            customers.after_change(action, obj, {"deleted_at": (old, new)}, creating=False)
            changed += 1
    return changed
