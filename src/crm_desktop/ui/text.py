"""Turning domain values into translated, locale-formatted text for display."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from crm_desktop.domain.enums import LABELS
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.money import Money
from crm_desktop.domain.text import QT_TRANSLATE_NOOP


def error_text(error: CrmError) -> str:
    """The user's-language message of an error raised by the services."""
    return QCoreApplication.translate("Errors", error.template).format(**error.params)


def enum_label(value: str | None) -> str:
    if not value:
        return ""
    label = LABELS.get(value)
    return QCoreApplication.translate("Enums", label) if label is not None else value


# A deal's status and a stage's kind read differently from a customer's status in Chinese
# ("lost" is 输单 for a deal, 流失 for a customer): their own labels, context "DealStatus".
DEAL_STATUS_LABELS: dict[str, str] = {
    "open": QT_TRANSLATE_NOOP("DealStatus", "Open"),
    "won": QT_TRANSLATE_NOOP("DealStatus", "Won"),
    "lost": QT_TRANSLATE_NOOP("DealStatus", "Lost"),
}


def deal_status_label(value: str | None) -> str:
    label = DEAL_STATUS_LABELS.get(value or "")
    return QCoreApplication.translate("DealStatus", label) if label else enum_label(value)


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
