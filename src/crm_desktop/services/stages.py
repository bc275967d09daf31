"""Pipeline stages: name, order, default probability, and whether they mean won or lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import Stage
from crm_desktop.domain.enums import StageKind
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import validation as v
from crm_desktop.services.entity import EntityService

DEFAULT_STAGES: list[tuple[str, int, StageKind]] = [
    (QT_TRANSLATE_NOOP("Stages", "Qualification"), 10, StageKind.OPEN),
    (QT_TRANSLATE_NOOP("Stages", "Needs analysis"), 25, StageKind.OPEN),
    (QT_TRANSLATE_NOOP("Stages", "Proposal"), 50, StageKind.OPEN),
    (QT_TRANSLATE_NOOP("Stages", "Negotiation"), 75, StageKind.OPEN),
    (QT_TRANSLATE_NOOP("Stages", "Won"), 100, StageKind.WON),
    (QT_TRANSLATE_NOOP("Stages", "Lost"), 0, StageKind.LOST),
]


class StageService(EntityService[Stage]):
    model = Stage
    entity = "stage"
    kind_label = QT_TRANSLATE_NOOP("Errors", "stage")
    fields: ClassVar[dict[str, v.Validator]] = {
        "name": v.text(100, required=True),
        "position": v.integer(0, 10_000),
        "default_probability": v.integer(0, 100),
        "kind": v.choice(StageKind),
    }
    required = ("name",)

    def prepare(
        self, session: Session, obj: Stage | None, values: dict[str, Any]
    ) -> dict[str, Any]:
        if obj is None:
            values.setdefault("kind", StageKind.OPEN.value)
            values.setdefault("default_probability", 0)
            if values.get("position") is None:
                last = session.scalar(select(func.max(Stage.position)))
                values["position"] = 0 if last is None else last + 1
        return values

    def list(self) -> list[Stage]:
        with self.ctx.db.session() as session:
            return list(
                session.scalars(
                    select(Stage).where(Stage.deleted_at.is_(None)).order_by(Stage.position)
                )
            )

    def seed_defaults(self, translate: Callable[[str, str], str] = lambda _c, t: t) -> None:
        """Create the default stages (named in the user's language) when the file has none."""
        if self.list():
            return
        for position, (name, probability, kind) in enumerate(DEFAULT_STAGES):
            self.create(
                name=translate("Stages", name),
                position=position,
                default_probability=probability,
                kind=kind.value,
            )
