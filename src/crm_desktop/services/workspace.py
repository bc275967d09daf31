"""Opening a database file as a working set of services, and preparing a new file.

``Workspace`` is what the composition root (GUI or command line) holds: the open database,
the service context and one instance of each service. Components receive the one service
they need, not the workspace.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from crm_desktop.db.engine import Database, create_database, open_database
from crm_desktop.db.models import COUNTED_TABLES, Meta
from crm_desktop.db.types import utcnow
from crm_desktop.domain.enums import Role
from crm_desktop.services.contacts import ContactService
from crm_desktop.services.context import ServiceContext, open_context, read_meta, write_meta
from crm_desktop.services.custom_fields import CustomFieldService
from crm_desktop.services.customers import CustomerService
from crm_desktop.services.followups import FollowUpService
from crm_desktop.services.opportunities import OpportunityService
from crm_desktop.services.saved_views import SavedViewService
from crm_desktop.services.stages import StageService
from crm_desktop.services.tags import TagService
from crm_desktop.services.users import UserService

Translate = Callable[[str, str], str]


@dataclass
class Workspace:
    db: Database
    ctx: ServiceContext

    def __post_init__(self) -> None:
        self.users = UserService(self.ctx)
        self.customers = CustomerService(self.ctx)
        self.contacts = ContactService(self.ctx)
        self.tags = TagService(self.ctx)
        self.custom_fields = CustomFieldService(self.ctx)
        self.stages = StageService(self.ctx)
        self.opportunities = OpportunityService(self.ctx)
        self.followups = FollowUpService(self.ctx)
        self.saved_views = SavedViewService(self.ctx)

    @property
    def path(self) -> Path:
        return self.db.path

    def counts(self) -> dict[str, int]:
        """Number of rows of each kind (deleted ones included)."""
        with self.db.session() as session:
            return {
                name: int(session.scalar(select(func.count()).select_from(model)) or 0)
                for name, model in COUNTED_TABLES.items()
            }

    def close(self) -> None:
        self.db.close()


def open_workspace(
    path: str | Path, passphrase: str, clock: Callable[[], datetime] = utcnow
) -> Workspace:
    db = open_database(path, passphrase)
    try:
        ctx = open_context(db, clock=clock)
        seen = read_meta(db, "sync_hlc")  # team sync: newest stamp received from others
        if seen:
            ctx.hlc.observe(seen)
        return Workspace(db, ctx)
    except BaseException:
        db.close()
        raise


def create_workspace(
    path: str | Path,
    passphrase: str,
    *,
    owner_name: str | None = None,
    translate: Translate = lambda _c, t: t,
    clock: Callable[[], datetime] = utcnow,
) -> Workspace:
    """A new encrypted file with its first user (the owner) and the default stages."""
    db = create_database(path, passphrase)
    try:
        ctx = open_context(db, clock=clock)
        workspace = Workspace(db, ctx)
        login = owner_name or _login_name()
        owner_id = workspace.users.create(username=login, display_name=login, role=Role.OWNER)
        write_meta(db, "current_user_id", owner_id)
        with db.write() as session:
            session.merge(Meta(key="created_at", value=clock().isoformat()))
        ctx.user_id = owner_id
        workspace.stages.seed_defaults(translate)
        return workspace
    except BaseException:
        db.close()
        raise


def _login_name() -> str:
    try:
        name = getpass.getuser()
    except Exception:  # no login name on some systems
        name = ""
    return "".join(name.split())[:64] or "owner"
