"""Stage triggers: entering a configured stage plans a follow-up, in the same transaction."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from crm_desktop.db.models import FollowUp, Meta, Opportunity
from crm_desktop.domain.enums import Channel, FollowUpStatus
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services.entity import EntityService
from crm_desktop.services.journal import Action

TRIGGERS_KEY = "opportunities.stage_triggers"
MAX_DUE_DAYS = 365


@dataclass(frozen=True)
class StageTrigger:
    """The follow-up planned when a deal enters a stage: subject, channel, due after N days."""

    subject: str
    due_days: int = 1
    channel: str = Channel.PHONE.value


def read_triggers(session: Session) -> dict[str, StageTrigger]:
    """``stage id → trigger``, from the ``meta`` table (no schema change needed)."""
    row = session.get(Meta, TRIGGERS_KEY)
    if row is None:
        return {}
    try:
        raw = json.loads(row.value)
        return {stage: StageTrigger(**values) for stage, values in raw.items()}
    except (ValueError, TypeError):
        return {}


def write_triggers(session: Session, triggers: dict[str, StageTrigger]) -> None:
    for trigger in triggers.values():
        check_trigger(trigger)
    text = json.dumps({k: asdict(t) for k, t in sorted(triggers.items())}, ensure_ascii=False)
    session.merge(Meta(key=TRIGGERS_KEY, value=text))


def check_trigger(trigger: StageTrigger) -> None:
    if not trigger.subject.strip():
        raise ValidationError(
            "subject", QT_TRANSLATE_NOOP("Errors", "The follow-up needs a subject.")
        )
    if not 0 <= trigger.due_days <= MAX_DUE_DAYS:
        raise ValidationError(
            "due_days",
            QT_TRANSLATE_NOOP("Errors", "Choose between 0 and {most} days."),
            most=MAX_DUE_DAYS,
        )
    Channel(trigger.channel)


def fire(
    action: Action, followups: EntityService[FollowUp], opportunity: Opportunity
) -> str | None:
    """Plan the follow-up configured for the opportunity's (new) stage; returns its id."""
    trigger = read_triggers(action.session).get(opportunity.stage_id)
    if trigger is None:
        return None
    return followups.create_in(
        action,
        followups.clean(
            {
                "customer_id": opportunity.customer_id,
                "opportunity_id": opportunity.id,
                "subject": trigger.subject,
                "channel": trigger.channel,
                "status": FollowUpStatus.PLANNED.value,
                "owner_id": opportunity.owner_id,
                "due_at": action.when + timedelta(days=trigger.due_days),
            },
            creating=True,
        ),
    )
