"""The text of one list cell: locale dates, translated enums, numbers (no database types).

Kept apart from ``cells.py`` (which knows the list service's columns, and so SQLAlchemy) so
that the start-up page can format its rows before SQLAlchemy has loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QLocale

from crm_desktop.ui.text import calendar_date, enum_label, local_datetime

# default column widths in pixels, until the user resizes them
WIDTHS = {
    "name": 150, "company": 210, "kind": 80, "phone": 130, "email": 190, "region": 90,
    "city": 80, "industry": 110, "source": 90, "tier": 50, "status": 80, "owner": 90,
    "tags": 140, "last_contact_at": 130, "next_followup_at": 130, "created_at": 130,
    "updated_at": 130, "birthday": 90, "gender": 60, "address": 220, "notes": 220,
}  # fmt: skip


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
