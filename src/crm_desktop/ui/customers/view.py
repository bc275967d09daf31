"""The Customers tab: the paged customer list, its search filter, and opening the editor."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from crm_desktop.db.engine import Database
from crm_desktop.services import lists
from crm_desktop.services.customers import CustomerService
from crm_desktop.services.users import UserService
from crm_desktop.ui.customers.columns import COLUMNS, NAME
from crm_desktop.ui.customers.editor import CustomerEditor
from crm_desktop.ui.widgets.lazy_table import LazyTableModel, Row
from crm_desktop.ui.widgets.record_table import RecordTable


class CustomerTab(QWidget):
    """``changed`` is emitted after the editor saved a customer."""

    changed = Signal()

    def __init__(
        self,
        db: Database,
        customers: CustomerService,
        users: UserService,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._customers = customers
        self._users = users
        self._search = ""
        self.editor: CustomerEditor | None = None

        def fetch(offset: int, limit: int, key: str, descending: bool) -> list[Row]:
            return lists.customer_page(db, offset, limit, key, descending, search=self._search)

        self.model = LazyTableModel(COLUMNS, fetch, default_sort=NAME, parent=self)
        self.table = RecordTable(self.model, settings, "customers/header", NAME, self)
        self.table.activated_id.connect(self.edit_customer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    @property
    def search_text(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        """Show only customers whose name or company contains ``text``."""
        text = text.strip()
        if text != self._search:
            self._search = text
            self.model.reload()

    def reload(self) -> None:
        self.model.reload()

    def save_layout(self) -> None:
        self.table.save_layout()

    # --- the editor ------------------------------------------------------------------------

    def new_customer(self) -> CustomerEditor:
        return self._open_editor(None)

    def edit_customer(self, customer_id: str | None = None) -> CustomerEditor | None:
        """Edit ``customer_id``, or the selected customer when none is given."""
        customer_id = customer_id or self.table.current_id()
        return None if customer_id is None else self._open_editor(customer_id)

    def _open_editor(self, customer_id: str | None) -> CustomerEditor:
        owners = [(user.id, user.display_name) for user in self._users.list() if user.active]
        editor = CustomerEditor(self._customers, owners, customer_id, self)
        editor.accepted.connect(self._after_save)
        editor.finished.connect(editor.deleteLater)
        self.editor = editor
        editor.open()
        return editor

    def _after_save(self) -> None:
        self.model.reload()
        self.changed.emit()
