"""The Follow-ups tab: every follow-up, by due time, paged in from the database."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QVBoxLayout, QWidget

from crm_desktop.db.engine import Database
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import lists
from crm_desktop.ui import text
from crm_desktop.ui.widgets.lazy_table import Column, LazyTableModel, Row
from crm_desktop.ui.widgets.record_table import RecordTable

CONTEXT = "FollowUpList"

DUE, SUBJECT, CUSTOMER, CHANNEL, STATUS, OWNER = range(6)

COLUMNS = (
    Column(
        "due_at", QT_TRANSLATE_NOOP("FollowUpList", "Due"), CONTEXT, text.local_datetime, width=140
    ),
    Column("subject", QT_TRANSLATE_NOOP("FollowUpList", "Subject"), CONTEXT, width=300),
    Column("customer", QT_TRANSLATE_NOOP("FollowUpList", "Customer"), CONTEXT, width=200),
    Column(
        "channel", QT_TRANSLATE_NOOP("FollowUpList", "Channel"), CONTEXT, text.enum_label, width=90
    ),
    Column(
        "status", QT_TRANSLATE_NOOP("FollowUpList", "Status"), CONTEXT, text.enum_label, width=90
    ),
    Column("owner", QT_TRANSLATE_NOOP("FollowUpList", "Owner"), CONTEXT, width=100),
)


class FollowUpTab(QWidget):
    def __init__(self, db: Database, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        def fetch(offset: int, limit: int, key: str, descending: bool) -> list[Row]:
            return lists.followup_page(db, offset, limit, key, descending)

        self.model = LazyTableModel(COLUMNS, fetch, default_sort=DUE, parent=self)
        self.table = RecordTable(self.model, settings, "followups/header", DUE, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def reload(self) -> None:
        self.model.reload()

    def save_layout(self) -> None:
        self.table.save_layout()
