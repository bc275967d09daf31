"""Moving deals through the pipeline: drag to a stage, win with a close date, lose with a reason.

Every move, and every save from the editor, is one transaction: the stage change, its
history row (``OpportunityService``), the journal, and the follow-up a stage trigger plans.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from crm_desktop.db.models import FollowUp, Opportunity, Stage
from crm_desktop.domain.enums import StageKind
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.entity import EntityService
from crm_desktop.services.journal import Action
from crm_desktop.services.opportunities import OpportunityService
from crm_desktop.services.stage_triggers import fire


@dataclass(frozen=True)
class MoveResult:
    opportunity_id: str
    from_stage_id: str
    to_stage_id: str
    followup_id: str | None  # planned by the new stage's trigger


class PipelineService:
    """Stage moves and editor saves that also run the stage triggers."""

    def __init__(
        self,
        ctx: ServiceContext,
        opportunities: OpportunityService,
        followups: EntityService[FollowUp],
    ) -> None:
        self.ctx = ctx
        self.opportunities = opportunities
        self.followups = followups

    def move(
        self,
        opportunity_id: str,
        stage_id: str,
        *,
        closed_on: date | None = None,
        lost_reason: str | None = None,
    ) -> MoveResult:
        """Put a deal in another stage. A lost stage needs a reason; a won one may take the
        day the deal closed (default: now)."""
        with self.ctx.db.write() as session:
            stage = session.get(Stage, stage_id)
            if stage is None or stage.deleted_at is not None:
                raise NotFoundError(kind=QT_TRANSLATE_NOOP("Errors", "stage"))
            values: dict[str, Any] = {"stage_id": stage_id}
            if stage.kind == StageKind.LOST:
                if not (lost_reason or "").strip():
                    raise ValidationError(
                        "lost_reason",
                        QT_TRANSLATE_NOOP("Errors", "Say why the opportunity was lost."),
                    )
                values["lost_reason"] = lost_reason
            cleaned = self.opportunities.clean(values, creating=False)
            action = Action(session, self.ctx)
            obj = self.opportunities.load(session, opportunity_id)
            before = obj.stage_id
            self.opportunities.update_in(action, opportunity_id, cleaned)
            if stage.kind == StageKind.WON and closed_on is not None:
                self._set_closed(action, obj, closed_on)
            followup = fire(action, self.followups, obj) if before != stage_id else None
            return MoveResult(opportunity_id, before, stage_id, followup)

    def create(self, **values: Any) -> str:
        """``OpportunityService.create`` plus the trigger of the stage it starts in."""
        with self.ctx.db.write() as session:
            action = Action(session, self.ctx)
            cleaned = self.opportunities.clean(values, creating=True)
            opportunity_id = self.opportunities.create_in(action, cleaned)
            fire(action, self.followups, self.opportunities.load(session, opportunity_id))
            return opportunity_id

    def update(self, opportunity_id: str, **values: Any) -> None:
        """``OpportunityService.update`` plus the trigger when the stage changes."""
        cleaned = self.opportunities.clean(values, creating=False)
        with self.ctx.db.write() as session:
            action = Action(session, self.ctx)
            obj = self.opportunities.load(session, opportunity_id)
            before = obj.stage_id
            self.opportunities.update_in(action, opportunity_id, cleaned)
            if obj.stage_id != before:
                fire(action, self.followups, obj)

    def _set_closed(self, action: Action, obj: Opportunity, closed_on: date) -> None:
        now = action.when
        if closed_on > now.date():
            raise ValidationError(
                "closed_at", QT_TRANSLATE_NOOP("Errors", "The close date is in the future.")
            )
        if closed_on == now.date():
            return
        closed_at = datetime.combine(closed_on, time(12), UTC)
        action.record("opportunity", obj.id, {"closed_at": (obj.closed_at, closed_at)})
        obj.closed_at = closed_at
        action.session.flush()
