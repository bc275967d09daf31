"""Completing a planned follow-up: its outcome and, in the same step, the next one planned.

Both happen in one transaction (``followup_actions.complete``): the next follow-up is never
planned for a follow-up that failed to complete, nor the other way round.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.enums import Channel
from crm_desktop.services import followup_actions
from crm_desktop.services.followup_choices import customer_name
from crm_desktop.services.followups import FollowUpService
from crm_desktop.ui.followups.when import OptionalDateTime
from crm_desktop.ui.widgets.form import (
    ErrorLabel,
    FieldBox,
    enum_combo,
    save_with_inline_errors,
    select_data,
    shown_error,
)

NEXT_DEFAULT = timedelta(days=7)


class CompleteDialog(QDialog):
    """``next_id`` is the planned follow-up's id after saving (None: none was planned)."""

    def __init__(
        self,
        service: FollowUpService,
        clock: Callable[[], datetime],
        followup_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._id = followup_id
        self.next_id: str | None = None
        current = service.get(followup_id)
        now = clock().astimezone().replace(second=0, microsecond=0)
        self.setWindowTitle(self.tr("Complete follow-up"))
        with service.ctx.db.session() as session:
            customer = customer_name(session, current.customer_id) or ""
        heading = QLabel(
            self.tr("{subject} — {customer}").format(subject=current.subject, customer=customer),
            self,
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.outcome = QPlainTextEdit(self)
        self.outcome.setPlaceholderText(self.tr("What came of it?"))
        self.outcome.setTabChangesFocus(True)
        self.outcome.setMaximumHeight(110)
        self.occurred = OptionalDateTime(self.tr("Set when it happened"), self)
        self.occurred.set_value(now)
        self.plan = QGroupBox(self.tr("Plan the next follow-up"), self)
        self.plan.setCheckable(True)
        self.plan.setChecked(True)
        self.channel = enum_combo(Channel, empty=False, parent=self.plan)
        select_data(self.channel, current.channel)
        self.subject = QLineEdit(current.subject, self.plan)
        self.due = OptionalDateTime(self.tr("Set a due time"), self.plan)
        self.due.set_value(now + NEXT_DEFAULT)
        self.remind = OptionalDateTime(self.tr("Set a reminder"), self.plan)
        self.remind.set_value(None, now + NEXT_DEFAULT - timedelta(minutes=15))
        self.boxes = {
            name: FieldBox(widget, self)
            for name, widget in (
                ("outcome", self.outcome), ("occurred_at", self.occurred),
                ("channel", self.channel), ("subject", self.subject), ("due_at", self.due),
                ("remind_at", self.remind),
            )
        }  # fmt: skip
        self._lay_out(heading)

    def _lay_out(self, heading: QLabel) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Outcome:"), self.boxes["outcome"])
        form.addRow(self.tr("Done:"), self.boxes["occurred_at"])
        plan_form = QFormLayout(self.plan)
        plan_form.addRow(self.tr("C&hannel:"), self.boxes["channel"])
        plan_form.addRow(self.tr("&Subject:"), self.boxes["subject"])
        plan_form.addRow(self.tr("Due time:"), self.boxes["due_at"])
        plan_form.addRow(self.tr("Reminder:"), self.boxes["remind_at"])
        self.general_error = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Complete"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.plan)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.resize(520, 400)

    def next_values(self) -> dict[str, Any] | None:
        if not self.plan.isChecked():
            return None
        return {
            "channel": self.channel.currentData(),
            "subject": self.subject.text(),
            "due_at": self.due.value(),
            "remind_at": self.remind.value(),
        }

    def save(self) -> None:
        def complete() -> None:
            self.next_id = followup_actions.complete(
                self._service,
                self._id,
                self.outcome.toPlainText(),
                occurred_at=self.occurred.value(),
                next_followup=self.next_values(),
            )

        if save_with_inline_errors(self.boxes, self.general_error, complete):
            self.accept()

    def error_of(self, field: str) -> str:
        return shown_error(self, self.boxes[field])
