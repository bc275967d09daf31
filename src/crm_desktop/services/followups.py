"""Follow-ups: logged interactions and planned next steps, with due and reminder times.

Each change also keeps the customer's ``last_contact_at`` (latest done follow-up) and
``next_followup_at`` (earliest planned one) current, in the same transaction.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import Contact, Customer, FollowUp, Opportunity
from crm_desktop.domain.enums import Channel, FollowUpStatus
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import validation as v
from crm_desktop.services.customers import check_customer, check_user
from crm_desktop.services.entity import EntityService
from crm_desktop.services.journal import Action


class FollowUpService(EntityService[FollowUp]):
    model = FollowUp
    entity = "followup"
    kind_label = QT_TRANSLATE_NOOP("Errors", "follow-up")
    fields: ClassVar[dict[str, v.Validator]] = {
        "customer_id": v.text(36, required=True),
        "contact_id": v.text(36),
        "opportunity_id": v.text(36),
        "channel": v.choice(Channel, required=True),
        "subject": v.text(v.MAX_NAME, required=True),
        "notes": v.text(v.MAX_NOTES, multiline=True),
        "outcome": v.text(10_000, multiline=True),
        "status": v.choice(FollowUpStatus, required=True),
        "owner_id": v.text(36),
        "occurred_at": v.timestamp(),
        "due_at": v.timestamp(),
        "remind_at": v.timestamp(),
    }
    required = ("customer_id", "subject")
    journalled = frozenset({"completed_at"})

    def prepare(
        self, session: Session, obj: FollowUp | None, values: dict[str, Any]
    ) -> dict[str, Any]:
        if obj is None:
            values.setdefault("channel", Channel.PHONE.value)
            values.setdefault("status", FollowUpStatus.PLANNED.value)
            values.setdefault("owner_id", self.ctx.user_id)
        customer_id = values.get("customer_id", obj.customer_id if obj else None)
        if "customer_id" in values:
            check_customer(session, customer_id)
        check_user(session, "owner_id", values.get("owner_id"))
        contact_id = values.get("contact_id")
        if contact_id is not None:
            contact = session.get(Contact, contact_id)
            if contact is None or contact.customer_id != customer_id:
                raise ValidationError(
                    "contact_id",
                    QT_TRANSLATE_NOOP("Errors", "The contact does not belong to this customer."),
                )
        opportunity_id = values.get("opportunity_id")
        if opportunity_id is not None:
            opportunity = session.get(Opportunity, opportunity_id)
            if opportunity is None or opportunity.customer_id != customer_id:
                raise ValidationError(
                    "opportunity_id",
                    QT_TRANSLATE_NOOP(
                        "Errors", "The opportunity does not belong to this customer."
                    ),
                )
        status = values.get("status", obj.status if obj else None)
        due = values.get("due_at", obj.due_at if obj else None)
        if status == FollowUpStatus.PLANNED and due is None:
            raise ValidationError(
                "due_at", QT_TRANSLATE_NOOP("Errors", "A planned follow-up needs a due time.")
            )
        if "status" in values and (obj is None or obj.status != status):
            now = self.ctx.clock()
            values["completed_at"] = now if status == FollowUpStatus.DONE else None
            if (
                status == FollowUpStatus.DONE
                and values.get("occurred_at") is None
                and (obj is None or obj.occurred_at is None)
            ):
                values["occurred_at"] = now
        return values

    def after_change(
        self, action: Action, obj: FollowUp, changes: dict[str, tuple[Any, Any]], creating: bool
    ) -> None:
        customer_ids = {obj.customer_id}
        if "customer_id" in changes and changes["customer_id"][0]:
            customer_ids.add(changes["customer_id"][0])
        for customer_id in customer_ids:
            refresh_customer_dates(action.session, customer_id)


def refresh_customer_dates(session: Session, customer_id: str) -> None:
    """Recompute a customer's last contact and next planned follow-up (not journalled:
    derived data, recomputed wherever follow-ups change)."""
    live = (FollowUp.customer_id == customer_id, FollowUp.deleted_at.is_(None))
    last = session.scalar(
        select(func.max(FollowUp.occurred_at)).where(*live, FollowUp.status == "done")
    )
    upcoming = session.scalar(
        select(func.min(FollowUp.due_at)).where(*live, FollowUp.status == "planned")
    )
    customer = session.get(Customer, customer_id)
    if customer is not None:
        customer.last_contact_at = last
        customer.next_followup_at = upcoming
