"""What a locked window shows: an opaque cover over each window and the unlock prompt."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.dialogs.keychain import passphrase_edit
from crm_desktop.ui.widgets.form import ErrorLabel


class LockCover(QWidget):
    """An opaque panel over the whole of ``parent`` (menus and dialogs' fields included)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Mid))
        self.setPalette(palette)
        label = QLabel(self.tr("CRM Desktop is locked"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        label.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        parent.installEventFilter(self)
        self._fit()
        self.show()
        self.raise_()

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parentWidget() and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.ChildAdded,
        ):
            self._fit()
            self.raise_()
        return False

    def remove(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            parent.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class UnlockPrompt(QDialog):
    """Asks for the passphrase; ``unlock_requested(passphrase)``. Escape does not close it."""

    unlock_requested = Signal(str)
    quit_requested = Signal()

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockPrompt")
        self.setWindowTitle(self.tr("Locked — CRM Desktop"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(440)
        intro = QLabel(
            self.tr(
                "<b>{file}</b> is locked. Type its passphrase to continue; "
                "anything you were typing is kept."
            ).format(file=file_name),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.passphrase = passphrase_edit(self)
        self.passphrase.setObjectName("unlockPassphrase")
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(
            self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = buttons.addButton(
            self.tr("&Quit CRM Desktop"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.quit_button.clicked.connect(self.quit_requested)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def _submit(self) -> None:
        self.unlock_requested.emit(self.passphrase.text())

    def failed(self, message: str) -> None:
        self.passphrase.clear()
        self.error.show_message(message)
        self.passphrase.setFocus()

    def accept(self) -> None:
        self._submit()

    def reject(self) -> None:
        """Escape and the close button keep the window locked."""
