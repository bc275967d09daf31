"""Tags that label customers (``VIP``, ``展会2026``)."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import Tag
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import validation as v
from crm_desktop.services.entity import EntityService


class TagService(EntityService[Tag]):
    model = Tag
    entity = "tag"
    kind_label = QT_TRANSLATE_NOOP("Errors", "tag")
    fields: ClassVar[dict[str, v.Validator]] = {
        "name": v.text(64, required=True),
        "color": v.text(16),
    }
    required = ("name",)

    def prepare(self, session: Session, obj: Tag | None, values: dict[str, Any]) -> dict[str, Any]:
        name = values.get("name")
        if name is not None:
            clash = session.scalar(
                select(Tag.id).where(func.lower(Tag.name) == name.lower(), Tag.deleted_at.is_(None))
            )
            if clash is not None and (obj is None or clash != obj.id):
                raise ValidationError(
                    "name",
                    QT_TRANSLATE_NOOP("Errors", "A tag named “{name}” already exists."),
                    name=name,
                )
        return values

    def list(self) -> list[Tag]:
        with self.ctx.db.session() as session:
            return list(
                session.scalars(select(Tag).where(Tag.deleted_at.is_(None)).order_by(Tag.name))
            )
