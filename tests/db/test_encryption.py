"""The file on disk is encrypted: unreadable as SQLite, and no customer text appears in it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crm_desktop.services.workspace import Workspace

NAMES = ["张三丰", "北京星辰科技有限公司", "Margaret Thornbury", "thornbury@example.org"]


def _all_bytes(db_path: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal"):
        part = Path(str(db_path) + suffix)
        if part.exists():
            data += part.read_bytes()
    return data


def _add_customers(workspace: Workspace) -> None:
    workspace.customers.create(name=NAMES[0], company=NAMES[1], notes=NAMES[2] * 20)
    workspace.customers.create(name=NAMES[2], email=NAMES[3])


def test_file_is_not_readable_as_plain_sqlite(workspace: Workspace, db_path: Path) -> None:
    _add_customers(workspace)
    workspace.close()
    assert not db_path.read_bytes().startswith(b"SQLite format 3")
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    conn.close()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
def test_no_customer_text_in_file_or_wal(
    workspace: Workspace, db_path: Path, encoding: str
) -> None:
    _add_customers(workspace)
    while_open = _all_bytes(db_path)  # the WAL holds the recent pages while the file is open
    workspace.close()
    after_close = _all_bytes(db_path)
    assert len(while_open) > 4096
    for name in NAMES:
        needle = name.encode(encoding)
        assert needle not in while_open
        assert needle not in after_close
