"""Form helpers: a field with its inline error message, and combo boxes of enum choices."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.ui.text import enum_label, error_text

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


def save_with_inline_errors(
    boxes: dict[str, FieldBox], general: ErrorLabel, save: Callable[[], object]
) -> bool:
    """Clear the messages, run ``save``; show a refused field's message under it (or under the
    form) and keep the dialog open. True when ``save`` went through."""
    for box in boxes.values():
        box.error.clear_message()
    general.clear_message()
    try:
        save()
    except ValidationError as error:
        flagged = boxes.get(error.field)
        (flagged.error if flagged is not None else general).show_message(error_text(error))
        if flagged is not None:
            flagged.field.setFocus()
        return False
    except CrmError as error:
        general.show_message(error_text(error))
        return False
    return True


def shown_error(form: QWidget, box: FieldBox) -> str:
    """The message shown under a field ("" when none), for tests."""
    return box.error.text() if box.error.isVisibleTo(form) else ""
