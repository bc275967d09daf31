"""A searchable customer picker: type a name, phone or pinyin, choose from the matches.

It uses the customer list's search (``followup_choices.find_customers``); the search runs a
moment after the last keystroke, and the matches drop down under the field.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from crm_desktop.db.engine import Database
from crm_desktop.services.followup_choices import Choice, find_customers

SEARCH_DELAY_MS = 150
ID_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class CustomerPicker(QLineEdit):
    """``customer_changed(id or "")`` when a customer is chosen or the choice is cleared."""

    customer_changed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._customer_id: str | None = None
        self._name = ""
        self.setPlaceholderText(self.tr("Type a name, company, phone or pinyin…"))
        self.setClearButtonEnabled(True)
        self.matches = QStandardItemModel(self)
        completer = QCompleter(self.matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCompletionRole(NAME_ROLE)
        completer.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]
        self.setCompleter(completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(self._edited)

    @property
    def customer_id(self) -> str | None:
        return self._customer_id

    def set_customer(self, customer_id: str | None, name: str = "") -> None:
        changed = customer_id != self._customer_id
        self._customer_id = customer_id
        self._name = name if customer_id else ""
        self.setText(self._name)
        if changed:
            self.customer_changed.emit(customer_id or "")

    def search_now(self) -> list[Choice]:
        """Fill the drop-down with the matches of the current text and show it."""
        self._timer.stop()
        with self._db.session() as session:
            found = find_customers(session, self.text())
        self.matches.clear()
        for choice in found:
            shown = f"{choice.label} — {choice.detail}" if choice.detail else choice.label
            item = QStandardItem(shown)
            item.setData(choice.id, ID_ROLE)
            item.setData(choice.label, NAME_ROLE)
            item.setData(shown, Qt.ItemDataRole.DisplayRole)
            self.matches.appendRow(item)
        completer = self.completer()
        completer.setCompletionPrefix("")
        if found and self.hasFocus():
            completer.complete()
        return found

    def choose(self, row: int) -> None:
        """Choose the ``row``-th match (what clicking it in the drop-down does)."""
        self._chosen(self.matches.index(row, 0))

    def _edited(self, text: str) -> None:
        if self._customer_id is not None and text != self._name:
            self._customer_id = None
            self._name = ""
            self.customer_changed.emit("")
        if text.strip():
            self._timer.start()

    def _chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.isValid():
            return
        self.set_customer(str(index.data(ID_ROLE)), str(index.data(NAME_ROLE)))
