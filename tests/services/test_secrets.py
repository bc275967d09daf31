"""Remembering passphrases in the OS keychain, and the fallback when there is none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from crm_desktop.domain.errors import KeychainUnavailableError
from crm_desktop.services import secrets
from tests.conftest import MemoryKeyring


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_remember_recall_forget(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    path = tmp_path / "crm.db"
    assert secrets.keychain_available()
    assert secrets.recall_passphrase(path) is None
    secrets.remember_passphrase(path, "秘密 passphrase")
    assert secrets.recall_passphrase(tmp_path / "." / "crm.db") == "秘密 passphrase"
    assert secrets.recall_passphrase(tmp_path / "other.db") is None
    secrets.forget_passphrase(path)
    secrets.forget_passphrase(path)  # forgetting twice is fine
    assert secrets.recall_passphrase(path) is None


@pytest.mark.usefixtures("no_keyring")
def test_without_keychain_falls_back(tmp_path: Path) -> None:
    assert not secrets.keychain_available()
    assert secrets.recall_passphrase(tmp_path / "crm.db") is None
    with pytest.raises(KeychainUnavailableError, match="Type it each time"):
        secrets.remember_passphrase(tmp_path / "crm.db", "passphrase")
