"""Changing the passphrase of the open file, and its entry in the system keychain."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db.engine import Database
from crm_desktop.db.keyed_file import open_keyed
from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.services import rekey, secrets
from crm_desktop.ui.busy import busy_cursor
from crm_desktop.ui.dialogs.keychain import passphrase_edit
from crm_desktop.ui.tasks import wait_for_tasks
from crm_desktop.ui.text import error_text
from crm_desktop.ui.widgets.form import ErrorLabel


class PassphraseChangeDialog(QDialog):
    """Current, new and repeated passphrase; what to do with the keychain entry."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("Change passphrase — CRM Desktop"))
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr(
                "The whole file <b>{file}</b> is encrypted again with the new passphrase. "
                "Backups made before keep the old one."
            ).format(file=db.path.name),
            self,
        )
        intro.setWordWrap(True)
        self.current = passphrase_edit(self)
        self.new = passphrase_edit(self)
        self.repeat = passphrase_edit(self)
        self.keychain = QComboBox(self)
        has_entry = secrets.recall_passphrase(db.path) is not None
        self.keychain.addItem(
            self.tr("Update it in the system keychain")
            if has_entry
            else self.tr("Do not remember it"),
            "keep",
        )
        if secrets.keychain_available():
            if has_entry:
                self.keychain.addItem(self.tr("Remove it from the system keychain"), "forget")
            else:
                self.keychain.addItem(self.tr("Remember it in the system keychain"), "remember")
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.change_button = buttons.addButton(
            self.tr("&Change passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.change)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("C&urrent passphrase:"), self.current)
        form.addRow(self.tr("&New passphrase:"), self.new)
        form.addRow(self.tr("&Repeat the new one:"), self.repeat)
        form.addRow(self.tr("&Keychain:"), self.keychain)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def change(self) -> None:
        old, new = self.current.text(), self.new.text()
        try:
            rekey.check_new_passphrase(old, new, self.repeat.text())
            wait_for_tasks()
            with busy_cursor():
                rekey.change_passphrase(self._db, old, new, keychain=self.keychain.currentData())
        except CrmError as error:
            self.error.show_message(error_text(error))
            field = error.field if isinstance(error, ValidationError) else "current"
            edit = {"repeat": self.repeat, "new": self.new, "passphrase": self.new}.get(
                field, self.current
            )
            edit.selectAll()
            edit.setFocus()
            return
        self.accept()


class KeychainDialog(QDialog):
    """Shows whether the keychain remembers this file's passphrase; remember or remove it."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("Keychain entry — CRM Desktop"))
        self.setMinimumWidth(480)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.passphrase = passphrase_edit(self)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.remember_button = buttons.addButton(
            self.tr("&Remember / refresh"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.forget_button = buttons.addButton(
            self.tr("R&emove entry"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remember_button.clicked.connect(self.remember)
        self.forget_button.clicked.connect(self.forget)
        buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Passphrase:"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_state()

    def _show_state(self) -> None:
        available = secrets.keychain_available()
        has_entry = available and secrets.recall_passphrase(self._db.path) is not None
        if not available:
            text = self.tr(
                "No system keychain is available on this computer; the passphrase is asked "
                "at each start."
            )
        elif has_entry:
            text = self.tr(
                "The system keychain remembers the passphrase of {file}: it opens without "
                "asking. Remove the entry to be asked at each start."
            ).format(file=self._db.path.name)
        else:
            text = self.tr(
                "The system keychain does not remember the passphrase of {file}. Type it "
                "below to remember it."
            ).format(file=self._db.path.name)
        self.state.setText(text)
        self.passphrase.setEnabled(available)
        self.remember_button.setEnabled(available)
        self.forget_button.setEnabled(has_entry)
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the wrapped text may need more lines now
        self.adjustSize()

    def remember(self) -> None:
        passphrase = self.passphrase.text()
        try:
            with busy_cursor():
                opened = open_keyed(self._db.path, passphrase)  # it must be the right one
                opened.connection.close()
                secrets.remember_passphrase(self._db.path, passphrase)
        except CrmError as error:
            self.error.show_message(error_text(error))
            return
        self.passphrase.clear()
        self.error.clear_message()
        self._show_state()

    def forget(self) -> None:
        secrets.forget_passphrase(self._db.path)
        self._show_state()
