"""Locking the open file: the window stays, its data is covered, the passphrase unlocks it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.services import instance_lock
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.lock.screen import UnlockPrompt
from crm_desktop.ui.session import LAST_DATABASE_KEY, Session
from tests.conftest import PASSPHRASE


def test_lock_asks_again_and_keeps_the_window(
    qtbot: QtBot, sample: Workspace, settings: QSettings, tmp_path: Path
) -> None:
    session = Session(settings, tmp_path)
    first = session.start(sample)
    qtbot.addWidget(first)
    assert settings.value(LAST_DATABASE_KEY) == str(sample.path)
    assert instance_lock.lock_path(sample.path).exists()  # one window per file
    qtbot.waitUntil(lambda: first.customers.model.rowCount() == 3)
    first.lock_action.trigger()
    prompt = QApplication.activeModalWidget()
    assert isinstance(prompt, UnlockPrompt)
    prompt.passphrase.setText("wrong passphrase")
    prompt.unlock_button.click()
    assert "passphrase is wrong" in prompt.error.text()
    prompt.passphrase.setText(PASSPHRASE)
    prompt.unlock_button.click()
    assert session.safety is not None and not session.safety.locker.locked
    assert session.window is first and session.workspace is sample
    qtbot.waitUntil(lambda: first.customers.model.rowCount() == 3)
    session.shutdown()
    assert session.workspace is None
