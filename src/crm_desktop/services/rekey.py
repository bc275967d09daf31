"""Changing a database file's passphrase (SQLCipher ``PRAGMA rekey``), the keychain entry, and
dropping the key while the window is locked.

``PRAGMA rekey`` rewrites every page under the new key in one write transaction: when it
fails (another program holds the file, the disk is full) SQLCipher rolls it back and the old
passphrase keeps working. The salt stays, so the key derivation for pooled connections
(``db/keyed_file.raw_key``) works unchanged with the new passphrase.

An open ``Database`` is re-keyed in place: its pooled connections are closed, the file is
re-keyed on a connection of its own, and the engine is replaced by one keyed with the new
key, so every service holding the ``Database`` keeps working.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlcipher3
from sqlalchemy.orm import sessionmaker

from crm_desktop.db.engine import Database, open_database
from crm_desktop.db.keyed_file import (
    BUSY_TIMEOUT_MS,
    RawConnection,
    _connect_raw,
    passphrase_key,
    raw_key,
    validate_new_passphrase,
)
from crm_desktop.domain import errors
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import secrets

REKEY_BUSY_MS = 2000


class RekeyFailedError(errors.CrmError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The passphrase of {file} could not be changed; the old passphrase still opens it. "
        "Close other programs that use the file and try again.",
    )


class PassphraseMismatchError(errors.ValidationError):
    def __init__(self) -> None:
        super().__init__(
            "repeat", QT_TRANSLATE_NOOP("Errors", "The two new passphrases are not the same.")
        )


def check_new_passphrase(old: str, new: str, repeat: str) -> None:
    validate_new_passphrase(new)
    if new != repeat:
        raise PassphraseMismatchError()
    if new == old:
        raise errors.ValidationError(
            "new",
            QT_TRANSLATE_NOOP("Errors", "The new passphrase is the same as the current one."),
        )


def rekey_file(path: str | os.PathLike[str], old: str, new: str) -> None:
    """Re-key a database file that this process does not hold open."""
    path = Path(path)
    validate_new_passphrase(new)
    try:
        conn = _connect_raw(path, raw_key(path, old), create=False, busy_ms=REKEY_BUSY_MS)
    except (OSError, sqlcipher3.Error):
        raise errors.DatabaseMissingError(path=str(path)) from None
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            raise errors.WrongPassphraseError(path=str(path)) from None
        try:
            conn.execute(f"PRAGMA rekey = {passphrase_key(new)}")
            # Fold the WAL into the file, so the file alone carries the new key.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlcipher3.Error:
            raise RekeyFailedError(file=path.name) from None
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            raise RekeyFailedError(file=path.name) from None
    finally:
        conn.close()
    check = _connect_raw(path, raw_key(path, new), create=False, busy_ms=BUSY_TIMEOUT_MS)
    try:
        check.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        raise RekeyFailedError(file=path.name) from None
    finally:
        check.close()


def replace_engine(db: Database, fresh: Database) -> None:
    """Make ``db`` use ``fresh``'s engine and sessions (``db`` is what every service holds)."""
    old_engine = db.engine
    db.engine = fresh.engine
    db._sessions = fresh._sessions
    db._writes = fresh._writes
    old_engine.dispose()


def change_passphrase(db: Database, old: str, new: str, *, keychain: str = "keep") -> None:
    """Re-key the open database ``db`` from ``old`` to ``new``.

    ``keychain``: "keep" refreshes an existing keychain entry with the new passphrase,
    "remember" stores it, "forget" removes the entry. The caller waits for background work
    on ``db`` first. On failure the file and ``db`` keep working with ``old``.
    """
    path = db.path
    validate_new_passphrase(new)
    db.engine.dispose()  # close the pooled connections: the re-key needs the file to itself
    rekey_file(path, old, new)
    replace_engine(db, open_database(path, new, migrate=False))
    if keychain == "forget":
        secrets.forget_passphrase(path)
    elif keychain == "remember" or (
        keychain == "keep" and secrets.recall_passphrase(path) is not None
    ):
        secrets.remember_passphrase(path, new)


# --- dropping the key while the window is locked --------------------------------------------


class DatabaseLockedByUserError(errors.CrmError):
    template = QT_TRANSLATE_NOOP("Errors", "CRM Desktop is locked. Unlock it to continue.")


def _refuse() -> RawConnection:
    raise DatabaseLockedByUserError()


def drop_key(db: Database) -> None:
    """Close every connection of ``db`` (SQLCipher wipes their keys) and keep no key here.

    Until ``restore_key``, any use of ``db`` raises ``DatabaseLockedByUserError``. The
    caller waits for background work on ``db`` first.
    """
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    locked = create_engine(
        "sqlite://", creator=_refuse, module=sqlcipher3.dbapi2, poolclass=NullPool
    )
    old = db.engine
    db.engine = locked
    db._sessions = sessionmaker(bind=locked, expire_on_commit=False)
    db._writes = sessionmaker(bind=locked, expire_on_commit=False)
    old.dispose()


def restore_key(db: Database, passphrase: str) -> None:
    """Open ``db``'s file again with ``passphrase`` (checked: a wrong one raises
    ``WrongPassphraseError`` and ``db`` stays locked)."""
    replace_engine(db, open_database(db.path, passphrase, migrate=False))
