"""Follow-up actions larger than one field edit: complete-and-plan-next, and bulk changes.

Each is one user action: one transaction and one journal ``action_id``, so either all of it
happens or none of it does. Every change goes through ``FollowUpService`` (validation, the
customer's last-contact and next-follow-up dates), inside the shared transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from crm_desktop.db.models import FollowUp
from crm_desktop.domain.enums import FollowUpStatus
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services.followups import FollowUpService
from crm_desktop.services.journal import Action

PLANNED = FollowUpStatus.PLANNED.value
_INHERITED = ("customer_id", "contact_id", "opportunity_id", "owner_id", "channel")


def complete(
    service: FollowUpService,
    followup_id: str,
    outcome: str | None,
    *,
    occurred_at: datetime | None = None,
    next_followup: dict[str, Any] | None = None,
) -> str | None:
    """Mark a planned follow-up done with its outcome and, optionally, plan the next one.

    ``next_followup`` holds the new follow-up's fields; the customer, contact, opportunity,
    owner and channel default to the completed one's. Returns the new follow-up's id.
    """
    done = service.clean(
        {
            "status": FollowUpStatus.DONE.value,
            "outcome": outcome,
            "occurred_at": occurred_at or service.ctx.clock(),
            "remind_at": None,
        },
        creating=False,
    )
    planned = None if next_followup is None else service.clean(next_followup, creating=False)
    with service.ctx.db.write() as session:
        action = Action(session, service.ctx)
        current = service.load(session, followup_id)
        if current.status != PLANNED:
            raise ValidationError(
                "status", QT_TRANSLATE_NOOP("Errors", "Only a planned follow-up can be completed.")
            )
        inherited = {name: getattr(current, name) for name in _INHERITED}
        service.update_in(action, followup_id, done)
        if planned is None:
            return None
        values = {**inherited, "status": PLANNED, **planned}
        service.clean(values, creating=True)  # the "required" checks of a new record
        return service.create_in(action, values)


def _bulk(
    service: FollowUpService,
    ids: Sequence[str],
    change: Callable[[FollowUp], dict[str, Any] | None],
) -> int:
    """Apply ``change(follow_up) → cleaned values`` (None: leave it) to each, in one action."""
    changed = 0
    with service.ctx.db.write() as session:
        action = Action(session, service.ctx)
        for followup_id in dict.fromkeys(ids):
            values = change(service.load(session, followup_id))
            if values is not None:
                service.update_in(action, followup_id, values)
                changed += 1
    return changed


def reassign(service: FollowUpService, ids: Sequence[str], owner_id: str | None) -> int:
    """Give the follow-ups to another owner; returns how many were changed."""
    cleaned = service.clean({"owner_id": owner_id}, creating=False)
    return _bulk(service, ids, lambda f: None if f.owner_id == owner_id else cleaned)


def reschedule(service: FollowUpService, ids: Sequence[str], due_at: datetime) -> int:
    """Move the planned ones to ``due_at``; a reminder keeps its distance to the due time."""
    cleaned = service.clean({"due_at": due_at}, creating=False)

    def change(followup: FollowUp) -> dict[str, Any] | None:
        if followup.status != PLANNED:
            return None
        values = dict(cleaned)
        if followup.remind_at is not None and followup.due_at is not None:
            values["remind_at"] = followup.remind_at + (due_at - followup.due_at)
        return values

    return _bulk(service, ids, change)


def cancel(service: FollowUpService, ids: Sequence[str]) -> int:
    """Cancel the planned ones (their reminders go with them); returns how many."""
    cleaned = service.clean(
        {"status": FollowUpStatus.CANCELLED.value, "remind_at": None}, creating=False
    )
    return _bulk(service, ids, lambda f: cleaned if f.status == PLANNED else None)
