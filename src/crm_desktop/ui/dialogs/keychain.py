"""The "remember in keychain" check box shared by the dialogs that take a passphrase."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from crm_desktop.domain.errors import KeychainUnavailableError
from crm_desktop.services import secrets


def remember_box(parent: QWidget) -> QCheckBox:
    """Unchecked by default; disabled, with the reason as tooltip, when there is no keychain."""
    box = QCheckBox(
        QCoreApplication.translate("Keychain", "&Remember the passphrase in the system keychain"),
        parent,
    )
    if not secrets.keychain_available():
        box.setEnabled(False)
        box.setToolTip(
            QCoreApplication.translate(
                "Keychain",
                "No system keychain is available on this computer, so the passphrase "
                "has to be typed at each start.",
            )
        )
    return box


def passphrase_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def remember_if_asked(box: QCheckBox, path: Path, passphrase: str) -> None:
    """Store the passphrase when the box is ticked; a keychain that refuses is not fatal."""
    if box.isEnabled() and box.isChecked():
        with contextlib.suppress(KeychainUnavailableError):
            secrets.remember_passphrase(path, passphrase)
