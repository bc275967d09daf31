"""Customers (companies and individuals), their tags and their custom field values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import (
    Customer,
    CustomerTag,
    CustomFieldDef,
    CustomFieldValue,
    Tag,
    User,
)
from crm_desktop.domain.enums import (
    CustomerKind,
    Gender,
    LifecycleStatus,
    Source,
    Tier,
)
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import validation as v
from crm_desktop.services.custom_fields import clean_custom_value
from crm_desktop.services.entity import EntityService
from crm_desktop.services.journal import Action


def check_user(session: Session, field: str, user_id: str | None) -> None:
    if user_id is not None and session.get(User, user_id) is None:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "The chosen user does not exist."))


def check_customer(session: Session, customer_id: str | None) -> Customer:
    customer = session.get(Customer, customer_id) if customer_id else None
    if customer is None or customer.deleted_at is not None:
        raise ValidationError(
            "customer_id", QT_TRANSLATE_NOOP("Errors", "Choose an existing customer.")
        )
    return customer


class CustomerService(EntityService[Customer]):
    model = Customer
    entity = "customer"
    kind_label = QT_TRANSLATE_NOOP("Errors", "customer")
    fields: ClassVar[dict[str, v.Validator]] = {
        "kind": v.choice(CustomerKind),
        "name": v.text(v.MAX_NAME, required=True),
        "company": v.text(v.MAX_NAME),
        "phone": v.text(64),
        "email": v.text(254),
        "address": v.text(500),
        "region": v.text(100),
        "city": v.text(100),
        "industry": v.text(100),
        "source": v.choice(Source),
        "tier": v.choice(Tier),
        "status": v.choice(LifecycleStatus),
        "owner_id": v.text(36),
        "birthday": v.calendar_date(),
        "gender": v.choice(Gender),
        "notes": v.text(v.MAX_NOTES, multiline=True),
    }
    required = ("name",)

    def prepare(
        self, session: Session, obj: Customer | None, values: dict[str, Any]
    ) -> dict[str, Any]:
        if obj is None:
            values.setdefault("kind", CustomerKind.COMPANY.value)
            values.setdefault("status", LifecycleStatus.LEAD.value)
            values.setdefault("owner_id", self.ctx.user_id)
        for key in ("kind", "status"):
            if key in values and values[key] is None:
                raise ValidationError(key, QT_TRANSLATE_NOOP("Errors", "This field is required."))
        if "phone" in values:
            phone = values["phone"]
            values["phone_normalized"] = (
                v.normalize_phone("phone", phone, self.ctx.default_region) if phone else None
            )
        if "email" in values:
            email = values["email"]
            values["email_normalized"] = v.normalize_email("email", email) if email else None
        check_user(session, "owner_id", values.get("owner_id"))
        return values

    # --- tags -----------------------------------------------------------------------------

    def tag_ids(self, session: Session, customer_id: str) -> list[str]:
        return sorted(
            session.scalars(
                select(CustomerTag.tag_id).where(CustomerTag.customer_id == customer_id)
            )
        )

    def set_tags(self, customer_id: str, tag_ids: list[str]) -> None:
        """Replace the customer's tag set (journalled as one ``tags`` field change)."""
        with self.ctx.db.write() as session:
            self.set_tags_in(Action(session, self.ctx), customer_id, tag_ids)

    def set_tags_in(self, action: Action, customer_id: str, tag_ids: list[str]) -> None:
        session = action.session
        self.load(session, customer_id)
        wanted = sorted(set(tag_ids))
        for tag_id in wanted:
            tag = session.get(Tag, tag_id)
            if tag is None or tag.deleted_at is not None:
                raise NotFoundError(kind=QT_TRANSLATE_NOOP("Errors", "tag"))
        old = self.tag_ids(session, customer_id)
        if old == wanted:
            return
        session.execute(delete(CustomerTag).where(CustomerTag.customer_id == customer_id))
        session.add_all(CustomerTag(customer_id=customer_id, tag_id=t) for t in wanted)
        action.record("customer", customer_id, {"tags": (old, wanted)})

    def change_tags(
        self, customer_ids: Sequence[str], add: Sequence[str] = (), remove: Sequence[str] = ()
    ) -> None:
        """Add and remove tags on many customers in one action (bulk edit)."""
        with self.ctx.db.write() as session:
            action = Action(session, self.ctx)
            for customer_id in customer_ids:
                current = set(self.tag_ids(session, customer_id))
                self.set_tags_in(action, customer_id, sorted((current | set(add)) - set(remove)))

    # --- custom fields --------------------------------------------------------------------

    def set_custom_values(self, customer_id: str, values: dict[str, Any]) -> None:
        """Set custom field values by field id; ``None`` clears a value."""
        with self.ctx.db.write() as session:
            self.set_custom_values_in(Action(session, self.ctx), customer_id, values)

    def set_custom_values_in(
        self, action: Action, customer_id: str, values: dict[str, Any]
    ) -> None:
        session = action.session
        self.load(session, customer_id)
        for field_id, raw in values.items():
            definition = session.get(CustomFieldDef, field_id)
            if definition is None or definition.deleted_at is not None:
                raise NotFoundError(kind=QT_TRANSLATE_NOOP("Errors", "custom field"))
            new = clean_custom_value(definition, raw)
            row = session.get(CustomFieldValue, (customer_id, field_id))
            old = row.value if row is not None else None
            if old == new:
                continue
            if row is None:
                session.add(CustomFieldValue(record_id=customer_id, field_id=field_id, value=new))
            else:
                row.value = new
            action.record("customer", customer_id, {f"custom:{field_id}": (old, new)})

    def custom_values(self, customer_id: str) -> dict[str, str | None]:
        with self.ctx.db.session() as session:
            rows = session.scalars(
                select(CustomFieldValue).where(CustomFieldValue.record_id == customer_id)
            )
            return {r.field_id: r.value for r in rows}
