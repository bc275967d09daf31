"""The customer list's filters: search text plus combinable field filters, as SQL conditions.

A ``CustomerFilter`` is plain data (it is what a saved view stores), and ``conditions`` turns it
into WHERE clauses over ``customers``. Every filter narrows the list (AND); the values inside
one filter widen it (a customer in either of two cities).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import CUSTOMER_NAME_KEY, Customer, CustomerTag, Opportunity
from crm_desktop.services.search import customer_search_clause


@dataclass(frozen=True)
class CustomerFilter:
    text: str = ""
    regions: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    tag_ids: tuple[str, ...] = ()
    owner_ids: tuple[str, ...] = ()
    no_contact_days: int | None = None  # last contact older than N days, or never
    has_open_opportunity: bool | None = None
    created_from: date | None = None
    created_to: date | None = None  # inclusive
    trash: bool = False  # the trash: deleted customers only

    def is_empty(self) -> bool:
        return self == CustomerFilter(trash=self.trash)

    def to_json(self) -> str:
        data = asdict(self)
        for key in ("created_from", "created_to"):
            data[key] = data[key].isoformat() if data[key] else None
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> CustomerFilter:
        data: dict[str, Any] = json.loads(text)
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, raw in data.items():
            if key not in known:
                continue  # a filter saved by a newer version: ignore what we do not know
            if isinstance(raw, list):
                values[key] = tuple(raw)
            elif key in ("created_from", "created_to") and raw:
                values[key] = date.fromisoformat(raw)
            else:
                values[key] = raw
        return cls(**values)


_LISTS = {
    "regions": Customer.region,
    "cities": Customer.city,
    "industries": Customer.industry,
    "tiers": Customer.tier,
    "statuses": Customer.status,
    "sources": Customer.source,
    "owner_ids": Customer.owner_id,
}


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def conditions(
    flt: CustomerFilter, now: datetime, *, broad_search: bool = False
) -> list[ColumnElement[bool]]:
    """WHERE clauses for a filter; ``now`` is injected so views are testable at fixed times.
    ``broad_search``: see ``search.customer_search_clause``."""
    where: list[ColumnElement[bool]] = [
        Customer.deleted_at.is_not(None) if flt.trash else Customer.deleted_at.is_(None)
    ]
    if flt.text.strip():
        where.append(customer_search_clause(flt.text, broad=broad_search))
    for name, column in _LISTS.items():
        values = getattr(flt, name)
        if values:
            where.append(column.in_(values))
    if flt.tag_ids:
        where.append(
            exists().where(
                CustomerTag.customer_id == Customer.id, CustomerTag.tag_id.in_(flt.tag_ids)
            )
        )
    if flt.no_contact_days is not None:
        cutoff = now - timedelta(days=flt.no_contact_days)
        where.append(or_(Customer.last_contact_at.is_(None), Customer.last_contact_at < cutoff))
    if flt.has_open_opportunity is not None:
        has_open = exists(
            select(Opportunity.id).where(
                Opportunity.customer_id == Customer.id,
                Opportunity.status == "open",
                Opportunity.deleted_at.is_(None),
            )
        )
        where.append(has_open if flt.has_open_opportunity else ~has_open)
    if flt.created_from is not None:
        where.append(Customer.created_at >= _day_start(flt.created_from))
    if flt.created_to is not None:
        where.append(Customer.created_at < _day_start(flt.created_to + timedelta(days=1)))
    return where


@dataclass(frozen=True)
class SavedView:
    """A named filter with its sort and visible columns."""

    id: str
    name: str
    filter: CustomerFilter
    sort_column: str = "name"
    descending: bool = False
    columns: tuple[str, ...] = field(default_factory=tuple)


def matching_ids(session: Session, flt: CustomerFilter, now: datetime) -> list[str]:
    """Ids of the customers a filter selects, by name (for tests, pickers and bulk actions)."""
    query = select(Customer.id).where(*conditions(flt, now)).order_by(CUSTOMER_NAME_KEY)
    return list(session.scalars(query))
