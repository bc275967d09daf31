"""The main window's safety features: File → Back up now / Backups / Restore / Change passphrase /
Keychain entry, the daily backup schedule, and locking (Ctrl+L and the idle timer).

``install_safety`` adds them to a built main window; the dialogs load when first used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from crm_desktop.services import running_reads
from crm_desktop.services.backup import SUFFIX
from crm_desktop.ui.dialogs.backup import BackupScheduler
from crm_desktop.ui.lock.controller import LockController

if TYPE_CHECKING:
    from crm_desktop.services.workspace import Workspace
    from crm_desktop.ui.dialogs.backup import BackupDialog, RestoreDialog
    from crm_desktop.ui.dialogs.passphrase_change import KeychainDialog, PassphraseChangeDialog
    from crm_desktop.ui.lock.settings import AutoLockDialog
    from crm_desktop.ui.main_window import MainWindow


class Safety(QObject):
    """Owned by the main window; ``locker`` and ``backups`` are its two moving parts."""

    def __init__(self, window: MainWindow, workspace: Workspace, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._db = workspace.db
        self._settings = settings
        self.locker = LockController(window, workspace.db, settings)
        self.locker.locked_changed.connect(self._locked_changed)
        self.locker.quit_requested.connect(window.close)
        self.backups = BackupScheduler(workspace.db, settings, self)
        self.backups.done.connect(self._backed_up)
        self.backups.failed.connect(self._backup_failed)
        self.last_failure = ""

        self.backup_now_action = QAction(self.tr("&Back up now"), window)
        self.backup_now_action.triggered.connect(self.back_up_now)
        self.backups_action = QAction(self.tr("Bac&kups…"), window)
        self.backups_action.triggered.connect(self.show_backups)
        self.restore_action = QAction(self.tr("&Restore from backup…"), window)
        self.restore_action.triggered.connect(self.choose_restore)
        self.passphrase_action = QAction(self.tr("Change &passphrase…"), window)
        self.passphrase_action.triggered.connect(self.change_passphrase)
        self.keychain_action = QAction(self.tr("&Keychain entry…"), window)
        self.keychain_action.triggered.connect(self.edit_keychain)
        self.auto_lock_action = QAction(self.tr("&Auto-lock…"), window)
        self.auto_lock_action.triggered.connect(self.edit_auto_lock)
        window.lock_requested.connect(self.locker.lock)
        window.closed.connect(self._closing)
        self._add_to_file_menu()

    def _add_to_file_menu(self) -> None:
        window = self._window
        menu = window.lock_action.associatedObjects()
        for owner in menu:
            if isinstance(owner, QMenu):
                owner.insertActions(
                    window.lock_action,
                    [
                        self.backup_now_action,
                        self.backups_action,
                        self.restore_action,
                        self.passphrase_action,
                        self.keychain_action,
                        self.auto_lock_action,
                    ],
                )
                owner.insertSeparator(window.lock_action)
                break

    # --- locking --------------------------------------------------------------------------

    def _locked_changed(self, locked: bool) -> None:
        window = self._window
        self.backups.paused = locked
        followups = window._followups  # the reminders must not read while the key is gone
        if followups.is_built:
            if locked:
                followups.widget().scheduler.stop()
            else:
                followups.widget().scheduler.start()
        if not locked:
            running_reads.track(self._db)  # the reopened engine, for closing promptly
            window.refresh()

    def _closing(self) -> None:
        self.locker.shutdown()
        self.backups.stop()
        if not self.locker.locked:
            self.backups.run_at_close()

    # --- backups ---------------------------------------------------------------------------

    def back_up_now(self) -> None:
        self._window.statusBar().showMessage(self.tr("Backing up…"))
        self.backups.run_now()

    def _backed_up(self, path: Path) -> None:
        self._window.statusBar().showMessage(
            self.tr("Backed up and checked: {path}").format(path=str(path)), 8000
        )

    def _backup_failed(self, message: str) -> None:
        self._window.statusBar().clearMessage()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Backup"), message, parent=self._window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not modal to the program: the window stays usable
        self.last_failure = message

    def show_backups(self) -> BackupDialog:
        from crm_desktop.ui.dialogs.backup import BackupDialog

        dialog = BackupDialog(self.backups, self._settings, self._window)
        dialog.open()
        return dialog

    def choose_restore(self) -> RestoreDialog | None:
        folder = self.backups.current().folder
        name, _filter = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Choose a backup to restore"),
            str(folder),
            self.tr("CRM Desktop backups (*{suffix});;All files (*)").format(suffix=SUFFIX),
        )
        return self.restore(Path(name)) if name else None

    def restore(self, backup_file: Path) -> RestoreDialog:
        from crm_desktop.ui.dialogs.backup import RestoreDialog

        dialog = RestoreDialog(self._db, backup_file, self.backups.current().folder, self._window)
        dialog.restored_over.connect(self._restored_over)
        dialog.restored_new.connect(self._restored_new)
        dialog.open()
        return dialog

    def _restored_over(self, safety: Path) -> None:
        self._window.refresh()
        QMessageBox.information(
            self._window,
            self.tr("Restore"),
            self.tr("The backup was restored. What the file held before is kept in {path}.").format(
                path=str(safety)
            ),
        )

    def _restored_new(self, made: Path) -> None:
        QMessageBox.information(
            self._window,
            self.tr("Restore"),
            self.tr("The backup was restored into {path}. Open it with File → Open.").format(
                path=str(made)
            ),
        )

    # --- passphrase ------------------------------------------------------------------------

    def change_passphrase(self) -> PassphraseChangeDialog:
        from crm_desktop.ui.dialogs.passphrase_change import PassphraseChangeDialog

        dialog = PassphraseChangeDialog(self._db, self._window)
        dialog.accepted.connect(self._passphrase_changed)
        dialog.open()
        return dialog

    def _passphrase_changed(self) -> None:
        running_reads.track(self._db)  # the engine keyed with the new passphrase
        self._window.statusBar().showMessage(self.tr("Passphrase changed."), 8000)

    def edit_auto_lock(self) -> AutoLockDialog:
        from crm_desktop.ui.lock.settings import AutoLockDialog

        dialog = AutoLockDialog(self._settings, self.locker, self._window)
        dialog.open()
        return dialog

    def edit_keychain(self) -> KeychainDialog:
        from crm_desktop.ui.dialogs.passphrase_change import KeychainDialog

        dialog = KeychainDialog(self._db, self._window)
        dialog.open()
        return dialog


def install_safety(window: MainWindow, workspace: Workspace, settings: QSettings) -> Safety:
    return Safety(window, workspace, settings)
