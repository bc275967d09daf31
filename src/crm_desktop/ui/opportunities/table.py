"""The table view of the same deals as the board: lazy, sorted in SQL, every field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from crm_desktop.db.engine import Database
from crm_desktop.domain.money import Money
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import opportunity_table
from crm_desktop.services.pipeline import BoardFilter
from crm_desktop.ui import text
from crm_desktop.ui.opportunities.money_text import format_money
from crm_desktop.ui.widgets.lazy_table import Column, LazyTableModel, Row
from crm_desktop.ui.widgets.record_table import RecordTable

CONTEXT = "OpportunityTable"


def _money(value: Any) -> str:
    return format_money(value.amount, value.currency) if isinstance(value, Money) else ""


def _col(
    key: str, header: str, display: Callable[[Any], str] = text.plain, *, numeric: bool = False,
    width: int = 120,
) -> Column:  # fmt: skip
    return Column(key, header, CONTEXT, display, numeric=numeric, width=width)


COLUMNS = (
    _col("title", QT_TRANSLATE_NOOP("OpportunityTable", "Title"), width=240),
    _col("customer", QT_TRANSLATE_NOOP("OpportunityTable", "Customer"), width=180),
    _col("stage", QT_TRANSLATE_NOOP("OpportunityTable", "Stage")),
    _col(
        "status", QT_TRANSLATE_NOOP("OpportunityTable", "Status"), text.deal_status_label, width=70
    ),
    _col(
        "amount", QT_TRANSLATE_NOOP("OpportunityTable", "Amount"), _money, numeric=True, width=140
    ),
    _col(
        "probability",
        QT_TRANSLATE_NOOP("OpportunityTable", "Probability"),
        text.percent,
        numeric=True,
        width=80,
    ),
    _col(
        "expected_close",
        QT_TRANSLATE_NOOP("OpportunityTable", "Expected close"),
        text.calendar_date,
        width=100,
    ),
    _col("owner", QT_TRANSLATE_NOOP("OpportunityTable", "Owner"), width=100),
    _col("source", QT_TRANSLATE_NOOP("OpportunityTable", "Source"), text.enum_label, width=90),
    _col(
        "stage_changed_at",
        QT_TRANSLATE_NOOP("OpportunityTable", "Stage changed"),
        text.local_datetime,
        width=130,
    ),
    _col("closed_at", QT_TRANSLATE_NOOP("OpportunityTable", "Closed"), text.local_datetime),
    _col("lost_reason", QT_TRANSLATE_NOOP("OpportunityTable", "Lost reason"), width=140),
    _col("created_at", QT_TRANSLATE_NOOP("OpportunityTable", "Created"), text.local_datetime),
    _col("updated_at", QT_TRANSLATE_NOOP("OpportunityTable", "Modified"), text.local_datetime),
    _col("notes", QT_TRANSLATE_NOOP("OpportunityTable", "Notes"), width=200),
)
# Named column positions (for code that reads cells: tests, the detail panel).
TITLE, CUSTOMER, STAGE, STATUS, AMOUNT, PROBABILITY, EXPECTED_CLOSE = range(7)


class OpportunityTable(RecordTable):
    """``activated_id`` names a double-clicked deal."""

    def __init__(self, db: Database, settings: QSettings, parent: QWidget | None = None) -> None:
        self.filter = BoardFilter()

        def fetch(offset: int, limit: int, key: str, descending: bool) -> list[Row]:
            with db.session() as session:
                return opportunity_table.table_page(
                    session, self.filter, offset, limit, key, descending
                )

        model = LazyTableModel(COLUMNS, fetch, default_sort=EXPECTED_CLOSE)
        super().__init__(model, settings, "opportunities/table_header", EXPECTED_CLOSE, parent)
        model.setParent(self)

    def set_filter(self, flt: BoardFilter) -> None:
        self.filter = flt
        self.lazy_model.reload()
