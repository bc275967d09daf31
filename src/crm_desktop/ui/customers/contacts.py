"""The contacts table inside the customer editor: add, edit and remove contact people."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db.models import Contact
from crm_desktop.domain.errors import ValidationError
from crm_desktop.ui.text import error_text
from crm_desktop.ui.widgets.form import ErrorLabel

TEXT_FIELDS = ("name", "title", "phone", "email", "messaging_id")
PRIMARY = len(TEXT_FIELDS)  # the column of the primary flag
ID_ROLE = Qt.ItemDataRole.UserRole
ERROR_BRUSH = QBrush(QColor("#fdecea"))


@dataclass
class ContactRow:
    """One row of the table: its stored id (None for a new contact) and its values."""

    row: int
    contact_id: str | None
    values: dict[str, Any] = field(default_factory=dict)

    def is_blank(self) -> bool:
        return self.contact_id is None and not any(
            str(self.values.get(name) or "").strip() for name in TEXT_FIELDS
        )


class ContactsEditor(QWidget):
    """Contacts as an editable table; ``changed`` fires when the number of rows changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._removed: list[str] = []
        self.table = QTableWidget(0, PRIMARY + 1, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Title"),
                self.tr("Phone"),
                self.tr("E-mail"),
                self.tr("Messaging ID"),
                self.tr("Primary"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PRIMARY, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton(self.tr("&Add contact"), self)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button = QPushButton(self.tr("&Remove contact"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = ErrorLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # --- content -------------------------------------------------------------------------

    def load(self, contacts: Sequence[Contact]) -> None:
        self.table.setRowCount(0)
        self._removed.clear()
        for contact in contacts:
            values = {name: getattr(contact, name) or "" for name in TEXT_FIELDS}
            self.add_contact(contact_id=contact.id, is_primary=contact.is_primary, **values)
        self.clear_errors()

    def add_contact(
        self, *, contact_id: str | None = None, is_primary: bool = False, **values: str
    ) -> int:
        """Append a row and return its index."""
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, name in enumerate(TEXT_FIELDS):
            item = QTableWidgetItem(values.get(name, ""))
            if column == 0:
                item.setData(ID_ROLE, contact_id)
            self.table.setItem(row, column, item)
        flag = QTableWidgetItem()
        flag.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
        )
        flag.setCheckState(Qt.CheckState.Checked if is_primary else Qt.CheckState.Unchecked)
        self.table.setItem(row, PRIMARY, flag)
        self.table.blockSignals(False)
        self.changed.emit()
        return row

    def set_value(self, row: int, name: str, value: str) -> None:
        item = self.table.item(row, TEXT_FIELDS.index(name))
        if item is not None:
            item.setText(value)

    def set_primary(self, row: int) -> None:
        item = self.table.item(row, PRIMARY)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.remove_row(row)

    def remove_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        contact_id = item.data(ID_ROLE) if item is not None else None
        if contact_id:
            self._removed.append(str(contact_id))
        self.table.removeRow(row)
        self.clear_errors()
        self.changed.emit()

    def rows(self) -> list[ContactRow]:
        """Every row that holds something (blank new rows are left out)."""
        result = []
        for row in range(self.table.rowCount()):
            first = self.table.item(row, 0)
            contact_id = first.data(ID_ROLE) if first is not None else None
            values: dict[str, Any] = {}
            for column, name in enumerate(TEXT_FIELDS):
                item = self.table.item(row, column)
                values[name] = item.text() if item is not None else ""
            flag = self.table.item(row, PRIMARY)
            values["is_primary"] = flag is not None and flag.checkState() == Qt.CheckState.Checked
            entry = ContactRow(row, str(contact_id) if contact_id else None, values)
            if not entry.is_blank():
                result.append(entry)
        return result

    def removed_ids(self) -> list[str]:
        return list(self._removed)

    def check(self, validate: Callable[[dict[str, Any]], None]) -> bool:
        """Run ``validate`` on each row; flag the first problem of each row. True: all good."""
        self.clear_errors()
        ok = True
        for entry in self.rows():
            try:
                validate(entry.values)
            except ValidationError as error:
                self.show_error(entry.row, error)
                ok = False
        return ok

    def show_error(self, row: int, error: ValidationError) -> None:
        """Mark the rejected cell and say what is wrong below the table, naming the row."""
        column = TEXT_FIELDS.index(error.field) if error.field in TEXT_FIELDS else 0
        item = self.table.item(row, column)
        message = error_text(error)
        if item is not None:
            self.table.blockSignals(True)
            item.setBackground(ERROR_BRUSH)
            item.setToolTip(message)
            self.table.blockSignals(False)
            if not self.error.text():
                self.table.clearSelection()  # a selected row would hide the red cell
                self.table.scrollToItem(item)
        name_item = self.table.item(row, 0)
        name = name_item.text().strip() if name_item is not None else ""
        line = (
            self.tr("Contact {row} ({name}): {problem}").format(
                row=row + 1, name=name, problem=message
            )
            if name
            else self.tr("Contact {row}: {problem}").format(row=row + 1, problem=message)
        )
        lines = [t for t in self.error.text().split("\n") if t]
        self.error.show_message("\n".join([*lines, line]))

    def clear_errors(self) -> None:
        self.error.clear_message()
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            for column in range(len(TEXT_FIELDS)):
                item = self.table.item(row, column)
                if item is not None:
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)
                    item.setToolTip("")
        self.table.blockSignals(False)

    # --- internals -----------------------------------------------------------------------

    def _add_clicked(self) -> None:
        row = self.add_contact(is_primary=self.table.rowCount() == 0)
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        """Only one contact can be the primary one."""
        if item.column() != PRIMARY or item.checkState() != Qt.CheckState.Checked:
            return
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            other = self.table.item(row, PRIMARY)
            if row != item.row() and other is not None:
                other.setCheckState(Qt.CheckState.Unchecked)
        self.table.blockSignals(False)
        self.table.viewport().update()
