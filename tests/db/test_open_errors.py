"""Each way a file can fail to open gives its own message and leaves the file untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3

from crm_desktop.db.engine import create_database, open_database
from crm_desktop.domain import errors
from crm_desktop.services.workspace import create_workspace
from tests.conftest import PASSPHRASE


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in the folder: content hash and modification time."""
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
    }


@pytest.fixture
def crm_file(tmp_path: Path) -> Path:
    path = tmp_path / "crm.db"
    create_workspace(path, PASSPHRASE, owner_name="boss").close()
    return path


def _assert_refused(path: Path, passphrase: str, error: type[errors.CrmError]) -> str:
    before = _snapshot(path.parent)
    with pytest.raises(error) as info:
        open_database(path, passphrase)
    assert _snapshot(path.parent) == before
    message = info.value.message
    assert str(path) in message
    return message


def test_wrong_passphrase(crm_file: Path) -> None:
    message = _assert_refused(crm_file, "not the passphrase", errors.WrongPassphraseError)
    assert "passphrase is wrong" in message


def test_plain_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers(name)")
    conn.execute("INSERT INTO customers VALUES ('Alice')")
    conn.commit()
    conn.close()
    assert "unencrypted" in _assert_refused(path, PASSPHRASE, errors.NotEncryptedError)


@pytest.mark.parametrize(
    "content", [b"name,phone\nAlice,123\n", b"", b"\x00" * 100], ids=["csv", "empty", "short"]
)
def test_not_a_database(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    assert "not a database" in _assert_refused(path, PASSPHRASE, errors.NotADatabaseError)


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(errors.NotADatabaseError):
        open_database(tmp_path, PASSPHRASE)


def test_missing_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(errors.DatabaseMissingError, match="does not exist"):
        open_database(path, PASSPHRASE)
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def read_only(crm_file: Path) -> Iterator[Path]:
    mode = crm_file.stat().st_mode
    crm_file.chmod(stat.S_IRUSR | stat.S_IRGRP)
    yield crm_file
    crm_file.chmod(mode)


def test_read_only_file(read_only: Path) -> None:
    assert "read-only" in _assert_refused(read_only, PASSPHRASE, errors.ReadOnlyDatabaseError)


def test_read_only_folder(crm_file: Path) -> None:
    folder = crm_file.parent
    mode = folder.stat().st_mode
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        _assert_refused(crm_file, PASSPHRASE, errors.ReadOnlyDatabaseError)
    finally:
        folder.chmod(mode)


def test_locked_file(crm_file: Path) -> None:
    holder = sqlcipher3.connect(str(crm_file), isolation_level=None)
    holder.execute(f"PRAGMA key = '{PASSPHRASE}'")
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO meta VALUES ('held', 'yes')")
    try:
        message = _assert_refused(crm_file, PASSPHRASE, errors.DatabaseLockedError)
        assert "locked by another program" in message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    open_database(crm_file, PASSPHRASE).close()  # usable again once the other program lets go


def test_newer_schema_is_refused(crm_file: Path) -> None:
    conn = sqlcipher3.connect(str(crm_file), isolation_level=None)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.close()
    message = _assert_refused(crm_file, PASSPHRASE, errors.NewerSchemaError)
    assert "newer version" in message and "0999" in message


def test_encrypted_database_of_another_program(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("CREATE TABLE notes(body)")
    conn.close()
    _assert_refused(path, PASSPHRASE, errors.NotCrmDatabaseError)


def test_create_refuses_existing_file(crm_file: Path) -> None:
    before = _snapshot(crm_file.parent)
    with pytest.raises(errors.DatabaseExistsError):
        create_database(crm_file, PASSPHRASE)
    assert _snapshot(crm_file.parent) == before


@pytest.mark.parametrize("passphrase", ["short", "x" * 2000, "nul\x00passphrase"])
def test_bad_new_passphrase(tmp_path: Path, passphrase: str) -> None:
    with pytest.raises(errors.ValidationError):
        create_database(tmp_path / "new.db", passphrase)
    assert list(tmp_path.iterdir()) == []


def test_passphrase_with_quotes_round_trips(tmp_path: Path) -> None:
    passphrase = 'it\'s a "quoted" 密码'
    path = tmp_path / "quotes.db"
    create_database(path, passphrase).close()
    open_database(path, passphrase).close()
    with pytest.raises(errors.WrongPassphraseError):
        open_database(path, passphrase.replace("'", ""))


def test_root_can_not_bypass_read_only_check(read_only: Path) -> None:
    # The check looks at the permission bits too, so it holds even for an all-powerful user.
    assert os.access(read_only, os.R_OK)
    with pytest.raises(errors.ReadOnlyDatabaseError):
        open_database(read_only, PASSPHRASE)
