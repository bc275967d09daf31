"""Follow-up activity by owner and channel: done, still planned, and overdue, in the period.

Done: done follow-ups that happened in the period. Planned: planned ones due in the period and
not yet due. Overdue: planned ones due in the period whose due time has passed.
Follow-ups that are deleted, or of deleted customers, are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, literal, select, union_all
from sqlalchemy.orm import Session

from crm_desktop.db.models import Customer, FollowUp, ReportFollowUpDay
from crm_desktop.services.reports.days import Span, day_text, edges, split_at_day, whole_days
from crm_desktop.services.reports.period import ReportFilter
from crm_desktop.services.reports.sales import owner_names


@dataclass(frozen=True)
class ActivityRow:
    owner_id: str | None
    owner: str | None
    channel: str
    done: int
    planned: int
    overdue: int


def _live(flt: ReportFilter) -> list[ColumnElement[bool]]:
    deleted = select(Customer.id).where(Customer.deleted_at.is_not(None))
    where: list[ColumnElement[bool]] = [
        FollowUp.deleted_at.is_(None),
        FollowUp.customer_id.not_in(deleted),
    ]
    if flt.owner_id is not None:
        where.append(FollowUp.owner_id == flt.owner_id)
    return where


def _exact(
    session: Session,
    flt: ReportFilter,
    now: datetime,
    done_spans: list[Span],
    planned_spans: list[Span],
) -> list[Any]:
    """The figures of the rows themselves, done in ``done_spans``, planned in the others."""
    parts: list[Any] = []
    for start, end in done_spans:
        parts.append(
            select(FollowUp.owner_id, FollowUp.channel, func.count(), literal(0), literal(0))
            .where(
                FollowUp.status == "done",
                *_live(flt),
                FollowUp.occurred_at >= start,
                FollowUp.occurred_at < end,
            )
            .group_by(FollowUp.owner_id, FollowUp.channel)
        )
    overdue = FollowUp.due_at < now
    for start, end in planned_spans:
        parts.append(
            select(
                FollowUp.owner_id,
                FollowUp.channel,
                literal(0),
                func.sum(func.iif(overdue, 0, 1)),
                func.sum(func.iif(overdue, 1, 0)),
            )
            .where(
                FollowUp.status == "planned",
                *_live(flt),
                FollowUp.due_at >= start,
                FollowUp.due_at < end,
            )
            .group_by(FollowUp.owner_id, FollowUp.channel)
        )
    if not parts:
        return []
    return list(session.execute(union_all(*parts)))


def _summed(
    session: Session, figures: Iterable[tuple[str | None, str, int, int, int]]
) -> list[ActivityRow]:
    acc: dict[tuple[str | None, str], list[int]] = {}
    for owner_id, channel, n_done, n_planned, n_late in figures:
        sums = acc.setdefault((owner_id, channel), [0, 0, 0])
        sums[0] += int(n_done or 0)
        sums[1] += int(n_planned or 0)
        sums[2] += int(n_late or 0)
    names = owner_names(session)
    rows = [
        ActivityRow(owner_id, names.get(owner_id), channel, *sums)
        for (owner_id, channel), sums in acc.items()
        if any(sums)
    ]
    rows.sort(key=lambda r: (r.owner is None, r.owner or "", r.channel))
    return rows


def activity_from_rows(session: Session, flt: ReportFilter, now: datetime) -> list[ActivityRow]:
    """The report counted from the follow-ups themselves (the reference for the tables)."""
    span = [flt.bounds()]
    return _summed(session, _exact(session, flt, now, span, span))


def activity(session: Session, flt: ReportFilter, now: datetime) -> list[ActivityRow]:
    """Whole UTC days from ``report_followup_days`` (planned ones due before today's UTC day
    are overdue, after it not yet), the period's partial edge days and today's planned ones
    from the rows."""
    start, end = flt.bounds()
    days = whole_days(start, end)
    before, today, after = split_at_day(days, now)
    outside = edges(start, end, days)
    figures: list[Any] = _exact(
        session, flt, now, outside, outside + ([today] if today is not None else [])
    )
    table = ReportFollowUpDay

    def grouped(kind: str, span: Span) -> Any:
        query = (
            select(table.owner_id, table.channel, func.sum(table.count))
            .where(
                table.kind == kind, table.day >= day_text(span[0]), table.day < day_text(span[1])
            )
            .group_by(table.owner_id, table.channel)
        )
        if flt.owner_id is not None:
            query = query.where(table.owner_id == flt.owner_id)
        return session.execute(query) if span[0] < span[1] else []

    for owner, channel, n in grouped("done", days):
        figures.append((owner or None, channel, n, 0, 0))
    for owner, channel, n in grouped("planned", before):
        figures.append((owner or None, channel, 0, 0, n))
    for owner, channel, n in grouped("planned", after):
        figures.append((owner or None, channel, 0, n, 0))
    return _summed(session, figures)
