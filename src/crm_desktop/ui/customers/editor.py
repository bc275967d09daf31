"""The dialog that creates or edits one customer with its contacts, custom fields and tags.

Everything is checked through the services' own validators before anything is written, so a
rejected field (flagged beside itself, or beside its contact row) leaves the file unchanged and
the input in place. While a new customer is typed, possible duplicates are looked up in the
background and shown in a strip at the top.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db.models import CustomFieldDef
from crm_desktop.domain.enums import (
    CustomerKind,
    CustomFieldType,
    Gender,
    LifecycleStatus,
    Source,
    Tier,
)
from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.services import validation
from crm_desktop.services.contacts import ContactService
from crm_desktop.services.custom_fields import CustomFieldService, clean_custom_value
from crm_desktop.services.customer_bundle import CustomerBundle, save_customer_bundle
from crm_desktop.services.customers import CustomerService
from crm_desktop.services.duplicates import Candidate, candidates
from crm_desktop.services.tags import TagService
from crm_desktop.ui.customers.contacts import ContactsEditor
from crm_desktop.ui.customers.duplicates import DuplicateStrip
from crm_desktop.ui.tasks import Progress, run_task
from crm_desktop.ui.text import error_text
from crm_desktop.ui.widgets.form import ErrorLabel, FieldBox, enum_combo, select_data

NO_DATE = QDate(1899, 12, 31)  # the date edit's "not set" value, just below the allowed range
TEXT_FIELDS = ("name", "company", "phone", "email", "address", "region", "city", "industry")
DUPLICATE_KEYS = ("name", "company", "phone", "email")
DUPLICATE_DELAY_MS = 350
NUMBER_PATTERN = r"[+-]?\d{0,18}([.]\d{0,10})?"
DETAILS, CONTACTS, MORE = range(3)  # the editor's tabs


class OptionalDateEdit(QDateEdit):
    """A date edit that can be empty ("Not set"), whose calendar opens on today when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDateRange(NO_DATE, QDate(2200, 1, 1))
        self.setSpecialValueText(self.tr("Not set"))
        self.setDate(NO_DATE)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mousePressEvent(event)
        if self.date() == NO_DATE:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())

    def value(self) -> date | None:
        chosen = self.date()
        if chosen == NO_DATE:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))


def clearable(edit: OptionalDateEdit, parent: QWidget) -> QWidget:
    """The date edit with a button beside it that empties it."""
    box = QWidget(parent)
    clear = QToolButton(box)
    clear.setText(QCoreApplication.translate("OptionalDateEdit", "Clear"))
    clear.setToolTip(QCoreApplication.translate("OptionalDateEdit", "Remove the date"))
    clear.clicked.connect(lambda: edit.set_value(None))
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    layout.addWidget(edit, 1)
    layout.addWidget(clear)
    box.setFocusProxy(edit)
    return box


class CustomFieldsForm(QWidget):
    """One input per custom field definition, chosen by its type."""

    def __init__(self, definitions: Sequence[CustomFieldDef], parent: QWidget | None = None):
        super().__init__(parent)
        self.definitions = list(definitions)
        self.inputs: dict[str, QWidget] = {}
        self.boxes: dict[str, FieldBox] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for definition in self.definitions:
            widget = self._input(definition)
            self.inputs[definition.id] = widget
            shown = clearable(widget, self) if isinstance(widget, OptionalDateEdit) else widget
            box = FieldBox(shown, self)
            self.boxes[f"custom:{definition.id}"] = box
            label = QLabel(self.tr("{name}:").format(name=definition.name), self)
            label.setBuddy(widget)
            form.addRow(label, box)
        if not self.definitions:
            hint = QLabel(
                self.tr("No custom fields are defined yet (Tools › Custom fields)."), self
            )
            hint.setWordWrap(True)
            hint.setEnabled(False)
            form.addRow(hint)

    def _input(self, definition: CustomFieldDef) -> QWidget:
        kind = definition.field_type
        if kind == CustomFieldType.DATE:
            return OptionalDateEdit(self)
        if kind == CustomFieldType.CHOICE:
            combo = QComboBox(self)
            combo.addItem(self.tr("(not set)"), None)
            for choice in json.loads(definition.choices or "[]"):
                combo.addItem(str(choice), str(choice))
            return combo
        edit = QLineEdit(self)
        if kind == CustomFieldType.NUMBER:
            edit.setValidator(QRegularExpressionValidator(QRegularExpression(NUMBER_PATTERN), edit))
            edit.setPlaceholderText(self.tr("A number, e.g. 12.5"))
        return edit

    def load(self, values: dict[str, str | None]) -> None:
        for field_id, widget in self.inputs.items():
            value = values.get(field_id)
            if isinstance(widget, OptionalDateEdit):
                widget.set_value(date.fromisoformat(value) if value else None)
            elif isinstance(widget, QComboBox):
                index = widget.findData(value) if value is not None else 0
                if index < 0:  # a value no longer among the choices is kept, not lost
                    widget.addItem(value or "", value)
                    index = widget.count() - 1
                widget.setCurrentIndex(index)
            elif isinstance(widget, QLineEdit):
                widget.setText(value or "")

    def values(self) -> dict[str, Any]:
        """Field id → raw input (``None`` clears a value)."""
        result: dict[str, Any] = {}
        for field_id, widget in self.inputs.items():
            if isinstance(widget, OptionalDateEdit):
                result[field_id] = widget.value()
            elif isinstance(widget, QComboBox):
                result[field_id] = widget.currentData()
            elif isinstance(widget, QLineEdit):
                result[field_id] = widget.text().strip() or None
        return result


class TagPicker(QWidget):
    """All tags as a checkable list, with a field that adds a new tag."""

    def __init__(self, tags: Sequence[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setSpacing(2)
        for tag_id, name in tags:
            self._add_item(name, tag_id, checked=False)
        self.new_tag = QLineEdit(self)
        self.new_tag.setPlaceholderText(self.tr("New tag"))
        self.new_tag.returnPressed.connect(self.add_new)
        add = QPushButton(self.tr("Add &tag"), self)
        add.setAutoDefault(False)
        add.clicked.connect(self.add_new)
        row = QHBoxLayout()
        row.addWidget(self.new_tag, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def _add_item(self, name: str, tag_id: str | None, *, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(name, self.list)
        item.setData(Qt.ItemDataRole.UserRole, tag_id)
        item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def add_new(self) -> None:
        """Check the tag named in the field, adding it to the list if it is new."""
        name = " ".join(self.new_tag.text().split())
        if not name:
            return
        for item in self._items():
            if item.text().casefold() == name.casefold():
                item.setCheckState(Qt.CheckState.Checked)
                break
        else:
            self.list.scrollToItem(self._add_item(name, None, checked=True))
        self.new_tag.clear()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def set_checked(self, tag_ids: Sequence[str]) -> None:
        wanted = set(tag_ids)
        for item in self._items():
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked(self) -> tuple[list[str], list[str]]:
        """Ids of the checked existing tags, and names of checked tags still to be created."""
        ids, new = [], []
        for item in self._items():
            if item.checkState() == Qt.CheckState.Checked:
                tag_id = item.data(Qt.ItemDataRole.UserRole)
                if tag_id:
                    ids.append(str(tag_id))
                else:
                    new.append(item.text())
        return ids, new


class CustomerEditor(QDialog):
    """Create a customer (``customer_id`` None) or edit one; ``saved_id`` is set on success.

    Only ``customers`` is required: the contact, custom field and tag services default to
    ones sharing its context.
    """

    def __init__(
        self,
        customers: CustomerService,
        owners: Sequence[tuple[str, str]],
        customer_id: str | None = None,
        parent: QWidget | None = None,
        *,
        contacts: ContactService | None = None,
        custom_fields: CustomFieldService | None = None,
        tags: TagService | None = None,
    ) -> None:
        super().__init__(parent)
        self._customers = customers
        self._contacts = contacts or ContactService(customers.ctx)
        self._tags = tags or TagService(customers.ctx)
        custom_fields = custom_fields or CustomFieldService(customers.ctx)
        self.customer_id = customer_id
        self.saved_id: str | None = None
        self._check_duplicates = customer_id is None
        self._lookup = 0  # the newest duplicate lookup; older answers are dropped
        self.setMinimumWidth(780)

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
        self.birthday = OptionalDateEdit(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        self.contacts = ContactsEditor(self)
        self.custom = CustomFieldsForm(custom_fields.list(), self)
        self.tag_picker = TagPicker([(t.id, t.name) for t in self._tags.list()], self)
        self.duplicates = DuplicateStrip(self)
        self.duplicates.open_requested.connect(self.open_existing)

        self.boxes: dict[str, FieldBox] = {}
        self.general_error = ErrorLabel(self)
        self._build_layout()
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(DUPLICATE_DELAY_MS)
        self._duplicate_timer.timeout.connect(self._look_for_duplicates)
        for key in DUPLICATE_KEYS:
            self.edits[key].textEdited.connect(self._duplicate_timer.start)
        self.contacts.changed.connect(self._update_tab_titles)
        if customer_id is not None:
            self._load(customer_id)
        else:
            select_data(self.owner, customers.ctx.user_id)
        self._update_titles()

    # --- layout ----------------------------------------------------------------------------

    def _place(
        self, grid: QGridLayout, rows: Sequence[tuple[str, str, QWidget]], column: int
    ) -> None:
        """Put labelled fields in two grid columns (label, field) starting at ``column``."""
        top = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        for row, (field, label, widget) in enumerate(rows):
            if isinstance(widget, QComboBox | QDateEdit):
                widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            shown = clearable(widget, self) if isinstance(widget, OptionalDateEdit) else widget
            box = FieldBox(shown, self)
            self.boxes[field] = box
            buddy = QLabel(label, self)
            buddy.setBuddy(widget)
            buddy.setMinimumHeight(widget.sizeHint().height())
            grid.addWidget(buddy, row, column, top)
            grid.addWidget(box, row, column + 1, Qt.AlignmentFlag.AlignTop)

    def _details_page(self) -> QWidget:
        page = QWidget(self)
        e = self.edits
        grid = QGridLayout(page)
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
        grid.setRowStretch(notes_row + 1, 1)
        return page

    def _more_page(self) -> QWidget:
        page = QWidget(self)
        custom = QVBoxLayout()
        custom.addWidget(QLabel(self.tr("<b>Custom fields</b>"), page))
        custom.addWidget(self.custom)
        custom.addStretch(1)
        tags = QVBoxLayout()
        tags.addWidget(QLabel(self.tr("<b>Tags</b>"), page))
        tags.addWidget(self.tag_picker)
        layout = QHBoxLayout(page)
        layout.addLayout(custom, 3)
        layout.addSpacing(12)
        layout.addLayout(tags, 2)
        return page

    def _build_layout(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._details_page(), "")
        self.tabs.addTab(self.contacts, "")
        self.tabs.addTab(self._more_page(), "")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.tabs)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _update_titles(self) -> None:
        self.setWindowTitle(
            self.tr("New customer") if self.customer_id is None else self.tr("Edit customer")
        )
        self._update_tab_titles()

    def _update_tab_titles(self) -> None:
        self.tabs.setTabText(DETAILS, self.tr("&Details"))
        self.tabs.setTabText(
            CONTACTS, self.tr("Con&tacts (%n)", "", self.contacts.table.rowCount())
        )
        self.tabs.setTabText(MORE, self.tr("Custom &fields and tags"))

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
        self.birthday.set_value(customer.birthday)
        self.notes.setPlainText(customer.notes or "")
        self.contacts.load(self._contacts.for_customer(customer_id))
        self.custom.load(self._customers.custom_values(customer_id))
        with self._customers.ctx.db.session() as session:
            self.tag_picker.set_checked(self._customers.tag_ids(session, customer_id))

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
            birthday=self.birthday.value(),
            notes=self.notes.toPlainText(),
        )
        return values

    # --- duplicates while typing -------------------------------------------------------------

    def _look_for_duplicates(self) -> None:
        if not self._check_duplicates:
            return
        name, company, phone, email = (
            self.edits[key].text().strip() or None for key in DUPLICATE_KEYS
        )
        self._lookup += 1
        if not any((name, company, phone, email)):
            self.duplicates.show_candidates([])
            return
        lookup, ctx = self._lookup, self._customers.ctx

        def work(_progress: Progress) -> tuple[int, list[Candidate]]:
            with ctx.db.session() as session:
                found = candidates(
                    session, ctx, name=name, company=company, phone=phone, email=email
                )
                return lookup, found

        run_task(work, self._duplicates_found)

    def _duplicates_found(self, result: tuple[int, list[Candidate]]) -> None:
        lookup, found = result
        if lookup == self._lookup and self._check_duplicates:
            self.duplicates.show_candidates(found)

    def open_existing(self, customer_id: str) -> None:
        """Edit the existing customer instead of creating a new one (what was typed is left)."""
        self._check_duplicates = False
        self._duplicate_timer.stop()
        self.duplicates.show_candidates([])
        self.customer_id = customer_id
        self._clear_errors()
        try:
            self._load(customer_id)
        except CrmError as error:
            self.general_error.show_message(error_text(error))
        self._update_titles()

    # --- saving ----------------------------------------------------------------------------

    def _check_contact(self, values: dict[str, Any]) -> None:
        """The contact service's checks, without writing (the customer may not exist yet)."""
        cleaned = self._contacts.clean(values, creating=False)
        region = self._customers.ctx.default_region
        if cleaned.get("phone"):
            validation.normalize_phone("phone", cleaned["phone"], region)
        if cleaned.get("email"):
            validation.normalize_email("email", cleaned["email"])

    def _check(self, values: dict[str, Any]) -> bool:
        """Everything the services would reject, found before anything is written."""
        ok = True
        try:
            cleaned = self._customers.clean(values, creating=self.customer_id is None)
            if cleaned.get("phone"):
                validation.normalize_phone(
                    "phone", cleaned["phone"], self._customers.ctx.default_region
                )
            if cleaned.get("email"):
                validation.normalize_email("email", cleaned["email"])
        except ValidationError as error:
            self.show_error(error)
            ok = False
        definitions = {d.id: d for d in self.custom.definitions}
        for field_id, raw in self.custom.values().items():
            try:
                clean_custom_value(definitions[field_id], raw)
            except ValidationError as error:
                self.show_error(error, focus=ok)
                ok = False
        if not self.contacts.check(self._check_contact):
            if ok:
                self.tabs.setCurrentIndex(CONTACTS)
            ok = False
        return ok

    def save(self) -> None:
        """Check everything, then save customer, contacts, custom values and tags at once."""
        self._clear_errors()
        values = self.values()
        if not self._check(values):
            return
        rows = self.contacts.rows()
        tag_ids, new_tags = self.tag_picker.checked()
        bundle = CustomerBundle(
            values=values,
            contacts=[(entry.contact_id, entry.values) for entry in rows],
            removed_contact_ids=self.contacts.removed_ids(),
            custom_values=self.custom.values(),
            tag_ids=tag_ids,
            new_tag_names=new_tags,
        )
        try:
            saved = save_customer_bundle(self._customers.ctx, self.customer_id, bundle)
        except ValidationError as error:
            index = _contact_index(error.field)
            if index is None:
                self.show_error(error)
            else:
                self.tabs.setCurrentIndex(CONTACTS)
                self.contacts.show_error(rows[index].row, error)
            return
        except CrmError as error:
            self.general_error.show_message(error_text(error))
            return
        self.customer_id = saved.customer_id
        self.saved_id = saved.customer_id
        self.accept()

    def show_error(self, error: ValidationError, *, focus: bool = True) -> None:
        box = self.boxes.get(error.field) or self.custom.boxes.get(error.field)
        if box is None:
            self.general_error.show_message(error_text(error))
            return
        box.error.show_message(error_text(error))
        if focus:
            self.tabs.setCurrentIndex(MORE if error.field.startswith("custom:") else DETAILS)
            box.field.setFocus()

    def _clear_errors(self) -> None:
        self.general_error.clear_message()
        for box in [*self.boxes.values(), *self.custom.boxes.values()]:
            box.error.clear_message()
        self.contacts.clear_errors()


def _contact_index(field: str) -> int | None:
    """The row index in a ``contacts[i].field`` error from the bundle save, else None."""
    if not field.startswith("contacts["):
        return None
    return int(field[len("contacts[") : field.index("]")])
