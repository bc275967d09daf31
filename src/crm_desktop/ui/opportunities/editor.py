"""The opportunity editor: customer picker, exact locale-aware amount, stage, probability, …"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy import select

from crm_desktop.db.models import Customer
from crm_desktop.domain.enums import Source
from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.domain.money import Money
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services.search import search_customer_ids
from crm_desktop.ui.opportunities.deps import OpportunityServices
from crm_desktop.ui.opportunities.money_text import format_number, parse_amount
from crm_desktop.ui.text import error_text
from crm_desktop.ui.widgets.form import FieldBox, enum_combo, select_data

CURRENCIES = ("CNY", "USD", "EUR", "HKD", "JPY", "GBP", "TWD", "SGD")


def date_format(locale: QLocale) -> str:
    """The locale's short date format with a four-digit year."""
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def parse_date(text: str, locale: QLocale) -> date | None:
    """ISO or the locale's short format; None for an empty text; ValueError when bad."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    for fmt in (date_format(locale), locale.dateFormat(QLocale.FormatType.ShortFormat)):
        parsed = locale.toDate(text, fmt, 2000)
        if parsed.isValid():
            return date(parsed.year(), parsed.month(), parsed.day())
    raise ValueError(text)


class CustomerPicker(QWidget):
    """Type to search customers (name, pinyin, phone…), then pick one of the matches."""

    def __init__(self, services: OpportunityServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search customers…"))
        self.choice = QComboBox(self)
        self.choice.setMinimumWidth(220)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.choice, 2)
        self.search.textChanged.connect(self.find_customers)

    def find_customers(self, text: str) -> None:
        with self._services.db.session() as session:
            ids = search_customer_ids(session, text, limit=50) if text.strip() else []
            names = dict(
                (cid, name)
                for cid, name in session.execute(
                    select(Customer.id, Customer.name).where(Customer.id.in_(ids))
                )
            )
        self.choice.clear()
        for customer_id in ids:
            self.choice.addItem(names.get(customer_id, ""), customer_id)

    def set_customer(self, customer_id: str) -> None:
        with self._services.db.session() as session:
            customer = session.get(Customer, customer_id)
            name = customer.name if customer is not None else ""
        self.choice.clear()
        self.choice.addItem(name, customer_id)

    def customer_id(self) -> str | None:
        value = self.choice.currentData()
        return str(value) if value else None


class OpportunityEditor(QDialog):
    """New (``opportunity_id`` None, optionally for ``customer_id``) or existing deal."""

    saved = Signal(str)

    def __init__(
        self,
        services: OpportunityServices,
        opportunity_id: str | None = None,
        customer_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.opportunity_id = opportunity_id
        self.user_locale = QLocale()
        self.setWindowTitle(
            self.tr("New opportunity") if not opportunity_id else self.tr("Edit opportunity")
        )
        self.title = QLineEdit(self)
        self.customer = CustomerPicker(services, self)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(
            format_number(Money.parse("1234.5", "CNY").amount, 2, self.user_locale)
        )
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.stage = QComboBox(self)
        self.stage_defaults: dict[str, int] = {}
        for stage in services.stages.list():
            self.stage.addItem(stage.name, stage.id)
            self.stage_defaults[stage.id] = stage.default_probability
        self.use_default = QCheckBox(self)
        self.probability = QSpinBox(self)
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.expected_close = QLineEdit(self)
        self.expected_close.setPlaceholderText(date_format(self.user_locale))
        self.source = enum_combo(Source, empty=True, parent=self)
        self.owner = QComboBox(self)
        self.owner.addItem(self.tr("(not set)"), None)
        for user in services.users.list():
            self.owner.addItem(user.display_name, user.id)
        self.lost_reason = QLineEdit(self)
        self.notes = QPlainTextEdit(self)
        self.boxes: dict[str, FieldBox] = {}
        self._build()
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self.use_default.toggled.connect(self._stage_changed)
        if opportunity_id is not None:
            self._load(opportunity_id)
        else:
            select_data(self.owner, services.opportunities.ctx.user_id)
            self.use_default.setChecked(True)
            if customer_id is not None:
                self.customer.set_customer(customer_id)
        self._stage_changed()

    def _build(self) -> None:
        form = QFormLayout(self)
        money = QWidget(self)
        row = QHBoxLayout(money)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount, 1)
        row.addWidget(self.currency)
        chance = QWidget(self)
        row = QHBoxLayout(chance)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.probability)
        row.addWidget(self.use_default, 1)
        fields: list[tuple[str, str, QWidget]] = [
            ("title", self.tr("Title:"), self.title),
            ("customer_id", self.tr("Customer:"), self.customer),
            ("amount", self.tr("Amount:"), money),
            ("stage_id", self.tr("Stage:"), self.stage),
            ("probability", self.tr("Probability:"), chance),
            ("expected_close", self.tr("Expected close:"), self.expected_close),
            ("source", self.tr("Source:"), self.source),
            ("owner_id", self.tr("Owner:"), self.owner),
            ("lost_reason", self.tr("Lost reason:"), self.lost_reason),
            ("notes", self.tr("Notes:"), self.notes),
        ]
        for name, label, widget in fields:
            box = FieldBox(widget, self)
            self.boxes[name] = box
            form.addRow(label, box)
        self.boxes["currency"] = self.boxes["amount"]
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, 560)

    def _load(self, opportunity_id: str) -> None:
        opp = self.services.opportunities.get(opportunity_id)
        money = self.services.opportunities.amount(opp)
        self.title.setText(opp.title)
        self.customer.set_customer(opp.customer_id)
        self.currency.setCurrentText(opp.currency)
        self.amount.setText(
            format_number(money.amount, len(str(money.amount).partition(".")[2]), self.user_locale)
        )
        select_data(self.stage, opp.stage_id)
        self.use_default.setChecked(opp.probability is None)
        if opp.probability is not None:
            self.probability.setValue(opp.probability)
        if opp.expected_close is not None:
            d = opp.expected_close
            self.expected_close.setText(
                self.user_locale.toString(
                    QDate(d.year, d.month, d.day), date_format(self.user_locale)
                )
            )
        select_data(self.source, opp.source)
        select_data(self.owner, opp.owner_id)
        self.lost_reason.setText(opp.lost_reason or "")
        self.notes.setPlainText(opp.notes or "")

    def _stage_changed(self) -> None:
        default = self.stage_defaults.get(str(self.stage.currentData()), 0)
        self.use_default.setText(self.tr("Stage default ({percent} %)").format(percent=default))
        if self.use_default.isChecked():
            self.probability.setValue(default)
        self.probability.setEnabled(not self.use_default.isChecked())

    def values(self) -> dict[str, Any]:
        """What the form holds, checked here for what only the UI knows (locale formats)."""
        for box in self.boxes.values():
            box.error.clear_message()
        customer_id = self.customer.customer_id()
        if customer_id is None:
            raise ValidationError("customer_id", QT_TRANSLATE_NOOP("Errors", "Choose a customer."))
        amount = (
            parse_amount(self.amount.text(), self.user_locale) if self.amount.text().strip() else 0
        )
        try:
            expected = parse_date(self.expected_close.text(), self.user_locale)
        except ValueError:
            raise ValidationError(
                "expected_close",
                QT_TRANSLATE_NOOP("Errors", "“{value}” is not a date."),
                value=self.expected_close.text()[:30],
            ) from None
        return {
            "title": self.title.text(),
            "customer_id": customer_id,
            "amount": amount,
            "currency": self.currency.currentText(),
            "stage_id": self.stage.currentData(),
            "probability": None if self.use_default.isChecked() else self.probability.value(),
            "expected_close": expected,
            "source": self.source.currentData(),
            "owner_id": self.owner.currentData(),
            "lost_reason": self.lost_reason.text() or None,
            "notes": self.notes.toPlainText() or None,
        }

    def save(self) -> bool:
        try:
            values = self.values()
            if self.opportunity_id is None:
                self.opportunity_id = self.services.pipeline.create(**values)
            else:
                self.services.pipeline.update(self.opportunity_id, **values)
        except ValidationError as error:
            box = self.boxes.get(error.field) or self.boxes["title"]
            box.error.show_message(error_text(error))
            return False
        except CrmError as error:
            self.boxes["title"].error.show_message(error_text(error))
            return False
        self.saved.emit(self.opportunity_id)
        self.accept()
        return True
