"""How the customer list shows each kind of value: locale dates, translated enums, numbers."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from crm_desktop.services.customer_list import COLUMNS, CUSTOM_PREFIX
from crm_desktop.ui.customers.cell_text import WIDTHS, display, display_row

__all__ = ["BUILT_IN", "COLUMN_CONTEXT", "ColumnSpec", "custom_column", "display", "display_row"]

COLUMN_CONTEXT = "Columns"


@dataclass(frozen=True)
class ColumnSpec:
    """One column of the list: its key for the list service, header, kind and width."""

    key: str
    label: str  # built-in: source text in context "Columns"; custom field: the user's name
    kind: str  # text, enum, date, datetime, user, tags, number
    translated: bool = True
    width: int = 120

    def header(self) -> str:
        if self.translated:
            return QCoreApplication.translate(COLUMN_CONTEXT, self.label)
        return self.label

    @property
    def numeric(self) -> bool:
        return self.kind == "number"


BUILT_IN: tuple[ColumnSpec, ...] = tuple(
    ColumnSpec(c.key, c.label, c.kind, width=WIDTHS.get(c.key, 120)) for c in COLUMNS.values()
)


def custom_column(field_id: str, name: str, field_type: str) -> ColumnSpec:
    kind = field_type if field_type in ("number", "date") else "text"
    return ColumnSpec(f"{CUSTOM_PREFIX}{field_id}", name, kind, translated=False)
