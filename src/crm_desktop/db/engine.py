"""The encrypted database as SQLAlchemy sees it: a pooled engine over keyed connections.

The file checks and the keyed connections themselves live in ``db/keyed_file.py``, which does
not import SQLAlchemy, so the window can show its first page before SQLAlchemy has loaded.
"""

from __future__ import annotations

import os
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

from crm_desktop.db.keyed_file import (
    BUSY_TIMEOUT_MS,
    CACHE_KIB,
    KeyedFile,
    RawConnection,
    _configure,
    _connect_raw,
    open_keyed,
    passphrase_key,
    raw_key,
    validate_new_passphrase,
)
from crm_desktop.db.schema import SCHEMA_HEAD
from crm_desktop.domain import errors

READ_CACHE_KIB = 4 * 1024  # page cache of a read transaction (writes: keyed_file.CACHE_KIB)


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
        conn = self.engine.raw_connection()
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # a read may have shrunk it
        return conn

    @property
    def schema_version(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar())

    def close(self) -> None:
        self.engine.dispose()


def _make_engine(path: Path, key: str, first: RawConnection) -> Engine:
    handed = threading.Lock()
    pending: list[RawConnection] = [first]

    def creator() -> RawConnection:
        with handed:
            if pending:
                return pending.pop()
        conn = _connect_raw(path, key, create=False, busy_ms=BUSY_TIMEOUT_MS)
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
        # A write keeps the big page cache bulk work needs; a read shrinks it (SQLite frees the
        # pages above the limit), so the several pooled connections of a window on a million
        # customers do not each hold 16 MB of pages from their last count or scan.
        cache = CACHE_KIB if immediate else READ_CACHE_KIB
        conn.exec_driver_sql(f"PRAGMA cache_size = -{cache}")
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
    opened = open_keyed(path, passphrase)
    return adopt(opened, migrate=migrate, on_migrate=on_migrate)


def adopt(
    opened: KeyedFile,
    *,
    migrate: bool = True,
    on_migrate: Callable[[str, str], None] | None = None,
) -> Database:
    """The ``Database`` around a file opened with ``open_keyed`` (its connection is reused)."""
    database = _wrap(opened.path, _make_engine(opened.path, opened.key, opened.connection))
    if opened.needs_upgrade and migrate:
        if on_migrate is not None:
            on_migrate(opened.version, SCHEMA_HEAD)
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
    conn = _connect_raw(path, passphrase_key(passphrase), create=True, busy_ms=BUSY_TIMEOUT_MS)
    try:
        _configure(conn)
        conn.execute("PRAGMA journal_mode = WAL")  # writes the first page, and so the salt
        key = raw_key(path, passphrase)
    except BaseException:
        conn.close()
        path.unlink(missing_ok=True)
        raise
    database = _wrap(path, _make_engine(path, key, conn))
    from crm_desktop.db.migrate import upgrade

    try:
        upgrade(database.engine)
    except BaseException:
        database.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    return database
