"""What the follow-up dialog and filters offer to pick: customers, contacts, deals, owners."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db.models import Contact, Customer, Opportunity, User
from crm_desktop.services.search import search_customer_ids


class Choice(NamedTuple):
    id: str
    label: str
    detail: str = ""


def find_customers(session: Session, text: str, limit: int = 20) -> list[Choice]:
    """Live customers matching ``text`` with the customer list's search, by name."""
    ids = search_customer_ids(session, text, limit)
    if not ids:
        return []
    rows = {
        row.id: row
        for row in session.execute(
            select(Customer.id, Customer.name, Customer.company, Customer.city).where(
                Customer.id.in_(ids)
            )
        )
    }
    return [
        Choice(i, rows[i].name, " · ".join(p for p in (rows[i].company, rows[i].city) if p))
        for i in ids
        if i in rows
    ]


def customer_name(session: Session, customer_id: str) -> str | None:
    return session.scalar(select(Customer.name).where(Customer.id == customer_id))


def contacts_of(session: Session, customer_id: str) -> list[Choice]:
    rows = session.execute(
        select(Contact.id, Contact.name, Contact.title)
        .where(Contact.customer_id == customer_id, Contact.deleted_at.is_(None))
        .order_by(Contact.is_primary.desc(), Contact.name)
    )
    return [Choice(r.id, r.name, r.title or "") for r in rows]


def opportunities_of(session: Session, customer_id: str) -> list[Choice]:
    rows = session.execute(
        select(Opportunity.id, Opportunity.title, Opportunity.status)
        .where(Opportunity.customer_id == customer_id, Opportunity.deleted_at.is_(None))
        .order_by(Opportunity.status != "open", Opportunity.title)
    )
    return [Choice(r.id, r.title, r.status) for r in rows]


def owners(session: Session) -> list[Choice]:
    rows = session.execute(
        select(User.id, User.display_name)
        .where(User.deleted_at.is_(None), User.active.is_(True))
        .order_by(User.display_name)
    )
    return [Choice(r.id, r.display_name) for r in rows]
