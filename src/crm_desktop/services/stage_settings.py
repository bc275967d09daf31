"""Stage settings: add, rename, reorder, set probability and kind, delete with reassignment.

Deleting a stage that still holds deals moves them to another stage first, in the same
transaction, with a history row and journal entries for each deal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, update

from crm_desktop.db.bulk import insert_rows
from crm_desktop.db.models import Opportunity, Stage
from crm_desktop.db.types import to_utc_text
from crm_desktop.domain.enums import OpportunityStatus, StageKind
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.ids import new_id
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services.journal import Action, BulkJournal
from crm_desktop.services.stage_triggers import read_triggers, write_triggers
from crm_desktop.services.stages import StageService

HISTORY_COLUMNS = ("id", "opportunity_id", "from_stage_id", "to_stage_id", "changed_at", "user_id")
_STATUS = {StageKind.WON: OpportunityStatus.WON, StageKind.LOST: OpportunityStatus.LOST}


class StageSettings:
    """The use cases of the stages settings dialog."""

    def __init__(self, stages: StageService) -> None:
        self.stages = stages
        self.ctx = stages.ctx

    def list(self) -> list[Stage]:
        return self.stages.list()

    def add(self, name: str, default_probability: int = 0, kind: str = "open") -> str:
        return self.stages.create(name=name, default_probability=default_probability, kind=kind)

    def change(self, stage_id: str, **values: Any) -> None:
        """Rename, set the default probability or the kind (open / won / lost)."""
        if "kind" in values:
            self._keep_an_open_stage(stage_id, values["kind"])
        self.stages.update(stage_id, **values)

    def reorder(self, stage_ids: Sequence[str]) -> None:
        """Give the stages the order of ``stage_ids`` (positions 0, 1, …), in one action."""
        with self.ctx.db.write() as session:
            action = Action(session, self.ctx)
            for position, stage_id in enumerate(stage_ids):
                self.stages.update_in(action, stage_id, {"position": position})

    def holdings(self, stage_id: str) -> int:
        """How many deals (deleted ones included) are in the stage."""
        with self.ctx.db.session() as session:
            query = select(func.count()).where(Opportunity.stage_id == stage_id)
            return int(session.scalar(query) or 0)

    def delete(self, stage_id: str, move_to: str | None = None) -> int:
        """Delete a stage, first moving its deals to ``move_to``; returns how many moved."""
        with self.ctx.db.write() as session:
            action = Action(session, self.ctx)
            stage = self.stages.load(session, stage_id)
            self._keep_an_open_stage(stage_id, None)
            moved = session.execute(
                select(Opportunity.id, Opportunity.status, Opportunity.closed_at).where(
                    Opportunity.stage_id == stage_id
                )
            ).all()
            if moved:
                if move_to is None or move_to == stage_id:
                    raise ValidationError(
                        "move_to",
                        QT_TRANSLATE_NOOP(
                            "Errors", "Choose the stage that takes this stage's opportunities."
                        ),
                    )
                target = self.stages.load(session, move_to)
                self._reassign(action, moved, stage.id, target)
            stage.deleted_at = action.when
            stage.updated_at = action.when
            action.record("stage", stage.id, {"deleted_at": (None, action.when)})
            triggers = read_triggers(session)
            if triggers.pop(stage_id, None) is not None:
                write_triggers(session, triggers)
            return len(moved)

    def _reassign(self, action: Action, rows: Sequence[Any], from_id: str, target: Stage) -> None:
        session, when = action.session, action.when
        status = _STATUS.get(StageKind(target.kind), OpportunityStatus.OPEN).value
        stamp = to_utc_text(when)
        journal = BulkJournal(self.ctx)
        journal.action_id, journal.when = action.action_id, stamp
        history: list[tuple[Any, ...]] = []
        for oid, old_status, old_closed in rows:
            journal.add("opportunity", oid, "stage_id", from_id, target.id)
            if old_status != status:
                journal.add("opportunity", oid, "status", old_status, status)
                new_closed = None if status == OpportunityStatus.OPEN else when
                journal.add("opportunity", oid, "closed_at", old_closed, new_closed)
            history.append((new_id(), oid, from_id, target.id, stamp, self.ctx.user_id))
        values: dict[str, Any] = {
            "stage_id": target.id, "stage_changed_at": when, "updated_at": when,
        }  # fmt: skip
        session.execute(
            update(Opportunity)
            .where(Opportunity.stage_id == from_id, Opportunity.status != status)
            .values(status=status, closed_at=None if status == "open" else when)
        )
        session.execute(update(Opportunity).where(Opportunity.stage_id == from_id).values(values))
        insert_rows(session, "stage_history", HISTORY_COLUMNS, history)
        journal.flush(session)

    def _keep_an_open_stage(self, stage_id: str, new_kind: str | None) -> None:
        """Refuse to delete (or turn won/lost) the last open stage: the board needs one."""
        if new_kind == StageKind.OPEN:
            return
        others = [s for s in self.list() if s.kind == StageKind.OPEN and s.id != stage_id]
        if not others:
            raise ValidationError(
                "kind", QT_TRANSLATE_NOOP("Errors", "The pipeline needs at least one open stage.")
            )
