"""Backups in the window: settings, the daily schedule, "Back up now", and restoring."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db.engine import Database
from crm_desktop.domain.errors import CrmError
from crm_desktop.services import backup
from crm_desktop.ui.busy import busy_cursor
from crm_desktop.ui.dialogs.keychain import passphrase_edit
from crm_desktop.ui.tasks import Progress, run_task, wait_for_tasks
from crm_desktop.ui.text import error_text, local_datetime
from crm_desktop.ui.widgets.form import ErrorLabel

FOLDER_KEY = "backup/folder"
DAILY_KEY = "backup/keep_daily"
WEEKLY_KEY = "backup/keep_weekly"
AUTO_KEY = "backup/automatic"
CHECK_EVERY_MS = 60 * 60 * 1000  # is a backup due? once an hour while the window is open
FIRST_CHECK_MS = 2 * 60 * 1000  # and a little after start, once the window has settled
BENCH_ENV = "CRM_BENCH_FIRST_PAGE"  # set by the start-up benchmarks (see crm_desktop.app)


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


@dataclass
class BackupSettings:
    folder: Path
    keep_daily: int = backup.DEFAULT_KEEP_DAILY
    keep_weekly: int = backup.DEFAULT_KEEP_WEEKLY
    automatic: bool = True

    @classmethod
    def load(cls, settings: QSettings, default_folder: Path) -> BackupSettings:
        folder = settings.value(FOLDER_KEY)
        return cls(
            folder=Path(folder) if isinstance(folder, str) and folder else default_folder,
            keep_daily=_int(settings.value(DAILY_KEY), backup.DEFAULT_KEEP_DAILY),
            keep_weekly=_int(settings.value(WEEKLY_KEY), backup.DEFAULT_KEEP_WEEKLY),
            automatic=str(settings.value(AUTO_KEY, "true")).lower() == "true",
        )

    def save(self, settings: QSettings) -> None:
        settings.setValue(FOLDER_KEY, str(self.folder))
        settings.setValue(DAILY_KEY, self.keep_daily)
        settings.setValue(WEEKLY_KEY, self.keep_weekly)
        settings.setValue(AUTO_KEY, "true" if self.automatic else "false")

    @property
    def policy(self) -> backup.RotationPolicy:
        return backup.RotationPolicy(self.keep_daily, self.keep_weekly)


def default_backup_folder(db_path: Path) -> Path:
    """Beside the database, in a ``Backups`` folder (another disk is better: settings)."""
    return db_path.parent / "Backups"


class BackupScheduler(QObject):
    """Makes the day's backup in the background while the window is open, and at close when
    none was made today. ``done(path)`` and ``failed(message)`` report each run."""

    done = Signal(Path)
    failed = Signal(str)

    def __init__(self, db: Database, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self.paused = False
        self.running = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.run_if_due)
        QTimer.singleShot(FIRST_CHECK_MS, self, self.run_if_due)
        self._timer.start(CHECK_EVERY_MS)

    def current(self) -> BackupSettings:
        return BackupSettings.load(self._settings, default_backup_folder(self._db.path))

    def is_due(self) -> bool:
        """Automatic backups are on, none was made today, and the file changed since the
        newest backup. Never in a benchmark run (it measures start-up, not backups)."""
        config = self.current()
        if not config.automatic or os.environ.get(BENCH_ENV):
            return False
        try:
            return backup.backup_needed(self._db, config.folder, datetime.now(UTC))
        except CrmError:  # locked meanwhile
            return False

    def run_if_due(self) -> None:
        if not self.paused and not self.running and self.is_due():
            self.run_now()

    def run_now(self) -> None:
        """Back up on a worker thread (the file stays usable meanwhile)."""
        config, db = self.current(), self._db
        self.running = True

        def work(_progress: Progress) -> Path:
            return backup.back_up_and_rotate(db, config.folder, config.policy)

        run_task(work, self._finished, self._failed)

    def run_at_close(self) -> Path | None:
        """The backup at close, made here and now if none was made today."""
        if self.paused:
            return None
        wait_for_tasks()
        if not self.is_due():
            return None
        config = self.current()
        try:
            with busy_cursor():
                return backup.back_up_and_rotate(self._db, config.folder, config.policy)
        except CrmError:
            return None  # closing goes on; the next start tries again

    def _finished(self, path: Path) -> None:
        self.running = False
        self.done.emit(path)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.failed.emit(error_text(error) if isinstance(error, CrmError) else str(error))

    def stop(self) -> None:
        self._timer.stop()


class BackupDialog(QDialog):
    """Where backups go, how many are kept, the list of them, and "Back up now"."""

    def __init__(self, scheduler: BackupScheduler, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups — CRM Desktop"))
        self.setMinimumWidth(560)
        self._scheduler = scheduler
        self._settings = settings
        self._db_path = scheduler._db.path
        config = scheduler.current()
        self.folder = QLineEdit(str(config.folder), self)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.automatic = QCheckBox(
            self.tr("Back up &automatically: daily, and at close if none today"),
            self,
        )
        self.automatic.setChecked(config.automatic)
        self.keep_daily = QSpinBox(self)
        self.keep_daily.setRange(1, 365)
        self.keep_daily.setValue(config.keep_daily)
        self.keep_weekly = QSpinBox(self)
        self.keep_weekly.setRange(0, 520)
        self.keep_weekly.setValue(config.keep_weekly)
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow("", self.automatic)
        form.addRow(self.tr("Keep &daily backups for:"), self.keep_daily)
        form.addRow(self.tr("Keep &weekly backups for:"), self.keep_weekly)
        self.keep_daily.setSuffix(self.tr(" days"))
        self.keep_weekly.setSuffix(self.tr(" weeks"))
        self.list = QListWidget(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.backup_button = buttons.addButton(
            self.tr("&Back up now"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.backup_button.clicked.connect(self.back_up_now)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Backups of this file, newest first:"), self))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for signal in (self.keep_daily.valueChanged, self.keep_weekly.valueChanged):
            signal.connect(self._save)
        self.automatic.toggled.connect(self._save)
        self.folder.editingFinished.connect(self._save)
        scheduler.done.connect(self._backed_up)
        scheduler.failed.connect(self._backup_failed)
        self.refresh()

    def _save(self) -> None:
        text = self.folder.text().strip()
        BackupSettings(
            folder=Path(text) if text else default_backup_folder(self._db_path),
            keep_daily=self.keep_daily.value(),
            keep_weekly=self.keep_weekly.value(),
            automatic=self.automatic.isChecked(),
        ).save(self._settings)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for backups"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)
            self._save()
            self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        config = self._scheduler.current()
        for item in reversed(backup.list_backups(config.folder, self._db_path)):
            size = item.path.stat().st_size / (1024 * 1024)
            row = QListWidgetItem(
                self.tr("{when} — {size} MB — {name}").format(
                    when=local_datetime(item.taken_at), size=f"{size:,.1f}", name=item.path.name
                ),
                self.list,
            )
            row.setData(Qt.ItemDataRole.UserRole, str(item.path))

    def back_up_now(self) -> None:
        self._save()
        self.error.clear_message()
        self.status.setText(self.tr("Backing up…"))
        self.backup_button.setEnabled(False)
        self._scheduler.run_now()

    def _backed_up(self, path: Path) -> None:
        self.backup_button.setEnabled(True)
        self.status.setText(self.tr("Backed up and checked: {name}").format(name=path.name))
        self.refresh()

    def _backup_failed(self, message: str) -> None:
        self.backup_button.setEnabled(True)
        self.status.clear()
        self.error.show_message(message)


class RestoreDialog(QDialog):
    """Restore a backup into a new file or over the open one (which is backed up first)."""

    restored_over = Signal(Path)  # the safety backup of what was replaced
    restored_new = Signal(Path)  # the new file

    def __init__(
        self, db: Database, backup_file: Path, safety_folder: Path, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup — CRM Desktop"))
        self.setMinimumWidth(560)
        self._db = db
        self.backup_file = backup_file
        self._safety_folder = safety_folder
        intro = QLabel(self.tr("Restore <b>{name}</b>.").format(name=backup_file.name), self)
        self.passphrase = passphrase_edit(self)
        self.as_new = QRadioButton(self.tr("Into a &new file:"), self)
        self.over = QRadioButton(
            self.tr(
                "&Over the open file {name} (it is backed up first and keeps its passphrase)"
            ).format(name=db.path.name),
            self,
        )
        group = QButtonGroup(self)
        group.addButton(self.as_new)
        group.addButton(self.over)
        self.as_new.setChecked(True)
        self.target = QLineEdit(
            str(db.path.with_name(f"{db.path.stem}-restored{db.path.suffix}")), self
        )
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.restore)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase of the &backup:"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.as_new)
        layout.addWidget(self.target)
        layout.addWidget(self.over)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.as_new.toggled.connect(self.target.setEnabled)

    def restore(self) -> None:
        passphrase = self.passphrase.text()
        try:
            with busy_cursor():
                if self.over.isChecked():
                    wait_for_tasks()
                    safety = backup.restore_over(
                        self._db, self.backup_file, passphrase, self._safety_folder
                    )
                else:
                    target = Path(self.target.text().strip())
                    made = backup.restore_to_new_file(self.backup_file, passphrase, target)
        except CrmError as error:
            self.error.show_message(error_text(error))
            return
        self.accept()
        if self.over.isChecked():
            self.restored_over.emit(safety)
        else:
            self.restored_new.emit(made)
