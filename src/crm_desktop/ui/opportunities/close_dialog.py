"""Asked when a deal is dropped on Won or Lost: the day it closed, or why it was lost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from crm_desktop.ui.widgets.form import FieldBox


@dataclass(frozen=True)
class CloseAnswer:
    closed_on: date | None = None
    lost_reason: str | None = None


class CloseDialog(QDialog):
    """``kind`` is ``won`` (asks for the close date) or ``lost`` (asks for the reason)."""

    def __init__(self, kind: str, title: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(self.tr("Won") if kind == "won" else self.tr("Lost"))
        layout = QFormLayout(self)
        layout.addRow(QLabel(title, self))
        self.date = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date.setCalendarPopup(True)
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.addItems(
            [
                "",
                self.tr("Price too high"),
                self.tr("Chose a competitor"),
                self.tr("No budget"),
                self.tr("No decision"),
            ]
        )
        self.reason_box = FieldBox(self.reason, self)
        if kind == "won":
            layout.addRow(self.tr("Closed on:"), self.date)
            self.reason.hide()
        else:
            layout.addRow(self.tr("Lost because:"), self.reason_box)
            self.date.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def answer(self) -> CloseAnswer:
        if self.kind == "won":
            return CloseAnswer(closed_on=self.date.date().toPython())  # type: ignore[arg-type]
        return CloseAnswer(lost_reason=self.reason.currentText().strip())

    def accept(self) -> None:
        if self.kind == "lost" and not self.reason.currentText().strip():
            self.reason_box.error.show_message(self.tr("Say why the opportunity was lost."))
            return
        super().accept()


def ask_close(kind: str, title: str, today: date, parent: QWidget | None) -> CloseAnswer | None:
    dialog = CloseDialog(kind, title, today, parent)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
