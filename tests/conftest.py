"""Shared fixtures: real encrypted database files in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

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
