"""Opening the encrypted file itself (SQLCipher 4 through ``sqlcipher3``), without SQLAlchemy.

Every connection gets the key first, then: foreign keys on, WAL journal, ``synchronous=FULL``
(in WAL mode a committed transaction is then on disk before ``COMMIT`` returns, so it survives
a power cut), temp store in memory (no decrypted pages in temporary files), and a busy timeout.

Opening checks the file before writing anything to it, so that a missing file, a plain SQLite
file, a file that is not a database, a wrong passphrase, a read-only or locked file and a file
from a newer schema each raise their own error and leave the file byte-for-byte unchanged.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from crm_desktop.db.schema import SCHEMA_HEAD, schema_number
from crm_desktop.domain import errors
from crm_desktop.domain.search_text import customer_document, name_heads, search_rank
from crm_desktop.domain.sort_key import name_sort_key
from crm_desktop.domain.text import QT_TRANSLATE_NOOP

SQLITE_HEADER = b"SQLite format 3\x00"
OPEN_BUSY_TIMEOUT_MS = 1500
BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 16 * 1024  # page cache per connection: bulk writes touch many index pages
MIN_PASSPHRASE = 8
SALT_BYTES = 16  # SQLCipher 4 defaults: salt at the start of the file, PBKDF2-HMAC-SHA512
KDF_ROUNDS = 256_000
KEY_BYTES = 32
MAX_PASSPHRASE = 1024

RawConnection = Any  # a sqlcipher3 DB-API connection; the module ships no type hints

# A parameter that is not an int, float, str or bytes goes through the module's adapter lookup,
# which for None finds no adapter and then probes two attributes that do not exist — about a
# microsecond per NULL, most of the cost of a bulk insert of sparse rows. An adapter for None
# that gives None back (``{}.get(None)``, a C call) binds the same NULL at once.
sqlcipher3.register_adapter(type(None), {}.get)


def validate_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise errors.ValidationError(
            "passphrase",
            QT_TRANSLATE_NOOP("Errors", "The passphrase must have at least {n} characters."),
            n=MIN_PASSPHRASE,
        )
    _check_passphrase_chars(passphrase)


def _check_passphrase_chars(passphrase: str) -> None:
    if len(passphrase) > MAX_PASSPHRASE or "\x00" in passphrase:
        raise errors.ValidationError(
            "passphrase",
            QT_TRANSLATE_NOOP(
                "Errors", "The passphrase may not be longer than {n} characters or contain NUL."
            ),
            n=MAX_PASSPHRASE,
        )


def passphrase_key(passphrase: str) -> str:
    """The ``PRAGMA key`` value for a passphrase (SQLCipher derives the key: slow on purpose)."""
    return "'" + passphrase.replace("'", "''") + "'"


def raw_key(path: Path, passphrase: str) -> str:
    """The ``PRAGMA key`` value for the key SQLCipher 4 derives from ``passphrase`` for this file.

    SQLCipher 4 derives its key with PBKDF2-HMAC-SHA512, 256,000 rounds, over the 16-byte salt
    at the start of the file. Deriving it once here (the same cost, with the GIL released) and
    handing every pooled connection the raw key makes each further connection instant, instead
    of paying the deliberately slow derivation again per connection.
    """
    with path.open("rb") as fh:
        salt = fh.read(SALT_BYTES)
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ROUNDS, KEY_BYTES)
    return f"\"x'{key.hex()}'\""


def _connect_raw(path: Path, key: str, *, create: bool, busy_ms: int) -> RawConnection:
    """A keyed DB-API connection in autocommit mode (SQLAlchemy emits BEGIN itself); ``key`` is
    a ``PRAGMA key`` value from ``passphrase_key`` or ``raw_key``."""
    mode = "rwc" if create else "rw"
    uri = path.resolve().as_uri() + f"?mode={mode}"
    conn = sqlcipher3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key}")
        conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    except BaseException:
        conn.close()
        raise
    return conn


def register_functions(conn: RawConnection) -> None:
    """The SQL functions the schema's triggers and expression indexes call: every connection
    that writes customers, or checks the file's integrity, needs them."""
    conn.create_function("crm_search_document", 8, customer_document, deterministic=True)
    conn.create_function("crm_search_rank", 4, search_rank, deterministic=True)
    conn.create_function("crm_name_key", 2, name_sort_key, deterministic=True)
    conn.create_function("crm_name_heads", 2, name_heads, deterministic=True)


def _configure(conn: RawConnection) -> None:
    register_functions(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _is_read_only(path: Path) -> bool:
    st = path.stat()
    if not st.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        return True
    folder = path.parent
    # WAL mode keeps -wal and -shm files beside the database, so its folder must be writable.
    return not os.access(folder, os.W_OK | os.X_OK) or not folder.stat().st_mode & stat.S_IWUSR


def _precheck(path: Path) -> None:
    """Checks that need no key and touch nothing."""
    if not path.exists():
        raise errors.DatabaseMissingError(path=str(path))
    if not path.is_file():
        raise errors.NotADatabaseError(path=str(path))
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER:
        raise errors.NotEncryptedError(path=str(path))
    # SQLCipher files are whole pages of ciphertext: never empty, always a multiple of 512.
    if size == 0 or size % 512:
        raise errors.NotADatabaseError(path=str(path))
    if _is_read_only(path):
        raise errors.ReadOnlyDatabaseError(path=str(path))


def _classify(exc: Exception, path: Path) -> errors.DatabaseOpenError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return errors.DatabaseLockedError(path=str(path))
    if "readonly" in text or "read-only" in text:
        return errors.ReadOnlyDatabaseError(path=str(path))
    if "not a database" in text or "encrypted" in text:
        return errors.WrongPassphraseError(path=str(path))
    return errors.NotADatabaseError(path=str(path))


def _read_version(conn: RawConnection, path: Path) -> str:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        row = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            raise errors.NotCrmDatabaseError(path=str(path))
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlcipher3.DatabaseError as exc:
        raise _classify(exc, path) from None
    if version is None:
        raise errors.NotCrmDatabaseError(path=str(path))
    return str(version[0])


@dataclass
class KeyedFile:
    """A checked, keyed and configured connection to a database file of a known schema."""

    path: Path
    connection: RawConnection
    version: str
    key: str  # the raw key, for further connections

    @property
    def needs_upgrade(self) -> bool:
        return (schema_number(self.version) or 0) < (schema_number(SCHEMA_HEAD) or 0)


def open_keyed(path: str | os.PathLike[str], passphrase: str) -> KeyedFile:
    """Check, key and configure ``path``; raises a ``DatabaseOpenError`` and leaves the file
    untouched when it cannot be opened or comes from a newer schema."""
    path = Path(path)
    _check_passphrase_chars(passphrase)
    _precheck(path)
    key = raw_key(path, passphrase)
    try:
        conn = _connect_raw(path, key, create=False, busy_ms=OPEN_BUSY_TIMEOUT_MS)
    except sqlcipher3.Error as exc:
        raise _classify(exc, path) from None
    try:
        version = _read_version(conn, path)
        found, known = schema_number(version), schema_number(SCHEMA_HEAD) or 0
        if found is None or found > known:
            raise errors.NewerSchemaError(path=str(path), found=version, known=SCHEMA_HEAD)
        try:
            _configure(conn)
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
        except sqlcipher3.Error as exc:
            raise _classify(exc, path) from None
    except BaseException:
        conn.close()
        raise
    return KeyedFile(path, conn, version, key)
