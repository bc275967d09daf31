"""Reads keep a small page cache, writes and bulk work the big one (memory on big files)."""

from __future__ import annotations

from sqlalchemy import text

from crm_desktop.db.engine import READ_CACHE_KIB
from crm_desktop.db.keyed_file import CACHE_KIB
from crm_desktop.services.workspace import Workspace


def test_page_cache_follows_the_kind_of_transaction(workspace: Workspace) -> None:
    db = workspace.db
    with db.write() as session:
        assert session.execute(text("PRAGMA cache_size")).scalar() == -CACHE_KIB
    with db.session() as session:
        assert session.execute(text("PRAGMA cache_size")).scalar() == -READ_CACHE_KIB
    raw = db.raw_connection()  # bulk work on a connection a read just shrank
    try:
        assert raw.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
    finally:
        raw.close()
    assert READ_CACHE_KIB < CACHE_KIB
