"""A fresh PostgreSQL database per test (127.0.0.1:5432, user postgres), dropped afterwards.

Member roles are cluster-wide, so their names carry the database's unique name and are
dropped too. Without a server the sync tests are skipped, saying why, except under CI=true,
where they fail: CI always runs them against a real server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

from crm_desktop.services.workspace import Workspace, create_workspace
from crm_desktop.sync.client import SyncClient
from crm_desktop.sync.server_admin import add_user, init_server

PG_HOST = os.environ.get("CRM_TEST_PGHOST", "127.0.0.1")
PG_PORT = int(os.environ.get("CRM_TEST_PGPORT", "5432"))
ADMIN = f"host={PG_HOST} port={PG_PORT} user=postgres dbname=postgres connect_timeout=5"
PASSPHRASE = "correct horse battery"


def _server_reason() -> str | None:
    try:
        with psycopg.connect(ADMIN, autocommit=True) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        return f"no PostgreSQL at {PG_HOST}:{PG_PORT} as user postgres ({error})".strip()
    return None


@pytest.fixture(scope="session")
def pg_available() -> None:
    reason = _server_reason()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and the sync tests cannot run: {reason}")
    pytest.skip(f"sync tests skipped: {reason}")


@dataclass
class Team:
    """One test's team database: admin DSN, member logins, client files."""

    name: str
    tmp: Path
    roles: list[str] = field(default_factory=list)

    def dsn(self, user: str = "postgres") -> str:
        return f"host={PG_HOST} port={PG_PORT} user={user} dbname={self.name} connect_timeout=5"

    @property
    def admin(self) -> str:
        return self.dsn()

    def add_member(self, short: str, role: str, user_id: str | None = None) -> tuple[str, str]:
        """A member login (unique across the cluster); returns (login, user id)."""
        login = f"{self.name}_{short}"
        self.roles.append(login)
        return login, add_user(self.admin, login, "pw", role, display_name=short, user_id=user_id)

    def connect(self, login: str | None = None, **kwargs: Any) -> Any:
        return psycopg.connect(self.dsn(login or "postgres"), autocommit=True, **kwargs)

    def workspace(self, short: str) -> Workspace:
        return create_workspace(self.tmp / f"{short}.db", PASSPHRASE, owner_name=short)

    def client(self, ws: Workspace, login: str) -> SyncClient:
        return SyncClient(ws.ctx, lambda: self.connect(login))


@pytest.fixture
def team(pg_available: None, tmp_path: Path) -> Iterator[Team]:
    name = f"crmt_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    t = Team(name, tmp_path)
    init_server(t.admin)
    try:
        yield t
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            for role in t.roles:
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
