"""Planned follow-ups as an iCalendar (.ics) file, for Outlook, Apple and Google calendars.

One VEVENT per planned follow-up: a stable UID (so importing twice updates instead of
duplicating), the due time in UTC, a fixed length, the customer in the summary, and a
VALARM when a reminder is set. Built with the ``icalendar`` library and written atomically.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Alarm, Calendar, Event
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import Contact, Customer, FollowUp
from crm_desktop.domain.enums import LABELS, FollowUpStatus
from crm_desktop.services.followup_views import FollowUpFilter, conditions

PRODID = "-//CRM Desktop//Follow-ups//EN"
UID_DOMAIN = "followups.crm-desktop"
EVENT_LENGTH = timedelta(minutes=30)
Translate = Callable[[str], str]


def _where(
    now: datetime,
    flt: FollowUpFilter | None,
    customer_id: str | None,
    owner_id: str | None,
) -> list[ColumnElement[bool]]:
    if flt is not None:
        where = conditions(flt, now)
    else:
        where = [FollowUp.deleted_at.is_(None), Customer.deleted_at.is_(None)]
    where += [FollowUp.status == FollowUpStatus.PLANNED.value, FollowUp.due_at.is_not(None)]
    if customer_id is not None:
        where.append(FollowUp.customer_id == customer_id)
    if owner_id is not None:
        where.append(FollowUp.owner_id == owner_id)
    return where


def build_calendar(
    session: Session,
    now: datetime,
    *,
    flt: FollowUpFilter | None = None,
    customer_id: str | None = None,
    owner_id: str | None = None,
    translate: Translate | None = None,
) -> tuple[Calendar, int]:
    """The calendar of the planned follow-ups in a view, of a customer, or of an owner.

    ``translate(text)`` translates channel names (English when not given).
    """
    query = (
        select(
            FollowUp.id,
            FollowUp.subject,
            FollowUp.notes,
            FollowUp.channel,
            FollowUp.due_at,
            FollowUp.remind_at,
            FollowUp.updated_at,
            Customer.name,
            Contact.name,
        )
        .join(Customer, Customer.id == FollowUp.customer_id)
        .outerjoin(Contact, Contact.id == FollowUp.contact_id)
        .where(*_where(now, flt, customer_id, owner_id))
        .order_by(FollowUp.due_at, FollowUp.id)
    )
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    made = 0
    for row in session.execute(query):
        calendar.add_component(_event(row, now, translate))
        made += 1
    return calendar, made


def _event(row: Sequence[Any], now: datetime, translate: Translate | None) -> Event:
    fid, subject, notes, channel, due, remind, updated, customer, contact = row
    label = LABELS.get(channel, channel)
    event = Event()
    event.add("uid", f"{fid}@{UID_DOMAIN}")
    event.add("dtstamp", now)
    event.add("last-modified", updated)
    event.add("dtstart", due)
    event.add("dtend", due + EVENT_LENGTH)
    event.add("summary", f"{subject} — {customer}")
    event.add("categories", [translate(label) if translate else label])
    details = [line for line in (contact, notes) if line]
    if details:
        event.add("description", "\n".join(details))
    if remind is not None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", subject)
        alarm.add("trigger", remind - due)
        event.add_component(alarm)
    return event


def write_calendar(calendar: Calendar, path: str | os.PathLike[str]) -> None:
    """Write the file atomically: a half-written calendar never replaces a good one."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=".ics-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(calendar.to_ical())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export_ics(
    session: Session,
    path: str | os.PathLike[str],
    now: datetime,
    *,
    flt: FollowUpFilter | None = None,
    customer_id: str | None = None,
    owner_id: str | None = None,
    translate: Translate | None = None,
) -> int:
    """Write the chosen planned follow-ups to ``path``; returns how many were written."""
    calendar, made = build_calendar(
        session, now, flt=flt, customer_id=customer_id, owner_id=owner_id, translate=translate
    )
    write_calendar(calendar, path)
    return made
