"""Users of this file and their roles (owner, manager, sales, service)."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db.models import User
from crm_desktop.domain.enums import Role
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import validation as v
from crm_desktop.services.entity import EntityService


class UserService(EntityService[User]):
    model = User
    entity = "user"
    kind_label = QT_TRANSLATE_NOOP("Errors", "user")
    fields: ClassVar[dict[str, v.Validator]] = {
        "username": v.text(64, required=True),
        "display_name": v.text(200, required=True),
        "role": v.choice(Role, required=True),
        "email": v.text(254),
        "active": v.boolean(),
    }
    required = ("username", "display_name", "role")

    def prepare(self, session: Session, obj: User | None, values: dict[str, Any]) -> dict[str, Any]:
        if values.get("email"):
            values["email"] = v.normalize_email("email", values["email"])
        name = values.get("username")
        if name is not None:
            if any(ch.isspace() for ch in name):
                raise ValidationError(
                    "username", QT_TRANSLATE_NOOP("Errors", "A user name may not contain spaces.")
                )
            clash = session.scalar(
                select(User.id).where(User.username == name, User.deleted_at.is_(None))
            )
            if clash is not None and (obj is None or clash != obj.id):
                raise ValidationError(
                    "username",
                    QT_TRANSLATE_NOOP("Errors", "The user name “{name}” is already taken."),
                    name=name,
                )
        return values

    def list(self) -> list[User]:
        with self.ctx.db.session() as session:
            return list(
                session.scalars(
                    select(User).where(User.deleted_at.is_(None)).order_by(User.display_name)
                )
            )
