"""How the customer list shows each kind of value: locale dates, translated enums, numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from crm_desktop.services.customer_list import COLUMNS, CUSTOM_PREFIX
from crm_desktop.ui.text import calendar_date, enum_label, local_datetime

COLUMN_CONTEXT = "Columns"
_WIDTHS = {
    "name": 150, "company": 210, "kind": 80, "phone": 130, "email": 190, "region": 90,
    "city": 80, "industry": 110, "source": 90, "tier": 50, "status": 80, "owner": 90,
    "tags": 140, "last_contact_at": 130, "next_followup_at": 130, "created_at": 130,
    "updated_at": 130, "birthday": 90, "gender": 60, "address": 220, "notes": 220,
}  # fmt: skip


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
    ColumnSpec(c.key, c.label, c.kind, width=_WIDTHS.get(c.key, 120)) for c in COLUMNS.values()
)


def custom_column(field_id: str, name: str, field_type: str) -> ColumnSpec:
    kind = field_type if field_type in ("number", "date") else "text"
    return ColumnSpec(f"{CUSTOM_PREFIX}{field_id}", name, kind, translated=False)


def _number(value: Any) -> str:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    digits = max(0, -int(number.as_tuple().exponent))
    return QLocale().toString(float(number), "f", digits)


def _date(value: Any) -> str:
    if isinstance(value, date):
        return calendar_date(value)
    try:
        return calendar_date(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def display(kind: str, value: Any) -> str:
    """The text of one cell (safe to call from a worker thread: no widgets)."""
    if value is None or value == "":
        return ""
    if kind == "enum":
        return enum_label(str(value))
    if kind == "datetime" and isinstance(value, datetime):
        return local_datetime(value)
    if kind == "date":
        return _date(value)
    if kind == "number":
        return _number(value)
    return str(value)


def display_row(kinds: Sequence[str], values: Sequence[Any]) -> tuple[str, ...]:
    return tuple(display(kind, value) for kind, value in zip(kinds, values, strict=True))
