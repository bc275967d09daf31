"""When the team sync runs: on start, on a timer, on demand; one at a time, never on the GUI thread.

One ``SyncScheduler`` per open file (the main window's). Every sync, whichever started it,
goes through ``sync_now``; while one runs, another request is refused (``sync_now`` returns
False) and the caller shows the running one's outcome. The work runs on a pool of its own with
a single thread (``ui.tasks.own_pool``), so a long first sync never holds up the shared pool
that loads the lists, and two syncs can never run side by side even if a caller slipped past
the check.

The scheduler keeps a ``SyncStatus`` for the status bar: the state, the changes waiting to be
sent (a COUNT on the journal, run in the background after local edits, debounced), the time
of the last complete sync and, after a failure, why. Automatic syncs stop after an
authentication failure until the user syncs from the dialog (a server may lock a login that
keeps failing).

The password comes from the dialog (kept for this session), else the keychain; without either
the sync is tried without a password (``~/.pgpass``, certificates or the server's own rules
may allow it) and a refusal asks the user for it through the status bar.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from crm_desktop.domain.errors import (
    CrmError,
    KeychainUnavailableError,
    NotTeamMemberError,
    ServerNotSetUpError,
    ServerSchemaError,
    ServerUnreachableError,
)
from crm_desktop.services.context import ServiceContext
from crm_desktop.sync.credentials import (
    connector,
    forget_server_password,
    interval_minutes,
    is_configured,
    last_synced,
    load_settings,
    recall_server_password,
    remember_server_password,
)
from crm_desktop.ui.tasks import Progress, Task, own_pool, run_task
from crm_desktop.ui.text import error_text

POOL = "sync"
MINUTE_MS = 60_000
CANCEL_TIMEOUT_S = 3.0
PENDING_DELAY_MS = 800  # after a local edit, before counting what waits to be sent

# states
OFF = "off"  # no server configured: the status bar shows nothing
NEVER = "never"  # configured, not synced yet from this file
SYNCING = "syncing"
SYNCED = "synced"
OFFLINE = "offline"  # the server cannot be reached; changes are kept
ERROR = "error"  # the server answered but the sync cannot go on (see ``reason``)
PASSWORD = "password"  # the server wants a password and none was given

# reasons of ERROR
AUTH = "auth"
SCHEMA = "schema"
NOT_SET_UP = "not_set_up"
NOT_MEMBER = "not_member"
TLS = "tls"
REFUSED = "refused"
OTHER = "other"

_AUTH = re.compile(
    r"password authentication failed|authentication failed|role \".*\" does not exist|"
    r"pg_hba\.conf|permission denied for database",
    re.IGNORECASE,
)
_NO_PASSWORD = re.compile(r"no password supplied|password is required", re.IGNORECASE)
_TLS = re.compile(r"\bSSL\b|certificate|TLS", re.IGNORECASE)


@dataclass(frozen=True)
class SyncStatus:
    state: str = OFF
    pending: int | None = None  # None: not counted yet
    last_synced: datetime | None = None
    reason: str = ""  # one of the reasons above when state is ERROR
    detail: str = ""  # the full message, in the user's language where we wrote it


def classify(error: BaseException) -> tuple[str, str, str]:
    """(state, reason, detail) of a failed sync."""
    for kind, reason in _KNOWN:
        if isinstance(error, kind):
            return ERROR, reason, error_text(error)
    if isinstance(error, ServerUnreachableError):
        return _connection_failure(error)
    if isinstance(error, CrmError):
        return ERROR, OTHER, error_text(error)
    first = (str(error).strip().splitlines() or [""])[0][:200]
    return ERROR, OTHER, f"{type(error).__name__}: {first}" if first else type(error).__name__


_KNOWN: tuple[tuple[type[CrmError], str], ...] = (
    (ServerSchemaError, SCHEMA),
    (ServerNotSetUpError, NOT_SET_UP),
    (NotTeamMemberError, NOT_MEMBER),
)


def _connection_failure(error: ServerUnreachableError) -> tuple[str, str, str]:
    """No connection: the server is out of reach (offline), or it answered and refused."""
    text = str(error.params.get("reason", ""))
    for pattern, state, reason in (
        (_NO_PASSWORD, PASSWORD, AUTH),
        (_AUTH, ERROR, AUTH),
        (_TLS, ERROR, TLS),
    ):
        if pattern.search(text):
            return state, reason, text
    if "FATAL" in text:
        return ERROR, REFUSED, text
    return OFFLINE, "", error_text(error)


class SyncScheduler(QObject):
    status_changed = Signal(object)  # SyncStatus
    started = Signal()
    synced = Signal(object)  # SyncResult
    failed = Signal(object)  # the exception
    remember_failed = Signal()  # the password could not be kept in the keychain

    def __init__(self, ctx: ServiceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._db = ctx.db
        self._settings: dict[str, Any] | None = load_settings(ctx.db)
        self._session_password: str | None = None
        self._task: Task | None = None
        self._active = False  # ``start`` was called: automatic syncs are on
        self._auth_blocked = False
        self._remember: tuple[bool | None, Mapping[str, Any], str | None] = (None, {}, None)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(PENDING_DELAY_MS)
        self._count_timer.timeout.connect(self._count_pending)
        self._counting = False
        self._count_again = False
        self._live: list[Any] = []  # the running sync's connection, to cancel it on close
        configured = is_configured(self._settings)
        self.status = SyncStatus(
            state=NEVER if configured else OFF,
            last_synced=last_synced(ctx.db) if configured else None,
        )
        if configured and self.status.last_synced is not None:
            self.status = replace(self.status, state=SYNCED)

    # --- settings ------------------------------------------------------------------------------

    @property
    def configured(self) -> bool:
        return is_configured(self._settings)

    @property
    def settings(self) -> dict[str, Any] | None:
        return self._settings

    def reload_settings(self) -> None:
        """After the dialog saved the settings: the server, its interval."""
        self._settings = load_settings(self._db)
        self._auth_blocked = False
        if not self.configured:
            self.timer.stop()
            self._set(state=OFF, pending=None, reason="", detail="")
            return
        if self.status.state == OFF:
            self._set(state=NEVER)
            self.note_local_change()
        self._apply_interval()

    def _apply_interval(self) -> None:
        minutes = interval_minutes(self._settings)
        if not (self._active and self.configured and minutes):
            self.timer.stop()
            return
        if not self.timer.isActive() or self.timer.interval() != minutes * MINUTE_MS:
            self.timer.start(minutes * MINUTE_MS)

    def start(self) -> None:
        """The window is up: sync once now, then on the timer."""
        self._active = True
        self._apply_interval()
        if self.configured and not self.sync_now(automatic=True):
            self.note_local_change()

    def stop(self) -> None:
        """The window closes: no new syncs, and a running one is cancelled on the server so
        that closing never waits on a slow or stuck server (its work so far is either
        committed whole or rolled back, as after any connection failure)."""
        self._active = False
        self.timer.stop()
        self._count_timer.stop()
        for conn in list(self._live):
            with contextlib.suppress(Exception):
                conn.cancel_safe(timeout=CANCEL_TIMEOUT_S)

    # --- syncing -------------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._task is not None

    def password(self) -> str | None:
        """The password a sync would use now, without asking anyone."""
        if self._session_password:
            return self._session_password
        if self._settings is None:
            return None
        return recall_server_password(self._settings)

    def sync_now(
        self,
        password: str | None = None,
        *,
        remember: bool | None = None,
        automatic: bool = False,
    ) -> bool:
        """Start a sync in the background; False when one is running already, no server is
        configured, or (``automatic``) the last attempt was refused its credentials.
        ``remember``: True keeps the password in the keychain once the server accepted it,
        False removes it from there, None leaves the keychain alone."""
        if self._task is not None:
            return False
        if automatic and not self._active:
            return False
        self._settings = load_settings(self._db)
        settings = self._settings
        if settings is None or not is_configured(settings):
            self._set(state=OFF, pending=None)
            return False
        if automatic and self._auth_blocked:
            return False
        self._auth_blocked = False
        if password:
            self._session_password = password
        if remember is False:
            forget_server_password(settings)
        used = self.password()
        self._remember = (remember, settings, used)
        opened = connector(settings, used)
        live: list[Any] = []
        self._live = live

        def connect() -> Any:
            conn = opened()
            live.append(conn)
            return conn

        ctx = self.ctx

        def work(_progress: Progress) -> tuple[Any, int, datetime | None]:
            from crm_desktop.sync.client import SyncClient, pending_count
            from crm_desktop.sync.credentials import mark_synced

            result = SyncClient(ctx, connect).sync()
            mark_synced(ctx.db)
            return result, pending_count(ctx.db), last_synced(ctx.db)

        self._task = run_task(work, self._done, self._failed, pool=own_pool(POOL, 1))
        self._set(state=SYNCING)
        self.started.emit()
        return True

    def _tick(self) -> None:
        self.sync_now(automatic=True)

    def _done(self, outcome: tuple[Any, int, datetime | None]) -> None:
        self._task = None
        self._live = []
        result, pending, when = outcome
        remember, settings, used = self._remember
        if remember and used:
            try:
                remember_server_password(settings, used)
            except KeychainUnavailableError:
                self.remember_failed.emit()
        self._set(state=SYNCED, pending=pending, last_synced=when, reason="", detail="")
        self.synced.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self._live = []
        state, reason, detail = classify(error)
        if state == PASSWORD or reason == AUTH:
            self._auth_blocked = True
        self._set(state=state, reason=reason, detail=detail)
        self.note_local_change()
        self.failed.emit(error)

    # --- what waits to be sent -----------------------------------------------------------------

    def note_local_change(self) -> None:
        """Something was edited: count the unsent changes soon (debounced, in the background)."""
        if self.configured:
            self._count_timer.start()

    def _count_pending(self) -> None:
        if self._counting:
            self._count_again = True
            return
        self._counting = True
        db = self._db

        def count(_progress: Progress) -> int:
            from crm_desktop.sync.client import pending_count

            return pending_count(db)

        run_task(count, self._counted, self._count_failed)

    def _counted(self, pending: int) -> None:
        self._counting = False
        if self.configured:
            self._set(pending=pending)
        self._recount()

    def _count_failed(self, _error: BaseException) -> None:
        self._counting = False
        self._recount()

    def _recount(self) -> None:
        if self._count_again:
            self._count_again = False
            self._count_timer.start()

    def _set(self, **changes: Any) -> None:
        status = replace(self.status, **changes)
        if status != self.status:
            self.status = status
            self.status_changed.emit(status)
