"""The auto-lock setting: lock after this many idle minutes (0: never)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from crm_desktop.ui.lock.controller import AUTO_LOCK_KEY, LockController, auto_lock_minutes

MAX_MINUTES = 24 * 60


class AutoLockDialog(QDialog):
    def __init__(self, settings: QSettings, locker: LockController, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self._locker = locker
        self.setWindowTitle(self.tr("Auto-lock — CRM Desktop"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr(
                "Without keyboard or mouse input for this long, the window hides its data "
                "and asks for the passphrase. Ctrl+L locks at once."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSpecialValueText(self.tr("never"))
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(auto_lock_minutes(settings))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("&Lock after:"), self.minutes)
        form.addRow(buttons)

    def accept(self) -> None:
        self._settings.setValue(AUTO_LOCK_KEY, self.minutes.value())
        self._locker.apply_settings()
        super().accept()
