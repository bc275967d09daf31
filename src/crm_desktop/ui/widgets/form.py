"""Form helpers: a field with its inline error message, and combo boxes of enum choices."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from crm_desktop.ui.text import enum_label

ERROR_STYLE = "color: #c62828;"


class ErrorLabel(QLabel):
    """A red message under a field, hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setVisible(False)

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.show_message("")


class FieldBox(QWidget):
    """An input widget with its ``ErrorLabel`` right below it."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error)


def enum_combo(
    values: type[StrEnum] | Iterable[StrEnum], *, empty: bool, parent: QWidget | None = None
) -> QComboBox:
    """A combo box of translated enum labels whose item data are the stored values."""
    combo = QComboBox(parent)
    if empty:
        combo.addItem(QCoreApplication.translate("Form", "(not set)"), None)
    for value in values:
        combo.addItem(enum_label(value.value), value.value)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item whose data is ``value`` (the first item when there is none)."""
    index = combo.findData(value) if value is not None else -1
    combo.setCurrentIndex(max(index, 0))
