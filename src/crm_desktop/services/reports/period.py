"""The period and owner a report is about: month, quarter, year or custom days, in local time.

A ``Period`` is calendar days (local); ``ReportFilter`` adds the owner and the time zone that
turns those days into UTC bounds for the stored times and buckets times into local months.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, func

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"


_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-?[Qq]([1-4])")
_YEAR = re.compile(r"(\d{4})")
_CUSTOM = re.compile(r"(\d{4}-\d{2}-\d{2})(?:\.\.|/)(\d{4}-\d{2}-\d{2})")


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """Local calendar days ``start``..``end`` (both inclusive)."""

    start: date
    end: date
    kind: PeriodKind = PeriodKind.CUSTOM

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), _month_end(year, month), PeriodKind.MONTH)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), _month_end(year, first + 2), PeriodKind.QUARTER)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), PeriodKind.YEAR)

    @classmethod
    def containing(cls, kind: PeriodKind, day: date) -> Period:
        """This month / quarter / year around ``day``."""
        if kind == PeriodKind.MONTH:
            return cls.month(day.year, day.month)
        if kind == PeriodKind.QUARTER:
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        return cls.year(day.year)

    @classmethod
    def parse(cls, text: str) -> Period:
        """``2026-07``, ``2026-Q3``, ``2026`` or ``2026-07-01..2026-09-30``."""
        text = text.strip()
        try:
            if m := _CUSTOM.fullmatch(text):
                start, end = date.fromisoformat(m[1]), date.fromisoformat(m[2])
                if end >= start:
                    return cls(start, end, PeriodKind.CUSTOM)
            elif m := _QUARTER.fullmatch(text):
                return cls.quarter(int(m[1]), int(m[2]))
            elif m := _MONTH.fullmatch(text):
                return cls.month(int(m[1]), int(m[2]))
            elif m := _YEAR.fullmatch(text):
                return cls.year(int(m[1]))
        except ValueError:
            pass
        raise ValidationError(
            "period",
            QT_TRANSLATE_NOOP(
                "Errors",
                "“{value}” is not a period: use 2026-07, 2026-Q3, 2026 or 2026-07-01..2026-09-30.",
            ),
            value=text,
        )

    @property
    def code(self) -> str:
        """The text ``parse`` reads back (also the cover sheet's period)."""
        if self.kind == PeriodKind.MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == PeriodKind.QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == PeriodKind.YEAR:
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def months(self) -> list[str]:
        """Every month (``YYYY-MM``) the period touches, in order."""
        out = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


def _local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


@dataclass(frozen=True)
class ReportFilter:
    """A period, optionally one owner (a user id), and the zone of the person reading."""

    period: Period
    owner_id: str | None = None
    zone: tzinfo = field(default_factory=_local_zone)

    def bounds(self) -> tuple[datetime, datetime]:
        """UTC ``[start, end)`` of the period's local days."""
        start = datetime.combine(self.period.start, time.min, tzinfo=self.zone)
        end = datetime.combine(self.period.end + timedelta(days=1), time.min, tzinfo=self.zone)
        return start.astimezone(UTC), end.astimezone(UTC)

    def offset_minutes(self) -> int:
        """The zone's UTC offset at the period's start (months are bucketed with it)."""
        start = datetime.combine(self.period.start, time(12), tzinfo=self.zone)
        offset = start.utcoffset() or timedelta(0)
        return int(offset.total_seconds() // 60)

    def local_month(self, column: Any) -> ColumnElement[str]:
        """``YYYY-MM`` of a stored UTC time, in local time (SQL)."""
        minutes = self.offset_minutes()
        if minutes == 0:
            return func.substr(column, 1, 7)
        return func.substr(func.datetime(column, f"{minutes:+d} minutes"), 1, 7)

    def describe_zone(self) -> str:
        minutes = self.offset_minutes()
        return str(timezone(timedelta(minutes=minutes)))
