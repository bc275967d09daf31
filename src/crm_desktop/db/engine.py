"""Opening and creating the encrypted database file (SQLCipher 4 through ``sqlcipher3``).

Every connection gets the key first, then: foreign keys on, WAL journal, ``synchronous=FULL``
(in WAL mode a committed transaction is then on disk before ``COMMIT`` returns, so it survives
a power cut), temp store in memory (no decrypted pages in temporary files), and a busy timeout.

Opening checks the file before writing anything to it, so that a missing file, a plain SQLite
file, a file that is not a database, a wrong passphrase, a read-only or locked file and a file
from a newer schema each raise their own error and leave the file byte-for-byte unchanged.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from crm_desktop.db.schema import SCHEMA_HEAD, schema_number
from crm_desktop.domain import errors
from crm_desktop.domain.search_text import customer_document
from crm_desktop.domain.text import QT_TRANSLATE_NOOP

SQLITE_HEADER = b"SQLite format 3\x00"
OPEN_BUSY_TIMEOUT_MS = 1500
BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 16 * 1024  # page cache per connection: bulk writes touch many index pages
MIN_PASSPHRASE = 8
MAX_PASSPHRASE = 1024

RawConnection = Any  # a sqlcipher3 DB-API connection; the module ships no type hints


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


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _connect_raw(path: Path, passphrase: str, *, create: bool, busy_ms: int) -> RawConnection:
    """A keyed DB-API connection in autocommit mode (SQLAlchemy emits BEGIN itself)."""
    mode = "rwc" if create else "rw"
    uri = path.resolve().as_uri() + f"?mode={mode}"
    conn = sqlcipher3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: RawConnection) -> None:
    conn.create_function("crm_search_document", 8, customer_document, deterministic=True)
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
class Database:
    """An open encrypted database: a pooled engine and a factory of short-lived sessions."""

    path: Path
    engine: Engine
    _sessions: sessionmaker[Session] = field(repr=False)
    _writes: sessionmaker[Session] = field(repr=False)

    def session(self) -> Session:
        """A session for reading (deferred transaction)."""
        return self._sessions()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action: an IMMEDIATE transaction, committed on success, rolled back on error."""
        with self._writes() as session, session.begin():
            yield session

    def raw_connection(self) -> RawConnection:
        """A pooled DB-API connection, for bulk work (demo data, benchmarks)."""
        return self.engine.raw_connection()

    @property
    def schema_version(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar())

    def close(self) -> None:
        self.engine.dispose()


def _make_engine(path: Path, passphrase: str, first: RawConnection) -> Engine:
    handed = threading.Lock()
    pending: list[RawConnection] = [first]

    def creator() -> RawConnection:
        with handed:
            if pending:
                return pending.pop()
        conn = _connect_raw(path, passphrase, create=False, busy_ms=BUSY_TIMEOUT_MS)
        _configure(conn)
        return conn

    engine = create_engine(
        "sqlite://",
        creator=creator,
        module=sqlcipher3.dbapi2,
        poolclass=QueuePool,
        pool_size=3,
        max_overflow=4,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _wrap(path: Path, engine: Engine) -> Database:
    return Database(
        path=path,
        engine=engine,
        _sessions=sessionmaker(bind=engine, expire_on_commit=False),
        _writes=sessionmaker(bind=engine.execution_options(immediate=True), expire_on_commit=False),
    )


def open_database(
    path: str | os.PathLike[str],
    passphrase: str,
    *,
    migrate: bool = True,
    on_migrate: Callable[[str, str], None] | None = None,
) -> Database:
    """Open an existing database file, upgrading its schema if it is older than this program's.

    Raises one of the ``DatabaseOpenError`` subclasses, without modifying the file, when it is
    missing, not encrypted, not a database, read-only, locked, keyed with another passphrase,
    or from a newer schema.
    """
    path = Path(path)
    _check_passphrase_chars(passphrase)
    _precheck(path)
    try:
        conn = _connect_raw(path, passphrase, create=False, busy_ms=OPEN_BUSY_TIMEOUT_MS)
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
    database = _wrap(path, _make_engine(path, passphrase, conn))
    if found < known and migrate:
        if on_migrate is not None:
            on_migrate(version, SCHEMA_HEAD)
        from crm_desktop.db.migrate import upgrade  # alembic loads only when a file needs it

        upgrade(database.engine)
    return database


def create_database(path: str | os.PathLike[str], passphrase: str) -> Database:
    """Create a new encrypted database file with the current schema. Refuses an existing path."""
    path = Path(path)
    validate_new_passphrase(passphrase)
    if path.exists():
        raise errors.DatabaseExistsError(path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = _connect_raw(path, passphrase, create=True, busy_ms=BUSY_TIMEOUT_MS)
    try:
        _configure(conn)
        conn.execute("PRAGMA journal_mode = WAL")
    except BaseException:
        conn.close()
        path.unlink(missing_ok=True)
        raise
    database = _wrap(path, _make_engine(path, passphrase, conn))
    from crm_desktop.db.migrate import upgrade

    try:
        upgrade(database.engine)
    except BaseException:
        database.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    return database
