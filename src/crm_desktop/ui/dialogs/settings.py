"""Tools → Settings: preferences of this computer's user, one section per concern.

Today it holds the language; other sections add a group box of their own to ``sections``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui import i18n


class LanguageSection(QGroupBox):
    """The language of the window: the system's, or one chosen from ``i18n.LANGUAGES``."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Language"), parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("languageChoice")
        system = i18n.LANGUAGES[i18n.resolve(i18n.SYSTEM)]
        self.combo.addItem(self.tr("System language ({language})").format(language=system), "")
        for code, name in i18n.LANGUAGES.items():
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(i18n.stored_choice(settings))))
        hint = QLabel(
            self.tr(
                "Dates, times, numbers and amounts follow the language; the window "
                "changes at once, without a restart."
            ),
            self,
        )
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.combo)
        form.addRow(hint)

    def choice(self) -> str:
        data = self.combo.currentData()
        return data if isinstance(data, str) else i18n.SYSTEM


class SettingsDialog(QDialog):
    """Applies nothing itself: the caller reads ``language.choice()`` after ``exec``."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = LanguageSection(settings, self)
        self.sections = QVBoxLayout()
        self.sections.addWidget(self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.sections)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
