"""The dialog that asks for a database file's passphrase and opens it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError
from crm_desktop.services.workspace import Workspace, open_workspace
from crm_desktop.ui.busy import busy_cursor
from crm_desktop.ui.dialogs.keychain import passphrase_edit, remember_box, remember_if_asked
from crm_desktop.ui.text import error_text
from crm_desktop.ui.widgets.form import ErrorLabel

CHOOSE_OTHER = 2  # the dialog's result when the user wants to pick another file


class UnlockDialog(QDialog):
    """On success ``workspace`` is the opened file; a failure is shown and may be retried."""

    def __init__(
        self, path: Path, error: CrmError | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.workspace: Workspace | None = None
        self.setWindowTitle(self.tr("Unlock database — CRM Desktop"))
        self.setMinimumWidth(520)

        intro = QLabel(
            self.tr("Type the passphrase of <b>{file}</b>.").format(file=path.name), self
        )
        location = QLabel(str(path), self)
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        location.setWordWrap(True)
        self.passphrase = passphrase_edit(self)
        self.remember = remember_box(self)
        self.error = ErrorLabel(self)
        if error is not None:
            self.error.show_message(error_text(error))

        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(
            self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.other_button = QPushButton(self.tr("&Choose another file…"), self)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.unlock_button.setDefault(True)
        buttons.accepted.connect(self.unlock)
        buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(lambda: self.done(CHOOSE_OTHER))

        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(location)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def unlock(self) -> None:
        passphrase = self.passphrase.text()
        try:
            with busy_cursor():
                self.workspace = open_workspace(self.path, passphrase)
        except CrmError as error:
            self.error.show_message(error_text(error))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        remember_if_asked(self.remember, self.path, passphrase)
        self.accept()
