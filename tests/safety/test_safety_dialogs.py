"""File → Backups / Restore / Change passphrase / Keychain entry, and a second instance."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from crm_desktop.services import backup, secrets
from crm_desktop.services.workspace import Workspace, open_workspace
from crm_desktop.ui.dialogs.backup import FOLDER_KEY, BackupSettings, default_backup_folder
from crm_desktop.ui.lock.instance import refuse_second_instance
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.safety import Safety
from tests.conftest import PASSPHRASE, MemoryKeyring

NEW = "the new passphrase"


def _close_message_boxes(seen: list[str]) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            seen.append(widget.text())
            widget.done(0)


def test_file_menu_has_the_safety_actions(safe_window: tuple[MainWindow, Safety]) -> None:
    window, _safety = safe_window
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text().replace("&", "") for a in file_menu.actions()]
    for wanted in ("Back up now", "Backups…", "Restore from backup…", "Change passphrase…"):
        assert wanted in texts
    assert texts.index("Back up now") < texts.index("Lock")


def test_backup_dialog_backs_up_and_lists(
    safe_window: tuple[MainWindow, Safety],
    sample: Workspace,
    settings: QSettings,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    _window, safety = safe_window
    settings.setValue(FOLDER_KEY, str(tmp_path / "my backups"))
    dialog = safety.show_backups()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.list.count() == 0
    dialog.keep_daily.setValue(5)
    dialog.keep_weekly.setValue(3)
    dialog.back_up_now()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10_000)
    assert "Backed up and checked" in dialog.status.text()
    config = BackupSettings.load(settings, default_backup_folder(sample.path))
    assert (config.keep_daily, config.keep_weekly) == (5, 3)
    made = backup.list_backups(tmp_path / "my backups", sample.path)
    assert len(made) == 1 and backup.verify_backup(made[0].path, PASSPHRASE)
    dialog.grab().save("screenshots/safety_backups_dialog.png")
    assert not safety.backups.is_due()  # today's is made
    dialog.close()


def test_backup_at_close_when_none_today(
    qtbot: QtBot, sample: Workspace, settings: QSettings, tmp_path: Path
) -> None:
    from crm_desktop.ui.safety import install_safety

    settings.setValue(FOLDER_KEY, str(tmp_path / "b"))
    window = MainWindow(sample, settings)
    qtbot.addWidget(window)
    install_safety(window, sample, settings)
    window.show()
    window.close()
    assert len(backup.list_backups(tmp_path / "b", sample.path)) == 1


def test_restore_over_the_open_file_from_the_window(
    safe_window: tuple[MainWindow, Safety],
    sample: Workspace,
    settings: QSettings,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    window, safety = safe_window
    settings.setValue(FOLDER_KEY, str(tmp_path / "b"))
    made = backup.make_backup(sample.db, tmp_path / "b")
    sample.customers.create(name="Made after the backup")
    dialog = safety.restore(made)
    dialog.grab().save("screenshots/safety_restore_dialog.png")
    dialog.passphrase.setText("wrong passphrase")
    dialog.over.setChecked(True)
    dialog.restore()
    assert "passphrase is wrong" in dialog.error.text()
    dialog.passphrase.setText(PASSPHRASE)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _close_message_boxes(seen))
    dialog.restore()
    qtbot.waitUntil(lambda: bool(seen))
    assert "restored" in seen[0]
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 3)
    assert sample.counts()["customers"] == 3


def test_restore_into_a_new_file(
    safe_window: tuple[MainWindow, Safety], sample: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    _window, safety = safe_window
    made = backup.make_backup(sample.db, tmp_path / "b")
    dialog = safety.restore(made)
    target = tmp_path / "restored.db"
    dialog.target.setText(str(target))
    dialog.passphrase.setText(PASSPHRASE)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _close_message_boxes(seen))
    dialog.restore()
    qtbot.waitUntil(lambda: bool(seen))
    restored = open_workspace(target, PASSPHRASE)
    try:
        assert restored.counts()["customers"] == 3
    finally:
        restored.close()


def test_change_passphrase_dialog(
    safe_window: tuple[MainWindow, Safety],
    sample: Workspace,
    qtbot: QtBot,
    memory_keyring: MemoryKeyring,
) -> None:
    _window, safety = safe_window
    secrets.remember_passphrase(sample.path, PASSPHRASE)
    dialog = safety.change_passphrase()
    dialog.current.setText(PASSPHRASE)
    dialog.new.setText(NEW)
    dialog.repeat.setText(NEW + "!")
    dialog.change()
    assert "not the same" in dialog.error.text()
    dialog.grab().save("screenshots/safety_passphrase_dialog.png")
    dialog.current.setText("not it at all")
    dialog.repeat.setText(NEW)
    dialog.change()
    assert "passphrase is wrong" in dialog.error.text()
    dialog.current.setText(PASSPHRASE)
    dialog.change()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert secrets.recall_passphrase(sample.path) == NEW  # the entry was refreshed
    assert sample.counts()["customers"] == 3  # the open file keeps working
    safety.locker.lock()
    assert not safety.locker.unlock(PASSPHRASE)
    assert safety.locker.unlock(NEW)
    # back to the fixture's passphrase, so its teardown can unlock if needed
    dialog = safety.change_passphrase()
    dialog.current.setText(NEW)
    dialog.new.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    dialog.change()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_keychain_dialog_remembers_and_removes(
    safe_window: tuple[MainWindow, Safety], sample: Workspace, memory_keyring: MemoryKeyring
) -> None:
    _window, safety = safe_window
    dialog = safety.edit_keychain()
    assert not dialog.forget_button.isEnabled()
    dialog.passphrase.setText("wrong passphrase")
    dialog.remember()
    assert "passphrase is wrong" in dialog.error.text()
    assert secrets.recall_passphrase(sample.path) is None
    dialog.passphrase.setText(PASSPHRASE)
    dialog.remember()
    assert secrets.recall_passphrase(sample.path) == PASSPHRASE
    assert dialog.forget_button.isEnabled()
    dialog.grab().save("screenshots/safety_keychain_dialog.png")
    dialog.forget()
    assert secrets.recall_passphrase(sample.path) is None


HOLDER = """
import sys, time
from crm_desktop.services.instance_lock import claim
lock = claim(sys.argv[1])
print("HELD", flush=True)
time.sleep(60)
"""


def test_second_instance_is_refused_with_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    db_path = tmp_path / "crm.db"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "HELD"
        seen: list[str] = []
        QTimer.singleShot(0, lambda: _close_message_boxes(seen))
        assert refuse_second_instance(db_path)
        assert seen and "already open in another CRM Desktop window" in seen[0]
        assert str(child.pid) in seen[0]
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    assert not refuse_second_instance(db_path)  # the holder is gone: no refusal
    from crm_desktop.services import instance_lock

    instance_lock.release(db_path)
