"""What every service needs to act: the database, who is acting, on which device, and when."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from crm_desktop.db.engine import Database
from crm_desktop.db.models import ChangeJournal, Meta
from crm_desktop.db.types import utcnow
from crm_desktop.domain.ids import new_id
from crm_desktop.sync.clock import HybridClock

DEFAULT_REGION = "CN"


@dataclass
class ServiceContext:
    db: Database
    device_id: str
    user_id: str | None = None
    default_region: str = DEFAULT_REGION
    clock: Callable[[], datetime] = utcnow
    hlc: HybridClock = field(init=False)
    last_stamp: str | None = None

    def __post_init__(self) -> None:
        self.hlc = HybridClock(self.device_id, self.last_stamp)


def read_meta(db: Database, key: str) -> str | None:
    with db.session() as session:
        row = session.get(Meta, key)
        return row.value if row is not None else None


def write_meta(db: Database, key: str, value: str) -> None:
    with db.write() as session:
        session.merge(Meta(key=key, value=value))


def open_context(
    db: Database,
    user_id: str | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> ServiceContext:
    """Context for this device on ``db``; the device id is made once per file and kept."""
    with db.write() as session:
        meta = {m.key: m.value for m in session.scalars(select(Meta))}
        device_id = meta.get("device_id")
        if device_id is None:
            device_id = new_id()
            session.add(Meta(key="device_id", value=device_id))
        last = session.scalar(
            select(ChangeJournal.hlc)
            .where(ChangeJournal.device_id == device_id)
            .order_by(ChangeJournal.seq.desc())
            .limit(1)
        )
    return ServiceContext(
        db=db,
        device_id=device_id,
        user_id=user_id if user_id is not None else meta.get("current_user_id"),
        default_region=meta.get("default_region", DEFAULT_REGION),
        clock=clock,
        last_stamp=last,
    )
