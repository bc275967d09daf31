"""The customer list for a million rows: ordered row ids for a filter, then rows on demand.

A view asks once for the ordered ``rowid``s of everything its
filter selects (``iter_rowids``, in chunks, so the first screenful arrives at once and the rest
streams in), keeps them in a compact integer array, and fetches the columns of just the rows on
screen (``fetch_rows``). Sorting is done by SQLite, using the partial indexes on live
customers where one exists. Memory therefore follows the screen, plus 8 bytes per matching row.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Float, and_, case, cast, func, literal_column, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from crm_desktop.db.models import (
    CUSTOMER_NAME_KEY,
    LIVE_SORT_COLUMNS,
    Customer,
    CustomerTag,
    CustomFieldDef,
    CustomFieldValue,
    Tag,
    User,
)
from crm_desktop.domain.enums import CustomFieldType
from crm_desktop.domain.sort_key import name_prefix_key
from crm_desktop.services import list_columns, search
from crm_desktop.services.customer_filters import CustomerFilter, conditions
from crm_desktop.services.name_order import chunked, name_starts_in_order, ranked_search
from crm_desktop.services.rowid_stream import stream_rowids
from crm_desktop.services.search import (
    match_count,
    name_start_count,
    name_starts_clause,
    relevance,
)

ROWID: ColumnElement[int] = literal_column("customers.rowid")
FIRST_CHUNK = 500
BROAD_MATCHES = 5_000  # above this, a search walks the sort column's index (see search.py)
# up to this many matches of a plain search are put in name order in memory (name_order.py)
NAME_ORDER_MATCHES = 20_000
NAME_STARTS_SORTED = 5_000  # a broad search puts up to this many name starts first, sorted
CHUNK = 5_000  # small: a keystroke cancels a stream after at most one more chunk
CUSTOM_PREFIX = "custom:"
DEFAULT_COLUMNS = list_columns.DEFAULT_COLUMNS

_OWNER = aliased(User, name="list_owner")
SqlColumn = ColumnElement[Any] | InstrumentedAttribute[Any]


@dataclass(frozen=True)
class ListColumn:
    key: str
    label: str  # marked for translation, context "Columns" (see list_columns.py)
    expression: SqlColumn | None  # None: computed per row (tags)
    kind: str = "text"  # text, enum, date, datetime, user, tags, number


_EXPRESSIONS: dict[str, SqlColumn | None] = {
    "name": Customer.name,
    "company": Customer.company,
    "kind": Customer.kind,
    "phone": Customer.phone,
    "email": Customer.email,
    "region": Customer.region,
    "city": Customer.city,
    "industry": Customer.industry,
    "source": Customer.source,
    "tier": Customer.tier,
    "status": Customer.status,
    "owner": _OWNER.display_name,
    "tags": None,
    "last_contact_at": Customer.last_contact_at,
    "next_followup_at": Customer.next_followup_at,
    "created_at": Customer.created_at,
    "updated_at": Customer.updated_at,
    "birthday": Customer.birthday,
    "gender": Customer.gender,
    "address": Customer.address,
    "notes": Customer.notes,
}
COLUMNS: dict[str, ListColumn] = {
    key: ListColumn(key, label, _EXPRESSIONS[key], kind)
    for key, (label, kind) in list_columns.BUILT_IN.items()
}


def _custom_value(field_id: str) -> ColumnElement[Any]:
    values = aliased(CustomFieldValue)
    return (
        select(values.value)
        .where(values.record_id == Customer.id, values.field_id == field_id)
        .scalar_subquery()
    )


def expression(key: str) -> SqlColumn:
    """The SQL expression of a sortable column; custom fields are ``custom:<field id>``."""
    if key.startswith(CUSTOM_PREFIX):
        return _custom_value(key[len(CUSTOM_PREFIX) :])
    if key == "name":
        return CUSTOMER_NAME_KEY  # pinyin order, from the index of migration 0012
    column = COLUMNS.get(key)
    if column is None or column.expression is None:
        raise ValueError(f"the column {key!r} cannot be sorted")
    return column.expression


def is_sortable(key: str) -> bool:
    return key.startswith(CUSTOM_PREFIX) or (key in COLUMNS and COLUMNS[key].expression is not None)


def _is_broad(session: Session, flt: CustomerFilter, sort: str) -> bool:
    """A search matching so many customers that walking the sort index beats sorting them."""
    if not flt.text.strip() or flt.trash or sort not in LIVE_SORT_COLUMNS:
        return False
    return match_count(session, flt.text, cap=BROAD_MATCHES) > BROAD_MATCHES


def _sorted_in_memory(flt: CustomerFilter, sort: str, descending: bool) -> bool:
    """A plain search in name order: its matches may be put in order by the in-memory name
    order (``name_order.ranked_search``) when there are more than the finely ranked few."""
    return (
        sort == "name"
        and not descending
        and bool(flt.text.strip())
        and replace(flt, text="") == CustomerFilter()
    )


def _ordered_query(
    session: Session,
    flt: CustomerFilter,
    sort: str,
    descending: bool,
    now: datetime,
    broad: bool | None = None,
) -> Any:
    """``broad``: ``_is_broad``'s answer when the caller has it already."""
    if broad is None:
        broad = _is_broad(session, flt, sort)
    query = select(ROWID).select_from(Customer).where(*conditions(flt, now, broad_search=broad))
    if sort == "owner":
        query = query.outerjoin(_OWNER, _OWNER.id == Customer.owner_id)
    order = expression(sort)
    if sort.startswith(CUSTOM_PREFIX):
        definition = session.get(CustomFieldDef, sort[len(CUSTOM_PREFIX) :])
        if definition is not None and definition.field_type == CustomFieldType.NUMBER:
            order = cast(order, Float)  # numbers are stored as exact text; sort by value
    if descending:
        return query.order_by(order.desc(), ROWID.desc())
    best = relevance(session, flt.text) if sort == "name" and not broad else None
    if best is not None:
        return query.order_by(best, order.asc(), ROWID.asc())
    starts = name_starts_clause(flt.text) if sort == "name" and not broad else None
    if starts is not None:  # too many to rank finely: names that start with it come first
        return query.order_by(case((starts, 0), else_=1), order.asc(), ROWID.asc())
    return query.order_by(order.asc(), ROWID.asc())


def _name_starts_first(
    session: Session, flt: CustomerFilter, now: datetime, in_memory: bool
) -> list[Any] | None:
    """For a broad search in name order, the parts to read one after the other (queries, or
    row ids already in order): first the names that start with the text as typed (a range of
    the name index: 张 → 张三, 张伟…), then other names with a word that starts with it, in
    pinyin or initials too (``zs`` → 张三, 曾思) when they are few enough to sort (with
    ``in_memory``, by the in-memory name order when it is ready: no row is read), then every
    other match. None when nothing goes first. For a broad search (``_is_broad``) only."""
    base = conditions(flt, now, broad_search=True)
    order = (CUSTOMER_NAME_KEY.asc(), ROWID.asc())
    parts: list[Any] = []
    later: list[ColumnElement[bool]] = []
    prefix = name_prefix_key(flt.text)
    if prefix is not None:
        # a name that starts with the text contains it: no need to ask the search index,
        # which would list every match first
        in_range = and_(prefix <= CUSTOMER_NAME_KEY, prefix + "\U0010ffff" > CUSTOMER_NAME_KEY)
        others = conditions(replace(flt, text=""), now)
        parts.append(select(ROWID).select_from(Customer).where(*others, in_range).order_by(*order))
        later.append(~in_range)
    if 0 < name_start_count(session, flt.text, cap=NAME_STARTS_SORTED) <= NAME_STARTS_SORTED:
        starts = name_starts_clause(flt.text)
        if starts is not None:
            known = name_starts_in_order(session, flt.text) if in_memory else None
            if known is not None:
                parts.append(known)
            else:
                query = select(ROWID).select_from(Customer).where(*base, starts, *later)
                parts.append(query.order_by(*order))
            later.append(~starts)
    if not parts:
        return None
    parts.append(select(ROWID).select_from(Customer).where(*base, *later).order_by(*order))
    return parts


def _joined(streams: Iterator[Iterator[array[int]]], first: int) -> Iterator[array[int]]:
    """The chunks of several streams one after the other; the first chunk is as big as one
    stream's would be (``first``), however few rows the first stream has."""
    pending: array[int] | None = array("q")
    for stream in streams:
        for ids in stream:
            if pending is None:
                yield ids
                continue
            pending.extend(ids)
            if len(pending) >= first:
                yield pending
                pending = None
    if pending:
        yield pending


def iter_rowids(
    session: Session,
    flt: CustomerFilter,
    sort: str = "name",
    descending: bool = False,
    now: datetime | None = None,
    first: int | None = None,
) -> Iterator[array[int]]:
    """The rowids a filter selects, in order, as arrays: a small first chunk (``first`` ids,
    what the screen shows: a broad search walking the name index stops as soon as it has
    them), then big ones.

    The caller may stop iterating at any time (a new keystroke); the cursor is then dropped.
    """
    now = now or datetime.now().astimezone()
    first = first or FIRST_CHUNK
    broad: bool | None = None
    if _sorted_in_memory(flt, sort, descending):
        matches = match_count(session, flt.text, cap=NAME_ORDER_MATCHES)
        broad = matches > BROAD_MATCHES
        if search.RANKED_MATCHES < matches <= NAME_ORDER_MATCHES:
            ranked = ranked_search(
                session, flt.text, first, CHUNK, by_range=broad, heads_cap=NAME_STARTS_SORTED
            )
            if ranked is not None:
                return ranked
    if broad is None:
        broad = _is_broad(session, flt, sort)  # asked once: it counts the search's matches
    starts_first = broad and sort == "name" and not descending
    plain = _sorted_in_memory(flt, sort, descending)
    parts = _name_starts_first(session, flt, now, plain) if starts_first else None
    if parts is not None:
        streams = (
            chunked(part, first, CHUNK)
            if isinstance(part, array)
            else stream_rowids(session, part, first, CHUNK)
            for part in parts
        )
        return _joined(streams, first)
    query = _ordered_query(session, flt, sort, descending, now, broad)
    return stream_rowids(session, query, first, CHUNK)


def ordered_rowids(
    session: Session,
    flt: CustomerFilter,
    sort: str = "name",
    descending: bool = False,
    now: datetime | None = None,
) -> array[int]:
    ids = array("q")
    for chunk in iter_rowids(session, flt, sort, descending, now):
        ids.extend(chunk)
    return ids


def fetch_rows(
    session: Session, rowids: Sequence[int], keys: Sequence[str]
) -> dict[int, tuple[Any, ...]]:
    """``rowid → (id, value for each key…)`` for the given rows (those on screen)."""
    if not rowids:
        return {}
    wanted = list(dict.fromkeys(rowids))
    plain = [k for k in keys if k != "tags"]
    columns = [
        expression(k) if k.startswith(CUSTOM_PREFIX) else COLUMNS[k].expression for k in plain
    ]
    query = (
        select(ROWID, Customer.id, *columns)
        .select_from(Customer)
        .outerjoin(_OWNER, _OWNER.id == Customer.owner_id)
        .where(ROWID.in_(wanted))
    )
    found = {row[0]: row[1:] for row in session.execute(query)}
    tags: dict[str, str] = {}
    if "tags" in keys and found:
        ids = [values[0] for values in found.values()]
        for customer_id, names in session.execute(
            select(CustomerTag.customer_id, func.group_concat(Tag.name, ", "))
            .join(Tag, and_(Tag.id == CustomerTag.tag_id, Tag.deleted_at.is_(None)))
            .where(CustomerTag.customer_id.in_(ids))
            .group_by(CustomerTag.customer_id)
        ):
            tags[customer_id] = names
    result: dict[int, tuple[Any, ...]] = {}
    for rowid, values in found.items():
        by_key = dict(zip(plain, values[1:], strict=True))
        by_key["tags"] = tags.get(values[0])
        result[rowid] = (values[0], *(by_key[k] for k in keys))
    return result


def count(session: Session, flt: CustomerFilter, now: datetime | None = None) -> int:
    query = (
        select(func.count())
        .select_from(Customer)
        .where(*conditions(flt, now or datetime.now().astimezone()))
    )
    return int(session.scalar(query) or 0)
