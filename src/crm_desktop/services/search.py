"""Customer search: what the user typed, turned into a filter over the FTS5 index."""

from __future__ import annotations

from sqlalchemy import ColumnElement, column, func, literal_column, select, table, true
from sqlalchemy.orm import Session

from crm_desktop.db.models import Customer
from crm_desktop.domain.search_text import match_query

_index = table("customer_search", column("rowid"))
_index_match: ColumnElement[str] = literal_column("customer_search")


def customer_search_clause(text: str, *, broad: bool = False) -> ColumnElement[bool]:
    """A WHERE clause matching customers whose text contains every run the user typed.

    An empty or unsearchable text matches everything. ``broad`` (many matches) writes the
    membership test so that SQLite cannot drive the query by it (``+rowid``): it then walks the
    sort column's index and checks each row against the matches, and the first screenful
    comes at once instead of after looking up and sorting every match.
    """
    expression = match_query(text)
    if expression is None:
        return true()
    matching = select(_index.c.rowid).where(_index_match.op("MATCH")(expression))
    rowid: ColumnElement[int] = literal_column("+customers.rowid" if broad else "customers.rowid")
    return rowid.in_(matching.scalar_subquery())


def match_count(session: Session, text: str) -> int:
    """How many customers (deleted ones included) the index matches: cheap, from doclists."""
    expression = match_query(text)
    if expression is None:
        return 0
    query = select(func.count()).select_from(_index).where(_index_match.op("MATCH")(expression))
    return int(session.scalar(query) or 0)


def search_customer_ids(session: Session, text: str, limit: int = 50) -> list[str]:
    """Ids of live customers matching ``text``, by name (for pickers and tests)."""
    return list(
        session.scalars(
            select(Customer.id)
            .where(customer_search_clause(text), Customer.deleted_at.is_(None))
            .order_by(Customer.name)
            .limit(limit)
        )
    )
