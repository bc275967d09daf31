"""Opportunities: exact money, stage moves with history, won/lost from the stage's kind."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy.orm import Session

from crm_desktop.db.models import Opportunity, Stage, StageHistory
from crm_desktop.domain.enums import OpportunityStatus, Source, StageKind
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.ids import new_id
from crm_desktop.domain.money import Money, validate_currency
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import validation as v
from crm_desktop.services.customers import check_customer, check_user
from crm_desktop.services.entity import EntityService
from crm_desktop.services.journal import Action

DEFAULT_CURRENCY = "CNY"


def _amount(field: str, value: Any) -> Any:
    if value is None or value == "":
        return Decimal(0)
    if isinstance(value, float) or not isinstance(value, Decimal | int | str | Money):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "Amounts must be exact."))
    return value


def _currency(field: str, value: Any) -> str:
    return validate_currency(str(value or ""), field)


class OpportunityService(EntityService[Opportunity]):
    model = Opportunity
    entity = "opportunity"
    kind_label = QT_TRANSLATE_NOOP("Errors", "opportunity")
    fields: ClassVar[dict[str, v.Validator]] = {
        "title": v.text(v.MAX_NAME, required=True),
        "customer_id": v.text(36, required=True),
        "amount": _amount,
        "currency": _currency,
        "stage_id": v.text(36, required=True),
        "probability": v.integer(0, 100),
        "expected_close": v.calendar_date(),
        "source": v.choice(Source),
        "owner_id": v.text(36),
        "lost_reason": v.text(500),
        "notes": v.text(v.MAX_NOTES, multiline=True),
    }
    required = ("title", "customer_id", "stage_id")
    journalled = frozenset({"amount_minor", "status", "closed_at"})

    def prepare(
        self, session: Session, obj: Opportunity | None, values: dict[str, Any]
    ) -> dict[str, Any]:
        if "customer_id" in values:
            check_customer(session, values["customer_id"])
        if obj is None:
            values.setdefault("currency", DEFAULT_CURRENCY)
            values.setdefault("owner_id", self.ctx.user_id)
        check_user(session, "owner_id", values.get("owner_id"))
        if "amount" in values or "currency" in values:
            currency = values.get("currency") or (obj.currency if obj else DEFAULT_CURRENCY)
            raw = values.pop("amount", None)
            if raw is None:
                raw = Money.from_minor(obj.amount_minor, obj.currency).amount if obj else 0
            amount = raw.amount if isinstance(raw, Money) else raw
            values["amount_minor"] = Money.parse(amount, currency).minor_units
        if "stage_id" in values:
            stage = session.get(Stage, values["stage_id"])
            if stage is None or stage.deleted_at is not None:
                raise ValidationError(
                    "stage_id", QT_TRANSLATE_NOOP("Errors", "Choose an existing stage.")
                )
            if obj is None or obj.stage_id != stage.id:
                values["status"] = {
                    StageKind.WON: OpportunityStatus.WON,
                    StageKind.LOST: OpportunityStatus.LOST,
                }.get(StageKind(stage.kind), OpportunityStatus.OPEN).value
                values["closed_at"] = (
                    None if values["status"] == OpportunityStatus.OPEN else self.ctx.clock()
                )
                values["stage_changed_at"] = self.ctx.clock()
        return values

    def after_change(
        self, action: Action, obj: Opportunity, changes: dict[str, tuple[Any, Any]], creating: bool
    ) -> None:
        if creating or "stage_id" in changes:
            action.session.add(
                StageHistory(
                    id=new_id(),
                    opportunity_id=obj.id,
                    from_stage_id=None if creating else changes["stage_id"][0],
                    to_stage_id=obj.stage_id,
                    changed_at=action.when,
                    user_id=self.ctx.user_id,
                )
            )

    def amount(self, opportunity: Opportunity) -> Money:
        return Money.from_minor(opportunity.amount_minor, opportunity.currency)
