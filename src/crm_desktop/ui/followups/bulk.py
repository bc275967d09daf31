"""Small prompts of the bulk actions: the new owner, the new due time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from crm_desktop.services.followup_choices import Choice
from crm_desktop.ui.followups.when import from_qt, to_qt


class _Prompt(QDialog):
    def _finish(self, title: str, label: str, field: QWidget) -> None:
        self.setWindowTitle(title)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(label, field)
        layout.addRow(buttons)


class OwnerPrompt(_Prompt):
    def __init__(self, owners: list[Choice], count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner = QComboBox(self)
        self.owner.addItem(self.tr("(nobody)"), None)
        for owner in owners:
            self.owner.addItem(owner.label, owner.id)
        self._finish(
            self.tr("Reassign {count} follow-ups").format(count=count),
            self.tr("New owner:"),
            self.owner,
        )

    def owner_id(self) -> str | None:
        value = self.owner.currentData()
        return None if value is None else str(value)


class DuePrompt(_Prompt):
    def __init__(self, start: datetime, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.due = QDateTimeEdit(to_qt(start), self)
        self.due.setCalendarPopup(True)
        self._finish(
            self.tr("Reschedule {count} follow-ups").format(count=count),
            self.tr("New due time:"),
            self.due,
        )

    def due_at(self) -> datetime:
        return from_qt(self.due.dateTime())
