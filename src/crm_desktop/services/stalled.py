"""Stalled deals: open opportunities with no stage change and no follow-up for N days."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, exists, func, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import FollowUp, Meta, Opportunity
from crm_desktop.db.types import UTCDateTime
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP

STALLED_DAYS_KEY = "opportunities.stalled_days"
DEFAULT_STALLED_DAYS = 14
MAX_STALLED_DAYS = 3650


def followup_time() -> ColumnElement[datetime]:
    """When a follow-up happened, or was planned if it has not happened yet."""
    return func.coalesce(FollowUp.occurred_at, FollowUp.created_at, type_=UTCDateTime)


def last_followup_at() -> ColumnElement[datetime]:
    """A correlated subquery: the latest live follow-up of each opportunity."""
    return (
        select(func.max(followup_time(), type_=UTCDateTime))
        .where(FollowUp.opportunity_id == Opportunity.id, FollowUp.deleted_at.is_(None))
        .correlate(Opportunity)
        .scalar_subquery()
    )


def is_stalled(
    stage_changed_at: datetime, last_followup: datetime | None, now: datetime, days: int
) -> bool:
    """True when neither the last stage change nor the last follow-up is within ``days``."""
    last = max(stage_changed_at, last_followup) if last_followup else stage_changed_at
    return now - last >= timedelta(days=days)


def stalled_clause(now: datetime, days: int) -> ColumnElement[bool]:
    """SQL for ``is_stalled`` on open opportunities."""
    cutoff = now - timedelta(days=days)
    recent = exists().where(
        FollowUp.opportunity_id == Opportunity.id,
        FollowUp.deleted_at.is_(None),
        followup_time() > cutoff,
    )
    return and_(Opportunity.status == "open", Opportunity.stage_changed_at <= cutoff, ~recent)


def stalled_ids(session: Session, now: datetime, days: int) -> list[str]:
    """Ids of the live open opportunities that are stalled at ``now``."""
    query = select(Opportunity.id).where(
        Opportunity.deleted_at.is_(None), stalled_clause(now, days)
    )
    return list(session.scalars(query))


def read_stalled_days(session: Session) -> int:
    row = session.get(Meta, STALLED_DAYS_KEY)
    if row is None or not row.value.isdigit():
        return DEFAULT_STALLED_DAYS
    return int(row.value)


def write_stalled_days(session: Session, days: int) -> None:
    if not 1 <= days <= MAX_STALLED_DAYS:
        raise ValidationError(
            "stalled_days",
            QT_TRANSLATE_NOOP("Errors", "Choose between 1 and {most} days."),
            most=MAX_STALLED_DAYS,
        )
    session.merge(Meta(key=STALLED_DAYS_KEY, value=str(days)))
