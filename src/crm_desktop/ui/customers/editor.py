"""The dialog that creates or edits one customer; a rejected field is flagged beside itself."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.enums import CustomerKind, Gender, LifecycleStatus, Source, Tier
from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.services.customers import CustomerService
from crm_desktop.ui.text import error_text
from crm_desktop.ui.widgets.form import ErrorLabel, FieldBox, enum_combo, select_data

NO_DATE = QDate(1899, 12, 31)  # the date edit's "not set" value, just below the allowed range
TEXT_FIELDS = ("name", "company", "phone", "email", "address", "region", "city", "industry")


class CustomerEditor(QDialog):
    """Create a customer (``customer_id`` None) or edit one; ``saved_id`` is set on success."""

    def __init__(
        self,
        customers: CustomerService,
        owners: Sequence[tuple[str, str]],
        customer_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._customers = customers
        self.customer_id = customer_id
        self.saved_id: str | None = None
        self.setWindowTitle(
            self.tr("New customer") if customer_id is None else self.tr("Edit customer")
        )
        self.setMinimumWidth(760)

        self.edits: dict[str, QLineEdit] = {name: QLineEdit(self) for name in TEXT_FIELDS}
        self.edits["name"].setPlaceholderText(self.tr("Required"))
        self.edits["phone"].setPlaceholderText(self.tr("e.g. 138 0013 8000 or +1 212 555 0100"))
        self.kind = enum_combo(CustomerKind, empty=False, parent=self)
        self.source = enum_combo(Source, empty=True, parent=self)
        self.tier = enum_combo(Tier, empty=True, parent=self)
        self.status = enum_combo(LifecycleStatus, empty=False, parent=self)
        self.gender = enum_combo(Gender, empty=True, parent=self)
        self.owner = QComboBox(self)
        self.owner.addItem(self.tr("(nobody)"), None)
        for user_id, display_name in owners:
            self.owner.addItem(display_name, user_id)
        self.birthday = QDateEdit(self)
        self.birthday.setCalendarPopup(True)
        self.birthday.setDateRange(NO_DATE, QDate(2200, 1, 1))
        self.birthday.setSpecialValueText(self.tr("Not set"))
        self.birthday.setDate(NO_DATE)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)

        self.boxes: dict[str, FieldBox] = {}
        self.general_error = ErrorLabel(self)
        self._build_layout()
        if customer_id is not None:
            self._load(customer_id)
        else:
            select_data(self.owner, customers.ctx.user_id)

    # --- layout ----------------------------------------------------------------------------

    def _place(
        self, grid: QGridLayout, rows: Sequence[tuple[str, str, QWidget]], column: int
    ) -> None:
        """Put labelled fields in two grid columns (label, field) starting at ``column``."""
        top = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        for row, (field, label, widget) in enumerate(rows):
            if isinstance(widget, QComboBox | QDateEdit):
                widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            box = FieldBox(widget, self)
            self.boxes[field] = box
            buddy = QLabel(label, self)
            buddy.setBuddy(widget)
            buddy.setMinimumHeight(widget.sizeHint().height())
            grid.addWidget(buddy, row, column, top)
            grid.addWidget(box, row, column + 1, Qt.AlignmentFlag.AlignTop)

    def _build_layout(self) -> None:
        e = self.edits
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnMinimumWidth(2, 90)
        self._place(
            grid,
            [
                ("name", self.tr("&Name:"), e["name"]),
                ("company", self.tr("&Company:"), e["company"]),
                ("kind", self.tr("&Kind:"), self.kind),
                ("phone", self.tr("&Phone:"), e["phone"]),
                ("email", self.tr("&E-mail:"), e["email"]),
                ("address", self.tr("&Address:"), e["address"]),
                ("region", self.tr("&Region:"), e["region"]),
                ("city", self.tr("C&ity:"), e["city"]),
            ],
            0,
        )
        self._place(
            grid,
            [
                ("industry", self.tr("In&dustry:"), e["industry"]),
                ("source", self.tr("&Source:"), self.source),
                ("tier", self.tr("&Tier:"), self.tier),
                ("status", self.tr("Stat&us:"), self.status),
                ("owner_id", self.tr("&Owner:"), self.owner),
                ("birthday", self.tr("&Birthday:"), self.birthday),
                ("gender", self.tr("&Gender:"), self.gender),
            ],
            2,
        )
        notes_row = len(TEXT_FIELDS)
        notes = QLabel(self.tr("N&otes:"), self)
        notes.setBuddy(self.notes)
        self.boxes["notes"] = FieldBox(self.notes, self)
        grid.addWidget(notes, notes_row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.boxes["notes"], notes_row, 1, 1, 3)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    # --- values ----------------------------------------------------------------------------

    def _load(self, customer_id: str) -> None:
        customer = self._customers.get(customer_id)
        for name, edit in self.edits.items():
            edit.setText(getattr(customer, name) or "")
        select_data(self.kind, customer.kind)
        select_data(self.source, customer.source)
        select_data(self.tier, customer.tier)
        select_data(self.status, customer.status)
        select_data(self.gender, customer.gender)
        select_data(self.owner, customer.owner_id)
        if customer.birthday is not None:
            b = customer.birthday
            self.birthday.setDate(QDate(b.year, b.month, b.day))
        self.notes.setPlainText(customer.notes or "")

    def values(self) -> dict[str, Any]:
        """The form's content as service input (empty text is cleared by the service)."""
        values: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        values.update(
            kind=self.kind.currentData(),
            source=self.source.currentData(),
            tier=self.tier.currentData(),
            status=self.status.currentData(),
            gender=self.gender.currentData(),
            owner_id=self.owner.currentData(),
            birthday=self._birthday(),
            notes=self.notes.toPlainText(),
        )
        return values

    def _birthday(self) -> date | None:
        chosen = self.birthday.date()
        if chosen == NO_DATE:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    # --- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        """Save through the service; on a rejected field keep the dialog open and say why."""
        self._clear_errors()
        try:
            if self.customer_id is None:
                self.saved_id = self._customers.create(**self.values())
            else:
                self._customers.update(self.customer_id, **self.values())
                self.saved_id = self.customer_id
        except ValidationError as error:
            self.show_error(error)
            return
        except CrmError as error:
            self.general_error.show_message(error_text(error))
            return
        self.accept()

    def show_error(self, error: ValidationError) -> None:
        box = self.boxes.get(error.field)
        if box is None:
            self.general_error.show_message(error_text(error))
            return
        box.error.show_message(error_text(error))
        box.field.setFocus()

    def _clear_errors(self) -> None:
        self.general_error.clear_message()
        for box in self.boxes.values():
            box.error.clear_message()
