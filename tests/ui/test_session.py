"""Locking the open file: the window closes, the passphrase is asked again, a new window opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.dialogs.unlock import UnlockDialog
from crm_desktop.ui.session import LAST_DATABASE_KEY, Session
from tests.conftest import PASSPHRASE


def test_lock_asks_again_and_reopens(
    qtbot: QtBot, sample: Workspace, settings: QSettings, tmp_path: Path
) -> None:
    session = Session(settings, tmp_path)
    first = session.start(sample)  # owned by the session, which deletes it on lock
    assert settings.value(LAST_DATABASE_KEY) == str(sample.path)
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, UnlockDialog)
        dialog.passphrase.setText("wrong passphrase")
        dialog.unlock()
        seen.append(dialog.error.text())
        dialog.passphrase.setText(PASSPHRASE)
        dialog.unlock()

    QTimer.singleShot(0, answer)
    session.lock()
    assert seen and "passphrase is wrong" in seen[0]
    assert session.window is not None and session.window is not first
    assert session.workspace is not None and session.workspace is not sample
    qtbot.addWidget(session.window)
    window = session.window
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 3)
    session.shutdown()
    assert session.workspace is None
