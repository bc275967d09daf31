"""Contact people of a customer (several per company, one of them primary)."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from crm_desktop.db.models import Contact
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import validation as v
from crm_desktop.services.customers import check_customer
from crm_desktop.services.entity import EntityService
from crm_desktop.services.journal import Action


class ContactService(EntityService[Contact]):
    model = Contact
    entity = "contact"
    kind_label = QT_TRANSLATE_NOOP("Errors", "contact")
    fields: ClassVar[dict[str, v.Validator]] = {
        "customer_id": v.text(36, required=True),
        "name": v.text(v.MAX_NAME, required=True),
        "title": v.text(200),
        "phone": v.text(64),
        "email": v.text(254),
        "messaging_id": v.text(200),
        "is_primary": v.boolean(),
    }
    required = ("customer_id", "name")

    def prepare(
        self, session: Session, obj: Contact | None, values: dict[str, Any]
    ) -> dict[str, Any]:
        if "customer_id" in values:
            check_customer(session, values["customer_id"])
        if values.get("phone"):
            values["phone_normalized"] = v.normalize_phone(
                "phone", values["phone"], self.ctx.default_region
            )
        elif "phone" in values:
            values["phone_normalized"] = None
        if values.get("email"):
            values["email"] = v.normalize_email("email", values["email"])
        if obj is None:
            values.setdefault("is_primary", False)
        return values

    def after_change(
        self, action: Action, obj: Contact, changes: dict[str, tuple[Any, Any]], creating: bool
    ) -> None:
        if not obj.is_primary or not (creating or "is_primary" in changes):
            return
        session = action.session
        others = list(
            session.scalars(
                select(Contact.id).where(
                    Contact.customer_id == obj.customer_id,
                    Contact.id != obj.id,
                    Contact.is_primary.is_(True),
                )
            )
        )
        if others:
            session.execute(update(Contact).where(Contact.id.in_(others)).values(is_primary=False))
            for other in others:
                action.record(self.entity, other, {"is_primary": (True, False)})

    def for_customer(self, customer_id: str) -> list[Contact]:
        with self.ctx.db.session() as session:
            return list(
                session.scalars(
                    select(Contact)
                    .where(Contact.customer_id == customer_id, Contact.deleted_at.is_(None))
                    .order_by(Contact.is_primary.desc(), Contact.name)
                )
            )
