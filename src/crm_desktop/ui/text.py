"""Turning domain values into translated, locale-formatted text for display."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from crm_desktop.domain.enums import LABELS
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.money import Money


def error_text(error: CrmError) -> str:
    """The user's-language message of an error raised by the services."""
    return QCoreApplication.translate("Errors", error.template).format(**error.params)


def enum_label(value: str | None) -> str:
    if not value:
        return ""
    label = LABELS.get(value)
    return QCoreApplication.translate("Enums", label) if label is not None else value


def plain(value: Any) -> str:
    return "" if value is None else str(value)


def local_datetime(value: datetime | None) -> str:
    """A UTC time shown in the computer's time zone, in the locale's short format."""
    if value is None:
        return ""
    moment = QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def calendar_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def money(value: Money | None) -> str:
    if value is None:
        return ""
    return f"{value.amount:,} {value.currency}"


def percent(value: int | None) -> str:
    return "" if value is None else f"{value} %"
