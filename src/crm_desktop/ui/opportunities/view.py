"""The Opportunities tab: a table of deals by expected close date (the board comes later)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QVBoxLayout, QWidget

from crm_desktop.db.engine import Database
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import lists
from crm_desktop.ui import text
from crm_desktop.ui.widgets.lazy_table import Column, LazyTableModel, Row
from crm_desktop.ui.widgets.record_table import RecordTable

CONTEXT = "OpportunityList"

CLOSE, TITLE, CUSTOMER, STAGE, AMOUNT, PROBABILITY, STATUS, OWNER = range(8)

COLUMNS = (
    Column(
        "expected_close",
        QT_TRANSLATE_NOOP("OpportunityList", "Expected close"),
        CONTEXT,
        text.calendar_date,
        width=110,
    ),
    Column("title", QT_TRANSLATE_NOOP("OpportunityList", "Title"), CONTEXT, width=260),
    Column("customer", QT_TRANSLATE_NOOP("OpportunityList", "Customer"), CONTEXT, width=200),
    Column("stage", QT_TRANSLATE_NOOP("OpportunityList", "Stage"), CONTEXT, width=130),
    Column(
        "amount",
        QT_TRANSLATE_NOOP("OpportunityList", "Amount"),
        CONTEXT,
        text.money,
        numeric=True,
        width=140,
    ),
    Column(
        "probability",
        QT_TRANSLATE_NOOP("OpportunityList", "Probability"),
        CONTEXT,
        text.percent,
        numeric=True,
        width=90,
    ),
    Column(
        "status", QT_TRANSLATE_NOOP("OpportunityList", "Status"), CONTEXT, text.enum_label, width=80
    ),
    Column("owner", QT_TRANSLATE_NOOP("OpportunityList", "Owner"), CONTEXT, width=100),
)


class OpportunityTab(QWidget):
    def __init__(self, db: Database, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        def fetch(offset: int, limit: int, key: str, descending: bool) -> list[Row]:
            return lists.opportunity_page(db, offset, limit, key, descending)

        self.model = LazyTableModel(COLUMNS, fetch, default_sort=CLOSE, parent=self)
        self.table = RecordTable(self.model, settings, "opportunities/header", CLOSE, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def reload(self) -> None:
        self.model.reload()

    def save_layout(self) -> None:
        self.table.save_layout()
