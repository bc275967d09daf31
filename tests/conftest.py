"""Shared fixtures: real encrypted database files in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from sqlalchemy import Engine

from crm_desktop.services.workspace import Workspace, create_workspace

PASSPHRASE = "correct horse battery"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "crm.db"


@pytest.fixture
def workspace(db_path: Path) -> Iterator[Workspace]:
    ws = create_workspace(db_path, PASSPHRASE, owner_name="boss")
    yield ws
    ws.close()


def old_schema_engine(path: Path, revision: str = "0001") -> Engine:
    """A new encrypted file at ``path`` migrated only up to ``revision``, as an older version of
    the app left it; dispose of the engine before opening the file with the app."""
    from crm_desktop.db.engine import _make_engine
    from crm_desktop.db.keyed_file import _connect_raw, passphrase_key, raw_key
    from crm_desktop.db.migrate import upgrade

    raw = _connect_raw(path, passphrase_key(PASSPHRASE), create=True, busy_ms=1000)
    raw.execute("PRAGMA journal_mode = WAL")
    engine = _make_engine(path, raw_key(path, PASSPHRASE), raw)
    upgrade(engine, revision)
    return engine


class MemoryKeyring(KeyringBackend):
    """A working keychain backend that keeps entries in memory (a real backend, not a mock)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
