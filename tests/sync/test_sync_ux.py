"""Team sync for the user, on a real PostgreSQL: the password in the keychain, the headless
command, the sync on start and on the timer (in the background, never two at once), and the
status bar's states, including a server whose schema version differs.

The keychain is a real ``keyring`` backend that keeps its entries in memory, set with
``keyring.set_keyring`` (never the machine's own keychain).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from pytestqt.qtbot import QtBot

from crm_desktop.cli import main
from crm_desktop.services.context import read_meta
from crm_desktop.services.workspace import Workspace, open_workspace
from crm_desktop.sync.client import pending_count
from crm_desktop.sync.credentials import (
    LAST_SYNCED_KEY,
    SERVER_KEY,
    SERVER_PASSWORD_ENV,
    SERVICE,
    account,
    recall_server_password,
    remember_server_password,
    save_settings,
    server_password,
    settings_from_dsn,
)
from crm_desktop.sync.server_schema import SERVER_SCHEMA_VERSION
from crm_desktop.ui import main_window
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.sync import scheduler as sch
from crm_desktop.ui.sync.dialog import SyncDialog
from crm_desktop.ui.sync.scheduler import SyncScheduler
from crm_desktop.ui.tasks import own_pool, wait_for_tasks
from tests.conftest import MemoryKeyring

from .conftest import PASSPHRASE, PG_HOST, PG_PORT, Team

pytestmark = [
    pytest.mark.sync,
    pytest.mark.qt_log_ignore(r"does not support propagateSizeHints"),
]


@pytest.fixture
def qsettings(tmp_path: Path) -> Iterator[QSettings]:
    QCoreApplication.setOrganizationName("CRM Desktop Tests")
    QCoreApplication.setApplicationName("CRM Desktop Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    yield QSettings()
    wait_for_tasks()


def server_settings(team: Team, login: str, **more: Any) -> dict[str, Any]:
    return {
        "host": PG_HOST,
        "port": PG_PORT,
        "dbname": team.name,
        "user": login,
        "sslmode": "disable",
        **more,
    }


def closed_file(team: Team, short: str) -> Path:
    ws = team.workspace(short)
    path = ws.path
    ws.close()
    return path


# --- the headless command --------------------------------------------------------------------


def test_headless_password_order(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_from_dsn("host=db.example.com dbname=team user=ann")
    asked: list[int] = []

    def prompt() -> str:
        asked.append(1)
        return "typed"

    monkeypatch.delenv(SERVER_PASSWORD_ENV, raising=False)
    assert server_password(settings, prompt) == "typed" and asked == [1]
    remember_server_password(settings, "from keychain")
    assert server_password(settings, prompt) == "from keychain" and asked == [1]
    monkeypatch.setenv(SERVER_PASSWORD_ENV, "from env")
    assert server_password(settings, prompt) == "from env" and asked == [1]
    # per server and login: another login on the same server has no entry
    other = settings_from_dsn("host=db.example.com dbname=team user=bob")
    monkeypatch.delenv(SERVER_PASSWORD_ENV)
    assert server_password(other, None) is None
    assert memory_keyring.entries == {(SERVICE, "ann@db.example.com:5432/team"): "from keychain"}


def test_headless_sync_remembers_the_server_and_the_password(
    team: Team,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    login, _ = team.add_member("ann", "manager")
    path = closed_file(team, "a")
    dsn = team.dsn(login)
    monkeypatch.setenv("CRM_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv(SERVER_PASSWORD_ENV, "pw")
    assert main(["sync", "--db", str(path), "--server", dsn, "--save-password"]) == 0
    assert capsys.readouterr().out.startswith("sent ")
    assert memory_keyring.entries[(SERVICE, account(settings_from_dsn(dsn)))] == "pw"
    # the next run: no --server, no variable; the keychain has the password, no prompt
    monkeypatch.delenv(SERVER_PASSWORD_ENV)
    assert main(["sync", "--db", str(path)]) == 0
    assert "waiting to send 0" in capsys.readouterr().out
    ws = open_workspace(path, PASSPHRASE)
    try:
        assert read_meta(ws.db, SERVER_KEY) == dsn
        assert read_meta(ws.db, LAST_SYNCED_KEY)
        assert "pw" not in (read_meta(ws.db, SERVER_KEY) or "")
    finally:
        ws.close()


def test_headless_sync_uses_the_server_set_up_in_the_app(
    team: Team, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    login, _ = team.add_member("ann", "manager")
    ws = team.workspace("a")
    ws.customers.create(name="北京科技有限公司")
    save_settings(ws.db, server_settings(team, login, interval=15))
    ws.close()
    path = team.tmp / "a.db"
    monkeypatch.setenv("CRM_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv(SERVER_PASSWORD_ENV, raising=False)
    assert main(["sync", "--db", str(path)]) == 0
    ws = open_workspace(path, PASSPHRASE)
    try:
        assert pending_count(ws.db) == 0
    finally:
        ws.close()


def test_headless_sync_says_clearly_when_the_server_version_differs(
    team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    login, _ = team.add_member("ann", "manager")
    path = closed_file(team, "a")
    newer = SERVER_SCHEMA_VERSION + 1
    with team.connect() as conn:
        conn.execute("UPDATE crm.meta SET value = %s WHERE key = 'schema_version'", (str(newer),))
    monkeypatch.setenv("CRM_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv(SERVER_PASSWORD_ENV, raising=False)
    assert main(["sync", "--db", str(path), "--server", team.dsn(login)]) == 2
    err = capsys.readouterr().err
    assert f"version {newer}" in err and f"expects {SERVER_SCHEMA_VERSION}" in err
    assert "Update CRM Desktop" in err


# --- the dialog and the scheduler --------------------------------------------------------------


def fill(dialog: SyncDialog, team: Team, login: str) -> None:
    dialog.host.setText(PG_HOST)
    dialog.port.setValue(PG_PORT)
    dialog.database.setText(team.name)
    dialog.login.setText(login)
    dialog.sslmode.setCurrentText("disable")


def test_the_dialog_remembers_the_password_in_the_keychain(
    team: Team, memory_keyring: MemoryKeyring, qtbot: QtBot
) -> None:
    login, _ = team.add_member("ann", "manager")
    ws = team.workspace("a")
    dialog = SyncDialog(ws.ctx)
    qtbot.addWidget(dialog)
    fill(dialog, team, login)
    assert dialog.remember.isEnabled() and not dialog.remember.isChecked()
    dialog.password.setText("pw")
    dialog.remember.setChecked(True)
    with qtbot.waitSignal(dialog.synced, timeout=60_000):
        dialog.sync_button.click()
    settings = server_settings(team, login)
    assert recall_server_password(settings) == "pw"
    assert dialog.password.text() == ""  # not left on screen
    # a later session: the box is ticked, the password comes from the keychain
    again = SyncDialog(ws.ctx)
    qtbot.addWidget(again)
    assert again.remember.isChecked() and again.password.placeholderText()
    assert again.scheduler.password() == "pw"
    again.remember.setChecked(False)
    with qtbot.waitSignal(again.synced, timeout=60_000):
        again.sync_button.click()
    assert recall_server_password(settings) is None and memory_keyring.entries == {}
    ws.close()


def test_the_status_tells_authentication_and_version_problems_apart(
    team: Team, memory_keyring: MemoryKeyring, qtbot: QtBot
) -> None:
    login, _ = team.add_member("ann", "manager")
    ws = team.workspace("a")
    save_settings(ws.db, server_settings(team, f"{team.name}_nobody", interval=5))
    scheduler = SyncScheduler(ws.ctx)
    with qtbot.waitSignal(scheduler.failed, timeout=60_000):
        scheduler.start()  # the sync on start
    assert (scheduler.status.state, scheduler.status.reason) == (sch.ERROR, sch.AUTH)
    assert "does not exist" in scheduler.status.detail
    # automatic syncs stop trying a login the server refused; the user's own try goes on
    assert scheduler.sync_now(automatic=True) is False
    assert not scheduler.is_running()
    with qtbot.waitSignal(scheduler.failed, timeout=60_000):
        assert scheduler.sync_now() is True
    # the right login, but the server was upgraded by a newer CRM Desktop
    save_settings(ws.db, server_settings(team, login, interval=5))
    scheduler.reload_settings()
    newer = SERVER_SCHEMA_VERSION + 1
    with team.connect() as conn:
        conn.execute("UPDATE crm.meta SET value = %s WHERE key = 'schema_version'", (str(newer),))
    with qtbot.waitSignal(scheduler.failed, timeout=60_000):
        assert scheduler.sync_now(automatic=True) is True
    status = scheduler.status
    assert (status.state, status.reason) == (sch.ERROR, sch.SCHEMA)
    assert f"version {newer}" in status.detail and str(SERVER_SCHEMA_VERSION) in status.detail
    scheduler.stop()
    ws.close()


def test_the_window_syncs_on_start_and_on_the_timer_in_the_background_one_at_a_time(
    team: Team,
    memory_keyring: MemoryKeyring,
    qtbot: QtBot,
    qsettings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    login, _ = team.add_member("ann", "manager")
    ws: Workspace = team.workspace("a")
    settings = server_settings(team, login, interval=5)
    save_settings(ws.db, settings)
    remember_server_password(settings, "pw")  # available without asking
    monkeypatch.setattr(main_window, "SYNC_START_DELAY_MS", 0)
    monkeypatch.setattr(sch, "MINUTE_MS", 100)  # "every 5 minutes" becomes every 0.5 s

    # An administrator holds a lock the sync needs: the sync on start waits on the server.
    blocker = team.connect()
    blocker.execute("BEGIN")
    blocker.execute("LOCK TABLE crm.meta IN ACCESS EXCLUSIVE MODE")
    window = MainWindow(ws, qsettings)
    qtbot.addWidget(window)
    scheduler = window.sync_scheduler
    events: list[str] = []
    scheduler.started.connect(lambda: events.append("start"))
    scheduler.synced.connect(lambda _result: events.append("done"))
    scheduler.failed.connect(lambda error: events.append(f"failed {error!r}"))
    ticks: list[int] = []
    scheduler.timer.timeout.connect(lambda: ticks.append(1))
    with qtbot.waitSignal(scheduler.started, timeout=30_000):
        window.show()
    assert window.sync_status.text() == "Syncing…"

    # While it waits, the window goes on: timer ticks, an edit, the dialog; no second sync.
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=30_000)
    cid = ws.customers.create(name="上海贸易有限公司", city="上海")
    window.refresh_counts()
    dialog = window.show_sync()
    assert isinstance(dialog, SyncDialog)
    assert not dialog.sync_button.isEnabled() and dialog.status.text() == "Syncing…"
    dialog.start_sync()  # "Sync now" while the start's sync runs
    assert "already running" in dialog.status.text()
    assert scheduler.sync_now() is False
    assert events == ["start"] and own_pool(sch.POOL, 1).activeThreadCount() == 1

    blocker.execute("ROLLBACK")  # the server lets the sync go on
    blocker.close()
    qtbot.waitUntil(lambda: events.count("done") >= 3, timeout=60_000)  # the timer's syncs
    assert all("failed" not in e for e in events)
    # never two at once: each start is followed by its end before the next start
    assert all(a != b for a, b in itertools.pairwise(events)), events
    qtbot.waitUntil(
        lambda: scheduler.status.state == sch.SYNCED and scheduler.status.pending == 0,
        timeout=60_000,
    )
    assert window.sync_status.text().startswith("Synced ")
    dialog.close()
    window.close()
    wait_for_tasks()
    with team.connect() as conn:
        row = conn.execute(
            "SELECT data->>'name' FROM crm.rows WHERE entity = 'customer' AND row_id = %s",
            (cid,),
        ).fetchone()
    assert row == ("上海贸易有限公司",)
    ws.close()


def test_no_password_sync_on_start_when_the_server_needs_none(
    team: Team, memory_keyring: MemoryKeyring, qtbot: QtBot
) -> None:
    """Nothing in the keychain: the start's sync is tried without a password (the test
    server trusts local logins, as ~/.pgpass or certificates would let it)."""
    login, _ = team.add_member("ann", "manager")
    ws = team.workspace("a")
    save_settings(ws.db, server_settings(team, login))
    scheduler = SyncScheduler(ws.ctx)
    assert scheduler.password() is None
    with qtbot.waitSignal(scheduler.synced, timeout=60_000):
        scheduler.start()
    assert scheduler.status.state == sch.SYNCED and scheduler.status.pending == 0
    assert not scheduler.timer.isActive()  # interval off: only on start and on demand
    scheduler.stop()
    ws.close()


def test_closing_the_window_cancels_a_sync_stuck_on_the_server(
    team: Team,
    memory_keyring: MemoryKeyring,
    qtbot: QtBot,
    qsettings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    login, _ = team.add_member("ann", "manager")
    ws = team.workspace("a")
    save_settings(ws.db, server_settings(team, login))
    monkeypatch.setattr(main_window, "SYNC_START_DELAY_MS", 0)
    blocker = team.connect()
    blocker.execute("BEGIN")
    blocker.execute("LOCK TABLE crm.meta IN ACCESS EXCLUSIVE MODE")
    window = MainWindow(ws, qsettings)
    qtbot.addWidget(window)
    scheduler = window.sync_scheduler
    with qtbot.waitSignal(scheduler.started, timeout=30_000):
        window.show()
    with team.connect() as conn:  # the sync's query is waiting for the lock
        qtbot.waitUntil(
            lambda: (
                conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                    "AND wait_event_type = 'Lock'",
                    (team.name,),
                ).fetchone()[0]
                == 1
            ),
            timeout=30_000,
        )
    window.close()
    wait_for_tasks()  # returns although the lock is still held (the test's timeout guards it)
    qtbot.waitUntil(lambda: not scheduler.is_running())
    assert scheduler.status.state == sch.OFFLINE  # cancelled: nothing applied, all kept
    assert pending_count(ws.db) > 0
    blocker.execute("ROLLBACK")
    blocker.close()
    ws.close()
