"""Remembering a database's passphrase in the operating system's keychain (``keyring``).

One entry per database file, keyed by the file's absolute path. Where no real keychain backend
exists (a headless Linux machine), ``keychain_available`` says so and callers fall back to asking
for the passphrase; nothing is ever written to a plain-text store.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from crm_desktop.domain.errors import KeychainUnavailableError

SERVICE = "CRM Desktop"


def _account(path: str | Path) -> str:
    return str(Path(path).resolve())


def keychain_available() -> bool:
    try:
        import keyring
        from keyring.backends import fail, null
    except Exception:  # keyring itself failed to load
        return False
    backend = keyring.get_keyring()
    names = {type(b).__module__ for b in getattr(backend, "backends", [backend])}
    insecure = {fail.__name__, null.__name__, "keyrings.alt.file"}
    return bool(names - insecure) and float(getattr(backend, "priority", 1)) > 0


def remember_passphrase(path: str | Path, passphrase: str) -> None:
    if not keychain_available():
        raise KeychainUnavailableError()
    import keyring

    try:
        keyring.set_password(SERVICE, _account(path), passphrase)
    except Exception:  # the backend refused (locked keychain, denied access)
        raise KeychainUnavailableError() from None


def recall_passphrase(path: str | Path) -> str | None:
    if not keychain_available():
        return None
    import keyring

    try:
        return keyring.get_password(SERVICE, _account(path))
    except Exception:  # a locked or broken keychain is the same as no entry: ask the user
        return None


def forget_passphrase(path: str | Path) -> None:
    if not keychain_available():
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):
        keyring.delete_password(SERVICE, _account(path))
