"""Pages of rows for the list views: customers, follow-ups and opportunities, sorted in SQL.

Each ``*_page`` function returns plain tuples ``(id, value, value, ...)`` whose values follow
the order of the list's ``*_COLUMNS`` keys, so a view can page through a million rows while
holding only what is on screen. Sorting is by one column key (ties by insertion order, which
an index on the column already delivers). Soft-deleted rows are left out, and so are the
follow-ups and opportunities of deleted customers.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, select
from sqlalchemy.orm import InstrumentedAttribute, aliased

from crm_desktop.db.engine import Database
from crm_desktop.db.models import Customer, FollowUp, Opportunity, Stage, User
from crm_desktop.domain.money import Money
from crm_desktop.services.search import customer_search_clause

Row = tuple[Any, ...]
SqlColumn = ColumnElement[Any] | InstrumentedAttribute[Any]

_CUSTOMER_OWNER = aliased(User, name="customer_owner")
_FOLLOWUP_OWNER = aliased(User, name="followup_owner")
_OPPORTUNITY_OWNER = aliased(User, name="opportunity_owner")
_OPPORTUNITY_CUSTOMER = aliased(Customer, name="opportunity_customer")
_FOLLOWUP_CUSTOMER = aliased(Customer, name="followup_customer")

CUSTOMER_COLUMNS: dict[str, SqlColumn] = {
    "name": Customer.name,
    "company": Customer.company,
    "kind": Customer.kind,
    "phone": Customer.phone,
    "email": Customer.email,
    "city": Customer.city,
    "tier": Customer.tier,
    "status": Customer.status,
    "owner": _CUSTOMER_OWNER.display_name,
    "last_contact_at": Customer.last_contact_at,
}

FOLLOWUP_COLUMNS: dict[str, SqlColumn] = {
    "due_at": FollowUp.due_at,
    "subject": FollowUp.subject,
    "customer": _FOLLOWUP_CUSTOMER.name,
    "channel": FollowUp.channel,
    "status": FollowUp.status,
    "owner": _FOLLOWUP_OWNER.display_name,
}

OPPORTUNITY_COLUMNS: dict[str, SqlColumn] = {
    "expected_close": Opportunity.expected_close,
    "title": Opportunity.title,
    "customer": _OPPORTUNITY_CUSTOMER.name,
    "stage": Stage.name,
    "amount": Opportunity.amount_minor,
    "probability": func.coalesce(Opportunity.probability, Stage.default_probability),
    "status": Opportunity.status,
    "owner": _OPPORTUNITY_OWNER.display_name,
}


def _live(table: str) -> ColumnElement[bool]:
    """``deleted_at IS NULL``, written so that SQLite walks the sort column's index instead of
    the (unselective) ``deleted_at`` index and then sorting every row."""
    return literal_column(f"+{table}.deleted_at").is_(None)


def _customer_filter(query: Select[Any], search: str | None) -> Select[Any]:
    query = query.where(_live("customers"))
    if search and search.strip():
        query = query.where(customer_search_clause(search))
    return query


def _ordered(
    query: Select[Any], columns: dict[str, SqlColumn], table: str, key: str, desc: bool
) -> Select[Any]:
    if key not in columns:
        raise ValueError(f"unknown sort key {key!r}")
    column = columns[key]
    rowid: ColumnElement[Any] = literal_column(f"{table}.rowid")
    if desc:
        return query.order_by(column.desc(), rowid.desc())
    return query.order_by(column.asc(), rowid.asc())


def _fetch(db: Database, query: Select[Any], offset: int, limit: int) -> list[Row]:
    with db.session() as session:
        return [tuple(r) for r in session.execute(query.offset(offset).limit(limit))]


# --- customers ---------------------------------------------------------------------------------


def customer_page(
    db: Database,
    offset: int,
    limit: int,
    order_by: str = "name",
    descending: bool = False,
    *,
    search: str | None = None,
) -> list[Row]:
    """``(id, name, company, kind, phone, email, city, tier, status, owner, last_contact_at)``."""
    query = select(Customer.id, *CUSTOMER_COLUMNS.values()).outerjoin(
        _CUSTOMER_OWNER, _CUSTOMER_OWNER.id == Customer.owner_id
    )
    query = _ordered(
        _customer_filter(query, search), CUSTOMER_COLUMNS, "customers", order_by, descending
    )
    return _fetch(db, query, offset, limit)


def customer_count(db: Database, search: str | None = None) -> int:
    query = _customer_filter(select(func.count()).select_from(Customer), search)
    with db.session() as session:
        return int(session.scalar(query) or 0)


# --- follow-ups --------------------------------------------------------------------------------


def _followup_base(query: Select[Any]) -> Select[Any]:
    return query.join(_FOLLOWUP_CUSTOMER, _FOLLOWUP_CUSTOMER.id == FollowUp.customer_id).where(
        _live("followups"), _live("followup_customer")
    )


def followup_page(
    db: Database, offset: int, limit: int, order_by: str = "due_at", descending: bool = False
) -> list[Row]:
    """``(id, due_at, subject, customer, channel, status, owner)``."""
    query = _followup_base(select(FollowUp.id, *FOLLOWUP_COLUMNS.values())).outerjoin(
        _FOLLOWUP_OWNER, _FOLLOWUP_OWNER.id == FollowUp.owner_id
    )
    return _fetch(
        db, _ordered(query, FOLLOWUP_COLUMNS, "followups", order_by, descending), offset, limit
    )


def followup_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(_followup_base(select(func.count(FollowUp.id)))) or 0)


# --- opportunities -----------------------------------------------------------------------------


def _opportunity_base(query: Select[Any]) -> Select[Any]:
    return query.join(
        _OPPORTUNITY_CUSTOMER, _OPPORTUNITY_CUSTOMER.id == Opportunity.customer_id
    ).where(_live("opportunities"), _live("opportunity_customer"))


def opportunity_page(
    db: Database,
    offset: int,
    limit: int,
    order_by: str = "expected_close",
    descending: bool = False,
) -> list[Row]:
    """``(id, expected_close, title, customer, stage, amount (Money), probability, status,
    owner)``."""
    query = (
        _opportunity_base(
            select(Opportunity.id, *OPPORTUNITY_COLUMNS.values(), Opportunity.currency)
        )
        .join(Stage, Stage.id == Opportunity.stage_id)
        .outerjoin(_OPPORTUNITY_OWNER, _OPPORTUNITY_OWNER.id == Opportunity.owner_id)
    )
    query = _ordered(query, OPPORTUNITY_COLUMNS, "opportunities", order_by, descending)
    amount = 1 + list(OPPORTUNITY_COLUMNS).index("amount")
    rows = []
    for row in _fetch(db, query, offset, limit):
        values = list(row[:-1])
        values[amount] = Money.from_minor(int(values[amount] or 0), row[-1])
        rows.append(tuple(values))
    return rows


def opportunity_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(_opportunity_base(select(func.count(Opportunity.id)))) or 0)
