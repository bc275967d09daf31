"""The log-and-plan dialog: record a touch that happened or plan the next one, in one form.

Nothing is checked here that the service does not check itself: the values go to
``FollowUpService`` and a rejected field gets its message right under it, the input kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db.engine import Database
from crm_desktop.domain.enums import Channel, FollowUpStatus
from crm_desktop.services import followup_choices as choices
from crm_desktop.services.followups import FollowUpService
from crm_desktop.ui.followups.picker import CustomerPicker
from crm_desktop.ui.followups.when import OptionalDateTime
from crm_desktop.ui.widgets.form import (
    ErrorLabel,
    FieldBox,
    enum_combo,
    save_with_inline_errors,
    select_data,
    shown_error,
)

Clock = Callable[[], datetime]


def next_hour(now: datetime) -> datetime:
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


class FollowUpDialog(QDialog):
    """``saved_id`` holds the follow-up's id after a successful save."""

    def __init__(
        self,
        db: Database,
        service: FollowUpService,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        followup_id: str | None = None,
        customer_id: str | None = None,
        opportunity_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._service, self._clock = db, service, clock
        self._id = followup_id
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Edit follow-up") if followup_id else self.tr("New follow-up"))
        self._build()
        now = clock().astimezone()
        if followup_id is not None:
            self._load(followup_id, now)
        else:
            self.due.set_value(next_hour(now))
            self.occurred.set_value(None, now)
            self.remind.set_value(None, next_hour(now) - timedelta(minutes=15))
            select_data(self.owner, service.ctx.user_id)
            if customer_id is not None:
                self._set_customer(customer_id)
                select_data(self.opportunity, opportunity_id)

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.channel = enum_combo(Channel, empty=False, parent=self)
        self.customer = CustomerPicker(self._db, self)
        self.customer.customer_changed.connect(self._customer_changed)
        self.contact = QComboBox(self)
        self.opportunity = QComboBox(self)
        self.subject = QLineEdit(self)
        self.status = enum_combo(FollowUpStatus, empty=False, parent=self)
        self.owner = QComboBox(self)
        self.owner.addItem(self.tr("(nobody)"), None)
        with self._db.session() as session:
            for user in choices.owners(session):
                self.owner.addItem(user.label, user.id)
        self.occurred = OptionalDateTime(self.tr("Set when it happened"), self)
        self.due = OptionalDateTime(self.tr("Set a due time"), self)
        self.remind = OptionalDateTime(self.tr("Set a reminder"), self)
        self.notes = QPlainTextEdit(self)
        self.outcome = QPlainTextEdit(self)
        for edit in (self.notes, self.outcome):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(60)
        self._fill_related(None)

        widgets: dict[str, QWidget] = {
            "customer_id": self.customer, "contact_id": self.contact,
            "opportunity_id": self.opportunity, "channel": self.channel,
            "subject": self.subject, "status": self.status, "owner_id": self.owner,
            "occurred_at": self.occurred, "due_at": self.due, "remind_at": self.remind,
            "notes": self.notes, "outcome": self.outcome,
        }  # fmt: skip
        self.boxes = {name: FieldBox(widget, self) for name, widget in widgets.items()}
        left, right = QFormLayout(), QFormLayout()
        b = self.boxes
        left.addRow(self.tr("&Customer:"), b["customer_id"])
        left.addRow(self.tr("C&ontact:"), b["contact_id"])
        left.addRow(self.tr("O&pportunity:"), b["opportunity_id"])
        left.addRow(self.tr("C&hannel:"), b["channel"])
        left.addRow(self.tr("&Subject:"), b["subject"])
        right.addRow(self.tr("S&tatus:"), b["status"])
        right.addRow(self.tr("O&wner:"), b["owner_id"])
        right.addRow(self.tr("Happened:"), b["occurred_at"])
        right.addRow(self.tr("Due time:"), b["due_at"])
        right.addRow(self.tr("Reminder:"), b["remind_at"])
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        texts = QFormLayout()
        texts.addRow(self.tr("&Notes:"), b["notes"])
        texts.addRow(self.tr("O&utcome:"), b["outcome"])
        self.general_error = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(texts)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.resize(760, 440)

    def _load(self, followup_id: str, now: datetime) -> None:
        f = self._service.get(followup_id)
        self._set_customer(f.customer_id)
        select_data(self.contact, f.contact_id)
        select_data(self.opportunity, f.opportunity_id)
        select_data(self.channel, f.channel)
        select_data(self.status, f.status)
        select_data(self.owner, f.owner_id)
        self.subject.setText(f.subject)
        self.notes.setPlainText(f.notes or "")
        self.outcome.setPlainText(f.outcome or "")
        self.occurred.set_value(f.occurred_at, now)
        self.due.set_value(f.due_at, next_hour(now))
        self.remind.set_value(f.remind_at, f.due_at or next_hour(now))

    def _set_customer(self, customer_id: str) -> None:
        with self._db.session() as session:
            name = choices.customer_name(session, customer_id) or ""
        self.customer.set_customer(customer_id, name)

    def _customer_changed(self, customer_id: str) -> None:
        self._fill_related(customer_id or None)
        self.boxes["customer_id"].error.clear_message()

    def _fill_related(self, customer_id: str | None) -> None:
        related: tuple[list[choices.Choice], list[choices.Choice]] = ([], [])
        if customer_id is not None:
            with self._db.session() as session:
                related = (
                    choices.contacts_of(session, customer_id),
                    choices.opportunities_of(session, customer_id),
                )
        for combo, items in zip((self.contact, self.opportunity), related, strict=True):
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for item in items:
                combo.addItem(item.label, item.id)
            combo.setEnabled(bool(items))

    # --- saving ----------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer.customer_id,
            "contact_id": self.contact.currentData(),
            "opportunity_id": self.opportunity.currentData(),
            "channel": self.channel.currentData(),
            "subject": self.subject.text(),
            "status": self.status.currentData(),
            "owner_id": self.owner.currentData(),
            "occurred_at": self.occurred.value(),
            "due_at": self.due.value(),
            "remind_at": self.remind.value(),
            "notes": self.notes.toPlainText(),
            "outcome": self.outcome.toPlainText(),
        }

    def save(self) -> None:
        """Write the follow-up; on a rejected field, show why under it and stay open."""

        def write() -> None:
            if self._id is None:
                self.saved_id = self._service.create(**self.values())
            else:
                self._service.update(self._id, **self.values())
                self.saved_id = self._id

        if save_with_inline_errors(self.boxes, self.general_error, write):
            self.accept()

    def error_of(self, field: str) -> str:
        return shown_error(self, self.boxes[field])
