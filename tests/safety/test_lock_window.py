"""Locking: Ctrl+L and the idle timer hide the data, drop the key, keep unsaved dialog input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from crm_desktop.services.rekey import DatabaseLockedByUserError
from crm_desktop.services.search import search_customer_ids
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.lock.screen import LockCover, UnlockPrompt
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.safety import Safety
from tests.conftest import PASSPHRASE


def _covered(widget: object) -> bool:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    return any(
        c.isVisible() and c.geometry() == widget.rect() for c in widget.findChildren(LockCover)
    )


def test_ctrl_l_locks_and_the_passphrase_unlocks(
    safe_window: tuple[MainWindow, Safety], sample: Workspace, qtbot: QtBot
) -> None:
    window, safety = safe_window
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 3)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert safety.locker.locked
    assert _covered(window)
    prompt = safety.locker.prompt
    assert isinstance(prompt, UnlockPrompt)
    qtbot.waitUntil(prompt.isVisible)
    assert QApplication.activeModalWidget() is prompt
    window.grab().save("screenshots/safety_locked_window.png")
    prompt.grab().save("screenshots/safety_unlock_prompt.png")
    with pytest.raises(DatabaseLockedByUserError), sample.db.session() as session:
        search_customer_ids(session, "张三")  # the key is gone
    prompt.reject()  # Escape keeps it locked
    assert safety.locker.locked

    qtbot.keyClicks(prompt.passphrase, "wrong passphrase")
    qtbot.mouseClick(prompt.unlock_button, Qt.MouseButton.LeftButton)
    assert safety.locker.locked
    assert "passphrase is wrong" in prompt.error.text()
    assert prompt.passphrase.text() == ""

    qtbot.keyClicks(prompt.passphrase, PASSPHRASE)
    qtbot.keyClick(prompt.passphrase, Qt.Key.Key_Return)
    assert not safety.locker.locked
    assert not _covered(window)
    with sample.db.session() as session:
        assert len(search_customer_ids(session, "张三")) == 1


def test_idle_lock_keeps_what_was_typed_in_an_open_dialog(
    safe_window: tuple[MainWindow, Safety], sample: Workspace, qtbot: QtBot
) -> None:
    window, safety = safe_window
    window.new_customer_action.trigger()
    editor = window.customers.editor
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    editor.edits["name"].insert("赵六 Zhao Liu")  # QtTest types ASCII only
    qtbot.keyClicks(editor.edits["phone"], "139 0000 1234")

    safety.locker.set_idle_limit(0.2)  # seconds, for the test; the setting is in minutes
    qtbot.waitUntil(lambda: safety.locker.locked, timeout=5000)
    assert _covered(window) and _covered(editor)
    assert editor.isVisible()  # covered, not closed
    prompt = safety.locker.prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible)
    editor.grab().save("screenshots/safety_locked_dialog.png")

    assert safety.locker.unlock(PASSPHRASE)
    assert not _covered(editor)
    assert editor.isVisible()
    assert editor.edits["name"].text() == "赵六 Zhao Liu"
    assert editor.edits["phone"].text() == "139 0000 1234"
    qtbot.mouseClick(
        editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert not editor.isVisible()
    with sample.db.session() as session:
        assert len(search_customer_ids(session, "Zhao Liu")) == 1


def test_input_keeps_the_window_unlocked(
    safe_window: tuple[MainWindow, Safety], qtbot: QtBot
) -> None:
    window, safety = safe_window
    safety.locker.set_idle_limit(3600)
    for _ in range(3):
        qtbot.keyClick(window.search, Qt.Key.Key_A)
        safety.locker.check_idle()
    assert not safety.locker.locked


def test_auto_lock_minutes_come_from_the_settings(
    safe_window: tuple[MainWindow, Safety], settings: object
) -> None:
    from PySide6.QtCore import QSettings

    from crm_desktop.ui.lock.controller import AUTO_LOCK_KEY, auto_lock_minutes

    _window, safety = safe_window
    assert isinstance(settings, QSettings)
    assert auto_lock_minutes(settings) == 10  # the default
    settings.setValue(AUTO_LOCK_KEY, 3)
    safety.locker.apply_settings()
    assert safety.locker.idle_limit_s == 180
    settings.setValue(AUTO_LOCK_KEY, 0)
    safety.locker.apply_settings()
    assert safety.locker.idle_limit_s == 0


def test_auto_lock_dialog_sets_the_minutes(
    safe_window: tuple[MainWindow, Safety], settings: object
) -> None:
    _window, safety = safe_window
    dialog = safety.edit_auto_lock()
    dialog.minutes.setValue(25)
    dialog.grab().save("screenshots/safety_auto_lock_dialog.png")
    dialog.accept()
    assert safety.locker.idle_limit_s == 25 * 60
