"""The reminder scheduler's core, Qt-free: what is due, when to wake next, snooze, dismiss.

A reminder is pending while its follow-up is planned and ``remind_at`` is set. Acknowledging
it clears ``remind_at`` and snoozing moves it, both through the follow-up service (so the
state lives in the database, journalled, and survives a restart). A reminder that came due
while the app was closed is simply one whose ``remind_at`` is before the app started.
The scheduler sleeps until ``next_wakeup``: the next reminder, the next due time (the overdue
count changes then) or the next local midnight (the Today view changes then).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, or_, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import Customer, FollowUp
from crm_desktop.domain.enums import FollowUpStatus
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import followup_actions
from crm_desktop.services.followup_views import today_bounds
from crm_desktop.services.followups import FollowUpService

PLANNED = FollowUpStatus.PLANNED.value
MORNING = time(9, 0)
LIST_LIMIT = 200
OVERDUE_STEP = timedelta(minutes=5)
LONGEST_SLEEP = timedelta(minutes=15)
OVERDUE_AFTER = timedelta(seconds=1)


class Snooze(StrEnum):
    TEN_MINUTES = "10min"
    ONE_HOUR = "1h"
    TOMORROW = "tomorrow"


SNOOZE_LABELS: dict[Snooze, str] = {
    Snooze.TEN_MINUTES: QT_TRANSLATE_NOOP("Reminders", "In 10 minutes"),
    Snooze.ONE_HOUR: QT_TRANSLATE_NOOP("Reminders", "In 1 hour"),
    Snooze.TOMORROW: QT_TRANSLATE_NOOP("Reminders", "Tomorrow morning"),
}


@dataclass(frozen=True)
class Reminder:
    id: str
    subject: str
    customer: str
    channel: str
    due_at: datetime | None
    remind_at: datetime


def snooze_until(choice: Snooze, now: datetime) -> datetime:
    """When a snoozed reminder comes back; "tomorrow" is 9:00 in the time zone of ``now``."""
    if choice == Snooze.TEN_MINUTES:
        return now + timedelta(minutes=10)
    if choice == Snooze.ONE_HOUR:
        return now + timedelta(hours=1)
    return datetime.combine(now.date() + timedelta(days=1), MORNING, tzinfo=now.tzinfo)


def _pending(owner_id: str | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [
        FollowUp.remind_at.is_not(None),
        # the unary + keeps SQLite walking the remind_at index (in remind_at order, stopping
        # at the first match) instead of every planned row by the status index, then sorting
        literal_column("+followups.status") == PLANNED,
        literal_column("+followups.deleted_at").is_(None),
        literal_column("+customers.deleted_at").is_(None),
    ]
    if owner_id is not None:
        owner: ColumnElement[str] = literal_column("+followups.owner_id")  # as above
        where.append(or_(owner == owner_id, owner.is_(None)))
    return where


def _joined(query: Select[Any]) -> Select[Any]:
    return query.join(Customer, Customer.id == FollowUp.customer_id)


def due_reminders(
    session: Session, now: datetime, owner_id: str | None = None, limit: int = LIST_LIMIT
) -> list[Reminder]:
    """Pending reminders whose time has come (``remind_at <= now``), latest first."""
    query = _joined(
        select(
            FollowUp.id,
            FollowUp.subject,
            Customer.name,
            FollowUp.channel,
            FollowUp.due_at,
            FollowUp.remind_at,
        )
    ).where(*_pending(owner_id), FollowUp.remind_at <= now)
    rows = session.execute(query.order_by(FollowUp.remind_at.desc()).limit(limit))
    return [Reminder(*row) for row in rows]


def due_count(session: Session, now: datetime, owner_id: str | None = None) -> int:
    query = _joined(select(func.count()).select_from(FollowUp)).where(
        *_pending(owner_id), FollowUp.remind_at <= now
    )
    return int(session.scalar(query) or 0)


def missed_reminders(
    session: Session, started_at: datetime, owner_id: str | None = None
) -> list[Reminder]:
    """Reminders that came due while the app was closed and were never acknowledged."""
    return [r for r in due_reminders(session, started_at, owner_id) if r.remind_at < started_at]


def next_reminder_at(
    session: Session, after: datetime, owner_id: str | None = None
) -> datetime | None:
    query = _joined(select(FollowUp.remind_at).select_from(FollowUp)).where(
        *_pending(owner_id), FollowUp.remind_at > after
    )
    moment: datetime | None = session.scalar(query.order_by(FollowUp.remind_at).limit(1))
    return moment


def next_due_at(session: Session, after: datetime) -> datetime | None:
    """The next time a planned follow-up becomes overdue."""
    query = _joined(select(FollowUp.due_at).select_from(FollowUp)).where(
        FollowUp.status == PLANNED,
        FollowUp.due_at > after,
        literal_column("+followups.deleted_at").is_(None),
        literal_column("+customers.deleted_at").is_(None),
    )
    moment: datetime | None = session.scalar(
        query.order_by(FollowUp.status, FollowUp.due_at).limit(1)
    )
    return moment


def next_wakeup(
    session: Session,
    now: datetime,
    owner_id: str | None = None,
    *,
    overdue_step: timedelta = OVERDUE_STEP,
    longest: timedelta = LONGEST_SLEEP,
) -> datetime:
    """The next moment something the user sees changes by itself (``now`` is local).

    A reminder wakes the scheduler exactly; a follow-up falling due (the overdue count)
    at most once per ``overdue_step``, so a busy team file does not wake it every minute;
    and it never sleeps longer than ``longest`` (a computer waking from sleep catches up).
    """
    candidates = [today_bounds(now)[1], now + longest]
    reminder = next_reminder_at(session, now, owner_id)
    if reminder is not None:
        candidates.append(reminder)
    due = next_due_at(session, now - OVERDUE_AFTER)  # overdue once ``due_at < now``
    if due is not None:
        candidates.append(max(due + OVERDUE_AFTER, now + overdue_step))
    return min(candidates)


def snooze(service: FollowUpService, followup_id: str, until: datetime) -> None:
    service.update(followup_id, remind_at=until)


def dismiss(service: FollowUpService, followup_id: str) -> None:
    """Acknowledge a reminder: it will not fire again (the follow-up stays planned)."""
    service.update(followup_id, remind_at=None)


def mark_done(service: FollowUpService, followup_id: str) -> None:
    """Complete the follow-up from its reminder (no outcome given)."""
    followup_actions.complete(service, followup_id, None)
