"""The Tools → Sync… dialog: sync in the background, see a conflict, keep mine."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crm_desktop.sync.conflicts import open_conflicts
from crm_desktop.ui.sync.dialog import SyncDialog

from .conftest import PG_HOST, PG_PORT, Team

pytestmark = pytest.mark.sync

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")
def test_the_dialog_syncs_and_resolves_a_conflict(team: Team, qtbot: QtBot) -> None:
    login_a, _ = team.add_member("ann", "manager")
    login_b, _ = team.add_member("bob", "manager")
    a, b = team.workspace("a"), team.workspace("b")
    sync_a, sync_b = team.client(a, login_a), team.client(b, login_b)
    sync_a.sync()
    cid = a.customers.create(name="上海贸易有限公司", city="上海")
    sync_a.sync()
    sync_b.sync()
    a.customers.update(cid, city="杭州")
    b.customers.update(cid, city="苏州")
    sync_b.sync()

    dialog = SyncDialog(a.ctx)
    qtbot.addWidget(dialog)
    dialog.host.setText(PG_HOST)
    dialog.port.setValue(PG_PORT)
    dialog.database.setText(team.name)
    dialog.login.setText(login_a)
    dialog.password.setText("pw")
    dialog.show()
    with qtbot.waitSignal(dialog.synced, timeout=60_000):
        dialog.sync_button.click()
    assert dialog.conflicts.rowCount() == 1
    assert dialog.conflicts.item(0, 2).text() == "杭州"
    assert dialog.conflicts.item(0, 3).text() == "苏州"
    assert "Synced" in dialog.status.text()
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "sync-dialog.png"))

    dialog.conflicts.selectRow(0)
    dialog.keep_mine_button.click()
    assert dialog.conflicts.rowCount() == 0 and open_conflicts(a.db) == []
    with qtbot.waitSignal(dialog.synced, timeout=60_000):
        dialog.sync_button.click()
    sync_b.sync()
    assert b.customers.get(cid).city == "杭州"
    # the settings are remembered in the file (without the password)
    again = SyncDialog(a.ctx)
    qtbot.addWidget(again)
    assert again.database.text() == team.name and again.password.text() == ""
    a.close()
    b.close()
