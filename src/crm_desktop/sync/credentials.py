"""The team server's connection settings, and its password in the operating system's keychain.

The settings (server, port, database, login, sslmode and the automatic-sync interval) are kept
in the file's meta table, never with a password. The password is kept in the keychain through
``keyring``, one entry per server and login, as ``services/secrets.py`` does for database
passphrases; where no real keychain backend exists nothing is stored and the user is asked.

The headless ``crm-desktop sync`` takes the password from ``CRM_SERVER_PASSWORD``, else from
the keychain, else from a prompt on the terminal (``server_password``).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from crm_desktop.domain.errors import KeychainUnavailableError
from crm_desktop.services.secrets import keychain_available

if TYPE_CHECKING:  # the command line's parser imports this module: nothing heavy at load
    from crm_desktop.db.engine import Database

SETTINGS_KEY = "sync_settings"  # the dialog's settings (JSON)
SERVER_KEY = "sync_server"  # the DSN given once to ``crm-desktop sync --server``
LAST_SYNCED_KEY = "sync_last_synced"  # UTC ISO time of the last complete sync
SERVER_PASSWORD_ENV = "CRM_SERVER_PASSWORD"
SERVICE = "CRM Desktop team server"
INTERVALS = (0, 5, 15, 60)  # minutes between automatic syncs; 0: only on start and on demand
CONNECT_TIMEOUT = 15
# libpq parameters kept from the settings or a DSN; a password never is.
_PARAMS = (
    "host", "hostaddr", "port", "dbname", "user", "sslmode", "sslrootcert", "sslcert", "sslkey",
    "sslcrl", "application_name", "options", "target_session_attrs",
)  # fmt: skip

Settings = dict[str, Any]


# --- settings ---------------------------------------------------------------------------------


def settings_from_dsn(dsn: str) -> Settings:
    """The connection settings of a libpq DSN or URI, without its password."""
    from psycopg.conninfo import conninfo_to_dict

    values = conninfo_to_dict(dsn)
    return {k: v for k, v in values.items() if k in _PARAMS and v is not None}


def load_settings(db: Database) -> Settings | None:
    """The server this file syncs with: the dialog's settings, else the DSN remembered by the
    headless command; ``None`` when no server is configured."""
    from crm_desktop.services.context import read_meta

    saved = read_meta(db, SETTINGS_KEY)
    if saved:
        values = json.loads(saved)
        if isinstance(values, dict) and is_configured(values):
            return values
    dsn = read_meta(db, SERVER_KEY)
    if dsn:
        return settings_from_dsn(dsn)
    return None


def save_settings(db: Database, settings: Mapping[str, Any]) -> None:
    from crm_desktop.services.context import write_meta

    clean = {k: v for k, v in settings.items() if k != "password"}
    write_meta(db, SETTINGS_KEY, json.dumps(clean))


def is_configured(settings: Mapping[str, Any] | None) -> bool:
    if not settings:
        return False
    return bool(
        str(settings.get("host") or "").strip() or str(settings.get("dbname") or "").strip()
    )


def interval_minutes(settings: Mapping[str, Any] | None) -> int:
    try:
        value = int((settings or {}).get("interval", 0))
    except (TypeError, ValueError):
        return 0
    return value if value > 0 else 0


def connect_params(settings: Mapping[str, Any], password: str | None) -> dict[str, Any]:
    params = {k: v for k, v in settings.items() if k in _PARAMS and v not in (None, "")}
    if "port" in params:
        params["port"] = str(params["port"])
    if password:
        params["password"] = password
    return params


def dsn_of(settings: Mapping[str, Any]) -> str:
    """A DSN of the settings (no password), for the headless command."""
    from psycopg.conninfo import make_conninfo

    return make_conninfo(**connect_params(settings, None))


def connector(settings: Mapping[str, Any], password: str | None) -> Callable[[], Any]:
    """A ``connect`` for ``SyncClient``: an autocommit psycopg connection to the server."""
    params = connect_params(settings, password)

    def connect() -> Any:
        import psycopg

        return psycopg.connect(autocommit=True, connect_timeout=CONNECT_TIMEOUT, **params)

    return connect


def mark_synced(db: Database) -> None:
    """Note the time of a complete sync (shown in the status bar)."""
    from crm_desktop.db.types import to_utc_text, utcnow
    from crm_desktop.services.context import write_meta

    write_meta(db, LAST_SYNCED_KEY, to_utc_text(utcnow()))


def last_synced(db: Database) -> datetime | None:
    from crm_desktop.db.types import from_utc_text
    from crm_desktop.services.context import read_meta

    value = read_meta(db, LAST_SYNCED_KEY)
    return from_utc_text(value) if value else None


# --- the password in the keychain ---------------------------------------------------------------


def account(settings: Mapping[str, Any]) -> str:
    """The keychain entry's name: login, server, port and database."""
    host = str(settings.get("host") or settings.get("hostaddr") or "localhost")
    port = str(settings.get("port") or 5432)
    user = str(settings.get("user") or "")
    dbname = str(settings.get("dbname") or user)
    return f"{user}@{host}:{port}/{dbname}"


def remember_server_password(settings: Mapping[str, Any], password: str) -> None:
    if not keychain_available():
        raise KeychainUnavailableError()
    import keyring

    try:
        keyring.set_password(SERVICE, account(settings), password)
    except Exception:  # the backend refused (locked keychain, denied access)
        raise KeychainUnavailableError() from None


def recall_server_password(settings: Mapping[str, Any]) -> str | None:
    if not keychain_available():
        return None
    import keyring

    try:
        return keyring.get_password(SERVICE, account(settings))
    except Exception:  # a locked or broken keychain is the same as no entry: ask the user
        return None


def forget_server_password(settings: Mapping[str, Any]) -> None:
    if not keychain_available():
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):
        keyring.delete_password(SERVICE, account(settings))


def server_password(
    settings: Mapping[str, Any], prompt: Callable[[], str | None] | None
) -> str | None:
    """For headless use: ``CRM_SERVER_PASSWORD``, else the keychain, else ``prompt`` (``None``
    when there is no terminal: the DSN, ``~/.pgpass`` or the server's rules may do without)."""
    value = os.environ.get(SERVER_PASSWORD_ENV)
    if value is not None:
        return value
    stored = recall_server_password(settings)
    if stored is not None:
        return stored
    return prompt() if prompt is not None else None
