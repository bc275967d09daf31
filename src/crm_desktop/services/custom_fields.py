"""User-defined fields on customers: text, number, date or a choice from a list."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db.models import CustomFieldDef
from crm_desktop.domain.enums import CustomFieldType
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import validation as v
from crm_desktop.services.entity import EntityService

MAX_CHOICES = 200


def _choices(field: str, value: Any) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list | tuple) or len(value) > MAX_CHOICES:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "Give up to {n} choices as a list."), n=MAX_CHOICES
        )
    clean = v.text(100, required=True)
    return [str(clean(field, item)) for item in value]


MAX_NUMBER_TEXT = 100  # digits and signs of a number typed or imported


def clean_custom_value(definition: CustomFieldDef, raw: Any) -> str | None:
    """The stored text of a custom field value, checked against the field's type."""
    field = f"custom:{definition.id}"
    if raw is None or raw == "":
        return None
    kind = definition.field_type
    if kind == CustomFieldType.NUMBER:
        try:
            number = Decimal(str(raw).strip()) if len(str(raw)) <= MAX_NUMBER_TEXT else None
        except InvalidOperation:
            number = None
        if number is None:
            number = Decimal("NaN")
        if isinstance(raw, float) or not number.is_finite():
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP("Errors", "“{value}” is not a number."),
                value=str(raw)[:40],
            )
        return str(number)
    if kind == CustomFieldType.DATE:
        parsed = v.calendar_date()(field, raw)
        return parsed.isoformat() if parsed else None
    text = v.text(1000)(field, raw)
    if kind == CustomFieldType.CHOICE and text not in json.loads(definition.choices or "[]"):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "“{value}” is not one of the choices."),
            value=str(text)[:40],
        )
    return None if text is None else str(text)


class CustomFieldService(EntityService[CustomFieldDef]):
    model = CustomFieldDef
    entity = "custom_field"
    kind_label = QT_TRANSLATE_NOOP("Errors", "custom field")
    fields: ClassVar[dict[str, v.Validator]] = {
        "name": v.text(100, required=True),
        "field_type": v.choice(CustomFieldType, required=True),
        "choices": _choices,
        "position": v.integer(0, 10_000),
    }
    required = ("name", "field_type")

    def prepare(
        self, session: Session, obj: CustomFieldDef | None, values: dict[str, Any]
    ) -> dict[str, Any]:
        kind = values.get("field_type", obj.field_type if obj else None)
        if "choices" in values:
            values["choices"] = (
                json.dumps(values["choices"], ensure_ascii=False)
                if values["choices"] is not None
                else None
            )
        choices = values.get("choices", obj.choices if obj else None)
        if kind == CustomFieldType.CHOICE and not json.loads(choices or "[]"):
            raise ValidationError(
                "choices", QT_TRANSLATE_NOOP("Errors", "A choice field needs at least one choice.")
            )
        if obj is None:
            values.setdefault("entity", "customer")
            if "position" not in values:
                count = len(list(session.scalars(select(CustomFieldDef.id))))
                values["position"] = count
        return values

    journalled = frozenset({"entity"})

    def list(self) -> list[CustomFieldDef]:
        with self.ctx.db.session() as session:
            return list(
                session.scalars(
                    select(CustomFieldDef)
                    .where(CustomFieldDef.deleted_at.is_(None))
                    .order_by(CustomFieldDef.position)
                )
            )
