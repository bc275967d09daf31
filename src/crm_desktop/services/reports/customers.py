"""Customer reports: new customers by month, churn, and customers by region/industry/source/tier.

Churn reads the change journal (the status field of customers): a customer churned in the
period when a journalled change took its status from active to dormant or lost there. The rate
is churned ÷ (churned + customers active at the period's end); who was active at the end is
today's status rolled back through the (few) status changes made after the end.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.orm import Session

from crm_desktop.db.models import Customer, ReportSegmentCount
from crm_desktop.db.types import to_utc_text
from crm_desktop.services.reports.period import ReportFilter

ACTIVE = json.dumps("active")
CHURNED = (json.dumps("dormant"), json.dumps("lost"))
SEGMENTS = ("region", "industry", "source", "tier")


def customer_conditions(flt: ReportFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Customer.deleted_at.is_(None)]
    if flt.owner_id is not None:
        where.append(Customer.owner_id == flt.owner_id)
    return where


@dataclass(frozen=True)
class MonthCount:
    month: str  # YYYY-MM, local
    count: int


def new_customers(session: Session, flt: ReportFilter) -> list[MonthCount]:
    """Customers created in the period, by local month (every month of the period listed)."""
    start, end = flt.bounds()
    month = flt.local_month(Customer.created_at)
    query = (
        select(month, func.count())
        .where(*customer_conditions(flt), Customer.created_at >= start, Customer.created_at < end)
        .group_by(month)
    )
    found = {m: int(n) for m, n in session.execute(query)}
    return [MonthCount(m, found.get(m, 0)) for m in flt.period.months()]


# Churn reads customers' status changes through their own small partial index (migration
# 0008); ``INDEXED BY`` says so, where the planner would walk the big (entity, record_id) one.


@dataclass(frozen=True)
class Churn:
    by_month: tuple[MonthCount, ...]
    churned: int
    active_at_end: int

    @property
    def rate(self) -> float | None:
        base = self.churned + self.active_at_end
        return self.churned / base if base else None


def churn(session: Session, flt: ReportFilter) -> Churn:
    start, end = flt.bounds()
    minutes = flt.offset_minutes()
    query = text(
        """
        SELECT month, count(*) FROM (
            SELECT j.record_id, min(substr(datetime(j.changed_at, :shift), 1, 7)) AS month
            FROM change_journal AS j INDEXED BY ix_change_journal_customer_status
            JOIN customers AS c ON c.id = j.record_id
            WHERE j.entity = 'customer' AND j.field = 'status'
              AND j.changed_at >= :start AND j.changed_at < :end
              AND j.old_value = :active AND j.new_value IN (:dormant, :lost)
              AND c.deleted_at IS NULL AND (:owner IS NULL OR c.owner_id = :owner)
            GROUP BY j.record_id
        ) GROUP BY month
        """
    )
    params = {
        "shift": f"{minutes:+d} minutes",
        "start": to_utc_text(start),
        "end": to_utc_text(end),
        "active": ACTIVE,
        "dormant": CHURNED[0],
        "lost": CHURNED[1],
        "owner": flt.owner_id,
    }
    found = {m: int(n) for m, n in session.execute(query, params)}
    by_month = tuple(MonthCount(m, found.get(m, 0)) for m in flt.period.months())
    return Churn(by_month, sum(found.values()), _active_at(session, flt))


def _active_at(session: Session, flt: ReportFilter) -> int:
    """Customers (created before the period's end) whose status was active at its end."""
    _start, end = flt.bounds()
    now_active = session.scalar(
        select(func.count()).where(
            *customer_conditions(flt), Customer.status == "active", Customer.created_at < end
        )
    )
    # Customers whose status changed after the end: take back today's status, put the one
    # they had at the end (the old value of their first change after it: with min(), SQLite
    # takes the bare columns from the row holding the minimum).
    query = text(
        """
        SELECT sum(first.old_value = :active), sum(c.status = 'active') FROM (
            SELECT j.record_id, j.old_value, min(j.seq)
            FROM change_journal AS j INDEXED BY ix_change_journal_customer_status
            WHERE j.entity = 'customer' AND j.field = 'status' AND j.changed_at >= :end
            GROUP BY j.record_id
        ) AS first JOIN customers AS c ON c.id = first.record_id
        WHERE c.created_at < :end
          AND c.deleted_at IS NULL AND (:owner IS NULL OR c.owner_id = :owner)
        """
    )
    params = {"active": ACTIVE, "end": to_utc_text(end), "owner": flt.owner_id}
    was_active, is_active = (int(v or 0) for v in session.execute(query, params).one())
    return int(now_active or 0) - is_active + was_active


@dataclass(frozen=True)
class SegmentRow:
    dimension: str  # region, industry, source or tier
    value: str | None
    count: int


def _segment_rows(sums: dict[str, dict[str | None, int]]) -> list[SegmentRow]:
    rows: list[SegmentRow] = []
    for name in SEGMENTS:
        ordered = sorted(
            ((v, n) for v, n in sums[name].items() if n),
            key=lambda kv: (kv[0] is None, -kv[1], kv[0] or ""),
        )
        rows.extend(SegmentRow(name, value, count) for value, count in ordered)
    return rows


def segments_from_rows(session: Session, flt: ReportFilter) -> list[SegmentRow]:
    """The report counted from the customers themselves (the reference for the table)."""
    # Grouped in the index's own order (owner first), so SQLite walks that index alone.
    columns = [Customer.owner_id, *(getattr(Customer, name) for name in SEGMENTS)]
    query = select(*columns, func.count()).where(*customer_conditions(flt)).group_by(*columns)
    sums: dict[str, dict[str | None, int]] = {name: {} for name in SEGMENTS}
    for _owner, *values, count in session.execute(query):
        for name, value in zip(SEGMENTS, values, strict=True):
            bucket = sums[name]
            bucket[value] = bucket.get(value, 0) + int(count)
    return _segment_rows(sums)


def segments(session: Session, flt: ReportFilter) -> list[SegmentRow]:
    """Live customers (today) by region, industry, source and tier, from the counts the
    triggers of migration 0010 keep. Largest first, unknown last."""
    table = ReportSegmentCount
    query = select(table.dimension, table.value, func.sum(table.count)).group_by(
        table.dimension, table.value
    )
    if flt.owner_id is not None:
        query = query.where(table.owner_id == flt.owner_id)
    sums: dict[str, dict[str | None, int]] = {name: {} for name in SEGMENTS}
    for dimension, value, count in session.execute(query):
        if dimension in sums:
            sums[dimension][value[1:] if value else None] = int(count or 0)
    return _segment_rows(sums)
