"""Changing the passphrase: the new one opens the file, a failed change leaves the old one."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

from crm_desktop.db.keyed_file import raw_key
from crm_desktop.domain import errors
from crm_desktop.services import rekey, secrets
from crm_desktop.services.workspace import Workspace, open_workspace
from tests.conftest import PASSPHRASE, MemoryKeyring

NEW = "a brand new passphrase"


def _opens(path: Path, passphrase: str) -> bool:
    try:
        ws = open_workspace(path, passphrase)
    except errors.WrongPassphraseError:
        return False
    ws.close()
    return True


def test_change_passphrase_keeps_data_and_the_open_workspace_working(
    workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    first = workspace.customers.create(name="张三", phone="13800138000")
    secrets.remember_passphrase(workspace.path, PASSPHRASE)
    rekey.change_passphrase(workspace.db, PASSPHRASE, NEW)
    assert workspace.customers.get(first).name == "张三"  # same services, new engine
    second = workspace.customers.create(name="李四")
    assert secrets.recall_passphrase(workspace.path) == NEW  # the entry was refreshed
    path = workspace.path
    workspace.close()
    assert not _opens(path, PASSPHRASE)
    reopened = open_workspace(path, NEW)
    try:
        assert reopened.customers.get(second).name == "李四"
        conn = reopened.db.raw_connection().driver_connection
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
    finally:
        reopened.close()


def test_keychain_entry_can_be_removed_with_the_change(
    workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    secrets.remember_passphrase(workspace.path, PASSPHRASE)
    rekey.change_passphrase(workspace.db, PASSPHRASE, NEW, keychain="forget")
    assert secrets.recall_passphrase(workspace.path) is None


def test_no_keychain_entry_is_made_unless_asked(
    workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    rekey.change_passphrase(workspace.db, PASSPHRASE, NEW)
    assert secrets.recall_passphrase(workspace.path) is None
    rekey.change_passphrase(workspace.db, NEW, PASSPHRASE, keychain="remember")
    assert secrets.recall_passphrase(workspace.path) == PASSPHRASE


def test_a_failed_rekey_leaves_the_old_passphrase_working(workspace: Workspace) -> None:
    customer = workspace.customers.create(name="Alice Smith")
    other = sqlcipher3.connect(str(workspace.path), isolation_level=None)
    other.execute(f"PRAGMA key = {raw_key(workspace.path, PASSPHRASE)}")
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(rekey.RekeyFailedError):
            rekey.change_passphrase(workspace.db, PASSPHRASE, NEW)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert workspace.customers.get(customer).name == "Alice Smith"  # still usable
    path = workspace.path
    workspace.close()
    assert _opens(path, PASSPHRASE)
    assert not _opens(path, NEW)


def test_wrong_current_passphrase_changes_nothing(workspace: Workspace) -> None:
    with pytest.raises(errors.WrongPassphraseError):
        rekey.change_passphrase(workspace.db, "not the passphrase", NEW)
    path = workspace.path
    workspace.close()
    assert _opens(path, PASSPHRASE)


@pytest.mark.parametrize(
    ("new", "repeat"), [("short", "short"), (NEW, NEW + "x"), (PASSPHRASE, PASSPHRASE)]
)
def test_new_passphrase_is_checked(new: str, repeat: str) -> None:
    with pytest.raises(errors.ValidationError):
        rekey.check_new_passphrase(PASSPHRASE, new, repeat)
