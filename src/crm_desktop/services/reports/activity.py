"""Follow-up activity by owner and channel: done, still planned, and overdue, in the period.

Done: done follow-ups that happened in the period. Planned: planned ones due in the period and
not yet due. Overdue: planned ones due in the period whose due time has passed.
Follow-ups that are deleted, or of deleted customers, are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, literal, select, union_all
from sqlalchemy.orm import Session

from crm_desktop.db.models import Customer, FollowUp
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


def activity(session: Session, flt: ReportFilter, now: datetime) -> list[ActivityRow]:
    start, end = flt.bounds()
    done = (
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
    planned = (
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
    acc: dict[tuple[str | None, str], list[int]] = {}
    for owner_id, channel, n_done, n_planned, n_late in session.execute(union_all(done, planned)):
        sums = acc.setdefault((owner_id, channel), [0, 0, 0])
        sums[0] += int(n_done or 0)
        sums[1] += int(n_planned or 0)
        sums[2] += int(n_late or 0)
    names = owner_names(session)
    rows = [
        ActivityRow(owner_id, names.get(owner_id), channel, *sums)
        for (owner_id, channel), sums in acc.items()
    ]
    rows.sort(key=lambda r: (r.owner is None, r.owner or "", r.channel))
    return rows
