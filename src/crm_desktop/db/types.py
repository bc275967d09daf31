"""Column types: UTC timestamps stored as sortable ISO text, dates as ISO text."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

_FORMAT = "%Y-%m-%d %H:%M:%S.%f"
_STORED_LENGTH = len("2000-01-01 00:00:00.000000")


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_utc_text(value: datetime) -> str:
    """The stored form of a time: UTC, microseconds, sortable as text."""
    if value.tzinfo is None:
        raise ValueError("naive datetime: times must carry a time zone")
    return value.astimezone(UTC).strftime(_FORMAT)


def from_utc_text(text: str) -> datetime:
    if len(text) == _STORED_LENGTH and text[10] == " ":  # the stored form: the fast parser
        return datetime.fromisoformat(text).replace(tzinfo=UTC)  # ~400x quicker than strptime
    return datetime.strptime(text, _FORMAT).replace(tzinfo=UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored in UTC as ``YYYY-MM-DD HH:MM:SS.ffffff``."""

    impl = String(26)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            return value
        return to_utc_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return from_utc_text(value)


class ISODate(TypeDecorator[date]):
    """A calendar date (birthday, expected close) stored as ``YYYY-MM-DD``."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            return value
        return str(value.isoformat())

    def process_result_value(self, value: Any, dialect: Dialect) -> date | None:
        if value is None:
            return None
        return date.fromisoformat(value)
