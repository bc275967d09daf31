"""The team-sync item of the status bar, without a server: hidden, each state's text, a click.

The runs against a real server (sync on start, on the timer, no overlap, errors) are in
tests/sync/test_sync_ux.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crm_desktop.domain.errors import (
    NotTeamMemberError,
    ServerSchemaError,
    ServerUnreachableError,
)
from crm_desktop.services.workspace import Workspace
from crm_desktop.sync.client import pending_count
from crm_desktop.sync.credentials import load_settings, save_settings, settings_from_dsn
from crm_desktop.ui import main_window
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.sync import scheduler as sch
from crm_desktop.ui.sync.dialog import SyncDialog
from crm_desktop.ui.sync.scheduler import SyncStatus, classify
from crm_desktop.ui.sync.status import SyncStatusItem


@pytest.fixture(autouse=True)
def no_sync_on_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests start the scheduler themselves (the window would, 1.5 s after its first page)."""
    monkeypatch.setattr(main_window, "SYNC_START_DELAY_MS", 3_600_000)


NOWHERE = {"host": "127.0.0.1", "port": 9, "dbname": "team", "user": "ann", "sslmode": "disable"}


def unreachable(reason: str) -> ServerUnreachableError:
    return ServerUnreachableError(reason=reason)


def test_failures_are_told_apart() -> None:
    refused = 'connection to server at "10.0.0.5", port 5432 failed: Connection refused'
    assert classify(unreachable(refused))[:2] == (sch.OFFLINE, "")
    assert classify(unreachable("timeout expired"))[0] == sch.OFFLINE
    auth = 'connection failed: FATAL:  password authentication failed for user "ann"'
    assert classify(unreachable(auth))[:2] == (sch.ERROR, sch.AUTH)
    role = 'connection failed: ... failed: FATAL:  role "ann" does not exist'
    assert classify(unreachable(role))[:2] == (sch.ERROR, sch.AUTH)
    assert classify(unreachable("fe_sendauth: no password supplied"))[:2] == (
        sch.PASSWORD,
        sch.AUTH,
    )
    tls = "connection failed: server certificate for “db.example.com” does not match host name"
    assert classify(unreachable(tls))[:2] == (sch.ERROR, sch.TLS)
    gone = 'FATAL:  database "team" does not exist'
    assert classify(unreachable(gone))[:2] == (sch.ERROR, sch.REFUSED)
    state, reason, detail = classify(ServerSchemaError(server=3, client=2))
    assert (state, reason) == (sch.ERROR, sch.SCHEMA)
    assert "3" in detail and "2" in detail and "crm-desktop server init" in detail
    assert classify(NotTeamMemberError(login="ann"))[:2] == (sch.ERROR, sch.NOT_MEMBER)
    assert classify(RuntimeError("boom"))[:3] == (sch.ERROR, sch.OTHER, "RuntimeError: boom")


def test_each_state_has_its_text(qtbot: QtBot) -> None:
    item = SyncStatusItem()
    qtbot.addWidget(item)
    item.show_status(SyncStatus())
    assert item.isHidden()
    at = datetime.now(UTC) - timedelta(minutes=1)
    shown: dict[str, str] = {}
    cases = {
        "synced": SyncStatus(state=sch.SYNCED, pending=0, last_synced=at),
        "to send": SyncStatus(state=sch.SYNCED, pending=3, last_synced=at),
        "one to send": SyncStatus(state=sch.NEVER, pending=1),
        "never": SyncStatus(state=sch.NEVER, pending=0),
        "syncing": SyncStatus(state=sch.SYNCING, pending=3, last_synced=at),
        "offline": SyncStatus(state=sch.OFFLINE, pending=2, detail="cannot be reached"),
        "offline, all sent": SyncStatus(state=sch.OFFLINE, pending=0),
        "auth": SyncStatus(state=sch.ERROR, reason=sch.AUTH, detail="FATAL: password"),
        "schema": SyncStatus(state=sch.ERROR, reason=sch.SCHEMA, detail="version 3"),
        "password": SyncStatus(state=sch.PASSWORD, reason=sch.AUTH),
    }
    for name, status in cases.items():
        item.show_status(status)
        assert not item.isHidden(), name
        shown[name] = item.text()
    assert shown["synced"].startswith("Synced ") and shown["synced"] != "Synced "
    assert shown["to send"] == "3 change(s) to send"
    assert shown["one to send"] == "1 change(s) to send"
    assert shown["never"] == "Not synced yet"
    assert shown["syncing"] == "Syncing…"
    assert shown["offline"] == "Offline · 2 change(s) to send"
    assert shown["offline, all sent"] == "Offline"
    assert shown["auth"] == "Sync error: authentication failed"
    assert shown["schema"] == "Sync error: server version differs"
    assert shown["password"] == "Sync: password needed"
    item.show_status(cases["schema"])
    assert "version 3" in item.toolTip()
    item.show_status(SyncStatus(state=sch.OFF))
    assert item.isHidden()


def test_hidden_without_a_server(window: MainWindow, qtbot: QtBot) -> None:
    window.sync_scheduler.start()
    assert window.sync_scheduler.status.state == sch.OFF
    assert window.sync_status.isHidden()
    assert not window.sync_scheduler.is_running() and not window.sync_scheduler.timer.isActive()


def test_click_opens_the_sync_dialog(window: MainWindow, sample: Workspace, qtbot: QtBot) -> None:
    save_settings(sample.db, NOWHERE)
    window.sync_scheduler.reload_settings()
    item = window.sync_status
    assert item.isVisible() and item.text() == "Not synced yet"
    # the count of what waits to be sent arrives in the background
    expected = pending_count(sample.db)
    assert expected > 0  # the sample's records were never sent
    qtbot.waitUntil(lambda: window.sync_scheduler.status.pending == expected)
    assert item.text() == f"{expected} change(s) to send"
    qtbot.mouseClick(item, Qt.MouseButton.LeftButton)
    dialogs = window.findChildren(SyncDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    assert dialogs[0].database.text() == "team" and dialogs[0].login.text() == "ann"
    assert dialogs[0].scheduler is window.sync_scheduler
    dialogs[0].close()


def test_the_counted_changes_follow_local_edits(
    window: MainWindow, sample: Workspace, qtbot: QtBot
) -> None:
    save_settings(sample.db, NOWHERE)
    window.sync_scheduler.reload_settings()
    before = pending_count(sample.db)
    qtbot.waitUntil(lambda: window.sync_scheduler.status.pending == before)
    sample.customers.create(name="王五", company="深圳电子")
    window.refresh_counts()  # what the tabs call after an edit
    after = pending_count(sample.db)
    assert after > before
    qtbot.waitUntil(lambda: window.sync_scheduler.status.pending == after)
    assert window.sync_status.text() == f"{after} change(s) to send"


def test_the_dialog_keeps_the_interval_and_a_dsn_counts_as_a_server(
    window: MainWindow, sample: Workspace, qtbot: QtBot
) -> None:
    from crm_desktop.services.context import write_meta
    from crm_desktop.sync.credentials import SERVER_KEY

    # a server given to the headless command (crm-desktop sync --server) shows in the app too
    write_meta(
        sample.db, SERVER_KEY, "host=db.example.com dbname=team user=ann sslmode=verify-full"
    )
    window.sync_scheduler.reload_settings()
    assert window.sync_status.isVisible()
    dialog = window.show_sync()
    assert isinstance(dialog, SyncDialog)
    assert dialog.host.text() == "db.example.com" and dialog.sslmode.currentText() == "verify-full"
    assert not dialog.remember.isEnabled()  # keyring's null backend in the UI tests
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(9)
    save_settings(sample.db, dialog.settings())
    dialog.interval.setCurrentIndex(dialog.interval.findData(15))
    saved = load_settings(sample.db)
    assert saved is not None and saved["interval"] == 15 and saved["host"] == "127.0.0.1"
    window.sync_scheduler.start()
    assert window.sync_scheduler.timer.interval() == 15 * sch.MINUTE_MS
    assert window.sync_scheduler.timer.isActive()
    dialog.interval.setCurrentIndex(dialog.interval.findData(0))
    assert not window.sync_scheduler.timer.isActive()
    # the start's sync found no server at port 9: offline, changes kept
    qtbot.waitUntil(lambda: window.sync_scheduler.status.state == sch.OFFLINE, timeout=30_000)
    assert window.sync_status.text().startswith("Offline")
    assert "cannot be reached" in dialog.status.text()
    dialog.close()
    assert settings_from_dsn("postgresql://ann:secret@db:5433/team")["port"] == "5433"
    assert "password" not in settings_from_dsn("postgresql://ann:secret@db:5433/team")
