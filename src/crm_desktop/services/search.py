"""Customer search: what the user typed, turned into a filter over the FTS5 index."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    case,
    column,
    func,
    literal_column,
    select,
    table,
    true,
)
from sqlalchemy.orm import Session

from crm_desktop.db.bulk import suspended_triggers
from crm_desktop.db.models import CUSTOMER_NAME_KEY, Contact, Customer
from crm_desktop.domain.search_text import RECORD_SEP, match_query, query_terms

RANKED_MATCHES = 500
# The triggers that index each new customer (migrations 0002 and 0013); a bulk load may do
# their work.
INSERT_TRIGGER = "customer_search_insert"
HEADS_INSERT_TRIGGER = "customer_heads_insert"
SEARCH_INDEX, HEADS_INDEX = "customer_search", "customer_name_heads"

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


_heads = table("customer_name_heads", column("rowid"))
_heads_match: ColumnElement[str] = literal_column("customer_name_heads")


def name_starts_clause(text: str, *, walk: bool = False) -> ColumnElement[bool] | None:
    """A WHERE clause matching customers whose name starts with every run the user typed (a
    word of it, or its pinyin or initials: ``search_text.name_heads``); None when nothing is
    searchable. ``walk`` as ``broad`` in ``customer_search_clause``."""
    expression = match_query(text)
    if expression is None:
        return None
    matching = select(_heads.c.rowid).where(_heads_match.op("MATCH")(expression))
    rowid: ColumnElement[int] = literal_column("+customers.rowid" if walk else "customers.rowid")
    return rowid.in_(matching.scalar_subquery())


def name_start_count(session: Session, text: str, cap: int) -> int:
    """How many customers' names start with ``text`` (counting stops after ``cap + 1``)."""
    expression = match_query(text)
    if expression is None:
        return 0
    conn: Any = session.connection().connection.driver_connection
    row = conn.execute(
        "SELECT count(*) FROM (SELECT rowid FROM customer_name_heads"
        " WHERE customer_name_heads MATCH ? LIMIT ?)",
        (expression, cap + 1),
    ).fetchone()
    return int(row[0])


def match_count(session: Session, text: str, cap: int | None = None) -> int:
    """How many customers (deleted ones included) the index matches: cheap, from doclists.
    With ``cap``, counting stops after ``cap + 1`` (enough to tell a broad search)."""
    expression = match_query(text)
    if expression is None:
        return 0
    # Plain SQL on the session's connection: asked before every search, and building the
    # statement through SQLAlchemy costs more than SQLite takes to answer it.
    conn: Any = session.connection().connection.driver_connection
    limit = -1 if cap is None else cap + 1
    row = conn.execute(
        "SELECT count(*) FROM (SELECT rowid FROM customer_search"
        " WHERE customer_search MATCH ? LIMIT ?)",
        (expression, limit),
    ).fetchone()
    return int(row[0])


def relevance(session: Session, text: str) -> ColumnElement[int] | None:
    """An ORDER BY term putting the best matches of a search first (``search_text.search_rank``:
    name starts with it, then a contact's name does, then a name contains it, then the rest),
    or None when there is nothing to rank or too much: it is computed for every matching row
    (a Python call, and a read of the contacts where the name did not rank first; on a
    1,000,000-customer file about 0.1-0.3 ms a row with a cold cache), so only up to
    ``RANKED_MATCHES`` matches are ranked. More are listed in plain order, which a broad search
    can walk in an index (see ``customer_search_clause``)."""
    terms = query_terms(text)
    if not terms or match_count(session, text, cap=RANKED_MATCHES) > RANKED_MATCHES:
        return None
    joined = " ".join(terms)
    contacts = (
        select(func.group_concat(Contact.name, RECORD_SEP))
        .where(Contact.customer_id == Customer.id, Contact.deleted_at.is_(None))
        .scalar_subquery()
    )
    # The contacts are read only when the name itself did not rank first: on a big file each
    # customer's contacts are a page read of their own.
    by_name = func.crm_search_rank(joined, Customer.name, Customer.kind, None, type_=Integer)
    rank: ColumnElement[int] = case(
        (by_name == 0, 0),
        else_=func.crm_search_rank(joined, Customer.name, Customer.kind, contacts, type_=Integer),
    )
    return rank


def search_customer_ids(session: Session, text: str, limit: int = 50) -> list[str]:
    """Ids of live customers matching ``text``, by name (for pickers and tests)."""
    return list(
        session.scalars(
            select(Customer.id)
            .where(customer_search_clause(text), Customer.deleted_at.is_(None))
            .order_by(CUSTOMER_NAME_KEY)
            .limit(limit)
        )
    )


@contextmanager
def bulk_indexing(session: Session) -> Iterator[None]:
    """Inside the block, new customers are not indexed one by one by the insert triggers: the
    caller indexes them before the block ends (same transaction), so both indexes are current
    when the transaction commits: ``(rowid, search_text.customer_document(...))`` into
    ``SEARCH_INDEX`` and ``(rowid, search_text.name_heads(name, kind))`` into ``HEADS_INDEX``.

    Besides the trigger's own statement per row, this spares FTS5 a flush per row: inside a
    trigger each row's insert runs under a savepoint, at which FTS5 writes its pending terms
    to disk as a new tiny segment (and merges them ever after); a plain insert of many rows
    keeps them in memory until its buffer fills."""
    with suspended_triggers(session, (INSERT_TRIGGER, HEADS_INSERT_TRIGGER)):
        yield
