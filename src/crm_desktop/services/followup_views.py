"""The follow-up list's views (today, overdue, upcoming, done, all) and filters, as SQL.

The same shape as the customer list (``customer_list``): a view asks for the ordered
``rowid``s of what its filter selects, in chunks, and fetches the columns of the rows on
screen only. "Now" is injected, and day boundaries (today, a period) follow the time zone of
the ``now`` given, so every view is testable at a fixed time. Planned views walk the
``(status, due_at)`` index; the owner filter walks ``(owner_id, status, due_at)``.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, func, literal_column, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from crm_desktop.db.models import CUSTOMER_NAME_KEY, Customer, FollowUp, User
from crm_desktop.domain.enums import FollowUpStatus
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services.rowid_stream import stream_rowids

ROWID: ColumnElement[int] = literal_column("followups.rowid")
FIRST_CHUNK = 500
CHUNK = 20_000
UPCOMING_DAYS = 7
PLANNED = FollowUpStatus.PLANNED.value
_OWNER = aliased(User, name="followup_owner")
SqlColumn = ColumnElement[Any] | InstrumentedAttribute[Any]


class View(StrEnum):
    TODAY = "today"
    OVERDUE = "overdue"
    UPCOMING = "upcoming"
    DONE = "done"
    ALL = "all"


VIEW_LABELS: dict[View, str] = {
    View.TODAY: QT_TRANSLATE_NOOP("FollowUpViews", "Today"),
    View.OVERDUE: QT_TRANSLATE_NOOP("FollowUpViews", "Overdue"),
    View.UPCOMING: QT_TRANSLATE_NOOP("FollowUpViews", "Upcoming (7 days)"),
    View.DONE: QT_TRANSLATE_NOOP("FollowUpViews", "Done"),
    View.ALL: QT_TRANSLATE_NOOP("FollowUpViews", "All"),
}


@dataclass(frozen=True)
class FollowUpFilter:
    """One view plus the filters the user chose; periods are local calendar days."""

    view: View = View.TODAY
    owner_ids: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    customer_id: str | None = None
    opportunity_id: str | None = None
    period_from: date | None = None
    period_to: date | None = None  # inclusive


class FollowUpRow(NamedTuple):
    id: str
    due_at: datetime | None
    subject: str
    customer: str
    channel: str
    status: str
    owner: str | None
    occurred_at: datetime | None
    outcome: str | None
    last_contact_at: datetime | None
    next_followup_at: datetime | None
    remind_at: datetime | None
    customer_id: str

    def is_overdue(self, now: datetime) -> bool:
        return self.status == PLANNED and self.due_at is not None and self.due_at < now


SORTS: dict[str, SqlColumn] = {
    "due_at": FollowUp.due_at,
    "subject": FollowUp.subject,
    "customer": CUSTOMER_NAME_KEY,  # pinyin order, as the customer list
    "channel": FollowUp.channel,
    "status": FollowUp.status,
    "owner": _OWNER.display_name,
    "occurred_at": FollowUp.occurred_at,
    "outcome": FollowUp.outcome,
    "last_contact_at": Customer.last_contact_at,
    "next_followup_at": Customer.next_followup_at,
    "remind_at": FollowUp.remind_at,
}
_ROW_COLUMNS = (
    FollowUp.id, FollowUp.due_at, FollowUp.subject, Customer.name, FollowUp.channel,
    FollowUp.status, _OWNER.display_name, FollowUp.occurred_at, FollowUp.outcome,
    Customer.last_contact_at, Customer.next_followup_at, FollowUp.remind_at, FollowUp.customer_id,
)  # fmt: skip


def day_start(day: date, like: datetime) -> datetime:
    """Local midnight of ``day`` in the time zone of ``like``."""
    return datetime.combine(day, time.min, tzinfo=like.tzinfo)


def today_bounds(now: datetime) -> tuple[datetime, datetime]:
    start = day_start(now.date(), now)
    return start, day_start(now.date() + timedelta(days=1), now)


def time_key(view: View) -> str:
    """The time a view is about: when it was done for Done, the due time otherwise."""
    return "occurred_at" if view == View.DONE else "due_at"


def _view_conditions(view: View, now: datetime) -> list[ColumnElement[bool]]:
    planned = FollowUp.status == PLANNED
    if view == View.TODAY:
        start, end = today_bounds(now)
        return [planned, FollowUp.due_at >= start, FollowUp.due_at < end]
    if view == View.OVERDUE:
        return [planned, FollowUp.due_at < now]
    if view == View.UPCOMING:
        return [planned, FollowUp.due_at >= now, FollowUp.due_at < now + timedelta(UPCOMING_DAYS)]
    if view == View.DONE:
        return [FollowUp.status == FollowUpStatus.DONE.value]
    return []


def conditions(flt: FollowUpFilter, now: datetime) -> list[ColumnElement[bool]]:
    """WHERE clauses over ``followups`` (no join needed).

    Follow-ups of deleted customers are left out with ``NOT IN`` the deleted customers, as
    the pipeline does: that set is tiny (partial index, migration 0004), where a join looks
    up every follow-up's customer — on a file of millions, random reads of customer pages
    that cost 0.2 s for the first 500 rows of a view.
    """
    deleted = select(Customer.id).where(Customer.deleted_at.is_not(None))
    live: ColumnElement[bool] = literal_column("+followups.deleted_at").is_(None)
    if flt.view in (View.TODAY, View.OVERDUE, View.UPCOMING):
        # plain, so that counts may use the partial index of live follow-ups by status and
        # due time with their customer (ix_followups_report_due): no row read at all
        live = FollowUp.deleted_at.is_(None)
    where: list[ColumnElement[bool]] = [
        # elsewhere the unary + keeps SQLite on the status/due index, not the deleted_at one
        live,
        FollowUp.customer_id.not_in(deleted),
        *_view_conditions(flt.view, now),
    ]
    if flt.owner_ids:
        where.append(FollowUp.owner_id.in_(flt.owner_ids))
    if flt.channels:
        where.append(FollowUp.channel.in_(flt.channels))
    if flt.customer_id is not None:
        where.append(FollowUp.customer_id == flt.customer_id)
    if flt.opportunity_id is not None:
        where.append(FollowUp.opportunity_id == flt.opportunity_id)
    column = FollowUp.occurred_at if flt.view == View.DONE else FollowUp.due_at
    if flt.period_from is not None:
        where.append(column >= day_start(flt.period_from, now))
    if flt.period_to is not None:
        where.append(column < day_start(flt.period_to + timedelta(days=1), now))
    return where


CUSTOMER_SORTS = ("customer", "last_contact_at", "next_followup_at")


def _base(query: Select[Any], flt: FollowUpFilter, now: datetime) -> Select[Any]:
    return query.where(*conditions(flt, now))


def ordered_query(
    flt: FollowUpFilter, now: datetime, sort: str = "due_at", descending: bool = False
) -> Select[Any]:
    if sort not in SORTS:
        raise ValueError(f"unknown sort key {sort!r}")
    query = _base(select(ROWID).select_from(FollowUp), flt, now)
    if sort in CUSTOMER_SORTS:
        query = query.join(Customer, Customer.id == FollowUp.customer_id)
    if sort == "owner":
        query = query.outerjoin(_OWNER, _OWNER.id == FollowUp.owner_id)
    order = SORTS[sort]
    if descending:
        return query.order_by(order.desc(), ROWID.desc())
    return query.order_by(order.asc(), ROWID.asc())


def iter_rowids(
    session: Session,
    flt: FollowUpFilter,
    now: datetime,
    sort: str = "due_at",
    descending: bool = False,
) -> Iterator[array[int]]:
    """The rowids a filter selects, in order: a small first chunk, then big ones."""
    return stream_rowids(session, ordered_query(flt, now, sort, descending), FIRST_CHUNK, CHUNK)


def ordered_rowids(
    session: Session,
    flt: FollowUpFilter,
    now: datetime,
    sort: str = "due_at",
    descending: bool = False,
) -> array[int]:
    ids = array("q")
    for chunk in iter_rowids(session, flt, now, sort, descending):
        ids.extend(chunk)
    return ids


def fetch_rows(session: Session, rowids: Sequence[int]) -> dict[int, FollowUpRow]:
    """``rowid → FollowUpRow`` for the given rows (those on screen)."""
    if not rowids:
        return {}
    query = (
        select(ROWID, *_ROW_COLUMNS)
        .select_from(FollowUp)
        .join(Customer, Customer.id == FollowUp.customer_id)
        .outerjoin(_OWNER, _OWNER.id == FollowUp.owner_id)
        .where(ROWID.in_(list(dict.fromkeys(rowids))))
    )
    return {row[0]: FollowUpRow(*row[1:]) for row in session.execute(query)}


def ids_of(session: Session, rowids: Sequence[int]) -> list[str]:
    """The follow-up ids of rowids (a selection), in the order given."""
    found: dict[int, str] = {}
    wanted = list(dict.fromkeys(rowids))
    for start in range(0, len(wanted), 10_000):
        part = wanted[start : start + 10_000]
        query = select(ROWID, FollowUp.id).select_from(FollowUp).where(ROWID.in_(part))
        found.update((rowid, fid) for rowid, fid in session.execute(query))
    return [found[r] for r in wanted if r in found]


def count(session: Session, flt: FollowUpFilter, now: datetime) -> int:
    return int(session.scalar(_base(select(func.count()).select_from(FollowUp), flt, now)) or 0)


PLANNED_VIEWS = (View.TODAY, View.OVERDUE, View.UPCOMING)


def cheap_views(flt: FollowUpFilter) -> tuple[View, ...]:
    """The views whose counts are quick to take: the planned ones (index ranges over the
    planned rows) always, Done and All only when a customer or a deal narrows them — on
    a file of millions, counting every follow-up would take seconds at each click."""
    if flt.customer_id is not None or flt.opportunity_id is not None:
        return tuple(View)
    return PLANNED_VIEWS


def counts(
    session: Session,
    flt: FollowUpFilter,
    now: datetime,
    which: tuple[View, ...] | None = None,
) -> dict[View, int]:
    """The number of rows of the views (all by default) under the same filters."""
    chosen = tuple(View) if which is None else which
    return {view: count(session, replace(flt, view=view), now) for view in chosen}


def overdue_count(session: Session, now: datetime, owner_ids: tuple[str, ...] = ()) -> int:
    return count(session, FollowUpFilter(View.OVERDUE, owner_ids=owner_ids), now)


def newly_overdue(session: Session, since: datetime, now: datetime) -> int:
    """How many planned follow-ups fell due in ``[since, now)``: what a scheduler wake-up
    adds to the overdue count without counting every overdue row again."""
    query = _base(select(func.count()).select_from(FollowUp), FollowUpFilter(View.ALL), now)
    query = query.where(FollowUp.status == PLANNED, FollowUp.due_at >= since, FollowUp.due_at < now)
    return int(session.scalar(query) or 0)
