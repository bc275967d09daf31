"""A database file that was cut short or had bytes changed: a clear refusal or a clear check
result, never silently wrong data."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

from crm_desktop.db.keyed_file import raw_key
from crm_desktop.domain import errors
from crm_desktop.services import backup
from crm_desktop.services.workspace import create_workspace, open_workspace
from tests.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("healthy") / "crm.db"
    ws = create_workspace(path, PASSPHRASE, owner_name="boss")
    for n in range(200):
        ws.customers.create(name=f"Customer {n}", notes="note " * 100)
    ws.close()
    return path.read_bytes()


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.999])
def test_a_truncated_file_is_refused_and_left_alone(
    healthy: bytes, tmp_path: Path, keep: float
) -> None:
    path = tmp_path / "cut.db"
    data = healthy[: int(len(healthy) * keep)]
    path.write_bytes(data)
    with pytest.raises(errors.DatabaseOpenError):
        open_workspace(path, PASSPHRASE)
    assert path.read_bytes() == data


def test_a_changed_first_page_is_refused(healthy: bytes, tmp_path: Path) -> None:
    path = tmp_path / "page1.db"
    data = bytearray(healthy)
    data[200] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(errors.DatabaseOpenError):
        open_workspace(path, PASSPHRASE)


@pytest.mark.parametrize("where", [0.3, 0.6, 0.95])
def test_a_changed_byte_elsewhere_is_found_by_the_check(
    healthy: bytes, tmp_path: Path, where: float
) -> None:
    path = tmp_path / "flipped.db"
    data = bytearray(healthy)
    data[int(len(data) * where)] ^= 0x55
    path.write_bytes(bytes(data))
    with pytest.raises(backup.BackupError, match="damaged"):
        backup.verify_backup(path, PASSPHRASE)
    # Reading the changed page fails loudly (the page's HMAC), it never returns other data.
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = {raw_key(path, PASSPHRASE)}")
        conn.execute("PRAGMA cipher_log_level = NONE")
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() != []
    finally:
        conn.close()
