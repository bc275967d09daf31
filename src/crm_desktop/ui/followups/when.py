"""An optional date-and-time field: a check box that turns a local date-time edit on or off."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QWidget


def to_qt(value: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000))


def from_qt(value: QDateTime) -> datetime:
    """An aware datetime in the computer's time zone (seconds dropped)."""
    moment = datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000).astimezone()
    return moment.replace(second=0, microsecond=0)


class OptionalDateTime(QWidget):
    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self)
        self.check.setToolTip(label)
        self.check.setAccessibleName(label)
        self.edit = QDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateTimeChanged.connect(self.changed)

    def value(self) -> datetime | None:
        return from_qt(self.edit.dateTime()) if self.check.isChecked() else None

    def set_value(self, value: datetime | None, default: datetime | None = None) -> None:
        """Show ``value``; when it is None the box is unticked and the edit shows ``default``."""
        shown = value or default
        if shown is not None:
            self.edit.setDateTime(to_qt(shown))
        self.check.setChecked(value is not None)
