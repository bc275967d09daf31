"""The conflicts list: local changes that lost to a newer one, or that the server refused.

Keep mine writes the lost value again as a new change (its stamp is newer than anything this
device has seen, so it wins at the next sync); keep theirs just closes the entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from crm_desktop.db.engine import Database
from crm_desktop.db.models import SyncConflict
from crm_desktop.db.types import utcnow
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.journal import Action
from crm_desktop.sync.local_apply import Local


@dataclass(frozen=True)
class ConflictEntry:
    change_id: str
    entity: str
    record_id: str
    field: str
    mine: str | None
    theirs: str | None
    theirs_hlc: str | None
    reason: str


def open_conflicts(db: Database) -> list[ConflictEntry]:
    with db.session() as session:
        rows = session.scalars(
            select(SyncConflict)
            .where(SyncConflict.resolved_at.is_(None))
            .order_by(SyncConflict.found_at, SyncConflict.change_id)
        )
        return [
            ConflictEntry(
                r.change_id, r.entity, r.record_id, r.field, r.mine, r.theirs, r.theirs_hlc,
                r.reason,
            )
            for r in rows
        ]  # fmt: skip


def keep_theirs(db: Database, change_id: str) -> None:
    with db.write() as session:
        row = session.get(SyncConflict, change_id)
        if row is not None:
            row.resolved_at = utcnow()


def keep_mine(ctx: ServiceContext, change_id: str) -> None:
    """Write my value again, as a new change of this device, in one transaction."""
    with ctx.db.write() as session:
        row = session.get(SyncConflict, change_id)
        if row is None or row.resolved_at is not None:
            return
        local = Local.of(session, ctx.default_region)
        mine = json.loads(row.mine) if row.mine is not None else None
        old = local.current(row.entity, row.record_id, row.field)
        if row.theirs_hlc:
            ctx.hlc.observe(row.theirs_hlc)
        local.write(row.entity, row.record_id, row.field, mine, None)
        action = Action(session, ctx)
        action.record(row.entity, row.record_id, {row.field: (old, mine)})
        if old == mine:  # the journal skips equal values; the choice must still be sent
            action.record(row.entity, row.record_id, {row.field: (None, mine)})
        local.refresh_customers()
        row.resolved_at = utcnow()
